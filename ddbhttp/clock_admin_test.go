package ddbhttp

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// clockCall sends method to /ddbsim/clock with body and returns the
// answer.
func clockCall(t *testing.T, h http.Handler, method, body string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, clockPath, strings.NewReader(body)))
	return w
}

func clockNow(t *testing.T, w *httptest.ResponseRecorder) time.Time {
	t.Helper()
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var out clockResponse
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &out))
	return out.Now
}

func TestClockAdmin_ReadsAndMovesTheDBClock(t *testing.T) {
	db := ddbsim.New(&ddbsim.Options{Clock: &ddbsim.OffsetClock{}})
	h := NewHandler(db)
	start := clockNow(t, clockCall(t, h, http.MethodGet, ""))
	assert.WithinDuration(t, time.Now(), start, time.Minute)

	moved := clockNow(t, clockCall(t, h, http.MethodPost, `{"Advance":"48h"}`))
	assert.WithinDuration(t, time.Now().Add(48*time.Hour), moved, time.Minute)
	assert.WithinDuration(t, moved, db.Now(), time.Minute, "the DB reads the moved clock")

	target := time.Date(2031, 2, 3, 4, 5, 6, 0, time.UTC)
	assert.WithinDuration(t, target, clockNow(t, clockCall(t, h, http.MethodPost, `{"Set":"2031-02-03T04:05:06Z"}`)), time.Minute)
}

func TestClockAdmin_RefusesBadRequests(t *testing.T) {
	h := NewHandler(ddbsim.New(&ddbsim.Options{Clock: &ddbsim.OffsetClock{}}))
	for _, body := range []string{`{}`, `{"Advance":"1h","Set":"2031-02-03T04:05:06Z"}`, `{"Advance":"soon"}`, `{"Set":"tomorrow"}`, `nope`} {
		assert.Equal(t, http.StatusBadRequest, clockCall(t, h, http.MethodPost, body).Code, body)
	}
	assert.Equal(t, http.StatusMethodNotAllowed, clockCall(t, h, http.MethodDelete, "").Code)
	fixed := NewHandler(ddbsim.New(nil))
	assert.Equal(t, http.StatusConflict, clockCall(t, fixed, http.MethodPost, `{"Advance":"1h"}`).Code, "the wall clock cannot be moved")
}
