package ddbsim

import (
	"hash/fnv"
	"strconv"
	"strings"
)

// The parts of BatchGetItem and BatchWriteItem they share: the checks of
// RequestItems, the walk over its tables in name order, the Unprocessed
// fault and the capacity list.

// requestItems checks the shape of a batch's RequestItems, whose sorted
// table names are names (nil when the map is nil): present, with valid
// table names (or ARNs). echo renders the map as AWS's messages quote it.
func (c *constraints) requestItems(isNil bool, names []string, echo func() string) {
	if isNil {
		c.failAs(nil, "requestItems", "RequestItems", "Member must not be null")
		return
	}
	for _, name := range names {
		if isARN(name) {
			continue
		}
		var one constraints
		one.name(name, "", 3)
		if one.err() != nil {
			v := echo()
			c.fail(&v, "requestItems", "Map keys must satisfy constraint: [Member must have length less than or equal to 255, "+
				"Member must have length greater than or equal to 3, Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]")
			return
		}
	}
}

// batchTables looks up the tables a batch names, in name order: a missing
// one fails the whole batch with ResourceNotFoundException.
func (db *DB) batchTables(names []string) ([]*table, error) {
	tables := make([]*table, len(names))
	for i, name := range names {
		if tables[i] = db.lookup(name); tables[i] == nil {
			return nil, errTableNotFound()
		}
	}
	return tables, nil
}

// processedPart returns how many of a table's n batch requests to
// process: all of them, or, when an Unprocessed fault armed for op on
// the table is consumed, the first half (n/2, rounded down), the rest
// going back to the caller unprocessed.
func (db *DB) processedPart(op, tableName string, n int) int {
	if db.faults.take(op, func(t string) bool { return t == tableName }, func(k FaultKind) bool { return k == Unprocessed }).Kind != 0 {
		return n / 2
	}
	return n
}

// batchCapacity is the ConsumedCapacity list of a batch: one entry per
// table, in name order; nil when the request did not ask for it.
func batchCapacity(mode ReturnConsumedCapacity, names []string, units []float64, ixUnits ...indexUnits) []ConsumedCapacity {
	var out []ConsumedCapacity
	for i, name := range names {
		var u indexUnits
		if ixUnits != nil {
			u = ixUnits[i]
		}
		if cc := consumedIndexes(mode, name, units[i], u); cc != nil {
			out = append(out, *cc)
		}
	}
	return out
}

// javaItem renders a key or item as DynamoDB's Java front end quotes one:
// {id=AttributeValue: {S:a}, n=AttributeValue: {N:1}}, names in order.
func javaItem(it Item) string {
	var sb strings.Builder
	sb.WriteByte('{')
	for i, name := range sortedKeys(nil, it) {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString(name + "=AttributeValue: " + javaString(it[name]))
	}
	sb.WriteByte('}')
	return sb.String()
}

// javaObject renders a request structure as Java's default toString
// quotes it in AWS's messages: the class name and a hash, here a hash of
// the structure's text (AWS's own cannot be reproduced).
func javaObject(class, text string) string {
	h := fnv.New32a()
	h.Write([]byte(text))
	return "com.amazonaws.dynamodb.v20120810." + class + "@" + strconv.FormatUint(uint64(h.Sum32()), 16)
}

// javaMap renders a batch's RequestItems as AWS's messages quote it:
// {t1=..., t2=...}, tables in name order.
func javaMap(names []string, value func(name string) string) string {
	parts := make([]string, len(names))
	for i, name := range names {
		parts[i] = name + "=" + value(name)
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
