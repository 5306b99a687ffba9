package ddbsim

import (
	"slices"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// checkIndexKeys checks the index key attributes of an item, decoded
// into vals (the slots of m.stored), against m's indexes, with
// DynamoDB's messages: each of its index's type and not an empty S or B.
// An item may lack them (it is then not in that index). Every write path
// checks the item it would store: PutItem's and BatchWriteItem's before
// anything is written, UpdateItem's on the item the update produces.
func (m *tableMeta) checkIndexKeys(vals []Value) error {
	for i, ix := range m.indexes {
		for j, a := range ix.keyAttrs() {
			v := vals[m.slots[i].keys[j]]
			switch {
			case v.t == 0:
			case v.t != a.typ:
				return validationError("One or more parameter values were invalid: Type mismatch for Index Key " + a.name +
					" Expected: " + a.typ.String() + " Actual: " + v.Type().String() + " IndexName: " + ix.name)
			case v.t != TypeN && v.s == "":
				kind := "string"
				if v.t == TypeB {
					kind = "binary"
				}
				return validationError("One or more parameter values are not valid. A value specified for a secondary index key is not supported. " +
					"The AttributeValue for a key attribute cannot contain an empty " + kind + " value. IndexName: " + ix.name + ", IndexKey: " + a.name)
			}
		}
	}
	return nil
}

// checkItemIndexKeys is checkIndexKeys on an Item, under the table's
// indexes now. Cost: a map lookup for each attribute an index stores.
func (t *table) checkItemIndexKeys(it Item) error {
	m := t.meta()
	if m.stored == nil {
		return nil
	}
	var buf [layoutScan]Value
	return m.checkIndexKeys(m.stored.lookup(slotsBuf(buf[:0], m.stored), it))
}

// checkEntryIndexKeys is checkIndexKeys on a stored (or about to be
// stored) entry. Cost: decoding the attributes the indexes store.
func (t *table) checkEntryIndexKeys(e entry) error {
	m := t.meta()
	if m.stored == nil {
		return nil
	}
	var buf [layoutScan]Value
	vals := slotsBuf(buf[:0], m.stored)
	if err := m.stored.decode(vals, e.enc()); err != nil {
		return err
	}
	return m.checkIndexKeys(vals)
}

// indexKeyNames returns the key attributes of every index of the table.
func (t *table) indexKeyNames() []string {
	var names []string
	for _, ix := range t.indexes() {
		names = append(names, ix.keyNames()...)
	}
	return names
}

// checkIndexKeyPaths rejects an update of a nested path inside an index
// key attribute ("g.x", "g[0]"): an index key is a scalar.
func (u updater) checkIndexKeyPaths(t *table) error {
	if len(t.indexes()) == 0 {
		return nil
	}
	keys := t.indexKeyNames()
	var err error
	u.eachPath(func(p *expr.PathNode) {
		if name := u.env.name(p.Elems[0]); err == nil && len(p.Elems) > 1 && slices.Contains(keys, name) {
			err = validationError("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: " + name)
		}
	})
	return err
}
