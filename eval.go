package ddbsim

import (
	"strings"

	"github.com/ddbsim/ddbsim/internal/expr"
	"github.com/ddbsim/ddbsim/internal/number"
)

// env is what evaluating a request's expressions needs: its
// ExpressionAttributeNames and its ExpressionAttributeValues, already
// checked and in canonical form.
type env struct {
	names  map[string]string
	values map[string]Value
}

// name returns the attribute name a path element stands for, resolving a
// #placeholder (which the expression checks have found defined).
func (e *env) name(el expr.PathElem) string {
	if strings.HasPrefix(el.Name, "#") {
		return e.names[el.Name]
	}
	return el.Name
}

// lookup returns the value at path p in item; false when the path leads
// nowhere (a missing attribute, an index past the end, a name into a
// non-map or an index into a non-list).
func (e *env) lookup(p *expr.PathNode, item Item) (Value, bool) {
	v, ok := item[e.name(p.Elems[0])]
	for _, el := range p.Elems[1:] {
		if !ok {
			break
		}
		if !el.IsIndex {
			el.Name = e.name(el)
		}
		v, ok = child(v, el)
	}
	return v, ok
}

// lookupResolved returns the value at a path whose names are resolved.
func lookupResolved(item Item, path []expr.PathElem) (Value, bool) {
	v, ok := item[path[0].Name]
	for _, el := range path[1:] {
		if !ok {
			break
		}
		v, ok = child(v, el)
	}
	return v, ok
}

// child moves from v to its element el (a resolved name, or an index).
func child(v Value, el expr.PathElem) (Value, bool) {
	if el.IsIndex {
		list, isList := v.x.([]Value)
		if v.t != TypeL || !isList || el.Index >= len(list) {
			return Value{}, false
		}
		return list[el.Index], true
	}
	if v.t != TypeM {
		return Value{}, false
	}
	w, ok := v.M()[el.Name]
	return w, ok
}

// operand evaluates an operand: a path's value, a :value, or size(...);
// false when it has no value (a missing path, the size of a number).
func (e *env) operand(n expr.Node, item Item) (Value, bool) {
	switch n := n.(type) {
	case *expr.PathNode:
		return e.lookup(n, item)
	case *expr.ValueNode:
		v, ok := e.values[n.Name]
		return v, ok
	case *expr.FuncNode: // size, the one function that yields a value
		v, ok := e.operand(n.Args[0], item)
		if !ok {
			return Value{}, false
		}
		size, ok := valueSize(v)
		return Int(int64(size)), ok
	}
	return Value{}, false
}

// valueSize is size(v): UTF-16 code units of a string, bytes of a binary,
// members of a set, elements of a list, entries of a map; false for
// numbers, booleans and null.
func valueSize(v Value) (int, bool) {
	switch v.t {
	case TypeS:
		n := 0
		for _, r := range v.s {
			n++
			if r > 0xFFFF {
				n++
			}
		}
		return n, true
	case TypeB:
		return len(v.s), true
	case TypeSS, TypeNS, TypeBS:
		return len(v.members()), true
	case TypeL:
		return len(v.L()), true
	case TypeM:
		return len(v.M()), true
	}
	return 0, false
}

