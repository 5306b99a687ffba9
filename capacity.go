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
	return consumedIndexes(mode, tableName, units, indexUnits{})
}

// indexUnits are the capacity units a request spent on a table's
// secondary indexes, by index name; nil maps for none.
type indexUnits struct {
	gsi, lsi map[string]float64
}

// add counts units spent on index ix.
func (u *indexUnits) add(ix *index, units float64) {
	m := &u.lsi
	if ix.kind == globalIndex {
		m = &u.gsi
	}
	addUnits(m, ix.name, units)
}

// merge adds f times the units of v to u's (f is 2 for a transaction,
// whose units are twice the plain ones).
func (u *indexUnits) merge(v indexUnits, f float64) {
	for name, units := range v.gsi {
		addUnits(&u.gsi, name, f*units)
	}
	for name, units := range v.lsi {
		addUnits(&u.lsi, name, f*units)
	}
}

// addUnits adds units under name in *m, made on first use.
func addUnits(m *map[string]float64, name string, units float64) {
	if *m == nil {
		*m = map[string]float64{}
	}
	(*m)[name] += units
}

// total sums the units spent on every index.
func (u indexUnits) total() (sum float64) {
	for _, m := range []map[string]float64{u.gsi, u.lsi} {
		for _, units := range m {
			sum += units
		}
	}
	return sum
}

// consumedIndexes is consumed for units spent on a table (table, 0 for a
// read of an index only) and on its indexes (ix): TOTAL sums them; INDEXES
// also gives the table's share (when it has one) and each index's.
func consumedIndexes(mode ReturnConsumedCapacity, tableName string, table float64, ix indexUnits) *ConsumedCapacity {
	total := table + ix.total()
	switch mode {
	case ReturnConsumedCapacityTotal:
		return &ConsumedCapacity{TableName: tableName, CapacityUnits: total}
	case ReturnConsumedCapacityIndexes:
		cc := &ConsumedCapacity{TableName: tableName, CapacityUnits: total}
		if table > 0 || total == 0 {
			cc.Table = &Capacity{CapacityUnits: table}
		}
		cc.GlobalSecondaryIndexes = capacities(ix.gsi)
		cc.LocalSecondaryIndexes = capacities(ix.lsi)
		return cc
	}
	return nil
}

func capacities(m map[string]float64) map[string]Capacity {
	if m == nil {
		return nil
	}
	out := make(map[string]Capacity, len(m))
	for name, units := range m {
		out[name] = Capacity{CapacityUnits: units}
	}
	return out
}

// indexWriteUnits is what a write of one item (old, if found, replaced by
// next, if exists) costs on the table's indexes, by DynamoDB's rules: an
// index is charged only when its contents change; an entry added,
// removed or rewritten in place costs one write of its size, a changed
// index key a delete plus a put. Cost: the index entries of both images.
func (t *table) indexWriteUnits(old entry, found bool, next entry, exists bool) indexUnits {
	var u indexUnits
	for _, ix := range t.indexes() {
		var oldE, newE entry
		oldIn, newIn := false, false
		if found {
			oldE, oldIn = ix.entryFor(old)
		}
		if exists {
			newE, newIn = ix.entryFor(next)
		}
		oldSize, newSize := ix.sizeOf(oldE, old), ix.sizeOf(newE, next)
		switch {
		case oldIn && newIn && oldE.key() == newE.key():
			a, b := oldE, newE
			if ix.itemless { // entries that hold no item: compare the items
				a, b = old, next
			}
			if !sameEntry(a, b) {
				u.add(ix, writeUnits(max(oldSize, newSize)))
			}
		case oldIn && newIn:
			u.add(ix, writeUnits(oldSize)+writeUnits(newSize))
		case oldIn:
			u.add(ix, writeUnits(oldSize))
		case newIn:
			u.add(ix, writeUnits(newSize))
		}
	}
	return u
}

// consumedWrite is the ConsumedCapacity of a write of one item on t,
// tableUnits on the table and what indexWriteUnits says on its indexes
// of old (if found) becoming what next returns (computed only when the
// request asks and the table has indexes).
func (t *table) consumedWrite(mode ReturnConsumedCapacity, tableName string, tableUnits float64, old entry, found bool, next func() (entry, bool)) *ConsumedCapacity {
	if mode == "" || mode == ReturnConsumedCapacityNone {
		return nil
	}
	var u indexUnits
	if len(t.indexes()) > 0 {
		n, exists := next()
		u = t.indexWriteUnits(old, found, n, exists)
	}
	return consumedIndexes(mode, tableName, tableUnits, u)
}
