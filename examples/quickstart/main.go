// Quickstart creates a table in an in-process DynamoDB, writes an item,
// reads it back (numbers come back in DynamoDB's canonical form), deletes
// it, and shows what a rejected request looks like.
package main

import (
	"context"
	"errors"
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
	db := ddbsim.New(nil)
	defer db.Close()

	_, err := db.CreateTable(ctx, ddbsim.CreateTableInput{
		TableName:            "Music",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "Artist", KeyType: ddbsim.KeyTypeHash}, {AttributeName: "Year", KeyType: ddbsim.KeyTypeRange}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "Artist", AttributeType: ddbsim.ScalarAttributeTypeS}, {AttributeName: "Year", AttributeType: ddbsim.ScalarAttributeTypeN}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "created table Music (Artist, Year)")

	music := db.Table("Music")
	item := ddbsim.Item{
		"Artist": ddbsim.S("No One You Know"),
		"Year":   ddbsim.N("1.995e3"),
		"Title":  ddbsim.S("Call Me Today"),
		"Price":  ddbsim.N("1.50"),
		"Tags":   ddbsim.SS("pop", "demo"),
	}
	fmt.Fprintln(w, "put", item)
	if _, err := music.PutItem(ctx, ddbsim.PutItemInput{Item: item}); err != nil {
		return err
	}

	key := ddbsim.Item{"Artist": ddbsim.S("No One You Know"), "Year": ddbsim.Int(1995)}
	got, err := music.GetItem(ctx, ddbsim.GetItemInput{Key: key, ConsistentRead: true})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "get", got.Item)

	del, err := music.DeleteItem(ctx, ddbsim.DeleteItemInput{Key: key, ReturnValues: ddbsim.ReturnValueAllOld})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "deleted", del.Attributes["Title"])

	got, err = music.GetItem(ctx, ddbsim.GetItemInput{Key: key})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "get after delete: item present =", got.Item != nil)

	_, err = music.PutItem(ctx, ddbsim.PutItemInput{Item: ddbsim.Item{"Artist": ddbsim.S("x"), "Year": ddbsim.N("1"), "Tags": ddbsim.SS()}})
	var e *ddbsim.Error
	if !errors.As(err, &e) {
		return fmt.Errorf("an empty set was accepted: %v", err)
	}
	fmt.Fprintf(w, "rejected: %s: %s\n", e.Code, e.Message)
	return nil
}
