package ddbsim

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/btree"
)

// table is the state of one table: its description, its key schema,
// its three replicas and its commit log. Writers serialize on writeMu and
// commit on the leader, replicas[0] (see commit). The first follower,
// replicas[1], applies every write with the leader, so the two are always
// identical and share one tree. The second follower, replicas[2], is the
// same tree too in Sync mode; in Async and Manual mode it is the
// follower's own tree, a reader of the log.
type table struct {
	db       *DB
	name     string
	arn, id  string
	num      uint64 // the number in id: orders commits' locks, keys records
	created  time.Time
	schema   keySchema
	writeMu  sync.Mutex
	dropped  bool // DeleteTable removed the table; guarded by writeMu
	replicas [3]*replica
	log      *changeLog
	readers  []logReader // guarded by writeMu
	follower *follower   // nil in Sync mode
	// metaPtr is the table's settings, indexes and status (see meta).
	metaPtr atomic.Pointer[tableMeta]
	// collections sizes the item collections (bytes by encoded partition
	// key) of a table with LSIs; nil without. Guarded by writeMu.
	collections map[string]int64
	seed        uint64 // picks the replica of eventually consistent reads
	strict      bool   // Options.StrictMode
	ops         atomic.Uint64
	items       atomic.Int64
	bytes       atomic.Int64
	tags        tagSet   // its tags (tags.go)
	ttl         ttlState // its time to live (ttl.go); guarded by writeMu
}

// newTable returns the table number num of db, with the secondary
// indexes of schemas, its log opened with a record of its creation. The
// caller holds db.mu.
func newTable(db *DB, name string, num uint64, created time.Time, schema keySchema, schemas []indexSchema, in CreateTableInput) *table {
	arn := db.arnPrefix() + name
	var indexes []*index
	lsis := 0
	for _, s := range schemas {
		ix := newIndex(s, schema, arn)
		if s.kind == localIndex {
			ix.lsi, lsis = lsis, lsis+1
		}
		indexes = append(indexes, ix)
	}
	r := newReplica(lsis)
	t := &table{db: db, name: name, arn: arn, id: fmt.Sprintf("00000000-0000-4000-8000-%012x", num), num: num,
		created: created, schema: schema, replicas: [3]*replica{r, r, r}, log: &changeLog{},
		strict: db.opts.StrictMode}
	t.metaPtr.Store(newMeta(in, indexes))
	t.seed = db.opts.Seed ^ partitionHash([]byte(name))
	if lsis > 0 {
		t.collections = map[string]int64{}
	}
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	t.appendRecord(&record{seq: db.seq.Add(1), table: num, kind: recordCreated, origin: originUser})
	if db.opts.Replication != Sync {
		t.follower = newFollower(&db.opts, t.seed, t.log, newReplica(lsis), nil, indexes)
		t.replicas[2] = t.follower.replica
		t.readers = append(t.readers, t.follower)
	}
	for _, ix := range indexes {
		if ix.kind == globalIndex {
			t.attachGSI(ix, newIndexTree())
		}
	}
	return t
}

// index returns the table's index of that name, or nil.
func (t *table) index(name string) *index { return t.meta().index(name) }

// drop marks the table deleted, so that no commit lands in it any more,
// and closes its log with a record of the deletion. The caller holds
// db.mu and unregisters the table.
func (t *table) drop() {
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	t.dropped = true
	t.appendRecord(&record{seq: t.db.seq.Add(1), table: t.num, kind: recordDeleted, origin: originUser})
}

// tick counts one operation on the table (reads and writes alike: the
// clock of Async's lag) and lets the lagging replica catch up with what
// is due. It returns the operation's number.
func (t *table) tick() uint64 {
	op := t.ops.Add(1)
	if t.follower != nil {
		t.follower.catchUp(op)
	}
	for _, ix := range t.indexes() {
		if ix.gsi != nil {
			ix.gsi.catchUp(op)
		}
	}
	return op
}

// leader returns the replica that takes writes and strongly consistent
// reads.
func (t *table) leader() *replica { return t.replicas[0] }

// replicaFor counts a read on the table and returns the replica that
// serves it: the leader for a strongly consistent read; for an eventually
// consistent one, any of the three, picked from the seed and the
// operation's number (no shared lock, reproducible in single-goroutine
// use). A read served by a replica that trails the leader counts as
// stale in Stats.
func (t *table) replicaFor(consistent bool) *replica {
	op := t.tick()
	if consistent || t.follower == nil {
		return t.leader()
	}
	r := t.replicas[splitmix64(t.seed^op)%3]
	if r == t.follower.replica && t.follower.npending.Load() > 0 {
		t.db.staleReads.Add(1)
	}
	return r
}

