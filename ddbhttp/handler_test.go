package ddbhttp

import (
	"bytes"
	"encoding/json"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

const createUsers = `{"TableName":"users","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
	"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}`

// call sends one DynamoDB request to h and returns the response.
func call(t *testing.T, h http.Handler, op, body string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, newRequest(op, body))
	return w
}

// serve sends req to h and returns the response.
func serve(h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// newRequest builds a DynamoDB request of op, signed (with a signature
// no Authenticator would accept) at the current time.
func newRequest(op, body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810."+op)
	sign(req.Header, time.Now())
	return req
}

// sign sets a well-formed Authorization header and X-Amz-Date for at.
func sign(h http.Header, at time.Time) {
	at = at.UTC()
	h.Set("X-Amz-Date", at.Format("20060102T150405Z"))
	h.Set("Authorization", "AWS4-HMAC-SHA256 Credential=any/"+at.Format("20060102")+
		"/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=x")
}

func newUsersHandler(t *testing.T) (http.Handler, *ddbsim.DB) {
	db := ddbsim.New(nil)
	h := NewHandler(db)
	w := call(t, h, "CreateTable", createUsers)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	return h, db
}

func decodeBody(t *testing.T, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &m), w.Body.String())
	return m
}

func TestHandler_PutGetRoundTrip_JSONShapes(t *testing.T) {
	h, _ := newUsersHandler(t)
	w := call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"n":{"N":"1.50"},"b":{"B":"AAH/"},
		"ns":{"NS":["2","1e1"]},"m":{"M":{"x":{"NULL":true},"l":{"L":[{"BOOL":false}]}}}}}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "{}", w.Body.String(), "a plain PutItem answers an empty object")

	w = call(t, h, "GetItem", `{"TableName":"users","Key":{"id":{"S":"a"}},"ReturnConsumedCapacity":"TOTAL"}`)
	require.Equal(t, http.StatusOK, w.Code)
	assert.JSONEq(t, `{"Item":{"id":{"S":"a"},"n":{"N":"1.5"},"b":{"B":"AAH/"},"ns":{"NS":["2","10"]},
		"m":{"M":{"x":{"NULL":true},"l":{"L":[{"BOOL":false}]}}}},
		"ConsumedCapacity":{"TableName":"users","CapacityUnits":0.5}}`, w.Body.String())

	w = call(t, h, "GetItem", `{"TableName":"users","Key":{"id":{"S":"missing"}}}`)
	assert.Equal(t, "{}", w.Body.String(), "a miss has no Item key")
	w = call(t, h, "GetItem", `{"TableName":"users","Key":{"id":{"S":"a"}},"AttributesToGet":["zzz"]}`)
	assert.Equal(t, `{"Item":{}}`, w.Body.String(), "an item with no matching attribute is an empty Item")
}

func TestHandler_ResponseHeaders(t *testing.T) {
	h, _ := newUsersHandler(t)
	for _, w := range []*httptest.ResponseRecorder{
		call(t, h, "ListTables", `{}`),
		call(t, h, "GetItem", `{"TableName":"nope","Key":{"id":{"S":"a"}}}`),
	} {
		assert.Equal(t, "application/x-amz-json-1.0", w.Header().Get("Content-Type"))
		assert.Equal(t, strconv.FormatUint(uint64(crc32.ChecksumIEEE(w.Body.Bytes())), 10), w.Header().Get("x-amz-crc32"))
		assert.Len(t, w.Header().Get("x-amzn-RequestId"), 52)
		assert.Equal(t, strconv.Itoa(w.Body.Len()), w.Header().Get("Content-Length"))
	}
	a := call(t, h, "ListTables", `{}`).Header().Get("x-amzn-RequestId")
	b := call(t, h, "ListTables", `{}`).Header().Get("x-amzn-RequestId")
	assert.NotEqual(t, a, b, "request ids are unique")
}

