package ddbhttp

import "time"

// Option configures a handler built by NewHandler.
type Option func(*handler)

// WithAuthenticator makes the handler verify every request's SigV4
// signature with a, after its own checks of the Authorization header's
// form and date. Without it any well-formed signature is accepted, as
// DynamoDB Local does. ddbaws.NewAuthenticator implements one with the
// AWS SDK's signer.
func WithAuthenticator(a Authenticator) Option {
	return func(h *handler) { h.auth = a }
}

// WithClock sets the clock the handler checks request dates against
// (DynamoDB refuses a signature more than 15 minutes from its own time).
// The default is time.Now, and it is not the DB's clock on purpose:
// clients sign with the wall clock's time, so a test that moves the DB's
// clock (to expire items, say) must not make every request's signature
// look expired.
func WithClock(now func() time.Time) Option {
	return func(h *handler) {
		if now != nil {
			h.clock = now
		}
	}
}

// WithCORS limits the origins that cross-origin (browser) requests are
// answered for, as DynamoDB Local's -cors flag does. With no origins, or
// with "*" among them, every origin is allowed: the default, and
// DynamoDB's own answer.
func WithCORS(origins ...string) Option {
	return func(h *handler) { h.cors = newCORS(origins) }
}
