package ddbtest_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbtest"
)

func TestClock_OnMove(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c := ddbtest.NewClock(start)
	var seen []string
	stopA := c.OnMove(func(now time.Time) {
		assert.Equal(t, now, c.Now(), "runs after the move, outside the lock")
		seen = append(seen, "a "+now.Format(time.TimeOnly))
	})
	stopB := c.OnMove(func(now time.Time) { seen = append(seen, "b "+now.Format(time.TimeOnly)) })
	c.Advance(time.Minute)
	stopA()
	stopA()
	c.Set(start)
	stopB()
	c.Advance(time.Hour)
	assert.Equal(t, []string{"a 12:01:00", "b 12:01:00", "b 12:00:00"}, seen)
}

func TestClock_OnMove_ConcurrentMoves(t *testing.T) {
	c := ddbtest.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	var mu sync.Mutex
	calls := 0
	defer c.OnMove(func(time.Time) { mu.Lock(); calls++; mu.Unlock() })()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			stop := c.OnMove(func(time.Time) {})
			c.Advance(time.Second)
			stop()
		})
	}
	wg.Wait()
	assert.Equal(t, 8, calls)
	assert.Equal(t, time.Date(2026, 3, 1, 12, 0, 8, 0, time.UTC), c.Now())
}

// A session expires as the fake clock moves past its time to live: no
// sleep, no call of ExpireTTL.
func TestWithClock_AdvanceExpiresTTL(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c := ddbtest.NewClock(start)
	db := ddbtest.New(t, ddbtest.WithClock(c))
	createKV(t, db)
	ctx := context.Background()
	_, err := db.UpdateTimeToLive(ctx, ddbsim.UpdateTimeToLiveInput{TableName: "kvs",
		TimeToLiveSpecification: &ddbsim.TimeToLiveSpecification{AttributeName: "expires", Enabled: true}})
	require.NoError(t, err)
	_, err = db.PutItem(ctx, ddbsim.PutItemInput{TableName: "kvs", Item: ddbsim.Item{"id": ddbsim.S("s"), "expires": ddbsim.Int(start.Add(time.Hour).Unix())}})
	require.NoError(t, err)
	exists := func() bool {
		out, err := db.GetItem(ctx, ddbsim.GetItemInput{TableName: "kvs", Key: ddbsim.Item{"id": ddbsim.S("s")}})
		require.NoError(t, err)
		return out.Item != nil
	}
	c.Advance(59 * time.Minute)
	assert.True(t, exists())
	c.Advance(time.Minute)
	assert.False(t, exists(), "gone once Advance returns")

	_, err = db.PutItem(ctx, ddbsim.PutItemInput{TableName: "kvs", Item: ddbsim.Item{"id": ddbsim.S("s"), "expires": ddbsim.Int(start.Add(2 * time.Hour).Unix())}})
	require.NoError(t, err)
	c.Set(start.Add(2 * time.Hour))
	assert.False(t, exists(), "Set sweeps too")
}

// The sweep stops with the test that made the DB.
func TestWithClock_SweepStopsWithTheTest(t *testing.T) {
	c := ddbtest.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	var db *ddbsim.DB
	t.Run("inner", func(t *testing.T) {
		db = ddbtest.New(t, ddbtest.WithClock(c))
		createKV(t, db)
		_, err := db.UpdateTimeToLive(context.Background(), ddbsim.UpdateTimeToLiveInput{TableName: "kvs",
			TimeToLiveSpecification: &ddbsim.TimeToLiveSpecification{AttributeName: "expires", Enabled: true}})
		require.NoError(t, err)
	})
	_, err := db.PutItem(context.Background(), ddbsim.PutItemInput{TableName: "kvs", Item: ddbsim.Item{"id": ddbsim.S("s"), "expires": ddbsim.Int(c.Now().Unix())}})
	require.NoError(t, err)
	c.Advance(time.Hour)
	out, err := db.Scan(context.Background(), ddbsim.ScanInput{TableName: "kvs"})
	require.NoError(t, err)
	assert.Len(t, out.Items, 1, "no sweep ran for a finished test's DB")
	assert.Equal(t, 1, db.ExpireTTL(), "though it has expired")
}
