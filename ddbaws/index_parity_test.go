package ddbaws

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// indexItem is an item of the "indexed" table (createTableSteps makes it).
func indexItem(sk, g, l, a string) map[string]types.AttributeValue {
	it := map[string]types.AttributeValue{"pk": avS("p"), "sk": avS(sk), "a": avS(a), "b": avS("not projected")}
	if g != "" {
		it["g"] = avN(g)
	}
	if l != "" {
		it["l"] = avS(l)
	}
	return it
}

// indexSteps are the parity steps of secondary indexes, on the table
// "indexed" (GSI byG on g N, ALL; LSI byL on pk, l S, INCLUDE a): writes,
// their index key checks, and reads of both indexes.
var indexSteps = []step{
	putStep("index put 1", &dynamodb.PutItemInput{TableName: aws.String("indexed"), Item: indexItem("1", "10", "x", "one")}),
	putStep("index put 2", &dynamodb.PutItemInput{TableName: aws.String("indexed"), Item: indexItem("2", "10", "y", "two")}),
	putStep("index put sparse", &dynamodb.PutItemInput{TableName: aws.String("indexed"), Item: indexItem("3", "", "", "three")}),
	putStep("index put metrics", &dynamodb.PutItemInput{TableName: aws.String("indexed"), Item: indexItem("5", "20", "z", "five"),
		ReturnItemCollectionMetrics: types.ReturnItemCollectionMetricsSize, ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes}),
	putStep("index put type mismatch", &dynamodb.PutItemInput{TableName: aws.String("indexed"),
		Item: map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("4"), "g": avS("ten")}}),
	putStep("index put empty LSI key", &dynamodb.PutItemInput{TableName: aws.String("indexed"),
		Item: map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("4"), "l": avS("")}}),
	opStep("index batch metrics", operations.BatchWriteItem, &dynamodb.BatchWriteItemInput{ReturnItemCollectionMetrics: types.ReturnItemCollectionMetricsSize,
		RequestItems: map[string][]types.WriteRequest{"indexed": {{PutRequest: &types.PutRequest{Item: indexItem("6", "30", "w", "six")}}}}}),
	queryStep("index query GSI", &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byG"),
		KeyConditionExpression: aws.String("g = :g"), ExpressionAttributeValues: values(":g", avN("10"))}),
	queryStep("index query GSI page", &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byG"), Limit: aws.Int32(1),
		KeyConditionExpression: aws.String("g = :g"), ExpressionAttributeValues: values(":g", avN("10"))}),
	queryStep("index query GSI consistent", &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byG"), ConsistentRead: aws.Bool(true),
		KeyConditionExpression: aws.String("g = :g"), ExpressionAttributeValues: values(":g", avN("10"))}),
	queryStep("index query LSI", &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byL"), ConsistentRead: aws.Bool(true),
		KeyConditionExpression: aws.String("pk = :p AND l > :x"), ExpressionAttributeValues: values(":p", avS("p"), ":x", avS("a"))}),
	queryStep("index query LSI all attributes", &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byL"), Select: types.SelectAllAttributes,
		KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: values(":p", avS("p"))}),
	queryStep("index query unknown", &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byZ"),
		KeyConditionExpression: aws.String("g = :g"), ExpressionAttributeValues: values(":g", avN("10"))}),
	scanStep("index scan GSI", &dynamodb.ScanInput{TableName: aws.String("indexed"), IndexName: aws.String("byG")}),
	describeStep("index describe", aws.String("indexed")),
}

// updateTableSteps are the parity steps of UpdateTable on "indexed": a
// GSI created (and backfilled) then read, refusals, and its deletion.
var updateTableSteps = []step{
	opStep("update add GSI", operations.UpdateTable, &dynamodb.UpdateTableInput{TableName: aws.String("indexed"),
		AttributeDefinitions: []types.AttributeDefinition{key("a", types.ScalarAttributeTypeS)},
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Create: &types.CreateGlobalSecondaryIndexAction{IndexName: aws.String("byA"),
			KeySchema:  []types.KeySchemaElement{{AttributeName: aws.String("a"), KeyType: types.KeyTypeHash}},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeKeysOnly}}}}}),
	queryStep("update query new GSI", &dynamodb.QueryInput{TableName: aws.String("indexed"), IndexName: aws.String("byA"),
		KeyConditionExpression: aws.String("a = :a"), ExpressionAttributeValues: values(":a", avS("one"))}),
	opStep("update add existing GSI", operations.UpdateTable, &dynamodb.UpdateTableInput{TableName: aws.String("indexed"),
		AttributeDefinitions: []types.AttributeDefinition{key("a", types.ScalarAttributeTypeS)},
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Create: &types.CreateGlobalSecondaryIndexAction{IndexName: aws.String("byA"),
			KeySchema:  []types.KeySchemaElement{{AttributeName: aws.String("a"), KeyType: types.KeyTypeHash}},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeKeysOnly}}}}}),
	opStep("update nothing", operations.UpdateTable, &dynamodb.UpdateTableInput{TableName: aws.String("indexed")}),
	opStep("update missing table", operations.UpdateTable, &dynamodb.UpdateTableInput{TableName: aws.String("nope"), TableClass: types.TableClassStandard}),
	opStep("update delete GSI", operations.UpdateTable, &dynamodb.UpdateTableInput{TableName: aws.String("indexed"),
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Delete: &types.DeleteGlobalSecondaryIndexAction{IndexName: aws.String("byA")}}}}),
	opStep("update delete missing GSI", operations.UpdateTable, &dynamodb.UpdateTableInput{TableName: aws.String("indexed"),
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Delete: &types.DeleteGlobalSecondaryIndexAction{IndexName: aws.String("byA")}}}}),
	describeStep("update describe", aws.String("indexed")),
}
