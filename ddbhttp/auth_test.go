package ddbhttp

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// authNow is the server time of the date tests.
var authNow = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

const goodAuth = "AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=abc123"

func TestCheckAuthorization_DynamoDBsOrderAndWords(t *testing.T) {
	cases := []struct {
		name, auth, date string
		code, msg        string
	}{
		{"missing", "", "20261125T120000Z", codeMissingToken, msgMissingToken},
		{"not AWS4", "Bearer abc", "20261125T120000Z", codeMissingToken, msgMissingToken},
		{"no parameters", "AWS4-HMAC-SHA256", "", codeIncompleteSignature,
			"Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
				"Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. " +
				"Authorization=AWS4-HMAC-SHA256"},
		{"no equal sign", "AWS4-HMAC-SHA256 Signature=b, Credential, SignedHeaders=host", "20261125T120000Z", codeIncompleteSignature,
			"'Credential' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Signature=b, Credential, SignedHeaders=host'."},
		{"bad date", goodAuth, "201", codeIncompleteSignature,
			"Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601"},
		{"expired", goodAuth, "20261125T114459Z", codeInvalidSignature,
			"Signature expired: 20261125T114459Z is now earlier than 20261125T114500Z (20261125T120000Z - 15 min.)"},
		{"not yet current", goodAuth, "20261125T121501Z", codeInvalidSignature,
			"Signature not yet current: 20261125T121501Z is still later than 20261125T121500Z (20261125T120000Z + 15 min.)"},
		{"host not signed", "AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/dynamodb/aws4_request, SignedHeaders=x-amz-date, Signature=abc",
			"20261125T120000Z", codeInvalidSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization."},
		{"algorithm", "AWS4-HMAC-SHA25 Credential=AKID/20261125/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc",
			"20261125T120000Z", codeIncompleteSignature, "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). "},
		{"four elements", "AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=abc", "20261125T120000Z", codeIncompleteSignature,
			"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'"},
		{"scope", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=abc", "20261125T120000Z", codeInvalidSignature,
			"Credential should be scoped to correct service: 'dynamodb'. Credential should be scoped with a valid terminator: 'aws4_request', not 'e'. " +
				"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: 'b' != '20261125', from '20261125T120000Z'."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := http.Header{}
			h.Set("Authorization", c.auth)
			h.Set("X-Amz-Date", c.date)
			_, err := checkAuthorization(h, authNow)
			var e *ddbsim.Error
			require.True(t, errors.As(err, &e), "%v", err)
			assert.Equal(t, c.code, e.Code)
			assert.Equal(t, c.msg, e.Message)
		})
	}
}

func TestCheckAuthorization_ParsesAGoodHeader(t *testing.T) {
	for _, date := range []string{"20261125T120000Z", "20261125T114500Z", "20261125T121500Z"} {
		h := http.Header{}
		h.Set("Authorization", goodAuth)
		h.Set("X-Amz-Date", date)
		sig, err := checkAuthorization(h, authNow)
		require.NoError(t, err, "%s is within 15 minutes", date)
		assert.Equal(t, &Signature{AccessKeyID: "AKID", Date: "20261125", Region: "eu-west-1", Service: "dynamodb",
			SignedHeaders: []string{"content-type", "host", "x-amz-date", "x-amz-target"}, Signature: "abc123",
			Time: sig.Time}, sig)
	}

	h := http.Header{}
	h.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261125/any-region/dynamodb/aws4_request/,SignedHeaders=host,Signature=abc")
	h.Set("Date", authNow.Add(time.Minute).Format(http.TimeFormat))
	sig, err := checkAuthorization(h, authNow)
	require.NoError(t, err, "commas without spaces, a trailing slash and an HTTP Date header are fine")
	assert.Equal(t, authNow.Add(time.Minute), sig.Time)
}

// rawRequest is a DynamoDB request of op with the given Authorization and
// X-Amz-Date headers.
func rawRequest(op, body, auth, date string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", targetPrefix+op)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if date != "" {
		req.Header.Set("X-Amz-Date", date)
	}
	return req
}

