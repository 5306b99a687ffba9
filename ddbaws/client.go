package ddbaws

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbhttp"
)

// Endpoint is the base endpoint NewClient's clients address; nothing
// listens there, the transport answers in-process.
const Endpoint = "http://ddbsim.invalid"

// NewClient returns a real aws-sdk-go-v2 DynamoDB client served by db
// in-process: static test credentials, region us-east-1, and the SDK's
// standard retryer (3 attempts) without backoff sleeps or a retry-token
// budget, so it works with no environment and fault tests stay fast. optFns override any of these.
// Cost: a request costs the SDK's serialization and signing plus the
// handler's JSON work; no socket, no goroutine.
func NewClient(db *ddbsim.DB, optFns ...func(*dynamodb.Options)) *dynamodb.Client {
	opts := dynamodb.Options{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("ddbsim", "ddbsim", ""),
		BaseEndpoint: aws.String(Endpoint),
		HTTPClient:   &http.Client{Transport: transport{handler: ddbhttp.NewHandler(db)}},
		Retryer: retry.NewStandard(func(o *retry.StandardOptions) {
			o.Backoff = noBackoff{}
			o.RateLimiter = ratelimit.None
		}),
	}
	return dynamodb.New(opts, optFns...)
}

// noBackoff retries at once.
type noBackoff struct{}

func (noBackoff) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// transport is an http.RoundTripper that serves requests with a handler
// in-process.
type transport struct {
	handler http.Handler
}

// ErrConnectionLost is the transport error a LostResponse fault causes.
// The SDK classifies it as a connection error and retries.
var ErrConnectionLost = errors.New("ddbaws: connection reset by peer: response lost (injected LostResponse fault)")

type lostError struct{}

func (lostError) Error() string         { return ErrConnectionLost.Error() }
func (lostError) Unwrap() []error       { return []error{ErrConnectionLost, ddbsim.ErrLostResponse} }
func (lostError) ConnectionError() bool { return true }

func (t transport) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	w := &responseWriter{header: http.Header{}, status: http.StatusOK}
	defer func() {
		if r := recover(); r != nil {
			if r != http.ErrAbortHandler {
				panic(r)
			}
			resp, err = nil, lostError{}
		}
	}()
	if req.Body == nil {
		req.Body = http.NoBody
	}
	t.handler.ServeHTTP(w, req)
	req.Body.Close()
	return &http.Response{
		Status:        strconv.Itoa(w.status) + " " + http.StatusText(w.status),
		StatusCode:    w.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        w.header,
		Body:          io.NopCloser(bytes.NewReader(w.body.Bytes())),
		ContentLength: int64(w.body.Len()),
		Request:       req,
	}, nil
}

// responseWriter records a handler's response.
type responseWriter struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (w *responseWriter) Header() http.Header { return w.header }

func (w *responseWriter) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
}

func (w *responseWriter) Write(p []byte) (int, error) {
	w.wrote = true
	return w.body.Write(p)
}
