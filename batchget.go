package ddbsim

import (
	"context"
	"encoding/binary"
	"maps"
	"slices"
	"strings"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// MaxBatchGetKeys is the most keys one BatchGetItem may ask for, over all
// its tables.
const MaxBatchGetKeys = 100

// KeysAndAttributes is what BatchGetItem reads from one table: the items
// with these keys, projected as ProjectionExpression (or the legacy
// AttributesToGet) says, strongly consistent if ConsistentRead.
type KeysAndAttributes struct {
	// Keys are 1 to 100 primary keys, each exactly the table's key
	// attributes, none twice.
	Keys                     []Item
	ProjectionExpression     string            `json:",omitzero"`
	ExpressionAttributeNames map[string]string `json:",omitzero"`
	AttributesToGet          []string          `json:",omitzero"`
	ConsistentRead           bool              `json:",omitzero"`
}

// BatchGetItemInput is the input of BatchGetItem.
type BatchGetItemInput struct {
	// RequestItems maps table names (or ARNs) to what to read from each.
	RequestItems           map[string]KeysAndAttributes
	ReturnConsumedCapacity ReturnConsumedCapacity
}

// BatchGetItemOutput is the output of BatchGetItem.
type BatchGetItemOutput struct {
	// Responses maps every table of the request to the items found, in
	// the order of their keys in the request; fresh copies the caller
	// owns. A table whose keys all miss maps to an empty list.
	Responses map[string][]Item
	// UnprocessedKeys holds, per table, the keys not read, with the
	// table's projection and consistency as requested: send them again.
	// Never nil; empty when every key was read.
	UnprocessedKeys map[string]KeysAndAttributes
	// ConsumedCapacity has one entry per table, in name order.
	ConsumedCapacity []ConsumedCapacity `json:",omitzero"`
}

// BatchGetItem reads up to MaxBatchGetKeys items from one or more tables.
// Missing items are left out of Responses.
//
// The response holds at most Options.Limits.BatchGetMaxBytes of items
// (1 MB by default), each counted by its DynamoDB size (Item.Size) after
// projection. The keys are read table by table in name order and, within
// a table, in request order; the first item that does not fit, and every
// key after it, go to UnprocessedKeys, except that the first item found
// is always returned however large. So which keys come back unprocessed
// is deterministic, and a client that resends UnprocessedKeys until it is
// empty gets every item exactly once. An armed Unprocessed fault (see
// InjectFault), matched table by table, hands back the second half of
// that table's keys (from index n/2 of n) unread. Keys that are the same
// key written differently (numbers "1000" and "1e3") are read once.
//
// Errors: ValidationException with AWS's messages for invalid input (the
// whole request fails: more than 100 keys, duplicate keys, a key that is
// not the table's key, ...), ResourceNotFoundException ("Requested
// resource not found") when any table is missing. Cost: O(log n) and the
// decoding of the projected attributes per key, each read under a
// replica's read lock. Capacity, per table: each item read costs one unit
// a started 4 KB of its whole size, a miss the minimum, halved when
// eventually consistent; unprocessed keys cost nothing.
func (db *DB) BatchGetItem(ctx context.Context, in BatchGetItemInput) (*BatchGetItemOutput, error) {
	return dispatchTables(ctx, db, "BatchGetItem", func(t string) bool { _, ok := in.RequestItems[t]; return ok }, func() (*BatchGetItemOutput, error) {
		names := sortedKeys(nil, in.RequestItems)
		if err := checkBatchGetShape(in, names); err != nil {
			return nil, err
		}
		projs, err := db.checkBatchGet(in, names)
		if err != nil {
			return nil, err
		}
		tables, err := db.batchTables(names)
		if err != nil {
			return nil, err
		}
		keys := make([][]tableKey, len(names))
		for i, name := range names {
			keys[i] = make([]tableKey, len(in.RequestItems[name].Keys))
			for j, k := range in.RequestItems[name].Keys {
				if keys[i][j], err = tables[i].schema.fromKey(k); err != nil {
					return nil, err
				}
			}
			if err := checkKeyPaths(tables[i].schema, projs[i], nil); err != nil {
				return nil, err
			}
		}
		g := batchGetter{out: &BatchGetItemOutput{Responses: map[string][]Item{}, UnprocessedKeys: map[string]KeysAndAttributes{}},
			room: db.opts.Limits.BatchGetMaxBytes}
		units := make([]float64, len(names))
		for i, name := range names {
			req := in.RequestItems[name]
			processed := db.processedPart("BatchGetItem", name, len(req.Keys))
			if units[i], err = g.table(tables[i], name, req, keys[i], projs[i], processed); err != nil {
				return nil, err
			}
		}
		g.out.ConsumedCapacity = batchCapacity(in.ReturnConsumedCapacity, names, units)
		return g.out, nil
	})
}

// checkBatchGetShape makes the request-shape checks of a BatchGetItem,
// reported together as AWS's front end does.
func checkBatchGetShape(in BatchGetItemInput, names []string) error {
	var c constraints
	c.returnConsumedCapacity(in.ReturnConsumedCapacity)
	c.requestItems(in.RequestItems == nil, names, func() string {
		return javaMap(names, func(name string) string {
			return javaObject("KeysAndAttributes", keysEcho(in.RequestItems[name].Keys))
		})
	})
	if in.RequestItems != nil && len(in.RequestItems) == 0 {
		c.failAs(ptr("{}"), "requestItems", "RequestItems", "Member must have length greater than or equal to 1")
	}
	for _, name := range names {
		req, path := in.RequestItems[name], "requestItems."+name+".member."
		newPath := "RequestItems." + name + ".member.Keys"
		switch {
		case req.Keys == nil:
			c.failAs(nil, path+"keys", newPath, "Member must not be null")
		case len(req.Keys) == 0:
			c.failAs(ptr("[]"), path+"keys", newPath, "Member must have length greater than or equal to 1")
		case len(req.Keys) > MaxBatchGetKeys:
			c.failAs(ptr(keysEcho(req.Keys)), path+"keys", newPath, "Member must have length less than or equal to 100")
		}
		c.attributesToGet(req.AttributesToGet, path+"attributesToGet")
	}
	return c.err()
}

// keysEcho renders a list of keys as AWS's messages quote it.
func keysEcho(keys []Item) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = javaItem(k)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// checkBatchGet makes a BatchGetItem's checks that need no table, in
// DynamoDB's order, table by table in name order: projection parameters,
// key values, duplicate keys (as written: "1000" and "1e3" differ), at
// most MaxBatchGetKeys keys in all. It returns each table's projection.
func (db *DB) checkBatchGet(in BatchGetItemInput, names []string) ([]*projection, error) {
	var withExpr, withLegacy bool
	for _, req := range in.RequestItems {
		withExpr = withExpr || req.ProjectionExpression != ""
		withLegacy = withLegacy || req.AttributesToGet != nil
	}
	if withExpr && withLegacy {
		return nil, validationError("Can not use both expression and non-expression parameters in the same request: " +
			"Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}")
	}
	projs := make([]*projection, len(names))
	total := 0
	for i, name := range names {
		req := in.RequestItems[name]
		r := exprRequest{names: req.ExpressionAttributeNames, exprs: exprsOf(namedExpr{expr.Projection, req.ProjectionExpression}),
			legacy: legacyParams(legacy{"AttributesToGet", req.AttributesToGet != nil})}
		if err := r.checkParams(); err != nil {
			return nil, err
		}
		if err := checkAttributesToGet(req.AttributesToGet); err != nil {
			return nil, err
		}
		compiled, err := db.compile(r)
		if err != nil {
			return nil, err
		}
		projs[i] = namesProjection(req.AttributesToGet, compiled)
		seen := make(map[keyText]bool, len(req.Keys))
		for _, k := range req.Keys {
			if err := checkValues(k); err != nil {
				return nil, err
			}
			text := newKeyText(k)
			if seen[text] {
				return nil, validationError("Provided list of item keys contains duplicates")
			}
			seen[text] = true
			if total++; total > MaxBatchGetKeys {
				return nil, validationError("Too many items requested for the BatchGetItem call")
			}
		}
	}
	return projs, nil
}

// keyText is a key as written, for spotting duplicates: attribute names
// in order, each with its type and text (so "1000" and "1e3" differ). A
// key of one or two scalars, as valid keys are, is held as it is; any
// other is rendered into rest.
type keyText struct {
	name1, text1 string
	type1        Type
	name2, text2 string
	type2        Type
	rest         string
}

// newKeyText returns the keyText of k.
func newKeyText(k Item) keyText {
	var kt keyText
	if len(k) <= 2 {
		i := 0
		for name, v := range k {
			if v.t != TypeS && v.t != TypeN && v.t != TypeB {
				return keyText{rest: rawKey(k)}
			}
			if i++; i == 1 {
				kt.name1, kt.text1, kt.type1 = name, v.s, v.t
			} else {
				kt.name2, kt.text2, kt.type2 = name, v.s, v.t
			}
		}
		if i == 2 && kt.name2 < kt.name1 {
			kt.name1, kt.text1, kt.type1, kt.name2, kt.text2, kt.type2 = kt.name2, kt.text2, kt.type2, kt.name1, kt.text1, kt.type1
		}
		return kt
	}
	return keyText{rest: rawKey(k)}
}

// rawKey renders a key as written: attribute names in order, each with
// its type and text.
func rawKey(k Item) string {
	var scratch [4]string
	buf := make([]byte, 0, 64)
	for _, name := range sortedKeys(scratch[:0], k) {
		v := k[name]
		buf = binary.AppendUvarint(buf, uint64(len(name)))
		buf = append(append(buf, name...), byte(v.t))
		switch v.t {
		case TypeS, TypeN, TypeB:
			buf = binary.AppendUvarint(buf, uint64(len(v.s)))
			buf = append(buf, v.s...)
		default:
			buf = v.appendJSON(buf)
		}
	}
	return string(buf)
}

// batchGetter reads a BatchGetItem's tables into out, while room (bytes
// of response left) lasts.
type batchGetter struct {
	out      *BatchGetItemOutput
	room     int
	returned bool // an item has been returned
	full     bool // an item did not fit: read no more
}

// table reads the first processed keys of one table (the rest are
// unprocessed), and returns the capacity spent.
func (g *batchGetter) table(t *table, name string, req KeysAndAttributes, keys []tableKey, proj *projection, processed int) (float64, error) {
	items := make([]Item, 0, processed)
	var unprocessed []Item
	var units float64
	rep := t.replicaFor(req.ConsistentRead)
	// Keys written alike are refused as duplicates, so two keys can only
	// meet here as two spellings of a number.
	var read map[tableKey]bool
	if t.schema.hash.typ == TypeN || t.schema.sort.typ == TypeN {
		read = make(map[tableKey]bool, len(keys))
	}
	for j, k := range keys {
		if j >= processed || g.full {
			unprocessed = append(unprocessed, req.Keys[j].Clone())
			continue
		}
		if read[k] {
			continue
		}
		e, found := rep.get(k)
		if !found {
			units += readUnits(0, req.ConsistentRead)
		} else {
			item, size, err := projectedItem(e, proj)
			if err != nil {
				return 0, err
			}
			if g.returned && size > g.room {
				g.full = true
				unprocessed = append(unprocessed, req.Keys[j].Clone())
				continue
			}
			g.room -= size
			g.returned = true
			units += readUnits(e.size(), req.ConsistentRead)
			items = append(items, item)
		}
		if read != nil {
			read[k] = true
		}
	}
	g.out.Responses[name] = items
	if unprocessed != nil {
		g.out.UnprocessedKeys[name] = KeysAndAttributes{Keys: unprocessed, ProjectionExpression: req.ProjectionExpression,
			ExpressionAttributeNames: maps.Clone(req.ExpressionAttributeNames), AttributesToGet: slices.Clone(req.AttributesToGet),
			ConsistentRead: req.ConsistentRead}
	}
	return units, nil
}

// projectedItem decodes a stored entry through a projection (nil: whole)
// and returns it with its DynamoDB size.
func projectedItem(e entry, proj *projection) (Item, int, error) {
	item, err := proj.decode(e.enc())
	if err != nil || proj == nil {
		return item, e.size(), err
	}
	size, err := item.Size()
	return item, size, err
}
