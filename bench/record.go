package bench

import (
	"bytes"
	"cmp"
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// Recorded is one request as the SDK client sent it: its signed headers
// (X-Amz-Target, Authorization, ...) and its JSON body. Replaying them
// sends real SDK requests without paying for the SDK each time.
type Recorded struct {
	Method string // POST if empty
	Header http.Header
	Body   []byte
}

// recorder is an http.RoundTripper that keeps every request and answers
// each with an empty 200.
type recorder struct {
	reqs []Recorded
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return nil, err
	}
	h := req.Header.Clone()
	h.Del("Content-Length")
	r.reqs = append(r.reqs, Recorded{Header: h, Body: body})
	return &http.Response{StatusCode: http.StatusOK, Request: req,
		Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
		Body:   io.NopCloser(strings.NewReader("{}"))}, nil
}

// Record returns the requests the SDK client sends for the named case's
// Variants inputs (cycling through them).
func Record(name string, r *Requests) []Recorded {
	rec := &recorder{}
	c := dynamodb.New(SDKOptions("http://127.0.0.1", 1, rec))
	step := SDKStep(name, c, r)
	for v := range Variants {
		step(context.Background(), v) // the empty answers fail the checks: only the requests matter
	}
	return rec.reqs
}

// NewRequest returns rq as a request to url, ready to send.
func (rq Recorded) NewRequest(url string) *http.Request {
	method := cmp.Or(rq.Method, http.MethodPost)
	req, err := http.NewRequest(method, url, bytes.NewReader(rq.Body))
	if err != nil {
		panic(err) // url is the caller's constant
	}
	if rq.Header != nil {
		req.Header = rq.Header
	}
	return req
}

// SDKOptions are the SDK client options for a server at url: region
// us-east-1, static credentials, attempts tries per call (1: no retry),
// and an HTTP client over transport.
func SDKOptions(url string, attempts int, transport http.RoundTripper) dynamodb.Options {
	return dynamodb.Options{
		Region:           "us-east-1",
		Credentials:      credentials.NewStaticCredentialsProvider("bench", "bench", ""),
		BaseEndpoint:     aws.String(url),
		RetryMaxAttempts: attempts,
		HTTPClient:       &http.Client{Transport: transport},
	}
}
