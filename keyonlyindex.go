package ddbsim

import (
	"strings"

	"github.com/ddbsim/ddbsim/internal/number"
)

// A KEYS_ONLY index's entries hold their key alone (index.keyOnly): what
// the index projects, the table's and the index's key attributes, is the
// key's fields. Building an entry counts its size (keyOnlySize); a read
// decodes the attributes from the key (expand).

// keyAttrsOf calls each with every attribute of the index key k (whole
// fields, the table key last) and its key encoding (appendKeyBytes):
// the index's own key attributes, then the table's (an attribute of both
// keys comes once, as the table's).
func (ix *index) keyAttrsOf(k string, each func(a keyAttr, b string)) {
	for _, a := range ix.keys {
		var f string
		f, k = splitField(k)
		if !ix.inTableKey(a) {
			each(a, unescapeField(f))
		}
	}
	f, _ := splitField(k)
	ix.tableKeyAttrs(unescapeField(f), each)
}

// tableKeyAttrs calls each with the table's key attributes and their key
// encodings in the encoded table key base, partition key first.
func (ix *index) tableKeyAttrs(base string, each func(a keyAttr, b string)) {
	prefixed, pk := splitPartition(base)
	each(ix.table.hash, pk)
	if ix.table.hasSort() {
		each(ix.table.sort, base[len(prefixed):])
	}
}

// inTableKey reports whether the index key attribute a is one of the
// table's key attributes too.
func (ix *index) inTableKey(a keyAttr) bool {
	return a.name == ix.table.hash.name || a.name == ix.table.sort.name
}

// unescapeField returns the bytes of a field of an index key: f with its
// escaped zero bytes restored. Cost: an allocation only when f holds one.
func unescapeField(f string) string {
	if strings.IndexByte(f, 0) < 0 {
		return f
	}
	return strings.ReplaceAll(f, "\x00\xff", "\x00")
}

// keyOnlySize returns the size of what a KEYS_ONLY index projects of an
// item whose attributes vals holds at places at and whose encoded table
// key is base, as an item of those attributes counts it; false if a
// value is no key value. Cost: a scan of each number; no allocation.
func (ix *index) keyOnlySize(vals []Value, at slots, base string) (size int, ok bool) {
	ok = true
	ix.tableKeyAttrs(base, func(a keyAttr, b string) {
		n, good := keyAttrSize(a, b)
		size, ok = size+n, ok && good
	})
	for i, a := range ix.keys {
		if ix.inTableKey(a) {
			continue // counted once, as the table's
		}
		v := vals[at.keys[i]]
		n := len(v.s)
		if v.t == TypeN {
			var err error
			n, err = number.TextSize(v.s)
			ok = ok && err == nil
		}
		size += len(a.name) + n
	}
	return size, ok
}

// keyAttrSize returns the size of the attribute a whose value has the
// key encoding b, as an item counts it; false if b is none. Cost: a scan
// of a number's b.
func keyAttrSize(a keyAttr, b string) (int, bool) {
	if a.typ != TypeN {
		return len(a.name) + len(b), true
	}
	n, err := number.KeySize(b)
	return len(a.name) + n, err == nil
}

// expand returns the entry a read of a KEYS_ONLY index takes for its
// entry e: e's key, then the projected attributes decoded from it,
// encoded as an item's; false if e's key does not decode (not in a
// consistent index, which strict mode checks). Cost: O(len(key)); one
// allocation, for the encoding (and one for a negative number's digits).
func (ix *index) expand(e entry) (entry, bool) {
	enc := getEncoder()
	defer putEncoder(enc)
	enc.buf = append(enc.buf, e.key()...)
	enc.uvarint(len(ix.names))
	var err error
	ix.keyAttrsOf(e.key(), func(a keyAttr, b string) {
		if err != nil {
			return
		}
		if err = enc.name(a.name); err != nil {
			return
		}
		if a.typ != TypeN {
			err = enc.value(Value{t: a.typ, s: b}, 1)
			return
		}
		var n number.Number
		if n, err = number.ParseKey(b); err == nil {
			enc.numberValue(n)
		}
	})
	if err != nil {
		return entry{}, false
	}
	return entry{hash: e.hash, data: string(enc.buf), klen: e.klen, sz: e.sz}, true
}
