package ddbsim

import (
	"context"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// ttlBenchItems is the number of items of the TTL benchmarks' table.
const ttlBenchItems = 100_000

// loadTTLBench returns a DB on a clock standing at ttlStart whose "users"
// table holds n bench items, each with an "expires" attribute at expiry(i),
// with time to live on for it if enabled.
func loadTTLBench(b *testing.B, n int, enabled bool, expiry func(i int) time.Time) *DB {
	b.Helper()
	db := New(&Options{Clock: ClockFunc(func() time.Time { return ttlStart })})
	ctx := context.Background()
	_, err := db.CreateTable(ctx, hashKeyTable("users"))
	require.NoError(b, err)
	if enabled {
		enableTTL(b, db, "users", "expires")
	}
	for i := range n {
		it := benchItem(i)
		it["expires"] = epoch(expiry(i))
		_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: it})
		require.NoError(b, err)
	}
	return db
}

// BenchmarkPutItem_TTL overwrites items of a 100k-item table, their
// expiry an hour ahead, with time to live off and on (the expiry index's
// cost on the write path: budget 1.2x), the overwrite keeping the item's
// expiry or moving it (a session's sliding expiry).
func BenchmarkPutItem_TTL(b *testing.B) {
	hourAhead := func(int) time.Time { return ttlStart.Add(time.Hour) }
	for _, c := range []struct {
		name    string
		enabled bool
		moves   bool
	}{{"off", false, false}, {"on", true, false}, {"off/sliding", false, true}, {"on/sliding", true, true}} {
		b.Run(c.name, func(b *testing.B) {
			db := loadTTLBench(b, ttlBenchItems, c.enabled, hourAhead)
			users, ctx := db.Table("users"), context.Background()
			items := preloadedItems(ttlBenchItems)
			for i := range items {
				items[i]["expires"] = epoch(hourAhead(i))
			}
			b.ReportAllocs()
			i := 0
			cpu := processCPU()
			for b.Loop() {
				it := items[i%len(items)]
				if c.moves {
					it["expires"] = Int(ttlStart.Unix() + 3600 + int64(i))
				}
				if _, err := users.PutItem(ctx, PutItemInput{Item: it}); err != nil {
					b.Fatal(err)
				}
				i++
			}
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// BenchmarkExpireTTL_100k times one sweep deleting 100k expired items
// (of a table of 200k whose other half expires tomorrow), each run on a
// fresh Fork of the loaded DB.
func BenchmarkExpireTTL_100k(b *testing.B) {
	db := loadTTLBench(b, 2*ttlBenchItems, true, func(i int) time.Time {
		if i%2 == 0 {
			return ttlStart.Add(-time.Duration(i) * time.Second)
		}
		return ttlStart.Add(24 * time.Hour)
	})
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		fork := db.Fork()
		b.StartTimer()
		start := processCPU()
		if n := fork.ExpireTTL(); n != ttlBenchItems {
			b.Fatal("deleted " + strconv.Itoa(n))
		}
		cpu += processCPU() - start
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*ttlBenchItems), "ns/item")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*ttlBenchItems), "cpu-ns/item")
}

// processCPU returns the CPU time the process has used, user and system:
// on a shared machine, a cost that being descheduled does not inflate
// (GC work on other threads counts, as it should).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
