package conformance

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// putAll stores items in table, 25 to a BatchWriteItem, resending
// whatever comes back unprocessed.
func putAll(t *testing.T, table string, items ...item) {
	t.Helper()
	for chunk := range slices.Chunk(items, 25) {
		writes := make([]types.WriteRequest, len(chunk))
		for i, it := range chunk {
			writes[i] = types.WriteRequest{PutRequest: &types.PutRequest{Item: it}}
		}
		writeAll(t, map[string][]types.WriteRequest{table: writes})
	}
}

// writeAll sends a BatchWriteItem, then its UnprocessedItems, until none
// are left.
func writeAll(t *testing.T, requests map[string][]types.WriteRequest) {
	t.Helper()
	for len(requests) > 0 {
		out, err := client(t).BatchWriteItem(context.Background(), &dynamodb.BatchWriteItemInput{RequestItems: requests})
		require.NoError(t, err)
		require.NotNil(t, out.UnprocessedItems, "UnprocessedItems is always present")
		requests = out.UnprocessedItems
	}
}

// page is what a Query or Scan page tells, less its items.
type page struct {
	count, scanned int32
	more           bool // LastEvaluatedKey is set
}

// queryAll runs a Query with dynamodb.NewQueryPaginator, strongly
// consistent, and returns the items of every page, and the pages.
func queryAll(t *testing.T, in *dynamodb.QueryInput) ([]item, []page) {
	t.Helper()
	in.ConsistentRead = aws.Bool(true)
	p := dynamodb.NewQueryPaginator(client(t), in)
	var items []item
	var pages []page
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		items = append(items, out.Items...)
		pages = append(pages, page{out.Count, out.ScannedCount, out.LastEvaluatedKey != nil})
	}
	return items, pages
}

// scanAll runs a Scan with dynamodb.NewScanPaginator, strongly
// consistent, and returns the items of every page.
func scanAll(t *testing.T, in *dynamodb.ScanInput) []item {
	t.Helper()
	in.ConsistentRead = aws.Bool(true)
	p := dynamodb.NewScanPaginator(client(t), in)
	var items []item
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		if !assert.NoError(t, err) {
			return items
		}
		items = append(items, out.Items...)
	}
	return items
}

// attr returns the text of a scalar attribute of it: the string, the
// number or the bytes.
func attr(it item, name string) string {
	switch v := it[name].(type) {
	case *types.AttributeValueMemberS:
		return v.Value
	case *types.AttributeValueMemberN:
		return v.Value
	case *types.AttributeValueMemberB:
		return string(v.Value)
	}
	return ""
}

// attrs returns attribute name of each item.
func attrs(items []item, name string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = attr(it, name)
	}
	return out
}

// newEventsTable creates a table keyed by pk (S) and sk (N) holding, in
// partition "p", the sort keys sks, each with v its position in sks.
func newEventsTable(t *testing.T, sks ...string) string {
	t.Helper()
	table := newTable(t, keyAttr("pk", types.ScalarAttributeTypeS), keyAttr("sk", types.ScalarAttributeTypeN))
	items := make([]item, len(sks))
	for i, sk := range sks {
		items[i] = item{"pk": s("p"), "sk": n(sk), "v": n(strconv.Itoa(i + 1))}
	}
	putAll(t, table, items...)
	return table
}

// TestQuery_SortKeyConditions runs each sort key condition of a
// KeyConditionExpression (ddb-facts §10) over numbers, which are ordered
// by value, with the key on either side of a comparator.
func TestQuery_SortKeyConditions(t *testing.T) {
	t.Parallel()
	table := newEventsTable(t, "-10", "-1.5", "0", "2", "10", "100")
	two, lo := item{":a": n("2.0")}, item{":a": n("2.0"), ":lo": n("-1.5")}
	for _, tc := range []struct {
		cond   string
		values item
		want   []string
	}{
		{"", nil, []string{"-10", "-1.5", "0", "2", "10", "100"}},
		{" AND sk = :a", two, []string{"2"}},
		{" AND sk < :a", two, []string{"-10", "-1.5", "0"}},
		{" AND sk <= :a", two, []string{"-10", "-1.5", "0", "2"}},
		{" AND sk > :a", two, []string{"10", "100"}},
		{" AND sk >= :a", two, []string{"2", "10", "100"}},
		{" AND :a > sk", two, []string{"-10", "-1.5", "0"}},
		{" AND sk BETWEEN :lo AND :a", lo, []string{"-1.5", "0", "2"}},
		{" AND (sk BETWEEN :a AND :a)", two, []string{"2"}},
	} {
		t.Run(tc.cond, func(t *testing.T) {
			values := item{":p": s("p")}
			maps.Copy(values, tc.values)
			items, _ := queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p" + tc.cond),
				ExpressionAttributeValues: values, Limit: aws.Int32(2)})
			assert.Equal(t, tc.want, attrs(items, "sk"))
		})
	}
}

