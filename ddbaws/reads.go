package ddbaws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/ddbsim/ddbsim"
)

// Query reads one partition in sort key order, a page at a time (at most
// Limit items or 1 MB read, then filtered and projected), as
// ddbsim.DB.Query does, with the SDK's types: KeyConditionExpression (or
// the legacy KeyConditions), FilterExpression (QueryFilter),
// ProjectionExpression (AttributesToGet), Select, Limit,
// ExclusiveStartKey, ScanIndexForward and ConsistentRead as DynamoDB
// reads them. Items is nil with Select=COUNT and never nil otherwise; a
// page without LastEvaluatedKey is the last. It works with
// dynamodb.NewQueryPaginator. optFns are ignored. Errors: see API. Cost:
// the DB's plus O(size of the items returned) to convert them.
func (a *API) Query(ctx context.Context, params *dynamodb.QueryInput, optFns ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error) {
	return invoke(ctx, a.db, "Query", params, queryInput, (*ddbsim.DB).Query, queryOutput)
}

func queryInput(in *dynamodb.QueryInput) (ddbsim.QueryInput, error) {
	errs := missing("QueryInput", member{"TableName", in.TableName != nil})
	errs.AddNested("KeyConditions", entries(in.KeyConditions, condition))
	errs.AddNested("QueryFilter", entries(in.QueryFilter, condition))
	if err := itemRequest(errs, in.TableName, text{"KeyConditionExpression", in.KeyConditionExpression},
		text{"FilterExpression", in.FilterExpression}, text{"ProjectionExpression", in.ProjectionExpression}); err != nil {
		return ddbsim.QueryInput{}, err
	}
	var c converter
	return ddbsim.QueryInput{
		TableName:                 aws.ToString(in.TableName),
		IndexName:                 aws.ToString(in.IndexName),
		KeyConditionExpression:    aws.ToString(in.KeyConditionExpression),
		FilterExpression:          aws.ToString(in.FilterExpression),
		ProjectionExpression:      aws.ToString(in.ProjectionExpression),
		ExpressionAttributeNames:  in.ExpressionAttributeNames,
		ExpressionAttributeValues: c.item(in.ExpressionAttributeValues),
		KeyConditions:             c.conditions(in.KeyConditions),
		QueryFilter:               c.conditions(in.QueryFilter),
		ConditionalOperator:       ddbsim.ConditionalOperator(in.ConditionalOperator),
		AttributesToGet:           in.AttributesToGet,
		Select:                    ddbsim.Select(in.Select),
		Limit:                     in.Limit,
		ExclusiveStartKey:         c.item(in.ExclusiveStartKey),
		ScanIndexForward:          in.ScanIndexForward,
		ConsistentRead:            aws.ToBool(in.ConsistentRead),
		ReturnConsumedCapacity:    ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
	}, c.err
}

func queryOutput(out *ddbsim.QueryOutput) *dynamodb.QueryOutput {
	var b sdkValues
	return &dynamodb.QueryOutput{
		Items:            b.items(out.Items),
		Count:            out.Count,
		ScannedCount:     out.ScannedCount,
		LastEvaluatedKey: b.item(out.LastEvaluatedKey),
		ConsumedCapacity: consumedCapacity(out.ConsumedCapacity),
	}
}

// Scan reads the table, or one segment of a parallel scan
// (Segment/TotalSegments), a page at a time, as ddbsim.DB.Scan does, with
// the SDK's types; its members and output mean what Query's do. It works
// with dynamodb.NewScanPaginator. optFns are ignored. Errors: see API.
// Cost: the DB's plus O(size of the items returned) to convert them.
func (a *API) Scan(ctx context.Context, params *dynamodb.ScanInput, optFns ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error) {
	return invoke(ctx, a.db, "Scan", params, scanInput, (*ddbsim.DB).Scan, scanOutput)
}

func scanInput(in *dynamodb.ScanInput) (ddbsim.ScanInput, error) {
	errs := missing("ScanInput", member{"TableName", in.TableName != nil})
	errs.AddNested("ScanFilter", entries(in.ScanFilter, condition))
	if err := itemRequest(errs, in.TableName, text{"FilterExpression", in.FilterExpression},
		text{"ProjectionExpression", in.ProjectionExpression}); err != nil {
		return ddbsim.ScanInput{}, err
	}
	var c converter
	return ddbsim.ScanInput{
		TableName:                 aws.ToString(in.TableName),
		IndexName:                 aws.ToString(in.IndexName),
		FilterExpression:          aws.ToString(in.FilterExpression),
		ProjectionExpression:      aws.ToString(in.ProjectionExpression),
		ExpressionAttributeNames:  in.ExpressionAttributeNames,
		ExpressionAttributeValues: c.item(in.ExpressionAttributeValues),
		ScanFilter:                c.conditions(in.ScanFilter),
		ConditionalOperator:       ddbsim.ConditionalOperator(in.ConditionalOperator),
		AttributesToGet:           in.AttributesToGet,
		Select:                    ddbsim.Select(in.Select),
		Limit:                     in.Limit,
		ExclusiveStartKey:         c.item(in.ExclusiveStartKey),
		Segment:                   in.Segment,
		TotalSegments:             in.TotalSegments,
		ConsistentRead:            aws.ToBool(in.ConsistentRead),
		ReturnConsumedCapacity:    ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
	}, c.err
}

// scanOutput converts a Scan page as queryOutput converts a Query page:
// the SDK's ScanOutput and QueryOutput have the same fields.
func scanOutput(out *ddbsim.ScanOutput) *dynamodb.ScanOutput {
	return (*dynamodb.ScanOutput)(queryOutput((*ddbsim.QueryOutput)(out)))
}
