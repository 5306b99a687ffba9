package ddbsim

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPutGetDelete_RoundTrip(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	item := sampleItem()
	item["id"] = S("u1")
	_, err := users.PutItem(ctx, PutItemInput{Item: item})
	require.NoError(t, err)

	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("u1")}})
	require.NoError(t, err)
	assert.True(t, got.Item.Equal(item), "got %s", got.Item)
	assert.Equal(t, "1234.5", got.Item["balance"].N(), "numbers are stored canonical")

	got.Item["name"] = S("changed")
	again, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("u1")}, ConsistentRead: true})
	require.NoError(t, err)
	assert.Equal(t, "Ada Lovelace", again.Item["name"].S(), "the caller owns what it gets")

	item["name"] = S("mutated after put")
	again, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("u1")}})
	require.NoError(t, err)
	assert.Equal(t, "Ada Lovelace", again.Item["name"].S(), "the table keeps its own copy")

	del, err := users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("u1")}, ReturnValues: ReturnValueAllOld})
	require.NoError(t, err)
	assert.Equal(t, "Ada Lovelace", del.Attributes["name"].S())

	gone, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("u1")}})
	require.NoError(t, err)
	assert.Nil(t, gone.Item)

	again2, err := users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("u1")}, ReturnValues: ReturnValueAllOld})
	require.NoError(t, err, "deleting a missing item succeeds")
	assert.Nil(t, again2.Attributes)
}

func TestPutItem_ReplacesWholeItem(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a"), "old": S("x")}})
	require.NoError(t, err)
	out, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a"), "new": S("y")}, ReturnValues: ReturnValueAllOld})
	require.NoError(t, err)
	assert.Equal(t, Item{"id": S("a"), "old": S("x")}.String(), out.Attributes.String())
	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}})
	require.NoError(t, err)
	assert.Equal(t, Item{"id": S("a"), "new": S("y")}.String(), got.Item.String())

	first, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("fresh")}, ReturnValues: ReturnValueAllOld})
	require.NoError(t, err)
	assert.Nil(t, first.Attributes, "no old item, no Attributes")
	none, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("fresh")}})
	require.NoError(t, err)
	assert.Nil(t, none.Attributes, "ReturnValues NONE returns nothing")
}

func TestNumericKeys_SameValueSameItem(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	events := db.Table("events")
	_, err := events.PutItem(ctx, PutItemInput{Item: Item{"pk": S("p"), "sk": N("1e3"), "v": S("first")}})
	require.NoError(t, err)
	_, err = events.PutItem(ctx, PutItemInput{Item: Item{"pk": S("p"), "sk": N("1000.0"), "v": S("second")}})
	require.NoError(t, err)
	for _, spelled := range []string{"1000", "001000", "+1000", "1E+3", "10000e-1"} {
		got, err := events.GetItem(ctx, GetItemInput{Key: Item{"pk": S("p"), "sk": N(spelled)}})
		require.NoError(t, err)
		require.NotNil(t, got.Item, spelled)
		assert.Equal(t, "second", got.Item["v"].S())
		assert.Equal(t, "1000", got.Item["sk"].N(), "the key comes back canonical")
	}
	assert.Len(t, tableItems(t, db, "events"), 1)
}

func TestGetItem_AttributesToGet(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a"), "x": N("1"), "y": M(map[string]Value{"z": L(S("q"))}), "w": SS("s")}})
	require.NoError(t, err)

	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}, AttributesToGet: []string{"y", "missing", "x"}})
	require.NoError(t, err)
	assert.Equal(t, `{"x":{"N":"1"},"y":{"M":{"z":{"L":[{"S":"q"}]}}}}`, got.Item.String(), "keys are not added implicitly")

	none, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}, AttributesToGet: []string{"missing"}})
	require.NoError(t, err)
	assert.NotNil(t, none.Item, "an existing item with no match is an empty item")
	assert.Empty(t, none.Item)

	_, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}, AttributesToGet: []string{"x", "x"}})
	requireAWSError(t, err, CodeValidation, "One or more parameter values were invalid: Duplicate value in attribute name: x")
	_, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}, AttributesToGet: []string{}})
	requireAWSError(t, err, CodeValidation, "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1")
}

