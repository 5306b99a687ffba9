package ddbsim

import (
	"context"
	"slices"
	"strings"
)

// MaxBatchWriteRequests is the most put and delete requests one
// BatchWriteItem may hold, over all its tables.
const MaxBatchWriteRequests = 25

// WriteRequest is one write of a BatchWriteItem: exactly one of
// PutRequest and DeleteRequest.
type WriteRequest struct {
	PutRequest    *PutRequest    `json:",omitzero"`
	DeleteRequest *DeleteRequest `json:",omitzero"`
}

// PutRequest stores Item, replacing any item with its key whole, as
// PutItem without a condition does.
type PutRequest struct {
	Item Item
}

// DeleteRequest deletes the item with Key (exactly the table's key
// attributes), if there is one.
type DeleteRequest struct {
	Key Item
}

// BatchWriteItemInput is the input of BatchWriteItem.
type BatchWriteItemInput struct {
	// RequestItems maps table names (or ARNs) to their writes: 1 to 25 a
	// table, 25 in all, no two on the same key of a table.
	RequestItems                map[string][]WriteRequest
	ReturnConsumedCapacity      ReturnConsumedCapacity
	ReturnItemCollectionMetrics ReturnItemCollectionMetrics
}

// BatchWriteItemOutput is the output of BatchWriteItem.
type BatchWriteItemOutput struct {
	// UnprocessedItems holds, per table, the writes not made: send them
	// again. Never nil; empty when every write was made.
	UnprocessedItems map[string][]WriteRequest
	// ConsumedCapacity has one entry per table, in name order.
	ConsumedCapacity []ConsumedCapacity `json:",omitzero"`
	// ItemCollectionMetrics has, with ReturnItemCollectionMetrics SIZE,
	// for each table with local secondary indexes, one entry per item
	// collection the batch wrote, in the order of their first write.
	ItemCollectionMetrics map[string][]ItemCollectionMetrics `json:",omitzero"`
}

// BatchWriteItem puts and deletes up to MaxBatchWriteRequests items in
// one or more tables. Each write replaces or removes the whole item,
// without conditions, and stands alone: DynamoDB does not make the batch
// atomic, and code must not rely on readers seeing all of it at once,
// though ddbsim applies the writes in one commit (tables in name order,
// each table's writes in request order). An armed Unprocessed fault (see
// InjectFault), matched table by table, leaves the second half of that
// table's writes (from index n/2 of n) unmade, in UnprocessedItems.
//
// Errors, which fail the whole batch before anything is written:
// ValidationException with AWS's messages (more than 25 writes, an item
// over 400 KB, two writes on one key of a table, and "The provided key
// element does not match the schema" for any key that is not the table's,
// a put item's included), ResourceNotFoundException ("Requested resource
// not found") when any table is missing. Cost: O(log n) and the encoding
// of the item per write, under the write locks of the tables, taken once. Capacity, per
// table: each write costs one unit a started 1 KB of the larger of the old
// and new item, at least one, plus what it costs on the table's indexes
// (see PutItem).
func (db *DB) BatchWriteItem(ctx context.Context, in BatchWriteItemInput) (*BatchWriteItemOutput, error) {
	return dispatchTables(ctx, db, "BatchWriteItem", func(t string) bool { _, ok := in.RequestItems[t]; return ok }, func() (*BatchWriteItemOutput, error) {
		names := sortedKeys(nil, in.RequestItems)
		if err := checkBatchWriteShape(in, names); err != nil {
			return nil, err
		}
		writes, err := encodeBatchWrites(in, names)
		if err != nil {
			return nil, err
		}
		tables, err := db.batchTables(names)
		if err != nil {
			return nil, err
		}
		for i := range names {
			if err := writes[i].locate(tables[i]); err != nil {
				return nil, err
			}
		}
		out := &BatchWriteItemOutput{UnprocessedItems: map[string][]WriteRequest{}}
		var planBuf [MaxBatchWriteRequests]plan
		var plannedBuf [MaxBatchWriteRequests]*batchWrite
		var outBuf [MaxBatchWriteRequests]outcome
		plans, planned := planBuf[:0], plannedBuf[:0]
		for i, name := range names {
			reqs := in.RequestItems[name]
			processed := db.processedPart("BatchWriteItem", name, len(reqs))
			for j := range processed {
				plans = append(plans, plan{t: tables[i], k: writes[i][j].k})
				planned = append(planned, &writes[i][j])
			}
			if processed < len(reqs) {
				out.UnprocessedItems[name] = cloneWriteRequests(reqs[processed:])
			}
		}
		outs := outBuf[:len(plans)]
		decide := func(i int, old entry, found bool) (change, error) { return planned[i].decide(old, found) }
		if wait := commit(lockOrder(make([]*table, 0, len(tables)), plans), plans, decide, outs, false); wait != nil {
			if err := wait(); err != nil {
				return nil, err
			}
		}
		units, ixUnits := make([]float64, len(names)), make([]indexUnits, len(names))
		counting := in.ReturnConsumedCapacity != "" && in.ReturnConsumedCapacity != ReturnConsumedCapacityNone
		for i, p := range plans {
			o := &outs[i]
			if o.err != nil {
				return nil, o.err // the table was deleted meanwhile: every plan failed
			}
			at := slices.Index(tables, p.t)
			units[at] += writeUnits(max(o.old.size(), o.new.size()))
			if counting && len(p.t.indexes()) > 0 {
				ixUnits[at].merge(p.t.indexWriteUnits(o.old, o.found, o.new, o.exists), 1)
			}
		}
		out.ConsumedCapacity = batchCapacity(in.ReturnConsumedCapacity, names, units, ixUnits...)
		out.ItemCollectionMetrics = batchCollectionMetrics(in.ReturnItemCollectionMetrics, names, tables, plans, planned)
		return out, nil
	})
}

