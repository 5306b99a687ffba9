package main

import (
	"time"

	"github.com/ddbsim/ddbsim"
)

// sweepTTL runs db's time to live sweep every interval of wall-clock time
// (expiry itself is judged on the DB's clock) until the returned function
// is called, which waits for a sweep in progress. A zero or negative
// interval runs none: sweeps then come only from the admin endpoint.
func sweepTTL(db *ddbsim.DB, interval time.Duration) (stop func()) {
	if interval <= 0 {
		return func() {}
	}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-quit:
				return
			case <-tick.C:
				db.ExpireTTL()
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}
