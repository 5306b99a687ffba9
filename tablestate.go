package ddbsim

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"
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
	input    CreateTableInput // as validated, for DescribeTable
	writeMu  sync.Mutex
	dropped  bool // DeleteTable removed the table; guarded by writeMu
	replicas [3]*replica
	log      *changeLog
	readers  []logReader // guarded by writeMu
	follower *follower   // nil in Sync mode
	indexes  []*index    // GSIs, then LSIs, in CreateTable's order
	// indexStored are the attributes any index stores of an item (nil
	// without indexes): what a commit decodes once for all of them.
	indexStored []string
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
		created: created, schema: schema, input: in, replicas: [3]*replica{r, r, r}, log: &changeLog{},
		indexes: indexes, strict: db.opts.StrictMode}
	t.seed = db.opts.Seed ^ partitionHash([]byte(name))
	if lsis > 0 {
		t.collections = map[string]int64{}
	}
	for _, ix := range indexes {
		for _, name := range ix.stored {
			if !slices.Contains(t.indexStored, name) {
				t.indexStored = append(t.indexStored, name)
			}
		}
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
			rep := &replica{mu: new(sync.RWMutex), tree: newIndexTree()}
			ix.gsi = newFollower(&db.opts, t.seed^partitionHash([]byte(ix.name)), t.log, rep, ix, nil)
			t.readers = append(t.readers, ix.gsi)
		}
	}
	return t
}

// index returns the table's index of that name, or nil.
func (t *table) index(name string) *index {
	for _, ix := range t.indexes {
		if ix.name == name {
			return ix
		}
	}
	return nil
}

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
	for _, ix := range t.indexes {
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
	in := t.input
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
		d.BillingModeSummary = &BillingModeSummary{BillingMode: BillingModePayPerRequest, LastUpdateToPayPerRequestDateTime: t.created}
	} else {
		d.ProvisionedThroughput.ReadCapacityUnits = in.ProvisionedThroughput.ReadCapacityUnits
		d.ProvisionedThroughput.WriteCapacityUnits = in.ProvisionedThroughput.WriteCapacityUnits
	}
	describeSettings(d, &in, t.arn, t.created)
	for i := range d.GlobalSecondaryIndexes {
		g := &d.GlobalSecondaryIndexes[i]
		ix := t.index(g.IndexName)
		g.ItemCount, g.IndexSizeBytes = ix.items.Load(), ix.bytes.Load()
	}
	for i := range d.LocalSecondaryIndexes {
		l := &d.LocalSecondaryIndexes[i]
		ix := t.index(l.IndexName)
		l.ItemCount, l.IndexSizeBytes = ix.items.Load(), ix.bytes.Load()
	}
	return d
}

// fork returns an independent copy of the table for db, sharing its
// (immutable) items: O(1) clones of its trees, a copy of its log and
// cursors. The caller holds the table's write lock.
func (t *table) fork(db *DB) *table {
	c := &table{db: db, name: t.name, arn: t.arn, id: t.id, num: t.num, created: t.created, schema: t.schema, input: t.input,
		seed: t.seed, strict: t.strict, indexStored: t.indexStored}
	r := t.leader().fork()
	c.replicas = [3]*replica{r, r, r}
	var cursors map[*cursor]*cursor
	c.log, cursors = t.log.fork()
	for _, ix := range t.indexes {
		c.indexes = append(c.indexes, ix.fork())
	}
	if t.follower != nil {
		c.follower = t.follower.fork(c.log, cursors[t.follower.cur], nil, c.indexes)
		c.replicas[2] = c.follower.replica
		c.readers = append(c.readers, c.follower)
	}
	for i, ix := range t.indexes {
		if ix.gsi != nil {
			c.indexes[i].gsi = ix.gsi.fork(c.log, cursors[ix.gsi.cur], c.indexes[i], nil)
			c.readers = append(c.readers, c.indexes[i].gsi)
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
