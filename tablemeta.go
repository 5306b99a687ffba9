package ddbsim

import (
	"slices"
	"time"
)

// tableMeta is what a table is, as opposed to what it holds: its settings
// (the validated CreateTableInput, as UpdateTable has changed it since),
// its secondary indexes and its status. It is immutable once published:
// a change (UpdateTable, a GSI going ACTIVE) builds a new one and
// publishes it under the table's write lock (table.setMeta), so that
// readers, which load it without locks, always see one whole version and
// commits, which load it under the write lock, see the one in force.
type tableMeta struct {
	input CreateTableInput
	// indexes are the GSIs, then the LSIs, in the order the table got them.
	indexes []*index
	// stored are the attributes any index stores of an item (nil without
	// indexes): what a commit decodes once for all of them; slots[i] are
	// where indexes[i]'s lie in it.
	stored *layout
	slots  []slots
	// status is CREATING or UPDATING until until (on the DB's clock),
	// with Options.TransientStatuses; ACTIVE after, and always without it.
	status TableStatus
	until  time.Time
	// building is the GSI whose backfill runs now, outside the write lock
	// (nil if none): it holds the table's one online index change.
	building *index
	// dropping are the GSIs being deleted, described DELETING until their
	// time, already gone from indexes.
	dropping []droppingIndex
	// payPerRequestAt is when the table last became PAY_PER_REQUEST, and
	// streamAt when UpdateTable last enabled its stream (zero: at
	// creation).
	payPerRequestAt, streamAt time.Time
}

// droppingIndex is a GSI that UpdateTable deleted, still described (as
// DELETING) until its time on the DB's clock.
type droppingIndex struct {
	desc  GlobalSecondaryIndexDescription
	until time.Time
}

// newMeta returns the meta of a table created from in with indexes,
// their stored attributes computed.
func newMeta(in CreateTableInput, indexes []*index) *tableMeta {
	m := &tableMeta{input: in, indexes: indexes}
	m.computeStored()
	return m
}

// computeStored sets m.stored and m.slots from m.indexes.
func (m *tableMeta) computeStored() {
	m.stored, m.slots = nil, nil
	if len(m.indexes) == 0 {
		return
	}
	var names []string
	for _, ix := range m.indexes {
		for _, name := range ix.stored {
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	}
	m.stored = newLayout(names)
	for _, ix := range m.indexes {
		m.slots = append(m.slots, ix.slotsIn(m.stored))
	}
}

// clone returns a copy of m to change and publish: its slices are copies,
// its indexes shared.
func (m *tableMeta) clone() *tableMeta {
	c := *m
	c.input = cloneCreateTableInput(m.input)
	c.indexes = append([]*index(nil), m.indexes...)
	c.dropping = append([]droppingIndex(nil), m.dropping...)
	return &c
}

// index returns the index of that name, or nil.
func (m *tableMeta) index(name string) *index {
	for _, ix := range m.indexes {
		if ix.name == name {
			return ix
		}
	}
	return nil
}

// tableStatus returns the table's status at now.
func (m *tableMeta) tableStatus(now time.Time) TableStatus {
	if m.status != "" && now.Before(m.until) {
		return m.status
	}
	return TableStatusActive
}

// changingIndex reports whether a GSI is being created or deleted at now:
// the table's one online index change is taken.
func (m *tableMeta) changingIndex(now time.Time) bool {
	if m.building != nil {
		return true
	}
	for _, ix := range m.indexes {
		if ix.creating(now) {
			return true
		}
	}
	for _, d := range m.dropping {
		if now.Before(d.until) {
			return true
		}
	}
	return false
}

// meta returns the table's meta in force. Lock-free.
func (t *table) meta() *tableMeta { return t.metaPtr.Load() }

// indexes returns the table's secondary indexes in force. Lock-free;
// under the write lock, the ones commits maintain.
func (t *table) indexes() []*index { return t.metaPtr.Load().indexes }

// setMeta publishes m. The caller holds the write lock.
func (t *table) setMeta(m *tableMeta) { t.metaPtr.Store(m) }

// status returns the table's status now, on the DB's clock.
func (t *table) status() TableStatus { return t.meta().tableStatus(t.db.Now()) }
