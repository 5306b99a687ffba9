package ddbsim

import (
	"encoding/binary"
	"math"
)

// DefaultItemCollectionMaxBytes is the size an item collection (the items
// of one partition key value of a table with local secondary indexes)
// may reach when Options.Limits.ItemCollectionMaxBytes is 0: DynamoDB's
// 10 GB.
const DefaultItemCollectionMaxBytes = 10 << 30

// ItemCollectionMetrics estimates the size of the item collection a
// write touched, on a table with local secondary indexes, when the write
// asked for ReturnItemCollectionMetrics SIZE.
type ItemCollectionMetrics struct {
	// ItemCollectionKey is the partition key attribute of the collection.
	ItemCollectionKey Item
	// SizeEstimateRangeGB is a lower and an upper bound of its size, in
	// GB: the whole numbers around it.
	SizeEstimateRangeGB []float64
}

// partitionOf returns the encoded partition key of an encoded table key:
// its length prefix and bytes.
func partitionOf(key string) string {
	prefixed, _ := splitPartition(key)
	return prefixed
}

// splitPartition splits the encoded partition key off an encoded table
// key: with its length prefix, and its bytes alone (what partitionHash
// hashes).
func splitPartition(key string) (prefixed, value string) {
	n, w := binary.Uvarint([]byte(key[:min(len(key), binary.MaxVarintLen64)]))
	return key[:w+int(n)], key[w : w+int(n)]
}

// hasLSIs reports whether the table has local secondary indexes: whether
// its partitions are item collections, sized and capped.
func (t *table) hasLSIs() bool { return t.collections != nil }

// checkCollection refuses a change that would grow the item collection
// of key past the DB's limit, with DynamoDB's
// ItemCollectionSizeLimitExceededException. The caller holds the write
// lock. The size counted is that of the table's items of the partition
// key (their LSI entries aside).
func (t *table) checkCollection(key string, oldSize, newSize int) error {
	if !t.hasLSIs() || newSize <= oldSize {
		return nil
	}
	if t.collections[partitionOf(key)]+int64(newSize-oldSize) > int64(t.db.opts.Limits.ItemCollectionMaxBytes) {
		return &Error{Code: CodeItemCollectionSizeLimitExceeded, Message: "Collection size exceeded."}
	}
	return nil
}

// countCollection adds delta bytes to the collection of key. The caller
// holds the write lock.
func (t *table) countCollection(key string, delta int64) {
	if !t.hasLSIs() || delta == 0 {
		return
	}
	p := partitionOf(key)
	if t.collections[p] += delta; t.collections[p] == 0 {
		delete(t.collections, p)
	}
}

// collectionMetrics returns the ItemCollectionMetrics of a write of the
// item whose key is k (its partition key value in item), when the request
// asked for them (ricm SIZE) and the table has LSIs; nil otherwise.
func (t *table) collectionMetrics(ricm ReturnItemCollectionMetrics, k tableKey, item Item) *ItemCollectionMetrics {
	if ricm != ReturnItemCollectionMetricsSize || !t.hasLSIs() {
		return nil
	}
	t.writeMu.Lock()
	size := t.collections[partitionOf(k.key)]
	t.writeMu.Unlock()
	gb := math.Floor(float64(size) / (1 << 30))
	return &ItemCollectionMetrics{ItemCollectionKey: Item{t.schema.hash.name: item[t.schema.hash.name]}, SizeEstimateRangeGB: []float64{gb, gb + 1}}
}
