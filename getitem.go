package ddbsim

import (
	"context"
	"slices"
)

// GetItemInput is the input of GetItem.
type GetItemInput struct {
	TableName string
	// Key holds exactly the table's key attributes.
	Key Item
	// ConsistentRead reads the leader: never stale. By default reads are
	// eventually consistent and cost half.
	ConsistentRead bool
	// AttributesToGet (legacy) returns only these top-level attributes;
	// nil returns all.
	AttributesToGet        []string
	ReturnConsumedCapacity ReturnConsumedCapacity
}

// GetItemOutput is the output of GetItem.
type GetItemOutput struct {
	// Item is the item, nil if there is none; a fresh copy the caller
	// owns.
	Item             Item              `json:",omitzero"`
	ConsumedCapacity *ConsumedCapacity `json:",omitzero"`
}

// GetItem returns the item with the given key, or a nil Item if there is
// none. Errors: ValidationException for invalid input (AWS's messages,
// "The provided key element does not match the schema" for a Key that is
// not exactly the key attributes), ResourceNotFoundException for a missing
// table. Cost: O(log n) plus decoding the item; the read takes a replica's
// read lock only.
func (db *DB) GetItem(ctx context.Context, in GetItemInput) (*GetItemOutput, error) {
	return dispatch(ctx, db, "GetItem", in.TableName, func() (*GetItemOutput, error) {
		var c constraints
		c.itemTableName(in.TableName)
		c.notNull(in.Key != nil, "key")
		if in.AttributesToGet != nil && len(in.AttributesToGet) == 0 {
			c.fail(ptr("[]"), "attributesToGet", "Member must have length greater than or equal to 1")
		}
		c.returnConsumedCapacity(in.ReturnConsumedCapacity)
		if err := c.err(); err != nil {
			return nil, err
		}
		if err := checkValues(in.Key); err != nil {
			return nil, err
		}
		if err := checkAttributesToGet(in.AttributesToGet); err != nil {
			return nil, err
		}
		t := db.lookup(in.TableName)
		if t == nil {
			return nil, errTableNotFound()
		}
		k, err := t.schema.fromKey(in.Key)
		if err != nil {
			return nil, err
		}
		e, found := t.read(k, in.ConsistentRead)
		out := &GetItemOutput{ConsumedCapacity: consumed(in.ReturnConsumedCapacity, in.TableName, readUnits(e.size, in.ConsistentRead))}
		if !found {
			return out, nil
		}
		if in.AttributesToGet == nil {
			out.Item, err = decodeItem(e.enc)
		} else {
			out.Item, err = decodeItemFiltered(e.enc, func(name string) bool { return slices.Contains(in.AttributesToGet, name) })
		}
		return out, err
	})
}

// checkAttributesToGet rejects duplicate names in AttributesToGet.
func checkAttributesToGet(names []string) error {
	for i, n := range names {
		if slices.Contains(names[:i], n) {
			return validationError("One or more parameter values were invalid: Duplicate value in attribute name: " + n)
		}
	}
	return nil
}
