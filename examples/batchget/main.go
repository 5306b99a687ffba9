// Batchget reads items from two tables in one BatchGetItem call, more than
// one response may carry, and drains UnprocessedKeys the way every
// DynamoDB client must.
//
// 40 orders of about 40 KB each and 10 customers are read with one batch
// of 50 keys. A BatchGetItem response carries at most 1 MB (ddbsim's
// default cap, Options.Limits.BatchGetMaxBytes; DynamoDB's current cap is
// 16 MB), so the first response holds part of the items and hands back
// the other keys in UnprocessedKeys. The program resends those until none
// are left, and ends with every item exactly once.
package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"

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
	for _, table := range []string{"Orders", "Customers"} {
		if _, err := db.CreateTable(ctx, ddbsim.CreateTableInput{
			TableName:            table,
			KeySchema:            []ddbsim.KeySchemaElement{{AttributeName: "id", KeyType: ddbsim.KeyTypeHash}},
			AttributeDefinitions: []ddbsim.AttributeDefinition{{AttributeName: "id", AttributeType: ddbsim.ScalarAttributeTypeS}},
			BillingMode:          ddbsim.BillingModePayPerRequest,
		}); err != nil {
			return err
		}
	}
	request := map[string]ddbsim.KeysAndAttributes{}
	load := func(table string, n, bytes int) error {
		var keys []ddbsim.Item
		var writes []ddbsim.WriteRequest
		for i := range n {
			id := ddbsim.S(table[:1] + strconv.Itoa(i))
			keys = append(keys, ddbsim.Item{"id": id})
			writes = append(writes, ddbsim.WriteRequest{PutRequest: &ddbsim.PutRequest{
				Item: ddbsim.Item{"id": id, "body": ddbsim.S(strings.Repeat("x", bytes))}}})
			if len(writes) == 25 || i == n-1 { // BatchWriteItem takes at most 25 writes
				if _, err := db.BatchWriteItem(ctx, ddbsim.BatchWriteItemInput{RequestItems: map[string][]ddbsim.WriteRequest{table: writes}}); err != nil {
					return err
				}
				writes = nil
			}
		}
		request[table] = ddbsim.KeysAndAttributes{Keys: keys}
		return nil
	}
	if err := load("Orders", 40, 40_000); err != nil {
		return err
	}
	if err := load("Customers", 10, 1_000); err != nil {
		return err
	}
	fmt.Fprintln(w, "loaded 40 orders of 40 KB and 10 customers of 1 KB; one BatchGetItem asks for all 50")

	got := map[string]int{}
	for round := 1; len(request) > 0; round++ {
		out, err := db.BatchGetItem(ctx, ddbsim.BatchGetItemInput{RequestItems: request})
		if err != nil {
			return err
		}
		var parts []string
		for _, table := range sortedKeys(out.Responses) {
			parts = append(parts, fmt.Sprintf("%d %s", len(out.Responses[table]), table))
			for _, item := range out.Responses[table] {
				got[table+"/"+item["id"].S()]++
			}
		}
		left := 0
		for _, ka := range out.UnprocessedKeys {
			left += len(ka.Keys)
		}
		fmt.Fprintf(w, "round %d: got %s; %d keys unprocessed\n", round, strings.Join(parts, ", "), left)
		request = out.UnprocessedKeys
	}
	twice := 0
	for _, n := range got {
		if n > 1 {
			twice++
		}
	}
	fmt.Fprintf(w, "done: %d distinct items, %d read more than once\n", len(got), twice)
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
