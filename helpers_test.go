package ddbsim

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// newTestDB returns a DB holding "users" (partition key id, S) and
// "events" (partition key pk, S; sort key sk, N), both on demand.
func newTestDB(t testing.TB) *DB {
	t.Helper()
	return newTestDBWith(t, nil)
}

// newTestDBWith is newTestDB with the given options.
func newTestDBWith(t testing.TB, opts *Options) *DB {
	t.Helper()
	db := New(opts)
	ctx := context.Background()
	_, err := db.CreateTable(ctx, CreateTableInput{
		TableName:            "users",
		KeySchema:            []KeySchemaElement{{AttributeName: "id", KeyType: KeyTypeHash}},
		AttributeDefinitions: []AttributeDefinition{{AttributeName: "id", AttributeType: ScalarAttributeTypeS}},
		BillingMode:          BillingModePayPerRequest,
	})
	require.NoError(t, err)
	_, err = db.CreateTable(ctx, CreateTableInput{
		TableName: "events",
		KeySchema: []KeySchemaElement{{AttributeName: "pk", KeyType: KeyTypeHash}, {AttributeName: "sk", KeyType: KeyTypeRange}},
		AttributeDefinitions: []AttributeDefinition{
			{AttributeName: "pk", AttributeType: ScalarAttributeTypeS},
			{AttributeName: "sk", AttributeType: ScalarAttributeTypeN},
		},
		BillingMode: BillingModePayPerRequest,
	})
	require.NoError(t, err)
	return db
}

// requireAWSError asserts that err is an *Error with the given code and
// exact message.
func requireAWSError(t testing.TB, err error, code, msg string) {
	t.Helper()
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, code, e.Code)
	assert.Equal(t, msg, e.Message)
}

// tableItems returns every item of a table, read from the leader.
func tableItems(t testing.TB, db *DB, name string) []Item {
	t.Helper()
	tb := db.lookup(name)
	require.NotNil(t, tb)
	var out []Item
	tb.leader().mu.RLock()
	defer tb.leader().mu.RUnlock()
	tb.leader().tree.Ascend(func(e entry) bool {
		it, err := decodeItem(e.enc())
		require.NoError(t, err)
		out = append(out, it)
		return true
	})
	return out
}

// encodeString is encodeItem with the encoding as a string, as entries
// and the decoders hold it.
func encodeString(it Item) (string, int, error) {
	enc, size, err := encodeItem(it)
	return string(enc), size, err
}
