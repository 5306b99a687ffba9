package ddbsim

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/ddbsim/ddbsim/internal/number"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ordersTable is a table of orders keyed by pk, sk (S, S) with a GSI
// byCustomer (customer S, placed N; ALL), a sparse KEYS_ONLY GSI byFlag
// (flag S), a GSI of two-attribute keys byRegion (area S + tier S,
// city S + zip N; INCLUDE total) and an LSI byStatus (pk, status S;
// INCLUDE total).
func ordersTable() CreateTableInput {
	return CreateTableInput{
		TableName: "orders",
		KeySchema: keys("pk", "HASH", "sk", "RANGE"),
		AttributeDefinitions: append(definitions("pk", "sk", "customer", "flag", "area", "tier", "city", "status"),
			AttributeDefinition{"placed", ScalarAttributeTypeN}, AttributeDefinition{"zip", ScalarAttributeTypeN}),
		BillingMode: BillingModePayPerRequest,
		GlobalSecondaryIndexes: []GlobalSecondaryIndex{
			{IndexName: "byCustomer", KeySchema: keys("customer", "HASH", "placed", "RANGE"), Projection: &Projection{ProjectionType: ProjectionTypeAll}},
			{IndexName: "byFlag", KeySchema: keys("flag", "HASH"), Projection: &Projection{ProjectionType: ProjectionTypeKeysOnly}},
			{IndexName: "byRegion", KeySchema: keys("area", "HASH", "tier", "HASH", "city", "RANGE", "zip", "RANGE"),
				Projection: &Projection{ProjectionType: ProjectionTypeInclude, NonKeyAttributes: []string{"total"}}},
		},
		LocalSecondaryIndexes: []LocalSecondaryIndex{
			{IndexName: "byStatus", KeySchema: keys("pk", "HASH", "status", "RANGE"),
				Projection: &Projection{ProjectionType: ProjectionTypeInclude, NonKeyAttributes: []string{"total"}}},
		},
	}
}

func newOrdersDB(t testing.TB, opts *Options) *DB {
	t.Helper()
	db := New(opts)
	_, err := db.CreateTable(context.Background(), ordersTable())
	require.NoError(t, err)
	return db
}

func putOrder(t testing.TB, db *DB, it Item) {
	t.Helper()
	_, err := db.PutItem(context.Background(), PutItemInput{TableName: "orders", Item: it})
	require.NoError(t, err)
}

// queryIndex runs a Query of index on orders and returns its items.
func queryIndex(t testing.TB, db *DB, in QueryInput) *QueryOutput {
	t.Helper()
	in.TableName = "orders"
	out, err := db.Query(context.Background(), in)
	require.NoError(t, err)
	return out
}

// skOf lists the sk of each item.
func skOf(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it["sk"].S()
	}
	return out
}

func byCustomer(c string) QueryInput {
	return QueryInput{IndexName: "byCustomer", KeyConditionExpression: "customer = :c", ExpressionAttributeValues: map[string]Value{":c": S(c)}}
}

func TestGSI_QueryOrdersBySortKey_Numerically(t *testing.T) {
	db := newOrdersDB(t, nil)
	for i, placed := range []string{"100", "9", "-1", "10", "1.5", "1e3"} {
		putOrder(t, db, Item{"pk": S("o"), "sk": S(fmt.Sprint(i)), "customer": S("ada"), "placed": N(placed), "total": Int(int64(i))})
	}
	putOrder(t, db, Item{"pk": S("o"), "sk": S("other"), "customer": S("bob"), "placed": N("1")})
	putOrder(t, db, Item{"pk": S("o"), "sk": S("none")}) // no customer: not in the index

	out := queryIndex(t, db, byCustomer("ada"))
	assert.Equal(t, []string{"2", "4", "1", "3", "0", "5"}, skOf(out.Items), "by placed: -1, 1.5, 9, 10, 100, 1e3")
	assert.Equal(t, Int(4), out.Items[1]["total"], "ALL projects every attribute")
	back := byCustomer("ada")
	back.ScanIndexForward = ptr(false)
	assert.Equal(t, []string{"5", "0", "3", "1", "4", "2"}, skOf(queryIndex(t, db, back).Items))

	rng := byCustomer("ada")
	rng.KeyConditionExpression = "customer = :c AND placed BETWEEN :lo AND :hi"
	rng.ExpressionAttributeValues = map[string]Value{":c": S("ada"), ":lo": N("1.5"), ":hi": N("10")}
	assert.Equal(t, []string{"4", "1", "3"}, skOf(queryIndex(t, db, rng).Items))
}

