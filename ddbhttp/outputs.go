package ddbhttp

import "github.com/ddbsim/ddbsim"

// The item-carrying responses, written by hand (see encoder): each
// function writes its output struct exactly as json.Marshal does, members
// in field order, `json:",omitzero"` members left out when zero.

func encodeGetItem(e *encoder, o *ddbsim.GetItemOutput) {
	e.itemOutput("Item", o.Item, o.ConsumedCapacity, nil)
}

func encodePutItem(e *encoder, o *ddbsim.PutItemOutput) {
	e.itemOutput("Attributes", o.Attributes, o.ConsumedCapacity, o.ItemCollectionMetrics)
}

func encodeDeleteItem(e *encoder, o *ddbsim.DeleteItemOutput) {
	e.itemOutput("Attributes", o.Attributes, o.ConsumedCapacity, o.ItemCollectionMetrics)
}

func encodeUpdateItem(e *encoder, o *ddbsim.UpdateItemOutput) {
	e.itemOutput("Attributes", o.Attributes, o.ConsumedCapacity, o.ItemCollectionMetrics)
}

// itemOutput writes the shape the single-item operations share: an
// optional item under name, then optional capacity and item collection
// metrics (nil for GetItem).
func (e *encoder) itemOutput(name string, it ddbsim.Item, cc *ddbsim.ConsumedCapacity, icm *ddbsim.ItemCollectionMetrics) {
	e.buf = append(e.buf, '{')
	if it != nil {
		e.member(name)
		e.item(it)
	}
	e.optionalCapacity(cc)
	if icm != nil {
		e.member("ItemCollectionMetrics")
		e.itemCollectionMetrics(*icm)
	}
	e.buf = append(e.buf, '}')
}

// itemCollectionMetrics writes one write's item collection metrics.
func (e *encoder) itemCollectionMetrics(m ddbsim.ItemCollectionMetrics) {
	e.buf = append(e.buf, '{')
	e.member("ItemCollectionKey")
	e.item(m.ItemCollectionKey)
	e.member("SizeEstimateRangeGB")
	encodeSlice(e, m.SizeEstimateRangeGB, (*encoder).float)
	e.buf = append(e.buf, '}')
}

func encodeQuery(e *encoder, o *ddbsim.QueryOutput) {
	e.buf = append(e.buf, '{')
	if o.Items != nil {
		e.member("Items")
		encodeSlice(e, o.Items, (*encoder).item)
	}
	e.member("Count")
	e.int(o.Count)
	e.member("ScannedCount")
	e.int(o.ScannedCount)
	if o.LastEvaluatedKey != nil {
		e.member("LastEvaluatedKey")
		e.item(o.LastEvaluatedKey)
	}
	e.optionalCapacity(o.ConsumedCapacity)
	e.buf = append(e.buf, '}')
}

func encodeScan(e *encoder, o *ddbsim.ScanOutput) {
	encodeQuery(e, (*ddbsim.QueryOutput)(o))
}

func encodeBatchGetItem(e *encoder, o *ddbsim.BatchGetItemOutput) {
	e.buf = append(e.buf, '{')
	e.member("Responses")
	encodeMap(e, o.Responses, (*encoder).items)
	e.member("UnprocessedKeys")
	encodeMap(e, o.UnprocessedKeys, (*encoder).keysAndAttributes)
	e.capacities(o.ConsumedCapacity)
	e.buf = append(e.buf, '}')
}

func encodeBatchWriteItem(e *encoder, o *ddbsim.BatchWriteItemOutput) {
	e.buf = append(e.buf, '{')
	e.member("UnprocessedItems")
	encodeMap(e, o.UnprocessedItems, func(e *encoder, reqs []ddbsim.WriteRequest) {
		encodeSlice(e, reqs, (*encoder).writeRequest)
	})
	e.capacities(o.ConsumedCapacity)
	if o.ItemCollectionMetrics != nil {
		e.member("ItemCollectionMetrics")
		encodeMap(e, o.ItemCollectionMetrics, func(e *encoder, ms []ddbsim.ItemCollectionMetrics) {
			encodeSlice(e, ms, (*encoder).itemCollectionMetrics)
		})
	}
	e.buf = append(e.buf, '}')
}

// items writes a list of items; nil is null.
func (e *encoder) items(items []ddbsim.Item) {
	encodeSlice(e, items, (*encoder).item)
}

func (e *encoder) keysAndAttributes(k ddbsim.KeysAndAttributes) {
	e.buf = append(e.buf, '{')
	e.member("Keys")
	e.items(k.Keys)
	if k.ProjectionExpression != "" {
		e.member("ProjectionExpression")
		e.string(k.ProjectionExpression)
	}
	if k.ExpressionAttributeNames != nil {
		e.member("ExpressionAttributeNames")
		encodeMap(e, k.ExpressionAttributeNames, (*encoder).string)
	}
	if k.AttributesToGet != nil {
		e.member("AttributesToGet")
		encodeSlice(e, k.AttributesToGet, (*encoder).string)
	}
	if k.ConsistentRead {
		e.member("ConsistentRead")
		e.bool(true)
	}
	e.buf = append(e.buf, '}')
}

func (e *encoder) writeRequest(r ddbsim.WriteRequest) {
	e.buf = append(e.buf, '{')
	if r.PutRequest != nil {
		e.member("PutRequest")
		e.raw(`{"Item":`)
		e.item(r.PutRequest.Item)
		e.raw("}")
	}
	if r.DeleteRequest != nil {
		e.member("DeleteRequest")
		e.raw(`{"Key":`)
		e.item(r.DeleteRequest.Key)
		e.raw("}")
	}
	e.buf = append(e.buf, '}')
}

// optionalCapacity writes the ConsumedCapacity member unless cc is nil.
func (e *encoder) optionalCapacity(cc *ddbsim.ConsumedCapacity) {
	if cc != nil {
		e.member("ConsumedCapacity")
		e.consumedCapacity(*cc)
	}
}

// capacities writes the ConsumedCapacity member of the batch operations
// unless ccs is nil.
func (e *encoder) capacities(ccs []ddbsim.ConsumedCapacity) {
	if ccs != nil {
		e.member("ConsumedCapacity")
		encodeSlice(e, ccs, (*encoder).consumedCapacity)
	}
}

func (e *encoder) consumedCapacity(c ddbsim.ConsumedCapacity) {
	e.raw(`{"TableName":`)
	e.string(c.TableName)
	e.raw(`,"CapacityUnits":`)
	e.float(c.CapacityUnits)
	if c.Table != nil {
		e.member("Table")
		e.capacity(*c.Table)
	}
	if c.GlobalSecondaryIndexes != nil {
		e.member("GlobalSecondaryIndexes")
		encodeMap(e, c.GlobalSecondaryIndexes, (*encoder).capacity)
	}
	if c.LocalSecondaryIndexes != nil {
		e.member("LocalSecondaryIndexes")
		encodeMap(e, c.LocalSecondaryIndexes, (*encoder).capacity)
	}
	e.buf = append(e.buf, '}')
}

func (e *encoder) capacity(c ddbsim.Capacity) {
	e.raw(`{"CapacityUnits":`)
	e.float(c.CapacityUnits)
	e.buf = append(e.buf, '}')
}
