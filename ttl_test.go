package ddbsim

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// ttlStart is where the tests' clocks stand at first.
var ttlStart = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// newTTLDB returns newTestDB's tables on a DB whose clock stands at
// ttlStart until the returned function moves it by d.
func newTTLDB(t testing.TB, opts Options) (*DB, func(d time.Duration)) {
	t.Helper()
	var now atomic.Int64
	now.Store(ttlStart.UnixNano())
	opts.Clock = ClockFunc(func() time.Time { return time.Unix(0, now.Load()).UTC() })
	db := New(&opts)
	t.Cleanup(func() { db.Close() })
	for _, in := range []CreateTableInput{
		{TableName: "users", KeySchema: []KeySchemaElement{{AttributeName: "id", KeyType: KeyTypeHash}},
			AttributeDefinitions: []AttributeDefinition{{AttributeName: "id", AttributeType: ScalarAttributeTypeS}}, BillingMode: BillingModePayPerRequest},
		{TableName: "events", KeySchema: []KeySchemaElement{{AttributeName: "pk", KeyType: KeyTypeHash}, {AttributeName: "sk", KeyType: KeyTypeRange}},
			AttributeDefinitions: []AttributeDefinition{{AttributeName: "pk", AttributeType: ScalarAttributeTypeS}, {AttributeName: "sk", AttributeType: ScalarAttributeTypeN}},
			BillingMode:          BillingModePayPerRequest},
	} {
		_, err := db.CreateTable(context.Background(), in)
		require.NoError(t, err)
	}
	return db, func(d time.Duration) { now.Add(int64(d)) }
}

func enableTTL(t testing.TB, db *DB, table, attr string) {
	t.Helper()
	_, err := db.UpdateTimeToLive(context.Background(), UpdateTimeToLiveInput{TableName: table,
		TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: attr, Enabled: true}})
	require.NoError(t, err)
}

func describeTTL(t testing.TB, db *DB, table string) TimeToLiveDescription {
	t.Helper()
	out, err := db.DescribeTimeToLive(context.Background(), DescribeTimeToLiveInput{TableName: table})
	require.NoError(t, err)
	return *out.TimeToLiveDescription
}

// epoch is the TTL attribute value of a time.
func epoch(at time.Time) Value { return Int(at.Unix()) }

func TestUpdateTimeToLive_EnableThenDisable(t *testing.T) {
	db, advance := newTTLDB(t, Options{})
	ctx := context.Background()
	assert.Equal(t, TimeToLiveDescription{TimeToLiveStatus: TimeToLiveStatusDisabled}, describeTTL(t, db, "users"))

	out, err := db.UpdateTimeToLive(ctx, UpdateTimeToLiveInput{TableName: "users",
		TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "expires", Enabled: true}})
	require.NoError(t, err)
	assert.Equal(t, &TimeToLiveSpecification{AttributeName: "expires", Enabled: true}, out.TimeToLiveSpecification)
	assert.Equal(t, TimeToLiveDescription{AttributeName: "expires", TimeToLiveStatus: TimeToLiveStatusEnabled}, describeTTL(t, db, "users"))
	assert.Equal(t, TimeToLiveDescription{TimeToLiveStatus: TimeToLiveStatusDisabled}, describeTTL(t, db, "events"), "one table's TTL only")

	advance(time.Hour)
	out, err = db.UpdateTimeToLive(ctx, UpdateTimeToLiveInput{TableName: db.Table("users").Name(),
		TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "expires"}})
	require.NoError(t, err)
	assert.Equal(t, &TimeToLiveSpecification{AttributeName: "expires"}, out.TimeToLiveSpecification)
	assert.Equal(t, TimeToLiveDescription{TimeToLiveStatus: TimeToLiveStatusDisabled}, describeTTL(t, db, "users"),
		"a disabled TTL names no attribute, as DynamoDB answers")
}