func TestGSI_Pagination_LastEvaluatedKeyHoldsTableAndIndexKeys(t *testing.T) {
	db := newOrdersDB(t, nil)
	for i := range 7 {
		putOrder(t, db, Item{"pk": S("o"), "sk": S(fmt.Sprint(i)), "customer": S("ada"), "placed": Int(int64(i % 3))})
	}
	for _, forward := range []bool{true, false} {
		in := byCustomer("ada")
		in.Limit, in.ScanIndexForward = ptr(int32(2)), &forward
		var seen []string
		for page := 0; ; page++ {
			require.Less(t, page, 10)
			out := queryIndex(t, db, in)
			seen = append(seen, skOf(out.Items)...)
			if out.LastEvaluatedKey == nil {
				break
			}
			assert.ElementsMatch(t, []string{"pk", "sk", "customer", "placed"}, sortedKeys(nil, out.LastEvaluatedKey))
			in.ExclusiveStartKey = out.LastEvaluatedKey
		}
		assert.ElementsMatch(t, []string{"0", "1", "2", "3", "4", "5", "6"}, seen, "forward %v", forward)
		assert.Len(t, seen, 7)
	}
}

func TestGSI_SparseAndProjected_FollowTheItem(t *testing.T) {
	db := newOrdersDB(t, nil)
	ctx := context.Background()
	flagged := func() []Item {
		return queryIndex(t, db, QueryInput{IndexName: "byFlag", KeyConditionExpression: "flag = :f", ExpressionAttributeValues: map[string]Value{":f": S("x")}}).Items
	}
	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "flag": S("x"), "total": Int(5)})
	assert.Equal(t, []Item{{"pk": S("a"), "sk": S("1"), "flag": S("x")}}, flagged(), "KEYS_ONLY: the table's and the index's keys")

	_, err := db.UpdateItem(ctx, UpdateItemInput{TableName: "orders", Key: Item{"pk": S("a"), "sk": S("1")},
		UpdateExpression: "SET flag = :y", ExpressionAttributeValues: map[string]Value{":y": S("y")}})
	require.NoError(t, err)
	assert.Empty(t, flagged(), "a changed index key moves the entry")

	_, err = db.UpdateItem(ctx, UpdateItemInput{TableName: "orders", Key: Item{"pk": S("a"), "sk": S("1")},
		UpdateExpression: "SET flag = :x", ExpressionAttributeValues: map[string]Value{":x": S("x")}})
	require.NoError(t, err)
	assert.Len(t, flagged(), 1)
	_, err = db.UpdateItem(ctx, UpdateItemInput{TableName: "orders", Key: Item{"pk": S("a"), "sk": S("1")}, UpdateExpression: "REMOVE flag"})
	require.NoError(t, err)
	assert.Empty(t, flagged(), "an item without the index key leaves the index")

	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "flag": S("x")})
	_, err = db.DeleteItem(ctx, DeleteItemInput{TableName: "orders", Key: Item{"pk": S("a"), "sk": S("1")}})
	require.NoError(t, err)
	assert.Empty(t, flagged(), "a deleted item leaves the index")
}

func TestGSI_MultiAttributeKeys(t *testing.T) {
	db := newOrdersDB(t, nil)
	for i, c := range []struct {
		area, tier, city string
		zip              int64
	}{{"eu", "gold", "paris", 75001}, {"eu", "gold", "paris", 75002}, {"eu", "gold", "lyon", 69001}, {"eu", "silver", "paris", 75003}, {"us", "gold", "nyc", 10001}} {
		putOrder(t, db, Item{"pk": S("o"), "sk": S(fmt.Sprint(i)), "area": S(c.area), "tier": S(c.tier), "city": S(c.city), "zip": Int(c.zip), "total": Int(int64(i)), "note": S("n")})
	}
	q := func(cond string, vals map[string]Value) ([]string, error) {
		out, err := db.Query(context.Background(), QueryInput{TableName: "orders", IndexName: "byRegion", KeyConditionExpression: cond, ExpressionAttributeValues: vals})
		if err != nil {
			return nil, err
		}
		for _, it := range out.Items {
			assert.NotContains(t, it, "note", "INCLUDE projects only total beside the keys")
			assert.Contains(t, it, "total")
		}
		return skOf(out.Items), nil
	}
	eu := map[string]Value{":r": S("eu"), ":t": S("gold")}
	got, err := q("area = :r AND tier = :t", eu)
	require.NoError(t, err)
	assert.Equal(t, []string{"2", "0", "1"}, got, "lyon before paris, then by zip")

	got, err = q("area = :r AND tier = :t AND city = :c AND zip > :z", map[string]Value{":r": S("eu"), ":t": S("gold"), ":c": S("paris"), ":z": Int(75001)})
	require.NoError(t, err)
	assert.Equal(t, []string{"1"}, got)
	got, err = q("area = :r AND tier = :t AND begins_with(city, :c)", map[string]Value{":r": S("eu"), ":t": S("gold"), ":c": S("pa")})
	require.NoError(t, err)
	assert.Equal(t, []string{"0", "1"}, got)

	_, err = q("area = :r", map[string]Value{":r": S("eu")})
	requireAWSError(t, err, CodeValidation, "Query condition missed key schema element: tier")
	_, err = q("area = :r AND tier = :t AND zip = :z", map[string]Value{":r": S("eu"), ":t": S("gold"), ":z": Int(1)})
	requireAWSError(t, err, CodeValidation, "Query condition missed key schema element: city")
	_, err = q("area = :r AND tier = :t AND city > :c AND zip = :z", map[string]Value{":r": S("eu"), ":t": S("gold"), ":c": S("a"), ":z": Int(1)})
	requireAWSError(t, err, CodeValidation, "Query key condition not supported")
}

