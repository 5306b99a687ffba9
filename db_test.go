package ddbsim

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func hashKeyTable(name string) CreateTableInput {
	return CreateTableInput{
		TableName:            name,
		KeySchema:            []KeySchemaElement{{AttributeName: "id", KeyType: KeyTypeHash}},
		AttributeDefinitions: []AttributeDefinition{{AttributeName: "id", AttributeType: ScalarAttributeTypeS}},
		BillingMode:          BillingModePayPerRequest,
	}
}

func TestCreateTable_DescribesTheTable(t *testing.T) {
	created := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	db := New(&Options{Region: "eu-west-2", AccountID: "123456789012", Clock: ClockFunc(func() time.Time { return created })})
	in := CreateTableInput{
		TableName: "Orders",
		KeySchema: []KeySchemaElement{{AttributeName: "customer", KeyType: KeyTypeHash}, {AttributeName: "at", KeyType: KeyTypeRange}},
		AttributeDefinitions: []AttributeDefinition{
			{AttributeName: "customer", AttributeType: ScalarAttributeTypeS},
			{AttributeName: "at", AttributeType: ScalarAttributeTypeN},
		},
		ProvisionedThroughput: &ProvisionedThroughput{ReadCapacityUnits: 5, WriteCapacityUnits: 7},
	}
	d, err := db.CreateTable(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, "Orders", d.TableName)
	assert.Equal(t, TableStatusActive, d.TableStatus)
	assert.Equal(t, "arn:aws:dynamodb:eu-west-2:123456789012:table/Orders", d.TableArn)
	assert.NotEmpty(t, d.TableId)
	assert.Equal(t, in.KeySchema, d.KeySchema)
	assert.Equal(t, in.AttributeDefinitions, d.AttributeDefinitions)
	assert.Equal(t, created, d.CreationDateTime)
	assert.Equal(t, int64(5), d.ProvisionedThroughput.ReadCapacityUnits)
	assert.Equal(t, int64(7), d.ProvisionedThroughput.WriteCapacityUnits)
	assert.Nil(t, d.BillingModeSummary)

	in.KeySchema[0].AttributeName = "mutated"
	d2, err := db.DescribeTable(context.Background(), DescribeTableInput{TableName: "Orders"})
	require.NoError(t, err)
	assert.Equal(t, "customer", d2.KeySchema[0].AttributeName, "the table keeps its own copy of the input")
}

func TestCreateTable_PayPerRequestSummary(t *testing.T) {
	db := New(nil)
	d, err := db.CreateTable(context.Background(), hashKeyTable("tbl1"))
	require.NoError(t, err)
	require.NotNil(t, d.BillingModeSummary)
	assert.Equal(t, BillingModePayPerRequest, d.BillingModeSummary.BillingMode)
	assert.Equal(t, int64(0), d.ProvisionedThroughput.ReadCapacityUnits)
}

func TestCreateTable_AlreadyExists(t *testing.T) {
	db := New(nil)
	_, err := db.CreateTable(context.Background(), hashKeyTable("dup"))
	require.NoError(t, err)
	_, err = db.CreateTable(context.Background(), hashKeyTable("dup"))
	requireAWSError(t, err, CodeResourceInUse, "Table already exists: dup")
	assert.ErrorIs(t, err, ErrResourceInUse)
}

