package ddbsim

import (
	"context"
	"slices"
	"time"
)

// TimeToLiveStatus is the state of a table's time to live.
type TimeToLiveStatus string

// Time to live statuses. ENABLING and DISABLING are DynamoDB's
// transitional states; ddbsim, like DynamoDB Local, goes straight to
// ENABLED or DISABLED (there is no status hold yet).
const (
	TimeToLiveStatusEnabling  TimeToLiveStatus = "ENABLING"
	TimeToLiveStatusDisabling TimeToLiveStatus = "DISABLING"
	TimeToLiveStatusEnabled   TimeToLiveStatus = "ENABLED"
	TimeToLiveStatusDisabled  TimeToLiveStatus = "DISABLED"
)

// DefaultTTLChangeInterval is how long after a change of a table's time
// to live UpdateTimeToLive refuses another (DynamoDB documents an hour),
// when Options.TTLChangeInterval is 0.
const DefaultTTLChangeInterval = time.Hour

// TimeToLiveSpecification is UpdateTimeToLive's request: turn time to
// live on (Enabled) or off for the attribute AttributeName.
type TimeToLiveSpecification struct {
	// AttributeName is the top-level attribute holding each item's
	// expiry, a Number of epoch seconds: 1 to 255 bytes, required to
	// disable as well.
	AttributeName string
	Enabled       bool
}

// UpdateTimeToLiveInput is the input of UpdateTimeToLive.
type UpdateTimeToLiveInput struct {
	TableName string
	// TimeToLiveSpecification is required.
	TimeToLiveSpecification *TimeToLiveSpecification
}

// UpdateTimeToLiveOutput is the output of UpdateTimeToLive: the
// specification as accepted.
type UpdateTimeToLiveOutput struct {
	TimeToLiveSpecification *TimeToLiveSpecification
}

// DescribeTimeToLiveInput is the input of DescribeTimeToLive.
type DescribeTimeToLiveInput struct {
	TableName string
}

// DescribeTimeToLiveOutput is the output of DescribeTimeToLive.
type DescribeTimeToLiveOutput struct {
	TimeToLiveDescription *TimeToLiveDescription
}

// TimeToLiveDescription is a table's time to live: its status and, unless
// DISABLED, its attribute.
type TimeToLiveDescription struct {
	AttributeName    string `json:",omitzero"`
	TimeToLiveStatus TimeToLiveStatus
}

// The messages of UpdateTimeToLive.
const (
	msgTTLAlreadyEnabled  = "TimeToLive is already enabled"
	msgTTLAlreadyDisabled = "TimeToLive is already disabled"
	msgTTLOtherAttribute  = "TimeToLive is active on a different AttributeName: current AttributeName is "
	msgTTLTooOften        = "Time to live has been modified multiple times within a fixed interval"
)

// ttlState is a table's time to live, guarded by its write lock: the
// attribute ("" while disabled), when it last changed, and the expiry
// index, one of the table's readers while time to live is on.
type ttlState struct {
	attr    string
	changed time.Time
	index   *expiryIndex
	// was is the attribute the last disable turned off, which
	// DescribeTimeToLive shows while DISABLING.
	was string
}

// UpdateTimeToLive turns a table's time to live on or off. Enabling builds
// the table's expiry index from its items, under its write lock; from then
// on ExpireTTL deletes the items whose attribute has expired. Errors
// (ValidationException unless said, checked in this order, nothing
// changed): a missing specification or an AttributeName outside 1 to 255
// bytes; ResourceNotFoundException for a missing table; enabling while
// enabled ("TimeToLive is already enabled", or "TimeToLive is active on a
// different AttributeName: ..." for another attribute); disabling while
// disabled ("TimeToLive is already disabled") or for another attribute;
// a second change within Options.TTLChangeInterval of the last, on the
// DB's clock ("Time to live has been modified multiple times within a
// fixed interval"). Cost: O(n log n) for the table's n items to enable,
// O(1) to disable, under the table's write lock.
func (db *DB) UpdateTimeToLive(ctx context.Context, in UpdateTimeToLiveInput) (*UpdateTimeToLiveOutput, error) {
	return dispatch(ctx, db, "UpdateTimeToLive", in.TableName, func() (*UpdateTimeToLiveOutput, error) {
		var c constraints
		if !isARN(in.TableName) {
			c.name(in.TableName, "tableName", 3)
		}
		spec := in.TimeToLiveSpecification
		c.notNull(spec != nil, "timeToLiveSpecification")
		if spec != nil {
			name := spec.AttributeName
			switch {
			case name == "":
				c.fail(nil, "timeToLiveSpecification.attributeName", "Member must not be null")
			case len(name) > 255:
				c.fail(&name, "timeToLiveSpecification.attributeName", "Member must have length less than or equal to 255")
			}
		}
		if err := c.err(); err != nil {
			return nil, err
		}
		t, err := db.controlTable(in.TableName)
		if err != nil {
			return nil, err
		}
		t.writeMu.Lock()
		defer t.writeMu.Unlock()
		if t.dropped {
			return nil, errTableNotFound()
		}
		if err := t.ttl.check(*spec); err != nil {
			return nil, err
		}
		now := db.Now()
		if interval := db.ttlChangeInterval(); interval > 0 && !t.ttl.changed.IsZero() && now.Before(t.ttl.changed.Add(interval)) {
			return nil, validationError(msgTTLTooOften)
		}
		t.ttl.changed = now
		if spec.Enabled {
			t.enableTTL(spec.AttributeName)
		} else {
			t.ttl.was = t.ttl.attr
			t.disableTTL()
		}
		return &UpdateTimeToLiveOutput{TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: spec.AttributeName, Enabled: spec.Enabled}}, nil
	})
}