func TestIndexes_WritesCheckIndexKeys(t *testing.T) {
	db := newOrdersDB(t, nil)
	ctx := context.Background()
	const mismatch = "One or more parameter values were invalid: Type mismatch for Index Key placed Expected: N Actual: S IndexName: byCustomer"
	_, err := db.PutItem(ctx, PutItemInput{TableName: "orders", Item: Item{"pk": S("a"), "sk": S("1"), "placed": S("soon")}})
	requireAWSError(t, err, CodeValidation, mismatch)

	_, err = db.PutItem(ctx, PutItemInput{TableName: "orders", Item: Item{"pk": S("a"), "sk": S("1"), "status": S("")}})
	requireAWSError(t, err, CodeValidation, "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "+
		"The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byStatus, IndexKey: status")

	_, err = db.BatchWriteItem(ctx, BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"orders": {
		{PutRequest: &PutRequest{Item: Item{"pk": S("ok"), "sk": S("1")}}},
		{PutRequest: &PutRequest{Item: Item{"pk": S("a"), "sk": S("1"), "placed": S("soon")}}},
	}}})
	requireAWSError(t, err, CodeValidation, mismatch)
	assert.Empty(t, tableItems(t, db, "orders"), "a batch with one bad item writes nothing")

	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "placed": Int(1)})
	_, err = db.UpdateItem(ctx, UpdateItemInput{TableName: "orders", Key: Item{"pk": S("a"), "sk": S("1")},
		UpdateExpression: "SET placed = :s", ExpressionAttributeValues: map[string]Value{":s": S("soon")}})
	requireAWSError(t, err, CodeValidation, mismatch)
	_, err = db.UpdateItem(ctx, UpdateItemInput{TableName: "orders", Key: Item{"pk": S("a"), "sk": S("1")},
		UpdateExpression: "SET customer.#n = :s", ExpressionAttributeNames: map[string]string{"#n": "name"}, ExpressionAttributeValues: map[string]Value{":s": S("x")}})
	requireAWSError(t, err, CodeValidation, "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: customer")
	items := tableItems(t, db, "orders")
	require.Len(t, items, 1)
	assert.Equal(t, Int(1), items[0]["placed"], "refused updates change nothing")
}

