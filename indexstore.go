package ddbsim

import (
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/google/btree"
)

// index is one secondary index of a table: its schema, and where its
// entries live. A GSI has a tree of its own, fed from the table's commit
// log by a reader (gsi); an LSI lives inside each replica of the table
// (replica.lsis[lsi]), applied with the base item.
//
// An index entry is an entry whose key is the index key and the item's
// primary key as fields (see appendField), compared field by field
// (indexLess), and whose item is the projection the index stores.
type index struct {
	indexSchema
	arn   string
	lsi   int       // an LSI's place in replica.lsis
	gsi   *follower // a GSI's tree and the reader that feeds it
	table keySchema // the table's primary key
	// names are the attributes every entry holds, whatever the
	// projection: the table's key, then the index's; LastEvaluatedKey's
	// attributes.
	names []string
	// items and bytes count the entries of the authoritative tree (the
	// GSI's, the leader's LSI), for DescribeTable.
	items, bytes atomic.Int64
}

// newIndex returns the storage-side index of schema s on a table keyed by
// ks whose ARN is tableARN.
func newIndex(s indexSchema, ks keySchema, tableARN string) *index {
	ix := &index{indexSchema: s, arn: tableARN + "/index/" + s.name, table: ks}
	ix.names = ks.names()
	for _, a := range ix.keyAttrs() {
		if !slices.Contains(ix.names, a.name) {
			ix.names = append(ix.names, a.name)
		}
	}
	return ix
}

// treeOf returns the index's tree that serves reads of replica r: a
// GSI's own, or r's LSI.
func (ix *index) treeOf(r *replica) *btree.BTreeG[entry] {
	if ix.gsi != nil {
		return ix.gsi.replica.tree
	}
	return r.lsis[ix.lsi].tree
}

// baseKey returns the table key of the item an index entry stands for:
// its key's last field.
func (ix *index) baseKey(e entry) tableKey {
	k := e.key()
	for {
		f, _, rest := nextField(k)
		if rest == "" {
			n, w := binary.Uvarint([]byte(f[:min(len(f), binary.MaxVarintLen64)]))
			return tableKey{hash: partitionHash([]byte(f[w : w+int(n)])), key: f}
		}
		k = rest
	}
}

// keyAttrs returns the index's key attributes, partition then sort.
func (ix *index) keyAttrs() []keyAttr {
	return append(append(make([]keyAttr, 0, len(ix.hash)+len(ix.sort)), ix.hash...), ix.sort...)
}

// Index entry keys are fields, each a 2-byte big-endian length and the
// order-preserving encoding of a value (appendKeyBytes); a length of
// fieldMax is no value but a bound above every field.
const fieldMax = 0xFFFF

// appendField appends one field holding b.
func appendField(dst []byte, b []byte) []byte {
	return append(append(dst, byte(len(b)>>8), byte(len(b))), b...)
}

// nextField splits the first field off k: its bytes, or top for the
// bound above every field; rest is what follows.
func nextField(k string) (f string, top bool, rest string) {
	n := int(k[0])<<8 | int(k[1])
	if n == fieldMax {
		return "", true, k[2:]
	}
	return k[2 : 2+n], false, k[2+n:]
}

// compareFields compares two index keys field by field, each field's
// bytes in byte order; a key whose fields run out first is the smaller,
// so a key sorts after every key that is a prefix of it. With prefix set,
// it compares only as many fields as b has (a key "starts with" bound b
// when the result is 0).
func compareFields(a, b string, prefix bool) int {
	for len(a) > 0 && len(b) > 0 {
		fa, topA, restA := nextField(a)
		fb, topB, restB := nextField(b)
		switch {
		case topA || topB:
			if topA && topB {
				return 0
			}
			if topA {
				return 1
			}
			return -1
		}
		if c := strings.Compare(fa, fb); c != 0 {
			return c
		}
		a, b = restA, restB
	}
	if prefix && len(b) == 0 {
		return 0
	}
	return cmp.Compare(len(a), len(b))
}

// indexLess orders an index's tree: by the hash of the index partition
// key, then the key's fields.
func indexLess(a, b entry) bool {
	if a.hash != b.hash {
		return a.hash < b.hash
	}
	return compareFields(a.key(), b.key(), false) < 0
}