func TestKeyParameter_MustMatchSchema(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	cases := []struct {
		name  string
		table string
		key   Item
		msg   string
	}{
		{"missing attribute", "events", Item{"pk": S("p")}, msgKeyMismatch},
		{"extra attribute", "users", Item{"id": S("a"), "x": S("b")}, msgKeyMismatch},
		{"wrong type", "users", Item{"id": N("1")}, msgKeyMismatch},
		{"wrong name", "users", Item{"ID": S("a")}, msgKeyMismatch},
		{"list as key", "users", Item{"id": L(S("a"))}, msgKeyMismatch},
		{"sort key wrong type", "events", Item{"pk": S("p"), "sk": S("1")}, msgKeyMismatch},
		{"empty key", "users", Item{}, msgKeyMismatch},
		{"empty string key", "users", Item{"id": S("")}, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id"},
		{"hash key too long", "users", Item{"id": S(strings.Repeat("k", 2049))}, msgHashKeyTooLong},
		{"numeric sort key has no byte limit", "events", Item{"pk": S("p"), "sk": N(strings.Repeat("9", 38) + "e80")}, ""},
		{"invalid number in key", "events", Item{"pk": S("p"), "sk": N("1x")}, "The parameter cannot be converted to a numeric value: 1x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, getErr := db.GetItem(ctx, GetItemInput{TableName: c.table, Key: c.key})
			_, delErr := db.DeleteItem(ctx, DeleteItemInput{TableName: c.table, Key: c.key})
			if c.msg == "" {
				assert.NoError(t, getErr)
				assert.NoError(t, delErr)
				return
			}
			requireAWSError(t, getErr, CodeValidation, c.msg)
			requireAWSError(t, delErr, CodeValidation, c.msg)
		})
	}
	_, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S(strings.Repeat("k", 2048))}})
	assert.NoError(t, err, "2048 bytes is the inclusive limit")
}

func TestPutItem_KeyRules(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	const invalid = "One or more parameter values were invalid: "
	cases := []struct {
		name  string
		table string
		item  Item
		msg   string
	}{
		{"missing hash key", "users", Item{"x": S("a")}, invalid + "Missing the key id in the item"},
		{"missing sort key", "events", Item{"pk": S("a")}, invalid + "Missing the key sk in the item"},
		{"hash key wrong type", "users", Item{"id": N("1")}, invalid + "Type mismatch for key id expected: S actual: N"},
		{"sort key as list", "events", Item{"pk": S("a"), "sk": L()}, invalid + "Type mismatch for key sk expected: N actual: L"},
		{"empty string hash key", "users", Item{"id": S("")}, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id"},
		{"hash key 2049 bytes", "users", Item{"id": S(strings.Repeat("é", 1024) + "x")}, msgHashKeyTooLong},
		{"numeric sort key has no byte limit", "events", Item{"pk": S("a"), "sk": N("-" + strings.Repeat("1", 38))}, ""},
		{"empty item", "users", Item{}, invalid + "Missing the key id in the item"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := db.PutItem(ctx, PutItemInput{TableName: c.table, Item: c.item})
			if c.msg == "" {
				assert.NoError(t, err)
				return
			}
			requireAWSError(t, err, CodeValidation, c.msg)
		})
	}
}

func TestSortKeyLength_BinaryLimit(t *testing.T) {
	db := New(nil)
	ctx := context.Background()
	_, err := db.CreateTable(ctx, CreateTableInput{
		TableName:            "bin",
		KeySchema:            []KeySchemaElement{{"pk", KeyTypeHash}, {"sk", KeyTypeRange}},
		AttributeDefinitions: []AttributeDefinition{{"pk", ScalarAttributeTypeB}, {"sk", ScalarAttributeTypeB}},
		BillingMode:          BillingModePayPerRequest,
	})
	require.NoError(t, err)
	_, err = db.PutItem(ctx, PutItemInput{TableName: "bin", Item: Item{"pk": B([]byte{0}), "sk": B(make([]byte, 1024))}})
	assert.NoError(t, err, "1024 bytes is the inclusive sort key limit")
	_, err = db.PutItem(ctx, PutItemInput{TableName: "bin", Item: Item{"pk": B([]byte{0}), "sk": B(make([]byte, 1025))}})
	requireAWSError(t, err, CodeValidation, msgSortKeyTooLong)
	_, err = db.PutItem(ctx, PutItemInput{TableName: "bin", Item: Item{"pk": B(nil), "sk": B([]byte{1})}})
	requireAWSError(t, err, CodeValidation, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: pk")
	_, err = db.PutItem(ctx, PutItemInput{TableName: "bin", Item: Item{"pk": B([]byte{1}), "sk": B([]byte{1}), "empty": B(nil), "es": S("")}})
	assert.NoError(t, err, "empty binaries and strings are fine outside keys")
}

func TestPutItem_SizeLimitIsInclusive(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	// "id"="k" is 3 bytes, "d" is 1: a 409,596-byte string makes 409,600.
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("k"), "d": S(strings.Repeat("x", 409596))}})
	require.NoError(t, err)
	_, err = db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("k2"), "d": S(strings.Repeat("x", 409596))}})
	requireAWSError(t, err, CodeValidation, "Item size has exceeded the maximum allowed size")
	_, err = db.PutItem(ctx, PutItemInput{TableName: "no-such-table", Item: Item{"id": S("k2"), "d": S(strings.Repeat("x", 409600))}})
	requireAWSError(t, err, CodeValidation, "Item size has exceeded the maximum allowed size")
}

