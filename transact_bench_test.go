package ddbsim

import (
	"context"
	"strconv"
	"testing"
)

// txnBenchSizes are the table sizes of the transaction benchmarks.
var txnBenchSizes = []benchSize{{"1k", 1_000}}

// BenchmarkTransactWriteItems_TwoPuts is a transaction of two Puts of
// bench items (budget: 2.5x BenchmarkTwoPutItems).
func BenchmarkTransactWriteItems_TwoPuts(b *testing.B) {
	benchSized(b, txnBenchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		ctx, items := context.Background(), preloadedItems(n)
		return func(i int) error {
			_, err := db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{
				{Put: &Put{TableName: "users", Item: items[(2*i)%len(items)]}},
				{Put: &Put{TableName: "users", Item: items[(2*i+1)%len(items)]}},
			}})
			return err
		}
	})
}

// BenchmarkTwoPutItems is the two PutItems BenchmarkTransactWriteItems_TwoPuts
// is measured against.
func BenchmarkTwoPutItems(b *testing.B) {
	benchSized(b, txnBenchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		ctx, items := context.Background(), preloadedItems(n)
		return func(i int) error {
			if _, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: items[(2*i)%len(items)]}); err != nil {
				return err
			}
			_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: items[(2*i+1)%len(items)]})
			return err
		}
	})
}

// benchKeys are keys of bench items in a table of n.
func benchKeys(n int) []Item {
	keys := make([]Item, 1024)
	for i := range keys {
		keys[i] = Item{"id": S("user#" + strconv.Itoa(i*997%n))}
	}
	return keys
}

// BenchmarkTransactGetItems_Two reads two bench items in a transaction
// (budget: 2.5x BenchmarkTwoGetItems).
func BenchmarkTransactGetItems_Two(b *testing.B) {
	benchSized(b, txnBenchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		ctx, keys := context.Background(), benchKeys(n)
		return func(i int) error {
			_, err := db.TransactGetItems(ctx, TransactGetItemsInput{TransactItems: []TransactGetItem{
				{Get: &Get{TableName: "users", Key: keys[(2*i)%len(keys)]}},
				{Get: &Get{TableName: "users", Key: keys[(2*i+1)%len(keys)]}},
			}})
			return err
		}
	})
}

// BenchmarkTwoGetItems is the two strongly consistent GetItems
// BenchmarkTransactGetItems_Two is measured against.
func BenchmarkTwoGetItems(b *testing.B) {
	benchSized(b, txnBenchSizes, loadBenchTable, func(db *DB, n int) func(int) error {
		ctx, keys := context.Background(), benchKeys(n)
		return func(i int) error {
			if _, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: keys[(2*i)%len(keys)], ConsistentRead: true}); err != nil {
				return err
			}
			_, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: keys[(2*i+1)%len(keys)], ConsistentRead: true})
			return err
		}
	})
}
