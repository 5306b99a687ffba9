package ddbsim

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func userKey(id string) Item { return Item{"id": S(id)} }

func eventKey(pk string, sk int) Item { return Item{"pk": S(pk), "sk": Int(int64(sk))} }

func TestBatchGetItem_ManyTables_FoundItemsInKeyOrder(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	putAll(t, db, "users", Item{"id": S("u1"), "name": S("Ada")}, Item{"id": S("u2"), "name": S("Alan")})
	out, err := db.BatchGetItem(context.Background(), BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
		"events": {Keys: []Item{eventKey("a", 7), eventKey("zz", 1), eventKey("b", 2), eventKey("a", 1)}, ConsistentRead: true},
		"users":  {Keys: []Item{userKey("u2"), userKey("nobody")}},
	}})
	require.NoError(t, err)
	require.Len(t, out.Responses, 2)
	assert.Equal(t, []string{"7", "2", "1"}, texts(out.Responses["events"], "sk"), "missing items are left out")
	assert.Equal(t, []string{"Alan"}, texts(out.Responses["users"], "name"))
	assert.NotNil(t, out.UnprocessedKeys)
	assert.Empty(t, out.UnprocessedKeys)
	assert.Nil(t, out.ConsumedCapacity)
}

func TestBatchGetItem_TableWhoseKeysAllMiss_EmptyList(t *testing.T) {
	db := newTestDB(t)
	out, err := db.BatchGetItem(context.Background(), BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
		"users": {Keys: []Item{userKey("x"), userKey("y")}},
	}})
	require.NoError(t, err)
	require.Contains(t, out.Responses, "users")
	assert.NotNil(t, out.Responses["users"])
	assert.Empty(t, out.Responses["users"])
}

func TestBatchGetItem_ProjectionPerTable(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	putAll(t, db, "users", Item{"id": S("u1"), "name": S("Ada"), "age": N("36")})
	out, err := db.BatchGetItem(context.Background(), BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
		"events": {Keys: []Item{eventKey("a", 3)}, ProjectionExpression: "#v, nothing", ExpressionAttributeNames: map[string]string{"#v": "v"}},
		"users":  {Keys: []Item{userKey("u1")}},
	}})
	require.NoError(t, err)
	require.Len(t, out.Responses["events"], 1)
	assert.True(t, out.Responses["events"][0].Equal(Item{"v": N("30")}))
	assert.True(t, out.Responses["users"][0].Equal(Item{"id": S("u1"), "name": S("Ada"), "age": N("36")}))

	out, err = db.BatchGetItem(context.Background(), BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
		"users": {Keys: []Item{userKey("u1")}, AttributesToGet: []string{"age", "zzz"}},
	}})
	require.NoError(t, err)
	assert.True(t, out.Responses["users"][0].Equal(Item{"age": N("36")}))
}

func TestBatchGetItem_NumericSpellingsOfOneKey_ReturnedOnce(t *testing.T) {
	db := newTestDB(t)
	putAll(t, db, "events", Item{"pk": S("a"), "sk": N("1000"), "v": S("x")})
	out, err := db.BatchGetItem(context.Background(), BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
		"events": {Keys: []Item{{"pk": S("a"), "sk": N("1000")}, {"pk": S("a"), "sk": N("1e3")}, {"pk": S("a"), "sk": N("1000.0")}}},
	}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
	require.NoError(t, err, "different spellings are not duplicates")
	require.Len(t, out.Responses["events"], 1, "the item is returned once")
	assert.Equal(t, 0.5, out.ConsumedCapacity[0].CapacityUnits)
}

