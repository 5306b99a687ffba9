package ddbsim

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// indexedTable is a valid request for a table (pk, sk) with the GSI byG
// (hash g) and the LSI byL (pk, l), billed PAY_PER_REQUEST; a fresh copy
// each call.
func indexedTable() CreateTableInput {
	return CreateTableInput{
		TableName: "indexed",
		KeySchema: []KeySchemaElement{{"pk", KeyTypeHash}, {"sk", KeyTypeRange}},
		AttributeDefinitions: []AttributeDefinition{
			{"pk", ScalarAttributeTypeS}, {"sk", ScalarAttributeTypeS}, {"g", ScalarAttributeTypeN}, {"l", ScalarAttributeTypeB},
		},
		BillingMode: BillingModePayPerRequest,
		GlobalSecondaryIndexes: []GlobalSecondaryIndex{{
			IndexName: "byG", KeySchema: []KeySchemaElement{{"g", KeyTypeHash}}, Projection: &Projection{ProjectionType: ProjectionTypeAll},
		}},
		LocalSecondaryIndexes: []LocalSecondaryIndex{{
			IndexName: "byL", KeySchema: []KeySchemaElement{{"pk", KeyTypeHash}, {"l", KeyTypeRange}},
			Projection: &Projection{ProjectionType: ProjectionTypeInclude, NonKeyAttributes: []string{"b", "a"}},
		}},
	}
}

// withIndexes is indexedTable changed by f.
func withIndexes(f func(*CreateTableInput)) CreateTableInput {
	in := indexedTable()
	f(&in)
	return in
}

// keys builds a key schema from name, key type pairs.
func keys(pairs ...string) []KeySchemaElement {
	ks := make([]KeySchemaElement, 0, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		ks = append(ks, KeySchemaElement{AttributeName: pairs[i], KeyType: KeyType(pairs[i+1])})
	}
	return ks
}

// definitions defines each name as an S attribute.
func definitions(names ...string) []AttributeDefinition {
	defs := make([]AttributeDefinition, len(names))
	for i, n := range names {
		defs[i] = AttributeDefinition{AttributeName: n, AttributeType: ScalarAttributeTypeS}
	}
	return defs
}

// gsis returns n GSIs named byG0... on the hash key g, each projecting
// nonKey (INCLUDE) when given, else ALL.
func gsis(n int, nonKey ...string) []GlobalSecondaryIndex {
	out := make([]GlobalSecondaryIndex, n)
	for i := range out {
		p := &Projection{ProjectionType: ProjectionTypeAll}
		if nonKey != nil {
			p = &Projection{ProjectionType: ProjectionTypeInclude, NonKeyAttributes: nonKey}
		}
		out[i] = GlobalSecondaryIndex{IndexName: "byG" + strconv.Itoa(i), KeySchema: keys("g", "HASH"), Projection: p}
	}
	return out
}

// attrNames returns n attribute names a0, a1, ...
func attrNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = "a" + strconv.Itoa(i)
	}
	return names
}

