package ddbsim

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// Replication is how a table's three replicas receive writes.
type Replication uint8

// Replication modes.
const (
	// Sync applies every write to all three replicas before it returns,
	// so every read sees the latest write (as with DynamoDB Local).
	Sync Replication = iota
	// Async applies a write to the leader and one follower before it
	// returns, and to the third replica after a lag: a number of the
	// table's operations (reads count too, so a polling reader converges)
	// drawn from Seed, at most MaxLag; or, when Lag is set, that much
	// wall-clock time. Eventually consistent reads may be served by the
	// third replica, and so be stale, as on DynamoDB.
	Async
	// Manual is Async where the third replica applies writes only when
	// the program calls Propagate or Settle: a stale read on purpose.
	Manual
)

// Options configure a DB. The zero value (and a nil *Options) gives
// DynamoDB's defaults.
type Options struct {
	// Replication is the propagation mode; Sync by default.
	Replication Replication
	// Seed drives every random choice of Async and Manual mode (the lag
	// of each write, the replica of each eventually consistent read): in
	// single-goroutine use, the same seed and the same calls give the same
	// results.
	Seed uint64
	// MaxLag is the most table operations a write may take to reach the
	// lagging replica in Async mode; DefaultMaxLag if 0.
	MaxLag int
	// Lag, if set, makes Async's lag wall-clock time instead (for
	// servers, where operation counts mean little).
	Lag time.Duration
	// Region and AccountID appear in table ARNs; "us-east-1" and
	// "000000000000" by default.
	Region    string
	AccountID string
	// Clock is the DB's time (creation times, Async's wall-clock lag);
	// the wall clock by default. Give a SettableClock (ddbtest's fake
	// clock, an OffsetClock) to move it from a test.
	Clock Clock
	// StrictMode checks the DB's invariants after every commit (each
	// changed item as every settled reader holds it, the logs' cursors
	// gap-free and not past the head) and at Settle and Close (every
	// replica recomputed from the leader), and panics when one breaks.
	// It makes writes several times slower: ddbsim's own tests run with
	// it; turn it on to report a bug. The environment variable
	// DDBSIM_STRICT=1 turns it on for every DB.
	StrictMode bool
	// TransientStatuses holds each transient status for that long on the
	// DB's clock: a new table is CREATING, an updated one UPDATING, a
	// deleted one DELETING (still listed and described, then gone), a GSI
	// that UpdateTable creates CREATING and one it deletes DELETING, for
	// twice as long. 0 (the default, as DynamoDB Local without
	// -delayTransientStatuses): everything is ACTIVE, or gone, when the
	// call returns. A table is refused UpdateTable and DeleteTable while
	// it is CREATING or UPDATING.
	TransientStatuses time.Duration
	// Limits are DynamoDB's limits, where ddbsim lets them change.
	Limits Limits
	// Wording is the form of validation messages: WordingClassic (the
	// default) or WordingCurrent, the newer framework's where it is known.
	Wording Wording
	// TTLChangeInterval is how long after changing a table's time to live
	// UpdateTimeToLive refuses another change, on the DB's clock:
	// DefaultTTLChangeInterval (an hour, as DynamoDB documents) if 0; no
	// limit if negative (tests that turn TTL on and off).
	TTLChangeInterval time.Duration
}

// Limits are DynamoDB limits that a DB may set differently. Zero fields
// take the defaults.
type Limits struct {
	// BatchGetMaxBytes caps a BatchGetItem response: items past it come
	// back in UnprocessedKeys. The default, DefaultBatchGetMaxBytes, is
	// 1 MB, the cap DynamoDB documented first; DynamoDB's current cap is
	// 16 MB (set 16 << 20 to match it).
	BatchGetMaxBytes int
	// ItemCollectionMaxBytes caps an item collection (the items of one
	// partition key value) of a table with local secondary indexes: a
	// write growing one past it is an
	// ItemCollectionSizeLimitExceededException. The default,
	// DefaultItemCollectionMaxBytes, is DynamoDB's 10 GB; set it small to
	// reach it in a test.
	ItemCollectionMaxBytes int
}

// DefaultBatchGetMaxBytes is the default BatchGetItem response cap.
const DefaultBatchGetMaxBytes = 1 << 20

// DB is an in-process DynamoDB: a set of tables. It is safe for concurrent
// use. Create one with New.
type DB struct {
	opts   Options
	mu     sync.Mutex // serializes CreateTable and DeleteTable
	tables atomic.Pointer[map[string]*table]
	// ghosts are deleted tables still DELETING (lifecycle.go); nil or
	// empty without Options.TransientStatuses. Written under mu.
	ghosts atomic.Pointer[map[string]ghost]
	nextID atomic.Uint64 // the number of the last table created
	seq    atomic.Uint64 // the sequence number of the last change record
	faults faults
	tokens tokenStore  // TransactWriteItems' ClientRequestTokens
	exprs  *expr.Cache // compiled expressions, shared by all tables
	// onBackfill, set by tests before any UpdateTable, is called after
	// each batch a GSI backfill inserts (index name, entries).
	onBackfill func(index string, n int)
	// staleReads counts eventually consistent reads served by a lagging
	// replica.
	staleReads atomic.Int64
}

