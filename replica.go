package ddbsim

import (
	"sync"

	"github.com/google/btree"
)

// replica is one copy of a table: a B-tree of entries in partition order,
// written in place under a write lock and read under a read lock.
//
// Why not copy-on-write snapshots published through an atomic pointer?
// BenchmarkStorageStrategy measured both (BENCHMARKS.md): lock-free reads
// are faster under a concurrent writer, but cloning on every write made
// writes 12x (1k items) to 24x (100k items) slower, beyond the write
// budgets.
type replica struct {
	mu   *sync.RWMutex
	tree *btree.BTreeG[entry]
	// lsis are the trees of the table's local secondary indexes in this
	// replica, in the table's order, applied with the items and guarded
	// by the same lock. Each is a replica sharing mu, for the read path.
	lsis []*replica
}

// newReplica returns an empty replica with nLSIs empty LSI trees.
func newReplica(nLSIs int) *replica {
	r := &replica{mu: new(sync.RWMutex), tree: btree.NewG(treeDegree, entryLess)}
	for range nLSIs {
		r.lsis = append(r.lsis, &replica{mu: r.mu, tree: newIndexTree()})
	}
	return r
}

// applyItem applies an item change record to the replica and its LSIs
// (indexes: the table's, LSIs among them); the caller holds the lock.
// count says whether this is the leader, whose LSIs' counts
// DescribeTable reports.
func (r *replica) applyItem(rec *record, indexes []*index, count bool) {
	if rec.hasAfter {
		r.tree.ReplaceOrInsert(rec.after)
	} else {
		r.tree.Delete(probe(rec.key()))
	}
	for _, ix := range indexes {
		if ix.kind == localIndex {
			ix.maintain(r.lsis[ix.lsi].tree, rec, count)
		}
	}
}

// get returns the entry stored under k. Cost: O(log n) under a read lock.
func (r *replica) get(k tableKey) (entry, bool) {
	r.mu.RLock()
	e, ok := r.tree.Get(probe(k))
	r.mu.RUnlock()
	return e, ok
}

// put stores e, replacing any entry with its key.
func (r *replica) put(e entry) {
	r.mu.Lock()
	r.tree.ReplaceOrInsert(e)
	r.mu.Unlock()
}

// ascend calls fn on the entries from from (inclusive) in ascending order,
// under the read lock, until fn returns false. Cost: O(log n) to start,
// then O(1) an entry.
func (r *replica) ascend(from tableKey, fn func(entry) bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	r.tree.AscendGreaterOrEqual(probe(from), fn)
}

// descend calls fn on the entries from from (inclusive) in descending
// order, under the read lock, until fn returns false.
func (r *replica) descend(from tableKey, fn func(entry) bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	r.tree.DescendLessOrEqual(probe(from), fn)
}

// fork returns an independent copy of the replica and its LSIs in O(1):
// the trees share their nodes until either is written (copy on write).
func (r *replica) fork() *replica {
	r.mu.Lock()
	defer r.mu.Unlock()
	c := &replica{mu: new(sync.RWMutex), tree: r.tree.Clone()}
	for _, l := range r.lsis {
		c.lsis = append(c.lsis, &replica{mu: c.mu, tree: l.tree.Clone()})
	}
	return c
}