func TestUpdateTimeToLive_BadInputChangesNothing(t *testing.T) {
	long := strings.Repeat("a", 256)
	cases := []struct {
		name     string
		table    string
		spec     *TimeToLiveSpecification
		code     string
		msg      string
		describe TimeToLiveDescription // users' TTL after the call
	}{
		{"no specification", "users", nil, CodeValidation,
			"1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null", enabledOn("exp")},
		{"no attribute", "users", &TimeToLiveSpecification{Enabled: true}, CodeValidation,
			"1 validation error detected: Value null at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be null", enabledOn("exp")},
		{"attribute too long", "users", &TimeToLiveSpecification{AttributeName: long, Enabled: true}, CodeValidation,
			"1 validation error detected: Value '" + long + "' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255", enabledOn("exp")},
		{"bad table name and no specification", "x", nil, CodeValidation,
			"2 validation errors detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; " +
				"Value null at 'timeToLiveSpecification' failed to satisfy constraint: Member must not be null", enabledOn("exp")},
		{"missing table", "nope", &TimeToLiveSpecification{AttributeName: "exp", Enabled: true}, CodeResourceNotFound,
			"Requested resource not found: Table: nope not found", enabledOn("exp")},
		{"already enabled", "users", &TimeToLiveSpecification{AttributeName: "exp", Enabled: true}, CodeValidation,
			"TimeToLive is already enabled", enabledOn("exp")},
		{"enabled on another attribute", "users", &TimeToLiveSpecification{AttributeName: "expires", Enabled: true}, CodeValidation,
			"TimeToLive is active on a different AttributeName: current AttributeName is exp", enabledOn("exp")},
		{"disabling another attribute", "users", &TimeToLiveSpecification{AttributeName: "expires"}, CodeValidation,
			"TimeToLive is active on a different AttributeName: current AttributeName is exp", enabledOn("exp")},
		{"changed again within the hour", "users", &TimeToLiveSpecification{AttributeName: "exp"}, CodeValidation,
			"Time to live has been modified multiple times within a fixed interval", enabledOn("exp")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db, _ := newTTLDB(t, Options{})
			enableTTL(t, db, "users", "exp")
			_, err := db.UpdateTimeToLive(context.Background(), UpdateTimeToLiveInput{TableName: c.table, TimeToLiveSpecification: c.spec})
			requireAWSError(t, err, c.code, c.msg)
			assert.Equal(t, c.describe, describeTTL(t, db, "users"))
		})
	}

	t.Run("already disabled", func(t *testing.T) {
		db, _ := newTTLDB(t, Options{})
		_, err := db.UpdateTimeToLive(context.Background(), UpdateTimeToLiveInput{TableName: "users",
			TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "exp"}})
		requireAWSError(t, err, CodeValidation, "TimeToLive is already disabled")
		assert.Equal(t, TimeToLiveDescription{TimeToLiveStatus: TimeToLiveStatusDisabled}, describeTTL(t, db, "users"))
	})
	t.Run("missing table to describe", func(t *testing.T) {
		db, _ := newTTLDB(t, Options{})
		_, err := db.DescribeTimeToLive(context.Background(), DescribeTimeToLiveInput{TableName: "nope"})
		requireAWSError(t, err, CodeResourceNotFound, "Requested resource not found: Table: nope not found")
	})
}

func enabledOn(attr string) TimeToLiveDescription {
	return TimeToLiveDescription{AttributeName: attr, TimeToLiveStatus: TimeToLiveStatusEnabled}
}

