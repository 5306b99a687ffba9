package ddbsim

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// Tests of the Table handle's own API: what a handle is (a name, looked up
// anew on every call), the TableName rule, and concurrent use. The
// operations themselves are tested in their own files.

func TestTable_Name(t *testing.T) {
	db := New(nil)
	assert.Equal(t, "users", db.Table("users").Name())
	arn := "arn:aws:dynamodb:us-east-1:000000000000:table/users"
	assert.Equal(t, arn, db.Table(arn).Name(), "a handle keeps the name as it was given")
}

// handleCalls runs every operation of a handle once on the "users" table
// shape, with the input's TableName set to name.
func handleCalls(name string) map[string]func(context.Context, *Table) error {
	key := Item{"id": S("a")}
	return map[string]func(context.Context, *Table) error{
		"PutItem": func(ctx context.Context, h *Table) error {
			_, err := h.PutItem(ctx, PutItemInput{TableName: name, Item: key})
			return err
		},
		"GetItem": func(ctx context.Context, h *Table) error {
			_, err := h.GetItem(ctx, GetItemInput{TableName: name, Key: key})
			return err
		},
		"UpdateItem": func(ctx context.Context, h *Table) error {
			_, err := h.UpdateItem(ctx, UpdateItemInput{TableName: name, Key: key, UpdateExpression: "SET v = :v", ExpressionAttributeValues: vals(":v", N("1"))})
			return err
		},
		"DeleteItem": func(ctx context.Context, h *Table) error {
			_, err := h.DeleteItem(ctx, DeleteItemInput{TableName: name, Key: key})
			return err
		},
		"Query": func(ctx context.Context, h *Table) error {
			_, err := h.Query(ctx, QueryInput{TableName: name, KeyConditionExpression: "id = :v", ExpressionAttributeValues: vals(":v", S("a"))})
			return err
		},
		"Scan": func(ctx context.Context, h *Table) error {
			_, err := h.Scan(ctx, ScanInput{TableName: name})
			return err
		},
	}
}

// Every operation of a handle refuses an input naming another table, with
// one message and nothing changed; an empty TableName, or the handle's own,
// runs on the handle's table.
func TestTable_TableNameMismatch(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	users := db.Table("users")
	for op, call := range handleCalls("events") {
		t.Run(op+"/other table", func(t *testing.T) {
			err := call(ctx, users)
			requireAWSError(t, err, CodeValidation, "TableName events in the input does not match the Table handle's users")
			assert.Empty(t, tableItems(t, db, "users"))
			assert.Empty(t, tableItems(t, db, "events"))
		})
	}
	arn := "arn:aws:dynamodb:us-east-1:000000000000:table/users"
	for op, call := range handleCalls(arn) {
		t.Run(op+"/the table's ARN", func(t *testing.T) {
			err := call(ctx, users)
			require.ErrorIs(t, err, ErrValidation, "the names are compared as written: an ARN is not the handle's name")
		})
	}
	for _, name := range []string{"", "users"} {
		for op, call := range handleCalls(name) {
			t.Run(op+"/TableName "+strconv.Quote(name), func(t *testing.T) {
				require.NoError(t, call(ctx, users))
			})
		}
	}
	for op, call := range handleCalls(arn) {
		t.Run(op+"/handle and input by ARN", func(t *testing.T) {
			require.NoError(t, call(ctx, db.Table(arn)))
		})
	}
}

// A handle is a name: made before its table exists it answers
// ResourceNotFoundException, then serves the table once created, and
// follows DeleteTable and a re-creation of the same name.
func TestTable_FollowsTheTableOfItsName(t *testing.T) {
	ctx := context.Background()
	db := New(nil)
	users := db.Table("users")
	for _, call := range handleCalls("") {
		requireAWSError(t, call(ctx, users), CodeResourceNotFound, msgNotFound)
	}
	_, err := users.Describe(ctx)
	requireAWSError(t, err, CodeResourceNotFound, "Requested resource not found: Table: users not found")

	_, err = db.CreateTable(ctx, hashKeyTable("users"))
	require.NoError(t, err)
	_, err = users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a")}})
	require.NoError(t, err)
	d, err := users.Describe(ctx)
	require.NoError(t, err)
	assert.Equal(t, "users", d.TableName)
	assert.Equal(t, int64(1), d.ItemCount)

	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "users"})
	require.NoError(t, err)
	_, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}})
	requireAWSError(t, err, CodeResourceNotFound, msgNotFound)
	_, err = db.CreateTable(ctx, hashKeyTable("users"))
	require.NoError(t, err)
	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("a")}})
	require.NoError(t, err)
	assert.Nil(t, got.Item, "the re-created table is a new, empty table")
}

