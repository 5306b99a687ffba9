package ddbsim

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

var updateTraces = flag.Bool("update-traces", false, "rewrite testdata/replication-traces/*.golden from this run")

// TestReplication_SeededTraceUnchanged replays a fixed, seeded mix of
// writes and eventually consistent reads in every lagging mode and
// compares what each read saw with a trace recorded before the write path
// moved onto the commit log: a refactor of replication must keep every
// seeded draw (the lag of each write, the replica of each read) as it was.
func TestReplication_SeededTraceUnchanged(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
	}{
		{"async", Options{Replication: Async, Seed: 42}},
		{"async-maxlag3", Options{Replication: Async, Seed: 7, MaxLag: 3}},
		{"async-walllag", Options{Replication: Async, Seed: 9, Lag: 30 * time.Millisecond}},
		{"manual", Options{Replication: Manual, Seed: 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := replicationTrace(t, tc.opts)
			path := filepath.Join("testdata", "replication-traces", tc.name+".golden")
			if *updateTraces {
				require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			require.Equal(t, string(want), got)
		})
	}
}

// replicationTrace runs the fixed workload on a DB with opts (its clock a
// fake one stepped by every operation) and returns one line per
// eventually consistent read and per propagation, and the final Stats.
func replicationTrace(t *testing.T, opts Options) string {
	ctx := context.Background()
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	opts.Clock = ClockFunc(func() time.Time { return clock })
	db := New(&opts)
	_, err := db.CreateTable(ctx, hashKeyTable("kvs"))
	require.NoError(t, err)
	createTestTable(t, db, "events", "pk", ScalarAttributeTypeS, "sk", ScalarAttributeTypeN)

	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := range 600 {
		clock = clock.Add(7 * time.Millisecond)
		id := fmt.Sprint("k", rng.IntN(6))
		switch op := rng.IntN(10); op {
		case 0, 1:
			putValue(t, db, id, fmt.Sprint("v", i))
		case 2:
			_, err := db.UpdateItem(ctx, UpdateItemInput{TableName: "kvs", Key: Item{"id": S(id)},
				UpdateExpression: "ADD n :one", ExpressionAttributeValues: map[string]Value{":one": Int(1)}})
			require.NoError(t, err)
		case 3:
			_, err := db.DeleteItem(ctx, DeleteItemInput{TableName: "kvs", Key: Item{"id": S(id)}})
			require.NoError(t, err)
		case 4:
			_, err := db.BatchWriteItem(ctx, BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
				"kvs":    {{PutRequest: &PutRequest{Item: Item{"id": S(id), "v": S(fmt.Sprint("b", i))}}}},
				"events": {{PutRequest: &PutRequest{Item: Item{"pk": S("p"), "sk": Int(int64(i % 5)), "v": Int(int64(i))}}}},
			}})
			require.NoError(t, err)
		case 5, 6:
			out, err := db.GetItem(ctx, GetItemInput{TableName: "kvs", Key: Item{"id": S(id)}})
			require.NoError(t, err)
			fmt.Fprintf(&b, "%d get %s %v\n", i, id, out.Item)
		case 7:
			out, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditionExpression: "pk = :p",
				ExpressionAttributeValues: map[string]Value{":p": S("p")}})
			require.NoError(t, err)
			fmt.Fprintf(&b, "%d query %v\n", i, out.Items)
		case 8:
			out, err := db.Scan(ctx, ScanInput{TableName: "kvs"})
			require.NoError(t, err)
			fmt.Fprintf(&b, "%d scan %d %v\n", i, out.Count, out.Items)
		case 9:
			if i%3 == 0 {
				fmt.Fprintf(&b, "%d propagate %d\n", i, db.Propagate("kvs", 2))
			}
		}
	}
	stats := func(prefix string) {
		s := db.Stats()
		fmt.Fprintf(&b, "%s {StaleReads:%d PendingWrites:%d}\n", prefix, s.StaleReads, s.PendingWrites)
	}
	stats("stats")
	db.Settle()
	stats("settled")
	return b.String()
}
