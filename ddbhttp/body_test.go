package ddbhttp

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadBody_MatchesReadAll_WhateverTheSizeHint(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789"), 300)
	for _, hint := range []int64{-1, 0, 10, int64(len(body)) - 1, int64(len(body)), int64(len(body)) + 100, 1 << 40} {
		for _, r := range []func() io.Reader{
			func() io.Reader { return bytes.NewReader(body) },
			func() io.Reader { return iotest.OneByteReader(bytes.NewReader(body)) },
			func() io.Reader { return iotest.DataErrReader(bytes.NewReader(body)) },
		} {
			buf := []byte("stale contents")
			require.NoError(t, readBody(r(), &buf, hint))
			assert.Equal(t, body, buf, "hint %d", hint)
		}
	}
	buf := []byte(nil)
	failure := errors.New("broken pipe")
	assert.Equal(t, failure, readBody(iotest.ErrReader(failure), &buf, -1))
}

func TestHandler_ConcurrentRequests_DoNotShareBuffers(t *testing.T) {
	h, _ := newUsersHandler(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				id := strconv.Itoa(g*1000 + i)
				item := `{"id":{"S":"` + id + `"},"pad":{"S":"` + strings.Repeat("x", g*100) + `"}}`
				w := call(t, h, "PutItem", `{"TableName":"users","Item":`+item+`,"ReturnValues":"ALL_OLD"}`)
				assert.Equal(t, "{}", w.Body.String())
				w = call(t, h, "GetItem", `{"TableName":"users","Key":{"id":{"S":"`+id+`"}}}`)
				assert.JSONEq(t, `{"Item":`+item+`}`, w.Body.String())
			}
		})
	}
	wg.Wait()
}
