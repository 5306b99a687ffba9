package ddbsim

import (
	"context"
	"sync"
	"sync/atomic"
)

// FaultKind is a failure InjectFault can arm.
type FaultKind uint8

// Fault kinds.
const (
	// Throttle fails the call with ProvisionedThroughputExceededException;
	// nothing is applied.
	Throttle FaultKind = iota + 1
	// InternalError fails the call with InternalServerError (HTTP 500);
	// nothing is applied.
	InternalError
	// LostResponse applies the call, then drops its response: the caller
	// gets ErrLostResponse (through the wire, a broken connection) as if
	// the network lost DynamoDB's reply. Whatever the call did stays done.
	LostResponse
	// Unprocessed makes a batch operation (BatchGetItem, BatchWriteItem)
	// process only part of its request and hand the rest back in
	// UnprocessedKeys or UnprocessedItems, as DynamoDB does under load.
	// Other operations never match it.
	Unprocessed
	// TransactionConflict fails the call as if a transaction held its
	// item: a single-item write (PutItem, UpdateItem, DeleteItem) with
	// TransactionConflictException; a TransactWriteItems or
	// TransactGetItems with TransactionCanceledException, the reason
	// TransactionConflict on its first action on the fault's Table (its
	// first action when Table is ""), None on the others. Nothing is
	// applied. Other operations never match it.
	TransactionConflict
)

// conflictOps are the operations a TransactionConflict fault matches.
var conflictOps = map[string]bool{"PutItem": true, "UpdateItem": true, "DeleteItem": true, "TransactWriteItems": true, "TransactGetItems": true}

// msgTransactionConflict is AWS's text for an item a transaction holds.
const msgTransactionConflict = "Transaction is ongoing for the item"

// errConflictFault is the error of a TransactionConflict fault armed on
// table: a TransactionConflictException, which the transactions turn into
// their cancellation (conflictReasons).
func errConflictFault(table string) *Error {
	return &Error{Code: CodeTransactionConflict, Message: msgTransactionConflict, faultTable: &table}
}

// conflictReasons turns the error of a TransactionConflict fault into the
// cancellation of a transaction whose actions are on the tables
// actionTables returns (by action): TransactionConflict on the first
// action on the fault's table, None on the others; any other error comes
// back as it is.
func conflictReasons(err error, actionTables func() []string) error {
	e, ok := err.(*Error)
	if !ok || e.faultTable == nil {
		return err
	}
	tables := actionTables()
	reasons := make([]CancellationReason, len(tables))
	hit := false
	for i, t := range tables {
		reasons[i].Code = ReasonNone
		if !hit && (*e.faultTable == "" || *e.faultTable == t) {
			reasons[i] = CancellationReason{Code: ReasonTransactionConflict, Message: msgTransactionConflict + "."}
			hit = true
		}
	}
	return cancelled(reasons)
}

// Fault describes calls to fail: the next Count calls (1 if Count is 0)
// of Operation ("PutItem", "GetItem", ...; "" for any) on Table ("" for
// any; matched against the TableName as the request gives it).
type Fault struct {
	Kind      FaultKind
	Operation string
	Table     string
	Count     int
}

// The messages AWS sends with the injected errors.
const (
	msgThrottled     = "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."
	msgInternalError = "Internal server error"
)

// faults holds the armed faults, in the order they were armed.
type faults struct {
	n     atomic.Int32 // len(armed), read without the lock
	mu    sync.Mutex
	armed []Fault
}

// InjectFault arms f: the next matching calls fail as f.Kind says. Faults
// armed earlier are matched first. Every operation, present and future,
// passes through the same check before it runs. Cost: O(armed faults) a
// call while any are armed; one atomic load a call otherwise.
func (db *DB) InjectFault(f Fault) {
	if f.Count <= 0 {
		f.Count = 1
	}
	db.faults.mu.Lock()
	db.faults.armed = append(db.faults.armed, f)
	db.faults.n.Store(int32(len(db.faults.armed)))
	db.faults.mu.Unlock()
}

// ClearFaults disarms every fault.
func (db *DB) ClearFaults() {
	db.faults.mu.Lock()
	db.faults.armed = nil
	db.faults.n.Store(0)
	db.faults.mu.Unlock()
}

// take consumes one use of the first armed fault of a kind accepted by
// kinds that matches op and a table onTable accepts, and returns it, or a
// Fault of Kind 0.
func (fs *faults) take(op string, onTable func(string) bool, kinds func(FaultKind) bool) Fault {
	if fs.n.Load() == 0 {
		return Fault{}
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, f := range fs.armed {
		if kinds(f.Kind) && (f.Operation == "" || f.Operation == op) && (f.Table == "" || onTable(f.Table)) {
			if f.Count--; f.Count == 0 {
				fs.armed = append(fs.armed[:i], fs.armed[i+1:]...)
				fs.n.Store(int32(len(fs.armed)))
			} else {
				fs.armed[i] = f
			}
			return f
		}
	}
	return Fault{}
}

// dispatch runs one operation on one table: it honours ctx, then the
// armed faults, then runs op, its error in the DB's Wording. Every public
// operation goes through it (or through dispatchTables).
func dispatch[O any](ctx context.Context, db *DB, op, table string, run func() (*O, error)) (*O, error) {
	return dispatchTables(ctx, db, op, func(t string) bool { return t == table }, run)
}

// dispatchTables is dispatch for an operation on the tables onTable
// accepts (a batch), so a fault naming any of them matches.
func dispatchTables[O any](ctx context.Context, db *DB, op string, onTable func(string) bool, run func() (*O, error)) (*O, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f := db.faults.take(op, onTable, func(k FaultKind) bool { return k != Unprocessed && (k != TransactionConflict || conflictOps[op]) })
	switch f.Kind {
	case TransactionConflict:
		return nil, errConflictFault(f.Table)
	case Throttle:
		return nil, &Error{Code: CodeProvisionedThroughputExceeded, Message: msgThrottled}
	case InternalError:
		return nil, &Error{Code: CodeInternalServerError, Message: msgInternalError}
	case LostResponse:
		run()
		return nil, ErrLostResponse
	}
	out, err := run()
	if err != nil {
		err = db.worded(err)
	}
	return out, err
}
