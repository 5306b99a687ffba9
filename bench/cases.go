// Package bench holds ddbsim's side-by-side benchmarks against the
// DynamoDB fakes people use today: in-process against
// github.com/truora/minidyn (the benchmarks of this package), and over
// HTTP against dynalite (cmd/ddbbench). It is a module of its own so that
// the peers never enter ddbsim's go.mod; run.sh runs everything and
// README.md says what is measured.
//
// This file defines the data and the six cases that every target runs:
// the 10-attribute item of DESIGN.md's budgets, the two tables, and the
// requests of each case as aws-sdk-go-v2 inputs (ddbsim's native inputs
// are converted from them, and the HTTP load replays what the SDK sends
// for them).
package bench

import (
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
)

// Table names: Users is keyed by id alone, Events by pk and sk in
// partitions of PartitionSize items.
const (
	Users         = "users"
	Events        = "events"
	PartitionSize = 10
)

// Variants is how many distinct requests each case cycles through, so a
// benchmark touches keys scattered over the whole table rather than one.
const Variants = 1024

// BatchKeys is the number of keys of a BatchGetItem case.
const BatchKeys = 100

// Item returns the i-th item of the Users table: the 10-attribute item of
// DESIGN.md's budgets, the shape of the root package's benchItem.
func Item(i int) ddbsim.Item {
	return ddbsim.Item{
		"id":      ddbsim.S(userID(i)),
		"name":    ddbsim.S("Ada Lovelace"),
		"email":   ddbsim.S("ada@example.com"),
		"age":     ddbsim.N("36"),
		"balance": ddbsim.N("1234.50"),
		"active":  ddbsim.Bool(true),
		"created": ddbsim.N("1700000000"),
		"tags":    ddbsim.SS("admin", "beta"),
		"address": ddbsim.M(map[string]ddbsim.Value{"city": ddbsim.S("London"), "zip": ddbsim.S("N1")}),
		"score":   ddbsim.N("98.6"),
	}
}

// Event returns the i-th item of the Events table: Item(i) with the key
// id replaced by pk (partition i/PartitionSize) and sk (i%PartitionSize),
// so it too has 10 attributes.
func Event(i int) ddbsim.Item {
	it := Item(i)
	delete(it, "id")
	it["pk"] = ddbsim.S(partition(i / PartitionSize))
	it["sk"] = ddbsim.Int(int64(i % PartitionSize))
	return it
}

func userID(i int) string    { return "user#" + strconv.Itoa(i) }
func partition(p int) string { return "p" + strconv.Itoa(p) }

// Scatter maps the i-th request of a case to an item of a table of n, so
// that consecutive requests land far apart.
func Scatter(i, n int) int { return i * 997 % n }

// CreateUsers and CreateEvents are the CreateTable inputs of the two
// tables (on-demand billing).
func CreateUsers() *dynamodb.CreateTableInput {
	return createTable(Users, "id", types.ScalarAttributeTypeS)
}

// CreateEvents: see CreateUsers.
func CreateEvents() *dynamodb.CreateTableInput {
	return createTable(Events, "pk", types.ScalarAttributeTypeS, "sk", types.ScalarAttributeTypeN)
}

// createTable takes the key as (name, type) pairs, hash key first.
func createTable(name string, key ...any) *dynamodb.CreateTableInput {
	in := &dynamodb.CreateTableInput{TableName: aws.String(name), BillingMode: types.BillingModePayPerRequest}
	kinds := []types.KeyType{types.KeyTypeHash, types.KeyTypeRange}
	for i := 0; i < len(key); i += 2 {
		attr := key[i].(string)
		in.KeySchema = append(in.KeySchema, types.KeySchemaElement{AttributeName: aws.String(attr), KeyType: kinds[i/2]})
		in.AttributeDefinitions = append(in.AttributeDefinitions,
			types.AttributeDefinition{AttributeName: aws.String(attr), AttributeType: key[i+1].(types.ScalarAttributeType)})
	}
	return in
}

// Requests are the SDK inputs of the six cases on tables of N items each.
// Every write overwrites a preloaded key, so no table grows however long
// a benchmark runs.
type Requests struct {
	N int
	// Put overwrites preloaded items with identical ones.
	Put []*dynamodb.PutItemInput
	// PutIfAbsent is Put with attribute_not_exists(id): the condition
	// fails every time.
	PutIfAbsent []*dynamodb.PutItemInput
	// Get reads one item by key.
	Get []*dynamodb.GetItemInput
	// Add increments one hot counter (ADD hits :one on user#1).
	Add *dynamodb.UpdateItemInput
	// Query reads the PartitionSize items of one Events partition.
	Query []*dynamodb.QueryInput
	// BatchGet reads BatchKeys Users items by key (16 distinct batches).
	BatchGet []*dynamodb.BatchGetItemInput
}

// NewRequests builds the requests for tables of n items (n ≥
// 10*PartitionSize).
func NewRequests(n int) *Requests {
	r := &Requests{N: n, Add: &dynamodb.UpdateItemInput{
		TableName:                 aws.String(Users),
		Key:                       userKey(1),
		UpdateExpression:          aws.String("ADD hits :one"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":one": &types.AttributeValueMemberN{Value: "1"}},
	}}
	for v := range Variants {
		i := Scatter(v, n)
		item := ddbaws.FromItem(Item(i))
		r.Put = append(r.Put, &dynamodb.PutItemInput{TableName: aws.String(Users), Item: item})
		r.PutIfAbsent = append(r.PutIfAbsent, &dynamodb.PutItemInput{TableName: aws.String(Users), Item: item,
			ConditionExpression: aws.String("attribute_not_exists(id)")})
		r.Get = append(r.Get, &dynamodb.GetItemInput{TableName: aws.String(Users), Key: userKey(i)})
		r.Query = append(r.Query, &dynamodb.QueryInput{TableName: aws.String(Events),
			KeyConditionExpression: aws.String("pk = :p"),
			ExpressionAttributeValues: map[string]types.AttributeValue{
				":p": &types.AttributeValueMemberS{Value: partition(Scatter(v, n/PartitionSize))}}})
	}
	for b := range 16 {
		keys := make([]map[string]types.AttributeValue, BatchKeys)
		for j := range keys {
			keys[j] = userKey(Scatter(b*BatchKeys+j, n))
		}
		r.BatchGet = append(r.BatchGet, &dynamodb.BatchGetItemInput{
			RequestItems: map[string]types.KeysAndAttributes{Users: {Keys: keys}}})
	}
	return r
}

func userKey(i int) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: userID(i)}}
}

// BatchSize is the number of puts of one BatchWriteItem (DynamoDB's cap).
const BatchSize = 25

// WriteBatch returns the BatchWriteItem input that puts items from to to-1
// of a table, made by item (Item or Event).
func WriteBatch(table string, item func(int) ddbsim.Item, from, to int) *dynamodb.BatchWriteItemInput {
	reqs := make([]types.WriteRequest, 0, to-from)
	for i := from; i < to; i++ {
		reqs = append(reqs, types.WriteRequest{PutRequest: &types.PutRequest{Item: ddbaws.FromItem(item(i))}})
	}
	return &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{table: reqs}}
}
