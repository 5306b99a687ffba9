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
	return invoke(ctx, a.db, "PutItem", params, putItemInput, putItem, putItemOutput)
}

// putItem runs in and recycles its scratch maps.
func putItem(db *ddbsim.DB, ctx context.Context, in ddbsim.PutItemInput) (*ddbsim.PutItemOutput, error) {
	defer recycle(in.Item, in.ExpressionAttributeValues)
	return db.PutItem(ctx, in)
}

func putItemInput(in *dynamodb.PutItemInput) (ddbsim.PutItemInput, error) {
	if err := itemRequest(missing("PutItemInput", member{"TableName", in.TableName != nil}, member{"Item", in.Item != nil}), in.TableName,
		text{"ConditionExpression", in.ConditionExpression}); err != nil {
		return ddbsim.PutItemInput{}, err
	}
	var c converter
	return ddbsim.PutItemInput{
		TableName:                           aws.ToString(in.TableName),
		Item:                                c.scratchItem(in.Item),
		ConditionExpression:                 aws.ToString(in.ConditionExpression),
		ExpressionAttributeNames:            in.ExpressionAttributeNames,
		ExpressionAttributeValues:           c.scratchItem(in.ExpressionAttributeValues),
		Expected:                            c.expected(in.Expected),
		ConditionalOperator:                 ddbsim.ConditionalOperator(in.ConditionalOperator),
		ReturnValues:                        ddbsim.ReturnValue(in.ReturnValues),
		ReturnValuesOnConditionCheckFailure: ddbsim.ReturnValuesOnConditionCheckFailure(in.ReturnValuesOnConditionCheckFailure),
		ReturnConsumedCapacity:              ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
		ReturnItemCollectionMetrics:         ddbsim.ReturnItemCollectionMetrics(in.ReturnItemCollectionMetrics),
	}, c.err
}

func putItemOutput(out *ddbsim.PutItemOutput) *dynamodb.PutItemOutput {
	return &dynamodb.PutItemOutput{Attributes: FromItem(out.Attributes), ConsumedCapacity: consumedCapacity(out.ConsumedCapacity),
		ItemCollectionMetrics: itemCollectionMetrics(out.ItemCollectionMetrics)}
}

// GetItem returns the item with params.Key, or the paths of it that
// ProjectionExpression (or the legacy AttributesToGet) names, as
// ddbsim.DB.GetItem does, with the SDK's types: a nil Item when there is
// none. optFns are ignored. Errors: see API. Cost: the DB's plus O(size of
// the item) to convert it.
func (a *API) GetItem(ctx context.Context, params *dynamodb.GetItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error) {
	return invoke(ctx, a.db, "GetItem", params, getItemInput, getItem, getItemOutput)
}

// getItem runs in and recycles its scratch map.
func getItem(db *ddbsim.DB, ctx context.Context, in ddbsim.GetItemInput) (*ddbsim.GetItemOutput, error) {
	defer recycle(in.Key)
	return db.GetItem(ctx, in)
}

