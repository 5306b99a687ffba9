package ddbsim

import (
	"encoding/binary"
	"errors"
	"slices"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// An update usually touches a few attributes of a larger item. When the
// caller does not want the whole item back (ReturnValues NONE, UPDATED_OLD
// or UPDATED_NEW), UpdateItem decodes only the top-level attributes the
// update reads or writes, applies the update to those, and splices the
// result into the stored encoding: the other attributes are copied as
// bytes, never decoded or validated again (they were valid when stored).

// top appends to names the top-level attribute names the update reads or
// writes, without duplicates: everything the update's outcome depends on.
func (u updater) top(names []string) []string {
	add := func(name string) {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	u.eachTarget(add)
	if u.expr != nil {
		for _, s := range u.expr.Set {
			walk(s.Value, func(n expr.Node) {
				if p, ok := n.(*expr.PathNode); ok {
					add(u.env.name(p.Elems[0]))
				}
			})
		}
	}
	return names
}

// patch is apply for a stored item when the whole item is not returned:
// only the attributes named by top are decoded and re-encoded.
func (u updater) patch(k tableKey, old entry) (updateResult, error) {
	var topBuf [8]string
	top := u.top(topBuf[:0])
	base := getScratchItem()
	r := updateResult{oldSize: old.size(), oldItem: base, scratch: base}
	var spanBuf [4]span
	spans := spanBuf[:0]
	if err := decodeAttributesInto(base, old.enc(), top, func(s span) { spans = append(spans, s) }); err != nil {
		return r, err
	}
	oldPart := 0
	for _, s := range spans {
		size, err := attributeSize(old.enc(), s)
		if err != nil {
			return r, err
		}
		oldPart += size
	}
	next, err := u.run(base, true)
	if err != nil {
		return r, err
	}
	e := getEncoder()
	defer putEncoder(e)
	enc, newPart, err := spliceItem(e, old.enc(), spans, next, top)
	if err != nil {
		return r, err
	}
	size := old.size() - oldPart + newPart
	if size > MaxItemSize {
		return r, validationError(msgUpdateTooLarge)
	}
	r.write, r.newItem = true, next
	r.next = newEntry(k, enc, size)
	return r, nil
}

// errUnlisted reports a spliceItem call whose names miss an attribute of
// add: top missed a name the update wrote.
var errUnlisted = errors.New("ddbsim: an update wrote an attribute it did not name")

// spliceItem writes into e (empty) the encoding enc, an encodeItem
// encoding, without the attributes that lie at cut (spans in enc's order,
// from decodeItemFiltered) and with the attributes of add, whose values
// it validates (the first invalid one in name order is reported). names
// lists every name add holds, and may list more: add is read by looking
// them up, which costs less than walking a small map. It returns the new
// encoding, which lives in e's buffer, and the size of add's attributes.
// The attributes of add come first: an attribute updated once (a
// counter, a version) is likely to be read again, and decodeAttributes
// then finds it at once. The rest of enc follows, copied as bytes without
// being read.
func spliceItem(e *encoder, enc string, cut []span, add Item, names []string) ([]byte, int, error) {
	// Leave room for the attribute count, known at the end.
	e.buf = append(e.buf, make([]byte, binary.MaxVarintLen64)...)
	written := 0
	for _, name := range names {
		v, ok := add[name]
		if !ok {
			continue
		}
		if err := e.entry(name, v, 1, 0); err != nil {
			return nil, 0, e.firstError(func(s *encoder) error { return s.entries(add, 1, 0) }, err)
		}
		written++
	}
	if written != len(add) {
		return nil, 0, errUnlisted
	}
	d := decoder{s: enc}
	n, err := d.count()
	if err != nil || n < len(cut) {
		return nil, 0, errCorrupt
	}
	from := d.pos
	for _, c := range cut {
		if c.start < from || c.end < c.start || c.end > len(enc) {
			return nil, 0, errCorrupt
		}
		e.buf = append(e.buf, enc[from:c.start]...)
		from = c.end
	}
	e.buf = append(e.buf, enc[from:]...)
	var prefix [binary.MaxVarintLen64]byte
	p := binary.PutUvarint(prefix[:], uint64(n-len(cut)+len(add)))
	start := binary.MaxVarintLen64 - p
	copy(e.buf[start:], prefix[:p])
	return e.buf[start:], e.size, nil
}
