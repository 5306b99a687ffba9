package ddbsim

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// propTable has a GSI on (g S, r B), a GSI on (h N, s S) projecting
// KEYS_ONLY, and an LSI on (pk, n N): sort keys that are S prefixes of one
// another, B with zero bytes, N of different lengths.
func propTable() CreateTableInput {
	return CreateTableInput{
		TableName: "prop",
		KeySchema: keys("pk", "HASH", "sk", "RANGE"),
		AttributeDefinitions: []AttributeDefinition{{"pk", ScalarAttributeTypeS}, {"sk", ScalarAttributeTypeS},
			{"g", ScalarAttributeTypeS}, {"r", ScalarAttributeTypeB}, {"h", ScalarAttributeTypeN}, {"s", ScalarAttributeTypeS}, {"n", ScalarAttributeTypeN}},
		BillingMode: BillingModePayPerRequest,
		GlobalSecondaryIndexes: []GlobalSecondaryIndex{
			{IndexName: "byGR", KeySchema: keys("g", "HASH", "r", "RANGE"), Projection: &Projection{ProjectionType: ProjectionTypeAll}},
			{IndexName: "byHS", KeySchema: keys("h", "HASH", "s", "RANGE"), Projection: &Projection{ProjectionType: ProjectionTypeKeysOnly}},
		},
		LocalSecondaryIndexes: []LocalSecondaryIndex{
			{IndexName: "byN", KeySchema: keys("pk", "HASH", "n", "RANGE"), Projection: &Projection{ProjectionType: ProjectionTypeAll}},
		},
	}
}

var (
	propS = []string{"a", "ab", "abc", "b", "a\x7f", "ba"}
	propB = [][]byte{{0}, {0, 0}, {0, 1}, {1}, {1, 0}, {}, {0xff}}
	propN = []string{"-10", "-1.5", "0", "1", "1.5", "10", "100", "1000"}
)

// randomAttr returns a random value for an index key attribute: mostly
// of its type, sometimes absent (nil), sometimes of another type.
func randomAttr(rng *rand.Rand, typ Type) *Value {
	v := Value{}
	switch k := rng.IntN(10); {
	case k == 0:
		return nil
	case k == 1:
		v = Bool(true) // the wrong type: the write is refused
	case typ == TypeS:
		v = S(propS[rng.IntN(len(propS))])
	case typ == TypeB:
		v = B(propB[rng.IntN(len(propB))])
	default:
		v = N(propN[rng.IntN(len(propN))])
	}
	return &v
}

// TestIndexes_MatchAModel_UnderRandomWrites writes random items (index
// keys set, changed, removed, of the wrong type) and checks every index
// query against a model recomputed from the table's items, in Sync and,
// after Settle, in Async.
func TestIndexes_MatchAModel_UnderRandomWrites(t *testing.T) {
	for _, mode := range []Replication{Sync, Async} {
		for seed := range uint64(4) {
			t.Run(fmt.Sprintf("%v/seed=%d", []string{"Sync", "Async"}[mode], seed), func(t *testing.T) {
				indexModelRun(t, mode, seed)
			})
		}
	}
}