func TestPutItem_RequestValidation(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	cases := []struct {
		name string
		in   PutItemInput
		code string
		msg  string
	}{
		{"no table name", PutItemInput{Item: Item{"id": S("a")}}, CodeValidation,
			"1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"},
		{"bad table name", PutItemInput{TableName: "a b", Item: Item{"id": S("a")}}, CodeValidation,
			"1 validation error detected: Value 'a b' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"},
		{"no item", PutItemInput{TableName: "users"}, CodeValidation,
			"1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null"},
		{"bad return values", PutItemInput{TableName: "users", Item: Item{"id": S("a")}, ReturnValues: "hi"}, CodeValidation,
			"1 validation error detected: Value 'hi' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"},
		{"return values all new", PutItemInput{TableName: "users", Item: Item{"id": S("a")}, ReturnValues: ReturnValueAllNew}, CodeValidation,
			"ReturnValues can only be ALL_OLD or NONE"},
		{"bad consumed capacity", PutItemInput{TableName: "users", Item: Item{"id": S("a")}, ReturnConsumedCapacity: "ALL"}, CodeValidation,
			"1 validation error detected: Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]"},
		{"two problems at once", PutItemInput{ReturnValues: "x"}, CodeValidation,
			"3 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; " +
				"Value null at 'item' failed to satisfy constraint: Member must not be null; " +
				"Value 'x' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"},
		{"invalid value before missing table", PutItemInput{TableName: "nope", Item: Item{"id": S("a"), "s": SS()}}, CodeValidation,
			"One or more parameter values were invalid: An string set  may not be empty"},
		{"missing table", PutItemInput{TableName: "nope", Item: Item{"id": S("a")}}, CodeResourceNotFound, "Requested resource not found"},
		{"missing table before key check", PutItemInput{TableName: "nope", Item: Item{"x": S("a")}}, CodeResourceNotFound, "Requested resource not found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := db.PutItem(ctx, c.in)
			requireAWSError(t, err, c.code, c.msg)
			assert.Empty(t, tableItems(t, db, "users"), "a rejected request writes nothing")
		})
	}
}

func TestRejectedWrites_LeaveTableUnchanged(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a"), "v": N("1")}})
	require.NoError(t, err)
	before := tableItems(t, db, "users")
	bad := []PutItemInput{
		{Item: Item{"id": S("a"), "v": N("NaN")}},
		{Item: Item{"id": S("a"), "v": NS("1", "1.0")}},
		{Item: Item{"id": S("a"), "v": M(map[string]Value{"x": {}})}},
		{Item: Item{"id": S("a"), "v": S(strings.Repeat("x", 409600))}},
		{Item: Item{"id": N("1")}},
		{Item: Item{"id": S("a")}, ReturnValues: ReturnValueUpdatedNew},
	}
	for _, in := range bad {
		_, err := users.PutItem(ctx, in)
		require.ErrorIs(t, err, ErrValidation)
	}
	_, err = users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("a")}, ReturnValues: ReturnValueAllNew})
	requireAWSError(t, err, CodeValidation, "ReturnValues can only be ALL_OLD or NONE")
	_, err = users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("a"), "v": N("1")}})
	requireAWSError(t, err, CodeValidation, msgKeyMismatch)
	assert.Equal(t, before, tableItems(t, db, "users"))
	d, err := users.Describe(ctx)
	require.NoError(t, err)
	assert.Equal(t, int64(1), d.ItemCount)
}

