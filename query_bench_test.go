package ddbsim

import (
	"context"
	"fmt"
	"strconv"
	"testing"
)

// loadBenchEvents returns a DB whose "events" table holds n bench items
// (10 attributes) in partitions of 10: pk "p<i/10>", sk i%10.
func loadBenchEvents(b *testing.B, n int) *DB {
	b.Helper()
	db := newTestDB(b)
	ctx := context.Background()
	for i := range n {
		it := benchItem(i)
		delete(it, "id")
		it["pk"], it["sk"] = S("p"+strconv.Itoa(i/10)), Int(int64(i%10))
		if _, err := db.PutItem(ctx, PutItemInput{TableName: "events", Item: it}); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// benchSized runs one operation per iteration at each of sizes, on a DB
// from load; setup returns the operation, which gets the iteration
// number.
func benchSized(b *testing.B, sizes []benchSize, load func(*testing.B, int) *DB, setup func(db *DB, n int) func(i int) error) {
	for _, size := range sizes {
		b.Run(size.name, func(b *testing.B) {
			op := setup(load(b, size.n), size.n)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if err := op(i); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkQuery reads the 10 items of one partition (budget: 5 µs at 1k
// items, 10 µs at 1M).
func BenchmarkQuery(b *testing.B) {
	benchSized(b, flatSizes, loadBenchEvents, func(db *DB, n int) func(int) error {
		events, ctx := db.Table("events"), context.Background()
		parts := make([]map[string]Value, 1024)
		for i := range parts {
			parts[i] = map[string]Value{":p": S("p" + strconv.Itoa(i*997%(n/10)))}
		}
		return func(i int) error {
			out, err := events.Query(ctx, QueryInput{KeyConditionExpression: "pk = :p", ExpressionAttributeValues: parts[i%len(parts)]})
			if err == nil && len(out.Items) != 10 {
				err = fmt.Errorf("%d items", len(out.Items))
			}
			return err
		}
	})
}

// BenchmarkBatchGetItem reads 100 items by key (budget: 100 µs at 1k
// items, 250 µs at 1M).
func BenchmarkBatchGetItem(b *testing.B) {
	benchSized(b, benchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		ctx := context.Background()
		batches := make([]BatchGetItemInput, 16)
		for i := range batches {
			keys := make([]Item, 100)
			for j := range keys {
				keys[j] = Item{"id": S("user#" + strconv.Itoa(((i*100+j)*997)%n))}
			}
			batches[i] = BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys}}}
		}
		return func(i int) error {
			out, err := db.BatchGetItem(ctx, batches[i%len(batches)])
			if err == nil && len(out.Responses["users"]) != 100 {
				err = fmt.Errorf("%d items", len(out.Responses["users"]))
			}
			return err
		}
	})
}
