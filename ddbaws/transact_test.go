package ddbaws

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

func transactWriteStep(name string, in *dynamodb.TransactWriteItemsInput) step {
	return opStep(name, operations.TransactWriteItems, in)
}

func transactGetStep(name string, in *dynamodb.TransactGetItemsInput) step {
	return opStep(name, operations.TransactGetItems, in)
}

var accounts = aws.String("accounts")

// account is an accounts item with a balance.
func account(id, balance string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"id": avS(id), "balance": avN(balance)}
}

// transfer moves amount from one account to another, if it has enough.
func transfer(from, to, amount string) []types.TransactWriteItem {
	return []types.TransactWriteItem{
		{Update: &types.Update{TableName: accounts, Key: map[string]types.AttributeValue{"id": avS(from)}, UpdateExpression: aws.String("SET balance = balance - :a"),
			ConditionExpression: aws.String("balance >= :a"), ExpressionAttributeValues: values(":a", avN(amount)),
			ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}},
		{Update: &types.Update{TableName: accounts, Key: map[string]types.AttributeValue{"id": avS(to)}, UpdateExpression: aws.String("SET balance = balance + :a"),
			ExpressionAttributeValues: values(":a", avN(amount))}},
	}
}

// transactSteps are the parity steps of the transactions.
var transactSteps = []step{
	createStep("create accounts", onDemand("accounts", key("id", types.ScalarAttributeTypeS))),
	transactWriteStep("open accounts", &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: accounts, Item: account("alice", "100")}},
		{Put: &types.Put{TableName: accounts, Item: account("bob", "0"), ConditionExpression: aws.String("attribute_not_exists(id)")}},
	}, ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes}),
	transactWriteStep("transfer", &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "30"), ClientRequestToken: aws.String("t1")}),
	transactWriteStep("transfer repeated", &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "30"), ClientRequestToken: aws.String("t1"),
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	transactWriteStep("token reused", &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "31"), ClientRequestToken: aws.String("t1")}),
	transactWriteStep("overdraft", &dynamodb.TransactWriteItemsInput{TransactItems: transfer("bob", "alice", "1000")}),
	transactWriteStep("two actions on bob", &dynamodb.TransactWriteItemsInput{TransactItems: append(transfer("alice", "bob", "1"),
		types.TransactWriteItem{ConditionCheck: &types.ConditionCheck{TableName: accounts, Key: map[string]types.AttributeValue{"id": avS("bob")},
			ConditionExpression: aws.String("attribute_exists(id)")}})}),
	transactWriteStep("no list", &dynamodb.TransactWriteItemsInput{}),
	transactWriteStep("missing members", &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{Item: account("x", "1")}}, {ConditionCheck: &types.ConditionCheck{TableName: accounts}}}}),
	transactWriteStep("token too long", &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "1"),
		ClientRequestToken: aws.String("0123456789012345678901234567890123456")}),
	transactWriteStep("bad key type", &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Delete: &types.Delete{TableName: accounts, Key: map[string]types.AttributeValue{"id": avN("1")}}}}}),
	transactGetStep("read both", &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{
		{Get: &types.Get{TableName: accounts, Key: map[string]types.AttributeValue{"id": avS("alice")}}},
		{Get: &types.Get{TableName: accounts, Key: map[string]types.AttributeValue{"id": avS("carol")}}},
		{Get: &types.Get{TableName: accounts, Key: map[string]types.AttributeValue{"id": avS("bob")}, ProjectionExpression: aws.String("balance")}},
	}, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	transactGetStep("read missing table", &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{
		{Get: &types.Get{TableName: aws.String("nope"), Key: map[string]types.AttributeValue{"id": avS("a")}}}}}),
	transactGetStep("read without get", &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{{}}}),
}

