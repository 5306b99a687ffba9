package ddbsim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

func newReplicatedDB(t testing.TB, mode Replication, seed uint64) *DB {
	t.Helper()
	db := New(&Options{Replication: mode, Seed: seed})
	_, err := db.CreateTable(context.Background(), hashKeyTable("kvs"))
	require.NoError(t, err)
	return db
}

func getValue(t testing.TB, db *DB, id string, consistent bool) string {
	t.Helper()
	out, err := db.GetItem(context.Background(), GetItemInput{TableName: "kvs", Key: Item{"id": S(id)}, ConsistentRead: consistent})
	require.NoError(t, err)
	if out.Item == nil {
		return "<none>"
	}
	return out.Item["v"].S()
}

func putValue(t testing.TB, db *DB, id, v string) {
	t.Helper()
	_, err := db.PutItem(context.Background(), PutItemInput{TableName: "kvs", Item: Item{"id": S(id), "v": S(v)}})
	require.NoError(t, err)
}

func TestManual_StaleUntilPropagated(t *testing.T) {
	db := newReplicatedDB(t, Manual, 1)
	putValue(t, db, "a", "v1")
	db.Settle()
	putValue(t, db, "a", "v2")

	seen := map[string]int{}
	for range 60 {
		seen[getValue(t, db, "a", false)]++
		assert.Equal(t, "v2", getValue(t, db, "a", true), "ConsistentRead is never stale")
	}
	assert.Positive(t, seen["v1"], "some eventually consistent reads land on the lagging replica")
	assert.Positive(t, seen["v2"], "the others on the leader or its in-sync follower")
	assert.Equal(t, int64(seen["v1"]), db.Stats().StaleReads)
	assert.Equal(t, int64(1), db.Stats().PendingWrites)

	assert.Equal(t, 1, db.Propagate("kvs", 5))
	assert.Equal(t, int64(0), db.Stats().PendingWrites)
	for range 30 {
		assert.Equal(t, "v2", getValue(t, db, "a", false))
	}
	assert.Equal(t, 0, db.Propagate("nope", 1))
}

func TestSync_NeverStale(t *testing.T) {
	db := newReplicatedDB(t, Sync, 1)
	for i := range 50 {
		putValue(t, db, "a", strconv.Itoa(i))
		assert.Equal(t, strconv.Itoa(i), getValue(t, db, "a", false))
	}
	assert.Equal(t, Stats{}, db.Stats())
}

func TestAsync_PollingReaderConverges(t *testing.T) {
	db := New(&Options{Replication: Async, Seed: 7, MaxLag: 20})
	_, err := db.CreateTable(context.Background(), hashKeyTable("kvs"))
	require.NoError(t, err)
	putValue(t, db, "a", "old")
	for range 100 {
		getValue(t, db, "a", false)
	}
	putValue(t, db, "a", "new")
	last := 0
	for i := range 200 {
		if getValue(t, db, "a", false) != "new" {
			last = i
		}
	}
	assert.Less(t, last, 21, "after MaxLag+1 operations every replica has the write")
	assert.Equal(t, int64(0), db.Stats().PendingWrites)
}

// runHistory performs a fixed random sequence of operations on a fresh
// Async DB and returns everything it observed.
func runHistory(t testing.TB, seed uint64, ops int) []string {
	db := newReplicatedDB(t, Async, seed)
	rng := rand.New(rand.NewPCG(seed, 1))
	var seen []string
	for i := range ops {
		id := "k" + strconv.Itoa(rng.IntN(4))
		switch rng.IntN(3) {
		case 0:
			putValue(t, db, id, strconv.Itoa(i))
		default:
			seen = append(seen, getValue(t, db, id, false))
		}
	}
	return seen
}

func TestAsync_SameSeedSameResults(t *testing.T) {
	for seed := range uint64(5) {
		assert.Equal(t, runHistory(t, seed, 300), runHistory(t, seed, 300), "seed %d", seed)
	}
	assert.NotEqual(t, runHistory(t, 1, 300), runHistory(t, 2, 300), "different seeds explore different interleavings")
}

// replicaState returns the items of a replica as id -> v.
func replicaState(r *replica) map[string]string {
	out := map[string]string{}
	r.mu.RLock()
	defer r.mu.RUnlock()
	r.tree.Ascend(func(e entry) bool {
		it, _ := decodeItem(e.enc())
		out[it["id"].S()] = it["v"].S()
		return true
	})
	return out
}

// The replication property test: random puts, deletes and reads of both
// consistencies, checked against a plain map model after every step.
// The lagging replica must always equal the model as of some earlier
// point of the write log (the one it has applied up to); consistent reads
// equal the model; eventual reads return a state some replica holds; after
// Settle all three replicas are identical.
func TestReplication_ModelProperty(t *testing.T) {
	for seed := range uint64(200) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			mode := Async
			if seed%4 == 3 {
				mode = Manual
			}
			db := newReplicatedDB(t, mode, seed)
			tb := db.lookup("kvs")
			rng := rand.New(rand.NewPCG(seed, 2))
			model := map[string]string{}
			snapshots := []map[string]string{{}} // the model after each write of the log
			ctx := context.Background()
			for i := range 500 {
				id := "k" + strconv.Itoa(rng.IntN(6))
				switch op := rng.IntN(10); {
				case op < 4:
					v := strconv.Itoa(i)
					putValue(t, db, id, v)
					model[id] = v
					snapshots = append(snapshots, cloneStr(model))
				case op < 5:
					_, err := db.DeleteItem(ctx, DeleteItemInput{TableName: "kvs", Key: Item{"id": S(id)}})
					require.NoError(t, err)
					if _, ok := model[id]; ok { // deleting a missing item writes nothing
						delete(model, id)
						snapshots = append(snapshots, cloneStr(model))
					}
				case op < 7:
					want, ok := model[id]
					if !ok {
						want = "<none>"
					}
					require.Equal(t, want, getValue(t, db, id, true), "consistent read at step %d", i)
				case op < 9:
					got := getValue(t, db, id, false)
					leader := replicaState(tb.leader())[id]
					follower := replicaState(tb.follower.replica)[id]
					if got != "<none>" {
						require.Contains(t, []string{leader, follower}, got, "eventual read at step %d", i)
					}
				default:
					if mode == Manual {
						db.Propagate("kvs", rng.IntN(3))
					}
				}
				applied := len(snapshots) - 1 - int(tb.follower.npending.Load())
				require.Equal(t, snapshots[applied], replicaState(tb.follower.replica), "follower at step %d is not the leader's state after write %d", i, applied)
			}
			db.Settle()
			assert.Equal(t, replicaState(tb.leader()), replicaState(tb.follower.replica))
			assert.Equal(t, model, replicaState(tb.leader()))
		})
	}
}

