package ddbhttp

import (
	"encoding/json"
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

func TestTimeToLive_OnTheWire(t *testing.T) {
	db := ddbsim.New(&ddbsim.Options{Clock: &ddbsim.OffsetClock{}})
	h := NewHandler(db)
	require.Equal(t, http.StatusOK, call(t, h, "CreateTable", createUsers).Code)

	w := call(t, h, "DescribeTimeToLive", `{"TableName":"users"}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}}`, w.Body.String())

	w = call(t, h, "UpdateTimeToLive", `{"TableName":"users","TimeToLiveSpecification":{"AttributeName":"expires","Enabled":true}}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"TimeToLiveSpecification":{"AttributeName":"expires","Enabled":true}}`, w.Body.String())
	w = call(t, h, "DescribeTimeToLive", `{"TableName":"users"}`)
	assert.JSONEq(t, `{"TimeToLiveDescription":{"AttributeName":"expires","TimeToLiveStatus":"ENABLED"}}`, w.Body.String())

	w = call(t, h, "UpdateTimeToLive", `{"TableName":"users","TimeToLiveSpecification":{"AttributeName":"other","Enabled":true}}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.JSONEq(t, `{"__type":"com.amazon.coral.validate#ValidationException",
		"message":"TimeToLive is active on a different AttributeName: current AttributeName is expires"}`, w.Body.String())
	w = call(t, h, "UpdateTimeToLive", `{"TableName":"users"}`)
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Contains(t, w.Body.String(), "Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null")
}

// ttlAdminCall sends method to path with body and returns the answer.
func ttlAdminCall(t *testing.T, h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, path, strings.NewReader(body)))
	return w
}

// The sweep endpoint and the clock's moves delete expired items.
func TestTTLSweepAdmin(t *testing.T) {
	db := ddbsim.New(&ddbsim.Options{Clock: &ddbsim.OffsetClock{}})
	h := NewHandler(db)
	require.Equal(t, http.StatusOK, call(t, h, "CreateTable", createUsers).Code)
	require.Equal(t, http.StatusOK, call(t, h, "UpdateTimeToLive", `{"TableName":"users","TimeToLiveSpecification":{"AttributeName":"expires","Enabled":true}}`).Code)
	put := func(id string, at time.Time) {
		body := `{"TableName":"users","Item":{"id":{"S":"` + id + `"},"expires":{"N":"` + strconv.FormatInt(at.Unix(), 10) + `"}}}`
		require.Equal(t, http.StatusOK, call(t, h, "PutItem", body).Code)
	}
	put("now", db.Now().Add(-time.Second))
	put("tomorrow", db.Now().Add(24*time.Hour))

	w := ttlAdminCall(t, h, http.MethodPost, ttlSweepPath, "")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.JSONEq(t, `{"Expired":1}`, w.Body.String())
	assert.JSONEq(t, `{"Expired":0}`, ttlAdminCall(t, h, http.MethodPost, ttlSweepPath, "").Body.String())
	assert.Equal(t, http.StatusMethodNotAllowed, ttlAdminCall(t, h, http.MethodGet, ttlSweepPath, "").Code)

	w = ttlAdminCall(t, h, http.MethodPost, clockPath, `{"Advance":"25h"}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var moved clockResponse
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &moved))
	assert.Equal(t, 1, moved.Expired, "the clock's move swept")
	w = call(t, h, "Scan", `{"TableName":"users"}`)
	assert.JSONEq(t, `{"Count":0,"Items":[],"ScannedCount":0}`, w.Body.String())
}