func TestCreateTable_IndexAndSettingMessages(t *testing.T) {
	const invalid = "One or more parameter values were invalid: "
	const one = "1 validation error detected: "
	cases := []struct {
		name string
		in   CreateTableInput
		msg  string
	}{
		// Field constraints.
		{"definition without type", withIndexes(func(in *CreateTableInput) { in.AttributeDefinitions[2].AttributeType = "" }),
			one + "Value null at 'attributeDefinitions.3.member.attributeType' failed to satisfy constraint: Member must not be null"},
		{"definition without name", withIndexes(func(in *CreateTableInput) { in.AttributeDefinitions[0].AttributeName = "" }),
			one + "Value null at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: Member must not be null"},
		{"key element without name and type", withIndexes(func(in *CreateTableInput) { in.KeySchema[1] = KeySchemaElement{} }),
			"2 validation errors detected: Value null at 'keySchema.2.member.attributeName' failed to satisfy constraint: Member must not be null; " +
				"Value null at 'keySchema.2.member.keyType' failed to satisfy constraint: Member must not be null"},
		{"short index names, GSI listed first", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].IndexName = "zz"
			in.LocalSecondaryIndexes[0].IndexName = "aa"
		}), "2 validation errors detected: Value 'zz' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; " +
			"Value 'aa' at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3"},
		{"index name missing", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].IndexName = "" }),
			one + "Value null at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must not be null"},
		{"index name pattern", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes[0].IndexName = "by L" }),
			one + "Value 'by L' at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"},
		{"index name too long", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].IndexName = strings.Repeat("g", 256) }),
			one + "Value '" + strings.Repeat("g", 256) + "' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length less than or equal to 255"},
		{"index key schema missing", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].KeySchema = nil }),
			one + "Value null at 'globalSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must not be null"},
		{"index key schema empty", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].KeySchema = []KeySchemaElement{} }),
			one + "Value '[]' at 'globalSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"index key element without type", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].KeySchema[0].KeyType = "" }),
			one + "Value null at 'globalSecondaryIndexes.1.member.keySchema.1.member.keyType' failed to satisfy constraint: Member must not be null"},
		{"LSI key schema of three", withIndexes(func(in *CreateTableInput) {
			in.LocalSecondaryIndexes[0].KeySchema = keys("pk", "HASH", "l", "RANGE", "sk", "RANGE")
		}),
			one + "Value '[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=l, keyType=RANGE), KeySchemaElement(attributeName=sk, keyType=RANGE)]' at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"},
		{"projection missing", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].Projection = nil }),
			one + "Value null at 'globalSecondaryIndexes.1.member.projection' failed to satisfy constraint: Member must not be null"},
		{"unknown projection type", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes[0].Projection.ProjectionType = "all" }),
			one + "Value 'all' at 'localSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]"},
		{"empty NonKeyAttributes", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes[0].Projection.NonKeyAttributes = []string{} }),
			one + "Value '[]' at 'localSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"21 NonKeyAttributes", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes[0].Projection.NonKeyAttributes = attrNames(21) }),
			one + "Value '[" + strings.Join(attrNames(21), ", ") + "]' at 'localSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint: Member must have length less than or equal to 20"},
		{"index throughput of zero", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 1}
		}), one + "Value '0' at 'globalSecondaryIndexes.1.member.provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"unknown SSE type", withIndexes(func(in *CreateTableInput) { in.SSESpecification = &SSESpecification{Enabled: true, SSEType: "AES-256"} }),
			one + "Value 'AES-256' at 'sSESpecification.sSEType' failed to satisfy constraint: Member must satisfy enum value set: [AES256, KMS]"},
		{"unknown stream view type", withIndexes(func(in *CreateTableInput) {
			in.StreamSpecification = &StreamSpecification{StreamEnabled: true, StreamViewType: "ALL"}
		}), one + "Value 'ALL' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]"},

		// Attribute definitions against the key schemas.
		{"duplicate definition", withIndexes(func(in *CreateTableInput) {
			in.AttributeDefinitions = append(in.AttributeDefinitions, AttributeDefinition{"g", ScalarAttributeTypeS})
		}), "Attribute Name is duplicated: g"},
		{"empty GSI list", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes = []GlobalSecondaryIndex{} }),
			invalid + "List of GlobalSecondaryIndexes is empty"},
		{"empty LSI list", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes = []LocalSecondaryIndex{} }),
			invalid + "List of LocalSecondaryIndexes is empty"},
		{"unused definition", withIndexes(func(in *CreateTableInput) {
			in.AttributeDefinitions = append(in.AttributeDefinitions, AttributeDefinition{"x", ScalarAttributeTypeS})
		}), invalid + "Some AttributeDefinitions are not used. AttributeDefinitions: [pk, sk, g, l, x], keys used: [pk, sk, g, l]"},
		{"undefined index key", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].KeySchema[0].AttributeName = "h" }),
			invalid + "Some index key attributes are not defined in AttributeDefinitions. Keys: [h], AttributeDefinitions: [pk, sk, g, l]"},

		// LSIs.
		{"LSI on a table without a sort key", withIndexes(func(in *CreateTableInput) {
			in.KeySchema = keys("pk", "HASH")
			in.AttributeDefinitions = definitions("pk", "g", "l")
		}), invalid + "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex"},
		{"LSI without a range key", withIndexes(func(in *CreateTableInput) {
			in.LocalSecondaryIndexes[0].KeySchema = keys("pk", "HASH")
			in.AttributeDefinitions = definitions("pk", "sk", "g")
		}), invalid + "Index KeySchema does not have a range key for index: byL"},
		{"LSI with another hash key", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes[0].KeySchema[0].AttributeName = "g" }),
			invalid + "Index KeySchema does not have the same leading hash key as table KeySchema for index: byL. index hash key: g, table hash key: pk"},
		{"LSI range named as its hash", withIndexes(func(in *CreateTableInput) {
			in.LocalSecondaryIndexes[0].KeySchema = keys("pk", "HASH", "pk", "RANGE")
			in.AttributeDefinitions = definitions("pk", "sk", "g")
		}), "Both the Hash Key and the Range Key element in the KeySchema have the same name"},
		{"LSI range first", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes[0].KeySchema = keys("l", "RANGE", "pk", "HASH") }),
			"Invalid KeySchema: The first KeySchemaElement is not a HASH key type"},
		{"LSI of two hashes", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes[0].KeySchema[1].KeyType = KeyTypeHash }),
			"Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"},
		{"six LSIs", withIndexes(func(in *CreateTableInput) {
			in.LocalSecondaryIndexes = nil
			for i := range 6 {
				in.LocalSecondaryIndexes = append(in.LocalSecondaryIndexes, LocalSecondaryIndex{IndexName: "byL" + strconv.Itoa(i), KeySchema: keys("pk", "HASH", "l", "RANGE"), Projection: &Projection{ProjectionType: ProjectionTypeKeysOnly}})
			}
		}), invalid + "Number of LocalSecondaryIndexes exceeds per-table limit of 5"},

		// Projections.
		{"projection without a type", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].Projection = &Projection{} }),
			invalid + "Unknown ProjectionType: null"},
		{"NonKeyAttributes without INCLUDE", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].Projection = &Projection{ProjectionType: ProjectionTypeKeysOnly, NonKeyAttributes: []string{"a"}}
		}), invalid + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified"},
		{"INCLUDE without NonKeyAttributes", withIndexes(func(in *CreateTableInput) { in.LocalSecondaryIndexes[0].Projection.NonKeyAttributes = nil }),
			invalid + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified"},
		{"duplicate NonKeyAttribute", withIndexes(func(in *CreateTableInput) {
			in.LocalSecondaryIndexes[0].Projection.NonKeyAttributes = []string{"a", "b", "a"}
		}),
			invalid + "Duplicate element in NonKeyAttributes: a"},
		{"over 100 NonKeyAttributes in all", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes = gsis(5, attrNames(20)...) }),
			invalid + "Number of projected attributes in all indexes exceeds limit of 100"},

		// Names and counts.
		{"index name taken by an LSI", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].IndexName = "byL" }),
			invalid + "Duplicate index name: byL"},
		{"two GSIs of one name", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes = gsis(2)
			in.GlobalSecondaryIndexes[1].IndexName = "byG0"
		}), invalid + "Duplicate index name: byG0"},
		{"21 GSIs", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes = gsis(21) }),
			invalid + "GlobalSecondaryIndex count exceeds the per-table limit of 20"},

		// GSI key schemas (multi-attribute keys).
		{"GSI of five hash attributes", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].KeySchema = keys("g", "HASH", "h1", "HASH", "h2", "HASH", "h3", "HASH", "h4", "HASH")
			in.AttributeDefinitions = append(in.AttributeDefinitions, definitions("h1", "h2", "h3", "h4")...)
		}), invalid + "The KeySchema exceeds the maximum allowed number of HASH key attributes"},
		{"GSI of five range attributes", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].KeySchema = keys("g", "HASH", "r1", "RANGE", "r2", "RANGE", "r3", "RANGE", "r4", "RANGE", "r5", "RANGE")
			in.AttributeDefinitions = append(in.AttributeDefinitions, definitions("r1", "r2", "r3", "r4", "r5")...)
		}), invalid + "The KeySchema exceeds the maximum allowed number of RANGE key attributes"},
		{"GSI hash after range", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].KeySchema = keys("g", "HASH", "sk", "RANGE", "pk", "HASH")
		}),
			invalid + "All HASH key attributes must precede RANGE key attributes in the KeySchema"},
		{"GSI attribute twice", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].KeySchema = keys("g", "HASH", "sk", "RANGE", "g", "RANGE")
		}),
			"The KeySchema contains multiple key attributes with the same name"},
		{"GSI hash and range of one name", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].KeySchema = keys("g", "HASH", "g", "RANGE") }),
			"Both the Hash Key and the Range Key element in the KeySchema have the same name"},
		{"GSI range first", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].KeySchema = keys("sk", "RANGE", "g", "HASH") }),
			"Invalid KeySchema: The first KeySchemaElement is not a HASH key type"},
		{"GSI unknown key type", withIndexes(func(in *CreateTableInput) { in.GlobalSecondaryIndexes[0].KeySchema = keys("g", "HASH", "sk", "SORT") }),
			"Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"},

		// Throughput.
		{"GSI throughput on demand", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}
		}), invalid + "ProvisionedThroughput should not be specified for index: byG when BillingMode is PAY_PER_REQUEST"},
		{"provisioned GSI without throughput", withIndexes(func(in *CreateTableInput) {
			in.BillingMode = BillingModeProvisioned
			in.ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}
		}), invalid + "ProvisionedThroughput is not specified for index: byG"},
		{"GSI on-demand cap on a provisioned table", withIndexes(func(in *CreateTableInput) {
			in.BillingMode = BillingModeProvisioned
			in.ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}
			in.GlobalSecondaryIndexes[0].ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}
			in.GlobalSecondaryIndexes[0].OnDemandThroughput = &OnDemandThroughput{MaxWriteRequestUnits: ptr(int64(5))}
		}), invalid + "MaxWriteRequestUnits for OnDemandThroughput for index: byG cannot be specified when table BillingMode is PROVISIONED."},
		{"GSI on-demand cap of -1", withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes[0].OnDemandThroughput = &OnDemandThroughput{MaxReadRequestUnits: ptr(int64(-1))}
		}), invalid + "Requested MaxReadRequestUnits for OnDemandThroughput for index : byG is outside of valid range"},
		{"table on-demand cap on a provisioned table", CreateTableInput{TableName: "plain", KeySchema: keys("pk", "HASH"), AttributeDefinitions: definitions("pk"),
			ProvisionedThroughput: &ProvisionedThroughput{ReadCapacityUnits: 1, WriteCapacityUnits: 1}, OnDemandThroughput: &OnDemandThroughput{MaxReadRequestUnits: ptr(int64(5))}},
			invalid + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED."},
		{"table on-demand cap of 0", withIndexes(func(in *CreateTableInput) {
			in.OnDemandThroughput = &OnDemandThroughput{MaxReadRequestUnits: ptr(int64(10)), MaxWriteRequestUnits: ptr(int64(0))}
		}), invalid + "Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range"},

		// Stream, encryption, class.
		{"stream enabled without a view type", withIndexes(func(in *CreateTableInput) { in.StreamSpecification = &StreamSpecification{StreamEnabled: true} }),
			invalid + "Table is being created with a stream enabled, UpdateViewType is required"},
		{"stream disabled with a view type", withIndexes(func(in *CreateTableInput) {
			in.StreamSpecification = &StreamSpecification{StreamViewType: StreamViewTypeKeysOnly}
		}), invalid + "Table is being created with a stream disabled, UpdateViewType should not be specified"},
		{"SSE type without encryption", withIndexes(func(in *CreateTableInput) { in.SSESpecification = &SSESpecification{SSEType: SSETypeKMS} }),
			invalid + "SSEType can not be specified if Enabled is false"},
		{"KMS key without encryption", withIndexes(func(in *CreateTableInput) { in.SSESpecification = &SSESpecification{KMSMasterKeyId: "k"} }),
			invalid + "KMSMasterKeyId can not be specified if Enabled is false"},
		{"AES256", withIndexes(func(in *CreateTableInput) {
			in.SSESpecification = &SSESpecification{Enabled: true, SSEType: SSETypeAES256}
		}),
			invalid + "SSEType AES256 is not supported"},
		{"KMS key without KMS", withIndexes(func(in *CreateTableInput) {
			in.SSESpecification = &SSESpecification{Enabled: true, KMSMasterKeyId: "k"}
		}),
			invalid + "SSEType KMS is required if KMSMasterKeyId is specified"},
		{"unknown table class", withIndexes(func(in *CreateTableInput) { in.TableClass = "COLD" }),
			"Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS]."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := New(nil)
			_, err := db.CreateTable(context.Background(), c.in)
			requireAWSError(t, err, CodeValidation, c.msg)
			assert.NotErrorIs(t, err, errors.ErrUnsupported, "an invalid request is DynamoDB's error, not ddbsim's refusal")
			out, err := db.ListTables(context.Background(), ListTablesInput{})
			require.NoError(t, err)
			assert.Empty(t, out.TableNames, "a rejected CreateTable creates nothing")
		})
	}
}

