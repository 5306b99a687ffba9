package ddbsim

import "context"

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

func (in *PutItemInput) params() writeParams {
	return writeParams{table: in.TableName, names: in.ExpressionAttributeNames, values: in.ExpressionAttributeValues,
		expected: in.Expected, condOp: in.ConditionalOperator, rv: in.ReturnValues, rvoccf: in.ReturnValuesOnConditionCheckFailure,
		rcc: in.ReturnConsumedCapacity, ricm: in.ReturnItemCollectionMetrics}
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
		p := in.params()
		if err := p.checkConstraints("item", in.Item != nil); err != nil {
			return nil, err
		}
		exprs := p.exprRequest(exprsOf(conditionExpr(in.ConditionExpression)))
		if err := exprs.checkParams(); err != nil {
			return nil, err
		}
		enc := getEncoder()
		defer putEncoder(enc)
		if err := enc.item(in.Item); err != nil {
			return nil, err
		}
		size := enc.size
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
		if err := t.checkItemIndexKeys(in.Item); err != nil {
			return nil, err
		}
		old, found, err := p.write(t, k, cond, func(entry, bool) (change, error) { return change{next: newEntry(k, enc.buf, size)}, nil })
		if err != nil {
			return nil, err
		}
		attrs, err := p.allOld(old, found)
		return &PutItemOutput{Attributes: attrs,
			ConsumedCapacity: consumed(in.ReturnConsumedCapacity, in.TableName, writeUnits(max(old.size(), size)))}, err
	})
}
