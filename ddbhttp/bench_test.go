package ddbhttp

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ddbsim/ddbsim"
)

// The handler benchmarks mirror ddbaws's (bench_test.go there): 1k
// 10-attribute items in "users" (key id) and in "events" (keys pk and
// seq, partitions of benchPartition), requests shaped as the AWS SDK
// sends them. They measure the handler alone: what NewClient adds to the
// SDK's own cost.
const (
	benchItems     = 1_000
	benchPartition = 10
	benchBatch     = 100
)

// benchItemJSON is the i-th preloaded users item in the wire format.
func benchItemJSON(i int) string {
	return `{"id":{"S":"user#` + strconv.Itoa(i) + `"},"name":{"S":"Ada Lovelace"},"email":{"S":"ada@example.com"},` +
		`"age":{"N":"36"},"balance":{"N":"1234.50"},"active":{"BOOL":true},"created":{"N":"1700000000"},` +
		`"tags":{"SS":["admin","beta"]},"address":{"M":{"city":{"S":"London"},"zip":{"S":"N1"}}},"score":{"N":"98.6"}}`
}

// benchHandler serves a DB preloaded with the benchmark tables.
func benchHandler(b *testing.B) http.Handler {
	b.Helper()
	h := NewHandler(ddbsim.New(nil))
	for _, create := range []string{
		createUsers,
		`{"TableName":"events","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"seq","KeyType":"RANGE"}],
		"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"seq","AttributeType":"N"}],"BillingMode":"PAY_PER_REQUEST"}`,
	} {
		benchCall(b, h, "CreateTable", []byte(create))
	}
	for i := range benchItems {
		item := benchItemJSON(i)
		benchCall(b, h, "PutItem", []byte(`{"TableName":"users","Item":`+item+`}`))
		event := `{"pk":{"S":"p` + strconv.Itoa(i/benchPartition) + `"},"seq":{"N":"` + strconv.Itoa(i%benchPartition) + `"},` + item[1:]
		benchCall(b, h, "PutItem", []byte(`{"TableName":"events","Item":`+event+`}`))
	}
	return h
}

// discard is a ResponseWriter that keeps only the status, as cheap as
// ddbaws's in-process transport.
type discard struct {
	header http.Header
	status int
}

func (d *discard) Header() http.Header         { return d.header }
func (d *discard) WriteHeader(status int)      { d.status = status }
func (d *discard) Write(p []byte) (int, error) { return len(p), nil }

// benchCall serves one request and fails the benchmark unless it
// succeeds.
func benchCall(b *testing.B, h http.Handler, op string, body []byte) {
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, "/", bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", targetPrefix+op)
	sign(req.Header, time.Now())
	w := &discard{header: http.Header{}, status: http.StatusOK}
	h.ServeHTTP(w, req)
	if w.status != http.StatusOK {
		b.Fatalf("%s: status %d", op, w.status)
	}
}

// benchServe serves body(i) requests of op in a scattered order.
func benchServe(b *testing.B, op string, body func(i int) string) {
	h := benchHandler(b)
	bodies := make([][]byte, benchItems)
	for i := range bodies {
		bodies[i] = []byte(body(i))
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		benchCall(b, h, op, bodies[i*997%benchItems])
		i++
	}
}

// BenchmarkHandler_GetItem reads one 10-attribute item by key.
func BenchmarkHandler_GetItem(b *testing.B) {
	benchServe(b, "GetItem", func(i int) string {
		return `{"Key":{"id":{"S":"user#` + strconv.Itoa(i) + `"}},"TableName":"users"}`
	})
}

// BenchmarkHandler_PutItem overwrites one 10-attribute item.
func BenchmarkHandler_PutItem(b *testing.B) {
	benchServe(b, "PutItem", func(i int) string { return `{"Item":` + benchItemJSON(i) + `,"TableName":"users"}` })
}

// BenchmarkHandler_Query reads a partition of 10 items.
func BenchmarkHandler_Query(b *testing.B) {
	benchServe(b, "Query", func(i int) string {
		return `{"ExpressionAttributeValues":{":p":{"S":"p` + strconv.Itoa(i/benchPartition) + `"}},"KeyConditionExpression":"pk = :p","TableName":"events"}`
	})
}

// BenchmarkHandler_BatchGetItem reads 100 items by key.
func BenchmarkHandler_BatchGetItem(b *testing.B) {
	benchServe(b, "BatchGetItem", func(i int) string {
		keys := make([]string, benchBatch)
		for j := range keys {
			keys[j] = `{"id":{"S":"user#` + strconv.Itoa((i+j)%benchItems) + `"}}`
		}
		return `{"RequestItems":{"users":{"Keys":[` + strings.Join(keys, ",") + `]}}}`
	})
}
