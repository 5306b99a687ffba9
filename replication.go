package ddbsim

import (
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultMaxLag is how many table operations the lagging replica may
// trail by in Async mode when Options.MaxLag is 0.
const DefaultMaxLag = 8

// follower is a reader of a table's commit log that keeps a tree of its
// own: the table's lagging replica in Async and Manual mode, or a GSI's
// tree (index set) in any mode. In Async and Manual it takes the log
// through a cursor, in order, with a lag of its own, so it only ever holds
// a state the leader held; in Sync (GSIs only) it applies each record as
// it is appended.
type follower struct {
	replica *replica
	index   *index   // the GSI it feeds; nil for the lagging replica
	indexes []*index // the table's, whose LSIs the lagging replica holds
	log     *changeLog
	cur     *cursor // nil in Sync
	mode    Replication
	maxLag  uint64        // Async: lag drawn from [1, maxLag+1] operations
	lag     time.Duration // Async with Options.Lag: wall-clock lag
	clock   Clock
	mu      sync.Mutex // guards dues, rng, holding and the replica's writes
	// holding keeps every record pending, whatever the mode, while a new
	// GSI's backfill runs (backfill.go): nothing applies them but the
	// backfill's catch-up.
	holding  bool
	dues     []due // one per record from cur on
	npending atomic.Int64
	rng      *rand.Rand
	pcg      *rand.PCG
}

// due is when the follower applies a record it has yet to take: once the
// table's operation count reaches op (Async) or the clock at (Async with
// Lag); never by itself in Manual mode.
type due struct {
	op uint64
	at time.Time
}

// newFollower returns a follower keeping rep from a table's log l (its
// cursor at the head), for the GSI ix (nil: the lagging replica, holding
// the LSIs of indexes). Call it under the table's write lock.
func newFollower(opts *Options, seed uint64, l *changeLog, rep *replica, ix *index, indexes []*index) *follower {
	pcg := rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)
	f := &follower{replica: rep, index: ix, indexes: indexes, log: l, mode: opts.Replication, lag: opts.Lag,
		clock: opts.Clock, pcg: pcg, rng: rand.New(pcg)}
	if f.mode != Sync {
		f.cur = l.register()
	}
	f.maxLag = DefaultMaxLag
	if opts.MaxLag > 0 {
		f.maxLag = uint64(opts.MaxLag)
	}
	return f
}

// appended draws when the follower applies a record just appended to the
// log, made at table operation r.op. A record of the table itself
// (created, deleted) is due at once, without a draw.
func (f *follower) appended(r record) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cur == nil {
		f.replica.mu.Lock()
		f.apply(&r)
		f.replica.mu.Unlock()
		return
	}
	d := due{op: math.MaxUint64}
	switch {
	case f.holding:
	case r.kind != recordItem:
		d.op = 0
	case f.mode == Manual:
	case f.lag > 0:
		d.at = f.clock.Now().Add(f.lag)
	default:
		d.op = r.op + 1 + f.rng.Uint64N(f.maxLag+1)
	}
	f.dues = append(f.dues, d)
	f.npending.Store(int64(len(f.dues)))
}

// catchUp applies, in log order, the records that are due at table
// operation op. A record not yet due holds back the ones after it, so the
// follower stays a past state of the leader.
func (f *follower) catchUp(op uint64) {
	if f.mode != Async || f.npending.Load() == 0 || !f.mu.TryLock() {
		return
	}
	defer f.mu.Unlock()
	n := 0
	for _, d := range f.dues {
		if d.op > op && (d.at.IsZero() || f.clock.Now().Before(d.at)) {
			break
		}
		n++
	}
	f.applyLocked(n)
}

// propagate applies up to n pending records (all if n < 0) and returns
// how many it applied: none while the follower is holding.
func (f *follower) propagate(n int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.holding {
		return 0
	}
	if n < 0 || n > len(f.dues) {
		n = len(f.dues)
	}
	f.applyLocked(n)
	return n
}

// applyLocked takes the next n records from the log into the replica;
// f.mu is held.
func (f *follower) applyLocked(n int) {
	if n == 0 {
		return
	}
	f.replica.mu.Lock()
	f.log.take(f.cur, n, f.apply)
	f.replica.mu.Unlock()
	f.dues = append(f.dues[:0], f.dues[n:]...)
	f.npending.Store(int64(len(f.dues)))
}

// apply applies a record to the follower's tree, whose lock the caller
// holds.
func (f *follower) apply(r *record) { f.applyTo(f.replica, r, true) }

