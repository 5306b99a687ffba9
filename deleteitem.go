package ddbsim

import "context"

// DeleteItemInput is the input of DeleteItem.
type DeleteItemInput struct {
	TableName string
	// Key holds exactly the table's key attributes.
	Key Item
	// ReturnValues is NONE (default) or ALL_OLD.
	ReturnValues                ReturnValue
	ReturnConsumedCapacity      ReturnConsumedCapacity
	ReturnItemCollectionMetrics ReturnItemCollectionMetrics
}

// DeleteItemOutput is the output of DeleteItem.
type DeleteItemOutput struct {
	// Attributes is the deleted item with ReturnValues=ALL_OLD; nil if
	// there was none.
	Attributes       Item              `json:",omitzero"`
	ConsumedCapacity *ConsumedCapacity `json:",omitzero"`
}

// DeleteItem deletes the item with the given key; deleting a missing item
// succeeds and changes nothing. Errors as GetItem. Cost: O(log n) under
// the table's write lock.
func (db *DB) DeleteItem(ctx context.Context, in DeleteItemInput) (*DeleteItemOutput, error) {
	return dispatch(ctx, db, "DeleteItem", in.TableName, func() (*DeleteItemOutput, error) {
		var c constraints
		c.returnConsumedCapacity(in.ReturnConsumedCapacity)
		c.itemTableName(in.TableName)
		c.notNull(in.Key != nil, "key")
		c.returnValues(in.ReturnValues)
		c.returnItemCollectionMetrics(in.ReturnItemCollectionMetrics)
		if err := c.err(); err != nil {
			return nil, err
		}
		if err := checkValues(in.Key); err != nil {
			return nil, err
		}
		if !allOldOrNone(in.ReturnValues) {
			return nil, errOnlyAllOldOrNone
		}
		t := db.lookup(in.TableName)
		if t == nil {
			return nil, errTableNotFound()
		}
		k, err := t.schema.fromKey(in.Key)
		if err != nil {
			return nil, err
		}
		old, found, err := t.write(k, func(_ entry, found bool) (change, error) {
			return change{remove: true, keep: !found}, nil
		})
		if err != nil {
			return nil, err
		}
		out := &DeleteItemOutput{ConsumedCapacity: consumed(in.ReturnConsumedCapacity, in.TableName, writeUnits(old.size))}
		if found && in.ReturnValues == ReturnValueAllOld {
			if out.Attributes, err = decodeItem(old.enc); err != nil {
				return nil, err
			}
		}
		return out, nil
	})
}
