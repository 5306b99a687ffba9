package ddbhttp

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// decodeBoth decodes body as an I with the fast decoder and with
// encoding/json alone (decode without a fast decoder), and reports
// whether the fast decoder took it.
type decodeBoth func(t *testing.T, body []byte) (fastTook bool)

// compareDecoders returns the decodeBoth of I: it checks that decode
// with the fast decoder gives exactly what encoding/json gives, value or
// error, and that a body the fast decoder takes is one encoding/json
// accepts.
func compareDecoders[I any]() decodeBoth {
	fast := decoderFor(reflect.TypeFor[I]())
	return func(t *testing.T, body []byte) bool {
		t.Helper()
		var viaFast, viaJSON, direct I
		took := decodeFast(fast, body, reflect.ValueOf(&direct).Elem())
		fastErr := decode(fast, body, &viaFast)
		jsonErr := decode(nil, body, &viaJSON)
		require.Equal(t, jsonErr, fastErr, "%s", body)
		require.Equal(t, viaJSON, viaFast, "%s", body)
		if took {
			require.NoError(t, json.Unmarshal(body, new(I)), "the fast decoder took a body encoding/json refuses: %s", body)
			require.Equal(t, viaJSON, direct, "%s", body)
		}
		return took
	}
}

// inputs are the input types of every operation, by operation name.
var inputs = map[string]decodeBoth{
	"CreateTable":    compareDecoders[ddbsim.CreateTableInput](),
	"DeleteTable":    compareDecoders[ddbsim.DeleteTableInput](),
	"DescribeTable":  compareDecoders[ddbsim.DescribeTableInput](),
	"ListTables":     compareDecoders[ddbsim.ListTablesInput](),
	"PutItem":        compareDecoders[ddbsim.PutItemInput](),
	"GetItem":        compareDecoders[ddbsim.GetItemInput](),
	"DeleteItem":     compareDecoders[ddbsim.DeleteItemInput](),
	"UpdateItem":     compareDecoders[ddbsim.UpdateItemInput](),
	"Query":          compareDecoders[ddbsim.QueryInput](),
	"Scan":           compareDecoders[ddbsim.ScanInput](),
	"BatchGetItem":   compareDecoders[ddbsim.BatchGetItemInput](),
	"BatchWriteItem": compareDecoders[ddbsim.BatchWriteItemInput](),

	"TransactWriteItems": compareDecoders[ddbsim.TransactWriteItemsInput](),
	"TransactGetItems":   compareDecoders[ddbsim.TransactGetItemsInput](),

	"TagResource":               compareDecoders[ddbsim.TagResourceInput](),
	"UntagResource":             compareDecoders[ddbsim.UntagResourceInput](),
	"ListTagsOfResource":        compareDecoders[ddbsim.ListTagsOfResourceInput](),
	"DescribeLimits":            compareDecoders[ddbsim.DescribeLimitsInput](),
	"DescribeEndpoints":         compareDecoders[ddbsim.DescribeEndpointsInput](),
	"DescribeContinuousBackups": compareDecoders[ddbsim.DescribeContinuousBackupsInput](),
	"ListBackups":               compareDecoders[ddbsim.ListBackupsInput](),
	"ListContributorInsights":   compareDecoders[ddbsim.ListContributorInsightsInput](),
	"ListExports":               compareDecoders[ddbsim.ListExportsInput](),
	"ListGlobalTables":          compareDecoders[ddbsim.ListGlobalTablesInput](),
	"ListImports":               compareDecoders[ddbsim.ListImportsInput](),
	"UpdateTimeToLive":          compareDecoders[ddbsim.UpdateTimeToLiveInput](),
	"UpdateTable":               compareDecoders[ddbsim.UpdateTableInput](),
	"DescribeTimeToLive":        compareDecoders[ddbsim.DescribeTimeToLiveInput](),
}

func TestInputs_CoverEveryOperation(t *testing.T) {
	for _, name := range ddbsim.Operations(ddbsim.APIDynamoDB) {
		if ddbsim.Serves(ddbsim.APIDynamoDB, name) {
			assert.Contains(t, inputs, name)
		}
	}
}

