package ddbaws

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

// benchItems is the number of items preloaded for the benchmarks.
const benchItems = 1_000

// Shapes of the Query and BatchGetItem benchmarks: 1k items in
// partitions of benchPartition, and batches of benchBatch keys.
const (
	benchPartition = 10
	benchBatch     = 100
)

// benchItem is the 10-attribute item of DESIGN.md's budgets (the root
// package's benchmarks use the same one).
func benchItem(i int) ddbsim.Item {
	return ddbsim.Item{
		"id":      ddbsim.S(benchID(i)),
		"name":    ddbsim.S("Ada Lovelace"),
		"email":   ddbsim.S("ada@example.com"),
		"age":     ddbsim.N("36"),
		"balance": ddbsim.N("1234.50"),
		"active":  ddbsim.Bool(true),
		"created": ddbsim.N("1700000000"),
		"tags":    ddbsim.SS("admin", "beta"),
		"address": ddbsim.M(map[string]ddbsim.Value{"city": ddbsim.S("London"), "zip": ddbsim.S("N1")}),
		"score":   ddbsim.N("98.6"),
	}
}

// benchID is the id of the i-th preloaded users item.
func benchID(i int) string { return "user#" + strconv.Itoa(i) }

// benchDB returns a DB whose "users" table (key id) holds benchItems
// items, and whose "events" table (keys pk and seq) holds the same items
// in partitions of benchPartition: pk "p<i/10>", seq i%10.
func benchDB(b *testing.B) *ddbsim.DB {
	b.Helper()
	db := newTestDB()
	a := NewAPI(db)
	mustCreate(b, a, onDemand("users", key("id", types.ScalarAttributeTypeS)))
	mustCreate(b, a, onDemand("events", key("pk", types.ScalarAttributeTypeS), key("seq", types.ScalarAttributeTypeN)))
	ctx := context.Background()
	for i := range benchItems {
		event := benchItem(i)
		event["pk"], event["seq"] = ddbsim.S(benchPK(i)), ddbsim.Int(int64(i%benchPartition))
		for table, it := range map[string]ddbsim.Item{"users": benchItem(i), "events": event} {
			if _, err := db.PutItem(ctx, ddbsim.PutItemInput{TableName: table, Item: it}); err != nil {
				b.Fatal(err)
			}
		}
	}
	return db
}

// benchPK is the events partition of the i-th item.
func benchPK(i int) string { return "p" + strconv.Itoa(i/benchPartition) }

// op is one call of a benchmarked operation on the i-th preloaded item
// (or the partition or batch it starts).
type op func(ctx context.Context, i int) error

// benchCase is an operation benchmarked three ways: through ddbsim's own
// API (native), and through sdk with NewAPI and with NewClient.
type benchCase struct {
	native func(db *ddbsim.DB) op
	sdk    func(c operations) op
}

// run runs the sub-benchmarks, each on its own preloaded DB; SDKOnly is
// NewClient answered by a transport that replays the first response, so
// it measures the SDK's own cost (serializing, signing, parsing) without
// ddbsim's, for DESIGN.md's budget: NewClient within the SDK's overhead
// plus 15 µs.
func (bc benchCase) run(b *testing.B) {
	b.Run("native", func(b *testing.B) { run(b, bc.native(benchDB(b))) })
	b.Run("NewAPI", func(b *testing.B) { run(b, bc.sdk(NewAPI(benchDB(b)))) })
	b.Run("NewClient", func(b *testing.B) { run(b, bc.sdk(NewClient(benchDB(b)))) })
	b.Run("SDKOnly", func(b *testing.B) {
		run(b, bc.sdk(NewClient(benchDB(b), func(o *dynamodb.Options) {
			o.HTTPClient = &http.Client{Transport: &replay{next: o.HTTPClient.(*http.Client).Transport}}
		})))
	})
}

// replay is a transport that answers every request with the response the
// next transport gave the first one.
type replay struct {
	next   http.RoundTripper
	status int
	header http.Header
	body   []byte
}

func (r *replay) RoundTrip(req *http.Request) (*http.Response, error) {
	if r.body == nil {
		resp, err := r.next.RoundTrip(req)
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		r.status, r.header, r.body = resp.StatusCode, resp.Header, body
	} else if req.Body != nil {
		io.Copy(io.Discard, req.Body)
		req.Body.Close()
	}
	return &http.Response{StatusCode: r.status, Header: r.header.Clone(), Body: io.NopCloser(bytes.NewReader(r.body)),
		ContentLength: int64(len(r.body)), Request: req}, nil
}

