package ddbaws

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// indexed is a valid CreateTable request for a table (pk, sk) with the GSI
// byG (hash g) and the LSI byL (pk, l), changed by f; ddbsim validates it
// and refuses its indexes.
func indexed(f func(*dynamodb.CreateTableInput)) *dynamodb.CreateTableInput {
	in := onDemand("indexed", key("pk", types.ScalarAttributeTypeS), key("sk", types.ScalarAttributeTypeS))
	in.AttributeDefinitions = append(in.AttributeDefinitions, key("g", types.ScalarAttributeTypeN), key("l", types.ScalarAttributeTypeS))
	in.GlobalSecondaryIndexes = []types.GlobalSecondaryIndex{{
		IndexName:  aws.String("byG"),
		KeySchema:  []types.KeySchemaElement{{AttributeName: aws.String("g"), KeyType: types.KeyTypeHash}},
		Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll},
	}}
	in.LocalSecondaryIndexes = []types.LocalSecondaryIndex{{
		IndexName:  aws.String("byL"),
		KeySchema:  []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("l"), KeyType: types.KeyTypeRange}},
		Projection: &types.Projection{ProjectionType: types.ProjectionTypeInclude, NonKeyAttributes: []string{"a"}},
	}}
	if f != nil {
		f(in)
	}
	return in
}

// createTableSteps are the parity steps of CreateTable's members beyond
// the key schema: refusals of DynamoDB and of ddbsim, and a table whose
// description carries every setting ddbsim describes.
var createTableSteps = []step{
	createStep("create indexed", indexed(nil)),
	createStep("create index name too short", indexed(func(in *dynamodb.CreateTableInput) { in.LocalSecondaryIndexes[0].IndexName = aws.String("l") })),
	createStep("create empty GSI list", indexed(func(in *dynamodb.CreateTableInput) { in.GlobalSecondaryIndexes = []types.GlobalSecondaryIndex{} })),
	createStep("create GSI without projection", indexed(func(in *dynamodb.CreateTableInput) { in.GlobalSecondaryIndexes[0].Projection = nil })),
	createStep("create GSI projection without type", indexed(func(in *dynamodb.CreateTableInput) { in.GlobalSecondaryIndexes[0].Projection = &types.Projection{} })),
	createStep("create unused definition", indexed(func(in *dynamodb.CreateTableInput) {
		in.AttributeDefinitions = append(in.AttributeDefinitions, key("x", types.ScalarAttributeTypeS))
	})),
	createStep("create definition without type", indexed(func(in *dynamodb.CreateTableInput) {
		in.AttributeDefinitions[3].AttributeType = ""
	})),
	createStep("create warm throughput", &dynamodb.CreateTableInput{
		TableName: aws.String("warm"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{key("id", types.ScalarAttributeTypeS)},
		WarmThroughput:       &types.WarmThroughput{ReadUnitsPerSecond: aws.Int64(12000)},
	}),
	createStep("create stream without enabled", &dynamodb.CreateTableInput{
		TableName: aws.String("stream"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{key("id", types.ScalarAttributeTypeS)},
		StreamSpecification:  &types.StreamSpecification{StreamViewType: types.StreamViewTypeKeysOnly},
	}),
	createStep("create with settings", &dynamodb.CreateTableInput{
		TableName: aws.String("settings"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:                 []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions:      []types.AttributeDefinition{key("id", types.ScalarAttributeTypeS)},
		OnDemandThroughput:        &types.OnDemandThroughput{MaxWriteRequestUnits: aws.Int64(50)},
		StreamSpecification:       &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeNewImage},
		SSESpecification:          &types.SSESpecification{Enabled: aws.Bool(true)},
		TableClass:                types.TableClassStandard,
		DeletionProtectionEnabled: aws.Bool(false),
	}),
	describeStep("describe with settings", aws.String("settings")),
}

// TestCreateTable_OneErrorThroughEveryDoor sends each request through the
// native API, NewAPI and NewClient (the wire) and requires the same
// DynamoDB error from all three.
func TestCreateTable_OneErrorThroughEveryDoor(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name string
		in   *dynamodb.CreateTableInput
		msg  string
	}{
		{"GSI and LSI names too short", indexed(func(in *dynamodb.CreateTableInput) {
			in.GlobalSecondaryIndexes[0].IndexName = aws.String("g")
			in.LocalSecondaryIndexes[0].IndexName = aws.String("l")
		}), "2 validation errors detected: Value 'g' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; " +
			"Value 'l' at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3"},
		{"LSI with another hash key", indexed(func(in *dynamodb.CreateTableInput) {
			in.LocalSecondaryIndexes[0].KeySchema[0].AttributeName = aws.String("g")
		}),
			"One or more parameter values were invalid: Index KeySchema does not have the same leading hash key as table KeySchema for index: byL. index hash key: g, table hash key: pk"},
		{"duplicate index name", indexed(func(in *dynamodb.CreateTableInput) { in.GlobalSecondaryIndexes[0].IndexName = aws.String("byL") }),
			"One or more parameter values were invalid: Duplicate index name: byL"},
		{"GSI hash after range", indexed(func(in *dynamodb.CreateTableInput) {
			in.GlobalSecondaryIndexes[0].KeySchema = append(in.GlobalSecondaryIndexes[0].KeySchema,
				types.KeySchemaElement{AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}, types.KeySchemaElement{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash})
		}), "One or more parameter values were invalid: All HASH key attributes must precede RANGE key attributes in the KeySchema"},
		{"AES256", indexed(func(in *dynamodb.CreateTableInput) {
			in.SSESpecification = &types.SSESpecification{Enabled: aws.Bool(true), SSEType: types.SSETypeAes256}
		}), "One or more parameter values were invalid: SSEType AES256 is not supported"},
		{"vector indexes", indexed(func(in *dynamodb.CreateTableInput) {
			in.GlobalSecondaryIndexes, in.LocalSecondaryIndexes, in.AttributeDefinitions = nil, nil, in.AttributeDefinitions[:2]
			in.VectorIndexes = []types.VectorIndex{}
		}), "ddbsim does not support VectorIndexes yet"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			native, err := createTableInput(c.in)
			require.NoError(t, err)
			db := ddbsim.New(nil)
			_, nativeErr := db.CreateTable(ctx, native)
			var e *ddbsim.Error
			require.ErrorAs(t, nativeErr, &e)
			assert.Equal(t, ddbsim.CodeValidation, e.Code)
			assert.Equal(t, c.msg, e.Message)

			_, apiErr := NewAPI(db).CreateTable(ctx, c.in)
			_, clientErr := NewClient(db).CreateTable(ctx, c.in)
			var apiErrorOfClient smithy.APIError
			require.ErrorAs(t, clientErr, &apiErrorOfClient)
			assert.Equal(t, ddbsim.CodeValidation, apiErrorOfClient.ErrorCode())
			assert.Equal(t, c.msg, apiErrorOfClient.ErrorMessage())
			assert.Equal(t, observable(clientErr), observable(apiErr))

			tables, err := NewClient(db).ListTables(ctx, &dynamodb.ListTablesInput{})
			require.NoError(t, err)
			assert.Empty(t, tables.TableNames, "nothing created")
		})
	}
}

