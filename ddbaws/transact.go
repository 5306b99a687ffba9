package ddbaws

import (
	"context"
	"crypto/rand"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	smithyrand "github.com/aws/smithy-go/rand"

	"github.com/ddbsim/ddbsim"
)

// TransactWriteItems makes up to 100 Puts, Updates, Deletes and
// ConditionChecks over one or more tables, all or none, as
// ddbsim.DB.TransactWriteItems does, with the SDK's types. A cancelled
// transaction is a *types.TransactionCanceledException whose
// CancellationReasons hold one reason per action (with the item where
// ReturnValuesOnConditionCheckFailure is ALL_OLD).
//
// ClientRequestToken: like the SDK client's idempotency middleware, and
// since an API has no middleware, it fills a nil ClientRequestToken with
// a fresh random UUID (params itself is left as it is), so every call is
// idempotent on the DB for ten minutes exactly as through NewClient. To
// make a retry of your own safe (after a LostResponse, say), set the token
// yourself and send the same token again: the DB applies the transaction
// once and the repeat succeeds. optFns are ignored. Errors: see API. Cost:
// the DB's plus O(size of the request) to convert it and a digest of it.
func (a *API) TransactWriteItems(ctx context.Context, params *dynamodb.TransactWriteItemsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.TransactWriteItemsOutput, error) {
	return invoke(ctx, a.db, "TransactWriteItems", params, transactWriteItemsInput, (*ddbsim.DB).TransactWriteItems, transactWriteItemsOutput)
}

func transactWriteItemsInput(in *dynamodb.TransactWriteItemsInput) (ddbsim.TransactWriteItemsInput, error) {
	errs := missing("TransactWriteItemsInput", member{"TransactItems", in.TransactItems != nil})
	errs.AddNested("TransactItems", elements(in.TransactItems, transactWriteItem))
	if err := invalid(errs); err != nil {
		return ddbsim.TransactWriteItemsInput{}, err
	}
	token := aws.ToString(in.ClientRequestToken)
	if in.ClientRequestToken == nil {
		var err error
		if token, err = smithyrand.NewUUIDIdempotencyToken(rand.Reader).GetIdempotencyToken(); err != nil {
			return ddbsim.TransactWriteItemsInput{}, err
		}
	}
	var c converter
	return ddbsim.TransactWriteItemsInput{
		TransactItems:               mapSlice(in.TransactItems, c.transactWriteItem),
		ClientRequestToken:          token,
		ReturnConsumedCapacity:      ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
		ReturnItemCollectionMetrics: ddbsim.ReturnItemCollectionMetrics(in.ReturnItemCollectionMetrics),
	}, c.err
}

// transactWriteItem is the SDK's check of one action: the members each
// kind requires.
func transactWriteItem(it *types.TransactWriteItem) smithy.InvalidParamsError {
	var errs smithy.InvalidParamsError
	if a := it.ConditionCheck; a != nil {
		errs.AddNested("ConditionCheck", missing("ConditionCheck", member{"Key", a.Key != nil}, member{"TableName", a.TableName != nil},
			member{"ConditionExpression", a.ConditionExpression != nil}))
	}
	if a := it.Delete; a != nil {
		errs.AddNested("Delete", missing("Delete", member{"Key", a.Key != nil}, member{"TableName", a.TableName != nil}))
	}
	if a := it.Put; a != nil {
		errs.AddNested("Put", missing("Put", member{"Item", a.Item != nil}, member{"TableName", a.TableName != nil}))
	}
	if a := it.Update; a != nil {
		errs.AddNested("Update", missing("Update", member{"Key", a.Key != nil}, member{"UpdateExpression", a.UpdateExpression != nil},
			member{"TableName", a.TableName != nil}))
	}
	return errs
}

