package ddbsim

import (
	"context"
	"fmt"
	"runtime"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// benchIndexedTable is hashKeyTable's "users" with sort key seq (N),
// and, when indexed, DESIGN.md's budget case: two GSIs (byEmail on email,
// ALL; byCity on city and age, KEYS_ONLY) and one LSI (byScore on id and
// score, ALL).
func benchIndexedTable(indexed bool) CreateTableInput {
	in := CreateTableInput{TableName: "users", KeySchema: keys("id", "HASH", "seq", "RANGE"),
		AttributeDefinitions: []AttributeDefinition{{"id", ScalarAttributeTypeS}, {"seq", ScalarAttributeTypeN}},
		BillingMode:          BillingModePayPerRequest}
	if indexed {
		in.AttributeDefinitions = append(in.AttributeDefinitions, AttributeDefinition{"email", ScalarAttributeTypeS},
			AttributeDefinition{"city", ScalarAttributeTypeS}, AttributeDefinition{"age", ScalarAttributeTypeN}, AttributeDefinition{"score", ScalarAttributeTypeN})
		in.GlobalSecondaryIndexes = []GlobalSecondaryIndex{
			{IndexName: "byEmail", KeySchema: keys("email", "HASH"), Projection: &Projection{ProjectionType: ProjectionTypeAll}},
			{IndexName: "byCity", KeySchema: keys("city", "HASH", "age", "RANGE"), Projection: &Projection{ProjectionType: ProjectionTypeKeysOnly}},
		}
		in.LocalSecondaryIndexes = []LocalSecondaryIndex{
			{IndexName: "byScore", KeySchema: keys("id", "HASH", "score", "RANGE"), Projection: &Projection{ProjectionType: ProjectionTypeAll}},
		}
	}
	return in
}

// benchIndexedItem is benchItem with a sort key and a top-level city.
func benchIndexedItem(i int) Item {
	it := benchItem(i / 10)
	it["seq"] = Int(int64(i % 10))
	it["email"] = S("user" + strconv.Itoa(i) + "@example.com")
	it["city"] = S("city" + strconv.Itoa(i%50))
	return it
}

func loadIndexedTable(b *testing.B, indexed bool, n int) *DB {
	b.Helper()
	db := New(nil)
	_, err := db.CreateTable(context.Background(), benchIndexedTable(indexed))
	require.NoError(b, err)
	for i := range n {
		_, err := db.PutItem(context.Background(), PutItemInput{TableName: "users", Item: benchIndexedItem(i)})
		require.NoError(b, err)
	}
	return db
}

// BenchmarkIndexes compares PutItem (overwriting one of 1k items, a GSI's
// key changing, or only an attribute the ALL projections store) and a
// 10-item Query on a table without indexes and
// on one with 2 GSIs and 1 LSI (budget: PutItem ≤ 2x; the Query on the
// GSI ≤ 1.2x the same Query on the table).
func BenchmarkIndexes(b *testing.B) {
	for _, c := range []struct {
		name             string
		indexed, keyMove bool
	}{{"plain", false, true}, {"2GSI+LSI", true, true}, {"2GSI+LSI/keys-kept", true, false}} {
		b.Run("PutItem/"+c.name, func(b *testing.B) {
			db := loadIndexedTable(b, c.indexed, 1000)
			users := db.Table("users")
			// Two versions of each item, written in turn, so that every
			// overwrite changes what it says it changes.
			var items [2][1000]Item
			for v := range items {
				for i := range items[v] {
					it := benchIndexedItem(i)
					if c.keyMove {
						it["age"] = Int(int64(40 + v)) // a changed index key
					} else {
						it["name"] = S([]string{"Ada Byron", "Ada Lovelace"}[v]) // a changed ALL-projected attribute only
					}
					items[v][i] = it
				}
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := users.PutItem(context.Background(), PutItemInput{Item: items[i/1000%2][i%1000]}); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
	b.Run("PutItem/2GSI+LSI/index-trees-only", benchIndexTreesOnly)
	db := loadIndexedTable(b, true, 1000)
	users := db.Table("users")
	for _, q := range []struct {
		name string
		in   QueryInput
	}{
		{"Query10/table", QueryInput{KeyConditionExpression: "id = :id", ExpressionAttributeValues: map[string]Value{":id": S("user#7")}}},
		{"Query10/LSI", QueryInput{IndexName: "byScore", KeyConditionExpression: "id = :id", ExpressionAttributeValues: map[string]Value{":id": S("user#7")}}},
		{"Query10/GSI", QueryInput{IndexName: "byCity", KeyConditionExpression: "city = :c AND age > :a",
			ExpressionAttributeValues: map[string]Value{":c": S("city7"), ":a": Int(0)}}},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				out, err := users.Query(context.Background(), q.in)
				if err != nil || len(out.Items) < 10 {
					b.Fatal(err, len(out.Items))
				}
			}
		})
	}
}

// benchIndexTreesOnly measures a floor under the indexed PutItem case:
// only the index tree operations its overwrites make (an entry replaced
// in byEmail and byScore, one deleted and one inserted in byCity), with
// every entry built beforehand, none of the write's other work.
func benchIndexTreesOnly(b *testing.B) {
	db := loadIndexedTable(b, true, 1000)
	t := db.lookup("users")
	var entries [2][1000][]entry // by version, item, index (nil: not in it)
	for v := range entries {
		for i := range entries[v] {
			it := benchIndexedItem(i)
			it["age"] = Int(int64(40 + v))
			k, err := putKey(t, it, itemSlots{})
			require.NoError(b, err)
			enc, size, err := encodeItem(it)
			require.NoError(b, err)
			for _, ix := range t.indexes() {
				e, _ := ix.entryFor(newEntry(k, enc, size))
				entries[v][i] = append(entries[v][i], e)
			}
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		v, n := i/1000%2, i%1000
		for j, ix := range t.indexes() {
			tree := ix.treeOf(t.leader())
			if old, next := entries[1-v][n][j], entries[v][n][j]; old.key() != next.key() {
				tree.Delete(old)
			}
			tree.ReplaceOrInsert(entries[v][n][j])
		}
		i++
	}
}

// BenchmarkMemoryPerIndexedItem reports the heap each item costs in a
// table with 2 GSIs and 1 LSI (Sync mode) beside the plain table's.
func BenchmarkMemoryPerIndexedItem(b *testing.B) {
	for _, indexed := range []bool{false, true} {
		b.Run(fmt.Sprint(map[bool]string{false: "plain", true: "2GSI+LSI"}[indexed]), func(b *testing.B) {
			const n = 100_000
			for b.Loop() {
				runtime.GC()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				db := loadIndexedTable(b, indexed, n)
				runtime.GC()
				runtime.ReadMemStats(&after)
				size, _ := benchIndexedItem(n / 2).Size()
				b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "heap-B/item")
				b.ReportMetric(float64(size), "item-B")
				runtime.KeepAlive(db)
			}
		})
	}
}