// The hour between changes is measured on the DB's clock, from the last
// change that was made; a refused call does not restart it.
func TestUpdateTimeToLive_ChangeInterval(t *testing.T) {
	ctx := context.Background()
	disable := UpdateTimeToLiveInput{TableName: "users", TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "exp"}}

	db, advance := newTTLDB(t, Options{})
	enableTTL(t, db, "users", "exp")
	advance(59 * time.Minute)
	_, err := db.UpdateTimeToLive(ctx, disable)
	requireAWSError(t, err, CodeValidation, msgTTLTooOften)
	advance(time.Minute)
	_, err = db.UpdateTimeToLive(ctx, disable)
	require.NoError(t, err, "an hour after the change")
	_, err = db.UpdateTimeToLive(ctx, UpdateTimeToLiveInput{TableName: "users", TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "exp", Enabled: true}})
	requireAWSError(t, err, CodeValidation, msgTTLTooOften)

	t.Run("other tables have their own", func(t *testing.T) {
		enableTTL(t, db, "events", "exp")
	})
	t.Run("set", func(t *testing.T) {
		db, advance := newTTLDB(t, Options{TTLChangeInterval: time.Minute})
		enableTTL(t, db, "users", "exp")
		advance(time.Minute)
		_, err := db.UpdateTimeToLive(ctx, disable)
		require.NoError(t, err)
	})
	t.Run("off", func(t *testing.T) {
		db, _ := newTTLDB(t, Options{TTLChangeInterval: -1})
		for range 3 {
			enableTTL(t, db, "users", "exp")
			_, err := db.UpdateTimeToLive(ctx, disable)
			require.NoError(t, err)
		}
		enableTTL(t, db, "users", "other")
		assert.Equal(t, enabledOn("other"), describeTTL(t, db, "users"))
	})
}

func TestExpireTTL_DeletesOnlyExpiredNumbersOfEpochSeconds(t *testing.T) {
	db, advance := newTTLDB(t, Options{})
	ctx := context.Background()
	users := db.Table("users")
	now := ttlStart
	items := map[string]Value{ // id -> ttl
		"past":          epoch(now.Add(-time.Hour)),
		"now":           epoch(now),
		"fraction-past": N(strconv.FormatInt(now.Unix()-1, 10) + ".5"),
		"five-years":    epoch(now.AddDate(-5, 0, 0)),
		"future":        epoch(now.Add(time.Second)),
		"fraction-now":  N(strconv.FormatInt(now.Unix(), 10) + ".25"),
		"millis":        Int(now.Add(-time.Hour).UnixMilli()),
		"too-old":       epoch(now.AddDate(-5, 0, 0).Add(-time.Second)),
		"string":        S(strconv.FormatInt(now.Add(-time.Hour).Unix(), 10)),
		"negative":      Int(-1),
		"zero":          Int(0),
		"huge":          N("1" + strings.Repeat("0", 30)),
		"set":           NS(strconv.FormatInt(now.Add(-time.Hour).Unix(), 10)),
		"nested":        M(map[string]Value{"exp": epoch(now.Add(-time.Hour))}),
	}
	for id, ttl := range items {
		_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S(id), "exp": ttl}})
		require.NoError(t, err)
	}
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("no-attribute"), "other": epoch(now.Add(-time.Hour))}})
	require.NoError(t, err)

	assert.Zero(t, db.ExpireTTL(), "TTL is off")
	enableTTL(t, db, "users", "exp")

	// Until the sweep, an expired item is read and updated as any other.
	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("past")}, ConsistentRead: true})
	require.NoError(t, err)
	require.NotNil(t, got.Item)
	_, err = users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("past")}, UpdateExpression: "SET seen = :t",
		ExpressionAttributeValues: map[string]Value{":t": Bool(true)}})
	require.NoError(t, err)

	assert.Equal(t, 4, db.ExpireTTL(), "past, now, fraction-past and five-years (exactly five years is not more)")
	assert.ElementsMatch(t, []string{"future", "fraction-now", "millis", "too-old", "string", "negative", "zero", "huge",
		"set", "nested", "no-attribute"}, ids(tableItems(t, db, "users")))
	assert.Zero(t, db.ExpireTTL(), "nothing more has expired")

	advance(time.Second) // "future" and "fraction-now" now
	assert.Equal(t, 2, db.ExpireTTL())
	assert.ElementsMatch(t, []string{"millis", "too-old", "string", "negative", "zero", "huge", "set", "nested", "no-attribute"},
		ids(tableItems(t, db, "users")))
}