func TestCreateTable_RefusesWhatDdbsimDoesNotSupport(t *testing.T) {
	onDemand := func(f func(*CreateTableInput)) CreateTableInput {
		in := CreateTableInput{TableName: "plain", KeySchema: keys("pk", "HASH"), AttributeDefinitions: definitions("pk"), BillingMode: BillingModePayPerRequest}
		f(&in)
		return in
	}
	cases := []struct {
		name, member string
		in           CreateTableInput
	}{
		{"warm throughput", "WarmThroughput", onDemand(func(in *CreateTableInput) { in.WarmThroughput = &WarmThroughput{} })},
		{"resource policy", "ResourcePolicy", onDemand(func(in *CreateTableInput) { in.ResourcePolicy = "{}" })},
		{"global table source", "GlobalTableSourceArn", onDemand(func(in *CreateTableInput) { in.GlobalTableSourceArn = "arn:aws:dynamodb:us-west-2:1:table/x" })},
		{"global table settings", "GlobalTableSettingsReplicationMode", onDemand(func(in *CreateTableInput) { in.GlobalTableSettingsReplicationMode = "ENABLED" })},
		{"vector indexes", "VectorIndexes", onDemand(func(in *CreateTableInput) { in.VectorIndexes = []VectorIndex{} })},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := New(nil)
			_, err := db.CreateTable(context.Background(), c.in)
			requireAWSError(t, err, CodeValidation, "ddbsim does not support "+c.member+" yet")
			assert.ErrorIs(t, err, errors.ErrUnsupported)
			assert.ErrorIs(t, err, ErrValidation)
			out, err := db.ListTables(context.Background(), ListTablesInput{})
			require.NoError(t, err)
			assert.Empty(t, out.TableNames, "a refused CreateTable creates nothing")
		})
	}
}