// checkBatchWriteShape makes the request-shape checks of a
// BatchWriteItem: those AWS's front end reports together, then the
// request count.
func checkBatchWriteShape(in BatchWriteItemInput, names []string) error {
	var c constraints
	c.returnConsumedCapacity(in.ReturnConsumedCapacity)
	c.returnItemCollectionMetrics(in.ReturnItemCollectionMetrics)
	echo := func() string {
		return javaMap(names, func(name string) string { return writesEcho(in.RequestItems[name]) })
	}
	c.requestItems(in.RequestItems == nil, names, echo)
	total := 0
	for _, name := range names {
		reqs := in.RequestItems[name]
		total += len(reqs)
		if len(reqs) == 0 || len(reqs) > MaxBatchWriteRequests {
			c.fail(ptr(echo()), "requestItems", "Map value must satisfy constraint: [Member must have length less than or equal to 25, "+
				"Member must have length greater than or equal to 1]")
		}
		for _, r := range reqs {
			switch {
			case r.PutRequest != nil && r.PutRequest.Item == nil:
				c.fail(nil, "requestItems."+name+".member.putRequest.item", "Member must not be null")
			case r.DeleteRequest != nil && r.DeleteRequest.Key == nil:
				c.fail(nil, "requestItems."+name+".member.deleteRequest.key", "Member must not be null")
			}
		}
	}
	if err := c.err(); err != nil {
		return err
	}
	switch {
	case len(names) == 0:
		return validationError("The requestItems parameter is required for BatchWriteItem")
	case total > MaxBatchWriteRequests:
		return validationError("Too many items requested for the BatchWriteItem call")
	}
	return nil
}

