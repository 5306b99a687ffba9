package ddbhttp

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"hash/crc32"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestResponseCoding_AsDynamoDBChooses holds the answers DynamoDB gave to
// each Accept-Encoding (ScyllaDB's test_compressed_response.py, run
// against the service).
func TestResponseCoding_AsDynamoDBChooses(t *testing.T) {
	cases := map[string]string{
		"gzip": "gzip", "deflate": "deflate",
		"identity": "", "": "", "br": "", "zstd": "", "compress": "", "x-gzip": "",
		"gzip, deflate":                                 "gzip",
		"br, identity, deflate, gzip":                   "deflate",
		"GZIP, identity":                                "gzip",
		"dog, gzip ,, cat":                              "gzip",
		"gzip;q=0.8, deflate;q=0.5":                     "gzip",
		"br, gzip;q=0, deflate; q = 0.5 , identity;q=0": "deflate",
		"*":                               "gzip",
		"*, deflate;q=0.5":                "gzip",
		"*, deflate":                      "deflate",
		"*, identity":                     "gzip",
		"*, gzip;q=0.5":                   "deflate",
		"gzip ;q=0":                       "",
		"identity;q=0":                    "",
		"*;q=0":                           "",
		"*;q=0.5,identity":                "gzip",
		"gzip;q=0.5,identity;q=0.8":       "gzip",
		"br;q=0.8,identity;q=0.5,*;q=0":   "",
		`"gzip"`:                          "",
		"gzip br":                         "",
		"gzip:q=1":                        "",
		"deflate;q=0.5, gzip;q=31":        "gzip",
		"gzip;q=31,deflate;q=51":          "gzip",
		"deflate;q=0.5, gzip;q=0.2":       "deflate",
		"deflate;q=0.5, gzip;q=1;q=0.2":   "gzip",
		"deflate;q=0.5,gzip;q=0.":         "deflate",
		"deflate;q=0.5,gzip;q=0.x":        "gzip",
		"deflate;q=-0.5,gzip;q=0.2":       "gzip",
		"gzip;nq=1;q=0 ":                  "",
		"gzip;q=0, gzip;q=1, gzip;q=0":    "gzip",
		"br,identity;q=0.5,gzip;q=0.0001": "gzip",
	}
	for accept, want := range cases {
		assert.Equal(t, want, responseCoding(accept), "Accept-Encoding: %s", accept)
	}
}

// getBig reads an item of n bytes of x with the given Accept-Encoding
// lines.
func getBig(t *testing.T, n int, accept ...string) *http.Response {
	h, _ := newUsersHandler(t)
	w := call(t, h, "PutItem", `{"TableName":"users","Item":{"id":{"S":"big"},"x":{"S":"`+strings.Repeat("x", n)+`"}}}`)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	req := newRequest("GetItem", `{"TableName":"users","Key":{"id":{"S":"big"}},"ProjectionExpression":"x"}`)
	for _, a := range accept {
		req.Header.Add("Accept-Encoding", a)
	}
	return serve(h, req).Result()
}

func TestHandler_LargeResponses_AreCompressedWithTheCRCOfTheWire(t *testing.T) {
	const n = 5000
	want := `{"Item":{"x":{"S":"` + strings.Repeat("x", n) + `"}}}`
	for _, coding := range []string{"gzip", "deflate"} {
		resp := getBig(t, n, coding)
		wire, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.Equal(t, coding, resp.Header.Get("Content-Encoding"))
		assert.Equal(t, strconv.FormatUint(uint64(crc32.ChecksumIEEE(wire)), 10), resp.Header.Get("x-amz-crc32"), "the CRC of the compressed bytes")
		assert.Equal(t, strconv.Itoa(len(wire)), resp.Header.Get("Content-Length"))
		assert.Less(t, len(wire), n/10)
		var r io.Reader
		if coding == "gzip" {
			r, err = gzip.NewReader(bytes.NewReader(wire))
		} else {
			r, err = zlib.NewReader(bytes.NewReader(wire))
		}
		require.NoError(t, err)
		plain, err := io.ReadAll(r)
		require.NoError(t, err)
		assert.Equal(t, want, string(plain))
	}
}

func TestHandler_Responses_AreNotCompressedOtherwise(t *testing.T) {
	cases := []struct {
		name   string
		n      int
		accept []string
	}{
		{"no Accept-Encoding", 5000, nil},
		{"identity, as the Go SDK sends", 5000, []string{"identity"}},
		{"4 KB or less", 4096 - len(`{"Item":{"x":{"S":""}}}`), []string{"gzip"}},
		{"only the last line counts", 5000, []string{"gzip", "identity"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp := getBig(t, c.n, c.accept...)
			wire, _ := io.ReadAll(resp.Body)
			assert.Empty(t, resp.Header.Values("Content-Encoding"))
			assert.True(t, bytes.HasPrefix(wire, []byte(`{"Item"`)))
			assert.Equal(t, strconv.FormatUint(uint64(crc32.ChecksumIEEE(wire)), 10), resp.Header.Get("x-amz-crc32"))
		})
	}
	resp := getBig(t, 4097-len(`{"Item":{"x":{"S":""}}}`), "gzip")
	assert.Equal(t, "gzip", resp.Header.Get("Content-Encoding"), "one byte over 4 KB is compressed")
}

func FuzzResponseCoding(f *testing.F) {
	for _, s := range []string{"gzip", "*;q=0.5, deflate;q=0.7", "gzip;q=0.x", ",;=,", "identity;q=1, *;q=0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		switch c := responseCoding(accept); c {
		case "", "gzip", "deflate":
		default:
			t.Fatalf("%q chose %q", accept, c)
		}
	})
}