// Tables with indexes are created: the ones the refusal test used to
// refuse, a GSI of 4 hash and 4 range attributes among them.
func TestCreateTable_WithIndexes(t *testing.T) {
	for name, in := range map[string]CreateTableInput{
		"valid indexes": indexedTable(),
		"a GSI of 4 hash and 4 range attributes": withIndexes(func(in *CreateTableInput) {
			in.LocalSecondaryIndexes = nil
			in.GlobalSecondaryIndexes[0].KeySchema = keys("g", "HASH", "h1", "HASH", "h2", "HASH", "h3", "HASH", "r1", "RANGE", "r2", "RANGE", "r3", "RANGE", "r4", "RANGE")
			in.AttributeDefinitions = append(definitions("pk", "sk", "h1", "h2", "h3", "r1", "r2", "r3", "r4"), AttributeDefinition{"g", ScalarAttributeTypeN})
		}),
		"an LSI alone": withIndexes(func(in *CreateTableInput) {
			in.GlobalSecondaryIndexes = nil
			in.AttributeDefinitions = definitions("pk", "sk", "l")
		}),
	} {
		t.Run(name, func(t *testing.T) {
			db := New(nil)
			d, err := db.CreateTable(context.Background(), in)
			require.NoError(t, err)
			assert.Len(t, d.GlobalSecondaryIndexes, len(in.GlobalSecondaryIndexes))
			assert.Len(t, d.LocalSecondaryIndexes, len(in.LocalSecondaryIndexes))
			assert.Len(t, db.lookup(in.TableName).indexes(), len(in.GlobalSecondaryIndexes)+len(in.LocalSecondaryIndexes))
		})
	}
}