func TestBatchGetItem_Rejections_AWSMessages(t *testing.T) {
	db := newTestDB(t)
	keys := func(n int) []Item {
		out := make([]Item, n)
		for i := range out {
			out[i] = userKey(strconv.Itoa(i))
		}
		return out
	}
	for _, tc := range []struct {
		name string
		in   BatchGetItemInput
		code string
		msg  string
	}{
		{"nil RequestItems", BatchGetItemInput{ReturnConsumedCapacity: "hi"}, CodeValidation,
			"2 validation errors detected: Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; " +
				"Value null at 'requestItems' failed to satisfy constraint: Member must not be null"},
		{"empty RequestItems", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{}}, CodeValidation,
			"1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"no keys", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {}}}, CodeValidation,
			"1 validation error detected: Value null at 'requestItems.users.member.keys' failed to satisfy constraint: Member must not be null"},
		{"empty keys", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: []Item{}}}}, CodeValidation,
			"1 validation error detected: Value '[]' at 'requestItems.users.member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"101 keys in a table", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys(101)}}}, CodeValidation,
			"1 validation error detected: Value '" + keysEcho(keys(101)) + "' at 'requestItems.users.member.keys' failed to satisfy constraint: " +
				"Member must have length less than or equal to 100"},
		{"empty AttributesToGet", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys(1), AttributesToGet: []string{}}}}, CodeValidation,
			"1 validation error detected: Value '[]' at 'requestItems.users.member.attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"bad table name", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"a;": {Keys: keys(1)}}}, CodeValidation,
			"1 validation error detected: Value '{a;=" + javaObject("KeysAndAttributes", keysEcho(keys(1))) + "}' at 'requestItems' failed to satisfy constraint: " +
				"Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, " +
				"Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]"},
		{"101 keys over two tables", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys(100)},
			"events": {Keys: []Item{eventKey("a", 1)}}}}, CodeValidation, "Too many items requested for the BatchGetItem call"},
		{"duplicate keys", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: []Item{userKey("a"), userKey("b"), userKey("a")}}}},
			CodeValidation, "Provided list of item keys contains duplicates"},
		{"duplicate keys, attributes in another order", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"events": {Keys: []Item{
			{"pk": S("a"), "sk": N("1")}, {"sk": N("1"), "pk": S("a")}}}}}, CodeValidation, "Provided list of item keys contains duplicates"},
		{"duplicate AttributesToGet", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys(1), AttributesToGet: []string{"a", "a"}}}},
			CodeValidation, "One or more parameter values were invalid: Duplicate value in attribute name: a"},
		{"projection and AttributesToGet in two tables", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
			"users": {Keys: keys(1), AttributesToGet: []string{"a"}}, "events": {Keys: []Item{eventKey("a", 1)}, ProjectionExpression: "v"}}}, CodeValidation,
			"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"},
		{"names without a projection", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys(1), ExpressionAttributeNames: map[string]string{"#a": "a"}}}},
			CodeValidation, "ExpressionAttributeNames can only be specified when using expressions"},
		{"unused name", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys(1), ProjectionExpression: "a",
			ExpressionAttributeNames: map[string]string{"#a": "a"}}}}, CodeValidation, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}"},
		{"projection syntax", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys(1), ProjectionExpression: "a,"}}},
			CodeValidation, `Invalid ProjectionExpression: Syntax error; token: "<EOF>", near: ","`},
		{"bad key value", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: []Item{{"id": N("x")}}}}},
			CodeValidation, "The parameter cannot be converted to a numeric value: x"},
		{"missing table, before key schemas", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
			"users": {Keys: []Item{{"wrong": S("a")}}}, "zzz": {Keys: keys(1)}}}, CodeResourceNotFound, "Requested resource not found"},
		{"key not the schema", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: []Item{{"id": S("a"), "x": S("b")}}}}},
			CodeValidation, "The provided key element does not match the schema"},
		{"key of the wrong type", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: []Item{{"id": N("1")}}}}},
			CodeValidation, "The provided key element does not match the schema"},
		{"missing sort key", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"events": {Keys: []Item{{"pk": S("a")}}}}},
			CodeValidation, "The provided key element does not match the schema"},
		{"key too long", BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: []Item{userKey(strings.Repeat("k", 2049))}}}},
			CodeValidation, msgHashKeyTooLong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.BatchGetItem(context.Background(), tc.in)
			requireAWSError(t, err, tc.code, tc.msg)
		})
	}
}

func TestBatchGetItem_ExactlyOneHundredKeys_Allowed(t *testing.T) {
	db := newTestDB(t)
	keys := make([]Item, 100)
	for i := range keys {
		keys[i] = userKey(strconv.Itoa(i))
		putAll(t, db, "users", keys[i])
	}
	out, err := db.BatchGetItem(context.Background(), BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: keys}}})
	require.NoError(t, err)
	assert.Len(t, out.Responses["users"], 100)
}

func TestBatchGetItem_ConsumedCapacity_OneEntryPerTable(t *testing.T) {
	db := newTestDB(t)
	putAll(t, db, "users", bigItemUser(t, "big", 5000), Item{"id": S("small")})
	putAll(t, db, "events", Item{"pk": S("a"), "sk": N("1")})
	in := BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
		"users":  {Keys: []Item{userKey("big"), userKey("small"), userKey("missing")}},
		"events": {Keys: []Item{eventKey("a", 1)}, ConsistentRead: true},
	}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal}
	out, err := db.BatchGetItem(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, []ConsumedCapacity{{TableName: "events", CapacityUnits: 1}, {TableName: "users", CapacityUnits: 2}}, out.ConsumedCapacity,
		"users: 2 units halved, then 0.5 and 0.5 for the small item and the miss")
	in.ReturnConsumedCapacity = ReturnConsumedCapacityIndexes
	out, err = db.BatchGetItem(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, &Capacity{CapacityUnits: 2}, out.ConsumedCapacity[1].Table)
}