func indexModelRun(t *testing.T, mode Replication, seed uint64) {
	ctx := context.Background()
	db := New(&Options{Replication: mode, Seed: seed})
	_, err := db.CreateTable(ctx, propTable())
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(seed, 9))
	model := map[string]Item{} // by pk/sk
	for step := range 300 {
		pk, sk := fmt.Sprint("p", rng.IntN(3)), fmt.Sprint("s", rng.IntN(5))
		key := pk + "/" + sk
		switch op := rng.IntN(6); op {
		case 0, 1, 2:
			it := Item{"pk": S(pk), "sk": S(sk), "v": Int(int64(step))}
			valid := true
			for name, typ := range map[string]Type{"g": TypeS, "r": TypeB, "h": TypeN, "s": TypeS, "n": TypeN} {
				if v := randomAttr(rng, typ); v != nil {
					it[name] = *v
					valid = valid && v.t == typ && !(v.t == TypeB && len(v.s) == 0)
				}
			}
			_, err := db.PutItem(ctx, PutItemInput{TableName: "prop", Item: it})
			if !valid {
				require.Error(t, err, "step %d: %v", step, it)
				continue
			}
			require.NoError(t, err, "step %d", step)
			model[key] = it
		case 3:
			_, err := db.DeleteItem(ctx, DeleteItemInput{TableName: "prop", Key: Item{"pk": S(pk), "sk": S(sk)}})
			require.NoError(t, err)
			delete(model, key)
		case 4:
			_, err := db.UpdateItem(ctx, UpdateItemInput{TableName: "prop", Key: Item{"pk": S(pk), "sk": S(sk)},
				UpdateExpression: "REMOVE g, n"})
			require.NoError(t, err)
			it := model[key].Clone()
			if it == nil {
				it = Item{"pk": S(pk), "sk": S(sk)}
			}
			delete(it, "g")
			delete(it, "n")
			model[key] = it
		case 5:
			v := S(propS[rng.IntN(len(propS))])
			_, err := db.UpdateItem(ctx, UpdateItemInput{TableName: "prop", Key: Item{"pk": S(pk), "sk": S(sk)},
				UpdateExpression: "SET g = :g", ExpressionAttributeValues: map[string]Value{":g": v}})
			require.NoError(t, err)
			it := model[key].Clone()
			if it == nil {
				it = Item{"pk": S(pk), "sk": S(sk)}
			}
			it["g"] = v
			model[key] = it
		}
	}
	db.Settle()
	checkIndexAgainstModel(t, db, model, "byGR", "g", TypeS, "r", propS, nil)
	checkIndexAgainstModel(t, db, model, "byHS", "h", TypeN, "s", propN, []string{"pk", "sk", "h", "s"})
	checkIndexAgainstModel(t, db, model, "byN", "pk", TypeS, "n", []string{"p0", "p1", "p2"}, nil)
}

// checkIndexAgainstModel queries index for each partition value in
// parts and compares the items, in order, with those of the model that
// have both key attributes, sorted by the sort key then the table key;
// keep lists the attributes a KEYS_ONLY index returns (nil: all).
func checkIndexAgainstModel(t *testing.T, db *DB, model map[string]Item, index, hash string, hashType Type, sort string, parts []string, keep []string) {
	t.Helper()
	for _, part := range parts {
		pv := S(part)
		if hashType == TypeN {
			pv = N(part)
		}
		var want []Item
		for _, it := range model {
			hv, okH := it[hash]
			_, okS := it[sort]
			if okH && okS && hv.Equal(pv) {
				if keep != nil {
					it = pick(it, keep)
				}
				want = append(want, it)
			}
		}
		slices.SortFunc(want, func(a, b Item) int {
			if c := compareSortValues(a[sort], b[sort]); c != 0 {
				return c
			}
			return bytes.Compare([]byte(a["pk"].S()+"/"+a["sk"].S()), []byte(b["pk"].S()+"/"+b["sk"].S()))
		})
		out, err := db.Query(context.Background(), QueryInput{TableName: "prop", IndexName: index,
			KeyConditionExpression: "#h = :h", ExpressionAttributeNames: map[string]string{"#h": hash}, ExpressionAttributeValues: map[string]Value{":h": pv}})
		require.NoError(t, err)
		gotOrder := make([]string, len(out.Items))
		for i, it := range out.Items {
			gotOrder[i] = it.String()
		}
		wantOrder := make([]string, len(want))
		for i, it := range want {
			wantOrder[i] = it.String()
		}
		// Items of equal sort keys may come in any order of their table keys.
		assert.ElementsMatch(t, wantOrder, gotOrder, "index %s, %s = %s", index, hash, part)
		for i := 1; i < len(out.Items); i++ {
			assert.LessOrEqual(t, compareSortValues(out.Items[i-1][sort], out.Items[i][sort]), 0, "index %s sorted by %s", index, sort)
		}
	}
	// DescribeTable counts what the index projects of each item in it.
	var items, size int64
	for _, it := range model {
		if _, okH := it[hash]; okH {
			if _, okS := it[sort]; okS {
				if keep != nil {
					it = pick(it, keep)
				}
				n, err := it.Size()
				require.NoError(t, err)
				items, size = items+1, size+int64(n)
			}
		}
	}
	d, err := db.DescribeTable(context.Background(), DescribeTableInput{TableName: "prop"})
	require.NoError(t, err)
	for _, g := range d.GlobalSecondaryIndexes {
		if g.IndexName == index {
			assert.Equal(t, [2]int64{items, size}, [2]int64{g.ItemCount, g.IndexSizeBytes}, "index %s: items, bytes", index)
		}
	}
	for _, l := range d.LocalSecondaryIndexes {
		if l.IndexName == index {
			assert.Equal(t, [2]int64{items, size}, [2]int64{l.ItemCount, l.IndexSizeBytes}, "index %s: items, bytes", index)
		}
	}
}

