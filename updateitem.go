package ddbsim

import (
	"context"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// UpdateItemInput is the input of UpdateItem.
type UpdateItemInput struct {
	TableName string
	// Key holds exactly the table's key attributes.
	Key Item
	// UpdateExpression is SET, REMOVE, ADD and DELETE actions; every
	// action reads the item as it was before the update.
	UpdateExpression string
	// ConditionExpression, if set, must hold on the stored item for the
	// update to happen.
	ConditionExpression       string
	ExpressionAttributeNames  map[string]string
	ExpressionAttributeValues map[string]Value
	// AttributeUpdates, Expected and ConditionalOperator are the legacy
	// forms; they cannot be mixed with expressions.
	AttributeUpdates    map[string]AttributeValueUpdate
	Expected            map[string]ExpectedAttributeValue
	ConditionalOperator ConditionalOperator
	// ReturnValues is NONE (default), ALL_OLD, UPDATED_OLD, ALL_NEW or
	// UPDATED_NEW.
	ReturnValues                        ReturnValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
	ReturnConsumedCapacity              ReturnConsumedCapacity
	ReturnItemCollectionMetrics         ReturnItemCollectionMetrics
}

// UpdateItemOutput is the output of UpdateItem.
type UpdateItemOutput struct {
	// Attributes holds what ReturnValues asked for; nil when that is
	// nothing (no old item for ALL_OLD, no touched path that existed for
	// UPDATED_OLD, ...).
	Attributes       Item              `json:",omitzero"`
	ConsumedCapacity *ConsumedCapacity `json:",omitzero"`
	// ItemCollectionMetrics is set with ReturnItemCollectionMetrics SIZE on
	// a table with local secondary indexes.
	ItemCollectionMetrics *ItemCollectionMetrics `json:",omitzero"`
}

// UpdateItem edits an item in place, creating it (with its key) if it is
// missing, unless the update only removes or deletes. Numbers are exact
// decimals: ADD 0.1 ten times makes 1. Errors: ValidationException for
// invalid input and for updates that cannot apply (AWS's messages: "The
// provided expression refers to an attribute that does not exist in the
// item", "An operand in the update expression has an incorrect data type",
// a key attribute updated, a result over 400 KB or out of the number
// range), ResourceNotFoundException, ConditionalCheckFailedException. A
// rejected request changes nothing. Cost: O(log n) plus decoding,
// updating and encoding the top-level attributes the update reads or
// writes (the whole item when ReturnValues is ALL_OLD or ALL_NEW); the
// rest of the item is copied as bytes. All of it under the table's write
// lock.
func (db *DB) UpdateItem(ctx context.Context, in UpdateItemInput) (*UpdateItemOutput, error) {
	return dispatch(ctx, db, "UpdateItem", in.TableName, func() (*UpdateItemOutput, error) {
		p := writeParams{table: in.TableName, names: in.ExpressionAttributeNames, values: in.ExpressionAttributeValues,
			expected: in.Expected, condOp: in.ConditionalOperator, rv: in.ReturnValues, rvoccf: in.ReturnValuesOnConditionCheckFailure,
			rcc: in.ReturnConsumedCapacity, ricm: in.ReturnItemCollectionMetrics, attributeUpdates: in.AttributeUpdates}
		if err := p.checkConstraints("key", in.Key != nil); err != nil {
			return nil, err
		}
		exprs := p.exprRequest(exprsOf(namedExpr{expr.Update, in.UpdateExpression}, conditionExpr(in.ConditionExpression)),
			legacy{"AttributeUpdates", in.AttributeUpdates != nil})
		if err := exprs.checkParams(); err != nil {
			return nil, err
		}
		located, err := db.lookupKey(in.TableName, in.Key)
		if err != nil {
			return nil, err
		}
		u, cond, err := db.checkUpdate(p, exprs)
		if err != nil {
			return nil, err
		}
		t, k, err := located.get()
		if err != nil {
			return nil, err
		}
		if err := u.checkTable(t); err != nil {
			return nil, err
		}
		var result updateResult
		defer func() { result.release() }()
		old, found, err := p.write(t, k, cond, func(old entry, found bool) (change, error) { return u.decide(t, k, in.Key, old, found, &result) })
		if err != nil {
			return nil, err
		}
		return &UpdateItemOutput{
			Attributes: result.returnValues(in.ReturnValues, u),
			ConsumedCapacity: t.consumedWrite(in.ReturnConsumedCapacity, in.TableName, writeUnits(max(result.oldSize, result.next.size())), old, found,
				func() (entry, bool) {
					if !result.write {
						return old, found
					}
					return result.next, true
				}),
			ItemCollectionMetrics: t.collectionMetrics(in.ReturnItemCollectionMetrics, k, in.Key),
		}, nil
	})
}

// checkUpdate makes UpdateItem's checks of a request's updates and
// expressions, after its key's values, in DynamoDB's order: the legacy
// AttributeUpdates, then the expressions. It returns the updater, ready
// for the ReturnValues asked, and the compiled condition (nil for none).
// A transaction's Update makes the same checks.
func (db *DB) checkUpdate(p writeParams, exprs exprRequest) (updater, *condition, error) {
	legacyUpd, err := checkAttributeUpdates(p.attributeUpdates)
	if err != nil {
		return updater{}, nil, err
	}
	cond, compiled, err := db.writeCondition(exprs, p.expected, p.condOp)
	if err != nil {
		return updater{}, nil, err
	}
	return updater{expr: compiled.update, env: &compiled.env, legacy: legacyUpd,
		keepOld: p.rv == ReturnValueAllOld || p.rv == ReturnValueUpdatedOld,
		whole:   p.rv == ReturnValueAllOld || p.rv == ReturnValueAllNew}, cond, nil
}

// decide computes the update of the item stored under k in t (found
// false: none; key is the request's Key) into result, and returns the
// change to commit: none when the update stores nothing. Its errors are
// the ValidationExceptions of an update that cannot apply, its index
// keys' included. The checks of an updated item against its table belong
// here: a transaction's Update makes them too.
func (u *updater) decide(t *table, k tableKey, key Item, old entry, found bool, result *updateResult) (change, error) {
	var err error
	*result, err = u.apply(k, key, old, found)
	if err != nil || !result.write {
		return change{keep: true}, err
	}
	if err := t.checkEntryIndexKeys(result.next); err != nil {
		return change{keep: true}, err
	}
	return change{next: result.next}, nil
}

// checkTable makes the checks of an update against its table t before
// anything is read: no key attribute updated, no path inside an index
// key. A transaction's Update makes them too.
func (u *updater) checkTable(t *table) error {
	if err := u.checkKeyAttributes(t.schema); err != nil {
		return err
	}
	return u.checkIndexKeyPaths(t)
}
