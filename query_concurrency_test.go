package ddbsim

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// Writers put, delete and batch-write while readers page through Scans,
// Queries and BatchGetItems, under -race. Keys never move, so a paged
// scan sees each key at most once; every item read is one a writer wrote
// whole; a Query's page is in sort key order.
func TestConcurrent_WritersAndReaders(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	const partitions, perPartition, rounds = 8, 16, 150
	item := func(w, i int) Item {
		return Item{"pk": S("p" + strconv.Itoa(i%partitions)), "sk": Int(int64(i % perPartition)),
			"w": Int(int64(w)), "i": Int(int64(i)), "check": Int(int64(w*1_000_000 + i))}
	}
	checkItem := func(it Item) error {
		w, _ := strconv.Atoi(it["w"].N())
		i, _ := strconv.Atoi(it["i"].N())
		if it["check"].N() != strconv.Itoa(w*1_000_000+i) {
			return fmt.Errorf("torn item %s", it)
		}
		return nil
	}
	var g errgroup.Group
	for w := range 4 {
		g.Go(func() error {
			for i := range rounds {
				var err error
				switch i % 3 {
				case 0:
					_, err = db.PutItem(ctx, PutItemInput{TableName: "events", Item: item(w, i)})
				case 1:
					_, err = db.DeleteItem(ctx, DeleteItemInput{TableName: "events", Key: Item{"pk": item(w, i)["pk"], "sk": item(w, i)["sk"]}})
				case 2:
					_, err = db.BatchWriteItem(ctx, BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
						"events": {put(item(w, i)), put(item(w, i+1))}}})
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
	}
	for r := range 4 {
		g.Go(func() error {
			for round := range 20 {
				seen := map[string]bool{}
				in := ScanInput{TableName: "events", Limit: ptr(int32(1 + round%7)), ConsistentRead: r%2 == 0}
				for {
					out, err := db.Scan(ctx, in)
					if err != nil {
						return err
					}
					for _, it := range out.Items {
						k := it["pk"].S() + "/" + it["sk"].N()
						if seen[k] {
							return fmt.Errorf("scan saw %s twice", k)
						}
						seen[k] = true
						if err := checkItem(it); err != nil {
							return err
						}
					}
					if out.LastEvaluatedKey == nil {
						break
					}
					in.ExclusiveStartKey = out.LastEvaluatedKey
				}
				q, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditionExpression: "pk = :p",
					ExpressionAttributeValues: vals(":p", S("p"+strconv.Itoa(round%partitions)))})
				if err != nil {
					return err
				}
				for i := 1; i < len(q.Items); i++ {
					a, _ := strconv.Atoi(q.Items[i-1]["sk"].N())
					b, _ := strconv.Atoi(q.Items[i]["sk"].N())
					if a >= b {
						return fmt.Errorf("query out of order: %d then %d", a, b)
					}
				}
				bg, err := db.BatchGetItem(ctx, BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
					"events": {Keys: []Item{eventKey("p1", 1), eventKey("p2", 2), eventKey("p3", 3)}}}})
				if err != nil {
					return err
				}
				for _, it := range bg.Responses["events"] {
					if err := checkItem(it); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
}