// ids returns the id attribute of each item.
func ids(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it["id"].S())
	}
	return out
}

// recorder is a log reader that keeps the records it is handed.
type recorder struct{ recs []record }

func (r *recorder) appended(rec record) { r.recs = append(r.recs, rec) }

func TestExpireTTL_DeletionsAreTheServicesCommits(t *testing.T) {
	db, _ := newTTLDB(t, Options{})
	ctx := context.Background()
	enableTTL(t, db, "events", "expires")
	for i := range 3 {
		_, err := db.PutItem(ctx, PutItemInput{TableName: "events", Item: Item{"pk": S("a"), "sk": Int(int64(i)), "expires": epoch(ttlStart)}})
		require.NoError(t, err)
	}
	tb := db.lookup("events")
	rec := &recorder{}
	tb.writeMu.Lock()
	tb.readers = append(tb.readers, rec)
	tb.writeMu.Unlock()
	_, err := db.DeleteItem(ctx, DeleteItemInput{TableName: "events", Key: Item{"pk": S("a"), "sk": Int(0)}})
	require.NoError(t, err)

	assert.Equal(t, 2, db.ExpireTTL())
	require.Len(t, rec.recs, 3)
	assert.Equal(t, originUser, rec.recs[0].origin, "the user's DeleteItem")
	for _, r := range rec.recs[1:] {
		assert.Equal(t, originTTL, r.origin)
		assert.True(t, r.hadBefore)
		assert.False(t, r.hasAfter)
		assert.Equal(t, recordItem, r.kind)
	}
	assert.Less(t, rec.recs[1].seq, rec.recs[2].seq)
	assert.Equal(t, int64(0), tb.items.Load())
}

// The sweep decides inside the commit: an item that the expiry index
// showed as expired, but which was extended, stripped of its attribute,
// retyped or deleted before the commit, or whose table's TTL went off,
// stays as it is.
func TestExpireTTL_RechecksInsideTheCommit(t *testing.T) {
	past := epoch(ttlStart.Add(-time.Minute))
	changes := map[string]func(t *testing.T, db *DB){
		"extended":  updateTTLAttr("SET exp = :v", epoch(ttlStart.Add(time.Hour))),
		"removed":   updateTTLAttr("REMOVE exp", Value{}),
		"retyped":   updateTTLAttr("SET exp = :v", S("0")),
		"too old":   updateTTLAttr("SET exp = :v", epoch(ttlStart.AddDate(-6, 0, 0))),
		"recreated": updateTTLAttr("SET exp = :v", epoch(ttlStart.Add(time.Minute))),
		"deleted": func(t *testing.T, db *DB) {
			_, err := db.DeleteItem(context.Background(), DeleteItemInput{TableName: "users", Key: Item{"id": S("a")}})
			require.NoError(t, err)
		},
		"TTL disabled": func(t *testing.T, db *DB) {
			_, err := db.UpdateTimeToLive(context.Background(), UpdateTimeToLiveInput{TableName: "users",
				TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "exp"}})
			require.NoError(t, err)
		},
	}
	for name, change := range changes {
		t.Run(name, func(t *testing.T) {
			db, _ := newTTLDB(t, Options{TTLChangeInterval: -1})
			enableTTL(t, db, "users", "exp")
			_, err := db.PutItem(context.Background(), PutItemInput{TableName: "users", Item: Item{"id": S("a"), "exp": past}})
			require.NoError(t, err)
			tb := db.lookup("users")
			keys, _, ok := tb.expiredKeys(nil, nil)
			require.True(t, ok)
			require.Len(t, keys, 1)

			change(t, db)
			before := tableItems(t, db, "users")
			assert.Zero(t, tb.deleteExpired(keys, &sweepScratch{}))
			assert.Equal(t, before, tableItems(t, db, "users"))
		})
	}
	t.Run("unchanged", func(t *testing.T) {
		db, _ := newTTLDB(t, Options{})
		enableTTL(t, db, "users", "exp")
		_, err := db.PutItem(context.Background(), PutItemInput{TableName: "users", Item: Item{"id": S("a"), "exp": past}})
		require.NoError(t, err)
		tb := db.lookup("users")
		keys, _, _ := tb.expiredKeys(nil, nil)
		assert.Equal(t, 1, tb.deleteExpired(keys, &sweepScratch{}))
		assert.Empty(t, tableItems(t, db, "users"))
	})
}

