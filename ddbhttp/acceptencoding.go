package ddbhttp

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"strconv"
	"strings"
	"sync"
)

// compressAbove is the response size above which DynamoDB compresses a
// response the client accepts compressed (4 KB).
const compressAbove = 4096

// responseCoding picks the coding of a response from Accept-Encoding as
// DynamoDB does (observed against the service by ScyllaDB's Alternator
// tests): "gzip", "deflate" or "" (uncompressed).
//
//   - Only gzip and deflate are offered; other codings, and elements that
//     do not parse (`"gzip"`, `gzip br`, `gzip:q=1`), are ignored.
//   - q is the first q parameter: unparsable is 1, above 1 is 1, 0 or
//     below refuses the coding. Repeated codings take their best q.
//   - * stands for gzip and deflate where they are not listed.
//   - The highest q wins; on a tie a listed coding beats one matched by
//     *, then the first listed wins, then gzip.
//   - identity is ignored: DynamoDB compresses even when the client
//     prefers identity, unless it refuses every coding it offers
//     (RFC 9110 would let identity;q=1 win; DynamoDB does not).
//
// Only the last Accept-Encoding line counts, as on DynamoDB.
func responseCoding(accept string) string {
	type pref struct {
		q      float64
		listed bool
		pos    int
	}
	var gz, df pref
	star := pref{q: -1}
	gz.q, df.q = -1, -1
	for pos, elem := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(elem, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		q := qValue(params)
		var p *pref
		switch name {
		case "gzip":
			p = &gz
		case "deflate":
			p = &df
		case "*":
			p = &star
		default:
			continue
		}
		if !p.listed || q > p.q {
			*p = pref{q: q, listed: true, pos: pos}
		}
	}
	for _, p := range [...]*pref{&gz, &df} {
		if !p.listed && star.listed {
			*p = pref{q: star.q, pos: star.pos}
		}
	}
	better := func(a, b pref) bool { // a beats b
		if a.q != b.q {
			return a.q > b.q
		}
		if a.listed != b.listed {
			return a.listed
		}
		return a.pos <= b.pos
	}
	switch {
	case gz.q <= 0 && df.q <= 0:
		return ""
	case better(gz, df):
		return "gzip"
	}
	return "deflate"
}

// qValue reads the first q parameter of an Accept-Encoding element.
func qValue(params string) float64 {
	for param := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(param, "=")
		if strings.ToLower(strings.TrimSpace(k)) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		switch {
		case err != nil || q > 1:
			return 1
		case q < 0:
			return 0
		}
		return q
	}
	return 1
}

// compressors recycle the gzip and zlib writers and their output buffers.
var (
	gzipWriters = sync.Pool{New: func() any { return gzip.NewWriter(nil) }}
	zlibWriters = sync.Pool{New: func() any { return zlib.NewWriter(nil) }}
	compressed  = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// compress returns payload encoded with coding in a pooled buffer, which
// the caller gives back with releaseCompressed after writing it.
func compress(coding string, payload []byte) *bytes.Buffer {
	buf := compressed.Get().(*bytes.Buffer)
	buf.Reset()
	switch coding {
	case "gzip":
		w := gzipWriters.Get().(*gzip.Writer)
		w.Reset(buf)
		w.Write(payload)
		w.Close()
		gzipWriters.Put(w)
	case "deflate":
		w := zlibWriters.Get().(*zlib.Writer)
		w.Reset(buf)
		w.Write(payload)
		w.Close()
		zlibWriters.Put(w)
	}
	return buf
}

// releaseCompressed returns buf to the pool unless it grew too big to keep.
func releaseCompressed(buf *bytes.Buffer) {
	if buf.Cap() <= maxPooledBytes {
		compressed.Put(buf)
	}
}
