package ddbaws

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
)

// A TransactionConflict fault reaches the SDK as DynamoDB's errors: a
// TransactionConflictException for a single-item write, a cancellation
// with the reason TransactionConflict for a transaction.
func TestClient_TransactionConflictFault(t *testing.T) {
	ctx := context.Background()
	db := newTestDB()
	c := NewClient(db, func(o *dynamodb.Options) { o.RetryMaxAttempts = 1 })
	_, err := c.CreateTable(ctx, onDemand("users", key("id", types.ScalarAttributeTypeS)))
	require.NoError(t, err)

	db.InjectFault(ddbsim.Fault{Kind: ddbsim.TransactionConflict, Operation: "PutItem"})
	_, err = c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"), Item: map[string]types.AttributeValue{"id": avS("a")}})
	var conflict *types.TransactionConflictException
	require.True(t, errors.As(err, &conflict), "%v", err)
	assert.Equal(t, "Transaction is ongoing for the item", conflict.ErrorMessage())

	db.InjectFault(ddbsim.Fault{Kind: ddbsim.TransactionConflict, Table: "users"})
	_, err = c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String("users"), Item: map[string]types.AttributeValue{"id": avS("b")}}},
	}})
	var cancelled *types.TransactionCanceledException
	require.True(t, errors.As(err, &cancelled), "%v", err)
	require.Len(t, cancelled.CancellationReasons, 1)
	assert.Equal(t, "TransactionConflict", aws.ToString(cancelled.CancellationReasons[0].Code))

	out, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("users")})
	require.NoError(t, err)
	assert.Zero(t, out.Count, "nothing applied")
}
