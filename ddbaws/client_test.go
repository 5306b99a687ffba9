package ddbaws_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
)

func createUsers(t *testing.T, c *dynamodb.Client) {
	t.Helper()
	_, err := c.CreateTable(context.Background(), &dynamodb.CreateTableInput{
		TableName:            aws.String("users"),
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}},
		BillingMode:          types.BillingModePayPerRequest,
	})
	require.NoError(t, err)
}

func TestNewClient_PutGetThroughTheSDK(t *testing.T) {
	db := ddbsim.New(nil)
	c := ddbaws.NewClient(db)
	ctx := context.Background()
	createUsers(t, c)

	_, err := c.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String("users"),
		Item: map[string]types.AttributeValue{
			"id":    &types.AttributeValueMemberS{Value: "a"},
			"n":     &types.AttributeValueMemberN{Value: "1.50"},
			"b":     &types.AttributeValueMemberB{Value: []byte{0, 1, 255}},
			"tags":  &types.AttributeValueMemberSS{Value: []string{"x", "y"}},
			"m":     &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"l": &types.AttributeValueMemberL{Value: []types.AttributeValue{&types.AttributeValueMemberNULL{Value: true}}}}},
			"flag":  &types.AttributeValueMemberBOOL{Value: true},
			"empty": &types.AttributeValueMemberS{Value: ""},
		},
	})
	require.NoError(t, err)

	out, err := c.GetItem(ctx, &dynamodb.GetItemInput{
		TableName:              aws.String("users"),
		Key:                    map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "a"}},
		ConsistentRead:         aws.Bool(true),
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
	})
	require.NoError(t, err)
	assert.Equal(t, "1.5", out.Item["n"].(*types.AttributeValueMemberN).Value)
	assert.Equal(t, []byte{0, 1, 255}, out.Item["b"].(*types.AttributeValueMemberB).Value)
	assert.ElementsMatch(t, []string{"x", "y"}, out.Item["tags"].(*types.AttributeValueMemberSS).Value)
	assert.Equal(t, 1.0, *out.ConsumedCapacity.CapacityUnits)
	assert.Equal(t, "users", *out.ConsumedCapacity.TableName)

	_, err = c.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String("users"),
		Item:      map[string]types.AttributeValue{"id": &types.AttributeValueMemberN{Value: "1"}},
	})
	var apiErr interface {
		ErrorCode() string
		ErrorMessage() string
	}
	require.True(t, errors.As(err, &apiErr))
	assert.Equal(t, "ValidationException", apiErr.ErrorCode())
	assert.Equal(t, "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N", apiErr.ErrorMessage())

	_, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("nope"), Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "a"}}})
	var rnf *types.ResourceNotFoundException
	require.ErrorAs(t, err, &rnf)
	assert.Equal(t, "Requested resource not found", rnf.ErrorMessage())
}

func TestNewClient_LostResponseIsRetried(t *testing.T) {
	db := ddbsim.New(nil)
	c := ddbaws.NewClient(db)
	ctx := context.Background()
	createUsers(t, c)
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "PutItem"})
	out, err := c.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:    aws.String("users"),
		Item:         map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "a"}},
		ReturnValues: types.ReturnValueAllOld,
	})
	require.NoError(t, err, "the SDK retried the lost request")
	require.Contains(t, out.Attributes, "id", "the retry found the item the lost attempt wrote")
}
