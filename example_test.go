package ddbsim_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/ddbsim/ddbsim"
)

func newMusicDB() *ddbsim.DB {
	db := ddbsim.New(nil)
	_, err := db.CreateTable(context.Background(), ddbsim.CreateTableInput{
		TableName:            "Music",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "Artist", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "Artist", AttributeType: ddbsim.ScalarAttributeTypeS}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
	})
	if err != nil {
		panic(err)
	}
	return db
}

// Numbers are exact decimals, stored and returned in DynamoDB's canonical
// form.
func ExampleN() {
	db := newMusicDB()
	ctx := context.Background()
	music := db.Table("Music")
	_, _ = music.PutItem(ctx, ddbsim.PutItemInput{Item: ddbsim.Item{
		"Artist": ddbsim.S("Ada"),
		"Price":  ddbsim.N("1.50"),
		"Plays":  ddbsim.N("1e3"),
		"Tiny":   ddbsim.N(".5"),
	}})
	out, _ := music.GetItem(ctx, ddbsim.GetItemInput{Key: ddbsim.Item{"Artist": ddbsim.S("Ada")}})
	fmt.Println(out.Item["Price"].N(), out.Item["Plays"].N(), out.Item["Tiny"].N())
	// Output: 1.5 1000 0.5
}

func ExampleDB_PutItem() {
	db := newMusicDB()
	ctx := context.Background()
	_, err := db.PutItem(ctx, ddbsim.PutItemInput{
		TableName: "Music",
		Item:      ddbsim.Item{"Artist": ddbsim.S("Ada"), "Genres": ddbsim.SS("jazz", "jazz")},
	})
	var e *ddbsim.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code)
		fmt.Println(e.Message)
	}
	// Output:
	// ValidationException
	// One or more parameter values were invalid: Input collection [jazz, jazz] contains duplicates.
}

func ExampleDB_InjectFault() {
	db := newMusicDB()
	ctx := context.Background()
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "PutItem"})
	_, err := db.PutItem(ctx, ddbsim.PutItemInput{TableName: "Music", Item: ddbsim.Item{"Artist": ddbsim.S("Ada")}})
	fmt.Println(errors.Is(err, ddbsim.ErrLostResponse))
	out, _ := db.GetItem(ctx, ddbsim.GetItemInput{TableName: "Music", Key: ddbsim.Item{"Artist": ddbsim.S("Ada")}})
	fmt.Println(out.Item != nil)
	// Output:
	// true
	// true
}

func ExampleItem_Size() {
	size, _ := ddbsim.Item{"shirt-color": ddbsim.S("R"), "shirt-size": ddbsim.S("M")}.Size()
	fmt.Println(size)
	// Output: 23
}

// Tags are set and listed by the table's ARN, in key order.
func ExampleDB_TagResource() {
	ctx := context.Background()
	db := ddbsim.New(nil)
	d, _ := db.CreateTable(ctx, ddbsim.CreateTableInput{
		TableName:            "Music",
		KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "Artist", KeyType: ddbsim.KeyTypeHash}},
		AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "Artist", AttributeType: ddbsim.ScalarAttributeTypeS}},
		BillingMode:          ddbsim.BillingModePayPerRequest,
		Tags:                 []ddbsim.Tag{{Key: "team", Value: "blue"}},
	})
	db.TagResource(ctx, ddbsim.TagResourceInput{ResourceArn: d.TableArn, Tags: []ddbsim.Tag{{Key: "env", Value: "test"}}})
	out, _ := db.ListTagsOfResource(ctx, ddbsim.ListTagsOfResourceInput{ResourceArn: d.TableArn})
	fmt.Println(out.Tags)
	// Output: [{env test} {team blue}]
}

// An operation DynamoDB has but ddbsim does not implement is refused by
// name; a name DynamoDB does not have gets the bare error.
func ExampleCheckOperation() {
	fmt.Println(ddbsim.CheckOperation(ddbsim.APIDynamoDB, "CreateBackup"))
	fmt.Println(ddbsim.CheckOperation(ddbsim.APIDynamoDB, "Frobnicate"))
	fmt.Println(ddbsim.CheckOperation(ddbsim.APIDynamoDB, "PutItem"))
	// Output:
	// UnknownOperationException: ddbsim does not support the DynamoDB operation CreateBackup
	// UnknownOperationException
	// <nil>
}
