package ddbsim

import (
	"sync"
	"sync/atomic"
	"time"
)

// table is the state of one table: its description, its key schema and
// its three replicas. Writers serialize on writeMu and commit on the
// leader, replicas[0], then on the followers. In Sync mode the three
// replicas are always identical, so they are one tree: replicas holds the
// same *replica three times and a write applies once.
type table struct {
	name     string
	arn, id  string
	created  time.Time
	schema   keySchema
	input    CreateTableInput // as validated, for DescribeTable
	writeMu  sync.Mutex
	replicas [3]*replica
	items    atomic.Int64
	bytes    atomic.Int64
}

func newTable(name, arn, id string, created time.Time, schema keySchema, in CreateTableInput) *table {
	r := newReplica()
	return &table{name: name, arn: arn, id: id, created: created, schema: schema, input: in,
		replicas: [3]*replica{r, r, r}}
}

// leader returns the replica that takes writes and strongly consistent
// reads.
func (t *table) leader() *replica { return t.replicas[0] }

// replicaFor returns the replica a read is served by: the leader for a
// strongly consistent read; any replica for an eventually consistent one.
// (In Sync mode they are one tree.)
func (t *table) replicaFor(consistent bool) *replica {
	return t.leader()
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
	old, found = t.leader().get(k)
	c, err := decide(old, found)
	if err != nil || c.keep {
		return old, found, err
	}
	for i, r := range t.replicas {
		if i > 0 && r == t.replicas[i-1] {
			continue
		}
		if c.remove {
			r.remove(k)
		} else {
			r.put(c.next)
		}
	}
	if found {
		t.items.Add(-1)
		t.bytes.Add(-int64(old.size))
	}
	if !c.remove {
		t.items.Add(1)
		t.bytes.Add(int64(c.next.size))
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
