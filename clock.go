package ddbsim

import (
	"sync"
	"time"
)

// Clock is the time a DB goes by: table creation times and the
// wall-clock lag of Async replication today; TTL expiry, stream record
// times and ClientRequestToken windows as they come. Its Now must be safe
// for concurrent use.
type Clock interface {
	Now() time.Time
}

// ClockFunc makes a function a Clock (as http.HandlerFunc makes one a
// Handler): Options{Clock: ClockFunc(f)}.
type ClockFunc func() time.Time

// Now returns f().
func (f ClockFunc) Now() time.Time { return f() }

// SettableClock is a Clock that a test, or the server's admin endpoint,
// can move: both OffsetClock and ddbtest's fake clock are one.
type SettableClock interface {
	Clock
	// Advance moves the clock d forward (backward for a negative d).
	Advance(d time.Duration)
	// Set makes the clock read t now.
	Set(t time.Time)
}

// OffsetClock is the wall clock shifted by an offset that Advance and Set
// move: time keeps running, from wherever it was put. The zero value is
// the wall clock. It is what the server runs on, so that its admin
// endpoint can move a running DB's time; tests usually want ddbtest's
// clock, which stands still until moved. Safe for concurrent use.
type OffsetClock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now returns the wall-clock time plus the offset. Cost: one mutex.
func (c *OffsetClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Advance adds d to the offset.
func (c *OffsetClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.offset += d
	c.mu.Unlock()
}

// Set shifts the clock so that it reads t now, and runs on from there.
func (c *OffsetClock) Set(t time.Time) {
	c.mu.Lock()
	c.offset = time.Until(t)
	c.mu.Unlock()
}

// Now returns the time on the DB's clock (Options.Clock). Cost: one call
// of the clock.
func (db *DB) Now() time.Time { return db.opts.Clock.Now() }

// Clock returns the DB's clock, Options.Clock as given or the wall clock:
// a SettableClock when the DB was made with one.
func (db *DB) Clock() Clock { return db.opts.Clock }
