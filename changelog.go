package ddbsim

import "sync"

// recordKind is what a change record records.
type recordKind uint8

const (
	// recordItem is a change of one item: put, overwrite or delete.
	recordItem recordKind = iota
	// recordCreated opens a table's log: CreateTable made the table.
	recordCreated
	// recordDeleted closes it: DeleteTable removed the table.
	recordDeleted
	// recordUpdated is a change of the table's settings or indexes:
	// UpdateTable, or a GSI's backfill done.
	recordUpdated
)

// Origin says what made a change: the item operations of the API today;
// TTL expiry and the like as they come, so that readers (streams) can
// tell a service deletion from a user's.
type origin uint8

const (
	// originUser is a change made by a request: PutItem, UpdateItem,
	// DeleteItem, BatchWriteItem, CreateTable, DeleteTable.
	originUser origin = iota
	// originTTL is a deletion by the time to live service (ExpireTTL):
	// streams show it with the service's userIdentity.
	originTTL
)

// record is one change of the commit log: of an item (its images before
// and after: hadBefore and hasAfter say whether there was an item), or of
// the table itself. seq orders every record of a DB; op is the table's
// operation number at the change (the clock of Async's lag).
type record struct {
	seq       uint64
	table     uint64 // the table's number (its id): a re-created table is another
	kind      recordKind
	origin    origin
	hadBefore bool
	hasAfter  bool
	op        uint64
	before    entry
	after     entry
	// vals, on a table with secondary indexes, are the attributes the
	// indexes store of both images, decoded once at the commit.
	vals *recordVals
}

// key returns the changed item's key.
func (r *record) key() tableKey {
	if r.hasAfter {
		return r.after.tableKey()
	}
	return r.before.tableKey()
}

// cursor is a reader's place in a table's log: the position of the next
// record it takes. Readers move their cursors through changeLog.take.
type cursor struct {
	pos uint64
}

// changeLog is a table's commit log: the records the table's commits
// append, in order, kept only as long as some cursor has yet to take
// them. A table with no cursor (Sync mode, so far) keeps nothing: its
// records go to the synchronous readers and are dropped.
//
// Appends happen under the table's write lock; takes come from readers
// at any time; mu guards both.
type changeLog struct {
	mu      sync.Mutex
	recs    []record // positions first .. head-1
	first   uint64
	head    uint64 // the position the next record takes
	cursors []*cursor
}

// register adds a cursor at the head: its reader takes every record
// appended from now on. Call it under the table's write lock, so no
// commit is half appended.
func (l *changeLog) register() *cursor {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := &cursor{pos: l.head}
	l.cursors = append(l.cursors, c)
	return c
}

// unregister removes c, whose reader is gone, and trims the records no
// cursor needs any more. Call it under the table's write lock.
func (l *changeLog) unregister(c *cursor) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, x := range l.cursors {
		if x == c {
			l.cursors = append(l.cursors[:i], l.cursors[i+1:]...)
			break
		}
	}
	if len(l.cursors) == 0 {
		clear(l.recs)
		l.recs, l.first = l.recs[:0], l.head
		return
	}
	l.trimLocked()
}

// append adds r at the head, keeping it only if some cursor will take it.
// Cost: O(1) amortized; no allocation without cursors.
func (l *changeLog) append(r *record) {
	if len(l.cursors) == 0 {
		// No reader can take records, nor look at the log: cursors are
		// registered, and the log forked and checked, under the write lock
		// the caller holds.
		l.first++
		l.head++
		return
	}
	l.mu.Lock()
	l.recs = append(l.recs, *r)
	l.head++
	l.mu.Unlock()
}

// take calls fn on the next n records c has yet to take (all of them if
// n < 0 or n is more), in order, moves c past them, trims the records no
// cursor needs, and returns how many it took. fn runs under the log's
// lock: commits on the table wait for it.
func (l *changeLog) take(c *cursor, n int, fn func(*record)) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if avail := int(l.head - c.pos); n < 0 || n > avail {
		n = avail
	}
	start := int(c.pos - l.first)
	for i := start; i < start+n; i++ {
		fn(&l.recs[i])
	}
	c.pos += uint64(n)
	l.trimLocked()
	return n
}

// trimLocked drops the records every cursor has taken.
func (l *changeLog) trimLocked() {
	low := l.head
	for _, c := range l.cursors {
		low = min(low, c.pos)
	}
	if k := int(low - l.first); k > 0 {
		n := copy(l.recs, l.recs[k:])
		clear(l.recs[n:])
		l.recs = l.recs[:n]
		l.first = low
	}
}

// fork returns a copy of the log, sharing no backing array with l, and
// the copy of each of its cursors, keyed by the original.
func (l *changeLog) fork() (*changeLog, map[*cursor]*cursor) {
	l.mu.Lock()
	defer l.mu.Unlock()
	c := &changeLog{recs: append([]record(nil), l.recs...), first: l.first, head: l.head}
	cursors := make(map[*cursor]*cursor, len(l.cursors))
	for _, cur := range l.cursors {
		cc := &cursor{pos: cur.pos}
		c.cursors = append(c.cursors, cc)
		cursors[cur] = cc
	}
	return c, cursors
}
