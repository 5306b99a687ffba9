// Transfer shows a transfer between two bank accounts made safe to retry
// by a transaction's ClientRequestToken.
//
// Alice sends Bob 30. One TransactWriteItems takes 30 from Alice, on
// condition that she has it, and gives it to Bob: both or neither. The
// request is applied, but its response is lost on the way back (an
// injected LostResponse fault); the AWS SDK retries it with the same
// ClientRequestToken (it fills one in for every TransactWriteItems), so
// DynamoDB recognises the repeat and applies nothing more: the balances
// show the transfer once and the total is unchanged. A transfer of more
// than Alice has is cancelled as a whole, and the cancellation reasons say
// which action failed and show the account as it was.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

// countingClient counts the HTTP requests the SDK sends, retries included.
type countingClient struct {
	next  aws.HTTPClient
	count *int
}

func (c countingClient) Do(r *http.Request) (*http.Response, error) {
	*c.count++
	return c.next.Do(r)
}

var accounts = aws.String("Accounts")

func num(n string) types.AttributeValue { return &types.AttributeValueMemberN{Value: n} }

func id(name string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: name}}
}

// transfer is the transaction moving amount from one account to another,
// if the first holds that much.
func transfer(from, to, amount string) []types.TransactWriteItem {
	return []types.TransactWriteItem{
		{Update: &types.Update{TableName: accounts, Key: id(from),
			UpdateExpression:                    aws.String("SET balance = balance - :amount"),
			ConditionExpression:                 aws.String("balance >= :amount"),
			ExpressionAttributeValues:           map[string]types.AttributeValue{":amount": num(amount)},
			ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}},
		{Update: &types.Update{TableName: accounts, Key: id(to),
			UpdateExpression:          aws.String("SET balance = balance + :amount"),
			ExpressionAttributeValues: map[string]types.AttributeValue{":amount": num(amount)}}},
	}
}

func run(ctx context.Context, w io.Writer) error {
	db := ddbsim.New(nil)
	defer db.Close()
	attempts := 0
	client := ddbaws.NewClient(db, func(o *dynamodb.Options) {
		o.HTTPClient = countingClient{next: o.HTTPClient, count: &attempts}
	})
	if _, err := client.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            accounts,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}},
		BillingMode:          types.BillingModePayPerRequest,
	}); err != nil {
		return err
	}
	if _, err := client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{
		{Put: &types.Put{TableName: accounts, Item: map[string]types.AttributeValue{"id": id("alice")["id"], "balance": num("100")}}},
		{Put: &types.Put{TableName: accounts, Item: map[string]types.AttributeValue{"id": id("bob")["id"], "balance": num("0")}}},
	}}); err != nil {
		return err
	}
	balances := func() error {
		out, err := client.TransactGetItems(ctx, &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{
			{Get: &types.Get{TableName: accounts, Key: id("alice")}}, {Get: &types.Get{TableName: accounts, Key: id("bob")}}}})
		if err != nil {
			return err
		}
		a := out.Responses[0].Item["balance"].(*types.AttributeValueMemberN).Value
		b := out.Responses[1].Item["balance"].(*types.AttributeValueMemberN).Value
		fmt.Fprintf(w, "  alice %s, bob %s\n", a, b)
		return nil
	}
	fmt.Fprintln(w, "opened two accounts:")
	if err := balances(); err != nil {
		return err
	}

	fmt.Fprintln(w, "alice sends bob 30 (if she has it); the response is lost:")
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "TransactWriteItems"})
	attempts = 0
	if _, err := client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "30")}); err != nil {
		return err
	}
	fmt.Fprintf(w, "  %d attempts with one ClientRequestToken: the retry succeeded and applied nothing more\n", attempts)
	if err := balances(); err != nil {
		return err
	}

	fmt.Fprintln(w, "alice sends bob 500:")
	_, err := client.TransactWriteItems(ctx, &dynamodb.TransactWriteItemsInput{TransactItems: transfer("alice", "bob", "500")})
	var cancelled *types.TransactionCanceledException
	if !errors.As(err, &cancelled) {
		return fmt.Errorf("expected the transfer to be cancelled, got %v", err)
	}
	reason := cancelled.CancellationReasons[0]
	fmt.Fprintf(w, "  cancelled: %s (alice had %s), %s\n", aws.ToString(reason.Code),
		reason.Item["balance"].(*types.AttributeValueMemberN).Value, aws.ToString(cancelled.CancellationReasons[1].Code))
	return balances()
}
