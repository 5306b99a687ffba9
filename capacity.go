package ddbsim

// ReturnConsumedCapacity asks an operation to report the capacity units it
// consumed.
type ReturnConsumedCapacity string

// ReturnConsumedCapacity values. The empty value means NONE.
const (
	ReturnConsumedCapacityIndexes ReturnConsumedCapacity = "INDEXES"
	ReturnConsumedCapacityTotal   ReturnConsumedCapacity = "TOTAL"
	ReturnConsumedCapacityNone    ReturnConsumedCapacity = "NONE"
)

// ConsumedCapacity reports the capacity units an operation consumed, by
// DynamoDB's rules: a read is one unit a started 4 KB of the item (half
// for an eventually consistent read), a write one unit a started 1 KB.
type ConsumedCapacity struct {
	// TableName is the table as the request named it (name or ARN).
	TableName string
	// CapacityUnits is the total: table plus indexes.
	CapacityUnits float64
	// Table is set with ReturnConsumedCapacity=INDEXES.
	Table *Capacity `json:",omitzero"`
	// GlobalSecondaryIndexes and LocalSecondaryIndexes are set with
	// INDEXES when the operation touched indexes.
	GlobalSecondaryIndexes map[string]Capacity `json:",omitzero"`
	LocalSecondaryIndexes  map[string]Capacity `json:",omitzero"`
}

// Capacity is the capacity units consumed on one table or index.
type Capacity struct {
	CapacityUnits float64
}

// Unit sizes of DynamoDB's capacity accounting.
const (
	readUnitBytes  = 4096
	writeUnitBytes = 1024
)

// readUnits is the cost of reading an item of the given size (0 for a
// miss, which costs the minimum): one unit a started 4 KB, at least one,
// halved when eventually consistent.
func readUnits(size int, consistent bool) float64 {
	units := float64(max(1, (size+readUnitBytes-1)/readUnitBytes))
	if !consistent {
		units /= 2
	}
	return units
}

// writeUnits is the cost of a write touching items of the given sizes
// (the larger of the old and new item): one unit a started 1 KB, at least
// one.
func writeUnits(size int) float64 {
	return float64(max(1, (size+writeUnitBytes-1)/writeUnitBytes))
}

// consumed builds the ConsumedCapacity to report for units spent on a
// table, or nil when the request did not ask for it.
func consumed(mode ReturnConsumedCapacity, tableName string, units float64) *ConsumedCapacity {
	switch mode {
	case ReturnConsumedCapacityTotal:
		return &ConsumedCapacity{TableName: tableName, CapacityUnits: units}
	case ReturnConsumedCapacityIndexes:
		return &ConsumedCapacity{TableName: tableName, CapacityUnits: units, Table: &Capacity{CapacityUnits: units}}
	}
	return nil
}
