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
	// whole: the caller returns a whole item (ALL_OLD or ALL_NEW), so the
	// stored item is decoded whole rather than patched.
	whole bool
}

// checkKeyAttributes rejects an update of a key attribute, nested paths
// included.
func (u updater) checkKeyAttributes(ks keySchema) error {
	var err error
	u.eachTarget(func(name string) {
		if err == nil && (name == ks.hash.name || (ks.hasSort() && name == ks.sort.name)) {
			err = validationError("One or more parameter values were invalid: Cannot update attribute " + name + ". This attribute is part of the key")
		}
	})
	return err
}

// eachTarget calls f with the top-level attribute each action (or legacy
// AttributeUpdates entry) updates, in eachPath's order.
func (u updater) eachTarget(f func(name string)) {
	if u.legacy != nil {
		for _, name := range u.legacy.names {
			f(name)
		}
		return
	}
	u.eachPath(func(p *expr.PathNode) { f(u.env.name(p.Elems[0])) })
}

// eachPath calls f with the target path of each action of the
// UpdateExpression (if any): SETs, REMOVEs, ADDs, then DELETEs.
func (u updater) eachPath(f func(p *expr.PathNode)) {
	if u.expr == nil {
		return
	}
	for _, s := range u.expr.Set {
		f(s.Path)
	}
	for _, p := range u.expr.Remove {
		f(p)
	}
	for _, a := range u.expr.Add {
		f(a.Path)
	}
	for _, d := range u.expr.Delete {
		f(d.Path)
	}
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
	oldSize int
	// scratch, if not nil, is a map from scratchItems that release returns.
	scratch Item
}

// release returns r's scratch map, once its response is built.
func (r updateResult) release() {
	if r.scratch != nil {
		putScratchItem(r.scratch)
	}
}

// apply computes the update of the stored entry old (found false: none,
// then the item starts as the key attributes). Unless the whole item is
// returned, a stored item is patched: see patch.
func (u updater) apply(k tableKey, key Item, old entry, found bool) (updateResult, error) {
	if found && !u.whole {
		return u.patch(k, old)
	}
	var r updateResult
	base := Item{}
	if found {
		var err error
		if base, err = decodeItem(old.enc()); err != nil {
			return r, err
		}
		r.oldItem, r.oldSize = base, old.size()
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
	next, err := u.run(base, found)
	if err != nil {
		return r, err
	}
	e := getEncoder()
	defer putEncoder(e)
	if err := e.item(next); err != nil {
		return r, err
	}
	if e.size > MaxItemSize {
		return r, validationError(msgUpdateTooLarge)
	}
	r.write, r.newItem = true, next
	r.next = newEntry(k, e.buf, e.size)
	return r, nil
}

// msgUpdateTooLarge is AWS's message for an update whose result exceeds
// MaxItemSize.
const msgUpdateTooLarge = "Item size to update has exceeded the maximum allowed size"

// run applies the update's actions to base (exists: base is a stored
// item), returning the new item.
func (u updater) run(base Item, exists bool) (Item, error) {
	switch {
	case u.legacy != nil:
		return u.legacy.apply(base, u.keepOld)
	case u.expr != nil:
		return u.env.applyUpdate(u.expr, base, exists, u.keepOld)
	}
	return base, nil
}

// touched returns the paths the update's actions touch, #names
// resolved, for UPDATED_OLD and UPDATED_NEW.
func (u updater) touched() [][]expr.PathElem {
	var paths [][]expr.PathElem
	if u.legacy != nil {
		for _, name := range u.legacy.names {
			paths = append(paths, []expr.PathElem{{Name: name}})
		}
		return paths
	}
	u.eachPath(func(p *expr.PathNode) { paths = append(paths, u.env.resolve(p)) })
	return paths
}

// returnValues is the Attributes of the response to u for rv.
func (r updateResult) returnValues(rv ReturnValue, u updater) Item {
	var out Item
	switch rv {
	case ReturnValueAllOld:
		out = r.oldItem
	case ReturnValueAllNew:
		out = r.newItem
	case ReturnValueUpdatedOld:
		out = newProjection(u.touched()).apply(r.oldItem)
	case ReturnValueUpdatedNew:
		out = newProjection(u.touched()).apply(r.newItem)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
