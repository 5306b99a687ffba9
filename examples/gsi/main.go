// GSI shows the read that real DynamoDB code meets in production and that
// no other fake shows: a global secondary index is updated after the
// write returns, so a Query on it right after a write may miss the item.
// The code below finds a user's orders by the GSI byCustomer; right after
// an order is placed, the index does not have it yet. A reader that must
// see its own write reads the table by key (strongly consistent), or
// retries the index until the item shows up.
//
// The DB runs in Manual mode, so the index receives writes only when the
// program says so: the output is the same on every run.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/ddbsim/ddbsim"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, w io.Writer) error {
	db := ddbsim.New(&ddbsim.Options{Replication: ddbsim.Manual, Seed: 1})
	defer db.Close()
	if _, err := db.CreateTable(ctx, ddbsim.CreateTableInput{
		TableName: "Orders",
		KeySchema: []ddbsim.KeySchemaElement{{AttributeName: "order", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{
			{AttributeName: "order", AttributeType: ddbsim.ScalarAttributeTypeS},
			{AttributeName: "customer", AttributeType: ddbsim.ScalarAttributeTypeS},
			{AttributeName: "placed", AttributeType: ddbsim.ScalarAttributeTypeN},
		},
		BillingMode: ddbsim.BillingModePayPerRequest,
		GlobalSecondaryIndexes: []ddbsim.GlobalSecondaryIndex{{
			IndexName:  "byCustomer",
			KeySchema:  []ddbsim.KeySchemaElement{{AttributeName: "customer", KeyType: ddbsim.KeyTypeHash}, {AttributeName: "placed", KeyType: ddbsim.KeyTypeRange}},
			Projection: &ddbsim.Projection{ProjectionType: ddbsim.ProjectionTypeAll},
		}},
	}); err != nil {
		return err
	}
	orders := db.Table("Orders")
	place := func(order string, placed int64) error {
		_, err := orders.PutItem(ctx, ddbsim.PutItemInput{Item: ddbsim.Item{
			"order": ddbsim.S(order), "customer": ddbsim.S("ada"), "placed": ddbsim.Int(placed)}})
		return err
	}
	history := func() ([]string, error) {
		out, err := orders.Query(ctx, ddbsim.QueryInput{IndexName: "byCustomer",
			KeyConditionExpression:    "customer = :c",
			ExpressionAttributeValues: map[string]ddbsim.Value{":c": ddbsim.S("ada")}})
		if err != nil {
			return nil, err
		}
		var ids []string
		for _, it := range out.Items {
			ids = append(ids, it["order"].S())
		}
		return ids, nil
	}

	if err := place("o-1", 1700000000); err != nil {
		return err
	}
	db.Settle()
	ids, err := history()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "placed o-1; the index has caught up: %v\n", ids)

	if err := place("o-2", 1700000100); err != nil {
		return err
	}
	ids, err = history()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "placed o-2; Query on byCustomer right away: %v  <- stale: the index lags\n", ids)
	fmt.Fprintf(w, "writes the indexes have yet to apply: %d\n", db.Stats().PendingIndexWrites)

	got, err := orders.GetItem(ctx, ddbsim.GetItemInput{Key: ddbsim.Item{"order": ddbsim.S("o-2")}, ConsistentRead: true})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "GetItem o-2 with ConsistentRead: found=%v (the table has it)\n", got.Item != nil)

	_, err = orders.Query(ctx, ddbsim.QueryInput{IndexName: "byCustomer", ConsistentRead: true,
		KeyConditionExpression:    "customer = :c",
		ExpressionAttributeValues: map[string]ddbsim.Value{":c": ddbsim.S("ada")}})
	fmt.Fprintf(w, "Query on byCustomer with ConsistentRead: %v\n", err)

	db.PropagateIndex("Orders", "byCustomer", -1)
	ids, err = history()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "once the index catches up: %v\n", ids)
	return nil
}
