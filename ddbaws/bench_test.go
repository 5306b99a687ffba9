package ddbaws

import (
	"context"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

// benchItems is the number of items preloaded for the benchmarks.
const benchItems = 1_000

// benchItem is the 10-attribute item of DESIGN.md's budgets (the root
// package's benchmarks use the same one).
func benchItem(i int) ddbsim.Item {
	return ddbsim.Item{
		"id":      ddbsim.S("user#" + strconv.Itoa(i)),
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

// benchDB returns a DB whose "users" table holds benchItems items.
func benchDB(b *testing.B) *ddbsim.DB {
	b.Helper()
	db := newTestDB()
	mustCreate(b, NewAPI(db), onDemand("users", key("id", types.ScalarAttributeTypeS)))
	for i := range benchItems {
		if _, err := db.PutItem(context.Background(), ddbsim.PutItemInput{TableName: "users", Item: benchItem(i)}); err != nil {
			b.Fatal(err)
		}
	}
	return db
}

// benchTargets are the three ways of calling a DB that the benchmarks
// compare: ddbsim's own API, NewAPI and NewClient.
var benchTargets = []struct {
	name string
	get  func(db *ddbsim.DB) func(ctx context.Context, i int) error
	put  func(db *ddbsim.DB) func(ctx context.Context, i int) error
}{
	{
		"native",
		func(db *ddbsim.DB) func(context.Context, int) error {
			users := db.Table("users")
			return func(ctx context.Context, i int) error {
				_, err := users.GetItem(ctx, ddbsim.GetItemInput{Key: ddbsim.Item{"id": ddbsim.S("user#" + strconv.Itoa(i))}})
				return err
			}
		},
		func(db *ddbsim.DB) func(context.Context, int) error {
			users, items := db.Table("users"), preload(benchItem)
			return func(ctx context.Context, i int) error {
				_, err := users.PutItem(ctx, ddbsim.PutItemInput{Item: items[i]})
				return err
			}
		},
	},
	{"NewAPI", func(db *ddbsim.DB) func(context.Context, int) error { return sdkGet(NewAPI(db)) },
		func(db *ddbsim.DB) func(context.Context, int) error { return sdkPut(NewAPI(db)) }},
	{"NewClient", func(db *ddbsim.DB) func(context.Context, int) error { return sdkGet(NewClient(db)) },
		func(db *ddbsim.DB) func(context.Context, int) error { return sdkPut(NewClient(db)) }},
}

// preload builds the items a put benchmark overwrites, one per preloaded
// key.
func preload[T any](f func(int) T) []T {
	out := make([]T, benchItems)
	for i := range out {
		out[i] = f(i)
	}
	return out
}

func sdkGet(c operations) func(context.Context, int) error {
	return func(ctx context.Context, i int) error {
		_, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("user#" + strconv.Itoa(i))}})
		return err
	}
}

func sdkPut(c operations) func(context.Context, int) error {
	items := preload(func(i int) map[string]types.AttributeValue { return FromItem(benchItem(i)) })
	return func(ctx context.Context, i int) error {
		_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"), Item: items[i]})
		return err
	}
}

// BenchmarkGetItem reads a 10-attribute item from a table of 1k, through
// each target; DESIGN.md's budget for NewAPI is 2x native.
func BenchmarkGetItem(b *testing.B) {
	for _, target := range benchTargets {
		b.Run(target.name, func(b *testing.B) {
			run(b, target.get(benchDB(b)))
		})
	}
}

// BenchmarkPutItem overwrites a 10-attribute item in a table of 1k,
// through each target.
func BenchmarkPutItem(b *testing.B) {
	for _, target := range benchTargets {
		b.Run(target.name, func(b *testing.B) {
			run(b, target.put(benchDB(b)))
		})
	}
}

// run calls op on the preloaded keys in a scattered order.
func run(b *testing.B, op func(context.Context, int) error) {
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := op(ctx, i*997%benchItems); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
