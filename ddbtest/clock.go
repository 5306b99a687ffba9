package ddbtest

import (
	"sync"
	"time"

	"github.com/ddbsim/ddbsim"
)

// Clock is a fake clock for tests: it stands still until Advance or Set
// moves it, so a test sees time pass (a lag elapse, items' time to live
// expire) without sleeping. It is a ddbsim.SettableClock; give it to a DB
// with WithClock. Safe for concurrent use.
type Clock struct {
	mu        sync.Mutex
	now       time.Time
	observers []*observer
}

// observer is a function OnMove registered.
type observer struct{ f func(now time.Time) }

// NewClock returns a Clock standing at start.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// Now returns the time the clock stands at.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock d forward (backward for a negative d), then
// runs the OnMove functions.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.moved()
}

// Set moves the clock to t, then runs the OnMove functions.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.moved()
}

// moved unlocks c, which the caller has locked and moved, and runs the
// observers with the time it moved to.
func (c *Clock) moved() {
	now, observers := c.now, c.observers
	c.mu.Unlock()
	for _, o := range observers {
		o.f(now)
	}
}

// OnMove registers f to run after every Advance and Set, with the time
// the clock was moved to, in the goroutine that moved it, after the move
// and outside the clock's lock (f may read the clock), functions in the
// order they were registered. New registers the DB's TTL sweep this way.
// The returned function unregisters f; calling it again does nothing.
// Cost: O(functions registered) per call and per move.
func (c *Clock) OnMove(f func(now time.Time)) (stop func()) {
	o := &observer{f: f}
	c.mu.Lock()
	c.observers = append(c.observers[:len(c.observers):len(c.observers)], o)
	c.mu.Unlock()
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		kept := make([]*observer, 0, len(c.observers))
		for _, other := range c.observers {
			if other != o {
				kept = append(kept, other)
			}
		}
		c.observers = kept
	}
}

var _ ddbsim.SettableClock = (*Clock)(nil)

// WithClock makes c the DB's clock (ddbsim.Options.Clock). When c is a
// *Clock, the DB New returns runs its time to live sweep
// (ddbsim.DB.ExpireTTL) every time c moves, until the test ends: items
// whose time to live has passed are gone once Advance or Set returns.
func WithClock(c ddbsim.Clock) Option {
	return func(o *ddbsim.Options) { o.Clock = c }
}
