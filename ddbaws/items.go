package ddbaws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/ddbsim/ddbsim"
)

// PutItem stores params.Item, replacing any item with its key if the
// condition (ConditionExpression or the legacy Expected) holds, as
// ddbsim.DB.PutItem does, with the SDK's types. optFns are ignored.
// Errors: see API; a failed condition is a
// *types.ConditionalCheckFailedException, with the stored item when
// ReturnValuesOnConditionCheckFailure is ALL_OLD. Cost: the DB's plus
// O(size of the item) to convert it.
func (a *API) PutItem(ctx context.Context, params *dynamodb.PutItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error) {
	return invoke(ctx, a.db, "PutItem", params, putItemInput, (*ddbsim.DB).PutItem, putItemOutput)
}

func putItemInput(in *dynamodb.PutItemInput) (ddbsim.PutItemInput, error) {
	if err := invalid(missing("PutItemInput", member{"TableName", in.TableName != nil}, member{"Item", in.Item != nil})); err != nil {
		return ddbsim.PutItemInput{}, err
	}
	condition, err := expression("ConditionExpression", in.ConditionExpression)
	if err != nil {
		return ddbsim.PutItemInput{}, err
	}
	var c converter
	return ddbsim.PutItemInput{
		TableName:                           aws.ToString(in.TableName),
		Item:                                c.item(in.Item),
		ConditionExpression:                 condition,
		ExpressionAttributeNames:            in.ExpressionAttributeNames,
		ExpressionAttributeValues:           c.item(in.ExpressionAttributeValues),
		Expected:                            c.expected(in.Expected),
		ConditionalOperator:                 ddbsim.ConditionalOperator(in.ConditionalOperator),
		ReturnValues:                        ddbsim.ReturnValue(in.ReturnValues),
		ReturnValuesOnConditionCheckFailure: ddbsim.ReturnValuesOnConditionCheckFailure(in.ReturnValuesOnConditionCheckFailure),
		ReturnConsumedCapacity:              ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
		ReturnItemCollectionMetrics:         ddbsim.ReturnItemCollectionMetrics(in.ReturnItemCollectionMetrics),
	}, c.err
}

func putItemOutput(out *ddbsim.PutItemOutput) *dynamodb.PutItemOutput {
	return &dynamodb.PutItemOutput{Attributes: FromItem(out.Attributes), ConsumedCapacity: consumedCapacity(out.ConsumedCapacity)}
}

// GetItem returns the item with params.Key, or the paths of it that
// ProjectionExpression (or the legacy AttributesToGet) names, as
// ddbsim.DB.GetItem does, with the SDK's types: a nil Item when there is
// none. optFns are ignored. Errors: see API. Cost: the DB's plus O(size of
// the item) to convert it.
func (a *API) GetItem(ctx context.Context, params *dynamodb.GetItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error) {
	return invoke(ctx, a.db, "GetItem", params, getItemInput, (*ddbsim.DB).GetItem, getItemOutput)
}

func getItemInput(in *dynamodb.GetItemInput) (ddbsim.GetItemInput, error) {
	if err := invalid(missing("GetItemInput", member{"TableName", in.TableName != nil}, member{"Key", in.Key != nil})); err != nil {
		return ddbsim.GetItemInput{}, err
	}
	projection, err := expression("ProjectionExpression", in.ProjectionExpression)
	if err != nil {
		return ddbsim.GetItemInput{}, err
	}
	var c converter
	return ddbsim.GetItemInput{
		TableName:                aws.ToString(in.TableName),
		Key:                      c.item(in.Key),
		ConsistentRead:           aws.ToBool(in.ConsistentRead),
		ProjectionExpression:     projection,
		ExpressionAttributeNames: in.ExpressionAttributeNames,
		AttributesToGet:          in.AttributesToGet,
		ReturnConsumedCapacity:   ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
	}, c.err
}

func getItemOutput(out *ddbsim.GetItemOutput) *dynamodb.GetItemOutput {
	return &dynamodb.GetItemOutput{Item: FromItem(out.Item), ConsumedCapacity: consumedCapacity(out.ConsumedCapacity)}
}

// DeleteItem deletes the item with params.Key if the condition holds, as
// ddbsim.DB.DeleteItem does, with the SDK's types; deleting a missing item
// succeeds. optFns are ignored. Errors: as PutItem's. Cost: the DB's plus
// O(size of the old item) to convert it when ReturnValues is ALL_OLD.
func (a *API) DeleteItem(ctx context.Context, params *dynamodb.DeleteItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DeleteItemOutput, error) {
	return invoke(ctx, a.db, "DeleteItem", params, deleteItemInput, (*ddbsim.DB).DeleteItem, deleteItemOutput)
}

func deleteItemInput(in *dynamodb.DeleteItemInput) (ddbsim.DeleteItemInput, error) {
	if err := invalid(missing("DeleteItemInput", member{"TableName", in.TableName != nil}, member{"Key", in.Key != nil})); err != nil {
		return ddbsim.DeleteItemInput{}, err
	}
	condition, err := expression("ConditionExpression", in.ConditionExpression)
	if err != nil {
		return ddbsim.DeleteItemInput{}, err
	}
	var c converter
	return ddbsim.DeleteItemInput{
		TableName:                           aws.ToString(in.TableName),
		Key:                                 c.item(in.Key),
		ConditionExpression:                 condition,
		ExpressionAttributeNames:            in.ExpressionAttributeNames,
		ExpressionAttributeValues:           c.item(in.ExpressionAttributeValues),
		Expected:                            c.expected(in.Expected),
		ConditionalOperator:                 ddbsim.ConditionalOperator(in.ConditionalOperator),
		ReturnValues:                        ddbsim.ReturnValue(in.ReturnValues),
		ReturnValuesOnConditionCheckFailure: ddbsim.ReturnValuesOnConditionCheckFailure(in.ReturnValuesOnConditionCheckFailure),
		ReturnConsumedCapacity:              ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
		ReturnItemCollectionMetrics:         ddbsim.ReturnItemCollectionMetrics(in.ReturnItemCollectionMetrics),
	}, c.err
}

func deleteItemOutput(out *ddbsim.DeleteItemOutput) *dynamodb.DeleteItemOutput {
	return &dynamodb.DeleteItemOutput{Attributes: FromItem(out.Attributes), ConsumedCapacity: consumedCapacity(out.ConsumedCapacity)}
}
