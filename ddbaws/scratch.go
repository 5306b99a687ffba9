package ddbaws

import (
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

// NewAPI's single-item operations (PutItem, GetItem, UpdateItem and
// DeleteItem) convert their Item, Key and ExpressionAttributeValues into
// maps taken from scratchItems, and give them back once the DB has
// answered: the DB reads those maps during the call and keeps none of
// them (it stores encoded copies, and its answers are built from the
// stored items), and a 10-attribute map costs more to allocate than to
// fill. Only the top-level maps are recycled, where a flat item's
// allocation goes; the maps of M values inside them are left to the
// collector.

// maxScratchItem bounds the maps kept for reuse: clearing a map costs in
// proportion to the largest it has been.
const maxScratchItem = 64

var scratchItems = sync.Pool{New: func() any { return ddbsim.Item{} }}

// scratchItem is item converting into a map from scratchItems, for
// recycle to give back.
func (c *converter) scratchItem(m map[string]types.AttributeValue) ddbsim.Item {
	if m == nil {
		return nil
	}
	it := scratchItems.Get().(ddbsim.Item)
	for name, av := range m {
		it[name] = c.value(av)
	}
	return it
}

// recycle gives back maps from scratchItem (nil ones are skipped), once
// nothing uses them.
func recycle(items ...ddbsim.Item) {
	for _, it := range items {
		if it != nil && len(it) <= maxScratchItem {
			clear(it)
			scratchItems.Put(it)
		}
	}
}
