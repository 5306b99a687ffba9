package ddbhttp

import (
	"context"
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/ddbsim/ddbsim"
)

// MaxBodyBytes is the largest request body accepted (DynamoDB's 16 MB);
// larger ones get 413 without being read whole.
const MaxBodyBytes = 16 << 20

// targetPrefix starts X-Amz-Target for the current DynamoDB API version.
const targetPrefix = "DynamoDB_20120810."

// healthLine is what DynamoDB answers to GET /.
const healthLine = "healthy: dynamodb.us-east-1.amazonaws.com "

type handler struct {
	db  *ddbsim.DB
	ops map[string]operation
	seq atomic.Uint64
}

// NewHandler returns an http.Handler serving db over DynamoDB's JSON 1.0
// protocol (see the package documentation). It is safe for concurrent use.
func NewHandler(db *ddbsim.DB) http.Handler {
	return &handler{db: db, ops: operations()}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == adminPath {
		h.admin(w, r)
		return
	}
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/":
		w.Header().Set("Content-Type", "text/plain")
		io.WriteString(w, healthLine)
		return
	case r.Method != http.MethodPost || !jsonContentType(r.Header.Get("Content-Type")):
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "<UnknownOperationException/>\n")
		return
	case r.ContentLength > MaxBodyBytes:
		w.WriteHeader(http.StatusRequestEntityTooLarge)
		return
	}
	buf := bodies.Get().(*[]byte)
	defer releaseBody(buf)
	err := readBody(http.MaxBytesReader(w, r.Body, MaxBodyBytes), buf, r.ContentLength)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		}
		h.writeError(w, &ddbsim.Error{Code: ddbsim.CodeSerialization})
		return
	}
	e := newEncoder()
	defer e.release()
	err = h.serve(r.Context(), r.Header, *buf, e)
	if errors.Is(err, ddbsim.ErrLostResponse) {
		// Drop the connection without a reply: what the client sees when
		// the network loses DynamoDB's response.
		panic(http.ErrAbortHandler)
	}
	if err == nil && e.err != nil {
		err = &ddbsim.Error{Code: ddbsim.CodeInternalServerError, Message: e.err.Error()}
	}
	if err != nil {
		h.writeError(w, err)
		return
	}
	h.write(w, http.StatusOK, e.buf)
}

// serve runs the operation X-Amz-Target names on body, writing the
// response body with e.
func (h *handler) serve(ctx context.Context, header http.Header, body []byte, e *encoder) error {
	name, ok := strings.CutPrefix(header.Get("X-Amz-Target"), targetPrefix)
	op := h.ops[name]
	if !ok || op == nil {
		return &ddbsim.Error{Code: "UnknownOperationException"}
	}
	if header.Get("Authorization") == "" {
		return &ddbsim.Error{Code: "MissingAuthenticationTokenException", Message: "Request is missing Authentication Token"}
	}
	if err := checkPresence(name, body); err != nil {
		return err
	}
	return op(ctx, h.db, body, e)
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

func (h *handler) writeError(w http.ResponseWriter, err error) {
	var e *ddbsim.Error
	if !errors.As(err, &e) {
		e = &ddbsim.Error{Code: ddbsim.CodeInternalServerError, Message: err.Error()}
	}
	b := errorFor(e)
	payload, mErr := json.Marshal(b)
	if mErr != nil {
		payload = []byte(`{"__type":"` + nsDynamoDB + `InternalServerError"}`)
	}
	h.write(w, b.status, payload)
}

// The canonical forms of the response header names, set in the header
// map directly: Header.Set would canonicalize them on every response.
const (
	headerContentType   = "Content-Type"
	headerRequestID     = "X-Amzn-Requestid" // x-amzn-RequestId
	headerCRC32         = "X-Amz-Crc32"      // x-amz-crc32
	headerContentLength = "Content-Length"
)

// write sends a response with DynamoDB's headers: a request id and the
// CRC32 of the body, which the SDKs check.
func (h *handler) write(w http.ResponseWriter, status int, payload []byte) {
	// One allocation holds the four values; each slice is capped so that
	// an Add to one cannot overwrite the next.
	values := [...]string{
		"application/x-amz-json-1.0",
		h.requestID(),
		strconv.FormatUint(uint64(crc32.ChecksumIEEE(payload)), 10),
		strconv.Itoa(len(payload)),
	}
	shared := values[:]
	hdr := w.Header()
	hdr[headerContentType] = shared[0:1:1]
	hdr[headerRequestID] = shared[1:2:2]
	hdr[headerCRC32] = shared[2:3:3]
	hdr[headerContentLength] = shared[3:4:4]
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
