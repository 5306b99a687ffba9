package ddbhttp

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

const createEvents = `{"TableName":"events","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
	"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"BillingMode":"PAY_PER_REQUEST"}`

// newEventsHandler serves a DB holding "users" and "events", with events
// p/1, p/2, p/3 (v = 10 * sk) and user "a".
func newEventsHandler(t *testing.T) http.Handler {
	h, _ := newUsersHandler(t)
	require.Equal(t, http.StatusOK, call(t, h, "CreateTable", createEvents).Code)
	w := call(t, h, "BatchWriteItem", `{"RequestItems":{
		"events":[{"PutRequest":{"Item":{"pk":{"S":"p"},"sk":{"N":"1"},"v":{"N":"10"}}}},
		          {"PutRequest":{"Item":{"pk":{"S":"p"},"sk":{"N":"2"},"v":{"N":"20"}}}},
		          {"PutRequest":{"Item":{"pk":{"S":"p"},"sk":{"N":"3"},"v":{"N":"30"}}}}],
		"users":[{"PutRequest":{"Item":{"id":{"S":"a"},"name":{"S":"Ada"}}}}]}}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, `{"UnprocessedItems":{}}`, w.Body.String(), "UnprocessedItems is always present")
	return h
}

func TestQuery_Wire_JSONShapes(t *testing.T) {
	h := newEventsHandler(t)
	for _, tc := range []struct {
		name, body, want string
	}{
		{"items, counts and the last key", `{"TableName":"events","KeyConditionExpression":"pk = :p AND sk > :s",
			"ExpressionAttributeValues":{":p":{"S":"p"},":s":{"N":"0"}},"Limit":2,"ReturnConsumedCapacity":"TOTAL"}`,
			`{"Items":[{"pk":{"S":"p"},"sk":{"N":"1"},"v":{"N":"10"}},{"pk":{"S":"p"},"sk":{"N":"2"},"v":{"N":"20"}}],
			"Count":2,"ScannedCount":2,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"N":"2"}},
			"ConsumedCapacity":{"TableName":"events","CapacityUnits":0.5}}`},
		{"resumed, descending, to the end", `{"TableName":"events","KeyConditionExpression":"pk = :p",
			"ExpressionAttributeValues":{":p":{"S":"p"}},"ScanIndexForward":false,"ExclusiveStartKey":{"pk":{"S":"p"},"sk":{"N":"3"}}}`,
			`{"Items":[{"pk":{"S":"p"},"sk":{"N":"2"},"v":{"N":"20"}},{"pk":{"S":"p"},"sk":{"N":"1"},"v":{"N":"10"}}],"Count":2,"ScannedCount":2}`},
		{"empty: Items is []", `{"TableName":"events","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"none"}}}`,
			`{"Items":[],"Count":0,"ScannedCount":0}`},
		{"COUNT: no Items", `{"TableName":"events","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"p"}]}},
			"QueryFilter":{"v":{"ComparisonOperator":"GE","AttributeValueList":[{"N":"20"}]}},"Select":"COUNT"}`,
			`{"Count":2,"ScannedCount":3}`},
		{"projection", `{"TableName":"events","KeyConditionExpression":"#k = :p","ExpressionAttributeNames":{"#k":"pk"},
			"ExpressionAttributeValues":{":p":{"S":"p"}},"ProjectionExpression":"v","Limit":1}`,
			`{"Items":[{"v":{"N":"10"}}],"Count":1,"ScannedCount":1,"LastEvaluatedKey":{"pk":{"S":"p"},"sk":{"N":"1"}}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := call(t, h, "Query", tc.body)
			require.Equal(t, http.StatusOK, w.Code, w.Body.String())
			assert.JSONEq(t, tc.want, w.Body.String())
		})
	}
}

func TestScan_Wire_JSONShapes_AndPaging(t *testing.T) {
	h := newEventsHandler(t)
	w := call(t, h, "Scan", `{"TableName":"events","FilterExpression":"sk <> :two","ExpressionAttributeValues":{":two":{"N":"2"}}}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"Items":[{"pk":{"S":"p"},"sk":{"N":"1"},"v":{"N":"10"}},{"pk":{"S":"p"},"sk":{"N":"3"},"v":{"N":"30"}}],
		"Count":2,"ScannedCount":3}`, w.Body.String())

	// Page one item at a time, feeding LastEvaluatedKey back as sent.
	var seen []string
	body := map[string]any{"TableName": "events", "Limit": 1, "Segment": 0, "TotalSegments": 1}
	for range 10 {
		raw, err := json.Marshal(body)
		require.NoError(t, err)
		w := call(t, h, "Scan", string(raw))
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var out struct {
			Items            []map[string]map[string]string
			LastEvaluatedKey json.RawMessage
		}
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &out))
		for _, it := range out.Items {
			seen = append(seen, it["sk"]["N"])
		}
		if out.LastEvaluatedKey == nil {
			break
		}
		body["ExclusiveStartKey"] = out.LastEvaluatedKey
	}
	assert.Equal(t, []string{"1", "2", "3"}, seen)

	w = call(t, h, "Scan", `{"TableName":"events","Select":"COUNT"}`)
	assert.JSONEq(t, `{"Count":3,"ScannedCount":3}`, w.Body.String())
}

func TestBatchGetItem_Wire_JSONShapes(t *testing.T) {
	h := newEventsHandler(t)
	w := call(t, h, "BatchGetItem", `{"RequestItems":{
		"events":{"Keys":[{"pk":{"S":"p"},"sk":{"N":"3"}},{"pk":{"S":"p"},"sk":{"N":"9"}}],"ProjectionExpression":"v","ConsistentRead":true},
		"users":{"Keys":[{"id":{"S":"nobody"}}]}},"ReturnConsumedCapacity":"TOTAL"}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"Responses":{"events":[{"v":{"N":"30"}}],"users":[]},"UnprocessedKeys":{},
		"ConsumedCapacity":[{"TableName":"events","CapacityUnits":2},{"TableName":"users","CapacityUnits":0.5}]}`, w.Body.String())
}

func TestBatchGetItem_Wire_UnprocessedKeysShape(t *testing.T) {
	db := ddbsim.New(&ddbsim.Options{Limits: ddbsim.Limits{BatchGetMaxBytes: 1}})
	h := NewHandler(db)
	require.Equal(t, http.StatusOK, call(t, h, "CreateTable", createUsers).Code)
	for i := range 3 {
		require.Equal(t, http.StatusOK, call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"u`+strconv.Itoa(i)+`"}}}`).Code)
	}
	w := call(t, h, "BatchGetItem", `{"RequestItems":{"users":{"Keys":[{"id":{"S":"u0"}},{"id":{"S":"u1"}},{"id":{"S":"u2"}}],
		"AttributesToGet":["id"],"ConsistentRead":true}}}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"Responses":{"users":[{"id":{"S":"u0"}}]},
		"UnprocessedKeys":{"users":{"Keys":[{"id":{"S":"u1"}},{"id":{"S":"u2"}}],"AttributesToGet":["id"],"ConsistentRead":true}}}`, w.Body.String())
}

