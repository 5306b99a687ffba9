package ddbaws_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
)

// itemGetter is the narrow interface application code takes; both
// *dynamodb.Client and *ddbaws.API satisfy it.
type itemGetter interface {
	GetItem(context.Context, *dynamodb.GetItemInput, ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
}

// userName is application code under test.
func userName(ctx context.Context, db itemGetter, id string) (string, error) {
	out, err := db.GetItem(ctx, &dynamodb.GetItemInput{
		TableName: aws.String("users"),
		Key:       map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},
	})
	if err != nil || out.Item == nil {
		return "", err
	}
	return out.Item["name"].(*types.AttributeValueMemberS).Value, nil
}

func ExampleNewAPI() {
	ctx := context.Background()
	db := ddbsim.New(nil)
	_, err := db.CreateTable(ctx, ddbsim.CreateTableInput{
		TableName:            "users",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "id", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "id", AttributeType: ddbsim.ScalarAttributeTypeS}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
	})
	if err != nil {
		panic(err)
	}
	_, err = db.PutItem(ctx, ddbsim.PutItemInput{TableName: "users", Item: ddbsim.Item{"id": ddbsim.S("u1"), "name": ddbsim.S("Ada")}})
	if err != nil {
		panic(err)
	}

	name, err := userName(ctx, ddbaws.NewAPI(db), "u1")
	fmt.Println(name, err)
	_, err = userName(ctx, ddbaws.NewAPI(db), "")
	fmt.Println(err)
	// Output:
	// Ada <nil>
	// operation error DynamoDB: GetItem, api error ValidationException: One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id
}

func ExampleToItem() {
	it := ddbaws.ToItem(map[string]types.AttributeValue{
		"id":   &types.AttributeValueMemberS{Value: "u1"},
		"tags": &types.AttributeValueMemberSS{Value: []string{"b", "a"}},
	})
	fmt.Println(it)
	fmt.Println(ddbaws.FromValue(ddbsim.N("1.5")).(*types.AttributeValueMemberN).Value)
	// Output:
	// {"id":{"S":"u1"},"tags":{"SS":["b","a"]}}
	// 1.5
}
