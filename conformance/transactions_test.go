package conformance

import (
	"context"
	"crypto/rand"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTransactions_AllOrNothing checks ddb-facts §9: a transaction whose
// condition fails is cancelled with one reason per action, in order
// (None for the others, the item with ALL_OLD), and writes nothing; one
// whose conditions hold writes every action.
func TestTransactions_AllOrNothing(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item{"id": s("a"), "v": s("old")}})
	require.NoError(t, err)

	_, err = c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String(table), Item: item{"id": s("b")}}},
		{Put: &types.Put{TableName: aws.String(table), Item: item{"id": s("a"), "v": s("new")}, ConditionExpression: aws.String("attribute_not_exists(id)"),
			ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}},
	}})
	var tce *types.TransactionCanceledException
	require.ErrorAs(t, err, &tce)
	assert.Equal(t, "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]", tce.ErrorMessage())
	require.Len(t, tce.CancellationReasons, 2)
	assert.Equal(t, "None", aws.ToString(tce.CancellationReasons[0].Code))
	assert.Equal(t, "ConditionalCheckFailed", aws.ToString(tce.CancellationReasons[1].Code))
	assert.Equal(t, item{"id": s("a"), "v": s("old")}, tce.CancellationReasons[1].Item)

	gets := &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{
		{Get: &types.Get{TableName: aws.String(table), Key: item{"id": s("a")}}},
		{Get: &types.Get{TableName: aws.String(table), Key: item{"id": s("b")}}},
	}}
	out, err := c.TransactGetItems(ctx, gets)
	require.NoError(t, err)
	assert.Equal(t, item{"id": s("a"), "v": s("old")}, out.Responses[0].Item)
	assert.Nil(t, out.Responses[1].Item, "the cancelled transaction wrote nothing")

	_, err = c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String(table), Item: item{"id": s("b")}}},
		{Update: &types.Update{TableName: aws.String(table), Key: item{"id": s("a")}, UpdateExpression: aws.String("SET v = :v"),
			ConditionExpression: aws.String("v = :old"), ExpressionAttributeValues: item{":v": s("new"), ":old": s("old")}}},
	}})
	require.NoError(t, err)
	out, err = c.TransactGetItems(ctx, gets)
	require.NoError(t, err)
	assert.Equal(t, item{"id": s("a"), "v": s("new")}, out.Responses[0].Item)
	assert.Equal(t, item{"id": s("b")}, out.Responses[1].Item)
}

// TestTransactions_RequestErrors checks the request-level refusals of
// ddb-facts §9: two actions on one item, a ConditionCheck without a
// condition.
func TestTransactions_RequestErrors(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	_, err := c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: aws.String(table), Item: item{"id": s("a")}}},
		{Delete: &types.Delete{TableName: aws.String(table), Key: item{"id": s("a")}}},
	}})
	requireValidation(t, err, "Transaction request cannot include multiple operations on one item")
}

// TestTransactions_ClientRequestToken checks idempotency (ddb-facts §9):
// a repeat with the same token and parameters changes nothing more, one
// with other parameters is IdempotentParameterMismatchException.
func TestTransactions_ClientRequestToken(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item{"id": s("c"), "n": n("0")}})
	require.NoError(t, err)
	token := rand.Text()[:20]
	add := func(by string) error {
		_, err := c.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{ClientRequestToken: aws.String(token), TransactItems: []types.TransactWriteItem{
			{Update: &types.Update{TableName: aws.String(table), Key: item{"id": s("c")}, UpdateExpression: aws.String("ADD n :by"), ExpressionAttributeValues: item{":by": n(by)}}},
		}})
		return err
	}
	require.NoError(t, add("1"))
	require.NoError(t, add("1"))
	assert.Equal(t, item{"id": s("c"), "n": n("1")}, get(t, table, item{"id": s("c")}), "the repeat applied nothing")
	var mismatch *types.IdempotentParameterMismatchException
	require.ErrorAs(t, add("2"), &mismatch)
}
