package ddbsim

import (
	"context"
	"slices"
	"strconv"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// TransactGetItemsInput is the input of TransactGetItems.
type TransactGetItemsInput struct {
	// TransactItems are the reads, 1 to MaxTransactionActions, at most
	// one of any item.
	TransactItems          []TransactGetItem
	ReturnConsumedCapacity ReturnConsumedCapacity
}

// TransactGetItem is one read of a TransactGetItems.
type TransactGetItem struct {
	Get *Get
}

// Get reads one item in a transaction, as GetItem does with
// ConsistentRead.
type Get struct {
	TableName string
	// Key holds exactly the table's key attributes.
	Key Item
	// ProjectionExpression returns only these document paths.
	ProjectionExpression     string            `json:",omitzero"`
	ExpressionAttributeNames map[string]string `json:",omitzero"`
}

// TransactGetItemsOutput is the output of TransactGetItems.
type TransactGetItemsOutput struct {
	// Responses holds one entry per Get, in order.
	Responses []ItemResponse
	// ConsumedCapacity has one entry per table, in name order, when the
	// request asked for it.
	ConsumedCapacity []ConsumedCapacity `json:",omitzero"`
}

// ItemResponse is the result of one Get: Item is nil when there is no
// such item.
type ItemResponse struct {
	Item Item `json:",omitzero"`
}

// TransactGetItems reads up to MaxTransactionActions items, over one or
// more tables, from one consistent snapshot of committed state: it holds
// the read locks of every table's leader replica at once while it reads,
// and a commit holds their write locks while it applies, so it never sees
// part of a TransactWriteItems (or of any other commit). Reads are
// strongly consistent.
//
// Errors: ValidationException for the request's faults (AWS's messages:
// the members' constraints, each Get's expression and key values as
// GetItem checks them, "Transaction request cannot include multiple
// operations on one item" for two Gets of one item, the items found over
// MaxTransactionBytes), ResourceNotFoundException for a missing table,
// TransactionCanceledException with a "ValidationError" reason for the
// first Key that does not match its table's schema ("None" for the
// others). Capacity, per table: twice a strongly consistent read, one
// unit a started 4 KB of each item (a miss costs the minimum). Cost:
// O(log n) and the projection's decoding per Get, under the read locks.
func (db *DB) TransactGetItems(ctx context.Context, in TransactGetItemsInput) (*TransactGetItemsOutput, error) {
	out, err := dispatchTables(ctx, db, "TransactGetItems", func(t string) bool {
		return slices.ContainsFunc(in.TransactItems, func(it TransactGetItem) bool { return it.Get != nil && it.Get.TableName == t })
	}, func() (*TransactGetItemsOutput, error) {
		var c constraints
		c.returnConsumedCapacity(in.ReturnConsumedCapacity)
		c.transactItems(in.TransactItems == nil, len(in.TransactItems), func() string { return transactEcho(in.TransactItems, "TransactGetItem") })
		for i, it := range in.TransactItems {
			p := "transactItems." + strconv.Itoa(i+1) + ".member.get"
			if it.Get == nil {
				c.notNull(false, p)
				continue
			}
			c.notNull(it.Get.Key != nil, p+".key")
			c.itemTableNameAt(it.Get.TableName, p+".tableName")
		}
		if err := c.err(); err != nil {
			return nil, err
		}
		gets := make([]txnGet, len(in.TransactItems))
		for i, it := range in.TransactItems {
			if err := db.checkGet(it.Get, &gets[i]); err != nil {
				return nil, err
			}
		}
		if reasons, err := db.locateGets(gets); err != nil || reasons != nil {
			return nil, orCancelled(err, reasons)
		}
		out := &TransactGetItemsOutput{Responses: make([]ItemResponse, len(gets))}
		total, err := readSnapshot(gets, out.Responses)
		if err != nil {
			return nil, err
		}
		if total > MaxTransactionBytes {
			return nil, errTransactionTooLarge
		}
		out.ConsumedCapacity = transactCapacity(in.ReturnConsumedCapacity, len(gets),
			func(i int) string { return gets[i].tableName },
			func(i int) float64 { return readUnits(gets[i].size, true) }, nil)
		return out, nil
	})
	return out, conflictReasons(err, func() []string {
		return mapTables(in.TransactItems, func(it *TransactGetItem) string {
			if it.Get == nil {
				return ""
			}
			return it.Get.TableName
		})
	})
}

// txnGet is one Get of a TransactGetItems, checked; size is the size of
// the item read.
type txnGet struct {
	tableName string
	key       Item
	proj      *projection
	t         *table
	k         tableKey
	size      int
}

// checkGet makes the checks of a Get that need no table, as GetItem
// makes them: the expression parameters, the key's values, the
// projection.
func (db *DB) checkGet(in *Get, g *txnGet) error {
	g.tableName, g.key = in.TableName, in.Key
	exprs := exprRequest{names: in.ExpressionAttributeNames, exprs: exprsOf(namedExpr{expr.Projection, in.ProjectionExpression})}
	if err := exprs.checkParams(); err != nil {
		return err
	}
	if err := checkValues(in.Key); err != nil {
		return err
	}
	var err error
	g.proj, err = db.readProjection(exprs, nil)
	return err
}

// locateGets finds each Get's table and key, with locateTargets' errors
// and reasons, and checks the projection against the table's key as
// GetItem does.
func (db *DB) locateGets(gets []txnGet) ([]CancellationReason, error) {
	targets, reasons, err := db.locateTargets(len(gets), func(i int) string { return gets[i].tableName }, func(i int, t *table) (tableKey, error) {
		k, err := t.schema.fromKey(gets[i].key)
		if err == nil {
			err = checkKeyPaths(t.schema, gets[i].proj, nil)
		}
		return k, err
	})
	for i, tg := range targets {
		gets[i].t, gets[i].k = tg.t, tg.k
	}
	return reasons, err
}

// readSnapshot reads every Get's item from its table's leader into
// responses, under the leaders' read locks taken all at once in commit
// order, and returns the items' total size (before projection).
func readSnapshot(gets []txnGet, responses []ItemResponse) (int, error) {
	plans := make([]plan, len(gets))
	for i := range gets {
		plans[i] = plan{t: gets[i].t, k: gets[i].k}
		gets[i].t.tick() // a read counts as one of the table's operations
	}
	tables := lockOrder(nil, plans)
	for _, t := range tables {
		t.leader().mu.RLock()
	}
	found := make([]bool, len(gets))
	entries := make([]entry, len(gets))
	for i := range gets {
		entries[i], found[i] = gets[i].t.leader().tree.Get(probe(gets[i].k))
	}
	for i := len(tables) - 1; i >= 0; i-- {
		tables[i].leader().mu.RUnlock()
	}
	total := 0
	for i := range gets {
		gets[i].size = entries[i].size()
		if !found[i] {
			continue
		}
		total += gets[i].size
		var err error
		if responses[i].Item, err = gets[i].proj.decode(entries[i].enc()); err != nil {
			return 0, err
		}
	}
	return total, nil
}