// Through the real SDK client and through NewAPI: a cancelled transfer is
// a *types.TransactionCanceledException whose reasons show the item that
// failed its condition.
func TestTransactWriteItems_CancellationThroughTheSDK(t *testing.T) {
	for name, c := range map[string]func(*ddbsim.DB) operations{
		"NewClient": func(db *ddbsim.DB) operations { return NewClient(db) },
		"NewAPI":    func(db *ddbsim.DB) operations { return NewAPI(db) },
	} {
		t.Run(name, func(t *testing.T) {
			client := c(ddbsim.New(nil))
			ctx := context.Background()
			mustCreate(t, client, onDemand("accounts", key("id", types.ScalarAttributeTypeS)))
			mustPut(t, client, "accounts", account("alice", "10"))
			mustPut(t, client, "accounts", account("bob", "0"))
			_, err := client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "50")})
			var tce *types.TransactionCanceledException
			require.ErrorAs(t, err, &tce)
			assert.Equal(t, "Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]", tce.ErrorMessage())
			require.Len(t, tce.CancellationReasons, 2)
			assert.Equal(t, "ConditionalCheckFailed", aws.ToString(tce.CancellationReasons[0].Code))
			assert.Equal(t, "The conditional request failed", aws.ToString(tce.CancellationReasons[0].Message))
			assert.Equal(t, account("alice", "10"), tce.CancellationReasons[0].Item)
			assert.Equal(t, "None", aws.ToString(tce.CancellationReasons[1].Code))
			assert.Nil(t, tce.CancellationReasons[1].Message)

			_, err = client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "1"), ClientRequestToken: aws.String("t")})
			require.NoError(t, err)
			_, err = client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "2"), ClientRequestToken: aws.String("t")})
			var mismatch *types.IdempotentParameterMismatchException
			require.ErrorAs(t, err, &mismatch)
		})
	}
}

// Through NewClient, a lost response is retried by the SDK with the token
// it filled in: the transfer applies once.
func TestNewClient_TransactWriteItems_LostResponseAppliesOnce(t *testing.T) {
	db := ddbsim.New(nil)
	client := NewClient(db)
	ctx := context.Background()
	mustCreate(t, client, onDemand("accounts", key("id", types.ScalarAttributeTypeS)))
	mustPut(t, client, "accounts", account("alice", "10"))
	mustPut(t, client, "accounts", account("bob", "0"))
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "TransactWriteItems"})
	_, err := client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "4")})
	require.NoError(t, err, "the SDK retried the lost request")
	out, err := client.TransactGetItems(ctx, &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{
		{Get: &types.Get{TableName: accounts, Key: map[string]types.AttributeValue{"id": avS("alice")}}},
		{Get: &types.Get{TableName: accounts, Key: map[string]types.AttributeValue{"id": avS("bob")}}}}})
	require.NoError(t, err)
	assert.Equal(t, account("alice", "6"), out.Responses[0].Item, "applied once")
	assert.Equal(t, account("bob", "4"), out.Responses[1].Item)
}

// NewAPI fills a missing ClientRequestToken itself, as the SDK client's
// middleware does, and leaves the caller's input as it was.
func TestNewAPI_TransactWriteItems_FillsTheToken(t *testing.T) {
	in, err := transactWriteItemsInput(&dynamodb.TransactWriteItemsInput{TransactItems: transfer("a", "b", "1")})
	require.NoError(t, err)
	assert.Len(t, in.ClientRequestToken, 36)
	again, err := transactWriteItemsInput(&dynamodb.TransactWriteItemsInput{TransactItems: transfer("a", "b", "1")})
	require.NoError(t, err)
	assert.NotEqual(t, in.ClientRequestToken, again.ClientRequestToken, "a fresh token per call")
	params := &dynamodb.TransactWriteItemsInput{TransactItems: transfer("a", "b", "1"), ClientRequestToken: aws.String("mine")}
	in, err = transactWriteItemsInput(params)
	require.NoError(t, err)
	assert.Equal(t, "mine", in.ClientRequestToken)
}
