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

// follower is a table's lagging replica in Async and Manual mode: a tree
// of its own, fed from the table's commit log through a cursor. It
// applies the log in order, so it only ever holds a state the leader
// held.
type follower struct {
	replica  *replica
	log      *changeLog
	cur      *cursor
	mode     Replication
	maxLag   uint64        // Async: lag drawn from [1, maxLag+1] operations
	lag      time.Duration // Async with Options.Lag: wall-clock lag
	clock    Clock
	mu       sync.Mutex // guards dues, rng and the replica's writes
	dues     []due      // one per record from cur on
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

// newFollower returns the follower of a table whose log is l, its cursor
// at the log's head. Call it under the table's write lock.
func newFollower(opts *Options, seed uint64, l *changeLog) *follower {
	pcg := rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)
	f := &follower{replica: newReplica(), log: l, cur: l.register(), mode: opts.Replication, lag: opts.Lag,
		clock: opts.Clock, pcg: pcg, rng: rand.New(pcg)}
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
	d := due{op: math.MaxUint64}
	switch {
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
// how many it applied.
func (f *follower) propagate(n int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
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
	f.log.take(f.cur, n, func(r *record) {
		switch {
		case r.kind != recordItem:
		case r.hasAfter:
			f.replica.tree.ReplaceOrInsert(r.after)
		default:
			f.replica.tree.Delete(probe(r.key()))
		}
	})
	f.replica.mu.Unlock()
	f.dues = append(f.dues[:0], f.dues[n:]...)
	f.npending.Store(int64(len(f.dues)))
}

// fork returns an independent copy of the follower reading l, a fork of
// its log whose cursor cur is the copy of f's: an O(1) clone of its tree,
// a copy of its dues and of its random state.
func (f *follower) fork(l *changeLog, cur *cursor) *follower {
	f.mu.Lock()
	defer f.mu.Unlock()
	pcg := *f.pcg
	c := &follower{replica: f.replica.fork(), log: l, cur: cur, mode: f.mode, maxLag: f.maxLag, lag: f.lag, clock: f.clock,
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
}

// Stats returns the DB's replication counters. Cost: O(tables).
func (db *DB) Stats() Stats {
	s := Stats{StaleReads: db.staleReads.Load()}
	for _, t := range *db.tables.Load() {
		if t.follower != nil {
			s.PendingWrites += t.follower.npending.Load()
		}
	}
	return s
}

// Settle brings every replica of every table up to date: after it, all
// three replicas of each table are identical and every read sees the
// latest write. Cost: O(pending writes).
func (db *DB) Settle() {
	for _, t := range *db.tables.Load() {
		if t.follower != nil {
			t.follower.propagate(-1)
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
// replica.
func (db *DB) Propagate(table string, n int) int {
	t := db.lookup(table)
	if t == nil || t.follower == nil {
		return 0
	}
	return t.follower.propagate(n)
}
