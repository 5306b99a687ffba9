package ddbsim

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
)

// BenchmarkUpdateTable_Backfill100k creates a GSI on a table of 100k
// items: the whole UpdateTable call, backfill included.
func BenchmarkUpdateTable_Backfill100k(b *testing.B) {
	ctx := context.Background()
	base := New(&Options{})
	loadBackfillTable(b, base, 100_000)
	b.ResetTimer()
	for b.Loop() {
		db := base.Fork()
		if _, err := db.UpdateTable(ctx, createH("byH")); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPutItem_DuringBackfill measures PutItem on a table while a
// GSI backfills 100k items in another goroutine (each iteration that
// finds the backfill done starts another on a fresh fork), against the
// same PutItem with no backfill.
func BenchmarkPutItem_DuringBackfill(b *testing.B) {
	ctx := context.Background()
	base := New(&Options{})
	loadBackfillTable(b, base, 100_000)
	for _, backfilling := range []bool{false, true} {
		b.Run(map[bool]string{false: "idle", true: "backfilling"}[backfilling], func(b *testing.B) {
			db := base.Fork()
			var running atomic.Bool
			if backfilling {
				running.Store(true)
				go func() {
					defer running.Store(false)
					if _, err := db.UpdateTable(ctx, createH("byH")); err != nil {
						b.Error(err)
					}
				}()
			}
			i, during := 0, 0
			for b.Loop() {
				if running.Load() {
					during++
				}
				i++
				if _, err := db.PutItem(ctx, PutItemInput{TableName: "utt", Item: Item{"pk": S("k" + strconv.Itoa(i%100_000)), "h": Int(int64(i % 7))}}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(during), "puts-during-backfill")
			for running.Load() {
			}
		})
	}
}

func loadBackfillTable(b *testing.B, db *DB, n int) {
	b.Helper()
	ctx := context.Background()
	pt := &ProvisionedThroughput{ReadCapacityUnits: 5, WriteCapacityUnits: 5}
	if _, err := db.CreateTable(ctx, CreateTableInput{TableName: "utt", BillingMode: BillingModeProvisioned, ProvisionedThroughput: pt,
		KeySchema:            []KeySchemaElement{{AttributeName: "pk", KeyType: KeyTypeHash}},
		AttributeDefinitions: []AttributeDefinition{{AttributeName: "pk", AttributeType: ScalarAttributeTypeS}}}); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		if _, err := db.PutItem(ctx, PutItemInput{TableName: "utt", Item: Item{"pk": S("k" + strconv.Itoa(i)), "h": Int(int64(i % 7)), "v": S("some payload")}}); err != nil {
			b.Fatal(err)
		}
	}
}
