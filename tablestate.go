package ddbsim

import (
	"sync"
	"sync/atomic"
	"time"
)

// table is the state of one table: its description, its key schema and
// its three replicas. Writers serialize on writeMu and commit on the
// leader, replicas[0]. The first follower, replicas[1], applies every
// write with the leader, so the two are always identical and share one
// tree. The second follower, replicas[2], is the same tree too in Sync
// mode; in Async and Manual mode it is the follower's own tree, fed by
// the log of the leader's writes.
type table struct {
	name     string
	arn, id  string
	created  time.Time
	schema   keySchema
	input    CreateTableInput // as validated, for DescribeTable
	writeMu  sync.Mutex
	replicas [3]*replica
	follower *follower // nil in Sync mode
	seed     uint64    // picks the replica of eventually consistent reads
	ops      atomic.Uint64
	items    atomic.Int64
	bytes    atomic.Int64
	stale    *atomic.Int64 // the DB's count of stale reads
}

func newTable(db *DB, name, id string, created time.Time, schema keySchema, in CreateTableInput) *table {
	r := newReplica()
	t := &table{name: name, arn: db.arnPrefix() + name, id: id, created: created, schema: schema, input: in,
		replicas: [3]*replica{r, r, r}, stale: &db.staleReads}
	t.seed = db.opts.Seed ^ partitionHash([]byte(name))
	if db.opts.Replication != Sync {
		t.follower = newFollower(&db.opts, t.seed)
		t.replicas[2] = t.follower.replica
	}
	return t
}

// tick counts one operation on the table (reads and writes alike: the
// clock of Async's lag) and lets the lagging replica catch up with what
// is due. It returns the operation's number.
func (t *table) tick() uint64 {
	op := t.ops.Add(1)
	if t.follower != nil {
		t.follower.catchUp(op)
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
		t.stale.Add(1)
	}
	return r
}

// change is what a write decides to do with the item under its key.
type change struct {
	next   entry // the entry to store, unless remove
	remove bool
	keep   bool // leave the item as it is
}

// write runs decide on the leader with the current entry under k (found
// reports whether there is one), atomically with applying its change to
// every replica, and returns the entry as it was. An error from decide
// changes nothing.
func (t *table) write(k tableKey, decide func(old entry, found bool) (change, error)) (old entry, found bool, err error) {
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	op := t.tick()
	old, found = t.leader().get(k)
	c, err := decide(old, found)
	if err != nil || c.keep {
		return old, found, err
	}
	if c.remove {
		t.leader().remove(k)
	} else {
		t.leader().put(c.next)
	}
	if t.follower != nil {
		t.follower.enqueue(k, c, op)
	}
	var items, bytes int64
	if found {
		items, bytes = -1, -int64(old.size())
	}
	if !c.remove {
		items, bytes = items+1, bytes+int64(c.next.size())
	}
	if items != 0 { // an overwrite leaves the count as it is
		t.items.Add(items)
	}
	if bytes != 0 {
		t.bytes.Add(bytes)
	}
	return old, found, nil
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
	return d
}

// fork returns an independent copy of the table, sharing its (immutable)
// items: O(1) clones of its trees. The copy counts stale reads in db.
func (t *table) fork(db *DB) *table {
	t.writeMu.Lock()
	defer t.writeMu.Unlock()
	c := &table{name: t.name, arn: t.arn, id: t.id, created: t.created, schema: t.schema, input: t.input,
		seed: t.seed, stale: &db.staleReads}
	r := t.leader().fork()
	c.replicas = [3]*replica{r, r, r}
	if t.follower != nil {
		c.follower = t.follower.fork()
		c.replicas[2] = c.follower.replica
	}
	c.ops.Store(t.ops.Load())
	c.items.Store(t.items.Load())
	c.bytes.Store(t.bytes.Load())
	return c
}
