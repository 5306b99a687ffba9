package ddbhttp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		}
		h.writeError(w, &ddbsim.Error{Code: ddbsim.CodeSerialization})
		return
	}
	out, err := h.serve(r.Context(), r.Header, body)
	if errors.Is(err, ddbsim.ErrLostResponse) {
		// Drop the connection without a reply: what the client sees when
		// the network loses DynamoDB's response.
		panic(http.ErrAbortHandler)
	}
	if err != nil {
		h.writeError(w, err)
		return
	}
	payload, err := json.Marshal(out)
	if err != nil {
		h.writeError(w, &ddbsim.Error{Code: ddbsim.CodeInternalServerError, Message: err.Error()})
		return
	}
	h.write(w, http.StatusOK, payload)
}

// serve runs the operation X-Amz-Target names on body.
func (h *handler) serve(ctx context.Context, header http.Header, body []byte) (any, error) {
	name, ok := strings.CutPrefix(header.Get("X-Amz-Target"), targetPrefix)
	op := h.ops[name]
	if !ok || op == nil {
		return nil, &ddbsim.Error{Code: "UnknownOperationException"}
	}
	if header.Get("Authorization") == "" {
		return nil, &ddbsim.Error{Code: "MissingAuthenticationTokenException", Message: "Request is missing Authentication Token"}
	}
	if err := checkPresence(name, body); err != nil {
		return nil, err
	}
	return op(ctx, h.db, body)
}

func jsonContentType(ct string) bool {
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

// write sends a response with DynamoDB's headers: a request id and the
// CRC32 of the body, which the SDKs check.
func (h *handler) write(w http.ResponseWriter, status int, payload []byte) {
	hdr := w.Header()
	hdr.Set("Content-Type", "application/x-amz-json-1.0")
	hdr.Set("x-amzn-RequestId", h.requestID())
	hdr.Set("x-amz-crc32", strconv.FormatUint(uint64(crc32.ChecksumIEEE(payload)), 10))
	hdr.Set("Content-Length", strconv.Itoa(len(payload)))
	w.WriteHeader(status)
	w.Write(payload)
}

// requestID returns a 52-character id in the shape of DynamoDB's.
func (h *handler) requestID() string {
	return fmt.Sprintf("DDBSIM%046X", h.seq.Add(1))
}
