package ddbsim

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkWritePath times each write operation, and GetItem beside them,
// on a 1k-item table in Sync and in Async mode: the figures the commit
// log is held to (no allocation added on Sync single-item writes).
func BenchmarkWritePath(b *testing.B) {
	for _, mode := range []struct {
		name string
		r    Replication
	}{{"Sync", Sync}, {"Async", Async}} {
		for _, op := range writePathOps {
			b.Run(mode.name+"/"+op.name, func(b *testing.B) {
				db := New(&Options{Replication: mode.r, Seed: 1})
				_, err := db.CreateTable(context.Background(), hashKeyTable("users"))
				require.NoError(b, err)
				items := make([]Item, 1000)
				for i := range items {
					items[i] = benchItem(i)
				}
				reload := func() {
					for _, it := range items {
						_, err := db.PutItem(context.Background(), PutItemInput{TableName: "users", Item: it})
						require.NoError(b, err)
					}
					db.Settle()
				}
				reload()
				run := op.run(db.Table("users"), items)
				b.ReportAllocs()
				i := 0
				for b.Loop() {
					if op.deletes && i > 0 && i%len(items) == 0 {
						b.StopTimer()
						reload()
						b.StartTimer()
					}
					if err := run(i); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
		}
	}
}

// writePathOps are BenchmarkWritePath's operations: each returns the call
// for iteration i over the preloaded items.
var writePathOps = []struct {
	name    string
	deletes bool // empties the table: reload it every len(items) calls
	run     func(t *Table, items []Item) func(i int) error
}{
	{"PutItem", false, func(t *Table, items []Item) func(int) error {
		return func(i int) error {
			_, err := t.PutItem(context.Background(), PutItemInput{Item: items[i%len(items)]})
			return err
		}
	}},
	{"PutItemCondition", false, func(t *Table, items []Item) func(int) error {
		return func(i int) error {
			_, err := t.PutItem(context.Background(), PutItemInput{Item: items[i%len(items)], ConditionExpression: "attribute_exists(id)"})
			return err
		}
	}},
	{"UpdateItemAdd", false, func(t *Table, items []Item) func(int) error {
		in := UpdateItemInput{Key: Item{"id": S("user#1")}, UpdateExpression: "ADD hits :one",
			ExpressionAttributeValues: map[string]Value{":one": N("1")}}
		return func(int) error {
			_, err := t.UpdateItem(context.Background(), in)
			return err
		}
	}},
	{"DeleteItem", true, func(t *Table, items []Item) func(int) error {
		keys := make([]Item, len(items))
		for i, it := range items {
			keys[i] = Item{"id": it["id"]}
		}
		return func(i int) error {
			_, err := t.DeleteItem(context.Background(), DeleteItemInput{Key: keys[i%len(keys)]})
			return err
		}
	}},
	{"BatchWriteItem25", false, func(t *Table, items []Item) func(int) error {
		batches := make([][]WriteRequest, len(items)/25)
		for i := range batches {
			for _, it := range items[i*25 : i*25+25] {
				batches[i] = append(batches[i], WriteRequest{PutRequest: &PutRequest{Item: it}})
			}
		}
		return func(i int) error {
			_, err := t.db.BatchWriteItem(context.Background(), BatchWriteItemInput{
				RequestItems: map[string][]WriteRequest{t.Name(): batches[i%len(batches)]}})
			return err
		}
	}},
	{"GetItem", false, func(t *Table, items []Item) func(int) error {
		keys := make([]Item, len(items))
		for i := range items {
			keys[i] = Item{"id": S("user#" + strconv.Itoa(i*997%len(items)))}
		}
		return func(i int) error {
			_, err := t.GetItem(context.Background(), GetItemInput{Key: keys[i%len(keys)]})
			return err
		}
	}},
}