func TestItemOperations_TableNameForms(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	arn := "arn:aws:dynamodb:us-east-1:000000000000:table/users"
	_, err := db.PutItem(ctx, PutItemInput{TableName: arn, Item: Item{"id": S("a")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
	require.NoError(t, err, "a table ARN names the table")
	got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("a")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
	require.NoError(t, err)
	require.NotNil(t, got.Item)
	viaARN, err := db.GetItem(ctx, GetItemInput{TableName: arn, Key: Item{"id": S("a")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
	require.NoError(t, err)
	assert.Equal(t, arn, viaARN.ConsumedCapacity.TableName, "capacity names the table as the request did")

	_, err = db.GetItem(ctx, GetItemInput{TableName: "arn:aws:dynamodb:eu-west-1:000000000000:table/users", Key: Item{"id": S("a")}})
	requireAWSError(t, err, CodeResourceNotFound, "Requested resource not found")
	_, err = db.GetItem(ctx, GetItemInput{TableName: "ab", Key: Item{"id": S("a")}})
	requireAWSError(t, err, CodeValidation, "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3")

	_, err = db.Table("users").GetItem(ctx, GetItemInput{TableName: "events", Key: Item{"id": S("a")}})
	require.ErrorIs(t, err, ErrValidation, "a handle refuses an input naming another table")
}

func TestConsumedCapacity_Units(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	small := Item{"id": S("s")}
	big := Item{"id": S("b"), "d": S(strings.Repeat("x", 5000))} // 5,004 bytes
	cases := []struct {
		name string
		run  func() (*ConsumedCapacity, error)
		want float64
	}{
		{"put new small item", func() (*ConsumedCapacity, error) {
			out, err := users.PutItem(ctx, PutItemInput{Item: small, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 1},
		{"put 5 KB item", func() (*ConsumedCapacity, error) {
			out, err := users.PutItem(ctx, PutItemInput{Item: big, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 5},
		{"overwrite 5 KB item with a small one charges the larger", func() (*ConsumedCapacity, error) {
			out, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("b")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			if err == nil {
				_, err = users.PutItem(ctx, PutItemInput{Item: big})
			}
			return out.ConsumedCapacity, err
		}, 5},
		{"strong read of 5 KB", func() (*ConsumedCapacity, error) {
			out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("b")}, ConsistentRead: true, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 2},
		{"eventual read of 5 KB", func() (*ConsumedCapacity, error) {
			out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("b")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 1},
		{"projection does not reduce reads", func() (*ConsumedCapacity, error) {
			out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("b")}, AttributesToGet: []string{"id"}, ConsistentRead: true, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 2},
		{"eventual read miss", func() (*ConsumedCapacity, error) {
			out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("zz")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 0.5},
		{"strong read miss", func() (*ConsumedCapacity, error) {
			out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("zz")}, ConsistentRead: true, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 1},
		{"delete of missing item", func() (*ConsumedCapacity, error) {
			out, err := users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("zz")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 1},
		{"delete of 5 KB item", func() (*ConsumedCapacity, error) {
			out, err := users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("b")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
			return out.ConsumedCapacity, err
		}, 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cc, err := c.run()
			require.NoError(t, err)
			require.NotNil(t, cc)
			assert.Equal(t, "users", cc.TableName)
			assert.Equal(t, c.want, cc.CapacityUnits)
			assert.Nil(t, cc.Table, "TOTAL has no per-table breakdown")
		})
	}

	out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("s")}, ReturnConsumedCapacity: ReturnConsumedCapacityIndexes})
	require.NoError(t, err)
	assert.Equal(t, &ConsumedCapacity{TableName: "users", CapacityUnits: 0.5, Table: &Capacity{CapacityUnits: 0.5}}, out.ConsumedCapacity)
	out, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("s")}, ReturnConsumedCapacity: ReturnConsumedCapacityNone})
	require.NoError(t, err)
	assert.Nil(t, out.ConsumedCapacity)
	out, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("s")}})
	require.NoError(t, err)
	assert.Nil(t, out.ConsumedCapacity)
}

func TestContextCanceled(t *testing.T) {
	db := newTestDB(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a")}})
	assert.True(t, errors.Is(err, context.Canceled))
	assert.Empty(t, tableItems(t, db, "users"))
}
