package ddbsim

// A GSI that UpdateTable creates on a table with items is filled in
// three steps (DESIGN.md §4c), so that writes go on meanwhile:
//
//  1. startBackfill, under the table's write lock (with the publication
//     of the new index set): an O(1) clone of the leader's tree, and the
//     index's reader registered at the log's head, holding every record
//     appended from then on. Writes check the new index's key types from
//     this point, as DynamoDB does once the index exists.
//  2. backfill, without the table's locks: every item of the clone enters
//     the index, except those whose index key is missing, of the wrong
//     type or empty (skipped silently, as DynamoDB's backfill does).
//  3. finishBackfill, under the write lock again: the held records are
//     applied (the writes made during step 2, in log order, over the
//     clone's state) and the index stops backfilling.
//
// Reads of the index are refused from step 1 until it is ACTIVE.

// backfillBatch is how many entries the backfill inserts per hold of the
// index tree's lock.
const backfillBatch = 512

// startBackfill clones the leader for the new GSI ix and attaches its
// reader, holding. The caller holds the write lock.
func (t *table) startBackfill(ix *index) {
	leader := t.leader()
	leader.mu.Lock() // Clone marks the tree's nodes shared: a write
	ix.source = leader.tree.Clone()
	leader.mu.Unlock()
	t.attachGSI(ix, newIndexTree())
	f := ix.gsi
	if f.cur == nil { // Sync: the reader applies at once, once filled
		f.cur = t.log.register()
	}
	f.holding = true
	ix.backfilling.Store(true)
}

// backfill fills the new GSI ix from its clone of the leader, then
// finishes it. It returns ResourceNotFoundException if the table was
// deleted meanwhile. Cost: O(n log n) for the clone's n items, outside
// the table's locks; then O(w log n) for the w writes made meanwhile,
// under the write lock.
func (t *table) backfill(ix *index) error {
	rep := ix.gsi.replica
	batch := make([]entry, 0, backfillBatch)
	flush := func() {
		var bytes int64
		rep.mu.Lock()
		for _, e := range batch {
			rep.tree.ReplaceOrInsert(e)
			bytes += int64(e.size())
		}
		rep.mu.Unlock()
		ix.items.Add(int64(len(batch)))
		ix.bytes.Add(bytes)
		if hook := t.db.onBackfill; hook != nil {
			hook(ix.name, len(batch))
		}
		batch = batch[:0]
	}
	ix.source.Ascend(func(e entry) bool {
		if ie, ok := ix.entryFor(e); ok {
			batch = append(batch, ie)
			if len(batch) == backfillBatch {
				flush()
			}
		}
		return true
	})
	flush()
	return t.finishBackfill(ix)
}

// finishBackfill applies the records the new GSI ix held during its
// backfill and makes it an ordinary reader of the log. In strict mode it
// then checks the index against a recomputation from the leader.
func (t *table) finishBackfill(ix *index) error {
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	if t.dropped {
		return &Error{Code: CodeResourceNotFound, Message: msgNotFound + ": Table: " + t.name + " not found"}
	}
	f := ix.gsi
	f.mu.Lock()
	f.holding = false
	f.applyLocked(len(f.dues))
	if f.mode == Sync {
		t.log.unregister(f.cur)
		f.cur = nil
	}
	f.mu.Unlock()
	ix.backfilling.Store(false)
	ix.source = nil
	next := t.meta().clone()
	next.building = nil
	t.setMeta(next)
	t.appendRecord(&record{seq: t.db.seq.Add(1), table: t.num, kind: recordUpdated, origin: originUser})
	if t.strict {
		leader := t.leader()
		leader.mu.RLock()
		t.checkIndexRecomputed(ix, false)
		leader.mu.RUnlock()
	}
	return nil
}

// checkBackfill is strict mode's check of a GSI whose backfill runs: each
// entry its tree holds is the entry of an item of the clone it is filled
// from. The caller holds the write lock.
func (t *table) checkBackfill(ix *index) {
	want, _ := ix.recompute(ix.source)
	rep := ix.gsi.replica
	rep.mu.RLock()
	defer rep.mu.RUnlock()
	rep.tree.Ascend(func(e entry) bool {
		if w, ok := want.Get(e); !ok || !sameEntry(w, e) {
			t.strictFail("backfilling index %s holds an entry that its source does not give", ix.name)
		}
		return true
	})
}
