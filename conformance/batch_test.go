package conformance

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// putRequest is the write request storing it.
func putRequest(it item) types.WriteRequest {
	return types.WriteRequest{PutRequest: &types.PutRequest{Item: it}}
}

// deleteRequest is the write request deleting the item with key.
func deleteRequest(key item) types.WriteRequest {
	return types.WriteRequest{DeleteRequest: &types.DeleteRequest{Key: key}}
}

// ids returns the keys {"id": prefix+i} for i in [0, n).
func ids(prefix string, n int) []item {
	out := make([]item, n)
	for i := range out {
		out[i] = item{"id": s(prefix + strconv.Itoa(i))}
	}
	return out
}

// batchGet sends a BatchGetItem and returns its output.
func batchGet(t *testing.T, requests map[string]types.KeysAndAttributes) (*dynamodb.BatchGetItemOutput, error) {
	t.Helper()
	return client(t).BatchGetItem(context.Background(), &dynamodb.BatchGetItemInput{RequestItems: requests})
}

// batchWrite sends a BatchWriteItem and returns its error.
func batchWrite(t *testing.T, requests map[string][]types.WriteRequest) error {
	t.Helper()
	_, err := client(t).BatchWriteItem(context.Background(), &dynamodb.BatchWriteItemInput{RequestItems: requests})
	return err
}

// TestBatchGetItem_ResendUnprocessedKeysAcrossTwoTables reads 100 keys
// from two tables, 1.2 MB of items, resending UnprocessedKeys until none
// are left, as a client must whatever the response cap (16 MB on
// DynamoDB, so there it may take one call): every item found comes back
// exactly once, projected as its table asked, and the unprocessed keys
// keep their table's settings.
func TestBatchGetItem_ResendUnprocessedKeysAcrossTwoTables(t *testing.T) {
	t.Parallel()
	users := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	events := newTable(t, keyAttr("pk", types.ScalarAttributeTypeS), keyAttr("sk", types.ScalarAttributeTypeN))
	big := strings.Repeat("x", 40_000)
	userItems := make([]item, 60)
	for i := range userItems {
		userItems[i] = item{"id": s("u" + strconv.Itoa(i)), "dropped": s("by the projection"), "n": n(strconv.Itoa(i))}
	}
	putAll(t, users, userItems...)
	eventItems := make([]item, 30)
	for i := range eventItems {
		eventItems[i] = item{"pk": s("e"), "sk": n(strconv.Itoa(i)), "big": s(big)}
	}
	putAll(t, events, eventItems...)

	eventKeys := make([]item, 40) // 30 stored, 10 missing
	for i := range eventKeys {
		eventKeys[i] = item{"pk": s("e"), "sk": n(strconv.Itoa(i))}
	}
	requests := map[string]types.KeysAndAttributes{
		users:  {Keys: ids("u", 60), ProjectionExpression: aws.String("id, #n"), ExpressionAttributeNames: map[string]string{"#n": "n"}, ConsistentRead: aws.Bool(true)},
		events: {Keys: eventKeys, ConsistentRead: aws.Bool(true)},
	}
	got := map[string][]item{}
	calls := 0
	for ; len(requests) > 0; calls++ {
		require.Less(t, calls, 100, "UnprocessedKeys never empties")
		out, err := batchGet(t, requests)
		require.NoError(t, err)
		for table, items := range out.Responses {
			got[table] = append(got[table], items...)
		}
		require.NotNil(t, out.UnprocessedKeys, "UnprocessedKeys is always present")
		for table, rest := range out.UnprocessedKeys {
			sent := requests[table]
			assert.Equal(t, sent.ProjectionExpression, rest.ProjectionExpression, "table %s keeps its projection", table)
			assert.Equal(t, sent.ExpressionAttributeNames, rest.ExpressionAttributeNames)
			assert.Equal(t, sent.ConsistentRead, rest.ConsistentRead)
		}
		requests = out.UnprocessedKeys
	}
	t.Logf("%d calls", calls)

	wantUsers := make([]string, 60)
	for i := range wantUsers {
		wantUsers[i] = "u" + strconv.Itoa(i) + "/" + strconv.Itoa(i)
	}
	slices.Sort(wantUsers)
	gotUsers := mapItems(got[users], func(it item) string {
		assert.Len(t, it, 2, "projected to id and n")
		return attr(it, "id") + "/" + attr(it, "n")
	})
	slices.Sort(gotUsers)
	assert.Equal(t, wantUsers, gotUsers, "every user once, in any order")

	gotEvents := mapItems(got[events], func(it item) int { sk, _ := strconv.Atoi(attr(it, "sk")); return sk })
	slices.Sort(gotEvents)
	wantEvents := make([]int, 30)
	for i := range wantEvents {
		wantEvents[i] = i
	}
	assert.Equal(t, wantEvents, gotEvents, "every stored event once; missing keys are left out")
}

