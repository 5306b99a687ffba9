package ddbsim

import (
	"crypto/sha256"
	"encoding/json"
	"sync"
	"time"
)

// TokenWindow is how long a TransactWriteItems ClientRequestToken stays
// valid after the first transaction that used it succeeded: a repeat
// within it does nothing; after it, the token counts as new.
const TokenWindow = 10 * time.Minute

// The messages of a reused token. AWS's texts were not captured: these
// are the API model's descriptions of the two errors.
const (
	msgParameterMismatch = "DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used."
	msgInProgress        = "The transaction with the given request token is already in progress."
)

// tokenStore holds the ClientRequestTokens of a DB's recent
// transactions. Tokens past their window are dropped lazily, when the
// store has doubled since it was last swept.
type tokenStore struct {
	mu      sync.Mutex
	uses    map[string]*tokenUse
	sweepAt int
}

// tokenUse is one token's transaction: a digest of its parameters, and,
// once it succeeded, until when a repeat is a no-op.
type tokenUse struct {
	params [sha256.Size]byte
	done   bool
	until  time.Time
}

// run runs a TransactWriteItems that carries a token: the first request
// with it runs; a repeat of one that succeeded less than TokenWindow ago
// on the DB's clock succeeds without writing (reporting the read units
// of its items, see transactRepeat); a repeat with other parameters is
// IdempotentParameterMismatchException; a request while the first is
// still running is TransactionInProgressException. A transaction that
// failed leaves no trace: its token can be used again. Cost: a digest of
// the request (its JSON encoding) and a map lookup under a mutex.
func (s *tokenStore) run(db *DB, in *TransactWriteItemsInput) (*TransactWriteItemsOutput, error) {
	params, err := digest(in)
	if err != nil {
		return nil, err
	}
	repeat, err := s.begin(in.ClientRequestToken, params, db.Now())
	if err != nil {
		return nil, err
	}
	if repeat {
		return db.transactRepeat(in)
	}
	ok := false
	defer func() { s.finish(in.ClientRequestToken, ok, db.Now()) }()
	out, err := db.transactWrite(in)
	ok = err == nil
	return out, err
}

// digest is the digest of a request's parameters, its token aside.
func digest(in *TransactWriteItemsInput) ([sha256.Size]byte, error) {
	c := *in
	c.ClientRequestToken = ""
	b, err := json.Marshal(&c)
	if err != nil {
		return [sha256.Size]byte{}, err
	}
	return sha256.Sum256(b), nil
}

// begin registers the start of a request with token and params at now,
// and reports whether it repeats a transaction that succeeded within its
// window; its errors refuse the request.
func (s *tokenStore) begin(token string, params [sha256.Size]byte, now time.Time) (repeat bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.uses[token]; u != nil {
		switch {
		case u.done && !now.Before(u.until):
			// expired: the token is new again
		case !u.done:
			return false, &Error{Code: CodeTransactionInProgress, Message: msgInProgress}
		case u.params != params:
			return false, &Error{Code: CodeIdempotentParameterMismatch, Message: msgParameterMismatch}
		default:
			return true, nil
		}
	}
	if s.uses == nil {
		s.uses = map[string]*tokenUse{}
	}
	if len(s.uses) >= s.sweepAt {
		for t, u := range s.uses {
			if u.done && !now.Before(u.until) {
				delete(s.uses, t)
			}
		}
		s.sweepAt = 2*len(s.uses) + 64
	}
	s.uses[token] = &tokenUse{params: params}
	return false, nil
}

// finish records the end of the first request with token at now: a
// success opens its window, a failure forgets the token.
func (s *tokenStore) finish(token string, ok bool, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !ok {
		delete(s.uses, token)
		return
	}
	u := s.uses[token]
	u.done, u.until = true, now.Add(TokenWindow)
}

// transactRepeat answers the repeat of a transaction that succeeded: it
// writes nothing, and reports, when asked, the units of a strongly
// consistent read of each action's item as it is now. A table deleted
// since is ResourceNotFoundException.
func (db *DB) transactRepeat(in *TransactWriteItemsInput) (*TransactWriteItemsOutput, error) {
	acts := make([]txnWrite, len(in.TransactItems))
	for i := range in.TransactItems {
		if err := db.checkAction(&in.TransactItems[i], &acts[i]); err != nil {
			return nil, err
		}
	}
	if reasons, err := db.locateWrites(acts); err != nil || reasons != nil {
		return nil, orCancelled(err, reasons)
	}
	out := &TransactWriteItemsOutput{}
	if in.ReturnConsumedCapacity != "" && in.ReturnConsumedCapacity != ReturnConsumedCapacityNone {
		sizes := make([]int, len(acts))
		for i, a := range acts {
			e, _ := a.t.replicaFor(true).get(a.w.k)
			sizes[i] = e.size()
		}
		out.ConsumedCapacity = transactCapacity(in.ReturnConsumedCapacity, len(acts),
			func(i int) string { return acts[i].tableName },
			func(i int) float64 { return readUnits(sizes[i], true) / 2 }, nil) // one read, not a transactional one
	}
	return out, nil
}