// sdkBodies are requests shaped as the SDKs send them, which the fast
// decoder takes.
var sdkBodies = []struct{ op, body string }{
	{"GetItem", `{"Key":{"id":{"S":"user#1"}},"TableName":"users"}`},
	{"GetItem", ` {"TableName":"users","Key":{"id":{"N":"1.50"}},"ConsistentRead":true,"ProjectionExpression":"#a, b",
		"ExpressionAttributeNames":{"#a":"a"},"AttributesToGet":[],"ReturnConsumedCapacity":"TOTAL"} `},
	{"PutItem", `{"Item":` + benchItemJSON(7) + `,"TableName":"users","ConditionExpression":"attribute_not_exists(id)",
		"ExpressionAttributeValues":{":v":{"L":[{"B":"AAH/"},{"NULL":true},{"BS":["AA=="]},{"M":{}}]}},"ReturnValues":"ALL_OLD"}`},
	{"PutItem", `{"TableName":"users","Item":{"id":{"S":"esc\"aped\\ \u00e9 \n"},"x":{"S":"é✓"},"odd":{"Unknown":[1,-2.5e+3,true,null,{"a":"b"}],"S":"v"}}}`},
	{"PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"x":{"S":"a","N":"1"},"y":{},"z":{"NULL":false}}}`},
	{"DeleteItem", `{"TableName":"users","Key":{"id":{"S":"a"}},"ReturnValues":"ALL_OLD","ReturnConsumedCapacity":"INDEXES"}`},
	{"UpdateItem", `{"TableName":"users","Key":{"id":{"S":"a"}},"UpdateExpression":"ADD n :one","ExpressionAttributeValues":{":one":{"N":"1"}},
		"AttributeUpdates":{"m":{"Action":"PUT","Value":{"S":"x"}}},"Expected":{"n":{"Exists":false}}}`},
	{"Query", `{"ExpressionAttributeValues":{":p":{"S":"p7"}},"KeyConditionExpression":"pk = :p","TableName":"events","Limit":25,
		"ScanIndexForward":false,"ExclusiveStartKey":{"pk":{"S":"p7"},"seq":{"N":"3"}},"Select":"ALL_ATTRIBUTES",
		"QueryFilter":{"v":{"ComparisonOperator":"GE","AttributeValueList":[{"N":"20"}]}}}`},
	{"Scan", `{"TableName":"events","Segment":0,"TotalSegments":4,"Limit":-1,"ScanFilter":{}}`},
	{"BatchGetItem", `{"RequestItems":{"users":{"Keys":[{"id":{"S":"a"}},{"id":{"S":"b"}}],"ConsistentRead":true},"t2":{"Keys":[]}},"ReturnConsumedCapacity":"TOTAL"}`},
	{"BatchWriteItem", `{"RequestItems":{"users":[{"PutRequest":{"Item":{"id":{"S":"a"}}}},{"DeleteRequest":{"Key":{"id":{"S":"b"}}}},{}]}}`},
	{"CreateTable", createUsers},
	{"ListTables", `{"Limit":10}`},
	{"TransactWriteItems", `{"TransactItems":[{"Put":{"TableName":"users","Item":{"id":{"S":"a"}},"ConditionExpression":"attribute_not_exists(id)"}},
		{"Update":{"TableName":"users","Key":{"id":{"S":"b"}},"UpdateExpression":"ADD n :one","ExpressionAttributeValues":{":one":{"N":"1"}},
		"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}},{"Delete":{"TableName":"users","Key":{"id":{"S":"c"}}}},
		{"ConditionCheck":{"TableName":"users","Key":{"id":{"S":"d"}},"ConditionExpression":"#n = :v","ExpressionAttributeNames":{"#n":"n"},
		"ExpressionAttributeValues":{":v":{"N":"1"}}}}],"ClientRequestToken":"tok","ReturnConsumedCapacity":"TOTAL"}`},
	{"TransactGetItems", `{"TransactItems":[{"Get":{"TableName":"users","Key":{"id":{"S":"a"}},"ProjectionExpression":"#n","ExpressionAttributeNames":{"#n":"n"}}}]}`},
	{"UpdateTimeToLive", `{"TableName":"users","TimeToLiveSpecification":{"AttributeName":"expires","Enabled":true}}`},
	{"DescribeTimeToLive", `{"TableName":"users"}`},
	{"UpdateTable", `{"TableName":"users","DeletionProtectionEnabled":true,"AttributeDefinitions":[{"AttributeName":"g","AttributeType":"S"}],
		"GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}},
		{"Update":{"IndexName":"old","ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":2}}}]}`},
}

func TestDecodeFast_SDKBodies_TakenAndSameAsEncodingJSON(t *testing.T) {
	for _, c := range sdkBodies {
		t.Run(c.op, func(t *testing.T) {
			assert.True(t, inputs[c.op](t, []byte(c.body)), "the fast decoder takes %s", c.body)
		})
	}
}

func TestDecodeFast_UnusualBodies_GivenUpAndSameAsEncodingJSON(t *testing.T) {
	for _, c := range []struct{ name, op, body string }{
		{"escaped string", "GetItem", `{"TableName":"us\u0065rs","Key":{"id":{"S":"a"}}}`},
		{"escaped member name", "GetItem", `{"Table\u004eame":"users"}`},
		{"invalid UTF-8", "GetItem", "{\"TableName\":\"\xff\"}"},
		{"raw control character", "PutItem", "{\"TableName\":\"users\",\"Item\":{\"id\":{\"S\":\"a\x01\"}}}"},
		{"null member", "GetItem", `{"TableName":null,"Key":{"id":{"S":"a"}}}`},
		{"null value", "PutItem", `{"TableName":"users","Item":{"id":null}}`},
		{"null body", "GetItem", `null`},
		{"case-folded member", "GetItem", `{"tablename":"users","Key":{"id":{"S":"a"}}}`},
		{"unknown member", "GetItem", `{"TableName":"users","Frob":1,"Key":{"id":{"S":"a"}}}`},
		{"duplicate member", "GetItem", `{"TableName":"a","TableName":"users"}`},
		{"duplicate Item member", "PutItem", `{"Item":{"a":{"S":"1"}},"Item":{"b":{"S":"2"}}}`},
		{"fraction for an int", "Query", `{"TableName":"events","Limit":1.5}`},
		{"exponent for an int", "Query", `{"TableName":"events","Limit":1e2}`},
		{"int32 overflow", "Query", `{"TableName":"events","Limit":3000000000}`},
		{"leading zero", "Query", `{"TableName":"events","Limit":01}`},
		{"string for an int", "Scan", `{"TableName":"events","Limit":"x"}`},
		{"number for a string", "GetItem", `{"TableName":123}`},
		{"number as N", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"n":{"N":1}}}`},
		{"bad base64", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"b":{"B":"abc"}}}`},
		{"object for a string", "GetItem", `{"TableName":{}}`},
		{"trailing garbage", "GetItem", `{"TableName":"users"} x`},
		{"trailing comma", "GetItem", `{"TableName":"users",}`},
		{"truncated", "GetItem", `{"TableName":"users","Key":{"id":{"S":"a"}`},
		{"bad literal in a value", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a","X":tru}}}`},
		{"bad number in a value", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a","X":-01}}}`},
		{"bad escape in a value", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a\x"}}}`},
		{"short unicode escape", "PutItem", `{"TableName":"users","Item":{"id":{"S":"\u12"}}}`},
		{"deep nesting", "PutItem", `{"TableName":"users","Item":{"id":{"X":` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `,"S":"a"}}}`},
		{"array body", "GetItem", `[]`},
		{"empty body", "GetItem", ``},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.False(t, inputs[c.op](t, []byte(c.body)), "the fast decoder gives up on %s", c.body)
		})
	}
}

func FuzzFastDecode(f *testing.F) {
	for _, c := range sdkBodies {
		f.Add(c.op, c.body)
	}
	f.Add("Query", `{"TableName":"events","Limit":01}`)
	f.Add("PutItem", `{"TableName":"users","Item":{"id":{"S":"a\u0041"},"n":{"N":1}}}`)
	f.Fuzz(func(t *testing.T, op, body string) {
		if check := inputs[op]; check != nil {
			check(t, []byte(body))
		}
	})
}
