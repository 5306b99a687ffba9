package ddbtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbtest"
)

func TestClock_StandsStillUntilMoved(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c := ddbtest.NewClock(start)
	assert.Equal(t, start, c.Now())
	assert.Equal(t, start, c.Now())
	c.Advance(90 * time.Second)
	assert.Equal(t, start.Add(90*time.Second), c.Now())
	c.Set(start)
	assert.Equal(t, start, c.Now())
}

func TestWithClock_DrivesTheDB(t *testing.T) {
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c := ddbtest.NewClock(start)
	db := ddbtest.New(t, ddbtest.WithClock(c))
	assert.Equal(t, start, db.Now())
	createKV(t, db)
	d, err := db.DescribeTable(context.Background(), ddbsim.DescribeTableInput{TableName: "kvs"})
	require.NoError(t, err)
	assert.Equal(t, start, d.CreationDateTime)
	c.Advance(time.Hour)
	assert.Equal(t, start.Add(time.Hour), db.Now())
}

// A wall-clock lag elapses when the fake clock moves past it, with no
// sleep.
func TestWithClock_AdvancesAWallClockLag(t *testing.T) {
	c := ddbtest.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
	db := ddbtest.New(t, ddbtest.WithClock(c), ddbtest.WithReplication(ddbsim.Async), ddbtest.WithLag(time.Minute))
	createKV(t, db)
	ctx := context.Background()
	_, err := db.PutItem(ctx, ddbsim.PutItemInput{TableName: "kvs", Item: ddbsim.Item{"id": ddbsim.S("a")}})
	require.NoError(t, err)
	for range 50 {
		_, err := db.GetItem(ctx, ddbsim.GetItemInput{TableName: "kvs", Key: ddbsim.Item{"id": ddbsim.S("a")}})
		require.NoError(t, err)
	}
	assert.Equal(t, int64(1), db.Stats().PendingWrites, "the lag has not elapsed")
	c.Advance(time.Minute)
	_, err = db.GetItem(ctx, ddbsim.GetItemInput{TableName: "kvs", Key: ddbsim.Item{"id": ddbsim.S("a")}})
	require.NoError(t, err)
	assert.Zero(t, db.Stats().PendingWrites, "a read after the lag lets the replica catch up")
}