// TestBatchGetItem_MissesAndNumberSpellings checks ddb-facts §8: a table
// whose keys all miss maps to an empty list, and two spellings of one
// number key are no duplicate and return the item once.
func TestBatchGetItem_MissesAndNumberSpellings(t *testing.T) {
	t.Parallel()
	users := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	numbers := newTable(t, keyAttr("k", types.ScalarAttributeTypeN))
	put(t, numbers, item{"k": n("1000"), "v": s("thousand")})
	out, err := batchGet(t, map[string]types.KeysAndAttributes{
		users:   {Keys: ids("nobody", 3), ConsistentRead: aws.Bool(true)},
		numbers: {Keys: []item{{"k": n("1000")}, {"k": n("1e3")}}, ConsistentRead: aws.Bool(true)},
	})
	require.NoError(t, err)
	assert.Equal(t, map[string][]item{users: {}, numbers: {{"k": n("1000"), "v": s("thousand")}}}, out.Responses)
	assert.Equal(t, map[string]types.KeysAndAttributes{}, out.UnprocessedKeys)
}

// TestBatchGetItem_ValidationMessages checks AWS's texts for invalid
// BatchGetItem requests (ddb-facts §8): the whole request fails.
func TestBatchGetItem_ValidationMessages(t *testing.T) {
	t.Parallel()
	users := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	others := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	for _, tc := range []struct {
		name     string
		requests map[string]types.KeysAndAttributes
		msgs     []string
	}{
		{"more than 100 keys over two tables", map[string]types.KeysAndAttributes{users: {Keys: ids("a", 60)}, others: {Keys: ids("b", 41)}},
			[]string{"Too many items requested for the BatchGetItem call", "Too many items requested for the BatchGetItem call."}},
		{"duplicate keys", map[string]types.KeysAndAttributes{users: {Keys: []item{{"id": s("a")}, {"id": s("a")}}}},
			[]string{"Provided list of item keys contains duplicates"}},
		{"no keys", map[string]types.KeysAndAttributes{users: {Keys: []item{}}},
			[]string{"1 validation error detected: Value '[]' at 'requestItems." + users + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1",
				"1 validation error detected: Value at 'RequestItems." + users + ".member.Keys' failed to satisfy constraint: Member must have length greater than or equal to 1"}},
		{"no tables", map[string]types.KeysAndAttributes{},
			[]string{"1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
				"The requestItems parameter is required for BatchGetItem",
				"1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"}},
		{"key not the schema's", map[string]types.KeysAndAttributes{users: {Keys: []item{{"id": s("a"), "x": s("1")}}}},
			[]string{"The provided key element does not match the schema"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := batchGet(t, tc.requests)
			requireValidation(t, err, tc.msgs...)
		})
	}

	_, err := batchGet(t, map[string]types.KeysAndAttributes{users: {Keys: ids("a", 101)}})
	requireAPIError(t, err, "ValidationException")
	_, err = batchGet(t, map[string]types.KeysAndAttributes{users: {Keys: ids("a", 1)}, uniqueName(t): {Keys: ids("a", 1)}})
	requireAPIError(t, err, "ResourceNotFoundException", "Requested resource not found")
}

// TestBatchWriteItem_PutsAndDeletesInTwoTables checks ddb-facts §8: puts
// replace whole items, deletes of missing items succeed, the same key may
// appear in two tables, UnprocessedItems is present and empty, and
// ConsumedCapacity has one entry per table.
func TestBatchWriteItem_PutsAndDeletesInTwoTables(t *testing.T) {
	t.Parallel()
	users := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	others := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	put(t, users, item{"id": s("a"), "old": s("gone after the put")})
	put(t, users, item{"id": s("b")})
	out, err := client(t).BatchWriteItem(context.Background(), &dynamodb.BatchWriteItemInput{
		RequestItems: map[string][]types.WriteRequest{
			users:  {putRequest(item{"id": s("a"), "v": n("1")}), deleteRequest(item{"id": s("b")}), deleteRequest(item{"id": s("never")})},
			others: {putRequest(item{"id": s("a"), "v": n("2")})},
		},
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
	})
	require.NoError(t, err)
	assert.Equal(t, map[string][]types.WriteRequest{}, out.UnprocessedItems)
	var tables []string
	for _, c := range out.ConsumedCapacity {
		tables = append(tables, aws.ToString(c.TableName))
	}
	assert.ElementsMatch(t, []string{users, others}, tables)

	assert.Equal(t, item{"id": s("a"), "v": n("1")}, get(t, users, item{"id": s("a")}))
	assert.Nil(t, get(t, users, item{"id": s("b")}))
	assert.Equal(t, item{"id": s("a"), "v": n("2")}, get(t, others, item{"id": s("a")}))
}

