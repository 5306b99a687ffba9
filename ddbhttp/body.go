package ddbhttp

import (
	"io"
	"sync"
)

// bodies recycles request body buffers: nothing a request decodes into
// keeps a reference to its body.
var bodies = sync.Pool{New: func() any { return new([]byte) }}

// readBody reads r to its end into buf, reusing buf's capacity and
// sizing it at first for sizeHint bytes (the Content-Length, -1 if
// unknown; a declared length is trusted up to maxPooledBytes only); it
// grows as io.ReadAll does.
func readBody(r io.Reader, buf *[]byte, sizeHint int64) error {
	b := (*buf)[:0]
	if want := int(min(sizeHint, maxPooledBytes)) + 1; cap(b) < want {
		b = make([]byte, 0, max(want, 512))
	}
	defer func() { *buf = b }()
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// releaseBody returns buf to the pool unless it grew too big to keep.
func releaseBody(buf *[]byte) {
	if cap(*buf) <= maxPooledBytes {
		bodies.Put(buf)
	}
}
