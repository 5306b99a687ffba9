package ddbsim

import (
	"strconv"
	"strings"
	"time"

	"github.com/google/btree"
)

// ttlMaxAgeYears is how far in the past an expiry may lie for the item to be
// deleted: DynamoDB's TTL service leaves items whose expiry is more than
// five years old alone.
const ttlMaxAgeYears = 5

// expiry is one entry of an expiry index: an item's key and when it
// expires, in epoch seconds (a fractional expiry rounded up, so an item
// is never deleted early).
type expiry struct {
	at   int64
	hash uint64
	key  string
}

// expiryLess orders an expiry index by time, then as the table orders
// its items.
func expiryLess(a, b expiry) bool {
	if a.at != b.at {
		return a.at < b.at
	}
	if a.hash != b.hash {
		return a.hash < b.hash
	}
	return a.key < b.key
}

// expiryIndex is a table's expiry index while its time to live is on: a
// reader of its log holding, for every item whose attribute attr is a
// Number of epoch seconds, its expiry and key, in expiry order. The sweep
// (ExpireTTL) walks it from five years ago to now, so it never looks at
// an item that has not expired. It is kept under the table's write lock:
// commits hand it their records (appended), the sweep reads it.
type expiryIndex struct {
	attr string
	tree *btree.BTreeG[expiry]
}

// newExpiryIndex returns an empty expiry index on attr.
func newExpiryIndex(attr string) *expiryIndex {
	return &expiryIndex{attr: attr, tree: btree.NewG(treeDegree, expiryLess)}
}

// build indexes every item of tree. Cost: O(n log n) for n items.
func (x *expiryIndex) build(tree *btree.BTreeG[entry]) {
	tree.Ascend(func(e entry) bool {
		if at, ok := expiryOf(e.enc(), x.attr); ok {
			x.tree.ReplaceOrInsert(expiry{at: at, hash: e.hash, key: e.key()})
		}
		return true
	})
}

// appended moves the changed item's entry: out with its image before,
// in with its image after. Cost: O(log n) and a walk of the top-level
// attribute names of both images; nothing for a record of the table
// itself.
func (x *expiryIndex) appended(r record) {
	if r.kind != recordItem {
		return
	}
	before, hadBefore := int64(0), false
	if r.hadBefore {
		before, hadBefore = expiryOf(r.before.enc(), x.attr)
	}
	after, hasAfter := int64(0), false
	if r.hasAfter {
		after, hasAfter = expiryOf(r.after.enc(), x.attr)
	}
	if hadBefore && (!hasAfter || after != before) {
		x.tree.Delete(expiry{at: before, hash: r.before.hash, key: r.before.key()})
	}
	if hasAfter {
		// Replacing an equal entry too lets go of the old image's key.
		x.tree.ReplaceOrInsert(expiry{at: after, hash: r.after.hash, key: r.after.key()})
	}
}

// fork returns an independent copy of x: an O(1) clone of its tree. The
// caller holds the table's write lock.
func (x *expiryIndex) fork() *expiryIndex {
	return &expiryIndex{attr: x.attr, tree: x.tree.Clone()}
}

// expired appends to keys, in expiry order, the keys of up to max items
// that have expired at now (see isExpired), after the entry from (all of
// them if from is nil), and returns keys and the last entry taken. Cost:
// O(log n + max).
func (x *expiryIndex) expired(now time.Time, from *expiry, max int, keys []tableKey) ([]tableKey, *expiry) {
	lo, hi := ttlWindow(now)
	pivot := expiry{at: lo}
	if from != nil && !expiryLess(*from, pivot) {
		pivot = *from
	}
	var last *expiry
	x.tree.AscendGreaterOrEqual(pivot, func(e expiry) bool {
		if e.at > hi || len(keys) == max {
			return false
		}
		if from != nil && e == *from {
			return true
		}
		keys = append(keys, tableKey{hash: e.hash, key: e.key})
		last = &e
		return true
	})
	return keys, last
}

// ttlWindow returns the expiries, in epoch seconds, [lo, hi] of the items
// the TTL service deletes at now: from five years ago to now.
func ttlWindow(now time.Time) (lo, hi int64) {
	return now.AddDate(-ttlMaxAgeYears, 0, 0).Unix(), now.Unix()
}

// isExpired reports whether an item expiring at (epoch seconds) is one
// the TTL service deletes at now: at or before now, and not more than five
// years before.
func isExpired(at int64, now time.Time) bool {
	lo, hi := ttlWindow(now)
	return lo <= at && at <= hi
}

// expiryOf returns the expiry of the item encoded as enc under the time
// to live attribute attr: the attribute's value if it is a top-level
// Number of epoch seconds, rounded up to a whole second; false if there
// is no such attribute, or it is of another type, negative, or 10^18 or
// more (a time no clock reaches). Cost: a walk of the top-level
// attributes up to attr, skipping values; no allocation.
func expiryOf(enc, attr string) (int64, bool) {
	d := decoder{s: enc}
	n, err := d.count()
	if err != nil {
		return 0, false
	}
	for range n {
		name, err := d.bytes()
		if err != nil {
			return 0, false
		}
		if name != attr {
			if d.skip(1) != nil {
				return 0, false
			}
			continue
		}
		if d.peekScalar() != TypeN {
			return 0, false
		}
		d.pos++
		text, err := d.bytes()
		if err != nil {
			return 0, false
		}
		return ttlSeconds(text)
	}
	return 0, false
}

// ttlSeconds reads a number in canonical text (plain decimal, no
// exponent) as whole epoch seconds, rounding a fraction up; false for a
// negative number or one of 10^18 or more.
func ttlSeconds(text string) (int64, bool) {
	whole, frac, _ := strings.Cut(text, ".")
	if strings.HasPrefix(whole, "-") || len(whole) > 18 {
		return 0, false
	}
	at, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	if frac != "" {
		at++
	}
	return at, true
}

// checkExpiry checks, in strict mode, that the table's expiry index (if
// time to live is on) equals one recomputed from the leader. The caller
// holds the write lock and the leader's read lock.
func (t *table) checkExpiry() {
	x := t.ttl.index
	if x == nil {
		return
	}
	want := newExpiryIndex(x.attr)
	want.build(t.leader().tree)
	if x.tree.Len() != want.tree.Len() {
		t.strictFail("the expiry index holds %d items, the leader %d with a TTL attribute %q", x.tree.Len(), want.tree.Len(), x.attr)
	}
	var got []expiry
	x.tree.Ascend(func(e expiry) bool { got = append(got, e); return true })
	i := 0
	want.tree.Ascend(func(e expiry) bool {
		if got[i] != e {
			t.strictFail("the expiry index holds key %s expiring at %d where the leader has key %s expiring at %d",
				strconv.Quote(got[i].key), got[i].at, strconv.Quote(e.key), e.at)
		}
		i++
		return true
	})
}
