package ddbsim

import (
	"math/bits"
	"slices"
	"sync"
)

// A commit on a table with secondary indexes decodes the attributes its
// indexes store from both images of an item once, for all of them
// (decodeForIndexes), into slots: one Value per attribute of a layout, in
// the layout's order, the zero Value where the image lacks the attribute.
// Each index finds its key attributes and the attributes it stores in
// the slots by place (slots.keys, slots.stored): maintaining an index
// reads no map.

// layout is a list of attributes that images are decoded into slots by.
type layout struct {
	names []string
	// first holds, for each byte, the places of the names starting with
	// it (a bit each), for a layout of at most layoutScan names; pos the
	// names' places for a longer one.
	first *[256]uint16
	pos   map[string]int
}

// layoutScan is the longest layout whose names are found by scanning.
const layoutScan = 16

// newLayout returns the layout of names (no duplicates).
func newLayout(names []string) *layout {
	l := &layout{names: names}
	if len(names) > layoutScan {
		l.pos = make(map[string]int, len(names))
		for i, name := range names {
			l.pos[name] = i
		}
		return l
	}
	l.first = new([256]uint16)
	for i, name := range names {
		l.first[name[0]] |= 1 << i
	}
	return l
}

// place returns the place of name in l, or -1. Cost: for a short
// layout, a comparison with each name of the same first byte.
func (l *layout) place(name string) int {
	if l.pos != nil {
		if i, ok := l.pos[name]; ok {
			return i
		}
		return -1
	}
	if name == "" {
		return -1
	}
	for m := l.first[name[0]]; m != 0; m &= m - 1 {
		if i := bits.TrailingZeros16(m); l.names[i] == name {
			return i
		}
	}
	return -1
}

// decode decodes into dst (len(l.names) zero Values) the attributes of l
// that the item encoded as enc holds, skipping the others without
// allocating. Cost: one walk of enc, stopping once every slot is filled.
func (l *layout) decode(dst []Value, enc string) error {
	return eachAttribute(enc, len(l.names), l.place, func(i int, _ string, v Value) { dst[i] = v }, nil)
}

// lookup fills dst (len(l.names) zero Values) with the attributes of l
// that it holds and returns it. Cost: a map lookup a name.
func (l *layout) lookup(dst []Value, it Item) []Value {
	for i, name := range l.names {
		dst[i] = it[name]
	}
	return dst
}

// slotsBuf returns len(l.names) zero Values in buf's storage, if it
// has room, else in a new slice.
func slotsBuf(buf []Value, l *layout) []Value {
	return slices.Grow(buf[:0], len(l.names))[:len(l.names)]
}

// itemSlots are an item's attributes that a layout holds, in its slots,
// as a writer that holds the item decoded (a put's) read them: what it
// hands the commit so that maintaining the indexes reads neither a map
// nor the item's encoding. layout is the table meta's stored when the
// writer read it; a commit under another one (the indexes changed since)
// decodes the item instead. The zero itemSlots is none.
type itemSlots struct {
	layout *layout
	vals   []Value
}

// slots says where one index's attributes lie in the slots of a layout.
type slots struct {
	layout *layout
	keys   []int // the index key attributes', partition then sort
	stored []int // those of ix.stored
}

// slotsIn returns the places of ix's attributes in l, which holds them
// all.
func (ix *index) slotsIn(l *layout) slots {
	s := slots{layout: l}
	for _, a := range ix.keys {
		s.keys = append(s.keys, l.place(a.name))
	}
	for _, name := range ix.stored {
		s.stored = append(s.stored, l.place(name))
	}
	return s
}

// recordVals are the attributes the indexes of a table store, decoded
// from both images of a record in one layout, for all the indexes to
// share: slots[i] are the places of indexes[i]'s attributes.
type recordVals struct {
	before, after []Value
	indexes       []*index
	slots         []slots
}

var recordValsPool = sync.Pool{New: func() any { return new(recordVals) }}

// decodeImages decodes the attributes of l from both images of r (the
// after image's copied from after, if it is in l) into a
// recordVals of recordValsPool; release gives it back once no reader
// keeps r. An image that does not decode leaves its slots empty (the
// item in no index): stored encodings do decode.
func decodeImages(r *record, l *layout, after itemSlots) *recordVals {
	v := recordValsPool.Get().(*recordVals)
	v.before, v.after = slices.Grow(v.before, len(l.names))[:len(l.names)], slices.Grow(v.after, len(l.names))[:len(l.names)]
	if r.hadBefore && l.decode(v.before, r.before.enc()) != nil {
		clear(v.before)
	}
	switch {
	case !r.hasAfter:
	case after.layout == l:
		copy(v.after, after.vals)
	case l.decode(v.after, r.after.enc()) != nil:
		clear(v.after)
	}
	return v
}

// decodeForIndexes decodes, once for all of m's indexes, the attributes
// they store of both images of r; after, if in m's layout, are the
// after image's, read instead of decoding it (its values may be written
// as the writer wrote them: numbers not canonical, sets in any order; the
// indexes compare values by Equal and encode them anew).
func decodeForIndexes(r *record, m *tableMeta, after itemSlots) *recordVals {
	v := decodeImages(r, m.stored, after)
	v.indexes, v.slots = m.indexes, m.slots
	return v
}

// slotsOf returns where ix's attributes lie in v, or false when v was
// decoded for indexes ix is not among.
func (v *recordVals) slotsOf(ix *index) (slots, bool) {
	for i, x := range v.indexes {
		if x == ix {
			return v.slots[i], true
		}
	}
	return slots{}, false
}

// release empties v (dropping what it referred to) and gives it back to
// recordValsPool.
func (v *recordVals) release() {
	clear(v.before)
	clear(v.after)
	v.indexes, v.slots = nil, nil
	recordValsPool.Put(v)
}

// sameSlot reports whether two slots hold the same value, or are both
// empty.
func sameSlot(a, b Value) bool {
	return a.t == b.t && (a.t == 0 || a.Equal(b))
}