func TestValidateCreateTable_IndexSchemas(t *testing.T) {
	in := withIndexes(func(in *CreateTableInput) {
		in.GlobalSecondaryIndexes = append(in.GlobalSecondaryIndexes, GlobalSecondaryIndex{
			IndexName:  "multi",
			KeySchema:  keys("g", "HASH", "sk", "HASH", "l", "RANGE", "pk", "RANGE"),
			Projection: &Projection{ProjectionType: ProjectionTypeKeysOnly},
		})
	})
	ks, indexes, err := validateCreateTable(&in)
	require.NoError(t, err)
	table := keySchema{hash: keyAttr{"pk", TypeS}, sort: keyAttr{"sk", TypeS}}
	assert.Equal(t, table, ks)
	assert.Equal(t, []indexSchema{
		{name: "byG", kind: globalIndex, hash: []keyAttr{{"g", TypeN}}, projection: ProjectionTypeAll},
		{name: "multi", kind: globalIndex, hash: []keyAttr{{"g", TypeN}, {"sk", TypeS}}, sort: []keyAttr{{"l", TypeB}, {"pk", TypeS}}, projection: ProjectionTypeKeysOnly},
		{name: "byL", kind: localIndex, hash: []keyAttr{{"pk", TypeS}}, sort: []keyAttr{{"l", TypeB}}, projection: ProjectionTypeInclude, nonKey: []string{"a", "b"}},
	}, indexes, "GSIs then LSIs, keys in key-schema order, NonKeyAttributes sorted")

	assert.True(t, indexes[0].projectsNonKey("anything"), "ALL")
	assert.False(t, indexes[1].projectsNonKey("a"), "KEYS_ONLY")
	assert.True(t, indexes[2].projectsNonKey("a"), "INCLUDE a")
	assert.False(t, indexes[2].projectsNonKey("c"), "INCLUDE without c")
}

