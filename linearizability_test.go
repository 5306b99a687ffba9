package ddbsim

import (
	"context"
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

// registerInput is one operation on a versioned item: a strongly
// consistent read, or a conditional write of version from+1 on condition
// that the stored version is from.
type registerInput struct {
	write bool
	from  int
}

type registerOutput struct {
	version int  // what a read saw
	ok      bool // whether a write's condition held
}

// registerModel is a compare-and-set register: DynamoDB's promise for
// conditional writes and strongly consistent reads of one item.
var registerModel = porcupine.Model{
	Init: func() any { return 0 },
	Step: func(state, input, output any) (bool, any) {
		v, in, out := state.(int), input.(registerInput), output.(registerOutput)
		if !in.write {
			return out.version == v, v
		}
		if v == in.from {
			return out.ok, v + 1
		}
		return !out.ok, v
	},
}

// Eight clients race conditional writes and consistent reads on one item;
// porcupine checks that the recorded history is linearizable.
func TestConditionalWrites_Linearizable(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("reg"), "version": N("0")}})
	require.NoError(t, err)

	var clock atomic.Int64
	var mu sync.Mutex
	var history []porcupine.Operation
	record := func(client int, in registerInput, call int64, out registerOutput) {
		ret := clock.Add(1)
		mu.Lock()
		history = append(history, porcupine.Operation{ClientId: client, Input: in, Call: call, Output: out, Return: ret})
		mu.Unlock()
	}
	read := func() (int, error) {
		got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("reg")}, ConsistentRead: true})
		if err != nil {
			return 0, err
		}
		return strconv.Atoi(got.Item["version"].N())
	}
	var g errgroup.Group
	for client := range 8 {
		g.Go(func() error {
			for range 40 {
				call := clock.Add(1)
				v, err := read()
				if err != nil {
					return err
				}
				record(client, registerInput{}, call, registerOutput{version: v})

				call = clock.Add(1)
				_, err = users.PutItem(ctx, PutItemInput{
					Item:                      Item{"id": S("reg"), "version": Int(int64(v + 1))},
					ConditionExpression:       "version = :v",
					ExpressionAttributeValues: map[string]Value{":v": Int(int64(v))},
				})
				if err != nil && !isConditionFailed(err) {
					return err
				}
				record(client, registerInput{write: true, from: v}, call, registerOutput{ok: err == nil})
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	require.Len(t, history, 8*40*2)
	assert.Equal(t, porcupine.Ok, porcupine.CheckOperationsTimeout(registerModel, history, time.Minute))
}

// The checker is not vacuous: a history where a read misses an
// acknowledged write is rejected.
func TestRegisterModel_RejectsStaleRead(t *testing.T) {
	history := []porcupine.Operation{
		{ClientId: 0, Input: registerInput{write: true, from: 0}, Call: 1, Output: registerOutput{ok: true}, Return: 2},
		{ClientId: 1, Input: registerInput{}, Call: 3, Output: registerOutput{version: 0}, Return: 4},
	}
	assert.False(t, porcupine.CheckOperations(registerModel, history))
}
