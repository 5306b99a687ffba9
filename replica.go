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
	mu   sync.RWMutex
	tree *btree.BTreeG[entry]
}

func newReplica() *replica {
	return &replica{tree: btree.NewG(treeDegree, entryLess)}
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

// fork returns an independent copy of the replica in O(1): the trees share
// their nodes until either is written (copy on write).
func (r *replica) fork() *replica {
	r.mu.Lock()
	defer r.mu.Unlock()
	return &replica{tree: r.tree.Clone()}
}
