package ddbsim

import "slices"

// Item is a DynamoDB item: attribute names to values. Items returned by
// ddbsim are fresh copies that belong to the caller.
type Item map[string]Value

// Limits on values that DynamoDB enforces on every item.
const (
	// MaxItemSize is the largest item, in bytes as DynamoDB counts them
	// (400 KB, inclusive).
	MaxItemSize = 400 * 1024
	// MaxNestingDepth is the deepest a value may nest: a top-level
	// attribute is level 1, the elements of a list or map one level more.
	MaxNestingDepth = 32
	// MaxAttributeNameLength is the longest attribute name, in bytes.
	MaxAttributeNameLength = 65535
)

// Clone returns a deep copy of it. Cost: O(size of the item).
func (it Item) Clone() Item {
	if it == nil {
		return nil
	}
	out := make(Item, len(it))
	for k, v := range it {
		out[k] = v.clone()
	}
	return out
}

func (v Value) clone() Value {
	switch v.t {
	case TypeM:
		v.x = map[string]Value(Item(v.M()).Clone())
	case TypeL:
		list := make([]Value, len(v.L()))
		for i, e := range v.L() {
			list[i] = e.clone()
		}
		v.x = list
	case TypeSS, TypeNS, TypeBS:
		v.x = slices.Clone(v.members())
	}
	return v
}

// Equal reports whether it and other hold the same attributes with Equal
// values. A nil Item equals an empty one.
func (it Item) Equal(other Item) bool {
	return mapsEqual(it, other)
}

// String returns the item in DynamoDB's JSON wire form with attributes in
// name order, for example {"id":{"S":"a"},"n":{"N":"1"}}.
func (it Item) String() string {
	return string(it.appendJSON(nil))
}

func (it Item) appendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	var scratch [16]string
	for i, name := range sortedKeys(scratch[:0], it) {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendJSONString(dst, name, ':')
		dst = it[name].appendJSON(dst)
	}
	return append(dst, '}')
}

// Size returns the item's size as DynamoDB counts it against the 400 KB
// limit and for capacity units: for each attribute, the UTF-8 length of its
// name plus the size of its value (see ddb-facts: strings and binaries by
// length, numbers by digit pairs, booleans and null 1 byte, lists and maps
// 3 bytes plus 1 a element). It fails with AWS's ValidationException if a
// value is invalid. Cost: O(size of the item).
func (it Item) Size() (int, error) {
	var e encoder
	if err := e.item(it); err != nil {
		return 0, err
	}
	return e.size, nil
}
