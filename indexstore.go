package ddbsim

import (
	"cmp"
	"slices"
	"strings"
	"sync/atomic"
	"time"

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
	// keys are the index's key attributes, partition then sort.
	keys []keyAttr
	// stored are the attributes maintenance decodes of an item: the
	// index's keys for ALL (which stores the item's encoding as it is),
	// names (and INCLUDE's NonKeyAttributes) otherwise.
	stored []string
	// items and bytes count the entries of the authoritative tree (the
	// GSI's, the leader's LSI), for DescribeTable.
	items, bytes atomic.Int64
	// activeAt is when a GSI that UpdateTable created turns ACTIVE on the
	// DB's clock, with Options.TransientStatuses; zero otherwise.
	activeAt time.Time
	// backfilling is true while UpdateTable fills the GSI from a clone of
	// the leader (backfill.go); source is that clone, for strict mode,
	// guarded by the table's write lock.
	backfilling atomic.Bool
	source      *btree.BTreeG[entry]
}

// creating reports whether the index is CREATING at now: backfilling, or
// held by Options.TransientStatuses.
func (ix *index) creating(now time.Time) bool {
	return ix.backfilling.Load() || now.Before(ix.activeAt)
}

// readable reports whether the index may be read now, on db's clock: not
// while it is CREATING ("Cannot read from backfilling global secondary
// index"). Cost: an atomic load; a clock read only for an index created
// under Options.TransientStatuses.
func (ix *index) readable(db *DB) bool {
	return !ix.backfilling.Load() && (ix.activeAt.IsZero() || !db.Now().Before(ix.activeAt))
}

// newIndex returns the storage-side index of schema s on a table keyed by
// ks whose ARN is tableARN.
func newIndex(s indexSchema, ks keySchema, tableARN string) *index {
	ix := &index{indexSchema: s, arn: tableARN + "/index/" + s.name, table: ks, keys: slices.Concat(s.hash, s.sort)}
	ix.names = ks.names()
	for _, a := range ix.keyAttrs() {
		if !slices.Contains(ix.names, a.name) {
			ix.names = append(ix.names, a.name)
		}
	}
	switch s.projection {
	case ProjectionTypeAll:
		ix.stored = ix.keyNames()
	case ProjectionTypeInclude:
		ix.stored = append(slices.Clone(ix.names), s.nonKey...)
	default:
		ix.stored = ix.names
	}
	return ix
}

// fork returns a copy of the index for a forked table, with its counts
// and without its GSI reader (which the table's fork forks).
func (ix *index) fork() *index {
	c := &index{indexSchema: ix.indexSchema, arn: ix.arn, lsi: ix.lsi, table: ix.table, names: ix.names, keys: ix.keys, stored: ix.stored,
		activeAt: ix.activeAt}
	c.items.Store(ix.items.Load())
	c.bytes.Store(ix.bytes.Load())
	return c
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
			_, pk := splitPartition(f)
			return tableKey{hash: partitionHash([]byte(pk)), key: f}
		}
		k = rest
	}
}

// keyAttrs returns the index's key attributes, partition then sort.
func (ix *index) keyAttrs() []keyAttr { return ix.keys }

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
	vals := getScratchItem()
	defer putScratchItem(vals)
	k, ok := ix.keyOf(e, vals)
	if !ok {
		return entry{}, false
	}
	return ix.entryAt(k, e, vals)
}

// keyOf decodes into vals (empty) the attributes the index stores of the
// item e and returns its index key, or false when the item is not in the
// index.
func (ix *index) keyOf(e entry, vals Item) (tableKey, bool) {
	if err := decodeAttributesInto(vals, e.enc(), ix.stored, nil); err != nil {
		return tableKey{}, false
	}
	return ix.keyIn(e, vals)
}

// keyIn returns the index key of the item e whose attributes vals holds
// (those the index stores, and maybe others).
func (ix *index) keyIn(e entry, vals Item) (tableKey, bool) {
	return ix.indexKey(func(name string) (Value, bool) { v, ok := vals[name]; return v, ok }, e.key())
}

