package ddbsim

import (
	"cmp"
	"maps"
	"slices"
	"time"
)

// sweepBatch is how many expired items one commit of a sweep deletes:
// the table's writers wait for at most one such commit.
const sweepBatch = 1000

// ExpireTTL runs DynamoDB's time to live service once, now on the DB's
// clock: in every table with time to live on, it deletes each item whose
// TTL attribute is a top-level Number of epoch seconds at or before now
// and at most five years before it. Other items (a String, a Number in
// milliseconds, an expiry more than five years old, no attribute) are
// never deleted. Each deletion is a commit whose condition is checked
// again inside it, so an item updated meanwhile to expire later, or to
// lose its attribute, stays; the deletion's record in the log says the
// service made it. Until a sweep deletes it, an expired item is read and
// updated like any other, as on DynamoDB. It returns how many items it
// deleted: 0 when nothing has expired. Tests rarely call it: ddbtest's
// clock runs it on every move, and the server on an interval. Cost:
// O(tables + k log n) for k expired items, found through each table's
// expiry index (no scan), deleted in commits of up to 1000 items.
func (db *DB) ExpireTTL() int {
	tables := slices.SortedFunc(maps.Values(*db.tables.Load()), func(a, b *table) int { return cmp.Compare(a.num, b.num) })
	n := 0
	for _, t := range tables {
		n += t.expireTTL()
	}
	return n
}

// expireTTL deletes the table's expired items, a batch at a time: the
// keys the expiry index holds as expired (expiredKeys), then one commit
// deleting them (deleteExpired), deciding again under its locks. The
// index follows the deletions (it reads the log), and each batch starts
// after the last key the one before took, so a key whose item survived
// is not taken again.
func (t *table) expireTTL() int {
	deleted := 0
	var (
		keys []tableKey
		from *expiry
		ok   bool
	)
	var s sweepScratch
	for {
		if keys, from, ok = t.expiredKeys(from, keys[:0]); !ok || len(keys) == 0 {
			return deleted
		}
		deleted += t.deleteExpired(keys, &s)
		if len(keys) < sweepBatch {
			return deleted
		}
	}
}

// expiredKeys appends to keys those of up to sweepBatch items expired now
// after the entry from (nil: from the first), in expiry order, under the
// write lock, and returns them with the last entry taken; false if the
// table is gone or its time to live off.
func (t *table) expiredKeys(from *expiry, keys []tableKey) ([]tableKey, *expiry, bool) {
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	if t.dropped || t.ttl.index == nil {
		return keys, from, false
	}
	keys, last := t.ttl.index.expired(t.db.Now(), from, sweepBatch, keys)
	return keys, last, true
}

// sweepScratch holds a sweep's plans and outcomes, reused batch to batch.
type sweepScratch struct {
	plans []plan
	outs  []outcome
}

// deleteExpired deletes, in one commit, the items stored under keys that
// are still expired inside it, on the DB's clock then, as the TTL service
// (originTTL), and returns how many it deleted. An item gone, updated to
// expire later, stripped of its attribute, or in a table whose time to
// live went off, stays as it is.
func (t *table) deleteExpired(keys []tableKey, s *sweepScratch) int {
	s.plans = s.plans[:0]
	for _, k := range keys {
		s.plans = append(s.plans, plan{t: t, k: k, origin: originTTL})
	}
	s.outs = slices.Grow(s.outs[:0], len(keys))[:len(keys)]
	var now time.Time
	decide := func(i int, old entry, found bool) (change, error) {
		if i == 0 {
			now = t.db.Now()
		}
		if found && t.ttl.attr != "" {
			if at, ok := expiryOf(old.enc(), t.ttl.attr); ok && isExpired(at, now) {
				return change{remove: true}, nil
			}
		}
		return change{keep: true}, nil
	}
	commit([]*table{t}, s.plans, decide, s.outs, false)
	deleted := 0
	for _, o := range s.outs {
		if o.changed {
			deleted++
		}
	}
	return deleted
}
