package ddbaws

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEntries_InvalidValuesAreReportedInKeyOrder(t *testing.T) {
	_, err := queryInput(&dynamodb.QueryInput{TableName: aws.String("t"), KeyConditions: map[string]types.Condition{
		"b": {}, "ok": {ComparisonOperator: types.ComparisonOperatorEq}, "a": {},
	}})
	require.Error(t, err)
	assert.Equal(t, "2 validation error(s) found.\n"+
		"- missing required field, QueryInput.KeyConditions[\"a\"].ComparisonOperator.\n"+
		"- missing required field, QueryInput.KeyConditions[\"b\"].ComparisonOperator.\n", err.Error())
}

func TestElements_InvalidElementsAreReportedByIndex(t *testing.T) {
	_, err := batchWriteItemInput(&dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"t": {{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{}}}, {DeleteRequest: &types.DeleteRequest{}}},
	}})
	require.Error(t, err)
	assert.Equal(t, "1 validation error(s) found.\n"+
		"- missing required field, BatchWriteItemInput.RequestItems[\"t\"][1].DeleteRequest.Key.\n", err.Error())
}

func TestEntriesAndElements_ValidInputAllocatesNothing(t *testing.T) {
	writes := map[string][]types.WriteRequest{"a": make([]types.WriteRequest, 25), "b": make([]types.WriteRequest, 25)}
	for i := range writes["a"] {
		writes["a"][i] = types.WriteRequest{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{}}}
		writes["b"][i] = types.WriteRequest{DeleteRequest: &types.DeleteRequest{Key: map[string]types.AttributeValue{}}}
	}
	allocs := testing.AllocsPerRun(100, func() {
		errs := entries(writes, func(w []types.WriteRequest) smithy.InvalidParamsError { return elements(w, writeRequest) })
		if errs.Len() > 0 {
			t.Fatal(errs)
		}
	})
	assert.Zero(t, allocs)
}
