package ddbsim

import "context"

// DeleteItemInput is the input of DeleteItem.
type DeleteItemInput struct {
	TableName string
	// Key holds exactly the table's key attributes.
	Key Item
	// ConditionExpression, if set, must hold on the stored item for the
	// delete to happen.
	ConditionExpression       string
	ExpressionAttributeNames  map[string]string
	ExpressionAttributeValues map[string]Value
	// Expected and ConditionalOperator are the legacy form of
	// ConditionExpression.
	Expected            map[string]ExpectedAttributeValue
	ConditionalOperator ConditionalOperator
	// ReturnValues is NONE (default) or ALL_OLD.
	ReturnValues                        ReturnValue
	ReturnValuesOnConditionCheckFailure ReturnValuesOnConditionCheckFailure
	ReturnConsumedCapacity              ReturnConsumedCapacity
	ReturnItemCollectionMetrics         ReturnItemCollectionMetrics
}

// DeleteItemOutput is the output of DeleteItem.
type DeleteItemOutput struct {
	// Attributes is the deleted item with ReturnValues=ALL_OLD; nil if
	// there was none.
	Attributes       Item              `json:",omitzero"`
	ConsumedCapacity *ConsumedCapacity `json:",omitzero"`
	// ItemCollectionMetrics is set with ReturnItemCollectionMetrics SIZE on
	// a table with local secondary indexes.
	ItemCollectionMetrics *ItemCollectionMetrics `json:",omitzero"`
}

func (in *DeleteItemInput) params() writeParams {
	return writeParams{table: in.TableName, names: in.ExpressionAttributeNames, values: in.ExpressionAttributeValues,
		expected: in.Expected, condOp: in.ConditionalOperator, rv: in.ReturnValues, rvoccf: in.ReturnValuesOnConditionCheckFailure,
		rcc: in.ReturnConsumedCapacity, ricm: in.ReturnItemCollectionMetrics}
}

// DeleteItem deletes the item with the given key if its condition holds;
// deleting a missing item succeeds and changes nothing. Errors as PutItem,
// with "The provided key element does not match the schema" for a Key
// that is not exactly the key attributes. Cost: O(log n) under the
// table's write lock.
func (db *DB) DeleteItem(ctx context.Context, in DeleteItemInput) (*DeleteItemOutput, error) {
	return dispatch(ctx, db, "DeleteItem", in.TableName, func() (*DeleteItemOutput, error) {
		p := in.params()
		if err := p.checkConstraints("key", in.Key != nil); err != nil {
			return nil, err
		}
		exprs := p.exprRequest(exprsOf(conditionExpr(in.ConditionExpression)))
		if err := exprs.checkParams(); err != nil {
			return nil, err
		}
		located, err := db.lookupKey(in.TableName, in.Key)
		if err != nil {
			return nil, err
		}
		if !allOldOrNone(in.ReturnValues) {
			return nil, errOnlyAllOldOrNone
		}
		cond, _, err := db.writeCondition(exprs, in.Expected, in.ConditionalOperator)
		if err != nil {
			return nil, err
		}
		t, k, err := located.get()
		if err != nil {
			return nil, err
		}
		old, found, err := p.write(t, k, cond, func(_ entry, found bool) (change, error) { return deletion(found), nil })
		if err != nil {
			return nil, err
		}
		attrs, err := p.allOld(old, found)
		return &DeleteItemOutput{Attributes: attrs,
			ConsumedCapacity: t.consumedWrite(in.ReturnConsumedCapacity, in.TableName, writeUnits(old.size()), old, found,
				func() (entry, bool) { return entry{}, false }),
			ItemCollectionMetrics: t.collectionMetrics(in.ReturnItemCollectionMetrics, k, in.Key)}, err
	})
}

// deletion is the change a delete makes: it removes the item, if there is
// one (found).
func deletion(found bool) change { return change{remove: true, keep: !found} }