// updateTTLAttr returns a change of item "a" by an UpdateExpression whose
// value, if any, is :v.
func updateTTLAttr(expr string, v Value) func(t *testing.T, db *DB) {
	return func(t *testing.T, db *DB) {
		in := UpdateItemInput{TableName: "users", Key: Item{"id": S("a")}, UpdateExpression: expr}
		if v.Type() != 0 {
			in.ExpressionAttributeValues = map[string]Value{":v": v}
		}
		_, err := db.UpdateItem(context.Background(), in)
		require.NoError(t, err)
	}
}

// A sweep racing an UpdateItem that extends the item, conditioned on its
// existence: either the sweep came first (the item is gone, the update's
// condition fails) or the update did (the item stays, extended). Never an
// extended item deleted, never a recreated one. Run with -race.
func TestExpireTTL_RacesAnExtendingUpdate(t *testing.T) {
	db, _ := newTTLDB(t, Options{})
	ctx := context.Background()
	enableTTL(t, db, "users", "exp")
	users := db.Table("users")
	later := epoch(ttlStart.Add(time.Hour))
	var swept, extended int
	for i := range 200 {
		id := S("s" + strconv.Itoa(i))
		_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": id, "exp": epoch(ttlStart)}})
		require.NoError(t, err)
		var g errgroup.Group
		var deleted int
		g.Go(func() error { deleted = db.ExpireTTL(); return nil })
		var updateErr error
		g.Go(func() error {
			_, updateErr = users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": id}, UpdateExpression: "SET exp = :later",
				ConditionExpression: "attribute_exists(id)", ExpressionAttributeValues: map[string]Value{":later": later}})
			return nil
		})
		require.NoError(t, g.Wait())
		got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": id}, ConsistentRead: true})
		require.NoError(t, err)
		if updateErr == nil {
			extended++
			assert.Zero(t, deleted, "the sweep deleted an item after its extension")
			require.NotNil(t, got.Item)
			assert.Equal(t, later, got.Item["exp"])
		} else {
			swept++
			require.True(t, errors.Is(updateErr, ErrConditionalCheckFailed), updateErr)
			assert.Equal(t, 1, deleted)
			assert.Nil(t, got.Item)
		}
	}
	t.Logf("%d swept first, %d extended first", swept, extended)
	assert.Zero(t, db.ExpireTTL(), "extended items have not expired")
}

// Sweeps of more than one commit's batch, while the index holds items in
// the future and too old: each pass deletes exactly the expired ones.
func TestExpireTTL_ManyBatches(t *testing.T) {
	db, advance := newTTLDB(t, Options{})
	ctx := context.Background()
	enableTTL(t, db, "users", "exp")
	n := 2*sweepBatch + 17
	for i := range n {
		_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S(strconv.Itoa(i)), "exp": epoch(ttlStart.Add(time.Duration(i%3) * time.Hour))}})
		require.NoError(t, err)
	}
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("old"), "exp": epoch(ttlStart.AddDate(-10, 0, 0))}})
	require.NoError(t, err)
	first := (n + 2) / 3
	assert.Equal(t, first, db.ExpireTTL())
	advance(2 * time.Hour)
	assert.Equal(t, n-first, db.ExpireTTL())
	assert.Equal(t, []string{"old"}, ids(tableItems(t, db, "users")))
}

