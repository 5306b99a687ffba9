package ddbaws

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// Secondary indexes through the real SDK client, over the wire.
func TestClient_SecondaryIndexes(t *testing.T) {
	ctx := context.Background()
	c := NewClient(ddbsim.New(nil))
	_, err := c.CreateTable(ctx, indexed(nil))
	require.NoError(t, err)
	for _, it := range []map[string]types.AttributeValue{indexItem("1", "10", "x", "one"), indexItem("2", "10", "y", "two"), indexItem("3", "", "", "three")} {
		_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("indexed"), Item: it})
		require.NoError(t, err)
	}

	out, err := c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byG"), Limit: aws.Int32(1),
		KeyConditionExpression: aws.String("g = :g"), ExpressionAttributeValues: values(":g", avN("10"))})
	require.NoError(t, err)
	require.Len(t, out.Items, 1)
	assert.Equal(t, map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("1"), "g": avN("10")}, out.LastEvaluatedKey)
	out, err = c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byG"), ExclusiveStartKey: out.LastEvaluatedKey,
		KeyConditionExpression: aws.String("g = :g"), ExpressionAttributeValues: values(":g", avN("10"))})
	require.NoError(t, err)
	require.Len(t, out.Items, 1)
	assert.Equal(t, avS("2"), out.Items[0]["sk"])

	lsi, err := c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byL"),
		KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: values(":p", avS("p"))})
	require.NoError(t, err)
	require.Len(t, lsi.Items, 2, "the item without l is not in the LSI")
	assert.NotContains(t, lsi.Items[0], "b", "INCLUDE a only")

	_, err = c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byG"), ConsistentRead: aws.Bool(true),
		KeyConditionExpression: aws.String("g = :g"), ExpressionAttributeValues: values(":g", avN("10"))})
	var apiErr smithy.APIError
	require.True(t, errors.As(err, &apiErr))
	assert.Equal(t, "ValidationException", apiErr.ErrorCode())
	assert.Equal(t, "Consistent reads are not supported on global secondary indexes", apiErr.ErrorMessage())

	_, err = c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("indexed"), Item: map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("4"), "g": avS("ten")}})
	require.True(t, errors.As(err, &apiErr))
	assert.Equal(t, "One or more parameter values were invalid: Type mismatch for Index Key g Expected: N Actual: S IndexName: byG", apiErr.ErrorMessage())

	put, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("indexed"), Item: indexItem("5", "", "z", "five"),
		ReturnItemCollectionMetrics: types.ReturnItemCollectionMetricsSize, ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes})
	require.NoError(t, err)
	require.NotNil(t, put.ItemCollectionMetrics, "a table with an LSI reports its item collections")
	assert.Equal(t, map[string]types.AttributeValue{"pk": avS("p")}, put.ItemCollectionMetrics.ItemCollectionKey)
	assert.Equal(t, []float64{0, 1}, put.ItemCollectionMetrics.SizeEstimateRangeGB)
	assert.Equal(t, 2.0, aws.ToFloat64(put.ConsumedCapacity.CapacityUnits), "the table and the LSI the item enters")
	assert.Equal(t, 1.0, aws.ToFloat64(put.ConsumedCapacity.LocalSecondaryIndexes["byL"].CapacityUnits))

	txn, err := c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{ReturnItemCollectionMetrics: types.ReturnItemCollectionMetricsSize,
		TransactItems: []types.TransactWriteItem{{Put: &types.Put{TableName: aws.String("indexed"), Item: indexItem("7", "", "", "seven")}}}})
	require.NoError(t, err)
	require.Len(t, txn.ItemCollectionMetrics["indexed"], 1)
	assert.Equal(t, map[string]types.AttributeValue{"pk": avS("p")}, txn.ItemCollectionMetrics["indexed"][0].ItemCollectionKey)
	assert.Equal(t, []float64{0, 1}, txn.ItemCollectionMetrics["indexed"][0].SizeEstimateRangeGB)

	d, err := c.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("indexed")})
	require.NoError(t, err)
	require.Len(t, d.Table.GlobalSecondaryIndexes, 1)
	assert.Equal(t, int64(2), aws.ToInt64(d.Table.GlobalSecondaryIndexes[0].ItemCount))
	assert.Equal(t, types.IndexStatusActive, d.Table.GlobalSecondaryIndexes[0].IndexStatus)
	assert.Equal(t, int64(3), aws.ToInt64(d.Table.LocalSecondaryIndexes[0].ItemCount))
}