func TestCreateTable_ValidationMessages(t *testing.T) {
	base := hashKeyTable("valid")
	mod := func(f func(*CreateTableInput)) CreateTableInput {
		in := base
		in.KeySchema = append([]KeySchemaElement(nil), base.KeySchema...)
		in.AttributeDefinitions = append([]AttributeDefinition(nil), base.AttributeDefinitions...)
		f(&in)
		return in
	}
	const invalid = "One or more parameter values were invalid: "
	cases := []struct {
		name string
		in   CreateTableInput
		msg  string
	}{
		{"missing name", mod(func(in *CreateTableInput) { in.TableName = "" }),
			"1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"},
		{"short name", mod(func(in *CreateTableInput) { in.TableName = "ab" }),
			"1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"},
		{"bad characters and too long", mod(func(in *CreateTableInput) { in.TableName = strings.Repeat("a", 255) + "!" }),
			"2 validation errors detected: Value '" + strings.Repeat("a", 255) + "!' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
				"Value '" + strings.Repeat("a", 255) + "!' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255"},
		{"no key schema", mod(func(in *CreateTableInput) { in.KeySchema = nil }),
			"1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null"},
		{"no attribute definitions", mod(func(in *CreateTableInput) { in.AttributeDefinitions = nil }),
			"1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null"},
		{"bad key type", mod(func(in *CreateTableInput) { in.KeySchema[0].KeyType = "PRIMARY" }),
			"1 validation error detected: Value 'PRIMARY' at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]"},
		{"bad attribute type", mod(func(in *CreateTableInput) { in.AttributeDefinitions[0].AttributeType = "BOOL" }),
			"1 validation error detected: Value 'BOOL' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]"},
		{"bad billing mode", mod(func(in *CreateTableInput) { in.BillingMode = "FREE" }),
			"1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]"},
		{"provisioned without throughput", mod(func(in *CreateTableInput) { in.BillingMode = "" }),
			invalid + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"},
		{"on demand with throughput", mod(func(in *CreateTableInput) {
			in.ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}
		}), invalid + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"},
		{"zero units", mod(func(in *CreateTableInput) {
			in.BillingMode = BillingModeProvisioned
			in.ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 0, WriteCapacityUnits: 1}
		}), "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"units out of bounds", mod(func(in *CreateTableInput) {
			in.BillingMode = BillingModeProvisioned
			in.ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 1_000_000_000_001, WriteCapacityUnits: 1}
		}), "Given value 1000000000001 for ReadCapacityUnits is out of bounds"},
		{"key without definition", mod(func(in *CreateTableInput) { in.KeySchema[0].AttributeName = "other" }),
			invalid + "Some index key attributes are not defined in AttributeDefinitions. Keys: [other], AttributeDefinitions: [id]"},
		{"more keys than definitions", mod(func(in *CreateTableInput) {
			in.KeySchema = append(in.KeySchema, KeySchemaElement{AttributeName: "sk", KeyType: KeyTypeRange})
		}), "Invalid KeySchema: Some index key attribute have no definition"},
		{"hash and range same name", mod(func(in *CreateTableInput) {
			in.KeySchema = append(in.KeySchema, KeySchemaElement{AttributeName: "id", KeyType: KeyTypeRange})
			in.AttributeDefinitions = append(in.AttributeDefinitions, AttributeDefinition{AttributeName: "x", AttributeType: "S"})
		}), "Both the Hash Key and the Range Key element in the KeySchema have the same name"},
		{"first not hash", mod(func(in *CreateTableInput) { in.KeySchema[0].KeyType = KeyTypeRange }),
			"Invalid KeySchema: The first KeySchemaElement is not a HASH key type"},
		{"second not range", mod(func(in *CreateTableInput) {
			in.KeySchema = append(in.KeySchema, KeySchemaElement{AttributeName: "sk", KeyType: KeyTypeHash})
			in.AttributeDefinitions = append(in.AttributeDefinitions, AttributeDefinition{AttributeName: "sk", AttributeType: "N"})
		}), "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"},
		{"extra definition", mod(func(in *CreateTableInput) {
			in.AttributeDefinitions = append(in.AttributeDefinitions, AttributeDefinition{AttributeName: "x", AttributeType: "S"})
		}), invalid + "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"},
		{"three key elements", mod(func(in *CreateTableInput) {
			in.KeySchema = []KeySchemaElement{{"a", KeyTypeHash}, {"b", KeyTypeRange}, {"c", KeyTypeRange}}
		}), "1 validation error detected: Value '[KeySchemaElement(attributeName=a, keyType=HASH), KeySchemaElement(attributeName=b, keyType=RANGE), KeySchemaElement(attributeName=c, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := New(nil)
			_, err := db.CreateTable(context.Background(), c.in)
			requireAWSError(t, err, CodeValidation, c.msg)
			out, err := db.ListTables(context.Background(), ListTablesInput{})
			require.NoError(t, err)
			assert.Empty(t, out.TableNames, "a rejected CreateTable creates nothing")
		})
	}
}

