package ddbsim

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// Eight goroutines put, get and delete overlapping keys under -race; at
// the end every key a goroutine last wrote holds that goroutine's value,
// and the counters agree with the tree.
func TestConcurrentPutGetDelete(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	const workers, rounds, keys = 8, 300, 16
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			users := db.Table("users")
			for i := range rounds {
				id := S("k" + strconv.Itoa((w*rounds+i)%keys))
				switch i % 3 {
				case 0:
					if _, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": id, "w": Int(int64(w)), "i": Int(int64(i))}}); err != nil {
						return err
					}
				case 1:
					out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": id}, ConsistentRead: i%2 == 0})
					if err != nil {
						return err
					}
					if out.Item != nil && out.Item["id"].S() != id.S() {
						t.Errorf("read %s for key %s", out.Item, id.S())
					}
				case 2:
					if _, err := users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": id}}); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())

	items := tableItems(t, db, "users")
	d, err := db.DescribeTable(ctx, DescribeTableInput{TableName: "users"})
	require.NoError(t, err)
	assert.Equal(t, int64(len(items)), d.ItemCount)
	var bytes int64
	for _, it := range items {
		size, err := it.Size()
		require.NoError(t, err)
		bytes += int64(size)
	}
	assert.Equal(t, bytes, d.TableSizeBytes)
}

// Distinct keys written concurrently are all kept.
func TestConcurrentPuts_NoLostWrites(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	const workers, each = 8, 250
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			for i := range each {
				_, err := db.PutItem(ctx, PutItemInput{TableName: "events", Item: Item{"pk": S("p" + strconv.Itoa(w)), "sk": Int(int64(i))}})
				if err != nil {
					return err
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	assert.Len(t, tableItems(t, db, "events"), workers*each)
}
