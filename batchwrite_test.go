package ddbsim

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func put(it Item) WriteRequest { return WriteRequest{PutRequest: &PutRequest{Item: it}} }

func del(key Item) WriteRequest { return WriteRequest{DeleteRequest: &DeleteRequest{Key: key}} }

func TestBatchWriteItem_PutsAndDeletesAcrossTables(t *testing.T) {
	db := newTestDB(t)
	putAll(t, db, "users", Item{"id": S("old"), "x": N("1")}, Item{"id": S("keep")})
	out, err := db.BatchWriteItem(context.Background(), BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
		"users": {put(Item{"id": S("new"), "name": S("Ada")}), del(userKey("old")), del(userKey("never-there")),
			put(Item{"id": S("keep"), "replaced": Bool(true)})},
		"events": {put(Item{"pk": S("a"), "sk": N("1")}), put(Item{"pk": S("a"), "sk": N("2")})},
	}})
	require.NoError(t, err)
	assert.NotNil(t, out.UnprocessedItems)
	assert.Empty(t, out.UnprocessedItems)
	assert.Nil(t, out.ConsumedCapacity)
	users := tableItems(t, db, "users")
	byID := map[string]Item{}
	for _, it := range users {
		byID[it["id"].S()] = it
	}
	assert.Len(t, byID, 2)
	assert.True(t, byID["new"].Equal(Item{"id": S("new"), "name": S("Ada")}))
	assert.True(t, byID["keep"].Equal(Item{"id": S("keep"), "replaced": Bool(true)}), "a put replaces the whole item")
	assert.Len(t, tableItems(t, db, "events"), 2)
}

func TestBatchWriteItem_SameKeyInTwoTables_Allowed(t *testing.T) {
	db := New(nil)
	createTestTable(t, db, "one", "id", ScalarAttributeTypeS, "", "")
	createTestTable(t, db, "two", "id", ScalarAttributeTypeS, "", "")
	_, err := db.BatchWriteItem(context.Background(), BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
		"one": {put(userKey("k"))}, "two": {put(userKey("k"))},
	}})
	require.NoError(t, err)
	assert.Len(t, tableItems(t, db, "one"), 1)
	assert.Len(t, tableItems(t, db, "two"), 1)
}

func TestBatchWriteItem_Rejections_WriteNothing(t *testing.T) {
	puts := func(n int) []WriteRequest {
		out := make([]WriteRequest, n)
		for i := range out {
			out[i] = put(userKey("p" + strconv.Itoa(i)))
		}
		return out
	}
	big := Item{"id": S("big"), "blob": S(strings.Repeat("x", MaxItemSize))}
	for _, tc := range []struct {
		name string
		in   BatchWriteItemInput
		code string
		msg  string
	}{
		{"nil RequestItems", BatchWriteItemInput{ReturnItemCollectionMetrics: "hi"}, CodeValidation,
			"2 validation errors detected: Value 'hi' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]; " +
				"Value null at 'requestItems' failed to satisfy constraint: Member must not be null"},
		{"empty RequestItems", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{}}, CodeValidation,
			"The requestItems parameter is required for BatchWriteItem"},
		{"empty table list", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {}}}, CodeValidation,
			"1 validation error detected: Value '{users=[]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: " +
				"[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"},
		{"26 in one table", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": puts(26)}}, CodeValidation,
			"1 validation error detected: Value '{users=" + writesEcho(puts(26)) + "}' at 'requestItems' failed to satisfy constraint: " +
				"Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"},
		{"26 over two tables", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": puts(25),
			"events": {put(Item{"pk": S("a"), "sk": N("1")})}}}, CodeValidation, "Too many items requested for the BatchWriteItem call"},
		{"bad table name", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"x": puts(1)}}, CodeValidation,
			"1 validation error detected: Value '{x=" + writesEcho(puts(1)) + "}' at 'requestItems' failed to satisfy constraint: " +
				"Map keys must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 3, " +
				"Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]"},
		{"put without an item", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {{PutRequest: &PutRequest{}}}}}, CodeValidation,
			"1 validation error detected: Value null at 'requestItems.users.member.putRequest.item' failed to satisfy constraint: Member must not be null"},
		{"empty write request", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {put(userKey("a")), {}}}}, CodeValidation,
			"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"},
		{"bad value", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {put(userKey("a")), put(Item{"id": S("b"), "n": N("1e200")})}}},
			CodeValidation, "Number overflow. Attempting to store a number with magnitude larger than supported range"},
		{"item over 400 KB", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {put(userKey("a")), put(big)}}}, CodeValidation,
			"Item size has exceeded the maximum allowed size"},
		{"missing table, checked before keys and duplicates", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
			"users": {put(Item{"nokey": S("a")}), put(userKey("d")), put(userKey("d"))}, "zzz": puts(1)}}, CodeResourceNotFound, "Requested resource not found"},
		{"put item missing its key", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {put(userKey("a")), put(Item{"x": S("a")})}}},
			CodeValidation, "The provided key element does not match the schema"},
		{"put item key of the wrong type", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {put(Item{"id": N("1")})}}},
			CodeValidation, "The provided key element does not match the schema"},
		{"delete key with an extra attribute", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {del(Item{"id": S("a"), "x": S("b")})}}},
			CodeValidation, "The provided key element does not match the schema"},
		{"empty key string", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {put(Item{"id": S("")})}}}, CodeValidation,
			"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id"},
		{"two puts on one key", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {put(userKey("a")), put(userKey("b")), put(userKey("a"))}}},
			CodeValidation, "Provided list of item keys contains duplicates"},
		{"put and delete on one key", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"users": {put(userKey("a")), del(userKey("a"))}}},
			CodeValidation, "Provided list of item keys contains duplicates"},
		{"two spellings of one number", BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"events": {
			del(Item{"pk": S("a"), "sk": N("1000")}), put(Item{"pk": S("a"), "sk": N("1e3")})}}},
			CodeValidation, "Provided list of item keys contains duplicates"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := newTestDB(t)
			putAll(t, db, "users", Item{"id": S("d"), "v": N("1")})
			_, err := db.BatchWriteItem(context.Background(), tc.in)
			requireAWSError(t, err, tc.code, tc.msg)
			users := tableItems(t, db, "users")
			require.Len(t, users, 1, "nothing written")
			assert.True(t, users[0].Equal(Item{"id": S("d"), "v": N("1")}))
			assert.Empty(t, tableItems(t, db, "events"))
		})
	}
}