// TestQuery_StringsSortByUTF8Bytes checks that S sort keys are ordered by
// their UTF-8 bytes (not UTF-16 units, not case-folded), and that
// begins_with is a case-sensitive byte prefix.
func TestQuery_StringsSortByUTF8Bytes(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("pk", types.ScalarAttributeTypeS), keyAttr("sk", types.ScalarAttributeTypeS))
	// UTF-16 would put 𝄞 (a surrogate pair, D834 DD1E) before ｚ (FF5A);
	// UTF-8 puts it after (F0 before EF).
	sks := []string{"𝄞", "ｚ", "é", "z", "ab", "a", "B", "Ab"}
	items := make([]item, len(sks))
	for i, sk := range sks {
		items[i] = item{"pk": s("p"), "sk": s(sk)}
	}
	putAll(t, table, items...)

	got, _ := queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: item{":p": s("p")}})
	assert.Equal(t, []string{"Ab", "B", "a", "ab", "z", "é", "ｚ", "𝄞"}, attrs(got, "sk"))

	got, _ = queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p AND begins_with(sk, :a)"),
		ExpressionAttributeValues: item{":p": s("p"), ":a": s("a")}})
	assert.Equal(t, []string{"a", "ab"}, attrs(got, "sk"))
}

// TestQuery_BinariesSortUnsigned checks that B sort keys are ordered as
// unsigned bytes, shorter prefixes first, and that begins_with matches a
// byte prefix.
func TestQuery_BinariesSortUnsigned(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("pk", types.ScalarAttributeTypeS), keyAttr("sk", types.ScalarAttributeTypeB))
	sks := [][]byte{{0xff}, {0x80, 0x01}, {0x80}, {0x7f}, {0x01}, {0x00, 0x00}, {0x00}}
	items := make([]item, len(sks))
	for i, sk := range sks {
		items[i] = item{"pk": s("p"), "sk": b(sk)}
	}
	putAll(t, table, items...)

	got, _ := queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: item{":p": s("p")}})
	want := slices.SortedFunc(slices.Values(sks), bytes.Compare)
	assert.Equal(t, want, mapItems(got, func(it item) []byte { return it["sk"].(*types.AttributeValueMemberB).Value }))

	got, _ = queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p AND begins_with(sk, :x)"),
		ExpressionAttributeValues: item{":p": s("p"), ":x": b([]byte{0x80})}})
	assert.Len(t, got, 2)
}

// mapItems applies f to each item.
func mapItems[T any](items []item, f func(item) T) []T {
	out := make([]T, len(items))
	for i, it := range items {
		out[i] = f(it)
	}
	return out
}

// TestQuery_DescendingOrder pages backwards with ScanIndexForward=false.
func TestQuery_DescendingOrder(t *testing.T) {
	t.Parallel()
	table := newEventsTable(t, "1", "2", "3", "4", "5")
	items, _ := queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p AND sk <= :four"),
		ExpressionAttributeValues: item{":p": s("p"), ":four": n("4")}, ScanIndexForward: aws.Bool(false), Limit: aws.Int32(3)})
	assert.Equal(t, []string{"4", "3", "2", "1"}, attrs(items, "sk"))
}

