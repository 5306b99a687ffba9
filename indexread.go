package ddbsim

import (
	"slices"
	"strings"
)

// Reads of secondary indexes: Query and Scan with an IndexName.

// AWS's messages for reads of an index.
const (
	msgConsistentGSI = "Consistent reads are not supported on global secondary indexes"
	msgBackfilling   = "Cannot read from backfilling global secondary index: "
)

// readReplica counts a read of the index and returns the replica that
// serves it: a GSI's own tree (never strongly consistent), stale while
// its reader has records pending; an LSI's tree in the table's replica
// the consistency picks, which it returns as base.
func (ix *index) readReplica(t *table, consistent bool) (rep, base *replica) {
	if ix.gsi == nil {
		base = t.replicaFor(consistent)
		return base.lsis[ix.lsi], base
	}
	t.tick()
	if ix.gsi.npending.Load() > 0 {
		t.db.staleReads.Add(1)
	}
	return ix.gsi.replica, nil
}

// checkIndexRead makes DynamoDB's checks of a read of index ix: no
// strongly consistent read of a GSI, none of a GSI still CREATING (on
// db's clock), and ALL_ATTRIBUTES only from an index projecting them (an
// LSI fetches them from the table instead). It reports whether the read
// fetches whole items from the table.
func (r *readRequest) checkIndexRead(db *DB, ix *index) (fetch bool, err error) {
	if ix.gsi != nil && r.consistent {
		return false, validationError(msgConsistentGSI)
	}
	if ix.gsi != nil && !ix.readable(db) {
		return false, validationError(msgBackfilling + ix.name)
	}
	if r.sel == SelectAllAttributes && ix.projection != ProjectionTypeAll {
		if ix.gsi != nil {
			return false, validationError("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index " +
				ix.name + " because its projection type is not ALL")
		}
		return true, nil
	}
	return false, nil
}

// fetchesFor reports whether a read of the index projecting proj (nil:
// the index's attributes) must fetch the items from the table: an LSI
// read of an attribute the LSI does not store, as DynamoDB fetches it (a
// GSI read returns only what the GSI stores).
func (ix *index) fetchesFor(proj *projection) bool {
	if ix.kind != localIndex || ix.projection == ProjectionTypeAll || proj == nil {
		return false
	}
	for name := range proj.root.fields {
		if !slices.Contains(ix.stored, name) {
			return true
		}
	}
	return false
}

// startKey reads an ExclusiveStartKey of the index (values already
// valid): the table's key and the index's, nothing else; else AWS's
// "The provided starting key is invalid".
func (ix *index) startKey(esk Item) (tableKey, error) {
	if len(esk) != len(ix.names) {
		return tableKey{}, validationError(msgInvalidStartKey)
	}
	table := Item{}
	for _, name := range ix.table.names() {
		table[name] = esk[name]
	}
	base, err := ix.table.fromKey(table)
	if err != nil {
		return tableKey{}, rephrased(err, func(msg string) string { return msgInvalidStartKey + ": " + msg })
	}
	k, ok := ix.indexKey(func(name string) (Value, bool) { v, ok := esk[name]; return v, ok }, base.key)
	if !ok {
		return tableKey{}, validationError(msgInvalidStartKey)
	}
	return k, nil
}

// planIndexQuery checks a Query's key conditions against index ix, as
// DynamoDB checks them on an index of multi-attribute keys: equality on
// every partition-key attribute; the sort-key attributes left to right,
// equality on a prefix, and at most one other condition, on the last one
// used. It returns the range to read, less the part the start key esk
// (nil if absent, its values valid) has passed.
func planIndexQuery(ix *index, conds []keyCond, esk Item, forward bool) (keyRange, error) {
	if esk != nil && len(esk) != len(ix.names) {
		return keyRange{}, validationError(msgInvalidStartKey)
	}
	used := 0
	check := func(a keyAttr, isHash bool) (*keyCond, error) {
		c := condOn(conds, a.name)
		if c == nil {
			return nil, nil
		}
		used++
		return c, c.check(a, isHash)
	}
	var prefix []byte
	field := func(v Value) []byte {
		b, _ := appendKeyField(nil, v)
		return b
	}
	for _, a := range ix.hash {
		c, err := check(a, true)
		if err != nil {
			return keyRange{}, err
		}
		if c == nil {
			return keyRange{}, validationError("Query condition missed key schema element: " + a.name)
		}
		prefix = append(prefix, field(c.args[0])...)
	}
	rng := keyRange{hash: partitionHash(prefix), fields: true, loIncl: true, hiIncl: true}
	var last *keyCond
	for i, a := range ix.sort {
		c, err := check(a, false)
		if err != nil {
			return keyRange{}, err
		}
		switch {
		case c == nil:
			for _, later := range ix.sort[i+1:] {
				if condOn(conds, later.name) != nil {
					return keyRange{}, validationError("Query condition missed key schema element: " + a.name)
				}
			}
		case last != nil:
			return keyRange{}, validationError("Query key condition not supported")
		case c.op == ComparisonOperatorEq:
			prefix = append(prefix, field(c.args[0])...)
			continue
		default:
			last = c
		}
		if c == nil {
			break
		}
	}
	if used != len(conds) {
		if len(ix.sort) == 0 {
			return keyRange{}, validationError("Query key condition not supported")
		}
		for _, a := range ix.sort {
			if condOn(conds, a.name) == nil {
				return keyRange{}, validationError("Query condition missed key schema element: " + a.name)
			}
		}
		return keyRange{}, validationError("Query key condition not supported")
	}
	p := string(prefix)
	rng.lo, rng.hi = p, p
	if last != nil {
		at := func(i int) string { return p + string(field(last.args[i])) }
		switch last.op {
		case ComparisonOperatorLt, ComparisonOperatorLe:
			rng.hi, rng.hiIncl = at(0), last.op == ComparisonOperatorLe
		case ComparisonOperatorGt, ComparisonOperatorGe:
			rng.lo, rng.loIncl = at(0), last.op == ComparisonOperatorGe
		case ComparisonOperatorBetween:
			rng.lo, rng.hi = at(0), at(1)
		case ComparisonOperatorBeginsWith:
			rng.lo = at(0)
			// Every field from one of only 0xFF bytes on starts with it.
			if v := last.args[0].s; v != strings.Repeat("\xff", len(v)) {
				rng.hi, rng.hiIncl = p+string(appendField(nil, prefixEnd(v))), false
			}
		}
	}
	if esk != nil {
		start, err := ix.startKey(esk)
		if err != nil {
			return keyRange{}, err
		}
		if start.hash != rng.hash || rng.belowLo(start.key) || rng.aboveHi(start.key) {
			return keyRange{}, validationError("The provided starting key is outside query boundaries based on provided conditions")
		}
		if forward {
			rng.lo, rng.loIncl = start.key, false
		} else {
			rng.hi, rng.hiIncl = start.key, false
		}
	}
	return rng, nil
}