func TestExpireTTL_EnablingIndexesTheItemsThere(t *testing.T) {
	db, _ := newTTLDB(t, Options{TTLChangeInterval: -1})
	ctx := context.Background()
	for _, id := range []string{"a", "b"} {
		_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S(id), "exp": epoch(ttlStart), "later": epoch(ttlStart.Add(time.Hour))}})
		require.NoError(t, err)
	}
	enableTTL(t, db, "users", "later")
	assert.Zero(t, db.ExpireTTL(), "exp has not expired")
	_, err := db.UpdateTimeToLive(ctx, UpdateTimeToLiveInput{TableName: "users", TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "later"}})
	require.NoError(t, err)
	enableTTL(t, db, "users", "exp")
	assert.Equal(t, 2, db.ExpireTTL())
}

func TestExpireTTL_DeletedTableAndFork(t *testing.T) {
	db, advance := newTTLDB(t, Options{})
	ctx := context.Background()
	enableTTL(t, db, "users", "exp")
	enableTTL(t, db, "events", "exp")
	for _, id := range []string{"a", "b"} {
		_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S(id), "exp": epoch(ttlStart.Add(time.Minute))}})
		require.NoError(t, err)
	}
	_, err := db.PutItem(ctx, PutItemInput{TableName: "events", Item: Item{"pk": S("a"), "sk": Int(1), "exp": epoch(ttlStart)}})
	require.NoError(t, err)

	fork := db.Fork()
	defer fork.Close()
	assert.Equal(t, enabledOn("exp"), describeTTL(t, fork, "users"), "Fork copies the setting")
	_, err = fork.UpdateTimeToLive(ctx, UpdateTimeToLiveInput{TableName: "users", TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "exp"}})
	requireAWSError(t, err, CodeValidation, msgTTLTooOften)
	_, err = db.DeleteTable(ctx, DeleteTableInput{TableName: "events"})
	require.NoError(t, err)
	assert.Zero(t, db.ExpireTTL(), "nothing in users has expired; events is gone")

	advance(time.Minute) // both DBs share the clock
	_, err = fork.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("c"), "exp": epoch(ttlStart)}})
	require.NoError(t, err)
	assert.Equal(t, 4, fork.ExpireTTL(), "the fork's own index: a, b, c and events' item")
	assert.Len(t, tableItems(t, db, "users"), 2, "the original is untouched")
	assert.Equal(t, 2, db.ExpireTTL())
}

func TestExpireTTL_ReachesTheLaggingReplica(t *testing.T) {
	db, _ := newTTLDB(t, Options{Replication: Manual})
	ctx := context.Background()
	enableTTL(t, db, "users", "exp")
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a"), "exp": epoch(ttlStart)}})
	require.NoError(t, err)
	db.Settle()
	assert.Equal(t, 1, db.ExpireTTL())
	assert.Equal(t, int64(1), db.Stats().PendingWrites, "the deletion reaches the third replica as writes do")
	db.Settle()
	for range 10 {
		got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("a")}})
		require.NoError(t, err)
		assert.Nil(t, got.Item)
	}
}