func TestHandler_AuthenticationComesBeforeTheOperation(t *testing.T) {
	db := ddbsim.New(nil)
	h := NewHandler(db, WithClock(func() time.Time { return authNow }))
	require.Equal(t, http.StatusOK, serve(h, rawRequest("CreateTable", createUsers, goodAuth, "20261125T120000Z")).Code)

	w := serve(h, rawRequest("NoSuchOperation", `{}`, "", ""))
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}`,
		w.Body.String(), "an unsigned request is refused before its operation is looked up")

	put := `{"TableName":"users","Item":{"id":{"S":"late"}}}`
	w = serve(h, rawRequest("PutItem", put, goodAuth, "20261125T100000Z"))
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.service#InvalidSignatureException",
		"message":"Signature expired: 20261125T100000Z is now earlier than 20261125T114500Z (20261125T120000Z - 15 min.)"}`, w.Body.String())
	w = serve(h, rawRequest("PutItem", put, "AWS4-HMAC-SHA256 Credential=x", "20261125T120000Z"))
	assert.JSONEq(t, `{"__type":"com.amazon.coral.service#IncompleteSignatureException",
		"message":"Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=x"}`,
		w.Body.String())

	out, err := db.GetItem(t.Context(), ddbsim.GetItemInput{TableName: "users", Key: ddbsim.Item{"id": ddbsim.S("late")}})
	require.NoError(t, err)
	assert.Nil(t, out.Item, "no refused request ran")
}

// refuseAll is an Authenticator that knows no key but AKID, whose every
// signature it finds wrong.
type refuseAll struct{ calls int }

func (a *refuseAll) Authenticate(r *http.Request, body []byte, sig *Signature) error {
	a.calls++
	if sig.AccessKeyID != "AKID" {
		return ErrUnknownAccessKey
	}
	return ErrSignatureMismatch
}

func TestHandler_WithAuthenticator_MapsItsVerdicts(t *testing.T) {
	a := &refuseAll{}
	h := NewHandler(ddbsim.New(nil), WithAuthenticator(a), WithClock(func() time.Time { return authNow }))
	w := serve(h, rawRequest("ListTables", `{}`, goodAuth, "20261125T120000Z"))
	assert.JSONEq(t, `{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"`+msgMismatch+`"}`, w.Body.String())
	other := "AWS4-HMAC-SHA256 Credential=OTHER/20261125/eu-west-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc"
	w = serve(h, rawRequest("ListTables", `{}`, other, "20261125T120000Z"))
	assert.JSONEq(t, `{"__type":"com.amazon.coral.service#UnrecognizedClientException","message":"The security token included in the request is invalid."}`, w.Body.String())
	serve(h, rawRequest("ListTables", `{}`, other, "20261125T100000Z"))
	assert.Equal(t, 2, a.calls, "an expired request never reaches the Authenticator")
}

func FuzzCheckAuthorization(f *testing.F) {
	f.Add(goodAuth, "20261125T120000Z")
	f.Add("AWS4-HMAC-SHA256 Credential=a/b/c/d/e,SignedHeaders=host,Signature=", "x")
	f.Add("AWS4-", "")
	f.Add("AWS4-HMAC-SHA256 ,,=,=x", "20261125T1200")
	f.Fuzz(func(t *testing.T, auth, date string) {
		h := http.Header{}
		h.Set("Authorization", auth)
		h.Set("X-Amz-Date", date)
		sig, err := checkAuthorization(h, authNow)
		if err == nil {
			if sig == nil || sig.Service != "dynamodb" || authNow.Sub(sig.Time).Abs() > maxSkew {
				t.Fatalf("accepted %q at %q as %+v", auth, date, sig)
			}
			return
		}
		var e *ddbsim.Error
		if !errors.As(err, &e) || errorFor(e).Type[:len(nsService)] != nsService {
			t.Fatalf("%q at %q: %v is not a coral.service error", auth, date, err)
		}
	})
}
