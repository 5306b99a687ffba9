package ddbsim

import (
	"fmt"
	"strconv"

	"github.com/google/btree"
)

// Options.StrictMode's checks. Each panics with what broke: a broken
// invariant is a bug in ddbsim, never in the caller.

// strictFail panics with a strict-mode failure on table t.
func (t *table) strictFail(format string, args ...any) {
	panic(fmt.Sprintf("ddbsim: strict mode: table %s (%s): ", t.name, t.id) + fmt.Sprintf(format, args...))
}

// checkCommit checks a commit's plans on t, under t's write lock: the
// leader holds what each outcome says, every settled reader (a follower
// with nothing pending) holds the same, and the log and its cursors are
// consistent.
func (t *table) checkCommit(plans []plan, outs []outcome) {
	f := t.follower
	if f != nil {
		f.mu.Lock()
		defer f.mu.Unlock()
	}
	t.checkLog()
	for i, p := range plans {
		if p.t != t {
			continue
		}
		got, found := t.leader().get(p.k)
		if o := outs[i]; found != o.exists || found && got != o.new {
			t.strictFail("after a commit, the leader holds %s under key %s, the outcome says %s",
				entryString(got, found), strconv.Quote(p.k.key), entryString(o.new, o.exists))
		}
		if f != nil && len(f.dues) == 0 {
			if fe, ffound := f.replica.get(p.k); ffound != found || fe != got {
				t.strictFail("the settled follower holds %s under key %s, the leader %s",
					entryString(fe, ffound), strconv.Quote(p.k.key), entryString(got, found))
			}
		}
		for _, ix := range t.indexes() {
			t.checkIndexEntry(ix, got, found, outs[i])
		}
	}
}

// checkIndexEntry checks that an index that is settled (an LSI, a GSI
// with nothing pending) holds the entry of the item the leader holds
// (got, if found) and no longer the entry of the item before the commit.
func (t *table) checkIndexEntry(ix *index, got entry, found bool, o outcome) {
	if ix.backfilling.Load() { // checked at Settle and once filled
		return
	}
	tree := ix.treeOf(t.leader())
	if ix.gsi != nil {
		ix.gsi.mu.Lock()
		defer ix.gsi.mu.Unlock()
		if len(ix.gsi.dues) > 0 {
			return
		}
	}
	want, in := entry{}, false
	if found {
		want, in = ix.entryFor(got)
	}
	if in {
		if have, ok := tree.Get(want); !ok || !sameEntry(have, want) {
			t.strictFail("index %s holds %s for item %s, not its entry", ix.name, entryString(have, ok), strconv.Quote(got.key()))
		}
	}
	if o.found {
		if old, was := ix.entryFor(o.old); was && (!in || old.key() != want.key()) {
			if _, ok := tree.Get(old); ok {
				t.strictFail("index %s still holds the entry of the item before the commit, %s", ix.name, strconv.Quote(old.key()))
			}
		}
	}
}

// entryString renders an entry for a strict-mode failure, copying what
// it shows (so that nothing a commit's caller holds escapes through it).
func entryString(e entry, found bool) string {
	if !found {
		return "no item"
	}
	return "item " + strconv.Quote(e.data) + " of size " + strconv.Itoa(e.size())
}

// checkLog checks the log's bounds, its records' order and its cursors:
// each at or behind the head and not before the records kept, the
// follower owing one due per record it has yet to take. The caller holds
// the write lock and the follower's lock.
func (t *table) checkLog() {
	l := t.log
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.first > l.head || uint64(len(l.recs)) != l.head-l.first {
		t.strictFail("the log keeps %d records for positions [%d, %d)", len(l.recs), l.first, l.head)
	}
	for i := range l.recs {
		r := &l.recs[i]
		if r.table != t.num || r.seq > t.db.seq.Load() || i > 0 && r.seq <= l.recs[i-1].seq {
			t.strictFail("record %d of the log (seq %d, table %d) is out of order or of another table", l.first+uint64(i), r.seq, r.table)
		}
	}
	for _, c := range l.cursors {
		if c.pos < l.first || c.pos > l.head {
			t.strictFail("a cursor is at %d, outside the log's [%d, %d]", c.pos, l.first, l.head)
		}
	}
	if f := t.follower; f != nil && uint64(len(f.dues)) != l.head-f.cur.pos {
		t.strictFail("the follower owes %d dues for the %d records it has yet to take", len(f.dues), l.head-f.cur.pos)
	}
}