// entryAt returns the index entry under k of the item e, whose stored
// attributes (and maybe others) vals holds.
func (ix *index) entryAt(k tableKey, e entry, vals Item) (entry, bool) {
	if ix.projection == ProjectionTypeAll {
		return newEntry(k, []byte(e.enc()), e.size()), true
	}
	proj := getScratchItem()
	defer putScratchItem(proj)
	for _, name := range ix.stored {
		if v, ok := vals[name]; ok {
			proj[name] = v
		}
	}
	enc, size, err := encodeItem(proj)
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
// place, and left alone when what the index stores of the item is
// unchanged. count says whether the tree is the index's authoritative
// one, whose entries DescribeTable counts. Cost: decoding the attributes
// the index stores of both images, O(log n) a tree change.
func (ix *index) maintain(tree *btree.BTreeG[entry], r *record, count bool) {
	var oldVals, newVals Item
	if r.vals != nil {
		oldVals, newVals = r.vals.before, r.vals.after
	} else {
		oldVals, newVals = getScratchItem(), getScratchItem()
		defer putScratchItem(oldVals)
		defer putScratchItem(newVals)
		if r.hadBefore && decodeAttributesInto(oldVals, r.before.enc(), ix.stored, nil) != nil {
			return
		}
		if r.hasAfter && decodeAttributesInto(newVals, r.after.enc(), ix.stored, nil) != nil {
			return
		}
	}
	var oldK, newK tableKey
	oldIn, newIn := false, false
	if r.hasAfter {
		newK, newIn = ix.keyIn(r.after, newVals)
	}
	switch {
	case !r.hadBefore:
	case r.hasAfter && ix.sameKeyValues(oldVals, newVals): // the item's key is the same too
		oldK, oldIn = newK, newIn
	default:
		oldK, oldIn = ix.keyIn(r.before, oldVals)
	}
	if oldIn && newIn && oldK == newK && ix.sameStored(r, oldVals, newVals) {
		return
	}
	if oldIn && (!newIn || oldK != newK) {
		if old, ok := tree.Delete(probe(oldK)); ok && count {
			ix.items.Add(-1)
			ix.bytes.Add(-int64(old.size()))
		}
	}
	if !newIn {
		return
	}
	next, ok := ix.entryAt(newK, r.after, newVals)
	if !ok {
		return
	}
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

// sameStored reports whether the index stores the same of both images of
// r (whose stored attributes oldVals and newVals hold): the same item for
// ALL, the same values of its attributes otherwise.
func (ix *index) sameStored(r *record, oldVals, newVals Item) bool {
	if ix.projection == ProjectionTypeAll {
		return r.before.enc() == r.after.enc()
	}
	for _, name := range ix.stored {
		a, okA := oldVals[name]
		b, okB := newVals[name]
		if okA != okB || okA && !a.Equal(b) {
			return false
		}
	}
	return true
}

// sameKeyValues reports whether two images hold the same index key
// attributes (each absent from both, or equal in both).
func (ix *index) sameKeyValues(a, b Item) bool {
	for _, k := range ix.keys {
		va, okA := a[k.name]
		vb, okB := b[k.name]
		if okA != okB || okA && (va.t != vb.t || va.s != vb.s) {
			return false
		}
	}
	return true
}

// recordVals are the attributes every index of a table stores, decoded
// once from both images of a record, for all the indexes to share.
type recordVals struct {
	before, after Item
}

// decodeForIndexes decodes, once for every index, the attributes the
// indexes store of both images of r (names: their union), into maps of
// scratchItems: release gives them back once no reader keeps r.
func decodeForIndexes(r *record, names []string) *recordVals {
	v := &recordVals{before: getScratchItem(), after: getScratchItem()}
	if r.hadBefore {
		decodeAttributesInto(v.before, r.before.enc(), names, nil)
	}
	if r.hasAfter {
		decodeAttributesInto(v.after, r.after.enc(), names, nil)
	}
	return v
}

// release gives v's maps back to scratchItems.
func (v *recordVals) release() {
	putScratchItem(v.before)
	putScratchItem(v.after)
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
