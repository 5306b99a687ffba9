package ddbsim

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// recordingReader is a log reader that keeps every record it is handed.
type recordingReader struct{ recs []record }

func (r *recordingReader) appended(rec record) { r.recs = append(r.recs, rec) }

// record attaches a recordingReader to the named table.
func recordTable(t *testing.T, db *DB, name string) *recordingReader {
	t.Helper()
	tb := db.lookup(name)
	require.NotNil(t, tb)
	r := &recordingReader{}
	tb.writeMu.Lock()
	tb.readers = append(tb.readers, r)
	tb.writeMu.Unlock()
	return r
}

// testPlan is a plan and its decide, for commits made by tests.
type testPlan struct {
	plan
	decide decideFunc
}

// putPlan is a plan on table name that stores it, or fails with err.
func putPlan(t *testing.T, db *DB, name string, it Item, err error) testPlan {
	t.Helper()
	tb := db.lookup(name)
	require.NotNil(t, tb)
	k, kerr := tb.schema.fromItem(it)
	require.NoError(t, kerr)
	enc, size, eerr := encodeItem(it)
	require.NoError(t, eerr)
	return testPlan{plan{t: tb, k: k}, func(entry, bool) (change, error) {
		return change{next: newEntry(k, enc, size)}, err
	}}
}

// commitTest commits tps as one group and returns the outcomes and how
// many decides ran.
func commitTest(tps []testPlan, all bool) ([]outcome, int) {
	plans := make([]plan, len(tps))
	for i, tp := range tps {
		plans[i] = tp.plan
	}
	outs, ran := make([]outcome, len(tps)), 0
	commit(lockOrder(nil, plans), plans, func(i int, old entry, found bool) (change, error) {
		ran++
		return tps[i].decide(old, found)
	}, outs, all)
	return outs, ran
}

func TestCommit_GroupOverTables_AllOrNothing(t *testing.T) {
	db := newTestDB(t)
	users, events := recordTable(t, db, "users"), recordTable(t, db, "events")
	refused := errors.New("refused")
	seq := db.seq.Load()

	outs, ran := commitTest([]testPlan{
		putPlan(t, db, "users", Item{"id": S("a")}, nil),
		putPlan(t, db, "events", Item{"pk": S("p"), "sk": Int(1)}, refused),
		putPlan(t, db, "users", Item{"id": S("b")}, nil),
	}, true)
	assert.Equal(t, 3, ran, "every decide runs: no short-circuit")
	assert.ErrorIs(t, outs[1].err, refused)
	for i, o := range outs {
		assert.False(t, o.changed, "plan %d", i)
		assert.False(t, o.exists, "plan %d", i)
	}
	assert.Empty(t, tableItems(t, db, "users"))
	assert.Empty(t, tableItems(t, db, "events"))
	assert.Empty(t, users.recs)
	assert.Empty(t, events.recs)
	assert.Equal(t, seq, db.seq.Load(), "a refused group takes no sequence numbers")

	_, err := db.PutItem(context.Background(), PutItemInput{TableName: "users", Item: Item{"id": S("b"), "v": Int(1)}})
	require.NoError(t, err)
	outs, _ = commitTest([]testPlan{
		putPlan(t, db, "users", Item{"id": S("a")}, nil),
		putPlan(t, db, "events", Item{"pk": S("p"), "sk": Int(1)}, nil),
		putPlan(t, db, "users", Item{"id": S("b"), "v": Int(2)}, nil),
	}, true)
	for i, o := range outs {
		require.NoError(t, o.err)
		assert.True(t, o.changed, "plan %d", i)
	}
	assert.False(t, outs[0].found)
	assert.True(t, outs[2].found, "b was stored before")
	assert.Len(t, tableItems(t, db, "users"), 2)
	assert.Len(t, tableItems(t, db, "events"), 1)

	require.Len(t, users.recs, 3) // the PutItem, then the group's two
	require.Len(t, events.recs, 1)
	first := users.recs[1].seq
	assert.Equal(t, []uint64{first, first + 1, first + 2}, []uint64{users.recs[1].seq, events.recs[0].seq, users.recs[2].seq},
		"a group takes contiguous numbers, in plan order")
	b := users.recs[2]
	assert.Equal(t, db.lookup("users").num, b.table)
	assert.True(t, b.hadBefore)
	assert.True(t, b.hasAfter)
	before, err := decodeItem(b.before.enc())
	require.NoError(t, err)
	after, err := decodeItem(b.after.enc())
	require.NoError(t, err)
	assert.Equal(t, Item{"id": S("b"), "v": Int(1)}, before)
	assert.Equal(t, Item{"id": S("b"), "v": Int(2)}, after)
}

