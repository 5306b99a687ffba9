package ddbsim

import "encoding/binary"

// keyAttr is one key attribute of a table: its name and type (S, N or B).
type keyAttr struct {
	name string
	typ  Type
}

// admits reports whether v may be the attribute's value in an index key:
// of its type, and not an empty S or B.
func (a keyAttr) admits(v Value) bool {
	return v.t == a.typ && (v.t == TypeN || v.s != "")
}

// keySchema is a table's primary key: a partition (hash) key and an
// optional sort (range) key, whose name is "" when absent.
type keySchema struct {
	hash, sort keyAttr
}

func (ks keySchema) hasSort() bool { return ks.sort.name != "" }

// names returns the key attributes' names, partition key first.
func (ks keySchema) names() []string {
	if ks.hasSort() {
		return []string{ks.hash.name, ks.sort.name}
	}
	return []string{ks.hash.name}
}

func (ks keySchema) size() int {
	if ks.hasSort() {
		return 2
	}
	return 1
}

// AWS's messages for key errors.
const (
	msgKeyMismatch    = "The provided key element does not match the schema"
	msgHashKeyTooLong = "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"
	msgSortKeyTooLong = "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes"
)

// tableKey is a primary key located in a table's order: the partition
// hash, and the encoded partition key (length-prefixed, so distinct
// partition keys never prefix one another) followed by the encoded sort
// key.
type tableKey struct {
	hash uint64
	key  string
}

// fromKey reads the primary key of a Key parameter (GetItem, DeleteItem,
// ...): exactly the key attributes with the schema's types, else AWS's
// "does not match the schema"; then the empty-value and length rules. The
// values themselves must already be valid.
func (ks keySchema) fromKey(key Item) (tableKey, error) {
	if len(key) != ks.size() {
		return tableKey{}, validationError(msgKeyMismatch)
	}
	return ks.locate(key, func(a keyAttr, v Value, present bool) error {
		if !present || v.t != a.typ {
			return validationError(msgKeyMismatch)
		}
		return nil
	})
}

// fromItem reads the primary key of a whole item (PutItem), with AWS's
// messages for a missing key attribute or one of the wrong type.
func (ks keySchema) fromItem(item Item) (tableKey, error) {
	return ks.locate(item, func(a keyAttr, v Value, present bool) error {
		switch {
		case !present:
			return validationError("One or more parameter values were invalid: Missing the key " + a.name + " in the item")
		case v.t != a.typ:
			return validationError("One or more parameter values were invalid: Type mismatch for key " + a.name +
				" expected: " + a.typ.String() + " actual: " + v.Type().String())
		}
		return nil
	})
}

// locate checks each key attribute with check, then the empty-value and
// size rules, and encodes the key.
func (ks keySchema) locate(m Item, check func(keyAttr, Value, bool) error) (tableKey, error) {
	var vals [2]Value
	for i, a := range [2]keyAttr{ks.hash, ks.sort} {
		if a.name == "" {
			break
		}
		v, ok := m[a.name]
		if err := check(a, v, ok); err != nil {
			return tableKey{}, err
		}
		if err := checkKeyValue(a.name, v, i == 0); err != nil {
			return tableKey{}, err
		}
		vals[i] = v
	}
	return encodeTableKey(vals[0], vals[1], ks.hasSort())
}

// checkKeyValue applies the rules for a key attribute's value: not an
// empty S or B, and within the partition or sort key length limit.
func checkKeyValue(name string, v Value, isHash bool) error {
	if v.t == TypeN {
		return nil
	}
	if v.s == "" {
		kind := "string"
		if v.t == TypeB {
			kind = "binary"
		}
		return validationError("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty " +
			kind + " value. Key: " + name)
	}
	if isHash && len(v.s) > MaxPartitionKeyLength {
		return validationError(msgHashKeyTooLong)
	}
	if !isHash && len(v.s) > MaxSortKeyLength {
		return validationError(msgSortKeyTooLong)
	}
	return nil
}

// encodeTableKey encodes a primary key; sk is ignored unless hasSort.
// Cost: one allocation, for the key string.
func encodeTableKey(pk, sk Value, hasSort bool) (tableKey, error) {
	var pkBuf, buf [128]byte
	pkb, err := appendKeyBytes(pkBuf[:0], pk)
	if err != nil {
		return tableKey{}, err
	}
	out := binary.AppendUvarint(buf[:0], uint64(len(pkb)))
	out = append(out, pkb...)
	if hasSort {
		if out, err = appendKeyBytes(out, sk); err != nil {
			return tableKey{}, err
		}
	}
	return tableKey{hash: partitionHash(pkb), key: string(out)}, nil
}
