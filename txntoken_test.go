package ddbsim

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testClock is a clock a test moves by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// tokenDB is newTestDB on a hand-moved clock, with users/c holding n = 0.
func tokenDB(t *testing.T) (*DB, *testClock) {
	t.Helper()
	clock := &testClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	db := newTestDB(t)
	db.opts.Clock = clock
	_, err := db.PutItem(context.Background(), PutItemInput{TableName: "users", Item: Item{"id": S("c"), "n": N("0")}})
	require.NoError(t, err)
	return db, clock
}

// increment is a transaction that adds 1 to users/c's n, with token.
func increment(token string) TransactWriteItemsInput {
	return TransactWriteItemsInput{ClientRequestToken: token, TransactItems: []TransactWriteItem{{Update: &Update{TableName: "users",
		Key: Item{"id": S("c")}, UpdateExpression: "ADD n :one", ExpressionAttributeValues: map[string]Value{":one": N("1")}}}}}
}

func TestClientRequestToken_RepeatAppliesOnceWithinTheWindow(t *testing.T) {
	db, clock := tokenDB(t)
	ctx := context.Background()
	in := increment("tok")
	in.ReturnConsumedCapacity = ReturnConsumedCapacityTotal
	out, err := db.TransactWriteItems(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, []ConsumedCapacity{{TableName: "users", CapacityUnits: 2}}, out.ConsumedCapacity, "a transactional write")

	clock.advance(TokenWindow - time.Second)
	out, err = db.TransactWriteItems(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, []ConsumedCapacity{{TableName: "users", CapacityUnits: 1}}, out.ConsumedCapacity, "a repeat reports read units")
	assert.Equal(t, "1", getUser(t, db, "c")["n"].N())

	_, err = db.TransactWriteItems(ctx, increment("other"))
	require.NoError(t, err, "another token is another transaction")
	assert.Equal(t, "2", getUser(t, db, "c")["n"].N())

	clock.advance(time.Second)
	_, err = db.TransactWriteItems(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, "3", getUser(t, db, "c")["n"].N(), "ten minutes after the first completed, the token is new")
}

func TestClientRequestToken_Mismatch(t *testing.T) {
	db, _ := tokenDB(t)
	ctx := context.Background()
	_, err := db.TransactWriteItems(ctx, increment("tok"))
	require.NoError(t, err)
	other := increment("tok")
	other.TransactItems[0].Update.ExpressionAttributeValues[":one"] = N("2")
	_, err = db.TransactWriteItems(ctx, other)
	requireAWSError(t, err, CodeIdempotentParameterMismatch, msgParameterMismatch)
	assert.ErrorIs(t, err, ErrIdempotentParameterMismatch)
	assert.Equal(t, "1", getUser(t, db, "c")["n"].N())
}

func TestClientRequestToken_InProgress(t *testing.T) {
	db, clock := tokenDB(t)
	in := increment("tok")
	params, err := digest(&in)
	require.NoError(t, err)
	repeat, err := db.tokens.begin("tok", params, clock.Now()) // a first request, still running
	require.NoError(t, err)
	require.False(t, repeat)

	_, err = db.TransactWriteItems(context.Background(), in)
	requireAWSError(t, err, CodeTransactionInProgress, msgInProgress)
	assert.ErrorIs(t, err, ErrTransactionInProgress)
	assert.Equal(t, "0", getUser(t, db, "c")["n"].N())
}

// A cancelled transaction leaves no trace: the same token runs again.
func TestClientRequestToken_FailedFirstCanRunAgain(t *testing.T) {
	db, _ := tokenDB(t)
	ctx := context.Background()
	in := increment("tok")
	in.TransactItems[0].Update.ConditionExpression = "attribute_exists(ready)"
	_, err := db.TransactWriteItems(ctx, in)
	require.ErrorIs(t, err, ErrTransactionCanceled)
	_, err = db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("c"), "n": N("0"), "ready": Bool(true)}})
	require.NoError(t, err)
	_, err = db.TransactWriteItems(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, "1", getUser(t, db, "c")["n"].N())
}

// A lost response plus a retry with the same token applies once; without
// a token the retry applies again.
func TestClientRequestToken_LostResponseRetry(t *testing.T) {
	db, _ := tokenDB(t)
	ctx := context.Background()
	db.InjectFault(Fault{Kind: LostResponse, Operation: "TransactWriteItems"})
	_, err := db.TransactWriteItems(ctx, increment("tok"))
	require.ErrorIs(t, err, ErrLostResponse)
	_, err = db.TransactWriteItems(ctx, increment("tok"))
	require.NoError(t, err)
	assert.Equal(t, "1", getUser(t, db, "c")["n"].N())

	db.InjectFault(Fault{Kind: LostResponse, Operation: "TransactWriteItems", Table: "users"})
	_, err = db.TransactWriteItems(ctx, increment(""))
	require.ErrorIs(t, err, ErrLostResponse)
	_, err = db.TransactWriteItems(ctx, increment(""))
	require.NoError(t, err)
	assert.Equal(t, "3", getUser(t, db, "c")["n"].N())
}

// Expired tokens are swept as the store grows.
func TestTokenStore_SweepsExpired(t *testing.T) {
	var s tokenStore
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 100 {
		_, err := s.begin(string(rune('a'+i)), [32]byte{}, now)
		require.NoError(t, err)
		s.finish(string(rune('a'+i)), true, now)
	}
	later := now.Add(TokenWindow)
	for i := range 200 {
		_, err := s.begin(string(rune(1000+i)), [32]byte{}, later)
		require.NoError(t, err)
		s.finish(string(rune(1000+i)), true, later)
	}
	assert.Len(t, s.uses, 200, "the 100 expired tokens are gone")
}
