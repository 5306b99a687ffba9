package ddbsim

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// benchItem is the 10-attribute item of the performance budgets.
func benchItem(i int) Item {
	id := "user#" + strconv.Itoa(i)
	return Item{
		"id":      S(id),
		"name":    S("Ada Lovelace"),
		"email":   S("ada@example.com"),
		"age":     N("36"),
		"balance": N("1234.50"),
		"active":  Bool(true),
		"created": N("1700000000"),
		"tags":    SS("admin", "beta"),
		"address": M(map[string]Value{"city": S("London"), "zip": S("N1")}),
		"score":   N("98.6"),
	}
}

// loadBenchTable returns a DB whose "users" table holds n bench items.
func loadBenchTable(b *testing.B, n int) *DB {
	b.Helper()
	db := newTestDB(b)
	ctx := context.Background()
	for i := range n {
		if _, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: benchItem(i)}); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// benchSize is a table size the benchmarks run at.
type benchSize struct {
	name string
	n    int
}

var benchSizes = []benchSize{{"1k", 1_000}, {"1M", 1_000_000}}

// flatSizes show that a cost does not grow with the table.
var flatSizes = []benchSize{{"1k", 1_000}, {"100k", 100_000}, {"1M", 1_000_000}}

func BenchmarkGetItem(b *testing.B) {
	benchSized(b, benchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		users, ctx := db.Table("users"), context.Background()
		keys := make([]Item, 1024)
		for i := range keys {
			keys[i] = Item{"id": S("user#" + strconv.Itoa(i*997%n))}
		}
		return func(i int) error {
			out, err := users.GetItem(ctx, GetItemInput{Key: keys[i%len(keys)]})
			if err == nil && len(out.Item) != 10 {
				err = fmt.Errorf("got %d attributes", len(out.Item))
			}
			return err
		}
	})
}

func BenchmarkPutItem(b *testing.B) {
	benchSized(b, benchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		users, ctx, items := db.Table("users"), context.Background(), preloadedItems(n)
		return func(i int) error {
			_, err := users.PutItem(ctx, PutItemInput{Item: items[i%len(items)]})
			return err
		}
	})
}

// preloadedItems returns 1024 bench items whose keys a table of n bench
// items already holds, so writes overwrite and the table does not grow.
func preloadedItems(n int) []Item {
	items := make([]Item, 1024)
	for i := range items {
		items[i] = benchItem(i * 997 % n)
	}
	return items
}

// BenchmarkMemoryPerItem reports the heap each stored item costs (with
// three replicas) next to its DynamoDB size, in Sync mode (one tree for
// the three) and in Async mode (the lagging replica a tree of its own);
// the budget is 150 B plus twice the item size.
func BenchmarkMemoryPerItem(b *testing.B) {
	for _, mode := range []Replication{Sync, Async} {
		b.Run([]string{"Sync", "Async"}[mode], func(b *testing.B) { memoryPerItem(b, mode) })
	}
}

func memoryPerItem(b *testing.B, mode Replication) {
	const n = 200_000
	for b.Loop() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		db := New(&Options{Replication: mode, Seed: 1})
		if _, err := db.CreateTable(context.Background(), hashKeyTable("users")); err != nil {
			b.Fatal(err)
		}
		for i := range n {
			if _, err := db.PutItem(context.Background(), PutItemInput{TableName: "users", Item: benchItem(i)}); err != nil {
				b.Fatal(err)
			}
		}
		db.Settle()
		runtime.GC()
		runtime.ReadMemStats(&after)
		size, _ := benchItem(n / 2).Size()
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "heap-B/item")
		b.ReportMetric(float64(size), "item-B")
		b.ReportMetric(150+2*float64(size), "budget-B/item")
		runtime.KeepAlive(db)
	}
}

func BenchmarkUpdateItemAdd_HotCounter(b *testing.B) {
	benchSized(b, benchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		users, ctx := db.Table("users"), context.Background()
		in := UpdateItemInput{Key: Item{"id": S("user#1")}, UpdateExpression: "ADD hits :one",
			ExpressionAttributeValues: map[string]Value{":one": N("1")}}
		return func(int) error {
			_, err := users.UpdateItem(ctx, in)
			return err
		}
	})
}