// transactWriteItem converts one action.
func (c *converter) transactWriteItem(it types.TransactWriteItem) ddbsim.TransactWriteItem {
	var out ddbsim.TransactWriteItem
	if a := it.ConditionCheck; a != nil {
		out.ConditionCheck = &ddbsim.ConditionCheck{TableName: aws.ToString(a.TableName), Key: c.item(a.Key)}
		x := out.ConditionCheck
		x.ConditionExpression, x.ExpressionAttributeNames, x.ExpressionAttributeValues, x.ReturnValuesOnConditionCheckFailure =
			c.condition(a.ConditionExpression, a.ExpressionAttributeNames, a.ExpressionAttributeValues, a.ReturnValuesOnConditionCheckFailure)
	}
	if a := it.Put; a != nil {
		out.Put = &ddbsim.Put{TableName: aws.ToString(a.TableName), Item: c.item(a.Item)}
		x := out.Put
		x.ConditionExpression, x.ExpressionAttributeNames, x.ExpressionAttributeValues, x.ReturnValuesOnConditionCheckFailure =
			c.condition(a.ConditionExpression, a.ExpressionAttributeNames, a.ExpressionAttributeValues, a.ReturnValuesOnConditionCheckFailure)
	}
	if a := it.Delete; a != nil {
		out.Delete = &ddbsim.Delete{TableName: aws.ToString(a.TableName), Key: c.item(a.Key)}
		x := out.Delete
		x.ConditionExpression, x.ExpressionAttributeNames, x.ExpressionAttributeValues, x.ReturnValuesOnConditionCheckFailure =
			c.condition(a.ConditionExpression, a.ExpressionAttributeNames, a.ExpressionAttributeValues, a.ReturnValuesOnConditionCheckFailure)
	}
	if a := it.Update; a != nil {
		out.Update = &ddbsim.Update{TableName: aws.ToString(a.TableName), Key: c.item(a.Key), UpdateExpression: aws.ToString(a.UpdateExpression)}
		x := out.Update
		x.ConditionExpression, x.ExpressionAttributeNames, x.ExpressionAttributeValues, x.ReturnValuesOnConditionCheckFailure =
			c.condition(a.ConditionExpression, a.ExpressionAttributeNames, a.ExpressionAttributeValues, a.ReturnValuesOnConditionCheckFailure)
	}
	return out
}

// condition converts the members every kind of action shares: its
// condition, its attribute maps and ReturnValuesOnConditionCheckFailure.
func (c *converter) condition(expr *string, names map[string]string, vals map[string]types.AttributeValue, rv types.ReturnValuesOnConditionCheckFailure) (
	string, map[string]string, map[string]ddbsim.Value, ddbsim.ReturnValuesOnConditionCheckFailure) {
	return aws.ToString(expr), names, c.item(vals), ddbsim.ReturnValuesOnConditionCheckFailure(rv)
}

func transactWriteItemsOutput(out *ddbsim.TransactWriteItemsOutput) *dynamodb.TransactWriteItemsOutput {
	return &dynamodb.TransactWriteItemsOutput{ConsumedCapacity: consumedCapacities(out.ConsumedCapacity),
		ItemCollectionMetrics: itemCollectionMetricsByTable(out.ItemCollectionMetrics)}
}

// TransactGetItems reads up to 100 items over one or more tables from one
// consistent snapshot, as ddbsim.DB.TransactGetItems does, with the SDK's
// types: Responses has one entry per Get, in order, with a nil Item where
// there is none. optFns are ignored. Errors: see API. Cost: the DB's plus
// O(size of the items) to convert them.
func (a *API) TransactGetItems(ctx context.Context, params *dynamodb.TransactGetItemsInput, optFns ...func(*dynamodb.Options)) (*dynamodb.TransactGetItemsOutput, error) {
	return invoke(ctx, a.db, "TransactGetItems", params, transactGetItemsInput, (*ddbsim.DB).TransactGetItems, transactGetItemsOutput)
}

func transactGetItemsInput(in *dynamodb.TransactGetItemsInput) (ddbsim.TransactGetItemsInput, error) {
	errs := missing("TransactGetItemsInput", member{"TransactItems", in.TransactItems != nil})
	errs.AddNested("TransactItems", elements(in.TransactItems, func(it *types.TransactGetItem) smithy.InvalidParamsError {
		errs := missing("TransactGetItem", member{"Get", it.Get != nil})
		if g := it.Get; g != nil {
			errs.AddNested("Get", missing("Get", member{"Key", g.Key != nil}, member{"TableName", g.TableName != nil}))
		}
		return errs
	}))
	if err := invalid(errs); err != nil {
		return ddbsim.TransactGetItemsInput{}, err
	}
	var c converter
	return ddbsim.TransactGetItemsInput{
		TransactItems: mapSlice(in.TransactItems, func(it types.TransactGetItem) ddbsim.TransactGetItem {
			g := it.Get
			return ddbsim.TransactGetItem{Get: &ddbsim.Get{TableName: aws.ToString(g.TableName), Key: c.item(g.Key),
				ProjectionExpression: aws.ToString(g.ProjectionExpression), ExpressionAttributeNames: g.ExpressionAttributeNames}}
		}),
		ReturnConsumedCapacity: ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
	}, c.err
}

func transactGetItemsOutput(out *ddbsim.TransactGetItemsOutput) *dynamodb.TransactGetItemsOutput {
	var b sdkValues
	return &dynamodb.TransactGetItemsOutput{
		Responses: mapSlice(out.Responses, func(r ddbsim.ItemResponse) types.ItemResponse {
			return types.ItemResponse{Item: b.item(r.Item)}
		}),
		ConsumedCapacity: consumedCapacities(out.ConsumedCapacity),
	}
}