// New returns an empty DB. A nil opts means the defaults of Options.
func New(opts *Options) *DB {
	db := &DB{exprs: expr.NewCache(exprCacheSize)}
	if opts != nil {
		db.opts = *opts
	}
	if db.opts.Region == "" {
		db.opts.Region = "us-east-1"
	}
	if db.opts.AccountID == "" {
		db.opts.AccountID = "000000000000"
	}
	if db.opts.Clock == nil {
		db.opts.Clock = ClockFunc(time.Now)
	}
	if os.Getenv(StrictEnv) == "1" {
		db.opts.StrictMode = true
	}
	if db.opts.Limits.BatchGetMaxBytes <= 0 {
		db.opts.Limits.BatchGetMaxBytes = DefaultBatchGetMaxBytes
	}
	if db.opts.Limits.ItemCollectionMaxBytes <= 0 {
		db.opts.Limits.ItemCollectionMaxBytes = DefaultItemCollectionMaxBytes
	}
	db.tables.Store(&map[string]*table{})
	return db
}

// StrictEnv is the environment variable that, set to 1, turns
// Options.StrictMode on for every DB New makes.
const StrictEnv = "DDBSIM_STRICT"

// Close releases the DB. ddbsim runs no background work (lagging replicas
// catch up as the table is used), so Close has nothing to stop; it exists
// so code written against it stays right if that changes. In StrictMode
// it checks the DB's invariants. Operations after Close are not
// supported.
func (db *DB) Close() error {
	if db.opts.StrictMode {
		db.checkSettled(false)
	}
	return nil
}

// Fork returns an independent copy of the whole DB: its tables, items,
// pending replication and faults-free state, in O(tables) time and O(1)
// per item (the copies share immutable items and tree nodes until either
// side writes). It holds every table's write lock at once, so it never
// copies part of a commit. Load a fixture once, then Fork it for each
// test. Stale read counts start from zero in the copy; armed faults are
// not copied.
func (db *DB) Fork() *DB {
	db.mu.Lock()
	defer db.mu.Unlock()
	c := &DB{opts: db.opts, exprs: db.exprs}
	c.nextID.Store(db.nextID.Load())
	c.ghosts.Store(db.ghosts.Load())
	all := slices.SortedFunc(maps.Values(*db.tables.Load()), func(a, b *table) int { return cmp.Compare(a.num, b.num) })
	for _, t := range all {
		t.writeMu.Lock()
	}
	c.seq.Store(db.seq.Load())
	tables := make(map[string]*table, len(all))
	for _, t := range all {
		tables[t.name] = t.fork(c)
	}
	for _, t := range slices.Backward(all) {
		t.writeMu.Unlock()
	}
	c.tables.Store(&tables)
	return c
}

// Table returns a handle on the named table (a name or a table ARN). The
// table need not exist: operations on a missing table fail with
// ResourceNotFoundException. Cost: O(1), no allocation beyond the handle.
func (db *DB) Table(name string) *Table {
	return &Table{db: db, name: name}
}

// arnPrefix is the ARN of this DB's tables, up to the table name.
func (db *DB) arnPrefix() string {
	return "arn:aws:dynamodb:" + db.opts.Region + ":" + db.opts.AccountID + ":table/"
}

// lookup returns the table a TableName (a name or this DB's table ARN)
// refers to, or nil. Lock-free.
func (db *DB) lookup(name string) *table {
	if strings.HasPrefix(name, "arn:") {
		n, ok := strings.CutPrefix(name, db.arnPrefix())
		if !ok {
			return nil
		}
		name = n
	}
	return (*db.tables.Load())[name]
}

// isARN reports whether a TableName is written as an ARN, which item
// operations accept in place of a name.
func isARN(name string) bool { return strings.HasPrefix(name, "arn:") }

// msgNotFound is AWS's ResourceNotFoundException text for item operations.
const msgNotFound = "Requested resource not found"

func errTableNotFound() error {
	return &Error{Code: CodeResourceNotFound, Message: msgNotFound}
}

