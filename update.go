package ddbsim

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ddbsim/ddbsim/internal/expr"
	"github.com/ddbsim/ddbsim/internal/number"
)

// AWS's messages for update-time failures (standalone calls send them
// without a final full stop).
const (
	msgInvalidUpdatePath = "The document path provided in the update expression is invalid for update"
	msgNoSuchAttribute   = "The provided expression refers to an attribute that does not exist in the item"
	msgOperandType       = "An operand in the update expression has an incorrect data type"
)

// action is what an edit does at its path.
type action uint8

const (
	keepValue action = iota
	setValue
	removeValue
)

// editFunc decides the new value at a path from the current one (ok false
// when there is none).
type editFunc func(cur Value, ok bool) (Value, action, error)

// edit applies f at path in item, which it modifies in place: the parent
// of the path's last element must exist and be a map (for a name) or a
// list (for an index), else DynamoDB's "document path ... is invalid for
// update". Setting a list index past the end appends.
func edit(item Item, path []expr.PathElem, f editFunc) error {
	name := path[0].Name
	cur, ok := item[name]
	if len(path) == 1 {
		v, act, err := f(cur, ok)
		switch {
		case err != nil:
			return err
		case act == setValue:
			item[name] = v
		case act == removeValue:
			delete(item, name)
		}
		return nil
	}
	if !ok {
		return validationError(msgInvalidUpdatePath)
	}
	v, err := editIn(cur, path[1:], f)
	if err == nil {
		item[name] = v
	}
	return err
}

// editIn applies f at path below container v and returns the updated v.
func editIn(v Value, path []expr.PathElem, f editFunc) (Value, error) {
	el := path[0]
	if el.IsIndex {
		if v.t != TypeL {
			return v, validationError(msgInvalidUpdatePath)
		}
		list := v.L()
		i := el.Index
		if len(path) > 1 {
			if i >= len(list) {
				return v, validationError(msgInvalidUpdatePath)
			}
			child, err := editIn(list[i], path[1:], f)
			list[i] = child
			return v, err
		}
		var cur Value
		ok := i < len(list)
		if ok {
			cur = list[i]
		}
		nv, act, err := f(cur, ok)
		switch {
		case err != nil:
			return v, err
		case act == setValue && ok:
			list[i] = nv
		case act == setValue:
			list = append(list, nv)
		case act == removeValue && ok:
			list = slices.Delete(list, i, i+1)
		}
		return Value{t: TypeL, x: list}, nil
	}
	if v.t != TypeM {
		return v, validationError(msgInvalidUpdatePath)
	}
	m := v.M()
	if len(path) > 1 {
		child, ok := m[el.Name]
		if !ok {
			return v, validationError(msgInvalidUpdatePath)
		}
		nc, err := editIn(child, path[1:], f)
		m[el.Name] = nc
		return v, err
	}
	cur, ok := m[el.Name]
	nv, act, err := f(cur, ok)
	switch {
	case err != nil:
		return v, err
	case act == setValue:
		m[el.Name] = nv
	case act == removeValue:
		delete(m, el.Name)
	}
	return v, nil
}

// resolve returns p's elements with #names replaced: p's own elements,
// not to be modified, when it has no #name.
func (e *env) resolve(p *expr.PathNode) []expr.PathElem {
	if !slices.ContainsFunc(p.Elems, isNameRef) {
		return p.Elems
	}
	out := make([]expr.PathElem, len(p.Elems))
	for i, el := range p.Elems {
		out[i] = el
		if !el.IsIndex {
			out[i].Name = e.name(el)
		}
	}
	return out
}

// isNameRef reports whether el is a #name placeholder.
func isNameRef(el expr.PathElem) bool { return !el.IsIndex && strings.HasPrefix(el.Name, "#") }

