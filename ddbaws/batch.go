package ddbaws

import (
	"context"
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/ddbsim/ddbsim"
)

// BatchGetItem reads up to 100 items from one or more tables, each
// table's keys with its own projection and consistency, as
// ddbsim.DB.BatchGetItem does, with the SDK's types. Responses maps every
// table of the request to the items found (an empty list when none);
// UnprocessedKeys is never nil, and holds, with each table's settings,
// the keys past the response cap (Options.Limits.BatchGetMaxBytes) or
// handed back by an Unprocessed fault: send them again until it is empty.
// optFns are ignored. Errors: see API. Cost: the DB's plus O(size of the
// items returned) to convert them.
func (a *API) BatchGetItem(ctx context.Context, params *dynamodb.BatchGetItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.BatchGetItemOutput, error) {
	return invoke(ctx, a.db, "BatchGetItem", params, batchGetItemInput, (*ddbsim.DB).BatchGetItem, batchGetItemOutput)
}

func batchGetItemInput(in *dynamodb.BatchGetItemInput) (ddbsim.BatchGetItemInput, error) {
	errs := missing("BatchGetItemInput", member{"RequestItems", in.RequestItems != nil})
	errs.AddNested("RequestItems", entries(in.RequestItems, func(k types.KeysAndAttributes) smithy.InvalidParamsError {
		return missing("KeysAndAttributes", member{"Keys", k.Keys != nil})
	}))
	if err := invalid(errs); err != nil {
		return ddbsim.BatchGetItemInput{}, err
	}
	for _, name := range slices.Sorted(maps.Keys(in.RequestItems)) {
		if err := emptyExpressions(text{"ProjectionExpression", in.RequestItems[name].ProjectionExpression}); err != nil {
			return ddbsim.BatchGetItemInput{}, err
		}
	}
	var c converter
	return ddbsim.BatchGetItemInput{
		RequestItems:           mapValues(in.RequestItems, c.keysAndAttributes),
		ReturnConsumedCapacity: ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
	}, c.err
}

// keysAndAttributes converts what BatchGetItem reads from one table (a
// ProjectionExpression sent as "" was refused before).
func (c *converter) keysAndAttributes(k types.KeysAndAttributes) ddbsim.KeysAndAttributes {
	return ddbsim.KeysAndAttributes{
		Keys:                     mapSlice(k.Keys, c.item),
		ProjectionExpression:     aws.ToString(k.ProjectionExpression),
		ExpressionAttributeNames: k.ExpressionAttributeNames,
		AttributesToGet:          k.AttributesToGet,
		ConsistentRead:           aws.ToBool(k.ConsistentRead),
	}
}

func batchGetItemOutput(out *ddbsim.BatchGetItemOutput) *dynamodb.BatchGetItemOutput {
	var b sdkValues
	return &dynamodb.BatchGetItemOutput{
		Responses:        mapValues(out.Responses, b.items),
		UnprocessedKeys:  mapValues(out.UnprocessedKeys, b.keysAndAttributes),
		ConsumedCapacity: consumedCapacities(out.ConsumedCapacity),
	}
}

// keysAndAttributes converts the unprocessed keys of one table and their
// settings; settings left at their defaults are absent, as on the wire.
func (b *sdkValues) keysAndAttributes(k ddbsim.KeysAndAttributes) types.KeysAndAttributes {
	out := types.KeysAndAttributes{
		Keys:                     b.items(k.Keys),
		ProjectionExpression:     optional(k.ProjectionExpression),
		ExpressionAttributeNames: k.ExpressionAttributeNames,
		AttributesToGet:          k.AttributesToGet,
	}
	if k.ConsistentRead {
		out.ConsistentRead = aws.Bool(true)
	}
	return out
}

// BatchWriteItem makes up to 25 puts and deletes in one or more tables,
// each atomic on its own, as ddbsim.DB.BatchWriteItem does, with the
// SDK's types. UnprocessedItems is never nil, and holds the writes an
// Unprocessed fault left unmade: send them again until it is empty.
// optFns are ignored. Errors: see API; they fail the whole batch before
// anything is written. Cost: the DB's plus O(size of the items) to
// convert them.
func (a *API) BatchWriteItem(ctx context.Context, params *dynamodb.BatchWriteItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.BatchWriteItemOutput, error) {
	return invoke(ctx, a.db, "BatchWriteItem", params, batchWriteItemInput, (*ddbsim.DB).BatchWriteItem, batchWriteItemOutput)
}

func batchWriteItemInput(in *dynamodb.BatchWriteItemInput) (ddbsim.BatchWriteItemInput, error) {
	errs := missing("BatchWriteItemInput", member{"RequestItems", in.RequestItems != nil})
	errs.AddNested("RequestItems", entries(in.RequestItems, func(writes []types.WriteRequest) smithy.InvalidParamsError {
		return elements(writes, writeRequest)
	}))
	if err := invalid(errs); err != nil {
		return ddbsim.BatchWriteItemInput{}, err
	}
	var c converter
	return ddbsim.BatchWriteItemInput{
		RequestItems: mapValues(in.RequestItems, func(writes []types.WriteRequest) []ddbsim.WriteRequest {
			return mapSlice(writes, c.writeRequest)
		}),
		ReturnConsumedCapacity:      ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
		ReturnItemCollectionMetrics: ddbsim.ReturnItemCollectionMetrics(in.ReturnItemCollectionMetrics),
	}, c.err
}

// writeRequest is the SDK's check of one write of a BatchWriteItem: the
// Item of a PutRequest and the Key of a DeleteRequest are required.
func writeRequest(w *types.WriteRequest) smithy.InvalidParamsError {
	var errs smithy.InvalidParamsError
	if p := w.PutRequest; p != nil {
		errs.AddNested("PutRequest", missing("PutRequest", member{"Item", p.Item != nil}))
	}
	if d := w.DeleteRequest; d != nil {
		errs.AddNested("DeleteRequest", missing("DeleteRequest", member{"Key", d.Key != nil}))
	}
	return errs
}

// writeRequest converts one write of a BatchWriteItem.
func (c *converter) writeRequest(w types.WriteRequest) ddbsim.WriteRequest {
	var out ddbsim.WriteRequest
	if p := w.PutRequest; p != nil {
		out.PutRequest = &ddbsim.PutRequest{Item: c.item(p.Item)}
	}
	if d := w.DeleteRequest; d != nil {
		out.DeleteRequest = &ddbsim.DeleteRequest{Key: c.item(d.Key)}
	}
	return out
}

func batchWriteItemOutput(out *ddbsim.BatchWriteItemOutput) *dynamodb.BatchWriteItemOutput {
	var b sdkValues
	return &dynamodb.BatchWriteItemOutput{
		UnprocessedItems: mapValues(out.UnprocessedItems, func(writes []ddbsim.WriteRequest) []types.WriteRequest {
			return mapSlice(writes, b.writeRequest)
		}),
		ConsumedCapacity:      consumedCapacities(out.ConsumedCapacity),
		ItemCollectionMetrics: itemCollectionMetricsByTable(out.ItemCollectionMetrics),
	}
}

// writeRequest converts one unprocessed write of a BatchWriteItem.
func (b *sdkValues) writeRequest(w ddbsim.WriteRequest) types.WriteRequest {
	var out types.WriteRequest
	if p := w.PutRequest; p != nil {
		out.PutRequest = &types.PutRequest{Item: b.item(p.Item)}
	}
	if d := w.DeleteRequest; d != nil {
		out.DeleteRequest = &types.DeleteRequest{Key: b.item(d.Key)}
	}
	return out
}
