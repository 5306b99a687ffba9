package ddbhttp

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

func gzipped(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	_, err := w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func deflated(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	_, err := w.Write(b)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

// encodedPut sends a PutItem of item id with body bytes as sent and the
// given Content-Encoding.
func encodedPut(h http.Handler, body []byte, encoding string) (status int, respBody string) {
	req := newRequest("PutItem", "")
	req.Body = nopCloser{bytes.NewReader(body)}
	req.ContentLength = int64(len(body))
	if encoding != "" {
		req.Header.Set("Content-Encoding", encoding)
	}
	w := serve(h, req)
	return w.Code, w.Body.String()
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

func TestHandler_RequestEncodings_AreDecodedBeforeParsing(t *testing.T) {
	put := []byte(`{"TableName":"users","Item":{"id":{"S":"a"}}}`)
	cases := []struct {
		name, encoding string
		body           []byte
	}{
		{"gzip", "gzip", gzipped(t, put)},
		{"x-gzip", "x-gzip", gzipped(t, put)},
		{"deflate", "deflate", deflated(t, put)},
		{"case and spaces", " GZip ", gzipped(t, put)},
		{"two gzip members", "gzip", append(gzipped(t, put[:10]), gzipped(t, put[10:])...)},
		{"stacked, deflate applied first", "deflate, gzip", gzipped(t, deflated(t, put))},
		{"stacked over two lines", "gzip\ngzip", gzipped(t, gzipped(t, put))},
		{"identity", "identity", put},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, db := newUsersHandler(t)
			var status int
			var body string
			if lines := strings.Split(c.encoding, "\n"); len(lines) > 1 {
				req := newRequest("PutItem", "")
				req.Body, req.ContentLength = nopCloser{bytes.NewReader(c.body)}, int64(len(c.body))
				for _, l := range lines {
					req.Header.Add("Content-Encoding", l)
				}
				w := serve(h, req)
				status, body = w.Code, w.Body.String()
			} else {
				status, body = encodedPut(h, c.body, c.encoding)
			}
			require.Equal(t, http.StatusOK, status, body)
			out, err := db.GetItem(t.Context(), ddbsim.GetItemInput{TableName: "users", Key: ddbsim.Item{"id": ddbsim.S("a")}})
			require.NoError(t, err)
			assert.NotNil(t, out.Item)
		})
	}
}

func TestHandler_UndecodableBodies_AreRefusedAndNotRun(t *testing.T) {
	put := []byte(`{"TableName":"users","Item":{"id":{"S":"a"}}}`)
	gz := gzipped(t, put)
	const internal = `{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}`
	bomb := gzipped(t, append(append([]byte(`{"TableName":"users",`), bytes.Repeat([]byte(" "), MaxBodyBytes)...), put[1:]...))
	cases := []struct {
		name, encoding string
		body           []byte
		status         int
		want           string
	}{
		{"unknown coding", "garbage", put, 500, internal},
		{"br is not offered", "br", put, 500, internal},
		{"unknown among known", "gzip, compress", gzipped(t, put), 500, internal},
		{"not gzip", "gzip", put, 500, internal},
		{"truncated gzip", "gzip", gz[:len(gz)-1], 500, internal},
		{"gzip then junk", "gzip", append(gz[:len(gz):len(gz)], "junk"...), 500, internal},
		{"empty gzip", "gzip", nil, 500, internal},
		{"not deflate", "deflate", put, 500, internal},
		{"empty deflate", "deflate", nil, 500, internal},
		{"two deflate streams", "deflate", append(deflated(t, put[:10]), deflated(t, put[10:])...), 500, internal},
		{"stacked in the wrong order", "gzip, deflate", gzipped(t, deflated(t, put)), 500, internal},
		{"inflates past 16 MB", "gzip", bomb, http.StatusRequestEntityTooLarge, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, db := newUsersHandler(t)
			status, body := encodedPut(h, c.body, c.encoding)
			assert.Equal(t, c.status, status)
			if c.want != "" {
				assert.JSONEq(t, c.want, body)
			}
			out, err := db.GetItem(t.Context(), ddbsim.GetItemInput{TableName: "users", Key: ddbsim.Item{"id": ddbsim.S("a")}})
			require.NoError(t, err)
			assert.Nil(t, out.Item, "nothing was written")
		})
	}
	assert.Less(t, len(bomb), 64<<10, "the bomb is small on the wire")
}

func TestDecodeContent_StopsAtTheLimit(t *testing.T) {
	big := bytes.Repeat([]byte("a"), 1<<20)
	var out []byte
	_, err := decodeContent([]string{"gzip"}, gzipped(t, big), 1000, &out)
	assert.Equal(t, errInflatedLarge, err)
	assert.LessOrEqual(t, len(out), 1001, "it read no further than the limit")

	got, err := decodeContent([]string{"gzip"}, gzipped(t, big), int64(len(big)), &out)
	require.NoError(t, err)
	assert.Equal(t, big, got, "exactly the limit is fine")
}

func FuzzDecodeContent(f *testing.F) {
	f.Add([]byte(`{"a":1}`), uint8(1), false)
	f.Add([]byte(`{"a":1}`), uint8(2), true)
	f.Add([]byte("\x1f\x8b\x08\x00"), uint8(1), true)
	f.Add(bytes.Repeat([]byte("x"), 5000), uint8(3), false)
	f.Fuzz(func(t *testing.T, data []byte, which uint8, raw bool) {
		codings := map[uint8][]string{0: nil, 1: {"gzip"}, 2: {"deflate"}, 3: {"deflate", "gzip"}}[which%4]
		body := data
		if !raw {
			for _, c := range codings {
				if c == "gzip" {
					body = gzipped(t, body)
				} else {
					body = deflated(t, body)
				}
			}
		}
		const limit = 4096
		var out []byte
		got, err := decodeContent(codings, body, limit, &out)
		switch {
		case err == nil:
			if len(got) > limit {
				t.Fatalf("decoded %d bytes past the limit", len(got))
			}
			if !raw && !bytes.Equal(got, data) {
				t.Fatalf("round trip changed %q into %q", data, got)
			}
		case err == errInflatedLarge:
			if len(out) > limit+1 {
				t.Fatalf("read %d bytes for a limit of %d", len(out), limit)
			}
		case err != errCorruptBody:
			t.Fatalf("unexpected error %v", err)
		case !raw && len(data) <= limit:
			t.Fatalf("a well-encoded body of %d bytes was refused", len(data))
		}
	})
}
