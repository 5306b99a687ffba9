package ddbsim

import "github.com/google/btree"

// MaxPageBytes is the most data a Query or Scan page reads: 1 MB of
// items, counted by their DynamoDB sizes (Item.Size). A page reads items
// while those read before total less than MaxPageBytes, so it always holds
// at least one item, and holds the item that crosses the line.
const MaxPageBytes = 1 << 20

// pageReader collects the entries one Query or Scan page evaluates, in
// order, under the replica's read lock: at most limit (0 for no limit),
// while those collected total less than MaxPageBytes. Being offered one
// more entry once full sets more, which is when the page ends with a
// LastEvaluatedKey: a page that stops at its Limit just before the end of
// its range has none.
type pageReader struct {
	limit   int
	entries []entry
	bytes   int
	more    bool
	// of is the index the page reads, when its entries hold their key
	// alone: for an itemless one, items is the tree of the table's items
	// in the index's replica, and add collects the item each entry stands
	// for instead of the entry; for a KEYS_ONLY one, add collects the
	// entry expanded.
	items *btree.BTreeG[entry]
	of    *index
}

// add offers the next entry of the range; false means stop. Cost: O(1),
// or O(log n) to find the item of an itemless index's entry, or
// expanding a KEYS_ONLY index's.
func (p *pageReader) add(e entry) bool {
	if (p.limit > 0 && len(p.entries) >= p.limit) || p.bytes >= MaxPageBytes {
		p.more = true
		return false
	}
	switch {
	case p.items != nil:
		item, ok := p.items.Get(probe(p.of.baseKey(e)))
		if !ok { // not in a consistent replica, which strict mode checks
			return true
		}
		e = item
	case p.of != nil:
		var ok bool
		if e, ok = p.of.expand(e); !ok { // not in a consistent index either
			return true
		}
	}
	p.entries = append(p.entries, e)
	p.bytes += e.size()
	return true
}

// readSpec is how a page turns the entries it read into its output.
type readSpec struct {
	filter    *condition  // nil: keep every item
	proj      *projection // nil: whole items
	countOnly bool        // Select=COUNT: no items
	keys      []string    // the attributes of LastEvaluatedKey
}

// output filters the entries the page read, decodes what it returns, and
// names its LastEvaluatedKey; bytes is the size of the items read. Cost:
// decoding the attributes the filter reads and those returned, outside
// any lock.
func (s readSpec) output(p *pageReader) (out *QueryOutput, bytes int, err error) {
	out = &QueryOutput{ScannedCount: int32(len(p.entries))}
	if !s.countOnly {
		out.Items = make([]Item, 0, len(p.entries))
	}
	for _, e := range p.entries {
		ok, err := s.filter.holds(e, true)
		if err != nil {
			return nil, 0, err
		}
		if !ok {
			continue
		}
		out.Count++
		if s.countOnly {
			continue
		}
		item, err := s.proj.decode(e.enc())
		if err != nil {
			return nil, 0, err
		}
		out.Items = append(out.Items, item)
	}
	if p.more && len(p.entries) > 0 {
		last := p.entries[len(p.entries)-1]
		key, err := decodeAttributes(last.enc(), s.keys)
		if err != nil {
			return nil, 0, err
		}
		out.LastEvaluatedKey = key
	}
	return out, p.bytes, nil
}
