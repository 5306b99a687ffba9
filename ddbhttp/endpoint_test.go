package ddbhttp

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

var corsHeaders = []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers",
	"Access-Control-Max-Age", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"}

// methods builds a GET, a signed POST and an OPTIONS of / with header.
func methods(header http.Header) map[string]*http.Request {
	reqs := map[string]*http.Request{
		http.MethodGet:     httptest.NewRequest(http.MethodGet, "/", nil),
		http.MethodPost:    newRequest("ListTables", `{}`),
		http.MethodOptions: httptest.NewRequest(http.MethodOptions, "/", nil),
	}
	for _, r := range reqs {
		for k, v := range header {
			r.Header[k] = v
		}
	}
	return reqs
}

func TestHandler_CORS_AsDynamoDBsEndpoint(t *testing.T) {
	h := NewHandler(ddbsim.New(nil))
	for m, r := range methods(nil) {
		w := serve(h, r)
		for _, c := range corsHeaders {
			assert.Empty(t, w.Header().Values(c), "%s without Origin has no %s", m, c)
		}
	}
	asked := http.Header{"Origin": {"http://example.com/"}, "Access-Control-Request-Method": {"dog"},
		"Access-Control-Request-Headers": {"cat, meerkat, mouse"}}
	for m, r := range methods(asked) {
		w := serve(h, r)
		require.Equal(t, http.StatusOK, w.Code, m)
		hdr := w.Header()
		assert.Equal(t, "*", hdr.Get("Access-Control-Allow-Origin"), m)
		assert.Equal(t, "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date", hdr.Get("Access-Control-Expose-Headers"), m)
		if m == http.MethodOptions {
			assert.Equal(t, "172800", hdr.Get("Access-Control-Max-Age"))
			assert.Equal(t, "dog", hdr.Get("Access-Control-Allow-Methods"), "the requested method, echoed")
			assert.Equal(t, "cat, meerkat, mouse", hdr.Get("Access-Control-Allow-Headers"), "the requested headers, echoed")
			assert.Equal(t, "0", hdr.Get("Content-Length"))
			assert.Empty(t, w.Body.String())
		} else {
			for _, c := range []string{"Access-Control-Max-Age", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"} {
				assert.Empty(t, hdr.Values(c), "only a preflight gets %s", c)
			}
		}
	}
}

func TestHandler_WithCORS_AllowsOnlyTheListedOrigins(t *testing.T) {
	h := NewHandler(ddbsim.New(nil), WithCORS("https://app.example", "https://admin.example"))
	for m, r := range methods(http.Header{"Origin": {"https://app.example"}}) {
		w := serve(h, r)
		assert.Equal(t, "https://app.example", w.Header().Get("Access-Control-Allow-Origin"), m)
		assert.Equal(t, "Origin", w.Header().Get("Vary"), m)
	}
	for m, r := range methods(http.Header{"Origin": {"https://evil.example"}}) {
		w := serve(h, r)
		assert.Empty(t, w.Header().Values("Access-Control-Allow-Origin"), m)
		assert.Empty(t, w.Header().Values("Access-Control-Expose-Headers"), m)
	}
	w := serve(NewHandler(ddbsim.New(nil), WithCORS("*")), methods(http.Header{"Origin": {"https://any.example"}})[http.MethodPost])
	assert.Equal(t, "*", w.Header().Get("Access-Control-Allow-Origin"), "-cors * allows any origin")
}

func TestHandler_ServerHeader_OnEveryAnswer(t *testing.T) {
	h, _ := newUsersHandler(t)
	reqs := []*http.Request{
		newRequest("ListTables", `{}`),
		newRequest("GetItem", `{"TableName":"nope","Key":{"id":{"S":"a"}}}`),
		newRequest("Nope", `{}`),
		httptest.NewRequest(http.MethodGet, "/", nil),
		httptest.NewRequest(http.MethodGet, "/health", nil),
		httptest.NewRequest(http.MethodOptions, "/", nil),
	}
	for _, r := range reqs {
		assert.Equal(t, "Server", serve(h, r).Header().Get("Server"), "%s %s", r.Method, r.Header.Get("X-Amz-Target"))
	}
}