func TestHandler_ErrorBodies(t *testing.T) {
	h, db := newUsersHandler(t)
	cases := []struct {
		name, op, body string
		status         int
		want           string
	}{
		{"validation", "PutItem", `{"TableName":"users","Item":{"id":{"N":"1"}}}`, 400,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid: Type mismatch for key id expected: S actual: N"}`},
		{"not found", "GetItem", `{"TableName":"nope","Key":{"id":{"S":"a"}}}`, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`},
		{"describe not found", "DescribeTable", `{"TableName":"nope"}`, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found: Table: nope not found"}`},
		{"in use", "CreateTable", createUsers, 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceInUseException","message":"Table already exists: users"}`},
		{"malformed json", "GetItem", `{"TableName":`, 400,
			`{"__type":"com.amazon.coral.service#SerializationException"}`},
		{"number for a string", "GetItem", `{"TableName":123}`, 400,
			`{"__type":"com.amazon.coral.service#SerializationException","Message":"class java.lang.Integer can not be converted to an String"}`},
		{"number as N", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"n":{"N":1}}}`, 400,
			`{"__type":"com.amazon.coral.service#SerializationException","Message":"NUMBER_VALUE cannot be converted to String"}`},
		{"bad base64 length", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"b":{"B":"abc"}}}`, 400,
			`{"__type":"com.amazon.coral.service#SerializationException","Message":"Base64 encoded length is expected a multiple of 4 bytes but found: 3"}`},
		{"two descriptors", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"x":{"S":"a","N":"1"}}}`, 400,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"}`},
		{"empty attribute value", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"x":{}}}`, 400,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"}`},
		{"null false", "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"x":{"NULL":false}}}`, 400,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"One or more parameter values were invalid: Null attribute value types must have the value of true"}`},
		{"unknown operation", "Frobnicate", `{}`, 400,
			`{"__type":"com.amazon.coral.service#UnknownOperationException"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := call(t, h, c.op, c.body)
			assert.Equal(t, c.status, w.Code)
			assert.JSONEq(t, c.want, w.Body.String())
		})
	}
	out, err := db.ListTables(t.Context(), ddbsim.ListTablesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"users"}, out.TableNames)
}

func TestHandler_InternalErrorIs500(t *testing.T) {
	h, db := newUsersHandler(t)
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.InternalError})
	w := call(t, h, "ListTables", `{}`)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}`, w.Body.String())
}

