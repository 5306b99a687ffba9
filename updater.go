package ddbsim

import (
	"github.com/ddbsim/ddbsim/internal/expr"
)

// updater applies one UpdateItem request's changes: its UpdateExpression
// or its legacy AttributeUpdates (or neither, which only creates the
// item).
type updater struct {
	expr   *expr.UpdateExpr
	env    *env
	legacy *legacyUpdate
	// keepOld asks for the item as it was to be kept for the response
	// (ReturnValues ALL_OLD or UPDATED_OLD); otherwise it is edited in
	// place.
	keepOld bool
}

// checkKeyAttributes rejects an update of a key attribute, nested paths
// included.
func (u updater) checkKeyAttributes(ks keySchema) error {
	for _, name := range u.targets() {
		if name == ks.hash.name || (ks.hasSort() && name == ks.sort.name) {
			return validationError("One or more parameter values were invalid: Cannot update attribute " + name + ". This attribute is part of the key")
		}
	}
	return nil
}

// targets returns the top-level attribute each action updates, in the
// order written.
func (u updater) targets() []string {
	if u.legacy != nil {
		return u.legacy.names
	}
	if u.expr == nil {
		return nil
	}
	var paths []*expr.PathNode
	for _, s := range u.expr.Set {
		paths = append(paths, s.Path)
	}
	paths = append(paths, u.expr.Remove...)
	for _, a := range u.expr.Add {
		paths = append(paths, a.Path)
	}
	for _, d := range u.expr.Delete {
		paths = append(paths, d.Path)
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = u.env.name(p.Elems[0])
	}
	return names
}

// creates reports whether the update makes an item where there is none:
// SET, ADD, PUT and no update at all do; REMOVE and DELETE alone do not.
func (u updater) creates() bool {
	switch {
	case u.legacy != nil:
		return u.legacy.creates()
	case u.expr != nil:
		return len(u.expr.Set)+len(u.expr.Add) > 0
	}
	return true
}

// updateResult is what an update did, for the response.
type updateResult struct {
	write   bool  // an item was stored
	next    entry // the stored item
	oldItem Item  // the item before, nil if there was none
	newItem Item  // the item after, nil if none was stored
	touched [][]expr.PathElem
	oldSize int
}

// apply computes the update of the stored entry old (found false: none,
// then the item starts as the key attributes).
func (u updater) apply(k tableKey, key Item, old entry, found bool) (updateResult, error) {
	var r updateResult
	base := Item{}
	if found {
		var err error
		if base, err = decodeItem(old.enc); err != nil {
			return r, err
		}
		r.oldItem, r.oldSize = base, old.size
	} else {
		if !u.creates() {
			return r, nil
		}
		for name, v := range key {
			cv, _, err := canonicalValue(v)
			if err != nil {
				return r, err
			}
			base[name] = cv
		}
	}
	next := base
	var err error
	switch {
	case u.legacy != nil:
		next, r.touched, err = u.legacy.apply(base, u.keepOld)
	case u.expr != nil:
		next, r.touched, err = u.env.applyUpdate(u.expr, base, found, u.keepOld)
	}
	if err != nil {
		return r, err
	}
	enc, size, err := encodeItem(next)
	if err != nil {
		return r, err
	}
	if size > MaxItemSize {
		return r, validationError("Item size to update has exceeded the maximum allowed size")
	}
	r.write, r.newItem = true, next
	r.next = entry{tableKey: k, enc: enc, size: size}
	return r, nil
}

// returnValues is the Attributes of the response for rv.
func (r updateResult) returnValues(rv ReturnValue) Item {
	var out Item
	switch rv {
	case ReturnValueAllOld:
		out = r.oldItem
	case ReturnValueAllNew:
		out = r.newItem
	case ReturnValueUpdatedOld:
		out = newProjection(r.touched).apply(r.oldItem)
	case ReturnValueUpdatedNew:
		out = newProjection(r.touched).apply(r.newItem)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