func cloneStr(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestAsync_ConcurrentUse(t *testing.T) {
	db := newReplicatedDB(t, Async, 3)
	var g errgroup.Group
	for w := range 6 {
		g.Go(func() error {
			ctx := context.Background()
			for i := range 300 {
				id := S("k" + strconv.Itoa(i%5))
				if w%2 == 0 {
					if _, err := db.PutItem(ctx, PutItemInput{TableName: "kvs", Item: Item{"id": id, "v": S(strconv.Itoa(i))}}); err != nil {
						return err
					}
					continue
				}
				if _, err := db.GetItem(ctx, GetItemInput{TableName: "kvs", Key: Item{"id": id}, ConsistentRead: i%3 == 0}); err != nil {
					return err
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	db.Settle()
	tb := db.lookup("kvs")
	assert.Equal(t, replicaState(tb.leader()), replicaState(tb.follower.replica))
}

func TestFork_IsIndependent(t *testing.T) {
	db := newReplicatedDB(t, Manual, 9)
	putValue(t, db, "a", "base")
	db.Settle()
	putValue(t, db, "a", "pending")

	fork := db.Fork()
	putValue(t, fork, "a", "fork-only")
	putValue(t, db, "b", "db-only")

	assert.Equal(t, "pending", getValue(t, db, "a", true))
	assert.Equal(t, "fork-only", getValue(t, fork, "a", true))
	assert.Equal(t, "<none>", getValue(t, fork, "b", true))
	assert.Equal(t, int64(2), fork.Stats().PendingWrites, "the fork keeps the pending write and adds its own")
	assert.Equal(t, int64(2), db.Stats().PendingWrites)

	fork.Settle()
	assert.Equal(t, int64(2), db.Stats().PendingWrites, "settling the fork leaves the original alone")
	d, err := fork.DescribeTable(context.Background(), DescribeTableInput{TableName: "kvs"})
	require.NoError(t, err)
	assert.Equal(t, int64(1), d.ItemCount)

	_, err = fork.CreateTable(context.Background(), hashKeyTable("only-in-fork"))
	require.NoError(t, err)
	list, err := db.ListTables(context.Background(), ListTablesInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"kvs"}, list.TableNames)
}

func TestAsync_WallClockLag(t *testing.T) {
	now := time.Unix(1000, 0)
	db := New(&Options{Replication: Async, Seed: 5, Lag: time.Second, Clock: ClockFunc(func() time.Time { return now })})
	_, err := db.CreateTable(context.Background(), hashKeyTable("kvs"))
	require.NoError(t, err)
	putValue(t, db, "a", "v1")
	stale := 0
	for range 60 {
		if getValue(t, db, "a", false) == "<none>" {
			stale++
		}
	}
	assert.Positive(t, stale, "before the lag has passed, the lagging replica serves the old state")
	assert.Equal(t, int64(1), db.Stats().PendingWrites, "reads alone do not move a wall-clock lag")

	now = now.Add(time.Second)
	for range 30 {
		assert.Equal(t, "v1", getValue(t, db, "a", false))
	}
	assert.Equal(t, int64(0), db.Stats().PendingWrites)
}

func TestManual_QueryScanAndBatchGetReadReplicas(t *testing.T) {
	db := newReplicatedDB(t, Manual, 11)
	putValue(t, db, "a", "v1")
	db.Settle()
	putValue(t, db, "b", "v1")
	ctx := context.Background()
	counts := map[int32]int{}
	for range 40 {
		out, err := db.Scan(ctx, ScanInput{TableName: "kvs"})
		require.NoError(t, err)
		counts[out.Count]++
		strong, err := db.Scan(ctx, ScanInput{TableName: "kvs", ConsistentRead: true})
		require.NoError(t, err)
		require.Equal(t, int32(2), strong.Count, "a consistent scan reads the leader")

		q, err := db.Query(ctx, QueryInput{TableName: "kvs", KeyConditionExpression: "id = :b",
			ExpressionAttributeValues: map[string]Value{":b": S("b")}})
		require.NoError(t, err)
		counts[10+q.Count]++

		bg, err := db.BatchGetItem(ctx, BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"kvs": {Keys: []Item{{"id": S("b")}}}}})
		require.NoError(t, err)
		counts[20+int32(len(bg.Responses["kvs"]))]++
	}
	assert.Positive(t, counts[1], "an eventually consistent scan on the lagging replica misses the new item")
	assert.Positive(t, counts[2])
	assert.Positive(t, counts[10], "so does a query")
	assert.Positive(t, counts[11])
	assert.Positive(t, counts[20], "and a batch get")
	assert.Positive(t, counts[21])
}