func getItemInput(in *dynamodb.GetItemInput) (ddbsim.GetItemInput, error) {
	if err := itemRequest(missing("GetItemInput", member{"TableName", in.TableName != nil}, member{"Key", in.Key != nil}), in.TableName,
		text{"ProjectionExpression", in.ProjectionExpression}); err != nil {
		return ddbsim.GetItemInput{}, err
	}
	var c converter
	return ddbsim.GetItemInput{
		TableName:                aws.ToString(in.TableName),
		Key:                      c.scratchItem(in.Key),
		ConsistentRead:           aws.ToBool(in.ConsistentRead),
		ProjectionExpression:     aws.ToString(in.ProjectionExpression),
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
	return invoke(ctx, a.db, "DeleteItem", params, deleteItemInput, deleteItem, deleteItemOutput)
}

// deleteItem runs in and recycles its scratch maps.
func deleteItem(db *ddbsim.DB, ctx context.Context, in ddbsim.DeleteItemInput) (*ddbsim.DeleteItemOutput, error) {
	defer recycle(in.Key, in.ExpressionAttributeValues)
	return db.DeleteItem(ctx, in)
}

func deleteItemInput(in *dynamodb.DeleteItemInput) (ddbsim.DeleteItemInput, error) {
	if err := itemRequest(missing("DeleteItemInput", member{"TableName", in.TableName != nil}, member{"Key", in.Key != nil}), in.TableName,
		text{"ConditionExpression", in.ConditionExpression}); err != nil {
		return ddbsim.DeleteItemInput{}, err
	}
	var c converter
	return ddbsim.DeleteItemInput{
		TableName:                           aws.ToString(in.TableName),
		Key:                                 c.scratchItem(in.Key),
		ConditionExpression:                 aws.ToString(in.ConditionExpression),
		ExpressionAttributeNames:            in.ExpressionAttributeNames,
		ExpressionAttributeValues:           c.scratchItem(in.ExpressionAttributeValues),
		Expected:                            c.expected(in.Expected),
		ConditionalOperator:                 ddbsim.ConditionalOperator(in.ConditionalOperator),
		ReturnValues:                        ddbsim.ReturnValue(in.ReturnValues),
		ReturnValuesOnConditionCheckFailure: ddbsim.ReturnValuesOnConditionCheckFailure(in.ReturnValuesOnConditionCheckFailure),
		ReturnConsumedCapacity:              ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
		ReturnItemCollectionMetrics:         ddbsim.ReturnItemCollectionMetrics(in.ReturnItemCollectionMetrics),
	}, c.err
}

func deleteItemOutput(out *ddbsim.DeleteItemOutput) *dynamodb.DeleteItemOutput {
	return &dynamodb.DeleteItemOutput{Attributes: FromItem(out.Attributes), ConsumedCapacity: consumedCapacity(out.ConsumedCapacity),
		ItemCollectionMetrics: itemCollectionMetrics(out.ItemCollectionMetrics)}
}

// UpdateItem edits the item with params.Key by UpdateExpression (or the
// legacy AttributeUpdates), creating it if it is missing, if the
// condition holds, as ddbsim.DB.UpdateItem does, with the SDK's types.
// Attributes holds what ReturnValues asks for (ALL_OLD, UPDATED_OLD,
// ALL_NEW, UPDATED_NEW), nil when that is nothing. optFns are ignored.
// Errors: as PutItem's, and the ValidationExceptions of updates that
// cannot apply. Cost: the DB's plus O(size of the returned attributes) to
// convert them.
func (a *API) UpdateItem(ctx context.Context, params *dynamodb.UpdateItemInput, optFns ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error) {
	return invoke(ctx, a.db, "UpdateItem", params, updateItemInput, updateItem, updateItemOutput)
}

// updateItem runs in and recycles its scratch maps.
func updateItem(db *ddbsim.DB, ctx context.Context, in ddbsim.UpdateItemInput) (*ddbsim.UpdateItemOutput, error) {
	defer recycle(in.Key, in.ExpressionAttributeValues)
	return db.UpdateItem(ctx, in)
}

func updateItemInput(in *dynamodb.UpdateItemInput) (ddbsim.UpdateItemInput, error) {
	if err := itemRequest(missing("UpdateItemInput", member{"TableName", in.TableName != nil}, member{"Key", in.Key != nil}), in.TableName,
		text{"UpdateExpression", in.UpdateExpression}, text{"ConditionExpression", in.ConditionExpression}); err != nil {
		return ddbsim.UpdateItemInput{}, err
	}
	var c converter
	return ddbsim.UpdateItemInput{
		TableName:                           aws.ToString(in.TableName),
		Key:                                 c.scratchItem(in.Key),
		UpdateExpression:                    aws.ToString(in.UpdateExpression),
		ConditionExpression:                 aws.ToString(in.ConditionExpression),
		ExpressionAttributeNames:            in.ExpressionAttributeNames,
		ExpressionAttributeValues:           c.scratchItem(in.ExpressionAttributeValues),
		AttributeUpdates:                    c.attributeUpdates(in.AttributeUpdates),
		Expected:                            c.expected(in.Expected),
		ConditionalOperator:                 ddbsim.ConditionalOperator(in.ConditionalOperator),
		ReturnValues:                        ddbsim.ReturnValue(in.ReturnValues),
		ReturnValuesOnConditionCheckFailure: ddbsim.ReturnValuesOnConditionCheckFailure(in.ReturnValuesOnConditionCheckFailure),
		ReturnConsumedCapacity:              ddbsim.ReturnConsumedCapacity(in.ReturnConsumedCapacity),
		ReturnItemCollectionMetrics:         ddbsim.ReturnItemCollectionMetrics(in.ReturnItemCollectionMetrics),
	}, c.err
}

func updateItemOutput(out *ddbsim.UpdateItemOutput) *dynamodb.UpdateItemOutput {
	return &dynamodb.UpdateItemOutput{Attributes: FromItem(out.Attributes), ConsumedCapacity: consumedCapacity(out.ConsumedCapacity),
		ItemCollectionMetrics: itemCollectionMetrics(out.ItemCollectionMetrics)}
}
