package ddbsim

import "strings"

// treeDegree is the B-tree degree of every replica tree.
const treeDegree = 32

// entry is one stored item as a replica tree holds it: the partition hash
// inline, so most comparisons never leave the tree node, then one string
// holding the encoded primary key followed by the item's immutable compact
// encoding, and the item's DynamoDB size. Replicas holding the same item
// share the string.
//
// One string rather than two halves the pointers the garbage collector
// follows in a table: with a million items, marking them is most of a
// collection's work, and every read that allocates pays a share of it.
type entry struct {
	hash uint64
	data string // key bytes (klen of them), then the item encoding
	klen uint32
	sz   uint32 // DynamoDB size, at most MaxItemSize
}

// newEntry returns the entry storing the item encoded as enc, of DynamoDB
// size size, under key k: one allocation, for the key and the encoding.
func newEntry(k tableKey, enc []byte, size int) entry {
	var data strings.Builder
	data.Grow(len(k.key) + len(enc))
	data.WriteString(k.key)
	data.Write(enc)
	return entry{hash: k.hash, data: data.String(), klen: uint32(len(k.key)), sz: uint32(size)}
}

// probe returns an entry with key k and no item, to look k up.
func probe(k tableKey) entry {
	return entry{hash: k.hash, data: k.key, klen: uint32(len(k.key))}
}

// key returns the entry's encoded primary key.
func (e entry) key() string { return e.data[:e.klen] }

// enc returns the item's compact encoding.
func (e entry) enc() string { return e.data[e.klen:] }

// size returns the item's DynamoDB size.
func (e entry) size() int { return int(e.sz) }

// tableKey returns the entry's primary key.
func (e entry) tableKey() tableKey { return tableKey{hash: e.hash, key: e.key()} }

// entryLess orders a table as DynamoDB lays out partitions: by partition
// hash, then by encoded key (partition key, then sort key).
func entryLess(a, b entry) bool {
	if a.hash != b.hash {
		return a.hash < b.hash
	}
	return a.key() < b.key()
}