func TestCommit_IndependentPlans_StandAlone(t *testing.T) {
	db := newTestDB(t)
	outs, ran := commitTest([]testPlan{
		putPlan(t, db, "users", Item{"id": S("a")}, nil),
		putPlan(t, db, "events", Item{"pk": S("p"), "sk": Int(1)}, errors.New("refused")),
		putPlan(t, db, "users", Item{"id": S("b")}, nil),
	}, false)
	assert.Equal(t, 3, ran)
	assert.True(t, outs[0].changed)
	assert.Error(t, outs[1].err)
	assert.False(t, outs[1].changed)
	assert.True(t, outs[2].changed)
	assert.Len(t, tableItems(t, db, "users"), 2)
	assert.Empty(t, tableItems(t, db, "events"))
}

func TestCommit_RefusesADeletedTable(t *testing.T) {
	db := newTestDB(t)
	tp := putPlan(t, db, "users", Item{"id": S("a")}, nil) // looked up before the delete, as a racing write would
	_, err := db.DeleteTable(context.Background(), DeleteTableInput{TableName: "users"})
	require.NoError(t, err)
	head := tp.t.log.head

	outs, ran := commitTest([]testPlan{tp}, true)
	requireAWSError(t, outs[0].err, CodeResourceNotFound, msgNotFound)
	assert.Zero(t, ran, "nothing is decided on a deleted table")
	assert.Zero(t, tp.t.leader().tree.Len(), "nothing lands in the orphaned table")
	assert.Equal(t, head, tp.t.log.head)
}

func TestCommit_ConcurrentWithDeleteTable_NeverLandsInAnOrphan(t *testing.T) {
	ctx := context.Background()
	for round := range 50 {
		db := newTestDB(t)
		tb := db.lookup("users")
		var g errgroup.Group
		g.Go(func() error {
			_, err := db.DeleteTable(ctx, DeleteTableInput{TableName: "users"})
			return err
		})
		g.Go(func() error {
			for i := range 20 {
				_, _, err := tb.write(tableKey{hash: uint64(i), key: fmt.Sprint(i)}, func(entry, bool) (change, error) {
					return change{next: entry{hash: uint64(i), data: fmt.Sprint(i), klen: uint32(len(fmt.Sprint(i)))}}, nil
				})
				if errors.Is(err, ErrResourceNotFound) {
					return nil
				}
			}
			return nil
		})
		require.NoError(t, g.Wait())
		tb.writeMu.Lock()
		n, dropped := tb.log.head, tb.dropped
		tb.writeMu.Unlock()
		require.True(t, dropped, "round %d", round)
		assert.Equal(t, int64(tb.leader().tree.Len()), tb.items.Load())
		// The deletion record is the log's last: no write appended after it.
		assert.Equal(t, uint64(tb.leader().tree.Len())+2, n, "round %d: created, the writes, deleted", round)
	}
}

func TestCommit_NoReaderSeesHalfAGroup(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	var g errgroup.Group
	done := make(chan struct{})
	g.Go(func() error {
		defer close(done)
		for i := range 500 {
			outs, _ := commitTest([]testPlan{
				putPlan(t, db, "users", Item{"id": S("a"), "v": Int(int64(i))}, nil),
				putPlan(t, db, "users", Item{"id": S("b"), "v": Int(int64(i))}, nil),
			}, true)
			if outs[0].err != nil {
				return outs[0].err
			}
		}
		return nil
	})
	for range 2 {
		g.Go(func() error {
			for {
				select {
				case <-done:
					return nil
				default:
				}
				out, err := db.Scan(ctx, ScanInput{TableName: "users"})
				if err != nil {
					return err
				}
				if len(out.Items) == 2 && !out.Items[0]["v"].Equal(out.Items[1]["v"]) {
					return fmt.Errorf("a scan saw half a group: %v", out.Items)
				}
				if len(out.Items) == 1 {
					return fmt.Errorf("a scan saw one item of a group: %v", out.Items)
				}
			}
		})
	}
	require.NoError(t, g.Wait())
}

func TestCommit_OnePlan_AllocatesNothing(t *testing.T) {
	t.Setenv(StrictEnv, "0")
	db := newTestDB(t)
	tb := db.lookup("users")
	k, err := tb.schema.fromItem(Item{"id": S("a")})
	require.NoError(t, err)
	enc, size, err := encodeItem(Item{"id": S("a"), "v": Int(1)})
	require.NoError(t, err)
	e := newEntry(k, enc, size)
	allocs := testing.AllocsPerRun(100, func() {
		_, _, err = tb.write(k, func(entry, bool) (change, error) { return change{next: e}, nil })
	})
	require.NoError(t, err)
	assert.Zero(t, allocs, "in Sync mode with no reader, a commit keeps no record")
	assert.Empty(t, tb.log.recs)
}

