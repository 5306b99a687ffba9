package ddbsim

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim/internal/strict"
)

func TestMain(m *testing.M) { strict.Main(m) }

// The strict checks must be able to fail: each case breaks one invariant
// behind the DB's back and expects the panic.
func TestStrictMode_PanicsOnABrokenInvariant(t *testing.T) {
	bogus := func(tb *table, id string) entry {
		k, err := tb.schema.fromItem(Item{"id": S(id)})
		require.NoError(t, err)
		enc, size, err := encodeItem(Item{"id": S(id), "v": S("bogus")})
		require.NoError(t, err)
		return newEntry(k, enc, size)
	}
	t.Run("follower differs at Settle", func(t *testing.T) {
		db := newReplicatedDB(t, Async, 1)
		putValue(t, db, "a", "v")
		tb := db.lookup("kvs")
		tb.follower.replica.put(bogus(tb, "zz"))
		assert.PanicsWithValue(t, "ddbsim: strict mode: table kvs ("+tb.id+"): the follower with its 0 pending records applied differs from the leader", db.Settle)
	})
	t.Run("pending follower differs at Close", func(t *testing.T) {
		db := newReplicatedDB(t, Manual, 1)
		putValue(t, db, "a", "v")
		tb := db.lookup("kvs")
		tb.follower.replica.put(bogus(tb, "zz"))
		assert.Panics(t, func() { db.Close() })
	})
	t.Run("item count", func(t *testing.T) {
		db := newReplicatedDB(t, Sync, 1)
		putValue(t, db, "a", "v")
		db.lookup("kvs").items.Add(1)
		assert.Panics(t, func() { db.Close() })
	})
	t.Run("settled follower differs after a commit", func(t *testing.T) {
		db := newReplicatedDB(t, Manual, 1)
		putValue(t, db, "a", "v")
		db.Settle()
		tb := db.lookup("kvs")
		tb.follower.replica.put(bogus(tb, "b"))
		assert.Panics(t, func() { // a delete of nothing: the follower stays settled
			db.DeleteItem(context.Background(), DeleteItemInput{TableName: "kvs", Key: Item{"id": S("b")}})
		})
	})
	t.Run("dues out of step with the log", func(t *testing.T) {
		db := newReplicatedDB(t, Manual, 1)
		tb := db.lookup("kvs")
		tb.follower.dues = append(tb.follower.dues, due{})
		assert.Panics(t, func() { putValue(t, db, "a", "v") })
	})
}
