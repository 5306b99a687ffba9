package ddbhttp

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"mime"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/ddbsim/ddbsim"
)

// MaxBodyBytes is the largest request body accepted (DynamoDB's 16 MB);
// larger ones get 413 without being read whole.
const MaxBodyBytes = 16 << 20

// targetPrefix starts X-Amz-Target for the current DynamoDB API version.
const targetPrefix = "DynamoDB_20120810."

// serverName is DynamoDB's Server header.
const serverName = "Server"

// maxHeaderSection is the largest request line, and the largest header
// section, DynamoDB reads (16 KB); larger ones get a bare 400.
const maxHeaderSection = 16 << 10

type handler struct {
	db    *ddbsim.DB
	ops   map[string]operation
	seq   atomic.Uint64
	auth  Authenticator    // nil: any well-formed signature
	clock func() time.Time // the time request dates are checked against
	cors  cors
}

// NewHandler returns an http.Handler serving db over DynamoDB's JSON 1.0
// protocol (see the package documentation), configured by opts. It is
// safe for concurrent use.
func NewHandler(db *ddbsim.DB, opts ...Option) http.Handler {
	h := &handler{db: db, ops: operations(), clock: time.Now}
	for _, o := range opts {
		o(h)
	}
	return h
}

// now is the time request dates are checked against: the one place to
// switch to the DB's own clock once it exposes one.
func (h *handler) now() time.Time { return h.clock() }

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == adminPath || r.URL.Path == clockPath || r.URL.Path == ttlSweepPath {
		h.admin(w, r)
		return
	}
	hdr := w.Header()
	h.cors.apply(hdr, r, r.Method == http.MethodOptions)
	switch {
	case headerSectionTooLarge(r):
		hdr.Set("Server", serverName)
		w.WriteHeader(http.StatusBadRequest)
		return
	case r.Method == http.MethodOptions && r.URL.Path == "/":
		hdr.Set("Server", serverName)
		hdr.Set("Content-Length", "0")
		return
	case r.Method == http.MethodGet && r.URL.Path == "/":
		hdr.Set("Server", serverName)
		hdr.Set("Content-Type", "text/plain")
		io.WriteString(w, "healthy: "+cmp.Or(r.Host, "localhost")+" ")
		return
	case r.Method != http.MethodPost || r.URL.Path != "/" || !jsonContentType(r.Header.Get("Content-Type")):
		hdr.Set("Server", serverName)
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "<UnknownOperationException/>\n")
		return
	case r.ContentLength > MaxBodyBytes:
		hdr.Set("Server", serverName)
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		return
	}
	buf := bodies.Get().(*[]byte)
	defer releaseBody(buf)
	err := readBody(http.MaxBytesReader(w, r.Body, MaxBodyBytes), buf, r.ContentLength)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			hdr.Set("Server", serverName)
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		}
		h.writeError(w, r, &ddbsim.Error{Code: ddbsim.CodeSerialization})
		return
	}
	body, decoded, err := h.admit(r, *buf)
	if decoded != nil {
		defer releaseBody(decoded)
	}
	if errors.Is(err, errInflatedLarge) {
		hdr.Set("Server", serverName)
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		return
	}
	e := newEncoder()
	defer e.release()
	if err == nil {
		err = h.serve(endpointContext(r), r.Header, body, e)
	}
	if errors.Is(err, ddbsim.ErrLostResponse) {
		// Drop the connection without a reply: what the client sees when
		// the network loses DynamoDB's response.
		panic(http.ErrAbortHandler)
	}
	if err == nil && e.err != nil {
		err = &ddbsim.Error{Code: ddbsim.CodeInternalServerError, Message: e.err.Error()}
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	h.write(w, r, http.StatusOK, e.buf)
}

// admit authenticates a request whose raw body is raw, then undoes its
// Content-Encoding, returning the body to parse: raw itself, or the
// decoded bytes in a pooled buffer (decoded) that the caller releases.
// A refused request returns an error and is never run.
func (h *handler) admit(r *http.Request, raw []byte) (body []byte, decoded *[]byte, err error) {
	sig, err := checkAuthorization(r.Header, h.now())
	if err == nil && h.auth != nil {
		err = authenticate(h.auth, r, raw, sig)
	}
	if err != nil {
		return nil, nil, err
	}
	codings, err := contentCodings(r.Header)
	if err != nil {
		return nil, nil, undecodable()
	}
	if codings == nil {
		return raw, nil, nil
	}
	out := bodies.Get().(*[]byte)
	body, err = decodeContent(codings, raw, MaxBodyBytes, out)
	switch {
	case err == errInflatedLarge:
		releaseBody(out)
		return nil, nil, err
	case err != nil:
		releaseBody(out)
		return nil, nil, undecodable()
	}
	return body, out, nil
}

// undecodable is DynamoDB's answer to a body in an unknown coding, or one
// that does not decode: a 500, as if the service had failed.
func undecodable() error {
	return &ddbsim.Error{Code: ddbsim.CodeInternalServerError, Message: msgInternalError}
}