func bigItemUser(t testing.TB, id string, size int) Item {
	it := Item{"id": S(id), "filler": S("")}
	base, err := it.Size()
	require.NoError(t, err)
	it["filler"] = S(strings.Repeat("x", size-base))
	return it
}

// batchGetAll resends UnprocessedKeys until none are left, and returns
// every item found per table and the number of calls.
func batchGetAll(t *testing.T, db *DB, req map[string]KeysAndAttributes) (map[string][]Item, int) {
	t.Helper()
	got := map[string][]Item{}
	calls := 0
	for len(req) > 0 {
		calls++
		require.Less(t, calls, 1000)
		out, err := db.BatchGetItem(context.Background(), BatchGetItemInput{RequestItems: req})
		require.NoError(t, err)
		total := 0
		for name, items := range out.Responses {
			got[name] = append(got[name], items...)
			total += len(items)
		}
		assert.Positive(t, total, "every call returns at least one item")
		for name, ka := range out.UnprocessedKeys {
			assert.Equal(t, req[name].ProjectionExpression, ka.ProjectionExpression, "the table's settings come back with its keys")
			assert.Equal(t, req[name].ConsistentRead, ka.ConsistentRead)
		}
		req = out.UnprocessedKeys
	}
	return got, calls
}

func TestBatchGetItem_ResponseCap_ClientLoopGetsEveryItemOnce(t *testing.T) {
	for _, tc := range []struct {
		name     string
		maxBytes int
		calls    int
	}{
		// 30 items of 100,000 bytes: 10 fit in 1 MB (1,000,000 <=
		// 1,048,576 < 1,100,000).
		{"1 MB", 0, 3},
		// A cap below any item: one item a call.
		{"tiny cap", 1, 30},
		{"16 MB", 16 << 20, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := New(&Options{Limits: Limits{BatchGetMaxBytes: tc.maxBytes}})
			createTestTable(t, db, "events", "pk", ScalarAttributeTypeS, "sk", ScalarAttributeTypeN)
			createTestTable(t, db, "users", "id", ScalarAttributeTypeS, "", "")
			req := map[string]KeysAndAttributes{}
			var eventKeys, userKeys []Item
			for i := range 20 {
				putAll(t, db, "events", bigItem(t, "a", i, 100_000))
				eventKeys = append(eventKeys, eventKey("a", i))
			}
			for i := range 10 {
				putAll(t, db, "users", bigItemUser(t, "u"+strconv.Itoa(i), 100_000))
				userKeys = append(userKeys, userKey("u"+strconv.Itoa(i)))
			}
			eventKeys = append(eventKeys, eventKey("missing", 1))
			req["events"] = KeysAndAttributes{Keys: eventKeys, ConsistentRead: true}
			req["users"] = KeysAndAttributes{Keys: userKeys, ProjectionExpression: "id, filler"}
			got, calls := batchGetAll(t, db, req)
			assert.Equal(t, tc.calls, calls)
			assert.Equal(t, countDistinct(texts(got["events"], "sk")), 20)
			assert.Len(t, got["events"], 20, "each item exactly once")
			assert.Equal(t, countDistinct(texts(got["users"], "id")), 10)
			assert.Len(t, got["users"], 10)
		})
	}
}

func countDistinct(s []string) int {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	return len(m)
}

func TestBatchGetItem_ResponseCap_Deterministic(t *testing.T) {
	db := New(&Options{Limits: Limits{BatchGetMaxBytes: 250_000}})
	createTestTable(t, db, "aaa", "id", ScalarAttributeTypeS, "", "")
	createTestTable(t, db, "bbb", "id", ScalarAttributeTypeS, "", "")
	for i := range 3 {
		putAll(t, db, "aaa", bigItemUser(t, "a"+strconv.Itoa(i), 100_000))
		putAll(t, db, "bbb", bigItemUser(t, "b"+strconv.Itoa(i), 100_000))
	}
	req := map[string]KeysAndAttributes{
		"bbb": {Keys: []Item{userKey("b2"), userKey("b0"), userKey("b1")}},
		"aaa": {Keys: []Item{userKey("a1"), userKey("nope"), userKey("a0"), userKey("a2")}},
	}
	out, err := db.BatchGetItem(context.Background(), BatchGetItemInput{RequestItems: req})
	require.NoError(t, err)
	assert.Equal(t, []string{"a1", "a0"}, texts(out.Responses["aaa"], "id"), "tables in name order, keys in request order")
	assert.Empty(t, out.Responses["bbb"])
	assert.Equal(t, []string{"a2"}, texts(out.UnprocessedKeys["aaa"].Keys, "id"))
	assert.Equal(t, []string{"b2", "b0", "b1"}, texts(out.UnprocessedKeys["bbb"].Keys, "id"))
}