// writesEcho renders a table's write requests as AWS's messages quote
// them.
func writesEcho(reqs []WriteRequest) string {
	parts := make([]string, len(reqs))
	for i, r := range reqs {
		text := ""
		switch {
		case r.PutRequest != nil:
			text = "put" + r.PutRequest.Item.String()
		case r.DeleteRequest != nil:
			text = "delete" + r.DeleteRequest.Key.String()
		}
		parts[i] = javaObject("WriteRequest", text)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// batchWrite is one write of a BatchWriteItem, checked: a put's encoded
// item, or a delete's key; k once located in its table.
type batchWrite struct {
	put  bool
	item Item // the put's item or the delete's key
	enc  []byte
	size int
	k    tableKey
	// slots are what the indexes store of a put's item, for the commit.
	slots itemSlots
}

// tableWrites are the writes of one table, in request order.
type tableWrites []batchWrite

// encodeBatchWrites makes the value checks of every write, table by table
// in name order, and encodes the put items.
func encodeBatchWrites(in BatchWriteItemInput, names []string) ([]tableWrites, error) {
	out := make([]tableWrites, len(names))
	for i, name := range names {
		reqs := in.RequestItems[name]
		out[i] = make(tableWrites, len(reqs))
		for _, r := range reqs {
			if (r.PutRequest == nil) == (r.DeleteRequest == nil) {
				return nil, validationError(msgMultipleTypes)
			}
		}
		for j, r := range reqs {
			w := &out[i][j]
			if r.DeleteRequest != nil {
				w.item = r.DeleteRequest.Key
				if err := checkValues(w.item); err != nil {
					return nil, err
				}
				continue
			}
			w.put, w.item = true, r.PutRequest.Item
			var err error
			if w.enc, w.size, err = encodeItem(w.item); err != nil {
				return nil, err
			}
			if w.size > MaxItemSize {
				return nil, validationError("Item size has exceeded the maximum allowed size")
			}
		}
	}
	return out, nil
}

// locate finds each write's key in the table's schema: any mismatch is
// "The provided key element does not match the schema", a put item's
// included; two writes on one key (numbers compared by value) are
// "Provided list of item keys contains duplicates".
func (ws tableWrites) locate(t *table) error {
	ks := t.schema
	m := t.meta()
	var slab []Value // every put's slots, in one allocation
	if m.stored != nil {
		slab = make([]Value, len(ws)*len(m.stored.names))
	}
	seen := make(map[tableKey]bool, len(ws))
	for i := range ws {
		w := &ws[i]
		var err error
		if w.put {
			w.k, err = ks.locate(w.item, func(a keyAttr, v Value, present bool) error {
				if !present || v.t != a.typ {
					return validationError(msgKeyMismatch)
				}
				return nil
			})
		} else {
			w.k, err = ks.fromKey(w.item)
		}
		if err != nil {
			return err
		}
		if w.put && m.stored != nil {
			vals := m.stored.lookup(slab[:len(m.stored.names):len(m.stored.names)], w.item)
			slab = slab[len(vals):]
			if err := m.checkIndexKeys(vals); err != nil {
				return err
			}
			w.slots = itemSlots{m.stored, vals}
		}
		if seen[w.k] {
			return validationError("Provided list of item keys contains duplicates")
		}
		seen[w.k] = true
	}
	return nil
}

// decide decides the write's plan: a put replaces the item whole; a
// delete removes it, if there is one.
func (w *batchWrite) decide(old entry, found bool) (change, error) {
	if w.put {
		return change{next: newEntry(w.k, w.enc, w.size), slots: w.slots}, nil
	}
	return deletion(found), nil
}

// cloneWriteRequests deep-copies write requests for UnprocessedItems.
func cloneWriteRequests(reqs []WriteRequest) []WriteRequest {
	out := make([]WriteRequest, len(reqs))
	for i, r := range reqs {
		if r.PutRequest != nil {
			out[i].PutRequest = &PutRequest{Item: r.PutRequest.Item.Clone()}
		}
		if r.DeleteRequest != nil {
			out[i].DeleteRequest = &DeleteRequest{Key: r.DeleteRequest.Key.Clone()}
		}
	}
	return out
}

// batchCollectionMetrics returns a BatchWriteItem's ItemCollectionMetrics
// (see collectionMetricsOf) for its plans, whose writes are planned.
func batchCollectionMetrics(ricm ReturnItemCollectionMetrics, names []string, tables []*table, plans []plan, planned []*batchWrite) map[string][]ItemCollectionMetrics {
	return collectionMetricsOf(ricm, len(plans), func(i int) (*table, string, tableKey, Item) {
		return plans[i].t, names[slices.Index(tables, plans[i].t)], plans[i].k, planned[i].item
	})
}

// collectionMetricsOf returns the ItemCollectionMetrics of n writes (of
// write(i): its table, the table's name as the request gave it, the key
// written and an item holding its partition key): per table with LSIs,
// one entry per item collection written, in the order of the first
// write; nil unless ricm is SIZE and some table has LSIs.
func collectionMetricsOf(ricm ReturnItemCollectionMetrics, n int, write func(i int) (*table, string, tableKey, Item)) map[string][]ItemCollectionMetrics {
	var out map[string][]ItemCollectionMetrics
	seen := map[string]bool{}
	for i := range n {
		t, name, k, item := write(i)
		m := t.collectionMetrics(ricm, k, item)
		if m == nil || seen[name+"\x00"+partitionOf(k.key)] {
			continue
		}
		seen[name+"\x00"+partitionOf(k.key)] = true
		if out == nil {
			out = map[string][]ItemCollectionMetrics{}
		}
		out[name] = append(out[name], *m)
	}
	return out
}
