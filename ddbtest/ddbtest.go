// Package ddbtest helps tests use ddbsim: a DB per test, cleaned up with
// the test, and a runner that executes one test body under many seeds of
// Async replication, to hunt the consistency bugs that only show when an
// eventually consistent read is stale.
package ddbtest

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/ddbsim/ddbsim"
)

// Option adjusts the Options of a test DB.
type Option func(*ddbsim.Options)

// WithReplication sets the replication mode (Sync, Async or Manual).
func WithReplication(mode ddbsim.Replication) Option {
	return func(o *ddbsim.Options) { o.Replication = mode }
}

// WithSeed sets the seed of Async and Manual mode.
func WithSeed(seed uint64) Option {
	return func(o *ddbsim.Options) { o.Seed = seed }
}

// WithMaxLag sets how many table operations a write may trail by in Async
// mode.
func WithMaxLag(ops int) Option {
	return func(o *ddbsim.Options) { o.MaxLag = ops }
}

// WithLag makes Async's lag wall-clock time, on the DB's clock: with
// WithClock, a test moves it past the lag instead of sleeping.
func WithLag(d time.Duration) Option {
	return func(o *ddbsim.Options) { o.Lag = d }
}

// New returns an empty DB for t, closed when t ends. Without options it
// is in Sync mode, like DynamoDB Local. With WithClock of a *Clock, every
// move of the clock runs the DB's time to live sweep.
func New(t testing.TB, opts ...Option) *ddbsim.DB {
	var o ddbsim.Options
	for _, opt := range opts {
		opt(&o)
	}
	db := ddbsim.New(&o)
	t.Cleanup(func() { db.Close() })
	if c, ok := o.Clock.(*Clock); ok {
		t.Cleanup(c.OnMove(func(time.Time) { db.ExpireTTL() }))
	}
	return db
}

// SeedEnv is the environment variable that replays one seed: with
// DDBSIM_SEED=42, Seeds runs only seed 42.
const SeedEnv = "DDBSIM_SEED"

// Seeds runs body as subtests named "seed=0" to "seed=<n-1>", each on a
// fresh DB in Async mode with that seed (opts add to or override that).
// A failing subtest's name is the seed that replays it: rerun with
// -run 'TestX/seed=17', or set DDBSIM_SEED=17. Cost: n runs of body.
func Seeds(t *testing.T, n int, body func(t *testing.T, db *ddbsim.DB), opts ...Option) {
	t.Helper()
	seeds := make([]uint64, n)
	for i := range seeds {
		seeds[i] = uint64(i)
	}
	if env := os.Getenv(SeedEnv); env != "" {
		seed, err := strconv.ParseUint(env, 10, 64)
		if err != nil {
			t.Fatalf("%s=%q is not a seed: %v", SeedEnv, env, err)
		}
		seeds = []uint64{seed}
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			all := append([]Option{WithReplication(ddbsim.Async), WithSeed(seed)}, opts...)
			body(t, New(t, all...))
		})
	}
}
