package ddbsim

import (
	"maps"
	"slices"
	"time"
)

// Table and index lifecycles: CREATING, UPDATING and DELETING, which
// DynamoDB goes through for seconds to hours, and which ddbsim skips by
// default (everything is ACTIVE, or gone, when the call returns, as with
// DynamoDB Local). Options.TransientStatuses holds each status for that
// long on the DB's clock, so that a test can watch code that polls (the
// SDK's TableExists and TableNotExists waiters) do its work; moving the
// clock (ddbtest.Clock) releases them. A status is judged when it is
// read: nothing runs in the background.

// DefaultTransientStatuses is how long the server's
// -delayTransientStatuses flag holds each transient status.
const DefaultTransientStatuses = 5 * time.Second

// AWS's messages of the lifecycle.
const (
	msgInUse     = "Attempt to change a resource which is still in use: "
	msgProtected = "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first."
)

// holdUntil returns when a status entered at now ends: now plus
// Options.TransientStatuses times n (an index's change takes twice the
// table's, so that a test sees the table ACTIVE again while its index is
// still CREATING, as on DynamoDB), or the zero time without the option.
func (db *DB) holdUntil(now time.Time, n int) time.Time {
	if db.opts.TransientStatuses <= 0 {
		return time.Time{}
	}
	return now.Add(time.Duration(n) * db.opts.TransientStatuses)
}

// errInUse is the ResourceInUseException of a change to a table that is
// CREATING or UPDATING at now, or nil.
func (m *tableMeta) errInUse(name string, now time.Time) error {
	switch m.tableStatus(now) {
	case TableStatusCreating:
		return &Error{Code: CodeResourceInUse, Message: msgInUse + "Table is being created: " + name}
	case TableStatusUpdating:
		return &Error{Code: CodeResourceInUse, Message: msgInUse + "Table is being updated: " + name}
	}
	return nil
}

// checkDeletable makes DeleteTable's checks of the table at now: not
// CREATING or UPDATING, then not protected against deletion (order
// unverified), each a ResourceInUseException (the type two peers that
// match AWS's behaviour answer; the text is AWS's).
func (t *table) checkDeletable(now time.Time) error {
	m := t.meta()
	if err := m.errInUse(t.name, now); err != nil {
		return err
	}
	if m.input.DeletionProtectionEnabled {
		return &Error{Code: CodeResourceInUse, Message: msgProtected}
	}
	return nil
}

// ghost is a deleted table still described, DELETING, until its time on
// the DB's clock (Options.TransientStatuses): its last description.
type ghost struct {
	desc  *TableDescription
	until time.Time
}

// bury keeps d, the description of a table just deleted at now, as a
// ghost while Options.TransientStatuses holds DELETING, and forgets the
// ghosts whose time is past. The caller holds db.mu.
func (db *DB) bury(d *TableDescription, now time.Time) {
	until := db.holdUntil(now, 1)
	old := db.ghosts.Load()
	if until.IsZero() && (old == nil || len(*old) == 0) {
		return
	}
	next := map[string]ghost{}
	if old != nil {
		for name, g := range *old {
			if now.Before(g.until) {
				next[name] = g
			}
		}
	}
	if !until.IsZero() {
		next[d.TableName] = ghost{desc: d, until: until}
	}
	db.ghosts.Store(&next)
}

// ghostOf returns the ghost of a table deleted under that name, if it is
// still DELETING at now. Lock-free.
func (db *DB) ghostOf(name string, now time.Time) (ghost, bool) {
	gs := db.ghosts.Load()
	if gs == nil {
		return ghost{}, false
	}
	g, ok := (*gs)[name]
	return g, ok && now.Before(g.until)
}

// ghostNames adds to names those of the tables still DELETING at now.
// Lock-free.
func (db *DB) ghostNames(names map[string]*table, now time.Time) map[string]*table {
	gs := db.ghosts.Load()
	if gs == nil || len(*gs) == 0 {
		return names
	}
	names = maps.Clone(names)
	for name, g := range *gs {
		if _, live := names[name]; !live && now.Before(g.until) {
			names[name] = nil
		}
	}
	return names
}

// cloneDescription returns a copy of d whose slices the caller may change
// without changing d. Cost: O(attributes and indexes).
func cloneDescription(d *TableDescription) *TableDescription {
	c := *d
	c.KeySchema = slices.Clone(d.KeySchema)
	c.AttributeDefinitions = slices.Clone(d.AttributeDefinitions)
	c.GlobalSecondaryIndexes = slices.Clone(d.GlobalSecondaryIndexes)
	c.LocalSecondaryIndexes = slices.Clone(d.LocalSecondaryIndexes)
	return &c
}