// applyUpdate returns the item an UpdateExpression makes of old (the
// stored item, or just the key attributes when there is none; exists
// tells which). Every action reads old, as DynamoDB's do. It returns the
// new item; updater.touched gives the paths it touched.
// With keepOld false it edits old in place (a fresh decoded copy the
// caller no longer needs), sparing a deep copy.
func (e *env) applyUpdate(u *expr.UpdateExpr, old Item, exists, keepOld bool) (Item, error) {
	// SET values are computed from the item as it was.
	values := make([]Value, len(u.Set))
	for i, s := range u.Set {
		v, err := e.setOperand(s.Value, old)
		if err != nil {
			return nil, err
		}
		values[i] = v
	}
	next := old
	if keepOld {
		next = old.Clone()
	}
	var appends []pendingAppend
	for i, s := range u.Set {
		path := e.resolve(s.Path)
		if last := path[len(path)-1]; last.IsIndex {
			if list, ok := lookupResolved(old, path[:len(path)-1]); ok && list.t == TypeL && last.Index >= len(list.L()) {
				appends = append(appends, pendingAppend{path, values[i]})
				continue
			}
		}
		v := values[i]
		if err := edit(next, path, func(Value, bool) (Value, action, error) { return v, setValue, nil }); err != nil {
			return nil, err
		}
	}
	for _, a := range u.Add {
		path := e.resolve(a.Path)
		if err := edit(next, path, addTo(e.values[a.Value.Name])); err != nil {
			return nil, err
		}
	}
	for _, d := range u.Delete {
		path := e.resolve(d.Path)
		if err := edit(next, path, deleteFrom(e.values[d.Value.Name])); err != nil {
			return nil, err
		}
	}
	if exists && len(u.Remove) > 0 {
		removes := make([][]expr.PathElem, len(u.Remove))
		for i, p := range u.Remove {
			removes[i] = e.resolve(p)
		}
		// Later list positions first, so every index means the position
		// it had before the update.
		slices.SortStableFunc(removes, func(a, b []expr.PathElem) int { return -comparePaths(a, b) })
		for _, path := range removes {
			if err := edit(next, path, func(Value, bool) (Value, action, error) { return Value{}, removeValue, nil }); err != nil {
				return nil, err
			}
		}
	}
	if len(appends) > 1 {
		slices.SortStableFunc(appends, func(a, b pendingAppend) int { return comparePaths(a.path, b.path) })
	}
	for _, a := range appends {
		v := a.value
		if err := edit(next, a.path, func(Value, bool) (Value, action, error) { return v, setValue, nil }); err != nil {
			return nil, err
		}
	}
	return next, nil
}

// pendingAppend is a SET past the end of a list, applied after the other
// actions, in index order.
type pendingAppend struct {
	path  []expr.PathElem
	value Value
}

// comparePaths orders resolved paths element by element, list indexes
// numerically.
func comparePaths(a, b []expr.PathElem) int {
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		switch {
		case x.IsIndex && y.IsIndex && x.Index != y.Index:
			if x.Index < y.Index {
				return -1
			}
			return 1
		case !x.IsIndex && !y.IsIndex && x.Name != y.Name:
			if x.Name < y.Name {
				return -1
			}
			return 1
		case x.IsIndex != y.IsIndex:
			if x.IsIndex {
				return 1
			}
			return -1
		}
	}
	return len(a) - len(b)
}

