package ddbtest

import (
	"sync"
	"time"

	"github.com/ddbsim/ddbsim"
)

// Clock is a fake clock for tests: it stands still until Advance or Set
// moves it, so a test sees time pass (a lag elapse; later, TTL expire)
// without sleeping. It is a ddbsim.SettableClock; give it to a DB with
// WithClock. Safe for concurrent use.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a Clock standing at start.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// Now returns the time the clock stands at.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock d forward (backward for a negative d).
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// Set moves the clock to t.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

var _ ddbsim.SettableClock = (*Clock)(nil)

// WithClock makes c the DB's clock (ddbsim.Options.Clock).
func WithClock(c ddbsim.Clock) Option {
	return func(o *ddbsim.Options) { o.Clock = c }
}