// check returns the error of a specification that does not change the
// state s.
func (s *ttlState) check(spec TimeToLiveSpecification) error {
	switch {
	case s.attr != "" && s.attr != spec.AttributeName:
		return validationError(msgTTLOtherAttribute + s.attr)
	case s.attr != "" && spec.Enabled:
		return validationError(msgTTLAlreadyEnabled)
	case s.attr == "" && !spec.Enabled:
		return validationError(msgTTLAlreadyDisabled)
	}
	return nil
}

// ttlChangeInterval returns Options.TTLChangeInterval with its default; 0
// or less means no limit.
func (db *DB) ttlChangeInterval() time.Duration {
	switch d := db.opts.TTLChangeInterval; {
	case d == 0:
		return DefaultTTLChangeInterval
	case d < 0:
		return 0
	default:
		return d
	}
}

// enableTTL turns time to live on for attr: it builds the expiry index
// from the leader and makes it one of the table's readers. The caller
// holds the write lock.
func (t *table) enableTTL(attr string) {
	t.ttl.attr = attr
	t.ttl.index = newExpiryIndex(attr)
	leader := t.leader()
	leader.mu.RLock()
	t.ttl.index.build(leader.tree)
	leader.mu.RUnlock()
	t.readers = append(t.readers, t.ttl.index)
}

// disableTTL turns time to live off: the expiry index goes. The caller
// holds the write lock.
func (t *table) disableTTL() {
	t.readers = slices.DeleteFunc(t.readers, func(r logReader) bool { return r == logReader(t.ttl.index) })
	t.ttl.attr, t.ttl.index = "", nil
}

// forkTTL gives c, the fork of t, t's time to live: its settings and an
// O(1) copy of its expiry index, among c's readers. The caller holds t's
// write lock.
func (t *table) forkTTL(c *table) {
	c.ttl = ttlState{attr: t.ttl.attr, changed: t.ttl.changed, was: t.ttl.was}
	if t.ttl.index != nil {
		c.ttl.index = t.ttl.index.fork()
		c.readers = append(c.readers, c.ttl.index)
	}
}

// DescribeTimeToLive describes a table's time to live: ENABLED with its
// attribute, or DISABLED; with Options.TransientStatuses, ENABLING or
// DISABLING (with the attribute) for that long after a change. A missing
// table is a ResourceNotFoundException.
// Cost: O(1), under the table's write lock.
func (db *DB) DescribeTimeToLive(ctx context.Context, in DescribeTimeToLiveInput) (*DescribeTimeToLiveOutput, error) {
	return dispatch(ctx, db, "DescribeTimeToLive", in.TableName, func() (*DescribeTimeToLiveOutput, error) {
		t, err := db.controlTable(in.TableName)
		if err != nil {
			return nil, err
		}
		t.writeMu.Lock()
		attr, was, changed := t.ttl.attr, t.ttl.was, t.ttl.changed
		t.writeMu.Unlock()
		// With Options.TransientStatuses, a change shows ENABLING or
		// DISABLING for that long after it, on the DB's clock.
		moving := db.opts.TransientStatuses > 0 && !changed.IsZero() && db.Now().Before(changed.Add(db.opts.TransientStatuses))
		d := &TimeToLiveDescription{AttributeName: attr, TimeToLiveStatus: TimeToLiveStatusEnabled}
		switch {
		case attr != "" && moving:
			d.TimeToLiveStatus = TimeToLiveStatusEnabling
		case attr == "" && moving && was != "":
			d.AttributeName, d.TimeToLiveStatus = was, TimeToLiveStatusDisabling
		case attr == "":
			d.TimeToLiveStatus = TimeToLiveStatusDisabled
		}
		return &DescribeTimeToLiveOutput{TimeToLiveDescription: d}, nil
	})
}
