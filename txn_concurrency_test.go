package ddbsim

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// account is the key of transfer account i: even ones live in users,
// odd ones in events, so every transfer may span two tables.
func account(i int) (string, Item) {
	if i%2 == 0 {
		return "users", Item{"id": S("acct" + strconv.Itoa(i))}
	}
	return "events", Item{"pk": S("acct"), "sk": Int(int64(i))}
}

// Concurrent transfers between accounts keep the total, and every
// TransactGetItems of all the accounts sees it whole: never half a
// transfer. Run under -race, in Sync and Async.
func TestTransactWriteItems_TransfersKeepTheTotal(t *testing.T) {
	for name, mode := range map[string]Replication{"sync": Sync, "async": Async} {
		t.Run(name, func(t *testing.T) {
			db := newTestDBWith(t, &Options{Replication: mode, Seed: 7})
			ctx := context.Background()
			const n, start = 10, 100
			var gets []TransactGetItem
			for i := range n {
				table, key := account(i)
				item := key.Clone()
				item["balance"] = Int(start)
				_, err := db.PutItem(ctx, PutItemInput{TableName: table, Item: item})
				require.NoError(t, err)
				gets = append(gets, txGet(table, key))
			}
			var stop atomic.Bool
			var moved, snapshots atomic.Int64
			var g errgroup.Group
			for w := range 4 {
				g.Go(func() error {
					for r := 0; r < 150; r++ {
						from, to := (w*7+r)%n, (w*3+r*5+1)%n
						if from == to {
							continue
						}
						ft, fk := account(from)
						tt, tk := account(to)
						amt := Int(int64(1 + r%7))
						_, err := db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{
							{Update: &Update{TableName: ft, Key: fk, UpdateExpression: "SET balance = balance - :a", ConditionExpression: "balance >= :a",
								ExpressionAttributeValues: map[string]Value{":a": amt}}},
							{Update: &Update{TableName: tt, Key: tk, UpdateExpression: "SET balance = balance + :a",
								ExpressionAttributeValues: map[string]Value{":a": amt}}},
						}})
						switch {
						case err == nil:
							moved.Add(1)
						case !isCancelled(err):
							return err
						}
					}
					return nil
				})
			}
			var readers errgroup.Group
			for range 2 {
				readers.Go(func() error {
					for !stop.Load() {
						out, err := db.TransactGetItems(ctx, TransactGetItemsInput{TransactItems: gets})
						if err != nil {
							return err
						}
						if total := sumBalances(out.Responses); total != n*start {
							return fmt.Errorf("a snapshot totals %d", total)
						}
						snapshots.Add(1)
					}
					return nil
				})
			}
			require.NoError(t, g.Wait())
			stop.Store(true)
			require.NoError(t, readers.Wait())
			out, err := db.TransactGetItems(ctx, TransactGetItemsInput{TransactItems: gets})
			require.NoError(t, err)
			assert.Equal(t, n*start, sumBalances(out.Responses))
			assert.Positive(t, moved.Load())
			assert.Positive(t, snapshots.Load())
		})
	}
}

func isCancelled(err error) bool {
	e, ok := err.(*Error)
	return ok && e.Code == CodeTransactionCanceled
}

func sumBalances(rs []ItemResponse) int {
	total := 0
	for _, r := range rs {
		v, _ := strconv.Atoi(r.Item["balance"].N())
		total += v
	}
	return total
}

// pairInput is one operation on two versioned items, a (in users) and b
// (in events): a transaction moving both from version from to from+1 if
// a is at from; a TransactGetItems of both; a GetItem of a; an
// unconditional increment of b alone.
type pairInput struct {
	kind string // "txn", "getBoth", "getA", "incB"
	from int
}

type pairOutput struct {
	a, b int
	ok   bool
}

type pairState struct{ a, b int }

