package expr

// The checks that follow parsing need the request's attribute maps: they
// run once per request (Binder), or once per parse with the identity
// binding (ParseCondition, ParseUpdate, ParseProjection).

// binding looks placeholders up in a request's attribute maps.
type binding interface {
	namer
	// value reports whether the :value placeholder ref is defined.
	value(ref string) bool
}

// namer looks #name placeholders up.
type namer interface {
	// name returns the attribute name the #name placeholder ref stands for.
	name(ref string) (string, bool)
}

// identity is the binding used without attribute maps: every placeholder is
// defined and stands for itself.
type identity struct{}

func (identity) name(ref string) (string, bool) { return ref, true }
func (identity) value(string) bool              { return true }

// bindCondition checks the conditions under n one at a time, left to right.
// For each it reports, as DynamoDB does, an undefined placeholder first,
// then a wrong number of operands, then equal operands, then an operand of
// the wrong type.
func bindCondition(k Kind, n Node, b binding) error {
	switch n := n.(type) {
	case *AndNode:
		if err := bindCondition(k, n.L, b); err != nil {
			return err
		}
		return bindCondition(k, n.R, b)
	case *OrNode:
		if err := bindCondition(k, n.L, b); err != nil {
			return err
		}
		return bindCondition(k, n.R, b)
	case *NotNode:
		return bindCondition(k, n.X, b)
	}
	var operandBuf [3]Node
	var funcBuf [4]*FuncNode
	operands := appendOperands(operandBuf[:0], n)
	funcs := funcBuf[:0]
	for _, o := range operands {
		funcs = appendFuncs(funcs, o)
	}
	if f, ok := n.(*FuncNode); ok {
		funcs = append(funcs, f)
	}

	for _, o := range operands {
		if err := undefined(k, o, b); err != nil {
			return err
		}
	}
	for _, f := range funcs {
		if err := arity(k, f); err != nil {
			return err
		}
	}
	if in, ok := n.(*InNode); ok && len(in.List)+1 > maxInOperands {
		return invalidf(k, msgInOperands, len(in.List)+1)
	}
	for _, f := range funcs {
		if len(f.Args) == 2 {
			if err := distinct(k, f.Name, f.Args[0], f.Args[1], b); err != nil {
				return err
			}
		}
	}
	if c, ok := n.(*CompareNode); ok {
		if err := distinct(k, c.Op, c.L, c.R, b); err != nil {
			return err
		}
	}
	for _, f := range funcs {
		if err := operandTypes(k, f); err != nil {
			return err
		}
	}
	return nil
}

// appendOperands appends the operands of the condition c to list, in text
// order. A boolean function's operands are its arguments.
func appendOperands(list []Node, c Node) []Node {
	switch c := c.(type) {
	case *CompareNode:
		return append(list, c.L, c.R)
	case *BetweenNode:
		return append(list, c.X, c.Lo, c.Hi)
	case *InNode:
		return append(append(list, c.X), c.List...)
	case *FuncNode:
		return append(list, c.Args...)
	}
	return list
}

// appendFuncs appends the function calls in operand n to list, innermost
// first, then left to right.
func appendFuncs(list []*FuncNode, n Node) []*FuncNode {
	f, ok := n.(*FuncNode)
	if !ok {
		return list
	}
	for _, a := range f.Args {
		list = appendFuncs(list, a)
	}
	return append(list, f)
}

// undefined returns the error for the first placeholder in operand n, in
// text order, that b does not define.
func undefined(k Kind, n Node, b binding) error {
	switch n := n.(type) {
	case *PathNode:
		return undefinedName(k, n, b)
	case *ValueNode:
		if !b.value(n.Name) {
			return invalidf(k, msgUndefinedValue, n.Name)
		}
	case *FuncNode:
		for _, a := range n.Args {
			if err := undefined(k, a, b); err != nil {
				return err
			}
		}
	}
	return nil
}

// undefinedName returns the error for the first #name placeholder of path n
// that b does not define.
func undefinedName(k Kind, n *PathNode, b namer) error {
	for _, e := range n.Elems {
		if e.isRef() {
			if _, ok := b.name(e.Name); !ok {
				return invalidf(k, msgUndefinedName, e.Name)
			}
		}
	}
	return nil
}

// distinct returns the error for an operator or function op whose first two
// operands are the same document path once resolved: "#a = a" with #a
// standing for a. Two :values may be equal.
func distinct(k Kind, op string, x, y Node, b namer) error {
	px, ok := x.(*PathNode)
	if !ok {
		return nil
	}
	py, ok := y.(*PathNode)
	if !ok || len(px.Elems) != len(py.Elems) {
		return nil
	}
	for i, e := range px.Elems {
		if resolveElem(e, b) != resolveElem(py.Elems[i], b) {
			return nil
		}
	}
	first, _ := resolve(k, px, b)
	return invalidf(k, msgDistinct, op, renderPath(first))
}

// bindUpdate checks an update expression: undefined #names, then undefined
// :values, then overlapping or conflicting target paths, then the number
// and type of the functions' operands.
func (c *compiled) bindUpdate(b binding) error {
	for _, n := range c.paths {
		if err := undefinedName(Update, n, b); err != nil {
			return err
		}
	}
	for _, v := range c.values {
		if !b.value(v.Name) {
			return invalidf(Update, msgUndefinedValue, v.Name)
		}
	}
	if err := overlap(Update, c.targets, b); err != nil {
		return err
	}
	for _, f := range c.funcs {
		if err := arity(Update, f); err != nil {
			return err
		}
		if err := operandTypes(Update, f); err != nil {
			return err
		}
	}
	return nil
}

// bindProjection checks a projection: undefined #names, then overlapping or
// conflicting paths.
func (c *compiled) bindProjection(b binding) error {
	for _, n := range c.paths {
		if err := undefinedName(Projection, n, b); err != nil {
			return err
		}
	}
	return overlap(Projection, c.targets, b)
}

// overlap resolves paths with b and checks them with CheckOverlap.
func overlap(k Kind, paths []*PathNode, b namer) error {
	if len(paths) < 2 {
		return nil
	}
	resolved := make([][]PathElem, len(paths))
	for i, n := range paths {
		resolved[i], _ = resolve(k, n, b)
	}
	return CheckOverlap(k, resolved)
}

// resolve returns the elements of path n with each #name placeholder
// replaced by the name b gives it. A path without placeholders is returned
// as is, sharing n's elements.
func resolve(k Kind, n *PathNode, b namer) ([]PathElem, error) {
	if err := undefinedName(k, n, b); err != nil {
		return nil, err
	}
	out := n.Elems
	copied := false
	for i, e := range n.Elems {
		if !e.isRef() {
			continue
		}
		if !copied {
			out, copied = append([]PathElem(nil), n.Elems...), true
		}
		out[i] = resolveElem(e, b)
	}
	return out, nil
}

// resolveElem returns e with its name resolved, if it is a placeholder
// that b defines.
func resolveElem(e PathElem, b namer) PathElem {
	if e.isRef() {
		if name, ok := b.name(e.Name); ok {
			e.Name = name
		}
	}
	return e
}