// TestQuery_LimitCountsItemsBeforeTheFilter checks ddb-facts §10: Limit
// caps the items read, the filter drops items after, so a page may be
// empty and still carry a LastEvaluatedKey; Count counts the items
// returned, ScannedCount those read.
func TestQuery_LimitCountsItemsBeforeTheFilter(t *testing.T) {
	t.Parallel()
	table := newEventsTable(t, "1", "2", "3", "4", "5", "6", "7", "8", "9", "10")
	items, pages := queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p"),
		FilterExpression: aws.String("v >= :eight"), ExpressionAttributeValues: item{":p": s("p"), ":eight": n("8")}, Limit: aws.Int32(3)})
	assert.Equal(t, []string{"8", "9", "10"}, attrs(items, "sk"))
	require.GreaterOrEqual(t, len(pages), 4)
	assert.Equal(t, page{count: 0, scanned: 3, more: true}, pages[0], "an empty page that carries a LastEvaluatedKey")
	assert.Equal(t, page{count: 0, scanned: 3, more: true}, pages[1])
	assert.Equal(t, page{count: 2, scanned: 3, more: true}, pages[2])
	var count, scanned int32
	for _, p := range pages {
		count, scanned = count+p.count, scanned+p.scanned
	}
	assert.Equal(t, int32(3), count)
	assert.Equal(t, int32(10), scanned, "every item read once")
	assert.False(t, pages[len(pages)-1].more, "the last page has no LastEvaluatedKey")

	out, err := client(t).Query(context.Background(), &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p"),
		FilterExpression: aws.String("v >= :eight"), ExpressionAttributeValues: item{":p": s("p"), ":eight": n("8")}, Select: types.SelectCount, ConsistentRead: aws.Bool(true)})
	require.NoError(t, err)
	assert.Nil(t, out.Items, "Select=COUNT returns no Items")
	assert.Equal(t, int32(3), out.Count)
	assert.Equal(t, int32(10), out.ScannedCount)
}

// TestQuery_ExclusiveStartKeyIsExclusive resumes after a key that is no
// item: the page starts at the next sort key.
func TestQuery_ExclusiveStartKeyIsExclusive(t *testing.T) {
	t.Parallel()
	table := newEventsTable(t, "1", "2", "10", "20")
	for start, want := range map[string][]string{"2": {"10", "20"}, "5": {"10", "20"}, "20": nil} {
		items, _ := queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("pk = :p"),
			ExpressionAttributeValues: item{":p": s("p")}, ExclusiveStartKey: item{"pk": s("p"), "sk": n(start)}})
		assert.Equal(t, want, attrsOrNil(items, "sk"), "after %s", start)
	}
}

// attrsOrNil is attrs, nil for no items.
func attrsOrNil(items []item, name string) []string {
	if len(items) == 0 {
		return nil
	}
	return attrs(items, name)
}

// TestQuery_ProjectionAndHashOnlyTable checks a ProjectionExpression
// (key attributes are not added) and a Query of a table without a sort
// key, which returns at most one item.
func TestQuery_ProjectionAndHashOnlyTable(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	put(t, table, item{"id": s("a"), "x": s("1"), "y": m(item{"z": n("2"), "w": n("3")})})
	put(t, table, item{"id": s("b")})
	items, _ := queryAll(t, &dynamodb.QueryInput{TableName: aws.String(table), KeyConditionExpression: aws.String("id = :a"),
		ProjectionExpression: aws.String("y.z, x"), ExpressionAttributeValues: item{":a": s("a")}})
	assert.Equal(t, []item{{"x": s("1"), "y": m(item{"z": n("2")})}}, items)
}