// pairModel is what serializability promises for pairInput's operations.
var pairModel = porcupine.Model{
	Init: func() any { return pairState{} },
	Step: func(state, input, output any) (bool, any) {
		s, in, out := state.(pairState), input.(pairInput), output.(pairOutput)
		switch in.kind {
		case "txn":
			if s.a == in.from {
				return out.ok, pairState{s.a + 1, s.b + 1}
			}
			return !out.ok, s
		case "getBoth":
			return out.a == s.a && out.b == s.b, s
		case "getA":
			return out.a == s.a, s
		}
		return true, pairState{s.a, s.b + 1}
	},
}

// Eight clients mix transactions with single-item writes and reads of
// the same items; porcupine checks that the history is linearizable.
func TestTransactions_Linearizable(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	aKey, bKey := Item{"id": S("a")}, Item{"pk": S("b"), "sk": N("0")}
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a"), "v": N("0")}})
	require.NoError(t, err)
	_, err = db.PutItem(ctx, PutItemInput{TableName: "events", Item: Item{"pk": S("b"), "sk": N("0"), "v": N("0")}})
	require.NoError(t, err)
	both := []TransactGetItem{txGet("users", aKey), txGet("events", bKey)}
	version := func(it Item) int { v, _ := strconv.Atoi(it["v"].N()); return v }

	var clock atomic.Int64
	var mu sync.Mutex
	var history []porcupine.Operation
	var g errgroup.Group
	for client := range 8 {
		g.Go(func() error {
			for r := range 30 {
				call := clock.Add(1)
				var in pairInput
				var out pairOutput
				switch (client + r) % 4 {
				case 0:
					got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: aKey, ConsistentRead: true})
					if err != nil {
						return err
					}
					in.from = version(got.Item)
					call = clock.Add(1)
					in.kind = "txn"
					vals := map[string]Value{":from": Int(int64(in.from)), ":one": N("1")}
					_, err = db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{
						{Update: &Update{TableName: "users", Key: aKey, UpdateExpression: "SET v = v + :one", ConditionExpression: "v = :from", ExpressionAttributeValues: vals}},
						{Update: &Update{TableName: "events", Key: bKey, UpdateExpression: "ADD v :one", ExpressionAttributeValues: map[string]Value{":one": N("1")}}},
					}})
					if err != nil && !isCancelled(err) {
						return err
					}
					out.ok = err == nil
				case 1:
					in.kind = "getBoth"
					got, err := db.TransactGetItems(ctx, TransactGetItemsInput{TransactItems: both})
					if err != nil {
						return err
					}
					out.a, out.b = version(got.Responses[0].Item), version(got.Responses[1].Item)
				case 2:
					in.kind = "getA"
					got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: aKey, ConsistentRead: true})
					if err != nil {
						return err
					}
					out.a = version(got.Item)
				default:
					in.kind = "incB"
					if _, err := db.UpdateItem(ctx, UpdateItemInput{TableName: "events", Key: bKey, UpdateExpression: "ADD v :one",
						ExpressionAttributeValues: map[string]Value{":one": N("1")}}); err != nil {
						return err
					}
				}
				ret := clock.Add(1)
				mu.Lock()
				history = append(history, porcupine.Operation{ClientId: client, Input: in, Call: call, Output: out, Return: ret})
				mu.Unlock()
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	require.Len(t, history, 8*30)
	assert.Equal(t, porcupine.Ok, porcupine.CheckOperationsTimeout(pairModel, history, time.Minute))
}

// The checker is not vacuous: a read that sees half of a transaction is
// rejected.
func TestPairModel_RejectsHalfATransaction(t *testing.T) {
	history := []porcupine.Operation{
		{ClientId: 0, Input: pairInput{kind: "txn", from: 0}, Call: 1, Output: pairOutput{ok: true}, Return: 2},
		{ClientId: 1, Input: pairInput{kind: "getBoth"}, Call: 3, Output: pairOutput{a: 1, b: 0}, Return: 4},
	}
	assert.False(t, porcupine.CheckOperations(pairModel, history))
	history[1].Output = pairOutput{a: 1, b: 1}
	assert.True(t, porcupine.CheckOperations(pairModel, history))
}
