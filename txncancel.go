package ddbsim

import (
	"errors"
	"slices"
	"strings"
)

// The parts TransactWriteItems and TransactGetItems share: the
// cancellation and its reasons, the check of distinct targets, the
// capacity list.

// Cancellation reason codes, as AWS names them.
const (
	ReasonNone                   = "None"
	ReasonConditionalCheckFailed = "ConditionalCheckFailed"
	ReasonValidationError        = "ValidationError"
	ReasonTransactionConflict    = "TransactionConflict"
)

// msgMultipleOperations is AWS's answer to two actions of a transaction
// on one item.
const msgMultipleOperations = "Transaction request cannot include multiple operations on one item"

// errTransactionTooLarge refuses a transaction over MaxTransactionBytes.
// AWS's exact text was not captured (it is known to say "size cannot
// exceed"): this wording is ddbsim's.
var errTransactionTooLarge = validationError("Transaction request size cannot exceed 4 MB")

// cancelled is the TransactionCanceledException of a transaction refused
// for the given reasons, one per action: AWS's message lists their codes.
func cancelled(reasons []CancellationReason) *Error {
	codes := make([]string, len(reasons))
	for i, r := range reasons {
		codes[i] = r.Code
	}
	return &Error{Code: CodeTransactionCanceled, CancellationReasons: reasons,
		Message: "Transaction cancelled, please refer cancellation reasons for specific reasons [" + strings.Join(codes, ", ") + "]"}
}

// orCancelled returns err if there is one, else the cancellation for
// reasons.
func orCancelled(err error, reasons []CancellationReason) error {
	if err != nil {
		return err
	}
	return cancelled(reasons)
}

// schemaFault reports whether an action's key error is its item or key
// not matching its table's schema (a key attribute missing or of the
// wrong type, an update of a key attribute), which a transaction reports
// as a cancellation reason rather than as the request's error. Other key
// errors (an empty string key, a key too long) are the request's.
func schemaFault(err error) bool {
	e, ok := errors.AsType[*Error](err)
	if !ok || e.Code != CodeValidation {
		return false
	}
	return e.Message == msgKeyMismatch ||
		strings.HasPrefix(e.Message, "One or more parameter values were invalid: Type mismatch for ") ||
		strings.HasPrefix(e.Message, "One or more parameter values were invalid: Missing the key ") ||
		strings.HasPrefix(e.Message, "One or more parameter values were invalid: Cannot update attribute ")
}

// validationReasons returns the cancellation reasons of actions whose
// faults (one per action, nil for none) are ValidationErrors: the first
// fault is reported, every other action is "None", as AWS reports them.
// It returns nil when there is no fault.
func validationReasons(faults []error) []CancellationReason {
	first := slices.IndexFunc(faults, func(err error) bool { return err != nil })
	if first < 0 {
		return nil
	}
	reasons := make([]CancellationReason, len(faults))
	for i := range reasons {
		reasons[i].Code = ReasonNone
	}
	reasons[first] = CancellationReason{Code: ReasonValidationError, Message: faults[first].(*Error).Message}
	return reasons
}

// cancellationOf returns the error of a committed group of actions: nil
// when every action succeeded; the table's error when one was deleted
// meanwhile (every outcome holds it); otherwise the cancellation, with a
// reason for every failed condition (and its item, if asked) and the
// first ValidationError, every other action "None".
func cancellationOf(outs []outcome) error {
	if !slices.ContainsFunc(outs, func(o outcome) bool { return o.err != nil }) {
		return nil
	}
	if errors.Is(outs[0].err, ErrResourceNotFound) {
		return outs[0].err
	}
	reasons := make([]CancellationReason, len(outs))
	validation := false
	for i, o := range outs {
		reasons[i].Code = ReasonNone
		e, ok := errors.AsType[*Error](o.err)
		switch {
		case o.err == nil:
		case !ok:
			return o.err // not DynamoDB's: a fault of ddbsim's own
		case e.Code == CodeConditionalCheckFailed:
			reasons[i] = CancellationReason{Code: ReasonConditionalCheckFailed, Message: e.Message, Item: e.Item}
		case !validation:
			reasons[i] = CancellationReason{Code: ReasonValidationError, Message: e.Message}
			validation = true
		}
	}
	return cancelled(reasons)
}

// target is the item a transaction's action is on.
type target struct {
	t *table
	k tableKey
}

// locateTargets finds the item each of n actions is on: its table
// (named by tableName(i); a missing one is ResourceNotFoundException),
// then its key (key(i, t), with the checks of the item or key against its
// table). A key error that is the request's (an empty string key) is
// returned as the error; then two actions on one item are "Transaction
// request cannot include multiple operations on one item"; then a key
// that does not match its table's schema (see schemaFault) cancels the
// transaction: the reasons are returned, the first action with one
// reported as a ValidationError (nil when there is none).
func (db *DB) locateTargets(n int, tableName func(i int) string, key func(i int, t *table) (tableKey, error)) ([]target, []CancellationReason, error) {
	targets := make([]target, n)
	for i := range targets {
		if targets[i].t = db.lookup(tableName(i)); targets[i].t == nil {
			return nil, nil, errTableNotFound()
		}
	}
	faults := make([]error, n)
	for i := range targets {
		var err error
		if targets[i].k, err = key(i, targets[i].t); err != nil && !schemaFault(err) {
			return nil, nil, err
		}
		faults[i] = err
	}
	seen := make(map[target]bool, n)
	for i, tg := range targets {
		if faults[i] != nil {
			continue
		}
		if seen[tg] {
			return nil, nil, validationError(msgMultipleOperations)
		}
		seen[tg] = true
	}
	return targets, validationReasons(faults), nil
}

// transactCapacity is the ConsumedCapacity list of a transaction of n
// actions: per table, in name order, twice the units each action costs
// (units(i) on its table, onIndexes(i) on the table's indexes, nil for
// none); nil when the request did not ask for it.
func transactCapacity(mode ReturnConsumedCapacity, n int, table func(i int) string, units func(i int) float64, onIndexes func(i int) indexUnits) []ConsumedCapacity {
	if mode == "" || mode == ReturnConsumedCapacityNone {
		return nil
	}
	var names []string
	for i := range n {
		if name := table(i); !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	sums, ixSums := make([]float64, len(names)), make([]indexUnits, len(names))
	for i := range n {
		j, _ := slices.BinarySearch(names, table(i))
		sums[j] += 2 * units(i)
		if onIndexes != nil {
			ixSums[j].merge(onIndexes(i), 2)
		}
	}
	return batchCapacity(mode, names, sums, ixSums...)
}