func TestDescribeTable_CountsItemsAndBytes(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a"), "n": N("12")}})
	require.NoError(t, err)
	_, err = users.PutItem(ctx, PutItemInput{Item: Item{"id": S("b")}})
	require.NoError(t, err)
	_, err = users.PutItem(ctx, PutItemInput{Item: Item{"id": S("b"), "x": S("xyz")}})
	require.NoError(t, err)
	d, err := users.Describe(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(2), d.ItemCount)
	assert.Equal(t, int64((2+1)+(1+2)+(2+1)+(1+3)), d.TableSizeBytes)

	_, err = users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("a")}})
	require.NoError(t, err)
	d, err = users.Describe(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(1), d.ItemCount)
	assert.Equal(t, int64(7), d.TableSizeBytes)
}

func TestDescribeAndDeleteTable_NotFound(t *testing.T) {
	db := New(nil)
	ctx := context.Background()
	_, err := db.DescribeTable(ctx, DescribeTableInput{TableName: "nope"})
	requireAWSError(t, err, CodeResourceNotFound, "Requested resource not found: Table: nope not found")
	assert.ErrorIs(t, err, ErrResourceNotFound)
	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "nope"})
	requireAWSError(t, err, CodeResourceNotFound, "Requested resource not found: Table: nope not found")
	_, err = db.DescribeTable(ctx, DescribeTableInput{TableName: "x"})
	requireAWSError(t, err, CodeValidation, "1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3")
}

func TestDeleteTable_RemovesTableAndItems(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a")}})
	require.NoError(t, err)

	d, err := db.DeleteTable(ctx, DeleteTableInput{TableName: "users"})
	require.NoError(t, err)
	assert.Equal(t, TableStatusDeleting, d.TableStatus)
	assert.Equal(t, int64(1), d.ItemCount)

	_, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}})
	requireAWSError(t, err, CodeResourceNotFound, "Requested resource not found")

	_, err = db.CreateTable(ctx, hashKeyTable("users"))
	require.NoError(t, err)
	out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}})
	require.NoError(t, err, "the handle follows the table of that name")
	assert.Nil(t, out.Item, "a recreated table starts empty")
}

func TestListTables_PagesInNameOrder(t *testing.T) {
	db := New(nil)
	ctx := context.Background()
	for _, n := range []string{"ccc", "aaa", "bbb", "ddd", "B-upper"} {
		_, err := db.CreateTable(ctx, hashKeyTable(n))
		require.NoError(t, err)
	}
	all, err := db.ListTables(ctx, ListTablesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"B-upper", "aaa", "bbb", "ccc", "ddd"}, all.TableNames)
	assert.Empty(t, all.LastEvaluatedTableName)

	var got []string
	in := ListTablesInput{Limit: ptr(int32(2))}
	for {
		page, err := db.ListTables(ctx, in)
		require.NoError(t, err)
		got = append(got, page.TableNames...)
		if page.LastEvaluatedTableName == "" {
			break
		}
		in.ExclusiveStartTableName = page.LastEvaluatedTableName
	}
	assert.Equal(t, all.TableNames, got)

	after, err := db.ListTables(ctx, ListTablesInput{ExclusiveStartTableName: "bba"})
	require.NoError(t, err)
	assert.Equal(t, []string{"bbb", "ccc", "ddd"}, after.TableNames, "the start name need not exist")

	_, err = db.ListTables(ctx, ListTablesInput{Limit: ptr(int32(0))})
	requireAWSError(t, err, CodeValidation, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
	_, err = db.ListTables(ctx, ListTablesInput{Limit: ptr(int32(101))})
	requireAWSError(t, err, CodeValidation, "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100")
}

func TestListTables_EmptyDB(t *testing.T) {
	out, err := New(nil).ListTables(context.Background(), ListTablesInput{})
	require.NoError(t, err)
	assert.NotNil(t, out.TableNames)
	assert.Empty(t, out.TableNames)
}