// A handle fills in an empty TableName on its own copy of the input: the
// caller's struct is left as it was, so one input can serve two handles.
func TestTable_LeavesTheCallersInputAlone(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	_, err := db.CreateTable(ctx, hashKeyTable("more"))
	require.NoError(t, err)
	in := PutItemInput{Item: Item{"id": S("a")}}
	_, err = db.Table("users").PutItem(ctx, in)
	require.NoError(t, err)
	assert.Empty(t, in.TableName)
	_, err = db.Table("more").PutItem(ctx, in)
	require.NoError(t, err)
	assert.Len(t, tableItems(t, db, "users"), 1)
	assert.Len(t, tableItems(t, db, "more"), 1)
}

func TestTable_QueryAndScan_HandleName(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	events := db.Table("events")
	out, err := events.Query(ctx, QueryInput{KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("b"))})
	require.NoError(t, err)
	assert.Len(t, out.Items, 3)
	scan, err := events.Scan(ctx, ScanInput{})
	require.NoError(t, err)
	assert.Len(t, scan.Items, 13)
	_, err = events.Query(ctx, QueryInput{TableName: "users"})
	requireAWSError(t, err, CodeValidation, "TableName users in the input does not match the Table handle's events")
	_, err = events.Scan(ctx, ScanInput{TableName: "users"})
	requireAWSError(t, err, CodeValidation, "TableName users in the input does not match the Table handle's events")
}

// One handle shared by eight goroutines (under -race) while another
// deletes and re-creates its table: every call either succeeds or finds
// no table, never anything else. Then, without the churn, no increment
// made through the shared handle is lost.
func TestTable_ConcurrentUse(t *testing.T) {
	ctx := context.Background()
	db := New(nil)
	_, err := db.CreateTable(ctx, hashKeyTable("users"))
	require.NoError(t, err)
	users := db.Table("users")
	const workers, rounds = 8, 200
	stop := make(chan struct{})
	var churn errgroup.Group
	churn.Go(func() error {
		for {
			select {
			case <-stop:
				return nil
			default:
			}
			if _, err := db.DeleteTable(ctx, DeleteTableInput{TableName: "users"}); err != nil {
				return err
			}
			if _, err := db.CreateTable(ctx, hashKeyTable("users")); err != nil {
				return err
			}
		}
	})
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			for i := range rounds {
				key := Item{"id": S("k" + strconv.Itoa(w))}
				var err error
				switch i % 4 {
				case 0:
					_, err = users.PutItem(ctx, PutItemInput{Item: Item{"id": key["id"], "i": Int(int64(i))}})
				case 1:
					_, err = users.GetItem(ctx, GetItemInput{Key: key, ConsistentRead: true})
				case 2:
					_, err = users.UpdateItem(ctx, UpdateItemInput{Key: key, UpdateExpression: "ADD n :one", ExpressionAttributeValues: vals(":one", N("1"))})
				case 3:
					_, err = users.Scan(ctx, ScanInput{})
				}
				if err != nil && !errors.Is(err, ErrResourceNotFound) {
					return err
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	close(stop)
	require.NoError(t, churn.Wait())

	// Without churn, every increment through the shared handle counts.
	for range workers {
		g.Go(func() error {
			for range rounds {
				_, err := users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("total")}, UpdateExpression: "ADD n :one", ExpressionAttributeValues: vals(":one", N("1"))})
				if err != nil {
					return err
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("total")}, ConsistentRead: true})
	require.NoError(t, err)
	assert.Equal(t, strconv.Itoa(workers*rounds), got.Item["n"].N())
}