func TestHandler_HTTPEdges(t *testing.T) {
	h, _ := newUsersHandler(t)

	get := httptest.NewRecorder()
	h.ServeHTTP(get, httptest.NewRequest(http.MethodGet, "http://localhost:8000/", nil))
	assert.Equal(t, http.StatusOK, get.Code)
	assert.Equal(t, "healthy: localhost:8000 ", get.Body.String(), "the host the client used")

	put := httptest.NewRecorder()
	h.ServeHTTP(put, httptest.NewRequest(http.MethodPut, "/", nil))
	assert.Equal(t, http.StatusNotFound, put.Code)

	wrongType := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{}`))
	wrongType.Header.Set("Content-Type", "text/plain")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, wrongType)
	assert.Equal(t, http.StatusNotFound, w.Code)
	assert.Equal(t, "<UnknownOperationException/>\n", w.Body.String())

	unsigned := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{}`))
	unsigned.Header.Set("Content-Type", "application/x-amz-json-1.0")
	unsigned.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, unsigned)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}`, w.Body.String())
}

// neverEnding is a body that would take forever to read whole.
type neverEnding struct{}

func (neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

func TestHandler_BodyOver16MB_Is413(t *testing.T) {
	h, _ := newUsersHandler(t)
	declared := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(nil))
	declared.Header.Set("Content-Type", "application/x-amz-json-1.0")
	declared.ContentLength = MaxBodyBytes + 1
	w := httptest.NewRecorder()
	h.ServeHTTP(w, declared)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)

	streamed := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(neverEnding{}))
	streamed.Header.Set("Content-Type", "application/x-amz-json-1.0")
	streamed.ContentLength = -1
	w = httptest.NewRecorder()
	h.ServeHTTP(w, streamed)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code, "an unbounded body stops at the limit")
}

func TestHandler_AdminFaults(t *testing.T) {
	h, _ := newUsersHandler(t)
	arm := httptest.NewRecorder()
	h.ServeHTTP(arm, httptest.NewRequest(http.MethodPost, "/ddbsim/faults", strings.NewReader(`{"Kind":"Throttle","Operation":"GetItem","Count":1}`)))
	require.Equal(t, http.StatusOK, arm.Code, arm.Body.String())
	w := call(t, h, "GetItem", `{"TableName":"users","Key":{"id":{"S":"a"}}}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Equal(t, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", decodeBody(t, w)["__type"])
	w = call(t, h, "GetItem", `{"TableName":"users","Key":{"id":{"S":"a"}}}`)
	assert.Equal(t, http.StatusOK, w.Code)

	h.ServeHTTP(arm, httptest.NewRequest(http.MethodPost, "/ddbsim/faults", strings.NewReader(`{"Kind":"TransactionConflict","Table":"users"}`)))
	w = call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"}}}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Equal(t, "com.amazonaws.dynamodb.v20120810#TransactionConflictException", decodeBody(t, w)["__type"])

	bad := httptest.NewRecorder()
	h.ServeHTTP(bad, httptest.NewRequest(http.MethodPost, "/ddbsim/faults", strings.NewReader(`{"Kind":"Meteor"}`)))
	assert.Equal(t, http.StatusBadRequest, bad.Code)

	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodPost, "/ddbsim/faults", strings.NewReader(`{"Kind":"InternalError","Count":5}`)))
	clear := httptest.NewRecorder()
	h.ServeHTTP(clear, httptest.NewRequest(http.MethodDelete, "/ddbsim/faults", nil))
	require.Equal(t, http.StatusOK, clear.Code)
	assert.Equal(t, http.StatusOK, call(t, h, "ListTables", `{}`).Code, "DELETE cleared the faults")
}

func TestHandler_LostResponseDropsTheConnection(t *testing.T) {
	db := ddbsim.New(nil)
	srv := httptest.NewServer(NewHandler(db))
	defer srv.Close()
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "CreateTable"})
	req, err := http.NewRequest(http.MethodPost, srv.URL, strings.NewReader(createUsers))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810.CreateTable")
	sign(req.Header, time.Now())
	resp, err := srv.Client().Do(req)
	if err == nil {
		resp.Body.Close()
	}
	require.Error(t, err, "the client sees a broken connection, not a response")
	out, err := db.ListTables(t.Context(), ddbsim.ListTablesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"users"}, out.TableNames, "the request was applied")
}

