package ddbhttp

import (
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/ddbsim/ddbsim"
)

func TestHandler_RequestID_IsSprintfsUpperHex52Chars(t *testing.T) {
	h := NewHandler(ddbsim.New(nil)).(*handler)
	for _, n := range []uint64{0, 1, 0xabc, math.MaxUint32, math.MaxUint64 - 1, math.MaxUint64} {
		h.seq.Store(n)
		id := h.requestID()
		assert.Equal(t, fmt.Sprintf("DDBSIM%046X", n+1), id)
		assert.Len(t, id, 52)
	}
}

func TestHandler_ResponseHeaderNames_AreCanonical(t *testing.T) {
	assert.Equal(t, http.CanonicalHeaderKey("Content-Type"), headerContentType)
	assert.Equal(t, http.CanonicalHeaderKey("x-amzn-RequestId"), headerRequestID)
	assert.Equal(t, http.CanonicalHeaderKey("x-amz-crc32"), headerCRC32)
	assert.Equal(t, http.CanonicalHeaderKey("Content-Length"), headerContentLength)
	assert.Equal(t, http.CanonicalHeaderKey("Server"), headerServer)
	assert.Equal(t, http.CanonicalHeaderKey("Content-Encoding"), headerEncoding)

	h, _ := newUsersHandler(t)
	w := call(t, h, "GetItem", `{"TableName":"users","Key":{"id":{"S":"a"}}}`)
	want := http.Header{}
	want.Set("Content-Type", "application/x-amz-json-1.0")
	want.Set("x-amzn-RequestId", w.Header().Get("x-amzn-RequestId"))
	want.Set("x-amz-crc32", w.Header().Get("x-amz-crc32"))
	want.Set("Content-Length", strconv.Itoa(w.Body.Len()))
	want.Set("Server", "Server")
	assert.Equal(t, want, w.Header(), "the same header map Header.Set builds")

	w.Header().Add("x-amzn-RequestId", "second")
	assert.Equal(t, want.Get("x-amz-crc32"), w.Header().Get("x-amz-crc32"), "appending to one value leaves the next alone")
}

func TestHandler_ContentTypeWithParameters_IsAccepted(t *testing.T) {
	h, _ := newUsersHandler(t)
	req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "application/x-amz-json-1.0; charset=utf-8")
	req.Header.Set("X-Amz-Target", "DynamoDB_20120810.ListTables")
	sign(req.Header, time.Now())
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, `{"TableNames":["users"]}`, w.Body.String())
}
