package ddbhttp

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// rawCall sends body with the whole X-Amz-Target given, to Host host.
func rawCall(h http.Handler, target, host, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	r.Host = host
	r.Header.Set("Content-Type", "application/x-amz-json-1.0")
	r.Header.Set("X-Amz-Target", target)
	sign(r.Header, time.Now())
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// Every X-Amz-Target gets one of three answers: the operation's, the
// core's refusal naming it, or DynamoDB's bare UnknownOperationException.
func TestHandler_EveryTargetAnswered(t *testing.T) {
	h, _ := newUsersHandler(t)
	cases := []struct {
		target, want string
	}{
		{"DynamoDB_20120810.CreateBackup",
			`{"__type":"com.amazon.coral.service#UnknownOperationException","Message":"ddbsim does not support the DynamoDB operation CreateBackup"}`},
		{"DynamoDB_20120810.TransactWriteItems",
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null"}`},
		{"DynamoDBStreams_20120810.GetRecords",
			`{"__type":"com.amazon.coral.service#UnknownOperationException","Message":"ddbsim does not support the DynamoDB Streams operation GetRecords"}`},
		{"DynamoDB_20120810.Frobnicate", `{"__type":"com.amazon.coral.service#UnknownOperationException"}`},
		{"DynamoDBStreams_20120810.PutItem", `{"__type":"com.amazon.coral.service#UnknownOperationException"}`},
		{"DynamoDB_20120810.DynamoDBStreams_20120810.GetRecords", `{"__type":"com.amazon.coral.service#UnknownOperationException"}`},
		{"DynamoDB_20111205.GetItem", `{"__type":"com.amazon.coral.service#UnknownOperationException"}`},
		{"DynamoDB_20120810.DescribeContinuousBackups",
			`{"ContinuousBackupsDescription":{"ContinuousBackupsStatus":"ENABLED","PointInTimeRecoveryDescription":{"PointInTimeRecoveryStatus":"DISABLED"}}}`},
		{"DynamoDB_20120810.ListBackups", `{"BackupSummaries":[]}`},
		{"DynamoDB_20120810.ListTagsOfResource", `{"__type":"com.amazon.coral.validate#ValidationException","message":"Invalid TableArn"}`},
		{"DynamoDB_20120810.TagResource",
			`{"__type":"com.amazon.coral.service#AccessDeniedException","Message":"User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:TagResource on resource: users"}`},
		{"DynamoDB_20120810.DescribeLimits",
			`{"AccountMaxReadCapacityUnits":80000,"AccountMaxWriteCapacityUnits":80000,"TableMaxReadCapacityUnits":40000,"TableMaxWriteCapacityUnits":40000}`},
		{"DynamoDB_20120810.DescribeEndpoints", `{"Endpoints":[{"Address":"localhost:4242","CachePeriodInMinutes":1440}]}`},
	}
	for _, c := range cases {
		t.Run(c.target, func(t *testing.T) {
			body := `{"TableName":"users","ResourceArn":"users"}`
			if strings.HasSuffix(c.target, "ListTagsOfResource") {
				body = `{}`
			}
			w := rawCall(h, c.target, "localhost:4242", body)
			assert.JSONEq(t, c.want, w.Body.String())
		})
	}
}
