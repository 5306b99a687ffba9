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
	// ItemCollectionMetrics is set with ReturnItemCollectionMetrics SIZE on
	// a table with local secondary indexes.
	ItemCollectionMetrics *ItemCollectionMetrics `json:",omitzero"`
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
		enc := getEncoder()
		defer putEncoder(enc)
		t := db.lookup(in.TableName)
		if t != nil {
			enc.capture(t.meta().stored) // what the indexes read of the item, as encoding it meets it
		}
		cond, err := db.checkPut(p, in.Item, in.ConditionExpression, enc)
		if err != nil {
			return nil, err
		}
		size := enc.size
		if t == nil {
			return nil, errTableNotFound()
		}
		k, err := putKey(t, in.Item, enc.slots)
		if err != nil {
			return nil, err
		}
		old, found, err := p.write(t, k, cond, func(entry, bool) (change, error) {
			return change{next: newEntry(k, enc.buf, size), slots: enc.slots}, nil
		})
		if err != nil {
			return nil, err
		}
		attrs, err := p.allOld(old, found)
		return &PutItemOutput{Attributes: attrs,
			ConsumedCapacity: t.consumedWrite(in.ReturnConsumedCapacity, in.TableName, writeUnits(max(old.size(), size)), old, found,
				func() (entry, bool) { return newEntry(k, enc.buf, size), true }),
			ItemCollectionMetrics: t.collectionMetrics(in.ReturnItemCollectionMetrics, k, in.Item)}, err
	})
}

// checkPut makes PutItem's checks of a request, after its shape's, that
// need no table, in DynamoDB's order: the expression parameters, the
// item's values (encoded into enc, which then holds its encoding and
// size), ReturnValues, the item's size, the expressions. It returns the
// compiled condition (nil for none). A transaction's Put makes the same
// checks.
func (db *DB) checkPut(p writeParams, item Item, conditionExpression string, enc *encoder) (*condition, error) {
	exprs := p.exprRequest(exprsOf(conditionExpr(conditionExpression)))
	if err := exprs.checkParams(); err != nil {
		return nil, err
	}
	if err := enc.item(item); err != nil {
		return nil, err
	}
	if !allOldOrNone(p.rv) {
		return nil, errOnlyAllOldOrNone
	}
	if enc.size > MaxItemSize {
		return nil, validationError("Item size has exceeded the maximum allowed size")
	}
	cond, _, err := db.writeCondition(exprs, p.expected, p.condOp)
	return cond, err
}

// putKey locates a put item in t: its primary key, with AWS's messages
// for a key attribute missing or of the wrong type, then its index keys'
// types and values, read from slots if they are in the layout of the
// table's indexes now (PutItem's encoder captured them), else from the
// item. The checks of an item against its table belong here: a
// transaction's Put makes them too (and reports them as a cancellation
// reason, see schemaFault).
func putKey(t *table, item Item, slots itemSlots) (tableKey, error) {
	k, err := t.schema.fromItem(item)
	if err != nil {
		return tableKey{}, err
	}
	if m := t.meta(); m.stored != nil && slots.layout == m.stored {
		return k, m.checkIndexKeys(slots.vals)
	}
	return k, t.checkItemIndexKeys(item)
}
