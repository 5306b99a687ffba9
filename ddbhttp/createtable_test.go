package ddbhttp

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

func TestHandler_CreateTable_DefinitionWithoutType(t *testing.T) {
	h := NewHandler(ddbsim.New(nil))
	w := call(t, h, "CreateTable", `{"TableName":"tbl","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
		"AttributeDefinitions":[{"AttributeName":"id"}],"BillingMode":"PAY_PER_REQUEST"}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value null at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must not be null"}`, w.Body.String())
}

func TestHandler_CreateTable_IndexesValidatedThenRefused(t *testing.T) {
	h := NewHandler(ddbsim.New(nil))
	w := call(t, h, "CreateTable", `{"TableName":"tbl","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
		"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
		"GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]}`)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [g], AttributeDefinitions: [id]"}`, w.Body.String())
	w = call(t, h, "CreateTable", `{"TableName":"tbl","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
		"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST","LocalSecondaryIndexes":[]}`)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid: List of LocalSecondaryIndexes is empty"}`, w.Body.String())
}

func TestHandler_CreateTable_DescribesSettings(t *testing.T) {
	created := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	h := NewHandler(ddbsim.New(&ddbsim.Options{Clock: ddbsim.ClockFunc(func() time.Time { return created })}))
	w := call(t, h, "CreateTable", `{"TableName":"tbl","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
		"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
		"OnDemandThroughput":{"MaxReadRequestUnits":5},"StreamSpecification":{"StreamEnabled":true,"StreamViewType":"OLD_IMAGE"},
		"SSESpecification":{"Enabled":true},"TableClass":"STANDARD"}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	d := decodeBody(t, w)["TableDescription"].(map[string]any)
	assert.Equal(t, map[string]any{"MaxReadRequestUnits": 5.0}, d["OnDemandThroughput"])
	assert.Equal(t, map[string]any{"StreamEnabled": true, "StreamViewType": "OLD_IMAGE"}, d["StreamSpecification"])
	assert.Equal(t, "2026-11-25T12:00:00.000", d["LatestStreamLabel"])
	assert.Equal(t, "arn:aws:dynamodb:us-east-1:000000000000:table/tbl/stream/2026-11-25T12:00:00.000", d["LatestStreamArn"])
	assert.Equal(t, map[string]any{"Status": "ENABLED", "SSEType": "KMS", "KMSMasterKeyArn": "arn:aws:kms:us-east-1:000000000000:alias/aws/dynamodb"}, d["SSEDescription"])
	assert.Equal(t, map[string]any{"TableClass": "STANDARD"}, d["TableClassSummary"])
	assert.Equal(t, false, d["DeletionProtectionEnabled"])
	assert.NotContains(t, d, "GlobalSecondaryIndexes")
	assert.NotContains(t, d, "LocalSecondaryIndexes")
}