// Random writes of TTL values of every kind, on tables whose TTL is
// turned on midway and back off, with sweeps as the clock moves: after
// each step the expiry index equals one recomputed from the leader, and
// each sweep deletes exactly the items a scan finds expired.
func TestExpiryIndex_EqualsARecomputation(t *testing.T) {
	db, advance := newTTLDB(t, Options{TTLChangeInterval: -1})
	ctx := context.Background()
	tb := db.lookup("users")
	check := func() {
		tb.writeMu.Lock()
		tb.leader().mu.RLock()
		defer tb.writeMu.Unlock()
		defer tb.leader().mu.RUnlock()
		tb.checkExpiry()
	}
	rng := newSplitmix(7)
	value := func() Value {
		at := ttlStart.Add(time.Duration(rng()%7200)*time.Second - time.Hour)
		switch rng() % 6 {
		case 0:
			return S("x")
		case 1:
			return N(strconv.FormatInt(at.Unix(), 10) + ".5")
		case 2:
			return Int(at.UnixMilli())
		default:
			return epoch(at)
		}
	}
	for step := range 2000 {
		id := S(strconv.Itoa(int(rng() % 300)))
		var err error
		switch rng() % 10 {
		case 0:
			_, err = db.DeleteItem(ctx, DeleteItemInput{TableName: "users", Key: Item{"id": id}})
		case 1:
			_, err = db.UpdateItem(ctx, UpdateItemInput{TableName: "users", Key: Item{"id": id}, UpdateExpression: "REMOVE exp"})
		case 2, 3:
			_, err = db.UpdateItem(ctx, UpdateItemInput{TableName: "users", Key: Item{"id": id}, UpdateExpression: "SET exp = :v, n = :n",
				ExpressionAttributeValues: map[string]Value{":v": value(), ":n": Int(int64(step))}})
		default:
			_, err = db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": id, "exp": value(), "pad": S(strings.Repeat("p", int(rng()%20)))}})
		}
		require.NoError(t, err)
		switch step {
		case 300:
			enableTTL(t, db, "users", "exp")
		case 1500:
			_, err := db.UpdateTimeToLive(ctx, UpdateTimeToLiveInput{TableName: "users", TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "exp"}})
			require.NoError(t, err)
		case 1600:
			enableTTL(t, db, "users", "exp")
		}
		if step%100 == 99 {
			check()
			advance(5 * time.Minute)
			want := 0
			if tb.ttl.index != nil {
				now := db.Now()
				for _, it := range tableItems(t, db, "users") {
					if v := it["exp"]; v.Type() == TypeN {
						if at, ok := ttlSeconds(v.N()); ok && isExpired(at, now) {
							want++
						}
					}
				}
			}
			assert.Equal(t, want, db.ExpireTTL(), "step %d", step)
			check()
		}
	}
}

// newSplitmix returns a seeded generator of the tests' random choices.
func newSplitmix(seed uint64) func() uint64 {
	return func() uint64 { seed++; return splitmix64(seed) }
}

func TestTTLSeconds(t *testing.T) {
	cases := []struct {
		text string
		at   int64
		ok   bool
	}{
		{"0", 0, true}, {"1700000000", 1700000000, true}, {"1700000000.000001", 1700000001, true},
		{"0.5", 1, true}, {"-1", 0, false}, {"-0.5", 0, false}, {"999999999999999999", 999999999999999999, true},
		{"1000000000000000000", 0, false},
	}
	for _, c := range cases {
		at, ok := ttlSeconds(c.text)
		assert.Equal(t, c.ok, ok, c.text)
		assert.Equal(t, c.at, at, c.text)
	}
}

// Strict mode's check of the expiry index fails on an index that has
// drifted from the leader.
func TestCheckExpiry_CatchesADrift(t *testing.T) {
	db, _ := newTTLDB(t, Options{})
	enableTTL(t, db, "users", "exp")
	_, err := db.PutItem(context.Background(), PutItemInput{TableName: "users", Item: Item{"id": S("a"), "exp": epoch(ttlStart)}})
	require.NoError(t, err)
	tb := db.lookup("users")
	tb.writeMu.Lock()
	defer tb.writeMu.Unlock()
	tb.leader().mu.RLock()
	defer tb.leader().mu.RUnlock()
	require.NotPanics(t, tb.checkExpiry)
	e, _ := tb.ttl.index.tree.Min()
	e.at++
	tb.ttl.index.tree.Clear(false)
	tb.ttl.index.tree.ReplaceOrInsert(e)
	assert.Panics(t, tb.checkExpiry, "an entry with the wrong time")
	tb.ttl.index.tree.Clear(false)
	assert.Panics(t, tb.checkExpiry, "an entry missing")
	e.at--
	tb.ttl.index.tree.ReplaceOrInsert(e) // as it was, for Close's check
}