func TestIndexes_ReadRules(t *testing.T) {
	db := newOrdersDB(t, nil)
	ctx := context.Background()
	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "customer": S("ada"), "placed": Int(1), "flag": S("x"), "status": S("open"), "total": Int(9), "note": S("n")})

	in := byCustomer("ada")
	in.TableName, in.ConsistentRead = "orders", true
	_, err := db.Query(ctx, in)
	requireAWSError(t, err, CodeValidation, msgConsistentGSI)

	_, err = db.Query(ctx, QueryInput{TableName: "orders", IndexName: "byFlag", Select: SelectAllAttributes,
		KeyConditionExpression: "flag = :f", ExpressionAttributeValues: map[string]Value{":f": S("x")}})
	requireAWSError(t, err, CodeValidation, "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index byFlag because its projection type is not ALL")

	_, err = db.Query(ctx, QueryInput{TableName: "orders", IndexName: "nope", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: map[string]Value{":p": S("a")}})
	requireAWSError(t, err, CodeValidation, "The table does not have the specified index: nope")

	lsi := QueryInput{TableName: "orders", IndexName: "byStatus", ConsistentRead: true,
		KeyConditionExpression: "pk = :p AND #s = :s", ExpressionAttributeNames: map[string]string{"#s": "status"},
		ExpressionAttributeValues: map[string]Value{":p": S("a"), ":s": S("open")}}
	out, err := db.Query(ctx, lsi)
	require.NoError(t, err)
	assert.Equal(t, []Item{{"pk": S("a"), "sk": S("1"), "status": S("open"), "total": Int(9)}}, out.Items, "an LSI allows consistent reads; INCLUDE")
	lsi.Select = SelectAllAttributes
	out, err = db.Query(ctx, lsi)
	require.NoError(t, err)
	require.Len(t, out.Items, 1)
	assert.Equal(t, S("n"), out.Items[0]["note"], "ALL_ATTRIBUTES on an LSI fetches the item from the table")

	_, err = db.Query(ctx, QueryInput{TableName: "orders", IndexName: "byCustomer", KeyConditionExpression: "customer = :c",
		FilterExpression: "placed > :z", ExpressionAttributeValues: map[string]Value{":c": S("ada"), ":z": Int(0)}})
	requireAWSError(t, err, CodeValidation, "Filter Expression can only contain non-primary key attributes: Primary key attribute: placed")
}

func TestIndexes_Scan_AllSegments(t *testing.T) {
	db := newOrdersDB(t, nil)
	for i := range 40 {
		it := Item{"pk": S(fmt.Sprint("p", i%7)), "sk": S(fmt.Sprint(i)), "customer": S(fmt.Sprint("c", i%5)), "placed": Int(int64(i))}
		if i%4 == 0 {
			delete(it, "customer")
		}
		putOrder(t, db, it)
	}
	seen := map[string]bool{}
	for seg := range int32(3) {
		in := ScanInput{TableName: "orders", IndexName: "byCustomer", Segment: ptr(seg), TotalSegments: ptr(int32(3)), Limit: ptr(int32(4))}
		for {
			out, err := db.Scan(context.Background(), in)
			require.NoError(t, err)
			for _, it := range out.Items {
				assert.False(t, seen[it["sk"].S()], "each item once")
				seen[it["sk"].S()] = true
			}
			if out.LastEvaluatedKey == nil {
				break
			}
			in.ExclusiveStartKey = out.LastEvaluatedKey
		}
	}
	assert.Len(t, seen, 30, "the 30 items that have a customer")
}

func TestGSI_Manual_StaleUntilSettled_LSIFresh(t *testing.T) {
	db := newOrdersDB(t, &Options{Replication: Manual, Seed: 3})
	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "customer": S("ada"), "placed": Int(1), "status": S("open")})
	stale := db.Stats().StaleReads
	assert.Empty(t, queryIndex(t, db, byCustomer("ada")).Items, "the GSI has not seen the write")
	assert.Greater(t, db.Stats().StaleReads, stale, "a read of a lagging GSI counts as stale")
	lsi := QueryInput{IndexName: "byStatus", ConsistentRead: true, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: map[string]Value{":p": S("a")}}
	assert.Len(t, queryIndex(t, db, lsi).Items, 1, "an LSI is written with the leader")
	db.Settle()
	assert.Len(t, queryIndex(t, db, byCustomer("ada")).Items, 1)
}

func TestGSI_Async_ConvergesWhenPolled(t *testing.T) {
	db := newOrdersDB(t, &Options{Replication: Async, Seed: 5, MaxLag: 4})
	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "customer": S("ada"), "placed": Int(1)})
	for range 20 {
		if len(queryIndex(t, db, byCustomer("ada")).Items) == 1 {
			return
		}
	}
	t.Fatal("a polling reader never saw the GSI catch up")
}

func TestIndexes_DescribeCountsAndFork(t *testing.T) {
	db := newOrdersDB(t, nil)
	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "customer": S("ada"), "placed": Int(1), "status": S("open")})
	putOrder(t, db, Item{"pk": S("a"), "sk": S("2"), "flag": S("x")})
	fork := db.Fork()
	putOrder(t, fork, Item{"pk": S("a"), "sk": S("3"), "customer": S("bob"), "placed": Int(2)})

	counts := func(db *DB) map[string]int64 {
		d, err := db.DescribeTable(context.Background(), DescribeTableInput{TableName: "orders"})
		require.NoError(t, err)
		out := map[string]int64{}
		for _, g := range d.GlobalSecondaryIndexes {
			out[g.IndexName] = g.ItemCount
			assert.Equal(t, g.ItemCount > 0, g.IndexSizeBytes > 0)
		}
		for _, l := range d.LocalSecondaryIndexes {
			out[l.IndexName] = l.ItemCount
		}
		return out
	}
	assert.Equal(t, map[string]int64{"byCustomer": 1, "byFlag": 1, "byRegion": 0, "byStatus": 1}, counts(db))
	assert.Equal(t, map[string]int64{"byCustomer": 2, "byFlag": 1, "byRegion": 0, "byStatus": 1}, counts(fork))
	assert.Len(t, queryIndex(t, db, byCustomer("bob")).Items, 0, "the fork's writes stay in the fork")
	assert.Len(t, queryIndex(t, fork, byCustomer("bob")).Items, 1)
	db.Settle()
	fork.Settle()
}

