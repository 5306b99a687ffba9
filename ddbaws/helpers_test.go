package ddbaws

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// testClock is the creation time of every table in these tests.
var testClock = time.Date(2026, 1, 2, 3, 4, 5, 678_900_000, time.UTC)

// newTestDB returns an empty DB whose clock stands at testClock.
func newTestDB() *ddbsim.DB {
	return ddbsim.New(&ddbsim.Options{Clock: ddbsim.ClockFunc(func() time.Time { return testClock })})
}

// both returns the two ways to reach a DB with the SDK's method set, each
// on its own fresh DB: the real client over the wire and the direct API.
func both() map[string]operations {
	return map[string]operations{
		"NewClient": NewClient(newTestDB()),
		"NewAPI":    NewAPI(newTestDB()),
	}
}

// onDemand is an on-demand CreateTable input for a table keyed by the
// given attributes: the first the partition key, the second (if any) the
// sort key.
func onDemand(name string, keys ...types.AttributeDefinition) *dynamodb.CreateTableInput {
	in := &dynamodb.CreateTableInput{TableName: aws.String(name), AttributeDefinitions: keys, BillingMode: types.BillingModePayPerRequest}
	for i, k := range keys {
		in.KeySchema = append(in.KeySchema, types.KeySchemaElement{AttributeName: k.AttributeName, KeyType: []types.KeyType{types.KeyTypeHash, types.KeyTypeRange}[i]})
	}
	return in
}

// key declares a key attribute of the given type.
func key(name string, typ types.ScalarAttributeType) types.AttributeDefinition {
	return types.AttributeDefinition{AttributeName: aws.String(name), AttributeType: typ}
}

// mustCreate creates a table through c.
func mustCreate(t testing.TB, c operations, in *dynamodb.CreateTableInput) {
	t.Helper()
	_, err := c.CreateTable(context.Background(), in)
	require.NoError(t, err)
}

// mustPut stores an item through c.
func mustPut(t testing.TB, c operations, table string, item map[string]types.AttributeValue) {
	t.Helper()
	_, err := c.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: item})
	require.NoError(t, err)
}