// TestQuery_ValidationMessages checks AWS's texts for invalid queries
// (ddb-facts §4, §10), each compared whole.
func TestQuery_ValidationMessages(t *testing.T) {
	t.Parallel()
	table := newEventsTable(t, "1", "2")
	for _, tc := range []struct {
		name string
		in   dynamodb.QueryInput
		msgs []string
	}{
		{"no key condition", dynamodb.QueryInput{},
			[]string{"Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."}},
		{"empty key condition", dynamodb.QueryInput{KeyConditionExpression: aws.String("")},
			[]string{"Invalid KeyConditionExpression: The expression can not be empty;"}},
		{"OR", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p OR sk = :one"), ExpressionAttributeValues: item{":p": s("p"), ":one": n("1")}},
			[]string{"Invalid operator used in KeyConditionExpression: OR"}},
		{"no partition key", dynamodb.QueryInput{KeyConditionExpression: aws.String("sk = :one"), ExpressionAttributeValues: item{":one": n("1")}},
			[]string{"Query condition missed key schema element: pk"}},
		{"two conditions on one key", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND pk = :p"), ExpressionAttributeValues: item{":p": s("p")}},
			[]string{"KeyConditionExpressions must only contain one condition per key", "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key"}},
		{"size", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND size(sk) > :one"), ExpressionAttributeValues: item{":p": s("p"), ":one": n("1")}},
			[]string{"KeyConditionExpressions cannot contain nested operations"}},
		{"begins_with on a number", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND begins_with(sk, :one)"), ExpressionAttributeValues: item{":p": s("p"), ":one": n("1")}},
			[]string{"Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"}},
		{"type not the schema's", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND sk > :s"), ExpressionAttributeValues: item{":p": s("p"), ":s": s("1")}},
			[]string{"One or more parameter values were invalid: Condition parameter type does not match schema type"}},
		{"BETWEEN bounds reversed", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND sk BETWEEN :two AND :one"), ExpressionAttributeValues: item{":p": s("p"), ":one": n("1"), ":two": n("2")}},
			[]string{"Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"}},
		{"filter on a key", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p"), FilterExpression: aws.String("sk > :one"), ExpressionAttributeValues: item{":p": s("p"), ":one": n("1")}},
			[]string{"Filter Expression can only contain non-primary key attributes: Primary key attribute: sk"}},
		{"limit 0", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: item{":p": s("p")}, Limit: aws.Int32(0)},
			[]string{"1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
				"1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1"}},
		{"bad select", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: item{":p": s("p")}, Select: "INVALID_VALUE"},
			[]string{"1 validation error detected: Value 'INVALID_VALUE' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]"}},
		{"unknown index", dynamodb.QueryInput{IndexName: aws.String("byV"), KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: item{":p": s("p")}},
			[]string{"The table does not have the specified index: byV"}},
		{"start key in another partition", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: item{":p": s("p")}, ExclusiveStartKey: item{"pk": s("q"), "sk": n("1")}},
			[]string{"The provided starting key is outside query boundaries based on provided conditions"}},
		{"start key without the sort key", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: item{":p": s("p")}, ExclusiveStartKey: item{"pk": s("p")}},
			[]string{"The provided starting key is invalid"}},
		{"unused value", dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: item{":p": s("p"), ":unused": n("1")}},
			[]string{"Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.TableName = aws.String(table)
			_, err := client(t).Query(context.Background(), &in)
			requireValidation(t, err, tc.msgs...)
		})
	}
}

// newScanTable creates a table keyed by pk (S) and sk (N) holding
// partitions p0 to p<parts-1>, each with sort keys 1 to per.
func newScanTable(t *testing.T, parts, per int) (string, []string) {
	t.Helper()
	table := newTable(t, keyAttr("pk", types.ScalarAttributeTypeS), keyAttr("sk", types.ScalarAttributeTypeN))
	var items []item
	var keys []string
	for p := range parts {
		for k := 1; k <= per; k++ {
			items = append(items, item{"pk": s("p" + strconv.Itoa(p)), "sk": n(strconv.Itoa(k)), "v": n(strconv.Itoa(k))})
			keys = append(keys, "p"+strconv.Itoa(p)+"/"+strconv.Itoa(k))
		}
	}
	putAll(t, table, items...)
	slices.Sort(keys)
	return table, keys
}

// keysOf returns "pk/sk" for each item, sorted.
func keysOf(items []item) []string {
	out := mapItems(items, func(it item) string { return attr(it, "pk") + "/" + attr(it, "sk") })
	slices.Sort(out)
	return out
}