// cond evaluates a condition against item (nil or empty for a missing
// item, on which every attribute is absent). Type mismatches are false,
// never errors: the checks before any read have rejected what DynamoDB
// rejects.
func (e *env) cond(n expr.Node, item Item) bool {
	switch n := n.(type) {
	case *expr.AndNode:
		return e.cond(n.L, item) && e.cond(n.R, item)
	case *expr.OrNode:
		return e.cond(n.L, item) || e.cond(n.R, item)
	case *expr.NotNode:
		return !e.cond(n.X, item)
	case *expr.CompareNode:
		l, lok := e.operand(n.L, item)
		r, rok := e.operand(n.R, item)
		switch n.Op {
		case "=":
			return lok && rok && l.Equal(r)
		case "<>":
			return !(lok && rok && l.Equal(r))
		}
		c, ok := compareOrdered(l, lok, r, rok)
		if !ok {
			return false
		}
		switch n.Op {
		case "<":
			return c < 0
		case "<=":
			return c <= 0
		case ">":
			return c > 0
		}
		return c >= 0
	case *expr.BetweenNode:
		x, xok := e.operand(n.X, item)
		lo, look := e.operand(n.Lo, item)
		hi, hiok := e.operand(n.Hi, item)
		c1, ok1 := compareOrdered(lo, look, x, xok)
		c2, ok2 := compareOrdered(x, xok, hi, hiok)
		return ok1 && ok2 && c1 <= 0 && c2 <= 0
	case *expr.InNode:
		x, ok := e.operand(n.X, item)
		if !ok {
			return false
		}
		for _, m := range n.List {
			if v, ok := e.operand(m, item); ok && x.Equal(v) {
				return true
			}
		}
		return false
	case *expr.FuncNode:
		return e.function(n, item)
	}
	return false
}

// function evaluates a boolean function.
func (e *env) function(f *expr.FuncNode, item Item) bool {
	a, aok := e.operand(f.Args[0], item)
	switch f.Name {
	case "attribute_exists":
		return aok
	case "attribute_not_exists":
		return !aok
	}
	b, bok := e.operand(f.Args[1], item)
	if !aok || !bok {
		return false
	}
	switch f.Name {
	case "attribute_type":
		return b.t == TypeS && a.Type().String() == b.s
	case "begins_with":
		return a.t == b.t && (a.t == TypeS || a.t == TypeB) && strings.HasPrefix(a.s, b.s)
	case "contains":
		return contains(a, b)
	}
	return false
}

// contains is contains(a, b): a substring of a string, a byte run of a
// binary, a member of a set of b's type, an element of a list (of any
// type, by equality).
func contains(a, b Value) bool {
	switch a.t {
	case TypeS, TypeB:
		return a.t == b.t && strings.Contains(a.s, b.s)
	case TypeSS, TypeNS, TypeBS:
		if b.t != setElementType(a.t) {
			return false
		}
		for _, m := range a.members() {
			if (Value{t: b.t, s: m}).Equal(b) {
				return true
			}
		}
	case TypeL:
		for _, elem := range a.L() {
			if elem.Equal(b) {
				return true
			}
		}
	}
	return false
}

// setElementType is the type of a set's members.
func setElementType(t Type) Type {
	switch t {
	case TypeSS:
		return TypeS
	case TypeNS:
		return TypeN
	case TypeBS:
		return TypeB
	}
	return 0
}

// compareOrdered orders two present values of the same ordered type (N by
// value, S by UTF-8 bytes, B by unsigned bytes); false otherwise.
func compareOrdered(a Value, aok bool, b Value, bok bool) (int, bool) {
	if !aok || !bok || a.t != b.t {
		return 0, false
	}
	switch a.t {
	case TypeS, TypeB:
		return strings.Compare(a.s, b.s), true
	case TypeN:
		x, errx := number.Parse(a.s)
		y, erry := number.Parse(b.s)
		if errx != nil || erry != nil {
			return 0, false
		}
		return number.Compare(x, y), true
	}
	return 0, false
}

// walk calls fn on n and on every node below it.
func walk(n expr.Node, fn func(expr.Node)) {
	fn(n)
	var children []expr.Node
	switch n := n.(type) {
	case *expr.AndNode:
		children = []expr.Node{n.L, n.R}
	case *expr.OrNode:
		children = []expr.Node{n.L, n.R}
	case *expr.NotNode:
		children = []expr.Node{n.X}
	case *expr.CompareNode:
		children = []expr.Node{n.L, n.R}
	case *expr.ArithNode:
		children = []expr.Node{n.L, n.R}
	case *expr.BetweenNode:
		children = []expr.Node{n.X, n.Lo, n.Hi}
	case *expr.InNode:
		children = append([]expr.Node{n.X}, n.List...)
	case *expr.FuncNode:
		children = n.Args
	}
	for _, c := range children {
		walk(c, fn)
	}
}
