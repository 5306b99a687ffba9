package ddbsim

// keyLookup is an item operation's table and key, looked up before the
// request's other checks: a Key that the table's schema accepts has only
// valid values, so it needs no separate validation walk. The lookup's
// errors are kept for their turn in DynamoDB's order of checks.
type keyLookup struct {
	t   *table
	k   tableKey
	err error // fromKey's error, if the table exists
}

// lookupKey finds the table called name and key's place in it. It also
// makes the check of key's values that DynamoDB makes before it consults
// the key schema, reporting the first invalid value (as checkValues): a
// key that fromKey accepts passes it, as its values are strings,
// binaries and numbers that parsed. Cost: one map lookup per key
// attribute, plus the table's lookup.
func (db *DB) lookupKey(name string, key Item) (keyLookup, error) {
	l := keyLookup{t: db.lookup(name)}
	if l.t != nil {
		if l.k, l.err = l.t.schema.fromKey(key); l.err == nil {
			return l, nil
		}
	}
	return l, checkValues(key)
}

// get returns the table and key, or ResourceNotFoundException when there
// is no such table, or the key's error against the schema.
func (l keyLookup) get() (*table, tableKey, error) {
	if l.t == nil {
		return nil, tableKey{}, errTableNotFound()
	}
	return l.t, l.k, l.err
}