func BenchmarkPutItemIfNotExists(b *testing.B) {
	benchSized(b, benchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		users, ctx, items := db.Table("users"), context.Background(), preloadedItems(n) // the condition fails
		return func(i int) error {
			_, err := users.PutItem(ctx, PutItemInput{Item: items[i%len(items)], ConditionExpression: "attribute_not_exists(id)"})
			if isConditionFailed(err) {
				return nil
			}
			return fmt.Errorf("want ConditionalCheckFailedException, got %v", err)
		}
	})
}

// BenchmarkCompile_UpdateAdd is the expression checks of the hot
// counter's request alone: the part of UpdateItem that does not touch
// the table.
func BenchmarkCompile_UpdateAdd(b *testing.B) {
	db := newTestDB(b)
	r := exprRequest{values: map[string]Value{":one": N("1")},
		exprs: exprsOf(namedExpr{expr.Update, "ADD hits :one"}, conditionExpr(""))}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := db.compile(r); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdateItemMultiSet sets four attributes of a 10-attribute item
// in one UpdateExpression, one of them nested and one computed.
func BenchmarkUpdateItemMultiSet(b *testing.B) {
	db := loadBenchTable(b, 1000)
	users := db.Table("users")
	ctx := context.Background()
	in := UpdateItemInput{Key: Item{"id": S("user#1")},
		UpdateExpression:          "SET #n = :name, email = :email, address.city = :city, balance = balance + :d",
		ExpressionAttributeNames:  map[string]string{"#n": "name"},
		ExpressionAttributeValues: map[string]Value{":name": S("Ada"), ":email": S("a@example.com"), ":city": S("Paris"), ":d": N("0.5")}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := users.UpdateItem(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutItem_Replication compares a write's cost in each mode: Async
// and Manual also log the write for the lagging replica (budget: Async at
// most 20% over Sync).
func BenchmarkPutItem_Replication(b *testing.B) {
	for _, mode := range []struct {
		name string
		r    Replication
	}{{"Sync", Sync}, {"Async", Async}, {"Manual", Manual}} {
		b.Run(mode.name, func(b *testing.B) {
			db := New(&Options{Replication: mode.r, Seed: 1})
			_, err := db.CreateTable(context.Background(), hashKeyTable("users"))
			require.NoError(b, err)
			users := db.Table("users")
			ctx := context.Background()
			items := make([]Item, 1000)
			for i := range items {
				items[i] = benchItem(i)
				if _, err := users.PutItem(ctx, PutItemInput{Item: items[i]}); err != nil {
					b.Fatal(err)
				}
			}
			db.Settle()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := users.PutItem(ctx, PutItemInput{Item: items[i%len(items)]}); err != nil {
					b.Fatal(err)
				}
				if i++; mode.r == Manual && i%1000 == 0 {
					db.Settle() // keep the log from growing without bound
				}
			}
		})
	}
}

// floorSink keeps BenchmarkFloor_FreshItem's items alive past the loop.
var floorSink Item

// BenchmarkFloor_FreshItem builds benchItem's shape (10 attributes, a
// nested map of two, a string set of two) as a fresh Item from strings
// that already exist: the least a read must do to hand the item to its
// caller, who owns it. It is the floor under GetItem, and ten times it
// under a Query of 10 items; DESIGN.md section 8's read budgets are
// compared with it in BENCHMARKS.md.
func BenchmarkFloor_FreshItem(b *testing.B) {
	src := benchItem(1)
	names := sortedKeys(nil, src)
	values := make([]Value, len(names))
	for i, name := range names {
		values[i] = src[name]
	}
	city, zip := src["address"].M()["city"], src["address"].M()["zip"]
	tags := src["tags"].SS()
	b.ReportAllocs()
	for b.Loop() {
		it := make(Item, len(names))
		for i, name := range names {
			v := values[i]
			switch v.t {
			case TypeM:
				v = M(map[string]Value{"city": city, "zip": zip})
			case TypeSS:
				v = SS(tags[0], tags[1])
			}
			it[name] = v
		}
		floorSink = it
	}
	require.True(b, floorSink.Equal(src))
}
