package ddbsim

import (
	"slices"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// AttributeAction is what a legacy AttributeUpdates entry does.
type AttributeAction string

// Attribute actions; PUT is the default.
const (
	AttributeActionAdd    AttributeAction = "ADD"
	AttributeActionPut    AttributeAction = "PUT"
	AttributeActionDelete AttributeAction = "DELETE"
)

// AttributeValueUpdate is one legacy AttributeUpdates entry: PUT Value,
// DELETE the attribute (no Value) or members of a set (Value), or ADD
// Value to a number, a set or a list.
type AttributeValueUpdate struct {
	Value  *Value          `json:",omitzero"`
	Action AttributeAction `json:",omitzero"`
}

// msgLegacyTypeMismatch is AWS's run-time error for AttributeUpdates.
const msgLegacyTypeMismatch = "Type mismatch for attribute to update"

// attributeUpdates checks the enums of an AttributeUpdates map.
func (c *constraints) attributeUpdates(updates map[string]AttributeValueUpdate) {
	for _, name := range sortedKeys(nil, updates) {
		c.enum(string(updates[name].Action), "attributeUpdates."+name+".member.action", "ADD", "PUT", "DELETE")
	}
}

// legacyUpdate is a checked AttributeUpdates map, in name order.
type legacyUpdate struct {
	names   []string
	actions []AttributeAction
	values  []Value // canonical; zero where there is none
}

// checkAttributeUpdates validates an AttributeUpdates map with AWS's
// messages and returns it ready to apply; nil for an absent map.
func checkAttributeUpdates(updates map[string]AttributeValueUpdate) (*legacyUpdate, error) {
	if updates == nil {
		return nil, nil
	}
	const invalid = "One or more parameter values were invalid: "
	lu := &legacyUpdate{}
	for _, name := range sortedKeys(nil, updates) {
		if err := checkAttributeName(name); err != nil {
			return nil, err
		}
		u := updates[name]
		action := u.Action
		if action == "" {
			action = AttributeActionPut
		}
		var v Value
		if u.Value != nil {
			var err error
			if v, _, err = canonicalValue(*u.Value); err != nil {
				return nil, err
			}
		}
		switch {
		case u.Value == nil && action != AttributeActionDelete:
			return nil, validationError(invalid + "Only DELETE action is allowed when no attribute value is specified")
		case u.Value != nil && action == AttributeActionDelete && setElementType(v.t) == 0:
			return nil, validationError(invalid + "DELETE action with value is not supported for the type " + v.Type().String())
		case action == AttributeActionAdd && v.t != TypeN && v.t != TypeL && setElementType(v.t) == 0:
			return nil, validationError(invalid + "ADD action is not supported for the type " + v.Type().String())
		}
		lu.names = append(lu.names, name)
		lu.actions = append(lu.actions, action)
		lu.values = append(lu.values, v)
	}
	return lu, nil
}

// creates reports whether the update makes an item where there is none:
// any PUT or ADD does, and so does an empty AttributeUpdates (the item of
// the key alone); DELETEs alone do not.
func (lu *legacyUpdate) creates() bool {
	return len(lu.actions) == 0 || slices.ContainsFunc(lu.actions, func(a AttributeAction) bool { return a != AttributeActionDelete })
}

// apply returns the item the update makes of old; with keepOld false it
// edits old in place.
func (lu *legacyUpdate) apply(old Item, keepOld bool) (Item, error) {
	next := old
	if keepOld {
		next = old.Clone()
	}
	for i, name := range lu.names {
		v := lu.values[i]
		var f editFunc
		switch {
		case lu.actions[i] == AttributeActionPut:
			f = func(Value, bool) (Value, action, error) { return v, setValue, nil }
		case lu.actions[i] == AttributeActionAdd && v.t == TypeL:
			f = func(cur Value, ok bool) (Value, action, error) {
				switch {
				case !ok:
					return v, setValue, nil
				case cur.t != TypeL:
					return Value{}, keepValue, validationError(msgLegacyTypeMismatch)
				}
				return L(append(slices.Clone(cur.L()), v.L()...)...), setValue, nil
			}
		case lu.actions[i] == AttributeActionAdd:
			f = legacyTypes(addTo(v))
		case v.t == 0: // DELETE of the attribute
			f = func(Value, bool) (Value, action, error) { return Value{}, removeValue, nil }
		default:
			f = legacyTypes(deleteFrom(v))
		}
		if err := edit(next, []expr.PathElem{{Name: name}}, f); err != nil {
			return nil, err
		}
	}
	return next, nil
}

// legacyTypes gives an edit AttributeUpdates' message for a type
// mismatch.
func legacyTypes(f editFunc) editFunc {
	return func(cur Value, ok bool) (Value, action, error) {
		v, act, err := f(cur, ok)
		if err != nil {
			err = validationError(msgLegacyTypeMismatch)
		}
		return v, act, err
	}
}
