// Discount shows why a retried write must be a conditional write.
//
// A shop takes 10% off a product whose price is 100. The request reaches
// DynamoDB and is applied, but the response is lost on the way back (an
// injected LostResponse fault), so the AWS SDK retries it, as it does in
// production. Sent as a conditional write ("set the price to 90, only if
// it is still 100"), the retry fails its condition and the price stays
// 90: the discount is applied once. Sent as a plain update ("take 10
// off"), the retry is applied too: the price drops to 80.
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

func run(ctx context.Context, w io.Writer) error {
	db := ddbsim.New(nil)
	defer db.Close()
	attempts := 0
	client := ddbaws.NewClient(db, func(o *dynamodb.Options) {
		o.HTTPClient = countingClient{next: o.HTTPClient, count: &attempts}
	})
	if _, err := client.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            aws.String("Products"),
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("sku"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("sku"), AttributeType: types.ScalarAttributeTypeS}},
		BillingMode:          types.BillingModePayPerRequest,
	}); err != nil {
		return err
	}
	key := map[string]types.AttributeValue{"sku": &types.AttributeValueMemberS{Value: "lamp"}}
	setPrice := func(p string) error {
		_, err := client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("Products"),
			Item: map[string]types.AttributeValue{"sku": key["sku"], "price": &types.AttributeValueMemberN{Value: p}}})
		return err
	}
	price := func() (string, error) {
		out, err := client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("Products"), Key: key, ConsistentRead: aws.Bool(true)})
		if err != nil {
			return "", err
		}
		return out.Item["price"].(*types.AttributeValueMemberN).Value, nil
	}

	// The conditional write: idempotent, so safe to retry.
	if err := setPrice("100"); err != nil {
		return err
	}
	fmt.Fprintln(w, "price is 100; conditional discount: SET price = 90 only if price = 100")
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "UpdateItem"})
	attempts = 0
	_, err := client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String("Products"), Key: key,
		UpdateExpression:                    aws.String("SET price = :new"),
		ConditionExpression:                 aws.String("price = :old"),
		ExpressionAttributeValues:           map[string]types.AttributeValue{":new": &types.AttributeValueMemberN{Value: "90"}, ":old": &types.AttributeValueMemberN{Value: "100"}},
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
	})
	var ccf *types.ConditionalCheckFailedException
	if !errors.As(err, &ccf) {
		return fmt.Errorf("expected the retry to fail its condition, got %v", err)
	}
	found := ccf.Item["price"].(*types.AttributeValueMemberN).Value
	fmt.Fprintf(w, "  %d attempts: the first was applied but its response lost; the retry failed its condition, finding price %s\n", attempts, found)
	p, err := price()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  price is %s: the discount was applied once\n", p)

	// The plain update: not idempotent, so a retry applies it again.
	if err := setPrice("100"); err != nil {
		return err
	}
	fmt.Fprintln(w, "price is 100; plain discount: SET price = price - 10")
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "UpdateItem"})
	attempts = 0
	if _, err := client.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName: aws.String("Products"), Key: key,
		UpdateExpression:          aws.String("SET price = price - :ten"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":ten": &types.AttributeValueMemberN{Value: "10"}},
	}); err != nil {
		return err
	}
	sent := attempts
	p, err = price()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %d attempts, both applied: price is %s, the discount was applied twice\n", sent, p)
	return nil
}