// applyTo applies a record to rep, the follower's replica or a copy of
// it; count says whether a GSI's counts follow.
func (f *follower) applyTo(rep *replica, r *record, count bool) {
	switch {
	case r.kind != recordItem:
	case f.index != nil:
		f.index.maintain(rep.tree, r, count)
	default:
		rep.applyItem(r, f.indexes, false)
	}
}

// replayed returns a copy of the follower's replica with the records it
// has yet to take applied: the state it is on its way to, for strict
// mode's checks. f.mu is held. Cost: an O(1) clone, then the records.
func (f *follower) replayed() *replica {
	rep := f.replica.fork()
	if f.cur == nil {
		return rep
	}
	f.log.mu.Lock()
	defer f.log.mu.Unlock()
	for i := int(f.cur.pos - f.log.first); i < len(f.log.recs); i++ {
		f.applyTo(rep, &f.log.recs[i], false)
	}
	return rep
}

// fork returns an independent copy of the follower reading l, a fork of
// its log whose cursor cur is the copy of f's: an O(1) clone of its tree,
// a copy of its dues and of its random state.
func (f *follower) fork(l *changeLog, cur *cursor, ix *index, indexes []*index) *follower {
	f.mu.Lock()
	defer f.mu.Unlock()
	pcg := *f.pcg
	c := &follower{replica: f.replica.fork(), index: ix, indexes: indexes, log: l, cur: cur, mode: f.mode, maxLag: f.maxLag, lag: f.lag, clock: f.clock,
		dues: append([]due(nil), f.dues...), pcg: &pcg}
	c.rng = rand.New(c.pcg)
	c.npending.Store(int64(len(c.dues)))
	return c
}

// splitmix64 is a fast stateless mixer: eventually consistent reads pick
// a replica from splitmix64(seed ^ operation number), so concurrent
// readers share no random state and one goroutine's reads are
// reproducible from the seed.
func splitmix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Stats are counters of a DB's replication.
type Stats struct {
	// StaleReads counts eventually consistent reads served by a replica
	// that had not yet applied every write (the result may still equal
	// the leader's, when the missing writes touched other items).
	StaleReads int64
	// PendingWrites counts writes the lagging replicas have yet to apply,
	// across tables, now.
	PendingWrites int64
	// PendingIndexWrites counts writes the global secondary indexes have
	// yet to apply, across tables and indexes, now (always 0 in Sync).
	PendingIndexWrites int64
}

// Stats returns the DB's replication counters. Cost: O(tables).
func (db *DB) Stats() Stats {
	s := Stats{StaleReads: db.staleReads.Load()}
	for _, t := range *db.tables.Load() {
		if t.follower != nil {
			s.PendingWrites += t.follower.npending.Load()
		}
		for _, ix := range t.indexes() {
			if ix.gsi != nil {
				s.PendingIndexWrites += ix.gsi.npending.Load()
			}
		}
	}
	return s
}

// Settle brings every replica and every global secondary index of every
// table up to date: after it, all three replicas of each table are
// identical and every read sees the latest write. Cost: O(pending
// writes).
func (db *DB) Settle() {
	for _, t := range *db.tables.Load() {
		if t.follower != nil {
			t.follower.propagate(-1)
		}
		for _, ix := range t.indexes() {
			if ix.gsi != nil {
				ix.gsi.propagate(-1)
			}
		}
	}
	if db.opts.StrictMode {
		db.checkSettled(true)
	}
}

// Propagate applies up to n of the writes the lagging replica of the
// named table has yet to apply, oldest first (all of them if n < 0), and
// returns how many it applied: 0 for a missing table or in Sync mode. In
// Manual mode it is the only way, with Settle, that writes reach that
// replica. The table's global secondary indexes lag on their own: see
// PropagateIndex.
func (db *DB) Propagate(table string, n int) int {
	t := db.lookup(table)
	if t == nil || t.follower == nil {
		return 0
	}
	return t.follower.propagate(n)
}

// PropagateIndex applies up to n of the writes the named global secondary
// index of the named table has yet to apply, oldest first (all of them if
// n < 0), and returns how many it applied: 0 for a missing table or
// index, an LSI (written with the table), or Sync mode. With Manual mode
// it lets a test hold a GSI stale while reads of the table are fresh, or
// the other way round. Cost: O(n) entries applied.
func (db *DB) PropagateIndex(table, index string, n int) int {
	t := db.lookup(table)
	if t == nil {
		return 0
	}
	ix := t.index(index)
	if ix == nil || ix.gsi == nil || ix.gsi.cur == nil {
		return 0
	}
	return ix.gsi.propagate(n)
}
