package ddbsim

import (
	"cmp"
	"slices"
)

// plan is one item write of a commit: of the item stored under k in t,
// with the change a decideFunc chooses, made by origin (a request, unless
// said).
type plan struct {
	t      *table
	k      tableKey
	origin origin
}

// decideFunc chooses a plan's change, given the item stored under its key
// (found says whether there is one); an error rejects the plan.
type decideFunc func(old entry, found bool) (change, error)

// change is what a plan decides to do with the item under its key.
type change struct {
	next   entry // the entry to store, unless remove
	remove bool
	keep   bool // leave the item as it is
	// slots are the attributes of next the indexes store, when the
	// writer holds them (a put's item's): indexes read them instead of
	// decoding next, during the commit only.
	slots itemSlots
}

// outcome is what a commit did with one plan: the item before (old, if
// found) and after (new, if exists), whether it changed, or the plan's
// error. ReturnValues, capacity and, for transactions, cancellation
// reasons are read off outcomes.
type outcome struct {
	old, new      entry
	found, exists bool
	changed       bool
	slots         itemSlots // change.slots
	err           error
}

// durableWait is what an operation waits for, after its commit released
// its locks, before it acknowledges the write: the write-ahead log's
// grouped fsync, once there is persistence. Until then commit returns
// nil. Between the commit and the wait, the write is visible to readers
// but not yet durable.
type durableWait func() error

// commit decides and applies a group of plans, over one or more tables,
// atomically: under every involved table's write lock (taken in table
// number order), it checks that each table still exists, runs every
// plan's decide (all of them: no short-circuit), then applies the
// changes under every leader replica's lock at once, so no reader sees
// part of the group. tables are the tables of plans, each once, in table
// number order (lockOrder returns them); decide(i, ...) decides plans[i].
// One decide for the group, a parameter, not part of each plan: a plan's
// key escapes to the heap (the trees keep what they look up with) and
// would take the decide, and whatever it captures, with it. With all set
// the group is all-or-nothing: one error rejects every plan (the others
// keep their outcome, unchanged). Without it, each plan stands alone
// (BatchWriteItem's items).
//
// Each plan counts one operation on its table (the clock of Async's lag),
// and each change appends a record to its table's log and hands it to the
// table's readers, in plan order; the group takes contiguous sequence
// numbers. outs receives one outcome per plan. Cost: O(plans x log n) and
// the decides, under the locks; no allocation for one plan.
func commit(tables []*table, plans []plan, decide func(i int, old entry, found bool) (change, error), outs []outcome, all bool) durableWait {
	for _, t := range tables {
		t.writeMu.Lock()
	}
	defer func() {
		for i := len(tables) - 1; i >= 0; i-- {
			tables[i].writeMu.Unlock()
		}
	}()
	for _, t := range tables {
		if t.dropped {
			for i := range outs {
				outs[i] = outcome{err: errTableNotFound()}
			}
			return nil
		}
	}

	failed, changes := false, uint64(0)
	for i := range plans {
		p, o := &plans[i], &outs[i]
		o.old, o.found = p.t.leader().get(p.k)
		c, err := decide(i, o.old, o.found)
		switch {
		case err != nil:
			o.err, failed = err, true
		case !c.keep && (o.found || !c.remove):
			newSize := 0
			if !c.remove {
				newSize = c.next.size()
			}
			if err := p.t.checkCollection(p.k.key, o.old.size(), newSize); err != nil {
				o.err, failed = err, true
				break
			}
			o.changed, changes = true, changes+1
			o.new, o.exists, o.slots = c.next, !c.remove, c.slots
		default:
			o.new, o.exists = o.old, o.found
		}
	}
	if all && failed {
		for i := range outs {
			outs[i].changed, outs[i].new, outs[i].exists = false, outs[i].old, outs[i].found
		}
		changes = 0
	}

	for _, t := range tables {
		t.leader().mu.Lock()
	}
	seq := tables[0].db.seq.Add(changes) - changes
	for i := range plans {
		p, o := &plans[i], &outs[i]
		op := p.t.tick()
		if !o.changed {
			continue
		}
		seq++
		p.t.apply(&record{seq: seq, table: p.t.num, kind: recordItem, origin: p.origin,
			hadBefore: o.found, hasAfter: o.exists, op: op, before: o.old, after: o.new}, o.slots)
	}
	for i := len(tables) - 1; i >= 0; i-- {
		tables[i].leader().mu.Unlock()
	}
	if tables[0].strict {
		for _, t := range tables {
			t.checkCommit(plans, outs)
		}
	}
	return nil
}

// lockOrder returns the tables of plans, each once, in table number
// order: the one order in which commits take their locks. Cost: O(plans
// x tables).
func lockOrder(tables []*table, plans []plan) []*table {
	for _, p := range plans {
		i, found := slices.BinarySearchFunc(tables, p.t.num, func(t *table, num uint64) int { return cmp.Compare(t.num, num) })
		if !found {
			tables = slices.Insert(tables, i, p.t)
		}
	}
	return tables
}

// apply makes an item change on the leader and its LSIs (whose lock the
// caller holds), counts it in the table's item count, size and item
// collection, appends its record to the log and hands it to the readers.
// after are the after image's attributes the indexes store, if the
// writer holds them (change.slots). The caller holds the write lock.
func (t *table) apply(r *record, after itemSlots) {
	m := t.meta()
	if m.stored != nil {
		keep := len(t.log.cursors) > 0 // a reader keeps r, and its vals, past the commit
		if keep {
			after = itemSlots{} // whose values the writer's caller owns again once the write returns
		}
		r.vals = decodeForIndexes(r, m, after)
		if !keep {
			defer r.vals.release()
		}
	}
	t.leader().applyItem(r, m.indexes, true)
	var items, bytes int64
	if r.hadBefore {
		items, bytes = -1, -int64(r.before.size())
	}
	if r.hasAfter {
		items, bytes = items+1, bytes+int64(r.after.size())
	}
	if items != 0 { // an overwrite leaves the count as it is
		t.items.Add(items)
	}
	if bytes != 0 {
		t.bytes.Add(bytes)
	}
	t.countCollection(r.key().key, bytes)
	t.appendRecord(r)
}

// appendRecord appends r to the table's log and hands it to every
// reader. The caller holds the write lock.
func (t *table) appendRecord(r *record) {
	t.log.append(r)
	for _, rd := range t.readers {
		rd.appended(*r)
	}
}

// logReader is a reader of a table's commit log: the lagging follower
// today; GSIs, streams and the expiry index as they come. A commit hands
// it each record as it appends it, under the table's write lock, in log
// order (by value, so the record need not escape); a reader that applies
// records later takes them from the log through its cursor.
type logReader interface {
	appended(r record)
}

// write commits one plan on t: decide chooses the change to the item
// stored under k. It returns the entry as it was; an error from decide
// (or a table deleted meanwhile: ResourceNotFoundException) changes
// nothing.
func (t *table) write(k tableKey, decide decideFunc) (entry, bool, error) {
	tables, plans := [1]*table{t}, [1]plan{{t: t, k: k}}
	var outs [1]outcome
	one := func(_ int, old entry, found bool) (change, error) { return decide(old, found) }
	if wait := commit(tables[:], plans[:], one, outs[:], true); wait != nil {
		if err := wait(); err != nil {
			return entry{}, false, err
		}
	}
	return outs[0].old, outs[0].found, outs[0].err
}
