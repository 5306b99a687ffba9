package ddbsim

import (
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
// primary key as fields (see appendField), which compare as the fields
// do, and whose item is the projection the index stores (none, in an
// itemless or a KEYS_ONLY index, whose keys say it all).
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
	// own are the places of the index's attributes in a layout of stored,
	// for decoding an image for this index alone.
	own slots
	// itemless is set for an LSI projecting ALL: its entries hold their
	// key alone, and a read takes each item from the table's tree of the
	// same replica, under the same lock (pageReader.items). The item the
	// entry stands for is the one its key names there, so a write that
	// keeps the index key leaves the tree alone.
	itemless bool
	// keyOnly is set for a KEYS_ONLY index: its entries hold their key
	// alone, and a read decodes what it projects from it (expand).
	keyOnly bool
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
	ix.own = ix.slotsIn(newLayout(ix.stored))
	ix.itemless = s.kind == localIndex && s.projection == ProjectionTypeAll
	ix.keyOnly = s.projection != ProjectionTypeAll && s.projection != ProjectionTypeInclude
	return ix
}

// fork returns a copy of the index for a forked table, with its counts
// and without its GSI reader (which the table's fork forks).
func (ix *index) fork() *index {
	c := &index{indexSchema: ix.indexSchema, arn: ix.arn, lsi: ix.lsi, table: ix.table, names: ix.names, keys: ix.keys, stored: ix.stored, own: ix.own,
		itemless: ix.itemless, keyOnly: ix.keyOnly, activeAt: ix.activeAt}
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
// its key's last field. Cost: a scan of the key; an allocation only when
// the table key holds a zero byte.
func (ix *index) baseKey(e entry) tableKey {
	f := ix.baseKeyOf(e.key())
	_, pk := splitPartition(f)
	return tableKey{hash: partitionHash([]byte(pk)), key: f}
}

// baseKeyOf returns the last field of an index key of ix, unescaped: the
// encoded table key.
func (ix *index) baseKeyOf(k string) string {
	for range ix.keys {
		_, k = splitField(k)
	}
	f, _ := splitField(k)
	return unescapeField(f)
}

// keyAttrs returns the index's key attributes, partition then sort.
func (ix *index) keyAttrs() []keyAttr { return ix.keys }

// An index key is fields: the order-preserving encoding of each index
// key attribute's value (appendKeyBytes), then the item's encoded table
// key, each with its zero bytes escaped (0x00 0xFF) and ended by 0x00
// 0x01. Keys so built compare as their fields do, one by one (a field
// that is a prefix of another ends first, and 0x01 sorts below every
// byte that can follow), so an index tree orders its entries as a table
// tree does (entryLess), and the keys that start with some fields are
// those that start with their bytes.

// appendField appends one field holding b.
func appendField[B string | []byte](dst []byte, b B) []byte {
	for {
		i := 0
		for i < len(b) && b[i] != 0 {
			i++
		}
		dst = append(dst, b[:i]...)
		if i == len(b) {
			return append(dst, 0, 1)
		}
		dst = append(dst, 0, 0xFF)
		b = b[i+1:]
	}
}

// appendKeyField appends the field holding v's key encoding, or
// appendKeyBytes's error. Cost: O(len); no allocation but dst's growth.
func appendKeyField(dst []byte, v Value) ([]byte, error) {
	if v.t == TypeS || v.t == TypeB { // encoded as their bytes: no copy through buf
		return appendField(dst, v.s), nil
	}
	var buf [48]byte // a number's key encoding takes at most 41 bytes
	b, err := appendKeyBytes(buf[:0], v)
	if err != nil {
		return dst, err
	}
	return appendField(dst, b), nil
}

// splitField splits the first field off k (which holds whole fields):
// its bytes, still escaped, and what follows.
func splitField(k string) (f, rest string) {
	for i := 0; ; i += 2 {
		i += strings.IndexByte(k[i:], 0)
		if k[i+1] == 1 {
			return k[:i], k[i+2:]
		}
	}
}

// fieldsEnd returns the least key above every key that starts with the
// whole fields of bound.
func fieldsEnd(bound string) string { return bound[:len(bound)-1] + "\x02" }

// newIndexTree returns an empty tree of index entries.
func newIndexTree() *btree.BTreeG[entry] { return btree.NewG(treeDegree, entryLess) }

// indexKey encodes the index key of an item whose index key attributes
// are vals (partition attributes first), followed by base, the item's
// encoded primary key (omitted when empty: a bound). ok is false when a
// value is missing or not of the attribute's type: the item is not in
// the index.
func (ix *index) indexKey(vals func(name string) (Value, bool), base string) (k tableKey, ok bool) {
	keyVals := make([]Value, len(ix.own.layout.names))
	for i, p := range ix.own.keys {
		keyVals[p], _ = vals(ix.keys[i].name)
	}
	var buf [256]byte
	key, hash, ok := ix.slotKey(buf[:0], keyVals, ix.own, base)
	return tableKey{hash: hash, key: string(key)}, ok
}

// slotKey is indexKey into buf's storage (which it may outgrow), for an
// image decoded into vals, ix's attributes at places at (absent: the
// zero Value): the key's bytes and its partition hash.
func (ix *index) slotKey(buf []byte, vals []Value, at slots, base string) (key []byte, hash uint64, ok bool) {
	key = buf[:0]
	for i, a := range ix.keys {
		v := &vals[at.keys[i]]
		if !a.admits(*v) {
			return nil, 0, false
		}
		var err error
		if key, err = appendKeyField(key, *v); err != nil {
			return nil, 0, false
		}
		if i == len(ix.hash)-1 {
			hash = partitionHash(key)
		}
	}
	if base != "" {
		key = appendField(key, base)
	}
	return key, hash, true
}

// sameKeySlots reports whether both images of v hold the same index key
// attributes (each absent from both, or the same in both), so the same
// index key.
func (ix *index) sameKeySlots(v *recordVals, at slots) bool {
	for _, p := range at.keys {
		a, b := &v.before[p], &v.after[p]
		if a.t != b.t || a.s != b.s {
			return false
		}
	}
	return true
}

// entryFor returns the index entry of the stored item e, or false when
// the item is not in the index (it lacks an index key attribute, or has
// one of another type or empty). Cost: decoding the attributes the index
// stores; for INCLUDE, encoding them anew.
func (ix *index) entryFor(e entry) (entry, bool) {
	v := decodeImages(&record{hasAfter: true, after: e}, ix.own.layout, itemSlots{})
	defer v.release()
	var buf [256]byte
	key, hash, ok := ix.slotKey(buf[:0], v.after, ix.own, e.key())
	if !ok {
		return entry{}, false
	}
	return ix.entryOf(key, hash, e, v.after, ix.own)
}

// entryOf returns the index entry under key (hash: its partition's) of
// the item e, whose attributes the index stores vals holds at places at:
// one allocation, for the key and what the index stores (nothing, in an
// itemless or a KEYS_ONLY index; a KEYS_ONLY entry's size is what it
// projects, counted from vals and e's key).
func (ix *index) entryOf(key []byte, hash uint64, e entry, vals []Value, at slots) (entry, bool) {
	switch {
	case ix.itemless:
		return entry{hash: hash, data: string(key), klen: uint32(len(key))}, true
	case ix.keyOnly:
		size, ok := ix.keyOnlySize(vals, at, e.key())
		return entry{hash: hash, data: string(key), klen: uint32(len(key)), sz: uint32(size)}, ok
	case ix.projection == ProjectionTypeAll:
		var data strings.Builder
		data.Grow(len(key) + len(e.enc()))
		data.Write(key)
		data.WriteString(e.enc())
		return entry{hash: hash, data: data.String(), klen: uint32(len(key)), sz: e.sz}, true
	}
	enc := getEncoder()
	defer putEncoder(enc)
	enc.buf = append(enc.buf, key...)
	n := 0
	for _, p := range at.stored {
		if vals[p].t != 0 {
			n++
		}
	}
	enc.uvarint(n)
	for _, p := range at.stored {
		if v := vals[p]; v.t != 0 {
			if err := enc.entry(at.layout.names[p], v, 1, 0); err != nil {
				return entry{}, false
			}
		}
	}
	return entry{hash: hash, data: string(enc.buf), klen: uint32(len(key)), sz: uint32(enc.size)}, true
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
// unchanged (always, in an itemless index). count says whether the tree
// is the index's authoritative one, whose entries DescribeTable counts.
// Cost: the index keys of both images from the attributes the commit
// decoded (decoding them if it did not decode them for this index),
// O(log n) a tree change.
func (ix *index) maintain(tree *btree.BTreeG[entry], r *record, count bool) {
	var at slots
	v, ok := r.vals, false
	if v != nil {
		at, ok = v.slotsOf(ix)
	}
	if !ok {
		v, at = decodeImages(r, ix.own.layout, itemSlots{}), ix.own
		defer v.release()
	}
	// One index key, the item's key being the same, and the same stored:
	// the entry, if any, stays as it is, its key not even built.
	kept := r.hadBefore && r.hasAfter && ix.sameKeySlots(v, at)
	if kept && (ix.itemless || ix.sameStored(r, v, at)) {
		ix.keep(r, count && ix.holds(v.after, at))
		return
	}
	var oldBuf, newBuf [256]byte
	var oldKey, newKey []byte
	var oldHash, newHash uint64
	oldIn, newIn := false, false
	if r.hasAfter {
		newKey, newHash, newIn = ix.slotKey(newBuf[:0], v.after, at, r.after.key())
	}
	switch {
	case !r.hadBefore:
	case kept:
		oldKey, oldHash, oldIn = newKey, newHash, newIn
	default:
		oldKey, oldHash, oldIn = ix.slotKey(oldBuf[:0], v.before, at, r.before.key())
	}
	sameKey := oldIn && newIn && string(oldKey) == string(newKey)
	if sameKey && (ix.itemless || ix.sameStored(r, v, at)) {
		ix.keep(r, count)
		return
	}
	if oldIn && !sameKey {
		if old, ok := tree.Delete(probe(tableKey{hash: oldHash, key: string(oldKey)})); ok && count {
			ix.items.Add(-1)
			ix.bytes.Add(-int64(ix.sizeOf(old, r.before)))
		}
	}
	if !newIn {
		return
	}
	next, ok := ix.entryOf(newKey, newHash, r.after, v.after, at)
	if !ok {
		return
	}
	prev, replaced := tree.ReplaceOrInsert(next)
	if count {
		if replaced {
			ix.bytes.Add(-int64(ix.sizeOf(prev, r.before)))
		} else {
			ix.items.Add(1)
		}
		ix.bytes.Add(int64(ix.sizeOf(next, r.after)))
	}
}

// keep counts a change of an item in the index (count: of its
// authoritative tree) that leaves its entry as it is: an itemless
// index's bytes follow the item's size.
func (ix *index) keep(r *record, count bool) {
	if ix.itemless && count {
		ix.bytes.Add(int64(r.after.size() - r.before.size()))
	}
}

// holds reports whether an image decoded into vals (ix's attributes at
// places at) is in the index: every index key attribute of its type, and
// not an empty S or B.
func (ix *index) holds(vals []Value, at slots) bool {
	for i, a := range ix.keys {
		if !a.admits(vals[at.keys[i]]) {
			return false
		}
	}
	return true
}

// sizeOf returns the size of what the index entry e of the stored item
// (an entry of the table's tree) holds, as DescribeTable and capacity
// count it: the item's, for an itemless index.
func (ix *index) sizeOf(e, item entry) int {
	if ix.itemless {
		return item.size()
	}
	return e.size()
}

// sameStored reports whether the index stores the same of both images of
// r (decoded into v, the index's attributes at places at): the same item
// for ALL, the same values of its attributes otherwise.
func (ix *index) sameStored(r *record, v *recordVals, at slots) bool {
	if ix.projection == ProjectionTypeAll {
		return r.before.enc() == r.after.enc()
	}
	for _, p := range at.stored {
		if !sameSlot(v.before[p], v.after[p]) {
			return false
		}
	}
	return true
}

// recompute returns the index's tree as it should be for a base tree,
// and the bytes DescribeTable counts in it: for strict mode's checks, and
// for filling a GSI. Cost: O(n) entries built.
func (ix *index) recompute(base *btree.BTreeG[entry]) (tree *btree.BTreeG[entry], bytes int64) {
	tree = newIndexTree()
	base.Ascend(func(e entry) bool {
		if ie, ok := ix.entryFor(e); ok {
			tree.ReplaceOrInsert(ie)
			bytes += int64(ix.sizeOf(ie, e))
		}
		return true
	})
	return tree, bytes
}
