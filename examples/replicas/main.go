// Replicas shows the stale read DynamoDB allows and DynamoDB Local never
// shows: an eventually consistent read, served by the replica that has not
// yet received the latest write, returns the old value; the same read with
// ConsistentRead goes to the leader and returns the new one.
//
// The DB runs in Manual mode, so the lagging replica receives writes only
// when the program says so, and its seed fixes which replica serves each
// read: the output is the same on every run.
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
		TableName:            "Profiles",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "user", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "user", AttributeType: ddbsim.ScalarAttributeTypeS}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
	}); err != nil {
		return err
	}
	profiles := db.Table("Profiles")
	key := ddbsim.Item{"user": ddbsim.S("ada")}
	put := func(email string) error {
		_, err := profiles.PutItem(ctx, ddbsim.PutItemInput{Item: ddbsim.Item{"user": ddbsim.S("ada"), "email": ddbsim.S(email)}})
		return err
	}
	read := func(consistent bool) (string, error) {
		out, err := profiles.GetItem(ctx, ddbsim.GetItemInput{Key: key, ConsistentRead: consistent})
		if err != nil {
			return "", err
		}
		return out.Item["email"].S(), nil
	}

	if err := put("ada@old.example"); err != nil {
		return err
	}
	db.Settle()
	fmt.Fprintln(w, "wrote ada@old.example; all three replicas have it")
	if err := put("ada@new.example"); err != nil {
		return err
	}
	fmt.Fprintln(w, "wrote ada@new.example; the leader and one follower have it, the third replica lags")
	for i := 1; i <= 6; i++ {
		email, err := read(false)
		if err != nil {
			return err
		}
		note := ""
		if email == "ada@old.example" {
			note = "  <- stale: served by the lagging replica"
		}
		fmt.Fprintf(w, "eventually consistent read %d: %s%s\n", i, email, note)
	}
	email, err := read(true)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ConsistentRead: %s (always the leader)\n", email)
	fmt.Fprintf(w, "stale reads served: %d\n", db.Stats().StaleReads)
	db.Settle()
	email, err = read(false)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "after Settle, eventually consistent read: %s\n", email)
	return nil
}
