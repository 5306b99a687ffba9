package ddbsim

import (
	"github.com/ddbsim/ddbsim/internal/expr"
)

// projection is a compiled ProjectionExpression (or AttributesToGet): a
// tree of the selected document paths, applied to items to keep just those
// paths, with their nesting.
type projection struct {
	root projNode
}

// projNode is one step of the selected paths: the whole value (leaf), or
// some entries of a map (fields), or some elements of a list (indexes).
// The expression checks reject overlapping paths, so a leaf has no
// children.
type projNode struct {
	leaf    bool
	fields  map[string]*projNode
	indexes map[int]*projNode
}

// newProjection compiles resolved paths into a projection.
func newProjection(paths [][]expr.PathElem) *projection {
	p := &projection{}
	for _, path := range paths {
		n := &p.root
		for _, el := range path {
			n = n.child(el)
		}
		n.leaf = true
	}
	return p
}

func (n *projNode) child(el expr.PathElem) *projNode {
	if el.IsIndex {
		if n.indexes == nil {
			n.indexes = map[int]*projNode{}
		}
		if n.indexes[el.Index] == nil {
			n.indexes[el.Index] = &projNode{}
		}
		return n.indexes[el.Index]
	}
	if n.fields == nil {
		n.fields = map[string]*projNode{}
	}
	if n.fields[el.Name] == nil {
		n.fields[el.Name] = &projNode{}
	}
	return n.fields[el.Name]
}

// topLevel reports whether an attribute name is selected at all, so reads
// decode only the attributes a projection can keep.
func (p *projection) topLevel(name string) bool {
	_, ok := p.root.fields[name]
	return ok
}

// apply returns the projection of item: the selected paths that exist,
// nested as in the item. Paths that lead nowhere are left out; an item
// with none of them projects to an empty (non-nil) Item.
func (p *projection) apply(item Item) Item {
	out := Item{}
	for name, n := range p.root.fields {
		if v, ok := item[name]; ok {
			if pv, ok := n.apply(v); ok {
				out[name] = pv
			}
		}
	}
	return out
}

func (n *projNode) apply(v Value) (Value, bool) {
	switch {
	case n.leaf:
		return v, true
	case n.fields != nil && v.t == TypeM:
		m := map[string]Value{}
		for name, child := range n.fields {
			if w, ok := v.M()[name]; ok {
				if pw, ok := child.apply(w); ok {
					m[name] = pw
				}
			}
		}
		return M(m), len(m) > 0
	case n.indexes != nil && v.t == TypeL:
		list := v.L()
		var out []Value
		for _, i := range sortedKeys(nil, n.indexes) {
			if i < len(list) {
				if pw, ok := n.indexes[i].apply(list[i]); ok {
					out = append(out, pw)
				}
			}
		}
		return L(out...), len(out) > 0
	}
	return Value{}, false
}

// decode decodes a stored item through the projection: only the selected
// top-level attributes are decoded. A nil projection decodes everything.
func (p *projection) decode(enc string) (Item, error) {
	if p == nil {
		return decodeItem(enc)
	}
	item := Item{}
	if err := decodeItemFiltered(item, enc, -1, p.topLevel, nil); err != nil {
		return nil, err
	}
	return p.apply(item), nil
}
