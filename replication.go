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
// of its own, fed by the log of the leader's writes. It applies the log in
// order, so it only ever holds a state the leader held.
type follower struct {
	replica  *replica
	mode     Replication
	maxLag   uint64        // Async: lag drawn from [1, maxLag+1] operations
	lag      time.Duration // Async with Options.Lag: wall-clock lag
	now      func() time.Time
	mu       sync.Mutex // guards pending and rng
	pending  []pendingWrite
	npending atomic.Int64
	rng      *rand.Rand
	pcg      *rand.PCG
}

// pendingWrite is a leader write the follower has not applied: due once
// the table's operation count reaches dueOp (Async) or the clock dueAt
// (Async with Lag); never by itself in Manual mode.
type pendingWrite struct {
	key    tableKey
	next   entry
	remove bool
	dueOp  uint64
	dueAt  time.Time
}

func newFollower(opts *Options, seed uint64) *follower {
	pcg := rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)
	f := &follower{replica: newReplica(), mode: opts.Replication, lag: opts.Lag, now: opts.Now, pcg: pcg, rng: rand.New(pcg)}
	f.maxLag = DefaultMaxLag
	if opts.MaxLag > 0 {
		f.maxLag = uint64(opts.MaxLag)
	}
	return f
}

// enqueue logs a committed change, made at table operation op, for the
// follower to apply later. Called under the table's write lock.
func (f *follower) enqueue(k tableKey, c change, op uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	w := pendingWrite{key: k, next: c.next, remove: c.remove, dueOp: math.MaxUint64}
	switch {
	case f.mode == Manual:
	case f.lag > 0:
		w.dueAt = f.now().Add(f.lag)
	default:
		w.dueOp = op + 1 + f.rng.Uint64N(f.maxLag+1)
	}
	f.pending = append(f.pending, w)
	f.npending.Store(int64(len(f.pending)))
}

// catchUp applies, in log order, the pending writes that are due at table
// operation op. A write not yet due holds back the ones after it, so the
// follower stays a past state of the leader.
func (f *follower) catchUp(op uint64) {
	if f.mode != Async || f.npending.Load() == 0 || !f.mu.TryLock() {
		return
	}
	defer f.mu.Unlock()
	n := 0
	for _, w := range f.pending {
		if w.dueOp > op && (w.dueAt.IsZero() || f.now().Before(w.dueAt)) {
			break
		}
		n++
	}
	f.applyLocked(n)
}

// propagate applies up to n pending writes (all if n < 0) and returns how
// many it applied.
func (f *follower) propagate(n int) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	if n < 0 || n > len(f.pending) {
		n = len(f.pending)
	}
	f.applyLocked(n)
	return n
}

// applyLocked applies the first n pending writes; f.mu is held.
func (f *follower) applyLocked(n int) {
	if n == 0 {
		return
	}
	f.replica.mu.Lock()
	for _, w := range f.pending[:n] {
		if w.remove {
			f.replica.tree.Delete(probe(w.key))
		} else {
			f.replica.tree.ReplaceOrInsert(w.next)
		}
	}
	f.replica.mu.Unlock()
	f.pending = append(f.pending[:0], f.pending[n:]...)
	f.npending.Store(int64(len(f.pending)))
}

// fork returns an independent copy of the follower: an O(1) clone of its
// tree, a copy of its log and of its random state.
func (f *follower) fork() *follower {
	f.mu.Lock()
	defer f.mu.Unlock()
	pcg := *f.pcg
	c := &follower{replica: f.replica.fork(), mode: f.mode, maxLag: f.maxLag, lag: f.lag, now: f.now,
		pending: append([]pendingWrite(nil), f.pending...), pcg: &pcg}
	c.rng = rand.New(c.pcg)
	c.npending.Store(int64(len(c.pending)))
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
