package ddbsim

import "github.com/ddbsim/ddbsim/internal/number"

// Limits on key attribute values, in bytes (UTF-8 for S, raw for B).
const (
	MaxPartitionKeyLength = 2048
	MaxSortKeyLength      = 1024
)

// appendKeyBytes appends the order-preserving encoding of a key value:
// S by its UTF-8 bytes, B by its bytes, N numerically (so "1000", "1e3" and
// "1000.0" encode identically). Byte order of the encodings is DynamoDB's
// order of the values. Other types, and invalid numbers, are an error.
func appendKeyBytes(dst []byte, v Value) ([]byte, error) {
	switch v.t {
	case TypeS, TypeB:
		return append(dst, v.s...), nil
	case TypeN:
		out, err := number.AppendKeyText(dst, v.s)
		if err != nil {
			return dst, validationError(err.Error())
		}
		return out, nil
	}
	return dst, errNotKeyType
}

var errNotKeyType = validationError("The provided key element does not match the schema")

// partitionHash is the 64-bit FNV-1a hash of an encoded partition key. It
// orders partitions in a table's trees, as DynamoDB's hashing spreads
// partitions: stable across runs and machines, unrelated to key order.
func partitionHash(key []byte) uint64 {
	const (
		offset = 14695981039346656037
		prime  = 1099511628211
	)
	h := uint64(offset)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= prime
	}
	return h
}
