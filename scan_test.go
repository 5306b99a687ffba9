package ddbsim

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scanAll pages through a Scan to its end and returns every item.
func scanAll(t testing.TB, db *DB, in ScanInput) (items []Item, pages int) {
	t.Helper()
	for ; ; pages++ {
		require.Less(t, pages, 10_000)
		out, err := db.Scan(context.Background(), in)
		require.NoError(t, err)
		items = append(items, out.Items...)
		if out.LastEvaluatedKey == nil {
			return items, pages + 1
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
}

func TestScan_WholeTable_InHashOrder(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	out, err := db.Scan(context.Background(), ScanInput{TableName: "events", ConsistentRead: true})
	require.NoError(t, err)
	require.Len(t, out.Items, 13)
	assert.Equal(t, int32(13), out.Count)
	assert.Equal(t, int32(13), out.ScannedCount)
	assert.Nil(t, out.LastEvaluatedKey)
	want := tableItems(t, db, "events")
	for i := range want {
		assert.True(t, want[i].Equal(out.Items[i]), "item %d: the table's order", i)
	}
	// Within a partition, sort key order.
	var a []string
	for _, it := range out.Items {
		if it["pk"].S() == "a" {
			a = append(a, it["sk"].N())
		}
	}
	assert.Equal(t, strings.Fields("0 1 2 3 4 5 6 7 8 9"), a)
}

func TestScan_FilterProjectionSelect(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	out, err := db.Scan(ctx, ScanInput{TableName: "events", FilterExpression: "pk = :b AND sk > :one", ProjectionExpression: "sk",
		ExpressionAttributeValues: vals(":b", S("b"), ":one", N("1"))})
	require.NoError(t, err, "a Scan filter may use key attributes")
	require.Len(t, out.Items, 1)
	assert.True(t, out.Items[0].Equal(Item{"sk": N("2")}))
	assert.Equal(t, int32(13), out.ScannedCount)

	out, err = db.Scan(ctx, ScanInput{TableName: "events", ScanFilter: map[string]Condition{
		"v":  {ComparisonOperator: ComparisonOperatorBetween, AttributeValueList: []Value{N("20"), N("40")}},
		"pk": {ComparisonOperator: ComparisonOperatorEq, AttributeValueList: []Value{S("b")}},
	}, ConditionalOperator: ConditionalOperatorOr, AttributesToGet: []string{"v"}, Select: SelectSpecificAttributes})
	require.NoError(t, err)
	var got []string
	for _, it := range out.Items {
		assert.Len(t, it, 1)
		got = append(got, it["v"].N())
	}
	slices.Sort(got)
	assert.Equal(t, []string{"100", "101", "102", "20", "30", "40"}, got)

	out, err = db.Scan(ctx, ScanInput{TableName: "events", Select: SelectCount, FilterExpression: "v < :v", ExpressionAttributeValues: vals(":v", N("50"))})
	require.NoError(t, err)
	assert.Nil(t, out.Items)
	assert.Equal(t, int32(5), out.Count)
	assert.Equal(t, int32(13), out.ScannedCount)
}

func TestScan_Rejections_AWSMessages(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	for _, tc := range []struct {
		name string
		in   ScanInput
		code string
		msg  string
	}{
		{"limit zero", ScanInput{TableName: "events", Limit: ptr(int32(0))}, CodeValidation,
			"1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"segment bounds", ScanInput{TableName: "events", Segment: ptr(int32(-1)), TotalSegments: ptr(int32(1_000_001))}, CodeValidation,
			"2 validation errors detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0; " +
				"Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000"},
		{"segment too large, total zero", ScanInput{TableName: "events", Segment: ptr(int32(1_000_000)), TotalSegments: ptr(int32(0))}, CodeValidation,
			"2 validation errors detected: Value '1000000' at 'segment' failed to satisfy constraint: Member must have value less than or equal to 999999; " +
				"Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"segment without total", ScanInput{TableName: "events", Segment: ptr(int32(0))}, CodeValidation,
			"The TotalSegments parameter is required but was not present in the request when Segment parameter is present"},
		{"total without segment", ScanInput{TableName: "events", TotalSegments: ptr(int32(2))}, CodeValidation,
			"The Segment parameter is required but was not present in the request when parameter TotalSegments is present"},
		{"segment not below total", ScanInput{TableName: "events", Segment: ptr(int32(5)), TotalSegments: ptr(int32(5))}, CodeValidation,
			"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 5 is not less than TotalSegments: 5"},
		{"mixed", ScanInput{TableName: "events", ScanFilter: map[string]Condition{}, FilterExpression: "a = :a"}, CodeValidation,
			"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {ScanFilter} Expression parameters: {FilterExpression}"},
		{"values without expressions", ScanInput{TableName: "events", ExpressionAttributeValues: vals(":a", S("a"))}, CodeValidation,
			"ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null"},
		{"ScanFilter type", ScanInput{TableName: "events", ScanFilter: map[string]Condition{"a": {ComparisonOperator: "CONTAINS", AttributeValueList: []Value{SS("a")}}}},
			CodeValidation, "One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid for SS AttributeValue type"},
		{"unused name", ScanInput{TableName: "events", FilterExpression: "a = :a", ExpressionAttributeValues: vals(":a", S("a")),
			ExpressionAttributeNames: map[string]string{"#n": "n"}}, CodeValidation, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}"},
		{"COUNT with a projection", ScanInput{TableName: "events", Select: SelectCount, ProjectionExpression: "a"}, CodeValidation,
			"Cannot specify the ProjectionExpression when choosing to get only the Count"},
		{"missing table", ScanInput{TableName: "nope", ExclusiveStartKey: Item{"x": S("y")}}, CodeResourceNotFound, "Requested resource not found"},
		{"unknown index", ScanInput{TableName: "events", IndexName: "byV"}, CodeValidation, "The table does not have the specified index: byV"},
		{"unknown index with a start key", ScanInput{TableName: "events", IndexName: "byV", ExclusiveStartKey: Item{"pk": S("a"), "sk": N("1")}},
			CodeValidation, "The provided starting key is invalid"},
		{"start key empty value", ScanInput{TableName: "events", ExclusiveStartKey: Item{"pk": {}}}, CodeValidation,
			"The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
		{"start key partial", ScanInput{TableName: "events", ExclusiveStartKey: Item{"pk": S("a")}}, CodeValidation,
			"The provided starting key is invalid: The provided key element does not match the schema"},
		{"start key extra", ScanInput{TableName: "events", ExclusiveStartKey: Item{"pk": S("a"), "sk": N("1"), "x": N("1")}}, CodeValidation,
			"The provided starting key is invalid: The provided key element does not match the schema"},
		{"start key type", ScanInput{TableName: "events", ExclusiveStartKey: Item{"pk": S("a"), "sk": S("1")}}, CodeValidation,
			"The provided starting key is invalid: The provided key element does not match the schema"},
		{"start key too long", ScanInput{TableName: "events", ExclusiveStartKey: Item{"pk": S(strings.Repeat("k", 2049)), "sk": N("1")}}, CodeValidation,
			"The provided starting key is invalid: " + msgHashKeyTooLong},
		{"projection inside a key", ScanInput{TableName: "events", ProjectionExpression: "sk[0]"}, CodeValidation,
			"Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: sk"},
		{"filter inside a key", ScanInput{TableName: "events", FilterExpression: "pk.x = :a", ExpressionAttributeValues: vals(":a", S("a"))}, CodeValidation,
			"Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.Scan(context.Background(), tc.in)
			requireAWSError(t, err, tc.code, tc.msg)
		})
	}
}

func TestScan_StartKeyOfAnotherSegment_Rejected(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	total := int32(4)
	// Find a key of the table and the segment that holds it.
	key := Item{"pk": S("a"), "sk": N("3")}
	k, err := db.lookup("events").schema.fromKey(key)
	require.NoError(t, err)
	var home int32
	for s := range total {
		seg, err := newSegment(&s, &total)
		require.NoError(t, err)
		if seg.holds(k.hash) {
			home = s
		}
	}
	_, err = db.Scan(ctx, ScanInput{TableName: "events", Segment: &home, TotalSegments: &total, ExclusiveStartKey: key})
	require.NoError(t, err)
	other := (home + 1) % total
	_, err = db.Scan(ctx, ScanInput{TableName: "events", Segment: &other, TotalSegments: &total, ExclusiveStartKey: key})
	requireAWSError(t, err, CodeValidation, fmt.Sprintf("The provided starting key is invalid: Invalid ExclusiveStartKey. "+
		"Please use ExclusiveStartKey with correct Segment. TotalSegments: 4 Segment: %d", other))
}

// Parallel scan segments, paged with random limits, partition random
// tables exactly: every item in exactly one segment, once.
func TestScan_Segments_PartitionTheTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for round := range 12 {
		db := newTestDB(t)
		n := rng.IntN(300)
		want := map[string]bool{}
		for range n {
			pk, sk := "p"+strconv.Itoa(rng.IntN(60)), rng.IntN(20)
			putAll(t, db, "events", Item{"pk": S(pk), "sk": Int(int64(sk))})
			want[pk+"/"+strconv.Itoa(sk)] = true
		}
		for total := int32(1); total <= 16; total++ {
			seen := map[string]int{}
			for s := range total {
				limit := int32(1 + rng.IntN(40))
				items, _ := scanAll(t, db, ScanInput{TableName: "events", Segment: &s, TotalSegments: &total, Limit: &limit})
				for _, it := range items {
					seen[it["pk"].S()+"/"+it["sk"].N()]++
				}
			}
			require.Len(t, seen, len(want), "round %d, %d segments: every item found", round, total)
			for k, c := range seen {
				require.True(t, want[k], "found an item never written: %s", k)
				require.Equal(t, 1, c, "round %d, %d segments: %s found %d times", round, total, k, c)
			}
		}
	}
}

func TestSegments_SliceTheHashSpace(t *testing.T) {
	for _, total := range []int32{1, 2, 3, 7, 16, 1000, MaxTotalSegments} {
		for _, s := range []int32{0, 1, total / 2, total - 2, total - 1} {
			if s < 0 || s >= total {
				continue
			}
			seg, err := newSegment(&s, &total)
			require.NoError(t, err)
			assert.Equal(t, s == total-1, seg.last)
			if s == 0 {
				assert.Zero(t, seg.lo, "the first segment starts the hash space")
			}
			if seg.last {
				assert.True(t, seg.holds(^uint64(0)), "the last segment ends the hash space")
				continue
			}
			next := s + 1
			after, err := newSegment(&next, &total)
			require.NoError(t, err)
			assert.Equal(t, seg.hi, after.lo, "segment %d of %d ends where the next begins", s, total)
			assert.True(t, seg.holds(seg.hi-1))
			assert.False(t, seg.holds(seg.hi))
			assert.False(t, after.holds(seg.hi-1))
		}
	}
}

func TestScan_Paging_WithLimitsAndFilters(t *testing.T) {
	db := newTestDB(t)
	for i := range 40 {
		putAll(t, db, "events", Item{"pk": S("p" + strconv.Itoa(i%9)), "sk": Int(int64(i)), "odd": Bool(i%2 == 1)})
	}
	all, pages := scanAll(t, db, ScanInput{TableName: "events"})
	require.Len(t, all, 40)
	assert.Equal(t, 1, pages)
	for _, limit := range []int32{1, 3, 39, 40} {
		items, pages := scanAll(t, db, ScanInput{TableName: "events", Limit: &limit, FilterExpression: "odd = :t", ExpressionAttributeValues: vals(":t", Bool(true))})
		var want []Item
		for _, it := range all {
			if it["odd"].Bool() {
				want = append(want, it)
			}
		}
		require.Len(t, items, len(want))
		for i := range want {
			assert.True(t, want[i].Equal(items[i]))
		}
		assert.Equal(t, (40+int(limit)-1)/int(limit), pages, "limit %d", limit)
	}
}

func TestScan_ConsumedCapacity_CountsItemsRead(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	for i := range 9 {
		putAll(t, db, "events", bigItem(t, "p", i, 1000))
	}
	out, err := db.Scan(ctx, ScanInput{TableName: "events", FilterExpression: "sk = :z", ExpressionAttributeValues: vals(":z", N("0")),
		ReturnConsumedCapacity: ReturnConsumedCapacityTotal})
	require.NoError(t, err)
	assert.Equal(t, int32(1), out.Count)
	assert.Equal(t, 1.5, out.ConsumedCapacity.CapacityUnits, "9,000 bytes: 3 units, halved")
}