func TestBatchWriteItem_Wire_UnprocessedItemsShape(t *testing.T) {
	h, db := newUsersHandler(t)
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.Unprocessed, Operation: "BatchWriteItem"})
	w := call(t, h, "BatchWriteItem", `{"RequestItems":{"users":[{"PutRequest":{"Item":{"id":{"S":"a"}}}},{"DeleteRequest":{"Key":{"id":{"S":"b"}}}}]},
		"ReturnConsumedCapacity":"INDEXES"}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"UnprocessedItems":{"users":[{"DeleteRequest":{"Key":{"id":{"S":"b"}}}}]},
		"ConsumedCapacity":[{"TableName":"users","CapacityUnits":1,"Table":{"CapacityUnits":1}}]}`, w.Body.String())
}

func TestQueryScanBatch_Wire_Errors(t *testing.T) {
	h := newEventsHandler(t)
	for _, tc := range []struct {
		name, op, body, want string
	}{
		{"empty key condition", "Query", `{"TableName":"events","KeyConditionExpression":""}`,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"Invalid KeyConditionExpression: The expression can not be empty;"}`},
		{"limit zero", "Query", `{"TableName":"events","Limit":0,"KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}}}`,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"}`},
		{"limit as a string", "Scan", `{"TableName":"events","Limit":"x"}`,
			`{"__type":"com.amazon.coral.service#SerializationException","Message":"class java.lang.String can not be converted to an Long"}`},
		{"filter on a key", "Query", `{"TableName":"events","KeyConditionExpression":"pk = :p","FilterExpression":"sk > :p","ExpressionAttributeValues":{":p":{"S":"p"}}}`,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"Filter Expression can only contain non-primary key attributes: Primary key attribute: sk"}`},
		{"missing table", "BatchGetItem", `{"RequestItems":{"nope":{"Keys":[{"id":{"S":"a"}}]}}}`,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`},
		{"duplicate keys", "BatchWriteItem", `{"RequestItems":{"events":[{"PutRequest":{"Item":{"pk":{"S":"p"},"sk":{"N":"1"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"p"},"sk":{"N":"1.0"}}}}]}}`,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"Provided list of item keys contains duplicates"}`},
		{"empty write request", "BatchWriteItem", `{"RequestItems":{"users":[{}]}}`,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := call(t, h, tc.op, tc.body)
			assert.Equal(t, http.StatusBadRequest, w.Code)
			assert.JSONEq(t, tc.want, w.Body.String())
		})
	}
}