// checkSettled recomputes every table's derived state and checks it:
// the item count and size from the leader, and the follower as its tree
// with the records it has yet to take applied, which must equal the
// leader (after Settle, with nothing pending, the follower itself must).
func (db *DB) checkSettled(settled bool) {
	for _, t := range *db.tables.Load() {
		t.checkSettled(settled)
	}
}

func (t *table) checkSettled(settled bool) {
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	leader := t.leader()
	leader.mu.RLock()
	defer leader.mu.RUnlock()
	var items, bytes int64
	leader.tree.Ascend(func(e entry) bool {
		items, bytes = items+1, bytes+int64(e.size())
		return true
	})
	if items != t.items.Load() || bytes != t.bytes.Load() {
		t.strictFail("counts %d items of %d bytes, the leader holds %d of %d", t.items.Load(), t.bytes.Load(), items, bytes)
	}
	for _, ix := range t.indexes() {
		t.checkIndexRecomputed(ix, settled)
	}
	t.checkExpiry()
	f := t.follower
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	t.checkLog()
	f.replica.mu.RLock()
	for _, ix := range t.indexes() {
		if ix.kind != localIndex {
			continue
		}
		if want, _ := ix.recompute(f.replica.tree); !sameTrees(f.replica.lsis[ix.lsi].tree, want) {
			t.strictFail("the follower's LSI %s differs from a recomputation from the follower", ix.name)
		}
	}
	f.replica.mu.RUnlock()
	if settled && len(f.dues) > 0 {
		t.strictFail("Settle left %d records pending", len(f.dues))
	}
	if !sameTrees(f.replayed().tree, leader.tree) {
		t.strictFail("the follower with its %d pending records applied differs from the leader", len(f.dues))
	}
}

// checkIndexRecomputed checks an index against a recomputation from the
// leader, whose read lock the caller holds: an LSI as it is; a GSI with
// its pending records applied to a copy (after Settle, with none
// pending); and the counts DescribeTable reports.
func (t *table) checkIndexRecomputed(ix *index, settled bool) {
	if ix.backfilling.Load() {
		t.checkBackfill(ix)
		return
	}
	want, bytes := ix.recompute(t.leader().tree)
	have := ix.treeOf(t.leader())
	if g := ix.gsi; g != nil {
		g.mu.Lock()
		defer g.mu.Unlock()
		if settled && len(g.dues) > 0 {
			t.strictFail("Settle left %d records pending for index %s", len(g.dues), ix.name)
		}
		have = g.replayed().tree
	}
	if !sameTrees(have, want) {
		t.strictFail("index %s differs from a recomputation from the leader", ix.name)
	}
	if ix.gsi == nil || settled {
		if int64(want.Len()) != ix.items.Load() || bytes != ix.bytes.Load() {
			t.strictFail("index %s counts %d items of %d bytes, holds %d of %d", ix.name, ix.items.Load(), ix.bytes.Load(), want.Len(), bytes)
		}
	}
}

// sameTrees reports whether two trees hold the same entries.
func sameTrees(a, b *btree.BTreeG[entry]) bool {
	if a.Len() != b.Len() {
		return false
	}
	var bs []entry
	b.Ascend(func(e entry) bool { bs = append(bs, e); return true })
	i, same := 0, true
	a.Ascend(func(e entry) bool {
		same = sameEntry(e, bs[i])
		i++
		return same
	})
	return same
}

// sameEntry reports whether two entries hold the same key and item: the
// same bytes, or encodings of one item (an index's projection is encoded
// anew, its attributes in any order).
func sameEntry(a, b entry) bool {
	if a == b {
		return true
	}
	if a.hash != b.hash || a.key() != b.key() || a.sz != b.sz {
		return false
	}
	ia, errA := decodeItem(a.enc())
	ib, errB := decodeItem(b.enc())
	return errA == nil && errB == nil && ia.Equal(ib)
}