func TestClient_CreateTable_DescribesSettings(t *testing.T) {
	ctx := context.Background()
	created := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	client := NewClient(ddbsim.New(&ddbsim.Options{Clock: ddbsim.ClockFunc(func() time.Time { return created })}))
	_, err := client.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName: aws.String("settings"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{key("id", types.ScalarAttributeTypeS)},
		OnDemandThroughput:   &types.OnDemandThroughput{MaxReadRequestUnits: aws.Int64(10)},
		StreamSpecification:  &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeKeysOnly},
		SSESpecification:     &types.SSESpecification{Enabled: aws.Bool(true), SSEType: types.SSETypeKms, KMSMasterKeyId: aws.String("k1")},
		TableClass:           types.TableClassStandardInfrequentAccess,
	})
	require.NoError(t, err)
	out, err := client.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("settings")})
	require.NoError(t, err)
	d := out.Table
	const arn = "arn:aws:dynamodb:us-east-1:000000000000:table/settings"
	assert.Equal(t, &types.OnDemandThroughput{MaxReadRequestUnits: aws.Int64(10)}, d.OnDemandThroughput)
	assert.Equal(t, &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewTypeKeysOnly}, d.StreamSpecification)
	assert.Equal(t, arn+"/stream/2026-11-25T12:00:00.000", aws.ToString(d.LatestStreamArn))
	assert.Equal(t, "2026-11-25T12:00:00.000", aws.ToString(d.LatestStreamLabel))
	assert.Equal(t, &types.SSEDescription{Status: types.SSEStatusEnabled, SSEType: types.SSETypeKms, KMSMasterKeyArn: aws.String("arn:aws:kms:us-east-1:000000000000:key/k1")}, d.SSEDescription)
	assert.Equal(t, &types.TableClassSummary{TableClass: types.TableClassStandardInfrequentAccess}, d.TableClassSummary)
	assert.Equal(t, aws.Bool(false), d.DeletionProtectionEnabled)
	assert.Nil(t, d.GlobalSecondaryIndexes)
}

func TestAPI_CreateTable_WithIndexes_DescribedAlike(t *testing.T) {
	ctx := context.Background()
	apiOut, err := NewAPI(ddbsim.New(nil)).CreateTable(ctx, indexed(nil))
	require.NoError(t, err)
	clientOut, err := NewClient(ddbsim.New(nil)).CreateTable(ctx, indexed(nil))
	require.NoError(t, err)
	require.Len(t, apiOut.TableDescription.GlobalSecondaryIndexes, 1)
	require.Len(t, apiOut.TableDescription.LocalSecondaryIndexes, 1)
	assert.Equal(t, clientOut.TableDescription.GlobalSecondaryIndexes, apiOut.TableDescription.GlobalSecondaryIndexes)
	assert.Equal(t, clientOut.TableDescription.LocalSecondaryIndexes, apiOut.TableDescription.LocalSecondaryIndexes)
}