// compareSortValues orders two sort key values of one type as DynamoDB.
func compareSortValues(a, b Value) int {
	c, _ := compareOrdered(a, true, b, true)
	return c
}

func pick(it Item, names []string) Item {
	out := Item{}
	for _, n := range names {
		if v, ok := it[n]; ok {
			out[n] = v
		}
	}
	return out
}

// TestIndexQuery_KeyConditionsMatchAModel runs every sort-key condition
// (and none),
// in both directions and page by page (Limit 2, ExclusiveStartKey), on
// the GSI byGR, whose B sort keys hold zero and 0xFF bytes and prefixes
// of one another and whose S partition keys do too, against a filter of
// the items written.
func TestIndexQuery_KeyConditionsMatchAModel(t *testing.T) {
	ctx := context.Background()
	db := New(nil)
	_, err := db.CreateTable(ctx, propTable())
	require.NoError(t, err)
	sortB := append(slices.Clone(propB[:5]), []byte{0xff}, []byte{0xff, 0xff}, []byte{0xff, 0}, []byte{0, 0xff}, []byte{1, 0xff})
	var items []Item
	for i, g := range []string{"a", "a\x00", "ab"} {
		for j, r := range sortB {
			it := Item{"pk": S(fmt.Sprint("p", j%3)), "sk": S(fmt.Sprint(i, "/", j)), "g": S(g), "r": B(r)}
			_, err := db.PutItem(ctx, PutItemInput{TableName: "prop", Item: it})
			require.NoError(t, err)
			items = append(items, it)
		}
	}
	conds := []struct {
		expr string
		ok   func(r, a, b []byte) bool
	}{
		{"", func(_, _, _ []byte) bool { return true }},
		{"r = :a", func(r, a, _ []byte) bool { return bytes.Equal(r, a) }},
		{"r < :a", func(r, a, _ []byte) bool { return bytes.Compare(r, a) < 0 }},
		{"r <= :a", func(r, a, _ []byte) bool { return bytes.Compare(r, a) <= 0 }},
		{"r > :a", func(r, a, _ []byte) bool { return bytes.Compare(r, a) > 0 }},
		{"r >= :a", func(r, a, _ []byte) bool { return bytes.Compare(r, a) >= 0 }},
		{"r BETWEEN :a AND :b", func(r, a, b []byte) bool { return bytes.Compare(r, a) >= 0 && bytes.Compare(r, b) <= 0 }},
		{"begins_with(r, :a)", func(r, a, _ []byte) bool { return bytes.HasPrefix(r, a) }},
	}
	for _, g := range []string{"a", "a\x00"} {
		for _, c := range conds {
			for ai, a := range sortB {
				b := sortB[(ai+3)%len(sortB)]
				if bytes.Compare(a, b) > 0 {
					a, b = b, a
				}
				var want []string
				for _, it := range items {
					if it["g"].S() == g && c.ok(it["r"].B(), a, b) {
						want = append(want, it["sk"].S())
					}
				}
				slices.SortFunc(want, func(x, y string) int {
					return bytes.Compare(byKey(items, x)["r"].B(), byKey(items, y)["r"].B())
				})
				for _, forward := range []bool{true, false} {
					in := QueryInput{TableName: "prop", IndexName: "byGR", KeyConditionExpression: strings.TrimSuffix("g = :g AND "+c.expr, " AND "), Limit: ptr(int32(2)),
						ScanIndexForward: ptr(forward), ExpressionAttributeValues: map[string]Value{":g": S(g), ":a": B(a)}}
					switch {
					case c.expr == "":
						delete(in.ExpressionAttributeValues, ":a")
					case strings.Contains(c.expr, ":b"):
						in.ExpressionAttributeValues[":b"] = B(b)
					}
					var got []string
					for page := 0; page <= len(items); page++ {
						out, err := db.Query(ctx, in)
						require.NoError(t, err)
						got = append(got, skOf(out.Items)...)
						if out.LastEvaluatedKey == nil {
							break
						}
						in.ExclusiveStartKey = out.LastEvaluatedKey
					}
					w := slices.Clone(want)
					if !forward {
						slices.Reverse(w)
					}
					assert.Equal(t, w, got, "g=%q %s a=%x b=%x forward=%v", g, c.expr, a, b, forward)
				}
			}
		}
	}
}

// byKey returns the item of items whose sk is sk.
func byKey(items []Item, sk string) Item {
	for _, it := range items {
		if it["sk"].S() == sk {
			return it
		}
	}
	return nil
}
