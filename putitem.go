package ddbsim

import (
	"context"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// PutItemInput is the input of PutItem.
type PutItemInput struct {
	TableName string
	// Item is the whole new item, key attributes included.
	Item Item
	// ConditionExpression, if set, must hold on the stored item (on no
	// item, every attribute is absent) for the put to happen.
	ConditionExpression       string
	ExpressionAttributeNames  map[string]string
	ExpressionAttributeValues map[string]Value
	// Expected and ConditionalOperator are the legacy form of
	// ConditionExpression; they cannot be mixed with expressions.
	Expected            map[string]ExpectedAttributeValue
	ConditionalOperator ConditionalOperator
	// ReturnValues is NONE (default) or ALL_OLD.
	ReturnValues                        ReturnValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
	ReturnConsumedCapacity              ReturnConsumedCapacity
	ReturnItemCollectionMetrics         ReturnItemCollectionMetrics
}

// PutItemOutput is the output of PutItem.
type PutItemOutput struct {
	// Attributes is the replaced item with ReturnValues=ALL_OLD; nil if
	// there was none.
	Attributes       Item              `json:",omitzero"`
	ConsumedCapacity *ConsumedCapacity `json:",omitzero"`
}

// PutItem stores an item, replacing any item with the same key whole, if
// its condition holds. Errors: ValidationException for invalid input
// (AWS's messages: values, sizes over 400 KB, "Missing the key ...",
// expressions), ResourceNotFoundException for a missing table,
// ConditionalCheckFailedException when the condition does not hold (with
// the stored item if ReturnValuesOnConditionCheckFailure is ALL_OLD). A
// rejected request changes nothing. Cost: O(log n) plus encoding the item
// and evaluating the condition, under the table's write lock.
func (db *DB) PutItem(ctx context.Context, in PutItemInput) (*PutItemOutput, error) {
	return dispatch(ctx, db, "PutItem", in.TableName, func() (*PutItemOutput, error) {
		var c constraints
		c.returnConsumedCapacity(in.ReturnConsumedCapacity)
		c.itemTableName(in.TableName)
		c.notNull(in.Item != nil, "item")
		c.expected(in.Expected, in.ConditionalOperator)
		c.returnValues(in.ReturnValues)
		c.returnItemCollectionMetrics(in.ReturnItemCollectionMetrics)
		c.returnValuesOnConditionCheckFailure(in.ReturnValuesOnConditionCheckFailure)
		if err := c.err(); err != nil {
			return nil, err
		}
		exprs := exprRequest{
			names: in.ExpressionAttributeNames, values: in.ExpressionAttributeValues,
			exprs:  []namedExpr{{expr.Condition, in.ConditionExpression}},
			legacy: legacyParams(legacy{"Expected", in.Expected != nil}, legacy{"ConditionalOperator", in.ConditionalOperator != ""}),
		}
		if err := exprs.checkParams(); err != nil {
			return nil, err
		}
		enc, size, err := encodeItem(in.Item)
		if err != nil {
			return nil, err
		}
		if !allOldOrNone(in.ReturnValues) {
			return nil, errOnlyAllOldOrNone
		}
		if size > MaxItemSize {
			return nil, validationError("Item size has exceeded the maximum allowed size")
		}
		cond, _, err := db.writeCondition(exprs, in.Expected, in.ConditionalOperator)
		if err != nil {
			return nil, err
		}
		t := db.lookup(in.TableName)
		if t == nil {
			return nil, errTableNotFound()
		}
		k, err := t.schema.fromItem(in.Item)
		if err != nil {
			return nil, err
		}
		next := entry{tableKey: k, enc: enc, size: size}
		old, found, err := t.write(k, func(old entry, found bool) (change, error) {
			if ok, err := cond.holds(old, found); err != nil || !ok {
				return change{}, orConditionFailed(err, old, found, in.ReturnValuesOnConditionCheckFailure)
			}
			return change{next: next}, nil
		})
		if err != nil {
			return nil, err
		}
		out := &PutItemOutput{ConsumedCapacity: consumed(in.ReturnConsumedCapacity, in.TableName, writeUnits(max(old.size, size)))}
		if found && in.ReturnValues == ReturnValueAllOld {
			if out.Attributes, err = decodeItem(old.enc); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
}