// CreateTable creates a table, ACTIVE at once. A table of that name
// already existing is a ResourceInUseException; invalid input is a
// ValidationException with AWS's message. Cost: O(number of tables).
func (db *DB) CreateTable(ctx context.Context, in CreateTableInput) (*TableDescription, error) {
	return dispatch(ctx, db, "CreateTable", in.TableName, func() (*TableDescription, error) {
		schema, indexes, err := validateCreateTable(&in)
		if err == nil {
			err = checkTags(in.Tags)
		}
		if err != nil {
			return nil, err
		}
		tags := in.Tags // the table's tagSet keeps them, not its input
		in = cloneCreateTableInput(in)
		db.mu.Lock()
		defer db.mu.Unlock()
		old := *db.tables.Load()
		now := db.Now().UTC()
		_, deleting := db.ghostOf(in.TableName, now)
		if _, ok := old[in.TableName]; ok || deleting {
			return nil, &Error{Code: CodeResourceInUse, Message: "Table already exists: " + in.TableName}
		}
		t := newTable(db, in.TableName, db.nextID.Add(1), now, schema, indexes, in)
		if until := db.holdUntil(now, 1); !until.IsZero() {
			m := t.meta() // not yet published: no reader shares it
			m.status, m.until = TableStatusCreating, until
		}
		t.tags.set(tags)
		next := maps.Clone(old)
		next[in.TableName] = t
		db.tables.Store(&next)
		return t.describe(t.status()), nil
	})
}

// DescribeTable describes a table, in its status now (see
// Options.TransientStatuses). A missing table is a
// ResourceNotFoundException ("Requested resource not found: Table: <name>
// not found"); a table deleted under Options.TransientStatuses is
// described DELETING until its time. Cost: O(indexes).
func (db *DB) DescribeTable(ctx context.Context, in DescribeTableInput) (*TableDescription, error) {
	return dispatch(ctx, db, "DescribeTable", in.TableName, func() (*TableDescription, error) {
		t, err := db.controlTable(in.TableName)
		if err != nil {
			if g, ok := db.ghostOf(in.TableName, db.Now()); ok {
				return cloneDescription(g.desc), nil
			}
			return nil, err
		}
		return t.describe(t.status()), nil
	})
}

// DeleteTable deletes a table and its items, and returns its last
// description with status DELETING. A missing table is a
// ResourceNotFoundException; a table CREATING or UPDATING, or protected
// against deletion (DeletionProtectionEnabled), a
// ResourceInUseException. Cost: O(number of tables); the items are left
// to the garbage collector.
func (db *DB) DeleteTable(ctx context.Context, in DeleteTableInput) (*TableDescription, error) {
	return dispatch(ctx, db, "DeleteTable", in.TableName, func() (*TableDescription, error) {
		db.mu.Lock()
		defer db.mu.Unlock()
		t, err := db.controlTable(in.TableName)
		if err != nil {
			return nil, err
		}
		now := db.Now()
		if err := t.checkDeletable(now); err != nil {
			return nil, err
		}
		t.drop()
		next := maps.Clone(*db.tables.Load())
		delete(next, t.name)
		db.tables.Store(&next)
		d := t.describeDeleting()
		db.bury(cloneDescription(d), now)
		return d, nil
	})
}

// controlTable validates a table name for the control-plane operations and
// looks the table up, with their ResourceNotFoundException text.
func (db *DB) controlTable(name string) (*table, error) {
	if !isARN(name) {
		var c constraints
		c.name(name, "tableName", 3)
		if err := c.err(); err != nil {
			return nil, err
		}
	}
	t := db.lookup(name)
	if t == nil {
		return nil, &Error{Code: CodeResourceNotFound, Message: msgNotFound + ": Table: " + name + " not found"}
	}
	return t, nil
}

// ListTables lists table names in ascending byte order, at most Limit (1
// to 100, default 100) after ExclusiveStartTableName. Cost: O(t log t)
// for t tables.
func (db *DB) ListTables(ctx context.Context, in ListTablesInput) (*ListTablesOutput, error) {
	return dispatch(ctx, db, "ListTables", "", func() (*ListTablesOutput, error) {
		var c constraints
		if in.ExclusiveStartTableName != "" {
			c.name(in.ExclusiveStartTableName, "exclusiveStartTableName", 3)
		}
		limit := 100
		if in.Limit != nil {
			limit = int(*in.Limit)
			v := fmt.Sprint(limit)
			if limit < 1 {
				c.fail(&v, "limit", "Member must have value greater than or equal to 1")
			} else if limit > 100 {
				c.fail(&v, "limit", "Member must have value less than or equal to 100")
			}
		}
		if err := c.err(); err != nil {
			return nil, err
		}
		names := sortedKeys(nil, db.ghostNames(*db.tables.Load(), db.Now()))
		start, _ := slices.BinarySearch(names, in.ExclusiveStartTableName)
		if start < len(names) && names[start] == in.ExclusiveStartTableName {
			start++
		}
		names = names[start:]
		out := &ListTablesOutput{TableNames: names}
		if len(names) > limit {
			out.TableNames = names[:limit]
			out.LastEvaluatedTableName = names[limit-1]
		}
		if out.TableNames == nil {
			out.TableNames = []string{}
		}
		return out, nil
	})
}