// describe returns the table's description with the given status.
func (t *table) describe(status TableStatus) *TableDescription {
	m := t.meta()
	in := m.input
	d := &TableDescription{
		TableName:             t.name,
		TableArn:              t.arn,
		TableId:               t.id,
		TableStatus:           status,
		KeySchema:             append([]KeySchemaElement(nil), in.KeySchema...),
		AttributeDefinitions:  append([]AttributeDefinition(nil), in.AttributeDefinitions...),
		CreationDateTime:      t.created,
		ItemCount:             t.items.Load(),
		TableSizeBytes:        t.bytes.Load(),
		ProvisionedThroughput: &ProvisionedThroughputDescription{},
	}
	if in.BillingMode == BillingModePayPerRequest {
		at := t.created
		if !m.payPerRequestAt.IsZero() {
			at = m.payPerRequestAt
		}
		d.BillingModeSummary = &BillingModeSummary{BillingMode: BillingModePayPerRequest, LastUpdateToPayPerRequestDateTime: at}
	} else {
		d.ProvisionedThroughput.ReadCapacityUnits = in.ProvisionedThroughput.ReadCapacityUnits
		d.ProvisionedThroughput.WriteCapacityUnits = in.ProvisionedThroughput.WriteCapacityUnits
	}
	describeSettings(d, &in, t.arn, t.created)
	if d.StreamSpecification != nil && !m.streamAt.IsZero() {
		d.LatestStreamLabel = m.streamAt.Format("2006-01-02T15:04:05.000")
		d.LatestStreamArn = t.arn + "/stream/" + d.LatestStreamLabel
	}
	m.describeIndexStatuses(d, t.db.Now())
	for i := range d.GlobalSecondaryIndexes {
		g := &d.GlobalSecondaryIndexes[i]
		if ix := m.index(g.IndexName); ix != nil {
			g.ItemCount, g.IndexSizeBytes = ix.items.Load(), ix.bytes.Load()
		}
	}
	for i := range d.LocalSecondaryIndexes {
		l := &d.LocalSecondaryIndexes[i]
		ix := m.index(l.IndexName)
		l.ItemCount, l.IndexSizeBytes = ix.items.Load(), ix.bytes.Load()
	}
	return d
}

// fork returns an independent copy of the table for db, sharing its
// (immutable) items: O(1) clones of its trees, a copy of its log and
// cursors. A GSI whose backfill is running is completed in the copy, at
// once and deterministically: its tree is computed from the copy's
// leader (which holds every commit so far), with nothing pending; its
// status stays as Options.TransientStatuses holds it. The caller holds
// the table's write lock.
func (t *table) fork(db *DB) *table {
	c := &table{db: db, name: t.name, arn: t.arn, id: t.id, num: t.num, created: t.created, schema: t.schema,
		seed: t.seed, strict: t.strict}
	r := t.leader().fork()
	c.replicas = [3]*replica{r, r, r}
	var cursors map[*cursor]*cursor
	c.log, cursors = t.log.fork()
	m := t.meta()
	cm := m.clone()
	cm.building = nil
	for i, ix := range m.indexes {
		cm.indexes[i] = ix.fork()
	}
	c.metaPtr.Store(cm)
	if t.follower != nil {
		c.follower = t.follower.fork(c.log, cursors[t.follower.cur], nil, cm.indexes)
		c.replicas[2] = c.follower.replica
		c.readers = append(c.readers, c.follower)
	}
	for i, ix := range m.indexes {
		switch {
		case ix.gsi == nil:
		case ix.backfilling.Load():
			if cur := cursors[ix.gsi.cur]; cur != nil {
				c.log.unregister(cur)
			}
			cix := cm.indexes[i]
			tree, bytes := cix.recompute(r.tree)
			c.attachGSI(cix, tree)
			cix.items.Store(int64(tree.Len()))
			cix.bytes.Store(bytes)
		default:
			cm.indexes[i].gsi = ix.gsi.fork(c.log, cursors[ix.gsi.cur], cm.indexes[i], nil)
			c.readers = append(c.readers, cm.indexes[i].gsi)
		}
	}
	if t.collections != nil {
		c.collections = maps.Clone(t.collections)
	}
	c.ops.Store(t.ops.Load())
	c.items.Store(t.items.Load())
	c.bytes.Store(t.bytes.Load())
	t.tags.copyTo(&c.tags)
	t.forkTTL(c)
	return c
}

// attachGSI gives the GSI ix a reader of the table's log keeping tree,
// from the log's head on, and adds it to the table's readers. The caller
// holds the write lock.
func (t *table) attachGSI(ix *index, tree *btree.BTreeG[entry]) {
	rep := &replica{mu: new(sync.RWMutex), tree: tree}
	ix.gsi = newFollower(&t.db.opts, t.seed^partitionHash([]byte(ix.name)), t.log, rep, ix, nil)
	t.readers = append(t.readers, ix.gsi)
}

// detachGSI removes the GSI ix's reader from the table's readers and its
// cursor from the log, so that the log trims past it. The caller holds
// the write lock.
func (t *table) detachGSI(ix *index) {
	t.readers = slices.DeleteFunc(t.readers, func(r logReader) bool { return r == logReader(ix.gsi) })
	if ix.gsi.cur != nil {
		t.log.unregister(ix.gsi.cur)
	}
}