// setOperand evaluates the value of a SET action against the item as it
// was. Values read from the item are copies, as the item may be edited in
// place.
func (e *env) setOperand(n expr.Node, old Item) (Value, error) {
	switch n := n.(type) {
	case *expr.PathNode:
		v, ok := e.lookup(n, old)
		if !ok {
			return Value{}, validationError(msgNoSuchAttribute)
		}
		return v.clone(), nil
	case *expr.ValueNode:
		return e.values[n.Name], nil
	case *expr.FuncNode:
		if n.Name == "if_not_exists" {
			if v, ok := e.lookup(n.Args[0].(*expr.PathNode), old); ok {
				return v.clone(), nil
			}
			return e.setOperand(n.Args[1], old)
		}
		a, err := e.setOperand(n.Args[0], old)
		if err != nil {
			return Value{}, err
		}
		b, err := e.setOperand(n.Args[1], old)
		if err != nil {
			return Value{}, err
		}
		if a.t != TypeL || b.t != TypeL {
			return Value{}, validationError(msgOperandType)
		}
		return L(append(slices.Clone(a.L()), b.L()...)...), nil
	case *expr.ArithNode:
		a, err := e.setOperand(n.L, old)
		if err != nil {
			return Value{}, err
		}
		b, err := e.setOperand(n.R, old)
		if err != nil {
			return Value{}, err
		}
		if a.t != TypeN || b.t != TypeN {
			return Value{}, validationError(msgOperandType)
		}
		if n.Op == '-' {
			return arith(a, b, true)
		}
		return arith(a, b, false)
	}
	return Value{}, validationError(msgOperandType)
}

// arith adds b to a (subtract: takes b from a), exactly, with AWS's range
// errors. Integers of up to 17 digits, as counters are, take a fast path
// without decimals.
func arith(a, b Value, subtract bool) (Value, error) {
	if x, ok := smallInteger(a.s); ok {
		if y, ok := smallInteger(b.s); ok {
			if subtract {
				y = -y
			}
			return Value{t: TypeN, s: strconv.FormatInt(x+y, 10)}, nil
		}
	}
	x, err := number.Parse(a.s)
	if err != nil {
		return Value{}, validationError(err.Error())
	}
	y, err := number.Parse(b.s)
	if err != nil {
		return Value{}, validationError(err.Error())
	}
	op := number.Add
	if subtract {
		op = number.Sub
	}
	z, err := op(x, y)
	if err != nil {
		return Value{}, validationError(err.Error())
	}
	return Value{t: TypeN, s: z.String()}, nil
}

// smallInteger returns the value of a number written as an integer of at
// most 17 digits (the sum of two of them fits an int64).
func smallInteger(text string) (int64, bool) {
	digits := strings.TrimPrefix(text, "-")
	if len(digits) == 0 || len(digits) > 17 {
		return 0, false
	}
	var n int64
	for i := range len(digits) {
		c := digits[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if len(digits) < len(text) {
		n = -n
	}
	return n, true
}

// addTo is ADD of v: a number adds (a missing attribute counts as 0); a
// set unites (a missing attribute counts as the empty set).
func addTo(v Value) editFunc {
	return func(cur Value, ok bool) (Value, action, error) {
		switch {
		case !ok:
			return v, setValue, nil
		case cur.t != v.t:
			return Value{}, keepValue, validationError(msgOperandType)
		case v.t == TypeN:
			sum, err := arith(cur, v, false)
			return sum, setValue, err
		}
		members := slices.Clone(cur.members())
		for _, m := range v.members() {
			if !hasMember(cur, m) {
				members = append(members, m)
			}
		}
		return Value{t: v.t, x: members}, setValue, nil
	}
}

// deleteFrom is DELETE of the members of set v; a set left empty is
// removed, and a missing attribute is left alone.
func deleteFrom(v Value) editFunc {
	return func(cur Value, ok bool) (Value, action, error) {
		switch {
		case !ok:
			return Value{}, keepValue, nil
		case cur.t != v.t:
			return Value{}, keepValue, validationError(msgOperandType)
		}
		var kept []string
		for _, m := range cur.members() {
			if !hasMember(v, m) {
				kept = append(kept, m)
			}
		}
		if len(kept) == 0 {
			return Value{}, removeValue, nil
		}
		return Value{t: cur.t, x: kept}, setValue, nil
	}
}

// hasMember reports whether set holds m, numbers compared by value.
func hasMember(set Value, m string) bool {
	for _, x := range set.members() {
		if x == m || (set.t == TypeNS && compareNumberText(x, m) == 0) {
			return true
		}
	}
	return false
}
