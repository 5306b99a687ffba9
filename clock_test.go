package ddbsim

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOffsetClock_RunsFromWhereItIsPut(t *testing.T) {
	var c OffsetClock
	assert.WithinDuration(t, time.Now(), c.Now(), time.Minute, "the zero value is the wall clock")
	c.Advance(48 * time.Hour)
	assert.WithinDuration(t, time.Now().Add(48*time.Hour), c.Now(), time.Minute)
	target := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	c.Set(target)
	assert.WithinDuration(t, target, c.Now(), time.Minute)
	assert.False(t, c.Now().Before(target.Add(-time.Second)))
}

func TestDB_Clock_DefaultsToTheWallClock(t *testing.T) {
	db := New(nil)
	assert.WithinDuration(t, time.Now(), db.Now(), time.Minute)
	fixed := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	db = New(&Options{Clock: ClockFunc(func() time.Time { return fixed })})
	assert.Equal(t, fixed, db.Now())
	_, err := db.CreateTable(context.Background(), hashKeyTable("kvs"))
	require.NoError(t, err)
	d, err := db.DescribeTable(context.Background(), DescribeTableInput{TableName: "kvs"})
	require.NoError(t, err)
	assert.Equal(t, fixed, d.CreationDateTime)
	assert.Equal(t, db.Clock().Now(), fixed)
}