func TestCreateTable_DescribesItsSettings(t *testing.T) {
	created := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	db := New(&Options{Region: "eu-west-2", AccountID: "123456789012", Clock: ClockFunc(func() time.Time { return created })})
	ctx := context.Background()
	in := hashKeyTable("settings")
	in.OnDemandThroughput = &OnDemandThroughput{MaxReadRequestUnits: ptr(int64(100))}
	in.StreamSpecification = &StreamSpecification{StreamEnabled: true, StreamViewType: StreamViewTypeNewAndOldImages}
	in.SSESpecification = &SSESpecification{Enabled: true, SSEType: SSETypeKMS, KMSMasterKeyId: "alias/mine"}
	in.TableClass = TableClassStandardInfrequentAccess
	d, err := db.CreateTable(ctx, in)
	require.NoError(t, err)

	const arn = "arn:aws:dynamodb:eu-west-2:123456789012:table/settings"
	assert.Equal(t, &OnDemandThroughput{MaxReadRequestUnits: ptr(int64(100))}, d.OnDemandThroughput)
	assert.Equal(t, &StreamSpecification{StreamEnabled: true, StreamViewType: StreamViewTypeNewAndOldImages}, d.StreamSpecification)
	assert.Equal(t, "2026-11-25T12:00:00.000", d.LatestStreamLabel)
	assert.Equal(t, arn+"/stream/2026-11-25T12:00:00.000", d.LatestStreamArn)
	assert.Equal(t, &SSEDescription{Status: SSEStatusEnabled, SSEType: SSETypeKMS, KMSMasterKeyArn: "arn:aws:kms:eu-west-2:123456789012:alias/mine"}, d.SSEDescription)
	assert.Equal(t, &TableClassSummary{TableClass: TableClassStandardInfrequentAccess}, d.TableClassSummary)
	assert.False(t, d.DeletionProtectionEnabled)

	*in.OnDemandThroughput.MaxReadRequestUnits = 7
	d, err = db.DescribeTable(ctx, DescribeTableInput{TableName: "settings"})
	require.NoError(t, err)
	assert.Equal(t, int64(100), *d.OnDemandThroughput.MaxReadRequestUnits, "the table keeps its own copy")

	plain := hashKeyTable("plain")
	plain.StreamSpecification = &StreamSpecification{}
	plain.SSESpecification = &SSESpecification{}
	d, err = db.CreateTable(ctx, plain)
	require.NoError(t, err)
	assert.Nil(t, d.StreamSpecification, "a disabled stream is not described")
	assert.Empty(t, d.LatestStreamArn)
	assert.Nil(t, d.SSEDescription, "a key AWS owns is not described")
	assert.Nil(t, d.TableClassSummary)
	assert.Nil(t, d.OnDemandThroughput)
}