// msgInternalError is DynamoDB's InternalServerError message.
const msgInternalError = "Internal server error"

// headerSectionTooLarge reports whether r's request line or header
// section exceeds what DynamoDB reads.
func headerSectionTooLarge(r *http.Request) bool {
	if len(r.Method)+len(r.RequestURI)+len(r.Proto)+4 > maxHeaderSection {
		return true
	}
	n := len("Host: \r\n") + len(r.Host)
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n > maxHeaderSection
}

// serve runs the operation X-Amz-Target names on body, writing the
// response body with e.
func (h *handler) serve(ctx context.Context, header http.Header, body []byte, e *encoder) error {
	name, ok := operationName(header.Get("X-Amz-Target"))
	op := h.ops[name]
	if !ok || op == nil {
		return &ddbsim.Error{Code: "UnknownOperationException"}
	}
	if !isObject(body) {
		return &ddbsim.Error{Code: ddbsim.CodeSerialization}
	}
	if err := checkPresence(name, body); err != nil {
		return err
	}
	return op(ctx, h.db, body, e)
}

// isObject reports whether body starts as a JSON object does: a body
// that is null, a number, a string or an array is DynamoDB's bare
// SerializationException, whatever the operation.
func isObject(body []byte) bool {
	for _, c := range body {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return c == '{'
	}
	return false
}

// jsonContentType reports whether ct names one of the JSON media types
// DynamoDB accepts; the exact names, which the SDKs send, skip parsing.
func jsonContentType(ct string) bool {
	switch ct {
	case "application/x-amz-json-1.0", "application/x-amz-json-1.1", "application/json":
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "application/x-amz-json-1.0" || mt == "application/x-amz-json-1.1" || mt == "application/json")
}

// writeError answers err with DynamoDB's error body and status.
func (h *handler) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var e *ddbsim.Error
	if !errors.As(err, &e) {
		e = &ddbsim.Error{Code: ddbsim.CodeInternalServerError, Message: err.Error()}
	}
	b := errorFor(e)
	payload, mErr := json.Marshal(b)
	if mErr != nil {
		payload = []byte(`{"__type":"` + nsDynamoDB + `InternalServerError"}`)
	}
	h.write(w, r, b.status, payload)
}

// The canonical forms of the response header names, set in the header
// map directly: Header.Set would canonicalize them on every response.
const (
	headerContentType   = "Content-Type"
	headerRequestID     = "X-Amzn-Requestid" // x-amzn-RequestId
	headerCRC32         = "X-Amz-Crc32"      // x-amz-crc32
	headerContentLength = "Content-Length"
	headerServer        = "Server"
	headerEncoding      = "Content-Encoding"
)

// write sends a response with DynamoDB's headers: Server, a request id
// and the CRC32 of the body, which the SDKs check. A payload over 4 KB is
// compressed when r's Accept-Encoding allows, and the CRC32 is then of
// the compressed bytes, as DynamoDB sends it.
func (h *handler) write(w http.ResponseWriter, r *http.Request, status int, payload []byte) {
	coding := ""
	if len(payload) > compressAbove {
		if accept := r.Header.Values("Accept-Encoding"); len(accept) > 0 {
			coding = responseCoding(accept[len(accept)-1])
		}
	}
	if coding != "" {
		buf := compress(coding, payload)
		defer releaseCompressed(buf)
		payload = buf.Bytes()
	}
	// One allocation holds the values; each slice is capped so that an
	// Add to one cannot overwrite the next.
	values := [...]string{
		"application/x-amz-json-1.0",
		h.requestID(),
		strconv.FormatUint(uint64(crc32.ChecksumIEEE(payload)), 10),
		strconv.Itoa(len(payload)),
		serverName,
		coding,
	}
	shared := values[:]
	hdr := w.Header()
	hdr[headerContentType] = shared[0:1:1]
	hdr[headerRequestID] = shared[1:2:2]
	hdr[headerCRC32] = shared[2:3:3]
	hdr[headerContentLength] = shared[3:4:4]
	hdr[headerServer] = shared[4:5:5]
	if coding != "" {
		hdr[headerEncoding] = shared[5:6:6]
	}
	w.WriteHeader(status)
	w.Write(payload)
}

// requestIDPrefix starts every request id; 46 hexadecimal digits of the
// request's sequence number follow, 52 characters in all like DynamoDB's.
const requestIDPrefix = "DDBSIM"

// requestID returns the next request id: DDBSIM and the sequence number
// in 46 upper-case hexadecimal digits, as fmt's %046X writes it.
func (h *handler) requestID() string {
	var id [len(requestIDPrefix) + 46]byte
	copy(id[:], requestIDPrefix)
	n := h.seq.Add(1)
	for i := len(id) - 1; i >= len(requestIDPrefix); i-- {
		id[i] = "0123456789ABCDEF"[n&0xF]
		n >>= 4
	}
	return string(id[:])
}
