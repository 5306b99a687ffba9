package ddbsim

import (
	"context"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

func TestAtomicCounter_RetryAfterLostResponseCountsTwice(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	c := &AtomicCounter{Table: db.Table("users"), Key: Item{"id": S("views")}, Attribute: "n"}
	got, err := c.Add(ctx, "1")
	require.NoError(t, err)
	assert.Equal(t, "1", got)

	db.InjectFault(Fault{Kind: LostResponse, Operation: "UpdateItem"})
	_, err = c.Add(ctx, "1")
	require.ErrorIs(t, err, ErrLostResponse)
	got, err = c.Add(ctx, "1") // the caller's retry of the same increment
	require.NoError(t, err)
	assert.Equal(t, "3", got, "ADD is not idempotent: the lost increment counted, and so did its retry")

	got, err = c.Add(ctx, "0.5")
	require.NoError(t, err)
	assert.Equal(t, "3.5", got)
}

func TestIdempotentCounter_RetryAfterLostResponseCountsOnce(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	c := &IdempotentCounter{Table: db.Table("users"), Key: Item{"id": S("orders")}, Attribute: "n"}
	v, dup, err := c.Add(ctx, "req-1", "10")
	require.NoError(t, err)
	assert.Equal(t, "10", v)
	assert.False(t, dup)

	db.InjectFault(Fault{Kind: LostResponse, Operation: "UpdateItem"})
	_, _, err = c.Add(ctx, "req-2", "5")
	require.ErrorIs(t, err, ErrLostResponse)
	v, dup, err = c.Add(ctx, "req-2", "5")
	require.NoError(t, err)
	assert.True(t, dup, "the retry is recognised")
	assert.Equal(t, "15", v, "the lost increment was applied once")

	v, dup, err = c.Add(ctx, "req-1", "10")
	require.NoError(t, err)
	assert.True(t, dup)
	assert.Equal(t, "15", v)
}

func TestIdempotentCounter_RemembersTheLastTokens(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	c := &IdempotentCounter{Table: db.Table("users"), Key: Item{"id": S("small")}, Attribute: "n", Remember: 3}
	for i := range 5 {
		_, dup, err := c.Add(ctx, "t"+strconv.Itoa(i), "1")
		require.NoError(t, err)
		require.False(t, dup)
	}
	got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("small")}})
	require.NoError(t, err)
	assert.Equal(t, `{"L":[{"S":"t2"},{"S":"t3"},{"S":"t4"}]}`, got.Item["n_tokens"].String(), "the oldest tokens are dropped")
	assert.Equal(t, "5", got.Item["n"].N())

	_, dup, err := c.Add(ctx, "t4", "1")
	require.NoError(t, err)
	assert.True(t, dup)
	v, dup, err := c.Add(ctx, "t0", "1")
	require.NoError(t, err)
	assert.False(t, dup, "a token older than the last Remember is forgotten")
	assert.Equal(t, "6", v)
}

// Eight goroutines add concurrently; the token list stays full and every
// Add races to drop its oldest entry: the total is exactly the number of
// increments.
func TestIdempotentCounter_ConcurrentAddsAllCount(t *testing.T) {
	got := runConcurrentCounter(t, 16, false)
	assert.Equal(t, "480", got.Item["n"].N())
	assert.Len(t, got.Item["n_tokens"].L(), 16)
}

// Eight goroutines add and retry a third of their increments at once;
// the counter remembers every token, so no retry counts.
func TestIdempotentCounter_ConcurrentRetriesCountOnce(t *testing.T) {
	got := runConcurrentCounter(t, 512, true)
	assert.Equal(t, "480", got.Item["n"].N())
}

func runConcurrentCounter(t *testing.T, remember int, retry bool) *GetItemOutput {
	db := newTestDB(t)
	ctx := context.Background()
	c := &IdempotentCounter{Table: db.Table("users"), Key: Item{"id": S("busy")}, Attribute: "n", Remember: remember}
	const workers, each = 8, 60
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			for i := range each {
				token := strconv.Itoa(w) + "-" + strconv.Itoa(i)
				if _, _, err := c.Add(ctx, token, "1"); err != nil {
					return err
				}
				if retry && i%3 == 0 {
					if _, dup, err := c.Add(ctx, token, "1"); err != nil || !dup {
						t.Errorf("retry of %s: duplicate=%v err=%v", token, dup, err)
					}
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("busy")}, ConsistentRead: true})
	require.NoError(t, err)
	return got
}