func TestHandler_OperationsRunOnlyForPostSlash(t *testing.T) {
	h, db := newUsersHandler(t)
	put := `{"TableName":"users","Item":{"id":{"S":"a"}}}`
	for _, target := range []string{"/abc", "/-", "/index.htm", "/health", "//", "/users"} {
		post := newRequest("PutItem", put)
		post.URL.Path, post.RequestURI = target, target
		w := serve(h, post)
		assert.Equal(t, http.StatusNotFound, w.Code, target)
		assert.Equal(t, "<UnknownOperationException/>\n", w.Body.String())

		get := serve(h, httptest.NewRequest(http.MethodGet, target, nil))
		assert.Equal(t, http.StatusNotFound, get.Code, "GET %s is not the health check", target)
	}
	out, err := db.GetItem(t.Context(), ddbsim.GetItemInput{TableName: "users", Key: ddbsim.Item{"id": ddbsim.S("a")}})
	require.NoError(t, err)
	assert.Nil(t, out.Item, "no other path ran the PutItem")
}

func TestHandler_HealthNamesTheHostTheClientUsed(t *testing.T) {
	h := NewHandler(ddbsim.New(nil))
	for _, host := range []string{"localhost:8000", "dynamodb.us-east-1.amazonaws.com", "[::1]:8000"} {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.Host = host
		assert.Equal(t, "healthy: "+host+" ", serve(h, r).Body.String())
	}
}

func TestHandler_BodyThatIsNotAnObject_IsASerializationException(t *testing.T) {
	h, db := newUsersHandler(t)
	for _, body := range []string{"null", " 7", "[]", `[{"TableName":"users","Item":{"id":{"S":"a"}}}]`, `"str"`, "true", "", "  "} {
		for _, op := range []string{"PutItem", "ListTables", "DeleteTable"} {
			w := call(t, h, op, body)
			assert.Equal(t, http.StatusBadRequest, w.Code, "%s %q", op, body)
			assert.JSONEq(t, `{"__type":"com.amazon.coral.service#SerializationException"}`, w.Body.String(), "%s %q", op, body)
		}
	}
	out, err := db.ListTables(t.Context(), ddbsim.ListTablesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"users"}, out.TableNames)
	got, err := db.GetItem(t.Context(), ddbsim.GetItemInput{TableName: "users", Key: ddbsim.Item{"id": ddbsim.S("a")}})
	require.NoError(t, err)
	assert.Nil(t, got.Item)
}

func TestHandler_OverLargeHeadersAndRequestLines_AreRefused(t *testing.T) {
	h, db := newUsersHandler(t)
	put := `{"TableName":"users","Item":{"id":{"S":"a"}}}`

	long := newRequest("PutItem", put)
	long.Header.Set("X-Padding", strings.Repeat("p", maxHeaderSection))
	w := serve(h, long)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Empty(t, w.Body.String(), "a bare 400, no InvalidSignatureException")

	line := newRequest("PutItem", put)
	line.RequestURI = "/?" + strings.Repeat("x", maxHeaderSection)
	assert.Equal(t, http.StatusBadRequest, serve(h, line).Code)

	fits := newRequest("PutItem", put)
	fits.Header.Set("X-Padding", strings.Repeat("p", 8<<10))
	assert.Equal(t, http.StatusOK, serve(h, fits).Code, "8 KB of headers is fine")
	out, err := db.GetItem(t.Context(), ddbsim.GetItemInput{TableName: "users", Key: ddbsim.Item{"id": ddbsim.S("a")}})
	require.NoError(t, err)
	assert.NotNil(t, out.Item)
}

func TestHandler_OverLargeHeaders_OverTheWire(t *testing.T) {
	srv := httptest.NewServer(NewHandler(ddbsim.New(nil)))
	defer srv.Close()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/?"+strings.Repeat("x", 17000), strings.NewReader(`{}`))
	require.NoError(t, err)
	req.Header = newRequest("ListTables", `{}`).Header
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "a 17,000-byte URL, as DynamoDB refuses it")
}
