package ddbsim

import (
	"context"
	"slices"
	"strconv"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// MaxTransactionActions is the most actions one TransactWriteItems or
// TransactGetItems may hold.
const MaxTransactionActions = 100

// MaxTransactionBytes is the most one transaction may carry: the
// request's items, keys and expressions for TransactWriteItems, the items
// read for TransactGetItems. 4 MB.
const MaxTransactionBytes = 4 << 20

// TransactWriteItemsInput is the input of TransactWriteItems.
type TransactWriteItemsInput struct {
	// TransactItems are the actions, 1 to MaxTransactionActions, at most
	// one on any item.
	TransactItems []TransactWriteItem
	// ClientRequestToken, 1 to 36 characters, makes the transaction
	// idempotent for ten minutes of the DB's clock after it first
	// succeeds; "" means none.
	ClientRequestToken          string
	ReturnConsumedCapacity      ReturnConsumedCapacity
	ReturnItemCollectionMetrics ReturnItemCollectionMetrics
}

// TransactWriteItem is one action of a TransactWriteItems: exactly one of
// ConditionCheck, Put, Delete and Update.
type TransactWriteItem struct {
	ConditionCheck *ConditionCheck `json:",omitzero"`
	Put            *Put            `json:",omitzero"`
	Delete         *Delete         `json:",omitzero"`
	Update         *Update         `json:",omitzero"`
}

// ConditionCheck checks a condition on an item without writing it: the
// transaction happens only if it holds.
type ConditionCheck struct {
	TableName string
	// Key holds exactly the table's key attributes.
	Key Item
	// ConditionExpression is required.
	ConditionExpression                 string
	ExpressionAttributeNames            map[string]string                   `json:",omitzero"`
	ExpressionAttributeValues           map[string]Value                    `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// Put is a transaction's PutItem: it stores Item whole, if its condition
// holds.
type Put struct {
	TableName                           string
	Item                                Item
	ConditionExpression                 string                              `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                   `json:",omitzero"`
	ExpressionAttributeValues           map[string]Value                    `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// Delete is a transaction's DeleteItem: it deletes the item with Key, if
// its condition holds.
type Delete struct {
	TableName                           string
	Key                                 Item
	ConditionExpression                 string                              `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                   `json:",omitzero"`
	ExpressionAttributeValues           map[string]Value                    `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// Update is a transaction's UpdateItem: it edits (or creates) the item
// with Key by UpdateExpression (required), if its condition holds.
type Update struct {
	TableName                           string
	Key                                 Item
	UpdateExpression                    string
	ConditionExpression                 string                              `json:",omitzero"`
	ExpressionAttributeNames            map[string]string                   `json:",omitzero"`
	ExpressionAttributeValues           map[string]Value                    `json:",omitzero"`
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure `json:",omitzero"`
}

// TransactWriteItemsOutput is the output of TransactWriteItems.
type TransactWriteItemsOutput struct {
	// ConsumedCapacity has one entry per table, in name order, when the
	// request asked for it.
	ConsumedCapacity []ConsumedCapacity `json:",omitzero"`
	// ItemCollectionMetrics has, with ReturnItemCollectionMetrics SIZE,
	// for each table with local secondary indexes, one entry per item
	// collection the transaction wrote.
	ItemCollectionMetrics map[string][]ItemCollectionMetrics `json:",omitzero"`
}

// TransactWriteItems makes up to MaxTransactionActions writes and
// condition checks, over one or more tables, all or none: one commit
// decides every action (every condition is evaluated) and applies them
// together, under every involved table's locks, so no reader ever sees
// part of it. It is serializable with every other write and with GetItem
// and TransactGetItems.
//
// Errors, before anything is written: ValidationException for the
// request's faults (AWS's messages and order: the members' constraints,
// each action's expressions and values as PutItem, UpdateItem and
// DeleteItem check them, "Transaction request cannot include multiple
// operations on one item"), ResourceNotFoundException for a missing
// table. TransactionCanceledException when the transaction is refused as
// a whole: its CancellationReasons hold one reason per action, in order
// ("None", "ConditionalCheckFailed" with the item when that action's
// ReturnValuesOnConditionCheckFailure is ALL_OLD, or the first
// "ValidationError": a key that does not match its table's schema, an
// update that cannot apply). With a ClientRequestToken, a repeat of a
// transaction that succeeded within the last ten minutes (DB clock)
// succeeds without writing again and reports read units;
// IdempotentParameterMismatchException if its parameters differ,
// TransactionInProgressException while the first is still running.
//
// Capacity, per table: twice what each write would cost alone (one unit a
// started 1 KB of the larger of the old and new item), and twice a
// strongly consistent read for a ConditionCheck. Cost: each action's
// checks, O(log n) per action, under the write locks of every table
// involved.
func (db *DB) TransactWriteItems(ctx context.Context, in TransactWriteItemsInput) (*TransactWriteItemsOutput, error) {
	out, err := dispatchTables(ctx, db, "TransactWriteItems", func(t string) bool { return writesTable(in.TransactItems, t) }, func() (*TransactWriteItemsOutput, error) {
		if err := checkTransactWriteShape(&in); err != nil {
			return nil, err
		}
		if in.ClientRequestToken == "" {
			return db.transactWrite(&in)
		}
		return db.tokens.run(db, &in)
	})
	return out, conflictReasons(err, func() []string { return mapTables(in.TransactItems, (*TransactWriteItem).tableName) })
}

// mapTables returns the table of each of a transaction's actions.
func mapTables[A any](actions []A, table func(*A) string) []string {
	out := make([]string, len(actions))
	for i := range actions {
		out[i] = table(&actions[i])
	}
	return out
}

// writesTable reports whether an action of items names the table.
func writesTable(items []TransactWriteItem, table string) bool {
	return slices.ContainsFunc(items, func(it TransactWriteItem) bool { return it.tableName() == table })
}

// tableName returns the action's table, "" if it has no action.
func (it *TransactWriteItem) tableName() string {
	switch {
	case it.ConditionCheck != nil:
		return it.ConditionCheck.TableName
	case it.Put != nil:
		return it.Put.TableName
	case it.Delete != nil:
		return it.Delete.TableName
	case it.Update != nil:
		return it.Update.TableName
	}
	return ""
}

// checkTransactWriteShape makes the checks DynamoDB's front end makes
// first and reports together, members in name order: the token's length,
// the enums, the list's length and each action's members; then that each
// item holds exactly one action.
func checkTransactWriteShape(in *TransactWriteItemsInput) error {
	var c constraints
	c.clientRequestToken(in.ClientRequestToken)
	c.returnConsumedCapacity(in.ReturnConsumedCapacity)
	c.returnItemCollectionMetrics(in.ReturnItemCollectionMetrics)
	c.transactItems(in.TransactItems == nil, len(in.TransactItems), func() string { return transactEcho(in.TransactItems, "TransactWriteItem") })
	for i := range in.TransactItems {
		in.TransactItems[i].checkMembers(&c, "transactItems."+strconv.Itoa(i+1)+".member.")
	}
	if err := c.err(); err != nil {
		return err
	}
	for i := range in.TransactItems {
		if in.TransactItems[i].count() != 1 {
			return validationError("TransactItems can only contain one of Check, Put, Update or Delete")
		}
	}
	return nil
}

// count is the number of actions the item holds.
func (it *TransactWriteItem) count() int {
	n := 0
	for _, set := range [...]bool{it.ConditionCheck != nil, it.Put != nil, it.Delete != nil, it.Update != nil} {
		if set {
			n++
		}
	}
	return n
}

// checkMembers records the constraint violations of the item's actions'
// members, under path ("transactItems.1.member."), members in name order.
func (it *TransactWriteItem) checkMembers(c *constraints, path string) {
	if a := it.ConditionCheck; a != nil {
		p := path + "conditionCheck."
		c.notNull(a.ConditionExpression != "", p+"conditionExpression")
		c.notNull(a.Key != nil, p+"key")
		c.enum(string(a.ReturnValuesOnConditionCheckFailure), p+"returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE")
		c.itemTableNameAt(a.TableName, p+"tableName")
	}
	if a := it.Delete; a != nil {
		p := path + "delete."
		c.notNull(a.Key != nil, p+"key")
		c.enum(string(a.ReturnValuesOnConditionCheckFailure), p+"returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE")
		c.itemTableNameAt(a.TableName, p+"tableName")
	}
	if a := it.Put; a != nil {
		p := path + "put."
		c.notNull(a.Item != nil, p+"item")
		c.enum(string(a.ReturnValuesOnConditionCheckFailure), p+"returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE")
		c.itemTableNameAt(a.TableName, p+"tableName")
	}
	if a := it.Update; a != nil {
		p := path + "update."
		c.notNull(a.Key != nil, p+"key")
		c.enum(string(a.ReturnValuesOnConditionCheckFailure), p+"returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE")
		c.itemTableNameAt(a.TableName, p+"tableName")
		c.notNull(a.UpdateExpression != "", p+"updateExpression")
	}
}

// txnWrite is one action of a TransactWriteItems, checked: its table and
// key, its condition, and what it does once the condition holds.
type txnWrite struct {
	tableName string
	key       Item // the Key, or the Put's Item
	rvoccf    ReturnValuesOnConditionCheckFailure
	cond      *condition
	check     bool // a ConditionCheck: nothing written
	update    *updater
	result    updateResult // the update's, once decided
	w         batchWrite   // a Put's encoded item, or a Delete; w.k is every action's key
	t         *table
	bytes     int // what the action carries, towards MaxTransactionBytes
}

// transactWrite runs a TransactWriteItems whose shape was checked.
func (db *DB) transactWrite(in *TransactWriteItemsInput) (*TransactWriteItemsOutput, error) {
	acts := make([]txnWrite, len(in.TransactItems))
	total := 0
	for i := range in.TransactItems {
		if err := db.checkAction(&in.TransactItems[i], &acts[i]); err != nil {
			return nil, err
		}
		total += acts[i].bytes
	}
	if total > MaxTransactionBytes {
		return nil, errTransactionTooLarge
	}
	reasons, err := db.locateWrites(acts)
	if err != nil || reasons != nil {
		return nil, orCancelled(err, reasons)
	}

	plans := make([]plan, len(acts))
	for i := range acts {
		plans[i] = plan{t: acts[i].t, k: acts[i].w.k}
	}
	outs := make([]outcome, len(acts))
	defer func() {
		for i := range acts {
			acts[i].result.release()
		}
	}()
	decide := func(i int, old entry, found bool) (change, error) { return acts[i].decide(old, found) }
	if wait := commit(lockOrder(nil, plans), plans, decide, outs, true); wait != nil {
		if err := wait(); err != nil {
			return nil, err
		}
	}
	if err := cancellationOf(outs); err != nil {
		return nil, err
	}
	var writes []*txnWrite
	for i := range acts {
		if !acts[i].check {
			writes = append(writes, &acts[i])
		}
	}
	metrics := collectionMetricsOf(in.ReturnItemCollectionMetrics, len(writes), func(i int) (*table, string, tableKey, Item) {
		return writes[i].t, writes[i].tableName, writes[i].w.k, writes[i].key
	})
	return &TransactWriteItemsOutput{ItemCollectionMetrics: metrics, ConsumedCapacity: transactCapacity(in.ReturnConsumedCapacity, len(acts),
		func(i int) string { return acts[i].tableName },
		func(i int) float64 {
			if acts[i].check {
				return readUnits(outs[i].old.size(), true)
			}
			return writeUnits(max(outs[i].old.size(), outs[i].new.size()))
		},
		func(i int) indexUnits {
			if acts[i].check || len(acts[i].t.indexes()) == 0 {
				return indexUnits{}
			}
			o := &outs[i]
			return acts[i].t.indexWriteUnits(o.old, o.found, o.new, o.exists)
		})}, nil
}

// checkAction makes the checks of one action that need no table, with
// the operation's own checks (PutItem's, UpdateItem's, DeleteItem's), in
// their order; every fault is the request's (a ValidationException).
func (db *DB) checkAction(it *TransactWriteItem, a *txnWrite) error {
	var err error
	var p writeParams
	var exprs exprRequest
	switch {
	case it.Put != nil:
		x := it.Put
		a.tableName, a.key, a.rvoccf = x.TableName, x.Item, x.ReturnValuesOnConditionCheckFailure
		p = writeParams{table: x.TableName, names: x.ExpressionAttributeNames, values: x.ExpressionAttributeValues}
		enc := &encoder{}
		if a.cond, err = db.checkPut(p, x.Item, x.ConditionExpression, enc); err != nil {
			return err
		}
		a.w = batchWrite{put: true, item: x.Item, enc: enc.buf, size: enc.size}
		a.bytes = enc.size + len(x.ConditionExpression)
		return nil
	case it.Update != nil:
		x := it.Update
		a.tableName, a.key, a.rvoccf = x.TableName, x.Key, x.ReturnValuesOnConditionCheckFailure
		p = writeParams{table: x.TableName, names: x.ExpressionAttributeNames, values: x.ExpressionAttributeValues}
		exprs = p.exprRequest(exprsOf(namedExpr{expr.Update, x.UpdateExpression}, conditionExpr(x.ConditionExpression)))
		a.bytes = len(x.UpdateExpression) + len(x.ConditionExpression)
	case it.Delete != nil:
		x := it.Delete
		a.tableName, a.key, a.rvoccf = x.TableName, x.Key, x.ReturnValuesOnConditionCheckFailure
		p = writeParams{table: x.TableName, names: x.ExpressionAttributeNames, values: x.ExpressionAttributeValues}
		exprs = p.exprRequest(exprsOf(conditionExpr(x.ConditionExpression)))
		a.bytes = len(x.ConditionExpression)
	default:
		x := it.ConditionCheck
		a.tableName, a.key, a.rvoccf, a.check = x.TableName, x.Key, x.ReturnValuesOnConditionCheckFailure, true
		p = writeParams{table: x.TableName, names: x.ExpressionAttributeNames, values: x.ExpressionAttributeValues}
		exprs = p.exprRequest(exprsOf(conditionExpr(x.ConditionExpression)))
		a.bytes = len(x.ConditionExpression)
	}
	if err := exprs.checkParams(); err != nil {
		return err
	}
	size, err := a.key.Size() // the values' checks, as DeleteItem's and UpdateItem's lookupKey make them
	if err != nil {
		return err
	}
	a.bytes += size
	if it.Update != nil {
		u, cond, err := db.checkUpdate(p, exprs)
		if err != nil {
			return err
		}
		a.update, a.cond = &u, cond
		return nil
	}
	a.cond, _, err = db.writeCondition(exprs, nil, "")
	return err
}

// locateWrites finds each action's table and key, with locateTargets'
// errors and reasons: a Put's item is checked against its table as
// PutItem checks it (its index keys included), an Update as UpdateItem
// checks it.
func (db *DB) locateWrites(acts []txnWrite) ([]CancellationReason, error) {
	targets, reasons, err := db.locateTargets(len(acts), func(i int) string { return acts[i].tableName }, func(i int, t *table) (tableKey, error) {
		a := &acts[i]
		if a.w.put {
			return putKey(t, a.key, itemSlots{})
		}
		k, err := t.schema.fromKey(a.key)
		if err == nil && a.update != nil {
			err = a.update.checkTable(t)
		}
		return k, err
	})
	for i, tg := range targets {
		acts[i].t, acts[i].w.k = tg.t, tg.k
	}
	return reasons, err
}

// decide decides the action's plan: its condition must hold on the
// stored item, then a Put replaces it, a Delete removes it, an Update
// edits it and a ConditionCheck leaves it as it is.
func (a *txnWrite) decide(old entry, found bool) (change, error) {
	if err := conditionHolds(a.cond, old, found, a.rvoccf); err != nil {
		return change{}, err
	}
	switch {
	case a.check:
		return change{keep: true}, nil
	case a.update != nil:
		return a.update.decide(a.t, a.w.k, a.key, old, found, &a.result)
	}
	return a.w.decide(old, found)
}

// clientRequestToken validates a transaction's token: 1 to 36
// characters ("" is none).
func (c *constraints) clientRequestToken(token string) {
	if len(token) > 36 {
		c.fail(&token, "clientRequestToken", "Member must have length less than or equal to 36")
	}
}

// transactItems validates a transaction's action list (isNil when it is
// absent) and its length n; echo renders it as AWS's messages quote it.
func (c *constraints) transactItems(isNil bool, n int, echo func() string) {
	switch {
	case isNil:
		c.failAs(nil, "transactItems", "TransactItems", "Member must not be null")
	case n == 0:
		v := "[]"
		c.failAs(&v, "transactItems", "TransactItems", "Member must have length greater than or equal to 1")
	case n > MaxTransactionActions:
		v := echo()
		c.failAs(&v, "transactItems", "TransactItems", "Member must have length less than or equal to "+strconv.Itoa(MaxTransactionActions))
	}
}

// transactEcho renders a transaction's actions as AWS's messages quote
// them: [com.amazonaws.dynamodb.v20120810.TransactWriteItem@1a2b3c4d, ...].
func transactEcho[T any](items []T, class string) string {
	parts := make([]byte, 0, len(items)*64)
	parts = append(parts, '[')
	for i := range items {
		if i > 0 {
			parts = append(parts, ", "...)
		}
		parts = append(parts, javaObject(class, strconv.Itoa(i))...)
	}
	return string(append(parts, ']'))
}