func TestChangeLog_TableRecords_KeyedByTableNumber(t *testing.T) {
	db := New(&Options{Replication: Manual, Seed: 1})
	ctx := context.Background()
	seq := db.seq.Load()
	_, err := db.CreateTable(ctx, hashKeyTable("kvs"))
	require.NoError(t, err)
	assert.Equal(t, seq+1, db.seq.Load(), "CreateTable is a record of the sequence")
	old := db.lookup("kvs")
	putValue(t, db, "a", "v1")
	putValue(t, db, "b", "v1")
	assert.Equal(t, int64(2), db.Stats().PendingWrites)

	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "kvs"})
	require.NoError(t, err)
	assert.Equal(t, seq+4, db.seq.Load(), "so is DeleteTable")
	last := old.log.recs[len(old.log.recs)-1]
	assert.Equal(t, recordDeleted, last.kind)
	assert.Equal(t, old.num, last.table)

	_, err = db.CreateTable(ctx, hashKeyTable("kvs"))
	require.NoError(t, err)
	re := db.lookup("kvs")
	assert.NotEqual(t, old.num, re.num)
	assert.Empty(t, re.log.recs, "a re-created table starts a log of its own")
	assert.Zero(t, db.Propagate("kvs", -1), "and never replays its predecessor's")
	for range 20 {
		assert.Equal(t, "<none>", getValue(t, db, "a", false))
	}
}

func TestChangeLog_TrimmedToTheSlowestCursor(t *testing.T) {
	db := New(&Options{Replication: Manual, Seed: 1})
	_, err := db.CreateTable(context.Background(), hashKeyTable("kvs"))
	require.NoError(t, err)
	tb := db.lookup("kvs")
	for i := range 5 {
		putValue(t, db, "a", fmt.Sprint(i))
	}
	assert.Len(t, tb.log.recs, 5)
	assert.Equal(t, 2, db.Propagate("kvs", 2))
	assert.Len(t, tb.log.recs, 3, "the follower took two")

	tb.writeMu.Lock()
	slow := tb.log.register()
	tb.writeMu.Unlock()
	putValue(t, db, "b", "x")
	db.Settle()
	assert.Len(t, tb.log.recs, 1, "the slow cursor still needs the last record")
	var got []string
	assert.Equal(t, 1, tb.log.take(slow, -1, func(r *record) { got = append(got, r.key().key) }))
	assert.Len(t, got, 1)
	assert.Empty(t, tb.log.recs)
	assert.Equal(t, tb.log.head, tb.log.first)
}

func TestChangeLog_SyncKeepsNothing(t *testing.T) {
	db := newReplicatedDB(t, Sync, 1)
	tb := db.lookup("kvs")
	for i := range 100 {
		putValue(t, db, fmt.Sprint(i), "v")
	}
	assert.Empty(t, tb.log.recs)
	assert.Equal(t, uint64(101), tb.log.head, "its creation and the 100 puts")
}

func TestFork_CopiesTheLog_SharingNoBackingArray(t *testing.T) {
	db := newReplicatedDB(t, Manual, 1)
	for i := range 3 {
		putValue(t, db, "a", fmt.Sprint(i))
	}
	fork := db.Fork()
	orig, copied := db.lookup("kvs"), fork.lookup("kvs")
	require.Len(t, copied.log.recs, 3)
	assert.NotSame(t, &orig.log.recs[0], &copied.log.recs[0])
	assert.Equal(t, db.seq.Load(), fork.seq.Load())

	putValue(t, fork, "a", "fork")
	assert.Equal(t, 1, fork.Propagate("kvs", 1))
	assert.Len(t, orig.log.recs, 3, "the original's log is its own")
	assert.Equal(t, int64(3), db.Stats().PendingWrites)
	assert.Equal(t, int64(3), fork.Stats().PendingWrites)
	db.Settle()
	fork.Settle()
	assert.Equal(t, "2", getValue(t, db, "a", false))
	assert.Equal(t, "fork", getValue(t, fork, "a", false))
}

func TestFork_NeverCopiesHalfAGroup(t *testing.T) {
	db := newTestDB(t)
	var g errgroup.Group
	done := make(chan struct{})
	g.Go(func() error {
		defer close(done)
		for i := range 300 {
			commitTest([]testPlan{
				putPlan(t, db, "users", Item{"id": S("a"), "v": Int(int64(i))}, nil),
				putPlan(t, db, "events", Item{"pk": S("a"), "sk": Int(0), "v": Int(int64(i))}, nil),
			}, true)
		}
		return nil
	})
	g.Go(func() error {
		for {
			select {
			case <-done:
				return nil
			default:
			}
			fork := db.Fork()
			users, events := tableItems(t, fork, "users"), tableItems(t, fork, "events")
			if len(users) != len(events) || len(users) == 1 && !users[0]["v"].Equal(events[0]["v"]) {
				return fmt.Errorf("a fork holds half a group: %v and %v", users, events)
			}
		}
	})
	require.NoError(t, g.Wait())
}