func TestPropagateIndex_HoldsOneGSIStale(t *testing.T) {
	db := newOrdersDB(t, &Options{Replication: Manual, Seed: 1})
	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "customer": S("ada"), "placed": Int(1), "flag": S("x")})
	assert.Equal(t, int64(3), db.Stats().PendingIndexWrites, "each GSI owes the write, byRegion too, for which it is no entry")
	assert.Equal(t, 1, db.PropagateIndex("orders", "byCustomer", -1))
	assert.Len(t, queryIndex(t, db, byCustomer("ada")).Items, 1, "byCustomer caught up")
	flag := QueryInput{IndexName: "byFlag", KeyConditionExpression: "flag = :f", ExpressionAttributeValues: map[string]Value{":f": S("x")}}
	assert.Empty(t, queryIndex(t, db, flag).Items, "byFlag still stale")
	assert.Zero(t, db.PropagateIndex("orders", "byStatus", -1), "an LSI has nothing to propagate")
	assert.Zero(t, db.PropagateIndex("orders", "nope", -1))
	assert.Zero(t, db.PropagateIndex("nope", "byFlag", -1))
	db.Settle()
	assert.Len(t, queryIndex(t, db, flag).Items, 1)
}

func TestIndexes_ConsumedCapacity(t *testing.T) {
	db := newOrdersDB(t, nil)
	ctx := context.Background()
	put := func(it Item) *ConsumedCapacity {
		out, err := db.PutItem(ctx, PutItemInput{TableName: "orders", Item: it, ReturnConsumedCapacity: ReturnConsumedCapacityIndexes})
		require.NoError(t, err)
		return out.ConsumedCapacity
	}
	cc := put(Item{"pk": S("a"), "sk": S("1"), "customer": S("ada"), "placed": Int(1), "status": S("open")})
	assert.Equal(t, &ConsumedCapacity{TableName: "orders", CapacityUnits: 3, Table: &Capacity{CapacityUnits: 1},
		GlobalSecondaryIndexes: map[string]Capacity{"byCustomer": {1}}, LocalSecondaryIndexes: map[string]Capacity{"byStatus": {1}}}, cc,
		"a new item costs a write in each index it enters, none in the others")

	cc = put(Item{"pk": S("a"), "sk": S("1"), "customer": S("ada"), "placed": Int(2), "status": S("open")})
	assert.Equal(t, map[string]Capacity{"byCustomer": {2}}, cc.GlobalSecondaryIndexes, "a changed index key: a delete and a put")
	assert.Nil(t, cc.LocalSecondaryIndexes, "byStatus stores status and total only: unchanged, not charged")
	assert.Equal(t, 3.0, cc.CapacityUnits)

	out, err := db.DeleteItem(ctx, DeleteItemInput{TableName: "orders", Key: Item{"pk": S("a"), "sk": S("1")}, ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
	require.NoError(t, err)
	assert.Equal(t, &ConsumedCapacity{TableName: "orders", CapacityUnits: 3}, out.ConsumedCapacity, "TOTAL counts the indexes too")

	q := byCustomer("ada")
	q.TableName, q.ReturnConsumedCapacity = "orders", ReturnConsumedCapacityIndexes
	qo, err := db.Query(ctx, q)
	require.NoError(t, err)
	assert.Equal(t, &ConsumedCapacity{TableName: "orders", CapacityUnits: 0.5, GlobalSecondaryIndexes: map[string]Capacity{"byCustomer": {0.5}}}, qo.ConsumedCapacity,
		"a Query of an index reports the index's capacity")
}

func TestLSI_ItemCollections_MetricsAndLimit(t *testing.T) {
	db := newOrdersDB(t, &Options{Limits: Limits{ItemCollectionMaxBytes: 200}})
	ctx := context.Background()
	out, err := db.PutItem(ctx, PutItemInput{TableName: "orders", Item: Item{"pk": S("a"), "sk": S("1"), "note": S(strings.Repeat("x", 100))},
		ReturnItemCollectionMetrics: ReturnItemCollectionMetricsSize})
	require.NoError(t, err)
	assert.Equal(t, &ItemCollectionMetrics{ItemCollectionKey: Item{"pk": S("a")}, SizeEstimateRangeGB: []float64{0, 1}}, out.ItemCollectionMetrics)

	_, err = db.PutItem(ctx, PutItemInput{TableName: "orders", Item: Item{"pk": S("a"), "sk": S("2"), "note": S(strings.Repeat("x", 100))}})
	requireAWSError(t, err, CodeItemCollectionSizeLimitExceeded, "Collection size exceeded.")
	assert.Len(t, tableItems(t, db, "orders"), 1, "the refused write wrote nothing")
	putOrder(t, db, Item{"pk": S("b"), "sk": S("2"), "note": S(strings.Repeat("x", 100))}) // another collection

	_, err = db.DeleteItem(ctx, DeleteItemInput{TableName: "orders", Key: Item{"pk": S("a"), "sk": S("1")}})
	require.NoError(t, err)
	putOrder(t, db, Item{"pk": S("a"), "sk": S("2"), "note": S(strings.Repeat("x", 100))}) // room again
}

func TestLSI_ProjectionOfUnprojectedAttributes_FetchesFromTheTable(t *testing.T) {
	db := newOrdersDB(t, nil)
	putOrder(t, db, Item{"pk": S("a"), "sk": S("1"), "status": S("open"), "total": Int(9), "note": S("n")})
	q := QueryInput{IndexName: "byStatus", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: map[string]Value{":p": S("a")},
		ProjectionExpression: "sk, note"}
	assert.Equal(t, []Item{{"sk": S("1"), "note": S("n")}}, queryIndex(t, db, q).Items, "note is not in byStatus: read from the table")
	q.ProjectionExpression, q.ExpressionAttributeNames = "sk, #t", map[string]string{"#t": "total"}
	assert.Equal(t, []Item{{"sk": S("1"), "total": Int(9)}}, queryIndex(t, db, q).Items)
}

// An LSI projecting ALL holds no copy of its items (index.itemless): a
// read takes each item from the table's tree of the replica it reads, so
// an overwrite that keeps the index key shows at once in consistent
// reads, while the lagging replica's LSI still serves that replica's
// older item; capacity and DescribeTable count the items as stored.
func TestLSI_AllProjection_ServesTheItemsOfItsReplica(t *testing.T) {
	ctx := context.Background()
	db := New(&Options{Replication: Manual, Seed: 7})
	_, err := db.CreateTable(ctx, CreateTableInput{TableName: "lsi", KeySchema: keys("pk", "HASH", "sk", "RANGE"), BillingMode: BillingModePayPerRequest,
		AttributeDefinitions: append(definitions("pk", "sk"), AttributeDefinition{"n", ScalarAttributeTypeN}),
		LocalSecondaryIndexes: []LocalSecondaryIndex{{IndexName: "byN", KeySchema: keys("pk", "HASH", "n", "RANGE"),
			Projection: &Projection{ProjectionType: ProjectionTypeAll}}}})
	require.NoError(t, err)
	put := func(it Item) *PutItemOutput {
		out, err := db.PutItem(ctx, PutItemInput{TableName: "lsi", Item: it, ReturnConsumedCapacity: ReturnConsumedCapacityIndexes})
		require.NoError(t, err)
		return out
	}
	put(Item{"pk": S("a"), "sk": S("1"), "n": Int(1), "v": S("old")})
	db.Settle()
	newer := Item{"pk": S("a"), "sk": S("1"), "n": Int(1), "v": S("new"), "more": S(strings.Repeat("x", 100))}
	assert.Equal(t, 1.0, put(newer).ConsumedCapacity.LocalSecondaryIndexes["byN"].CapacityUnits, "the entry's contents changed")
	assert.Nil(t, put(newer).ConsumedCapacity.LocalSecondaryIndexes, "the same item again: the LSI is not written")

	q := QueryInput{TableName: "lsi", IndexName: "byN", KeyConditionExpression: "pk = :p AND n = :n",
		ExpressionAttributeValues: map[string]Value{":p": S("a"), ":n": Int(1)}, ConsistentRead: true}
	out, err := db.Query(ctx, q)
	require.NoError(t, err)
	assert.Equal(t, []Item{newer}, out.Items)
	d, err := db.DescribeTable(ctx, DescribeTableInput{TableName: "lsi"})
	require.NoError(t, err)
	assert.Equal(t, d.TableSizeBytes, d.LocalSecondaryIndexes[0].IndexSizeBytes, "every item is in the LSI, whole")
	assert.Equal(t, int64(1), d.LocalSecondaryIndexes[0].ItemCount)

	q.ConsistentRead = false
	stale := 0
	for range 30 {
		before := db.Stats().StaleReads
		out, err := db.Query(ctx, q)
		require.NoError(t, err)
		require.Len(t, out.Items, 1)
		if db.Stats().StaleReads > before {
			stale++
			assert.Equal(t, S("old"), out.Items[0]["v"], "the lagging replica's LSI serves that replica's item")
		} else {
			assert.Equal(t, newer, out.Items[0])
		}
	}
	assert.Positive(t, stale, "some reads went to the lagging replica")
	db.Settle()
}

func TestLSI_BatchWriteItem_OneMetricsEntryPerCollection(t *testing.T) {
	db := newOrdersDB(t, nil)
	out, err := db.BatchWriteItem(context.Background(), BatchWriteItemInput{ReturnItemCollectionMetrics: ReturnItemCollectionMetricsSize,
		RequestItems: map[string][]WriteRequest{"orders": {
			{PutRequest: &PutRequest{Item: Item{"pk": S("a"), "sk": S("1")}}},
			{PutRequest: &PutRequest{Item: Item{"pk": S("b"), "sk": S("1")}}},
			{DeleteRequest: &DeleteRequest{Key: Item{"pk": S("a"), "sk": S("2")}}},
		}}})
	require.NoError(t, err)
	assert.Equal(t, map[string][]ItemCollectionMetrics{"orders": {
		{ItemCollectionKey: Item{"pk": S("a")}, SizeEstimateRangeGB: []float64{0, 1}},
		{ItemCollectionKey: Item{"pk": S("b")}, SizeEstimateRangeGB: []float64{0, 1}},
	}}, out.ItemCollectionMetrics)
}

func TestGSI_LegacyKeyConditionsAndCount(t *testing.T) {
	db := newOrdersDB(t, nil)
	for i := range 4 {
		putOrder(t, db, Item{"pk": S("o"), "sk": S(fmt.Sprint(i)), "customer": S("ada"), "placed": Int(int64(i))})
	}
	out := queryIndex(t, db, QueryInput{IndexName: "byCustomer", KeyConditions: map[string]Condition{
		"customer": {ComparisonOperator: ComparisonOperatorEq, AttributeValueList: []Value{S("ada")}},
		"placed":   {ComparisonOperator: ComparisonOperatorGe, AttributeValueList: []Value{Int(2)}},
	}})
	assert.Equal(t, []string{"2", "3"}, skOf(out.Items))
	count := byCustomer("ada")
	count.Select = SelectCount
	out = queryIndex(t, db, count)
	assert.Equal(t, int32(4), out.Count)
	assert.Nil(t, out.Items)
}

func TestIndexes_TransactionCapacity_TwiceOnTableAndIndexes(t *testing.T) {
	db := newOrdersDB(t, nil)
	out, err := db.TransactWriteItems(context.Background(), TransactWriteItemsInput{ReturnConsumedCapacity: ReturnConsumedCapacityIndexes,
		TransactItems: []TransactWriteItem{{Put: &Put{TableName: "orders", Item: Item{"pk": S("a"), "sk": S("1"), "customer": S("ada"), "placed": Int(1)}}}}})
	require.NoError(t, err)
	assert.Equal(t, []ConsumedCapacity{{TableName: "orders", CapacityUnits: 4, Table: &Capacity{CapacityUnits: 2},
		GlobalSecondaryIndexes: map[string]Capacity{"byCustomer": {2}}}}, out.ConsumedCapacity)
}

// TestIndexes_PutsWrittenNonCanonically_StoreCanonicalEntries: a put's
// index entries are built from the request's values (not from the item
// decoded back), written as the caller wrote them; the entries still
// hold the stored, canonical values (strict mode compares each with a
// recomputation from the table), and rewriting the same values written
// otherwise changes nothing.
func TestIndexes_PutsWrittenNonCanonically_StoreCanonicalEntries(t *testing.T) {
	db := newOrdersDB(t, nil)
	ctx := context.Background()
	it := Item{"pk": S("a"), "sk": S("1"), "area": S("eu"), "tier": S("gold"), "city": S("Paris"), "zip": N("0750.10"),
		"total": NS("3", "1.50", "2"), "customer": S("c"), "placed": N("1.50"), "status": S("new")}
	putOrder(t, db, it)
	region := QueryInput{IndexName: "byRegion", KeyConditionExpression: "area = :a AND tier = :t",
		ExpressionAttributeValues: map[string]Value{":a": S("eu"), ":t": S("gold")}}
	got := queryIndex(t, db, region).Items
	require.Len(t, got, 1)
	assert.Equal(t, "750.1", got[0]["zip"].N(), "the stored form of the key")
	assert.Equal(t, []string{"1.5", "2", "3"}, got[0]["total"].NS(), "the stored form of the projected set")

	again := Item{}
	for k, v := range it {
		again[k] = v
	}
	again["zip"], again["total"], again["placed"] = N("750.1"), NS("2", "3", "1.5"), N("1.5")
	_, err := db.BatchWriteItem(ctx, BatchWriteItemInput{RequestItems: map[string][]WriteRequest{"orders": {{PutRequest: &PutRequest{Item: again}}}}})
	require.NoError(t, err)
	assert.Equal(t, got, queryIndex(t, db, region).Items)
	assert.Len(t, queryIndex(t, db, byCustomer("c")).Items, 1)
	db.Settle() // strict mode recomputes every index here
}

// TestKeysOnlyIndex_ProjectionComesBackFromTheKey reads a KEYS_ONLY GSI
// and LSI whose keys hold B with zero bytes and negative, fractional and
// large numbers: what they project (the table's and the index's key
// attributes) comes back as written, numbers canonical, through Query,
// Scan and LastEvaluatedKey, and DescribeTable counts its size.
func TestKeysOnlyIndex_ProjectionComesBackFromTheKey(t *testing.T) {
	ctx := context.Background()
	db := newTestDB(t)
	_, err := db.CreateTable(ctx, CreateTableInput{TableName: "keysonly", KeySchema: keys("pk", "HASH", "sk", "RANGE"), BillingMode: BillingModePayPerRequest,
		AttributeDefinitions: []AttributeDefinition{{"pk", ScalarAttributeTypeB}, {"sk", ScalarAttributeTypeN}, {"g", ScalarAttributeTypeN}, {"l", ScalarAttributeTypeS}},
		GlobalSecondaryIndexes: []GlobalSecondaryIndex{{IndexName: "byG", KeySchema: keys("g", "HASH", "pk", "RANGE"),
			Projection: &Projection{ProjectionType: ProjectionTypeKeysOnly}}},
		LocalSecondaryIndexes: []LocalSecondaryIndex{{IndexName: "byL", KeySchema: keys("pk", "HASH", "l", "RANGE"),
			Projection: &Projection{ProjectionType: ProjectionTypeKeysOnly}}}})
	require.NoError(t, err)
	var want []Item
	var size int64
	for i, n := range []string{"-1.50", "0", "1e3", "-12345678901234567890123456789012345678", "0.000001"} {
		it := Item{"pk": B([]byte{0, byte(i), 0}), "sk": N(n), "g": N("-7.0"), "l": S("x\x00" + n), "other": S("not projected")}
		_, err := db.PutItem(ctx, PutItemInput{TableName: "keysonly", Item: it})
		require.NoError(t, err)
		p := pick(it, []string{"pk", "sk", "g"})
		p["sk"] = N(number.MustParse(n).String())
		p["g"] = N("-7")
		want = append(want, p)
		s, err := p.Size()
		require.NoError(t, err)
		size += int64(s)
	}
	var got []Item
	in := QueryInput{TableName: "keysonly", IndexName: "byG", KeyConditionExpression: "g = :g", ExpressionAttributeValues: map[string]Value{":g": N("-7")}, Limit: ptr(int32(2))}
	for {
		out, err := db.Query(ctx, in)
		require.NoError(t, err)
		got = append(got, out.Items...)
		if out.LastEvaluatedKey == nil {
			break
		}
		assert.Equal(t, got[len(got)-1], out.LastEvaluatedKey, "every attribute of a KEYS_ONLY item is a key")
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
	assert.Equal(t, want, got, "in pk order, as the GSI's sort key")
	scan, err := db.Scan(ctx, ScanInput{TableName: "keysonly", IndexName: "byL"})
	require.NoError(t, err)
	for _, it := range scan.Items {
		assert.Equal(t, []string{"l", "pk", "sk"}, slices.Sorted(maps.Keys(it)))
		assert.Equal(t, "x\x00", it["l"].S()[:2])
	}
	assert.Len(t, scan.Items, len(want))
	d, err := db.DescribeTable(ctx, DescribeTableInput{TableName: "keysonly"})
	require.NoError(t, err)
	assert.Equal(t, size, d.GlobalSecondaryIndexes[0].IndexSizeBytes)
}