func TestBatchGetItem_UnprocessedFault_SecondHalfOfEachMatchedTable(t *testing.T) {
	db := newTestDB(t)
	var keys []Item
	for i := range 5 {
		putAll(t, db, "users", Item{"id": S("u" + strconv.Itoa(i))})
		keys = append(keys, userKey("u"+strconv.Itoa(i)))
	}
	putAll(t, db, "events", Item{"pk": S("a"), "sk": N("1")})
	db.InjectFault(Fault{Kind: Unprocessed, Operation: "BatchGetItem", Table: "users"})
	in := BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
		"users":  {Keys: keys, AttributesToGet: []string{"id"}},
		"events": {Keys: []Item{eventKey("a", 1)}},
	}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal}
	out, err := db.BatchGetItem(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, []string{"u0", "u1"}, texts(out.Responses["users"], "id"))
	assert.Equal(t, []string{"u2", "u3", "u4"}, texts(out.UnprocessedKeys["users"].Keys, "id"))
	assert.Equal(t, []string{"id"}, out.UnprocessedKeys["users"].AttributesToGet)
	assert.Len(t, out.Responses["events"], 1)
	assert.Equal(t, []string{"users"}, slices.Sorted(maps.Keys(out.UnprocessedKeys)))
	assert.Equal(t, 1.0, out.ConsumedCapacity[1].CapacityUnits, "unprocessed keys cost nothing")

	out, err = db.BatchGetItem(context.Background(), in)
	require.NoError(t, err)
	assert.Empty(t, out.UnprocessedKeys, "the fault is used up")
	assert.Len(t, out.Responses["users"], 5)
}

func TestBatchOperations_TableARNs(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	arn := "arn:aws:dynamodb:us-east-1:000000000000:table/users"
	w, err := db.BatchWriteItem(ctx, BatchWriteItemInput{RequestItems: map[string][]WriteRequest{arn: {put(Item{"id": S("a")})}},
		ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
	require.NoError(t, err)
	assert.Equal(t, arn, w.ConsumedCapacity[0].TableName, "the table as the request names it")
	out, err := db.BatchGetItem(ctx, BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{arn: {Keys: []Item{userKey("a")}}}})
	require.NoError(t, err)
	assert.Len(t, out.Responses[arn], 1)
	q, err := db.Query(ctx, QueryInput{TableName: arn, KeyConditionExpression: "id = :a", ExpressionAttributeValues: vals(":a", S("a")),
		ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
	require.NoError(t, err)
	assert.Len(t, q.Items, 1)
	assert.Equal(t, arn, q.ConsumedCapacity.TableName)
	_, err = db.BatchGetItem(ctx, BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{
		"arn:aws:dynamodb:us-east-1:000000000000:table/nope": {Keys: []Item{userKey("a")}}}})
	requireAWSError(t, err, CodeResourceNotFound, "Requested resource not found")
}

func TestKeyText_EqualOnlyForTheSameKeyAsWritten(t *testing.T) {
	same := [][2]Item{
		{{"pk": S("a"), "sk": N("1")}, {"sk": N("1"), "pk": S("a")}},
		{{"": S("a"), "b": S("c")}, {"b": S("c"), "": S("a")}},
		{{"id": M(map[string]Value{"x": N("1")})}, {"id": M(map[string]Value{"x": N("1")})}},
		{{"a": S("1"), "b": S("2"), "c": S("3")}, {"c": S("3"), "b": S("2"), "a": S("1")}},
	}
	for _, pair := range same {
		for range 20 { // map order varies between walks
			assert.Equal(t, newKeyText(pair[0]), newKeyText(pair[1]), "%s and %s", pair[0], pair[1])
		}
	}
	differ := [][2]Item{
		{{"id": N("1000")}, {"id": N("1e3")}},
		{{"id": S("1")}, {"id": N("1")}},
		{{"id": S("x")}, {"id": B([]byte("x"))}},
		{{"pk": S("a"), "sk": N("1")}, {"pk": S("a"), "sk": N("2")}},
		{{"pk": S("a")}, {"pk": S("a"), "sk": N("1")}},
		{{"a": S("b")}, {"b": S("a")}},
	}
	for _, pair := range differ {
		assert.NotEqual(t, newKeyText(pair[0]), newKeyText(pair[1]), "%s and %s", pair[0], pair[1])
	}
}
