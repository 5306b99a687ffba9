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
			x.insert(at, e)
		}
		return true
	})
}

// appended moves the changed item's entry: out with its image before,
// in with its image after. Cost: a walk of the top-level attributes of
// both images, and O(log n) and the key's copy if the expiry changed;
// nothing for a record of the table itself.
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
	switch {
	case hadBefore && hasAfter && after == before:
		// The entry stays as it is: an overwrite that keeps the expiry
		// costs the two walks only.
	case hadBefore:
		x.tree.Delete(expiry{at: before, hash: r.before.hash, key: r.before.key()})
		fallthrough
	case hasAfter:
		if hasAfter {
			x.insert(after, r.after)
		}
	}
}

// insert adds the entry of e, expiring at at. Its key is a copy, so that
// the index keeps no stored item's memory alive once the item is
// replaced.
func (x *expiryIndex) insert(at int64, e entry) {
	x.tree.ReplaceOrInsert(expiry{at: at, hash: e.hash, key: strings.Clone(e.key())})
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
	var last expiry
	taken := false
	x.tree.AscendGreaterOrEqual(pivot, func(e expiry) bool {
		if e.at > hi || len(keys) == max {
			return false
		}
		if from != nil && e == *from {
			return true
		}
		keys = append(keys, tableKey{hash: e.hash, key: e.key})
		last, taken = e, true
		return true
	})
	if !taken {
		return keys, from
	}
	return keys, &last
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
// attributes up to attr, jumping over values; no allocation. It runs
// twice a write on a table with time to live on, so it reads the encoding
// by index rather than through decoder.
func expiryOf(enc, attr string) (int64, bool) {
	n, i := encLen(enc, 0)
	for range n {
		var nameLen int
		if uint(i) < uint(len(enc)) && enc[i] < 0x80 { // encLen, inlined by hand
			nameLen, i = int(enc[i]), i+1
		} else {
			nameLen, i = encLenSlow(enc, i)
		}
		if i < 0 || i+nameLen > len(enc) {
			return 0, false
		}
		name := enc[i : i+nameLen]
		i += nameLen
		if name == attr {
			if i >= len(enc) || enc[i] != tagN {
				return 0, false
			}
			textLen, j := encLen(enc, i+1)
			if j < 0 || j+textLen > len(enc) {
				return 0, false
			}
			return ttlSeconds(enc[j : j+textLen])
		}
		if i = skipValue(enc, i); i < 0 {
			return 0, false
		}
	}
	return 0, false
}

// encLen reads the uvarint length or count at enc[i:] and returns it and
// the position after it; -1 for a position past a corrupt encoding. A
// length under 128, the usual case, is one byte and inlined.
func encLen(enc string, i int) (int, int) {
	if uint(i) < uint(len(enc)) && enc[i] < 0x80 {
		return int(enc[i]), i + 1
	}
	return encLenSlow(enc, i)
}

// encLenSlow is encLen for a length of more than one byte.
func encLenSlow(enc string, i int) (int, int) {
	if i < 0 {
		return 0, -1
	}
	d := decoder{s: enc, pos: i}
	n, err := d.count()
	if err != nil {
		return 0, -1
	}
	return n, d.pos
}

// skipValue returns the position after the value encoded at enc[i:], or
// -1 if the encoding is corrupt. Nesting is bounded by what the encoder
// accepted (MaxNestingDepth).
func skipValue(enc string, i int) int {
	if i >= len(enc) {
		return -1
	}
	tag := enc[i]
	i++
	switch tag {
	case tagS, tagN, tagB:
		if i < len(enc) && enc[i] < 0x80 { // encLen, inlined by hand
			if end := i + 1 + int(enc[i]); end <= len(enc) {
				return end
			}
			return -1
		}
		n, j := encLenSlow(enc, i)
		if j < 0 || j+n > len(enc) {
			return -1
		}
		return j + n
	case tagFalse, tagTrue, tagNull:
		return i
	case tagSS, tagNS, tagBS, tagM, tagL:
		count, j := encLen(enc, i)
		for range count {
			if tag != tagL { // a member, or an entry's name
				n, k := encLen(enc, j)
				if k < 0 || k+n > len(enc) {
					return -1
				}
				j = k + n
			}
			if tag == tagM || tag == tagL {
				j = skipValue(enc, j)
			}
			if j < 0 {
				return -1
			}
		}
		return j
	}
	return -1
}

// ttlSeconds reads a number in canonical text (plain decimal, no
// exponent) as whole epoch seconds, rounding a fraction up; false for a
// negative number or one of 10^18 or more.
func ttlSeconds(text string) (int64, bool) {
	var at int64
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '.':
			return at + 1, i > 0 // canonical text has no trailing zeros
		case c < '0' || c > '9' || i == 18:
			return 0, false
		}
		at = at*10 + int64(c-'0')
	}
	return at, len(text) > 0
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