func TestBatchWriteItem_TwentyFive_Allowed(t *testing.T) {
	db := newTestDB(t)
	var reqs []WriteRequest
	for i := range 20 {
		reqs = append(reqs, put(userKey("u"+strconv.Itoa(i))))
	}
	_, err := db.BatchWriteItem(context.Background(), BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
		"users":  reqs,
		"events": {put(eventKey("a", 1)), put(eventKey("a", 2)), put(eventKey("a", 3)), put(eventKey("a", 4)), put(eventKey("a", 5))},
	}})
	require.NoError(t, err)
	assert.Len(t, tableItems(t, db, "users"), 20)
	assert.Len(t, tableItems(t, db, "events"), 5)
}

func TestBatchWriteItem_ConsumedCapacity_OneEntryPerTable(t *testing.T) {
	db := newTestDB(t)
	putAll(t, db, "users", bigItemUser(t, "old", 3000))
	out, err := db.BatchWriteItem(context.Background(), BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
		"users":  {del(userKey("old")), del(userKey("missing")), put(bigItemUser(t, "new", 1500))},
		"events": {put(eventKey("a", 1))},
	}, ReturnConsumedCapacity: ReturnConsumedCapacityIndexes})
	require.NoError(t, err)
	assert.Equal(t, []ConsumedCapacity{
		{TableName: "events", CapacityUnits: 1, Table: &Capacity{CapacityUnits: 1}},
		{TableName: "users", CapacityUnits: 6, Table: &Capacity{CapacityUnits: 6}},
	}, out.ConsumedCapacity, "users: 3 for the delete of 3,000 bytes, 1 for the miss, 2 for the put of 1,500")
}

func TestBatchWriteItem_UnprocessedFault_SecondHalfLeftUnwritten(t *testing.T) {
	db := newTestDB(t)
	db.InjectFault(Fault{Kind: Unprocessed, Operation: "BatchWriteItem"})
	var reqs []WriteRequest
	for i := range 5 {
		reqs = append(reqs, put(Item{"id": S("u" + strconv.Itoa(i)), "n": Int(int64(i))}))
	}
	in := BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
		"users":  reqs,
		"events": {put(eventKey("a", 1))},
	}}
	out, err := db.BatchWriteItem(context.Background(), in)
	require.NoError(t, err)
	// The fault matches the first table in name order, "events": half of
	// one write is none, so its one write comes back.
	require.Contains(t, out.UnprocessedItems, "events")
	assert.Len(t, out.UnprocessedItems, 1)
	assert.True(t, out.UnprocessedItems["events"][0].PutRequest.Item.Equal(eventKey("a", 1)))
	assert.Empty(t, tableItems(t, db, "events"))
	assert.Len(t, tableItems(t, db, "users"), 5)

	db.InjectFault(Fault{Kind: Unprocessed, Operation: "BatchWriteItem", Table: "users"})
	in.RequestItems = map[string][]WriteRequest{"users": {del(userKey("u0")), del(userKey("u1")), del(userKey("u2")), del(userKey("u3"))}}
	out, err = db.BatchWriteItem(context.Background(), in)
	require.NoError(t, err)
	require.Len(t, out.UnprocessedItems["users"], 2)
	assert.True(t, out.UnprocessedItems["users"][0].DeleteRequest.Key.Equal(userKey("u2")))
	assert.True(t, out.UnprocessedItems["users"][1].DeleteRequest.Key.Equal(userKey("u3")))
	assert.Equal(t, []string{"u2", "u3", "u4"}, sortedIDs(tableItems(t, db, "users")))

	// Resending UnprocessedItems finishes the work.
	out, err = db.BatchWriteItem(context.Background(), BatchWriteItemInput{RequestItems: out.UnprocessedItems})
	require.NoError(t, err)
	assert.Empty(t, out.UnprocessedItems)
	assert.Equal(t, []string{"u4"}, sortedIDs(tableItems(t, db, "users")))
}

func sortedIDs(items []Item) []string {
	return slices.Sorted(slices.Values(texts(items, "id")))
}