// FuzzHandler sends any body to any operation, sent as is or encoded
// (coding: 0 none, 1 gzip, 2 deflate, 3 both; +4 labels the body with the
// coding without encoding it, so it does not decode): every answer is
// DynamoDB's, never a panic.
func FuzzHandler(f *testing.F) {
	f.Add("PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"n":{"N":"1"}}}`, uint8(0))
	f.Add("GetItem", `{"TableName":"users","Key":{"id":{"S":"a"}}}`, uint8(1))
	f.Add("CreateTable", createUsers, uint8(2))
	f.Add("PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"m":{"M":{"x":{"L":[{"NS":["1","1.0"]}]}}}}}`, uint8(3))
	f.Add("DeleteItem", `{"TableName":"users","Key":{"id":{"B":"=="}}}`, uint8(5))
	f.Add("PutItem", `null`, uint8(0))
	f.Fuzz(func(t *testing.T, op, body string, coding uint8) {
		db := ddbsim.New(nil)
		h := NewHandler(db)
		call(t, h, "CreateTable", createUsers)
		codings := [...][]string{nil, {"gzip"}, {"deflate"}, {"deflate", "gzip"}}[coding%4]
		raw := []byte(body)
		if coding&4 == 0 {
			for _, c := range codings {
				if c == "gzip" {
					raw = gzipped(t, raw)
				} else {
					raw = deflated(t, raw)
				}
			}
		}
		req := newRequest(op, "")
		req.Body, req.ContentLength = nopCloser{bytes.NewReader(raw)}, int64(len(raw))
		if codings != nil {
			req.Header.Set("Content-Encoding", strings.Join(codings, ", "))
		}
		w := serve(h, req)
		switch {
		case w.Code == http.StatusOK || w.Code == http.StatusBadRequest:
		case w.Code == http.StatusInternalServerError && coding&4 != 0:
		default:
			t.Fatalf("status %d for %s %q (coding %d): %s", w.Code, op, body, coding, w.Body.String())
		}
		var m map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
			t.Fatalf("body is not JSON: %q", w.Body.String())
		}
		if w.Code != http.StatusOK {
			if typ, _ := m["__type"].(string); !strings.Contains(typ, "#") {
				t.Fatalf("error without a namespaced __type: %s", w.Body.String())
			}
		}
	})
}

func TestHandler_ConditionalCheckFailedCarriesItem(t *testing.T) {
	h, _ := newUsersHandler(t)
	require.Equal(t, http.StatusOK, call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"price":{"N":"100"}}}`).Code)
	w := call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"price":{"N":"90"}},
		"ConditionExpression":"price = :p","ExpressionAttributeValues":{":p":{"N":"99"}},
		"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
		"message":"The conditional request failed","Item":{"id":{"S":"a"},"price":{"N":"100"}}}`, w.Body.String())

	w = call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"}},"Expected":{"price":{"Value":{"N":"100"}}}}`)
	assert.Equal(t, http.StatusOK, w.Code, w.Body.String())
}

func TestHandler_EmptyExpressionIsRejected(t *testing.T) {
	h, _ := newUsersHandler(t)
	w := call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"}},"ConditionExpression":""}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"Invalid ConditionExpression: The expression can not be empty;"}`, w.Body.String())
	w = call(t, h, "GetItem", `{"TableName":"users","Key":{"id":{"S":""}},"ProjectionExpression" : "" }`)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"Invalid ProjectionExpression: The expression can not be empty;"}`, w.Body.String())
	w = call(t, h, "BatchGetItem", `{"RequestItems":{"users":{"Keys":[{"id":{"S":"a"}}],"ProjectionExpression":""}}}`)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"Invalid ProjectionExpression: The expression can not be empty;"}`, w.Body.String(),
		"inside a BatchGetItem table entry too")
	w = call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"a"},"e":{"S":""}}}`)
	assert.Equal(t, http.StatusOK, w.Code, "empty strings elsewhere are fine")
}

func TestHandler_EmptyTableNameAndUnsupportedMembers(t *testing.T) {
	h, _ := newUsersHandler(t)
	w := call(t, h, "PutItem", `{"TableName":"","Item":{"id":{"S":"a"}}}`)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1"}`, w.Body.String())
	w = call(t, h, "PutItem", `{"Item":{"id":{"S":"a"}}}`)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"}`, w.Body.String())
	w = call(t, h, "DescribeTable", `{"TableName":""}`)
	assert.Contains(t, decodeBody(t, w)["message"], "Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3")

	w = call(t, h, "CreateTable", `{"TableName":"gsi","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
		"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST",
		"GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]}`)
	assert.Equal(t, http.StatusOK, w.Code, w.Body.String())
	w = call(t, h, "CreateTable", `{"TableName":"warm","KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],
		"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST","ResourcePolicy":"{}"}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException","message":"ddbsim does not support ResourcePolicy yet"}`, w.Body.String())
}
