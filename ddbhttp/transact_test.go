package ddbhttp

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A transaction over the wire: a success, then a cancellation whose body
// is DynamoDB's (capital Message, a reason per action, the old item).
func TestHandler_TransactWriteItems(t *testing.T) {
	h, _ := newUsersHandler(t)
	w := call(t, h, "TransactWriteItems", `{"TransactItems":[{"Put":{"TableName":"users","Item":{"id":{"S":"a"},"n":{"N":"1"}}}}],"ReturnConsumedCapacity":"TOTAL"}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"ConsumedCapacity":[{"TableName":"users","CapacityUnits":2}]}`, w.Body.String())

	w = call(t, h, "TransactWriteItems", `{"TransactItems":[
		{"Put":{"TableName":"users","Item":{"id":{"S":"b"}}}},
		{"Put":{"TableName":"users","Item":{"id":{"S":"a"}},"ConditionExpression":"attribute_not_exists(id)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}}]}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
		"Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
		"CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"The conditional request failed","Item":{"id":{"S":"a"},"n":{"N":"1"}}}]}`,
		w.Body.String())

	w = call(t, h, "TransactGetItems", `{"TransactItems":[{"Get":{"TableName":"users","Key":{"id":{"S":"a"}}}},{"Get":{"TableName":"users","Key":{"id":{"S":"b"}}}}]}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"Responses":[{"Item":{"id":{"S":"a"},"n":{"N":"1"}}},{}]}`, w.Body.String())
}

func TestHandler_TransactErrors(t *testing.T) {
	h, _ := newUsersHandler(t)
	for _, c := range []struct{ op, body, want string }{
		{"TransactWriteItems", `{"TransactItems":[]}`,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"}`},
		{"TransactWriteItems", `{"TransactItems":[{"Put":{"TableName":"users","Item":{"id":{"S":"a"}}}},{"Delete":{"TableName":"users","Key":{"id":{"S":"a"}}}}]}`,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"Transaction request cannot include multiple operations on one item"}`},
		{"TransactGetItems", `{"TransactItems":[{"Get":{"TableName":"nope","Key":{"id":{"S":"a"}}}}]}`,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`},
		{"TransactWriteItems", `{"ClientRequestToken":"t","TransactItems":[{"Put":{"TableName":"users","Item":{"id":{"S":"a"}}}}]}`, `{}`},
		{"TransactWriteItems", `{"ClientRequestToken":"t","TransactItems":[{"Put":{"TableName":"users","Item":{"id":{"S":"b"}}}}]}`,
			`{"__type":"com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException","message":"DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used."}`},
	} {
		w := call(t, h, c.op, c.body)
		assert.JSONEq(t, c.want, w.Body.String(), c.body)
	}
}