// TestBatchWriteItem_InvalidBatchesWriteNothing checks that each of
// ddb-facts §8's whole-batch errors, with AWS's text, leaves the table
// untouched: duplicate keys (numbers compared by value), a key not the
// schema's, an item over 400 KB, a write with neither put nor delete, an
// empty list, no tables, a missing table (checked before duplicates).
func TestBatchWriteItem_InvalidBatchesWriteNothing(t *testing.T) {
	t.Parallel()
	users := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	numbers := newTable(t, keyAttr("k", types.ScalarAttributeTypeN))
	fresh := putRequest(item{"id": s("fresh")})
	const duplicates = "Provided list of item keys contains duplicates"
	const schema = "The provided key element does not match the schema"
	for _, tc := range []struct {
		name     string
		requests map[string][]types.WriteRequest
		msg      string
	}{
		{"put and put", map[string][]types.WriteRequest{users: {fresh, putRequest(item{"id": s("x")}), putRequest(item{"id": s("x"), "v": n("1")})}}, duplicates},
		{"put and delete", map[string][]types.WriteRequest{users: {fresh, putRequest(item{"id": s("x")}), deleteRequest(item{"id": s("x")})}}, duplicates},
		{"delete and delete", map[string][]types.WriteRequest{users: {fresh, deleteRequest(item{"id": s("x")}), deleteRequest(item{"id": s("x")})}}, duplicates},
		{"number spellings", map[string][]types.WriteRequest{users: {fresh}, numbers: {putRequest(item{"k": n("1")}), putRequest(item{"k": n("1.0")})}}, duplicates},
		{"put without the key", map[string][]types.WriteRequest{users: {fresh, putRequest(item{"v": s("x")})}}, schema},
		{"put with a wrong key type", map[string][]types.WriteRequest{users: {fresh, putRequest(item{"id": n("1")})}}, schema},
		{"delete with an extra attribute", map[string][]types.WriteRequest{users: {fresh, deleteRequest(item{"id": s("x"), "v": s("1")})}}, schema},
		{"item over 400 KB", map[string][]types.WriteRequest{users: {fresh, putRequest(item{"id": s("big"), "v": s(strings.Repeat("x", 409_600))})}},
			"Item size has exceeded the maximum allowed size"},
		{"neither put nor delete", map[string][]types.WriteRequest{users: {fresh, {}}},
			"Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"},
		{"an empty list", map[string][]types.WriteRequest{users: {}},
			"1 validation error detected: Value '{" + users + "=[]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: " +
				"[Member must have length less than or equal to 25, Member must have length greater than or equal to 1]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireValidation(t, batchWrite(t, tc.requests), tc.msg)
		})
	}

	// Regions on the newer layer answer a generic message ddb-facts did
	// not capture; the others, this one.
	err := batchWrite(t, map[string][]types.WriteRequest{})
	if !strings.HasPrefix(apiMessage(t, err, "ValidationException"), validationPrefix) {
		requireValidation(t, err, "The requestItems parameter is required for BatchWriteItem")
	}

	missing := uniqueName(t)
	err = batchWrite(t, map[string][]types.WriteRequest{missing: {fresh}, users: {fresh, deleteRequest(item{"id": s("fresh")})}})
	requireAPIError(t, err, "ResourceNotFoundException", "Requested resource not found")

	assert.Nil(t, get(t, users, item{"id": s("fresh")}), "no batch wrote anything")
	assert.Nil(t, get(t, numbers, item{"k": n("1")}))
}

// oversizedBatch matches, whole, AWS's classic answer to more than 25
// writes for one table (ddb-facts §8): the request echoed as Java prints
// it, each WriteRequest an object hash.
func oversizedBatch(table string, writes int) *regexp.Regexp {
	request := `com\.amazonaws\.dynamodb\.v20120810\.WriteRequest@[0-9a-f]+`
	list := request + strings.Repeat(", "+request, writes-1)
	return regexp.MustCompile(`^1 validation error detected: Value '\{` + regexp.QuoteMeta(table) + `=\[` + list + `\]\}' at 'requestItems' failed to satisfy constraint: ` +
		regexp.QuoteMeta("Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]") + `$`)
}

// TestBatchWriteItem_AtMostTwentyFiveWrites checks the limit of 25
// writes: 25 succeed, 26 for one table fail with AWS's classic or newer
// text, 26 over two tables fail too, and the failed batches write
// nothing.
func TestBatchWriteItem_AtMostTwentyFiveWrites(t *testing.T) {
	t.Parallel()
	users := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	others := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	writes := func(prefix string, count int) []types.WriteRequest {
		return mapItems(ids(prefix, count), func(it item) types.WriteRequest { return putRequest(it) })
	}
	require.NoError(t, batchWrite(t, map[string][]types.WriteRequest{users: writes("ok", 25)}))
	assert.NotNil(t, get(t, users, item{"id": s("ok24")}))

	msg := apiMessage(t, batchWrite(t, map[string][]types.WriteRequest{users: writes("over", 26)}), "ValidationException")
	newer := "1 validation error detected: Value at 'RequestItems." + users + ".member' failed to satisfy constraint: Member must have length less than or equal to 25"
	if msg != newer {
		assert.Regexp(t, oversizedBatch(users, 26), msg)
	}

	requireAPIError(t, batchWrite(t, map[string][]types.WriteRequest{users: writes("split", 20), others: writes("split", 6)}), "ValidationException")
	assert.Nil(t, get(t, users, item{"id": s("over0")}))
	assert.Nil(t, get(t, users, item{"id": s("split0")}))
	assert.Nil(t, get(t, others, item{"id": s("split0")}))
}