// newIndexTree returns an empty tree of index entries.
func newIndexTree() *btree.BTreeG[entry] { return btree.NewG(treeDegree, indexLess) }

// indexKey encodes the index key of an item whose index key attributes
// are vals (partition attributes first), followed by base, the item's
// encoded primary key (omitted when empty: a bound). ok is false when a
// value is missing or not of the attribute's type: the item is not in
// the index.
func (ix *index) indexKey(vals func(name string) (Value, bool), base string) (k tableKey, ok bool) {
	var buf [256]byte
	out := buf[:0]
	for i, a := range ix.keyAttrs() {
		v, found := vals(a.name)
		if !found || v.t != a.typ || (v.t != TypeN && v.s == "") {
			return tableKey{}, false
		}
		var vb [128]byte
		b, err := appendKeyBytes(vb[:0], v)
		if err != nil {
			return tableKey{}, false
		}
		out = appendField(out, b)
		if i == len(ix.hash)-1 {
			k.hash = partitionHash(out)
		}
	}
	if base != "" {
		out = appendField(out, []byte(base))
	}
	k.key = string(out)
	return k, true
}

// entryFor returns the index entry of the stored item e, or false when
// the item is not in the index (it lacks an index key attribute, or has
// one of another type or empty). Cost: decoding the attributes the index
// stores; for KEYS_ONLY and INCLUDE, encoding them anew.
func (ix *index) entryFor(e entry) (entry, bool) {
	want := ix.names
	if ix.projection == ProjectionTypeInclude {
		want = append(append([]string(nil), ix.names...), ix.nonKey...)
	}
	var it Item
	var err error
	if ix.projection == ProjectionTypeAll {
		it, err = decodeAttributes(e.enc(), ix.keyNames())
	} else {
		it, err = decodeAttributes(e.enc(), want)
	}
	if err != nil {
		return entry{}, false
	}
	k, ok := ix.indexKey(func(name string) (Value, bool) { v, ok := it[name]; return v, ok }, e.key())
	if !ok {
		return entry{}, false
	}
	if ix.projection == ProjectionTypeAll {
		return newEntry(k, []byte(e.enc()), e.size()), true
	}
	enc, size, err := encodeItem(it)
	if err != nil {
		return entry{}, false
	}
	return newEntry(k, enc, size), true
}

// keyNames returns the index's own key attributes' names.
func (ix *index) keyNames() []string {
	names := make([]string, 0, len(ix.hash)+len(ix.sort))
	for _, a := range ix.keyAttrs() {
		names = append(names, a.name)
	}
	return names
}

// maintain applies an item change record to the index tree (whose lock
// the caller holds): the entry of the item before leaves, the entry of
// the item after comes in; an entry whose key stays is replaced in
// place. count says whether the tree is the index's authoritative one,
// whose entries DescribeTable counts.
func (ix *index) maintain(tree *btree.BTreeG[entry], r *record, count bool) {
	var old, next entry
	oldIn, nextIn := false, false
	if r.hadBefore {
		old, oldIn = ix.entryFor(r.before)
	}
	if r.hasAfter {
		next, nextIn = ix.entryFor(r.after)
	}
	if oldIn && (!nextIn || old.key() != next.key() || old.hash != next.hash) {
		tree.Delete(old)
		if count {
			ix.items.Add(-1)
			ix.bytes.Add(-int64(old.size()))
		}
	}
	if nextIn {
		prev, replaced := tree.ReplaceOrInsert(next)
		if count {
			if replaced {
				ix.bytes.Add(-int64(prev.size()))
			} else {
				ix.items.Add(1)
			}
			ix.bytes.Add(int64(next.size()))
		}
	}
}

// recompute returns the index's tree as it should be for a base tree:
// for strict mode's checks. Cost: O(n) entries built.
func (ix *index) recompute(base *btree.BTreeG[entry]) *btree.BTreeG[entry] {
	tree := newIndexTree()
	base.Ascend(func(e entry) bool {
		if ie, ok := ix.entryFor(e); ok {
			tree.ReplaceOrInsert(ie)
		}
		return true
	})
	return tree
}