// preload builds what a benchmark sends, one per preloaded item.
func preload[T any](f func(int) T) []T {
	out := make([]T, benchItems)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

// BenchmarkGetItem reads a 10-attribute item from a table of 1k, through
// each target; DESIGN.md's budget for NewAPI is 2x native.
func BenchmarkGetItem(b *testing.B) {
	benchCase{
		native: func(db *ddbsim.DB) op {
			users := db.Table("users")
			return func(ctx context.Context, i int) error {
				_, err := users.GetItem(ctx, ddbsim.GetItemInput{Key: ddbsim.Item{"id": ddbsim.S(benchID(i))}})
				return err
			}
		},
		sdk: func(c operations) op {
			return func(ctx context.Context, i int) error {
				_, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS(benchID(i))}})
				return err
			}
		},
	}.run(b)
}

// BenchmarkPutItem overwrites a 10-attribute item in a table of 1k,
// through each target.
func BenchmarkPutItem(b *testing.B) {
	benchCase{
		native: func(db *ddbsim.DB) op {
			users, items := db.Table("users"), preload(benchItem)
			return func(ctx context.Context, i int) error {
				_, err := users.PutItem(ctx, ddbsim.PutItemInput{Item: items[i]})
				return err
			}
		},
		sdk: func(c operations) op {
			items := preload(func(i int) map[string]types.AttributeValue { return FromItem(benchItem(i)) })
			return func(ctx context.Context, i int) error {
				_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"), Item: items[i]})
				return err
			}
		},
	}.run(b)
}

// BenchmarkQuery reads a whole partition of 10 10-attribute items from a
// table of 1k, through each target.
func BenchmarkQuery(b *testing.B) {
	const condition = "pk = :p"
	benchCase{
		native: func(db *ddbsim.DB) op {
			events := db.Table("events")
			return func(ctx context.Context, i int) error {
				out, err := events.Query(ctx, ddbsim.QueryInput{KeyConditionExpression: condition, ExpressionAttributeValues: ddbsim.Item{":p": ddbsim.S(benchPK(i))}})
				if err != nil {
					return err
				}
				return checkCount(len(out.Items), benchPartition)
			}
		},
		sdk: func(c operations) op {
			return func(ctx context.Context, i int) error {
				out, err := c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("events"), KeyConditionExpression: aws.String(condition),
					ExpressionAttributeValues: map[string]types.AttributeValue{":p": avS(benchPK(i))}})
				if err != nil {
					return err
				}
				return checkCount(len(out.Items), benchPartition)
			}
		},
	}.run(b)
}

// BenchmarkBatchGetItem reads 100 10-attribute items from a table of 1k,
// through each target.
func BenchmarkBatchGetItem(b *testing.B) {
	// batch returns the keys of the batch the i-th item starts.
	batch := func(i int) []ddbsim.Item {
		keys := make([]ddbsim.Item, benchBatch)
		for j := range keys {
			keys[j] = ddbsim.Item{"id": ddbsim.S(benchID((i + j) % benchItems))}
		}
		return keys
	}
	benchCase{
		native: func(db *ddbsim.DB) op {
			batches := preload(batch)
			return func(ctx context.Context, i int) error {
				out, err := db.BatchGetItem(ctx, ddbsim.BatchGetItemInput{RequestItems: map[string]ddbsim.KeysAndAttributes{"users": {Keys: batches[i]}}})
				if err != nil {
					return err
				}
				return checkCount(len(out.Responses["users"]), benchBatch)
			}
		},
		sdk: func(c operations) op {
			batches := preload(func(i int) []map[string]types.AttributeValue { return mapSlice(batch(i), FromItem) })
			return func(ctx context.Context, i int) error {
				out, err := c.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: batches[i]}}})
				if err != nil {
					return err
				}
				return checkCount(len(out.Responses["users"]), benchBatch)
			}
		},
	}.run(b)
}

// checkCount returns an error if a read returned got items where want
// were expected: the benchmark would measure the wrong work.
func checkCount(got, want int) error {
	if got != want {
		return fmt.Errorf("read %d items, want %d", got, want)
	}
	return nil
}

// run calls op on the preloaded items in a scattered order.
func run(b *testing.B, op op) {
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := op(ctx, i*997%benchItems); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