// TestScan_PaginatorReadsEveryItemOnce pages through a table: every item
// comes once; partitions come in an unspecified order, each in sort key
// order (ddb-facts §10, Sort order).
func TestScan_PaginatorReadsEveryItemOnce(t *testing.T) {
	t.Parallel()
	table, keys := newScanTable(t, 6, 5)
	items := scanAll(t, &dynamodb.ScanInput{TableName: aws.String(table), Limit: aws.Int32(4)})
	assert.Equal(t, keys, keysOf(items))

	last := map[string]int{}
	for _, it := range items {
		sk, _ := strconv.Atoi(attr(it, "sk"))
		pk := attr(it, "pk")
		assert.Greater(t, sk, last[pk], "partition %s in sort key order", pk)
		last[pk] = sk
	}
}

// TestScan_ParallelSegmentsCoverTheTableOnce scans with several
// TotalSegments, the segments concurrently: together they return every
// item exactly once.
func TestScan_ParallelSegmentsCoverTheTableOnce(t *testing.T) {
	t.Parallel()
	table, keys := newScanTable(t, 20, 3)
	for _, total := range []int32{1, 2, 3, 7} {
		t.Run(strconv.Itoa(int(total)), func(t *testing.T) {
			segments := make([][]item, total)
			done := make(chan struct{})
			for i := range total {
				go func() {
					defer func() { done <- struct{}{} }()
					segments[i] = scanAll(t, &dynamodb.ScanInput{TableName: aws.String(table), Segment: aws.Int32(i), TotalSegments: aws.Int32(total), Limit: aws.Int32(5)})
				}()
			}
			for range total {
				<-done
			}
			assert.Equal(t, keys, keysOf(slices.Concat(segments...)))
		})
	}
}

// TestScan_FilterMayUseKeys checks that a Scan filter, unlike a Query's,
// may name key attributes, and Count against ScannedCount.
func TestScan_FilterMayUseKeys(t *testing.T) {
	t.Parallel()
	table, _ := newScanTable(t, 3, 4)
	out, err := client(t).Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String(table), ConsistentRead: aws.Bool(true),
		FilterExpression: aws.String("pk = :p AND sk >= :three"), ExpressionAttributeValues: item{":p": s("p1"), ":three": n("3")}})
	require.NoError(t, err)
	assert.Equal(t, []string{"p1/3", "p1/4"}, keysOf(out.Items))
	assert.Equal(t, int32(2), out.Count)
	assert.Equal(t, int32(12), out.ScannedCount)

	count, err := client(t).Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String(table), ConsistentRead: aws.Bool(true), Select: types.SelectCount})
	require.NoError(t, err)
	assert.Nil(t, count.Items)
	assert.Equal(t, int32(12), count.Count)
}

// TestScan_ValidationMessages checks AWS's texts for invalid scans
// (ddb-facts §10).
func TestScan_ValidationMessages(t *testing.T) {
	t.Parallel()
	table, _ := newScanTable(t, 1, 1)
	for _, tc := range []struct {
		name string
		in   dynamodb.ScanInput
		msgs []string
	}{
		{"segment without total", dynamodb.ScanInput{Segment: aws.Int32(0)},
			[]string{"The TotalSegments parameter is required but was not present in the request when Segment parameter is present"}},
		{"total without segment", dynamodb.ScanInput{TotalSegments: aws.Int32(2)},
			[]string{"The Segment parameter is required but was not present in the request when parameter TotalSegments is present"}},
		{"segment not less than total", dynamodb.ScanInput{Segment: aws.Int32(5), TotalSegments: aws.Int32(5)},
			[]string{"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 5 is not less than TotalSegments: 5"}},
		{"limit 0", dynamodb.ScanInput{Limit: aws.Int32(0)},
			[]string{"1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"}},
		{"empty filter", dynamodb.ScanInput{FilterExpression: aws.String("")},
			[]string{"Invalid FilterExpression: The expression can not be empty;"}},
		{"values without expression", dynamodb.ScanInput{ExpressionAttributeValues: item{":v": n("1")}},
			[]string{"ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null",
				"1 validation error detected: ExpressionAttributeValues can only be specified when using expressions"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.TableName = aws.String(table)
			_, err := client(t).Scan(context.Background(), &in)
			requireValidation(t, err, tc.msgs...)
		})
	}
}