func TestKMSKeyARN(t *testing.T) {
	const table = "arn:aws:dynamodb:eu-west-2:123456789012:table/t"
	for keyID, want := range map[string]string{
		"":                                     "arn:aws:kms:eu-west-2:123456789012:alias/aws/dynamodb",
		"alias/mine":                           "arn:aws:kms:eu-west-2:123456789012:alias/mine",
		"1234abcd-12ab-34cd-56ef-1234567890ab": "arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
		"arn:aws:kms:us-east-1:1:key/k":        "arn:aws:kms:us-east-1:1:key/k",
	} {
		assert.Equal(t, want, kmsKeyARN(table, keyID), keyID)
	}
}

func TestDescribeIndexes(t *testing.T) {
	in := indexedTable()
	in.BillingMode = BillingModeProvisioned
	in.GlobalSecondaryIndexes[0].ProvisionedThroughput = &ProvisionedThroughput{ReadCapacityUnits: 3, WriteCapacityUnits: 4}
	const arn = "arn:aws:dynamodb:us-east-1:000000000000:table/indexed"
	var d TableDescription
	describeIndexes(&d, &in, arn)
	assert.Equal(t, []GlobalSecondaryIndexDescription{{
		IndexName: "byG", KeySchema: keys("g", "HASH"), Projection: &Projection{ProjectionType: ProjectionTypeAll},
		IndexStatus: IndexStatusActive, IndexArn: arn + "/index/byG",
		ProvisionedThroughput: &ProvisionedThroughputDescription{ReadCapacityUnits: 3, WriteCapacityUnits: 4},
	}}, d.GlobalSecondaryIndexes)
	assert.Equal(t, []LocalSecondaryIndexDescription{{
		IndexName: "byL", KeySchema: keys("pk", "HASH", "l", "RANGE"),
		Projection: &Projection{ProjectionType: ProjectionTypeInclude, NonKeyAttributes: []string{"b", "a"}},
		IndexArn:   arn + "/index/byL",
	}}, d.LocalSecondaryIndexes)

	in.LocalSecondaryIndexes[0].Projection.NonKeyAttributes[0] = "mutated"
	assert.Equal(t, "b", d.LocalSecondaryIndexes[0].Projection.NonKeyAttributes[0], "the description shares nothing with the input")
}