// A TTL deletion leaves the table's indexes as any deletion does: the
// item is gone from its LSI at once (read consistently) and from its GSI
// once propagated.
func TestExpireTTL_IndexesFollow(t *testing.T) {
	for _, mode := range []Replication{Sync, Manual} {
		t.Run([]string{"Sync", "Async", "Manual"}[mode], func(t *testing.T) {
			db, _ := newTTLDB(t, Options{Replication: mode})
			ctx := context.Background()
			_, err := db.CreateTable(ctx, indexedTable())
			require.NoError(t, err)
			enableTTL(t, db, "indexed", "exp")
			for i, exp := range []time.Time{ttlStart, ttlStart.Add(time.Hour)} {
				_, err := db.PutItem(ctx, PutItemInput{TableName: "indexed", Item: Item{"pk": S("p"), "sk": S(strconv.Itoa(i)),
					"g": Int(7), "l": B([]byte{byte(i)}), "exp": epoch(exp)}})
				require.NoError(t, err)
			}
			db.Settle()
			assert.Equal(t, 1, db.ExpireTTL())
			query := func(index, cond string, values map[string]Value) []string {
				out, err := db.Query(ctx, QueryInput{TableName: "indexed", IndexName: index, KeyConditionExpression: cond,
					ExpressionAttributeValues: values, ConsistentRead: index == "byL"})
				require.NoError(t, err)
				var sks []string
				for _, it := range out.Items {
					sks = append(sks, it["sk"].S())
				}
				return sks
			}
			assert.Equal(t, []string{"1"}, query("byL", "pk = :p", map[string]Value{":p": S("p")}))
			db.Settle()
			assert.Equal(t, []string{"1"}, query("byG", "g = :g", map[string]Value{":g": Int(7)}))
		})
	}
}

func TestTTL_TransientStatusesUnderTheHold(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	db := New(&Options{Clock: ClockFunc(func() time.Time { return now }), TransientStatuses: time.Minute, TTLChangeInterval: -1})
	ctx := context.Background()
	_, err := db.CreateTable(ctx, hashKeyTable("kvs"))
	require.NoError(t, err)
	now = now.Add(time.Hour) // the table is ACTIVE
	status := func() (string, TimeToLiveStatus) {
		out, err := db.DescribeTimeToLive(ctx, DescribeTimeToLiveInput{TableName: "kvs"})
		require.NoError(t, err)
		return out.TimeToLiveDescription.AttributeName, out.TimeToLiveDescription.TimeToLiveStatus
	}
	_, err = db.UpdateTimeToLive(ctx, UpdateTimeToLiveInput{TableName: "kvs", TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "exp", Enabled: true}})
	require.NoError(t, err)
	attr, st := status()
	assert.Equal(t, "exp", attr)
	assert.Equal(t, TimeToLiveStatusEnabling, st)
	now = now.Add(time.Minute)
	_, st = status()
	assert.Equal(t, TimeToLiveStatusEnabled, st)

	_, err = db.UpdateTimeToLive(ctx, UpdateTimeToLiveInput{TableName: "kvs", TimeToLiveSpecification: &TimeToLiveSpecification{AttributeName: "exp", Enabled: false}})
	require.NoError(t, err)
	attr, st = status()
	assert.Equal(t, "exp", attr)
	assert.Equal(t, TimeToLiveStatusDisabling, st)
	now = now.Add(time.Minute)
	attr, st = status()
	assert.Equal(t, "", attr)
	assert.Equal(t, TimeToLiveStatusDisabled, st)
}
