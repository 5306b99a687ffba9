package ddbsim

import "context"

// PutItemInput is the input of PutItem.
type PutItemInput struct {
	TableName string
	// Item is the whole new item, key attributes included.
	Item Item
	// ReturnValues is NONE (default) or ALL_OLD.
	ReturnValues                ReturnValue
	ReturnConsumedCapacity      ReturnConsumedCapacity
	ReturnItemCollectionMetrics ReturnItemCollectionMetrics
}

// PutItemOutput is the output of PutItem.
type PutItemOutput struct {
	// Attributes is the replaced item with ReturnValues=ALL_OLD; nil if
	// there was none.
	Attributes       Item              `json:",omitzero"`
	ConsumedCapacity *ConsumedCapacity `json:",omitzero"`
}

// PutItem stores an item, replacing any item with the same key whole.
// Errors: ValidationException for an invalid item (AWS's messages: values,
// sizes over 400 KB, "Missing the key ...", "Type mismatch for key ..."),
// ResourceNotFoundException for a missing table. A rejected request
// changes nothing. Cost: O(log n) plus encoding the item, under the
// table's write lock.
func (db *DB) PutItem(ctx context.Context, in PutItemInput) (*PutItemOutput, error) {
	return dispatch(ctx, db, "PutItem", in.TableName, func() (*PutItemOutput, error) {
		var c constraints
		c.returnConsumedCapacity(in.ReturnConsumedCapacity)
		c.itemTableName(in.TableName)
		c.notNull(in.Item != nil, "item")
		c.returnValues(in.ReturnValues)
		c.returnItemCollectionMetrics(in.ReturnItemCollectionMetrics)
		if err := c.err(); err != nil {
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
		t := db.lookup(in.TableName)
		if t == nil {
			return nil, errTableNotFound()
		}
		k, err := t.schema.fromItem(in.Item)
		if err != nil {
			return nil, err
		}
		next := entry{tableKey: k, enc: enc, size: size}
		old, found, err := t.write(k, func(entry, bool) (change, error) {
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
