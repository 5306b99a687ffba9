package ddbhttp

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"io"
	"net/http"
	"strings"
)

// Why a request body could not be decoded. DynamoDB answers an unknown
// coding and a corrupt or truncated body with a 500 InternalServerError
// (and executes nothing); a body that inflates past the body limit is a
// 413, like a body sent that large.
var (
	errUnknownCoding = errors.New("ddbhttp: unsupported Content-Encoding")
	errCorruptBody   = errors.New("ddbhttp: request body does not decode as its Content-Encoding says")
	errInflatedLarge = errors.New("ddbhttp: request body inflates past the body limit")
)

// contentCodings returns the codings of Content-Encoding in the order
// they were applied (all the header's lines, comma-separated, lower-case;
// identity dropped), or nil when the body is sent as is.
func contentCodings(header http.Header) ([]string, error) {
	var codings []string
	for _, line := range header.Values("Content-Encoding") {
		for c := range strings.SplitSeq(line, ",") {
			switch c = strings.ToLower(strings.TrimSpace(c)); c {
			case "", "identity":
			case "gzip", "x-gzip":
				codings = append(codings, "gzip")
			case "deflate":
				codings = append(codings, "deflate")
			default:
				return nil, errUnknownCoding
			}
		}
	}
	return codings, nil
}

// decodeContent undoes codings (last applied first) on body into out,
// reusing out's capacity, and returns the decoded bytes. It stops reading
// after limit decoded bytes, so a small body that would inflate without
// bound (a zip bomb) costs at most limit bytes of memory. A gzip body may
// hold several members, as RFC 1952 allows; a deflate (zlib) body holds
// exactly one stream, and bytes after either are an error.
func decodeContent(codings []string, body []byte, limit int64, out *[]byte) ([]byte, error) {
	var r io.Reader = bytes.NewReader(body)
	for i := len(codings) - 1; i >= 0; i-- {
		// A bufio.Reader is an io.ByteReader, so the decompressors read
		// from it directly and what they leave behind can be checked.
		src := bufio.NewReader(r)
		var err error
		switch codings[i] {
		case "gzip":
			r, err = gzip.NewReader(src)
		case "deflate":
			var z io.ReadCloser
			z, err = zlib.NewReader(src)
			r = drained{z, src}
		}
		if err != nil {
			return nil, errCorruptBody
		}
	}
	if err := readBody(io.LimitReader(r, limit+1), out, -1); err != nil {
		return nil, errCorruptBody
	}
	if int64(len(*out)) > limit {
		return nil, errInflatedLarge
	}
	return *out, nil
}

// drained reads a decompressed stream and, at its end, checks that
// nothing follows it in the source.
type drained struct {
	io.Reader
	src *bufio.Reader
}

func (d drained) Read(p []byte) (int, error) {
	n, err := d.Reader.Read(p)
	if err == io.EOF {
		if _, more := d.src.ReadByte(); more == nil {
			return n, errCorruptBody
		}
	}
	return n, err
}
