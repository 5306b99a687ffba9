package ddbsim

import (
	"context"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// GetItemInput is the input of GetItem.
type GetItemInput struct {
	TableName string
	// Key holds exactly the table's key attributes.
	Key Item
	// ConsistentRead reads the leader: never stale. By default reads are
	// eventually consistent and cost half.
	ConsistentRead bool
	// ProjectionExpression returns only these document paths, with their
	// nesting; key attributes are not added.
	ProjectionExpression     string
	ExpressionAttributeNames map[string]string
	// AttributesToGet is the legacy form of ProjectionExpression:
	// top-level names only.
	AttributesToGet        []string
	ReturnConsumedCapacity ReturnConsumedCapacity
}

// GetItemOutput is the output of GetItem.
type GetItemOutput struct {
	// Item is the item, nil if there is none; a fresh copy the caller
	// owns. With a projection that matches nothing it is empty, not nil.
	Item             Item              `json:",omitzero"`
	ConsumedCapacity *ConsumedCapacity `json:",omitzero"`
}

// GetItem returns the item with the given key, or a nil Item if there is
// none. Errors: ValidationException for invalid input (AWS's messages,
// "The provided key element does not match the schema" for a Key that is
// not exactly the key attributes), ResourceNotFoundException for a missing
// table. Cost: O(log n) plus decoding the projected attributes; the read
// takes a replica's read lock only.
func (db *DB) GetItem(ctx context.Context, in GetItemInput) (*GetItemOutput, error) {
	return dispatch(ctx, db, "GetItem", in.TableName, func() (*GetItemOutput, error) {
		var c constraints
		c.itemTableName(in.TableName)
		c.notNull(in.Key != nil, "key")
		c.attributesToGet(in.AttributesToGet, "attributesToGet")
		c.returnConsumedCapacity(in.ReturnConsumedCapacity)
		if err := c.err(); err != nil {
			return nil, err
		}
		exprs := exprRequest{
			names:  in.ExpressionAttributeNames,
			exprs:  exprsOf(namedExpr{expr.Projection, in.ProjectionExpression}),
			legacy: legacyParams(legacy{"AttributesToGet", in.AttributesToGet != nil}),
		}
		if err := exprs.checkParams(); err != nil {
			return nil, err
		}
		located, err := db.lookupKey(in.TableName, in.Key)
		if err != nil {
			return nil, err
		}
		proj, err := db.readProjection(exprs, in.AttributesToGet)
		if err != nil {
			return nil, err
		}
		t, k, err := located.get()
		if err != nil {
			return nil, err
		}
		if err := checkKeyPaths(t.schema, proj, nil); err != nil {
			return nil, err
		}
		e, found := t.replicaFor(in.ConsistentRead).get(k)
		out := &GetItemOutput{ConsumedCapacity: consumed(in.ReturnConsumedCapacity, in.TableName, readUnits(e.size(), in.ConsistentRead))}
		if found {
			out.Item, err = proj.decode(e.enc())
		}
		return out, err
	})
}

// readProjection compiles a read's projection: the legacy AttributesToGet
// (no duplicates) or the request's ProjectionExpression, checked with its
// other expressions. A nil projection keeps everything.
func (db *DB) readProjection(r exprRequest, attributesToGet []string) (*projection, error) {
	if err := checkAttributesToGet(attributesToGet); err != nil {
		return nil, err
	}
	compiled, err := db.compile(r)
	if err != nil {
		return nil, err
	}
	return namesProjection(attributesToGet, compiled), nil
}
