package ddbsim

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"testing"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// FuzzUpdateAndCondition runs arbitrary update and condition expressions,
// with arbitrary values, against a rich stored item: nothing panics,
// every failure is a DynamoDB error, and a failed request leaves the item
// as it was. The update runs twice, from the same item: returning
// UPDATED_NEW (the stored encoding is patched) and ALL_NEW (the item is
// decoded and encoded whole); both must give the same outcome, item and
// size, and the size must be the item's DynamoDB size.
func FuzzUpdateAndCondition(f *testing.F) {
	f.Add("SET a = :v", "attribute_exists(id)", []byte{1, 2})
	f.Add("SET l[5] = :v REMOVE l[0], m.x ADD n :v DELETE s :v", "size(l) > :v", []byte{3, 0})
	f.Add("SET n = if_not_exists(n, :v) + :v, l = list_append(l, :v)", "contains(l, :v) OR begins_with(title, :v)", []byte{5})
	f.Add("REMOVE m.nested.deep, l[1][2]", "m.nested.deep BETWEEN :v AND :v", []byte{7, 7})
	f.Add("REMOVE title, s, n SET z = title", "", []byte{2})
	f.Fuzz(func(t *testing.T, update, cond string, data []byte) {
		stored := Item{"id": S("f"), "n": N("5"), "title": S("hello"), "s": SS("a", "b"),
			"l": L(S("a"), N("1"), L(S("x"), N("2"))), "m": M(map[string]Value{"x": N("1"), "nested": M(map[string]Value{"deep": S("d")})})}
		g := &gen{data: data}
		values := map[string]Value{":v": g.value(1)}
		var outcomes [2]updateOutcome
		for i, rv := range []ReturnValue{ReturnValueUpdatedNew, ReturnValueAllNew} {
			outcomes[i] = runFuzzUpdate(t, stored, UpdateItemInput{TableName: "users", Key: Item{"id": S("f")}, UpdateExpression: update,
				ConditionExpression: cond, ExpressionAttributeValues: values, ReturnValues: rv})
		}
		patched, whole := outcomes[0], outcomes[1]
		if patched.err != whole.err || !patched.item.Equal(whole.item) || patched.size != whole.size {
			t.Fatalf("update %q if %q: patched gives %q, %s, %d bytes; whole gives %q, %s, %d bytes",
				update, cond, patched.err, patched.item, patched.size, whole.err, whole.item, whole.size)
		}
		if patched.err != "" && !patched.item.Equal(stored) {
			t.Fatalf("a failed update changed the item: %s", patched.item)
		}
		if _, size, err := encodeItem(patched.item); err != nil || int64(size) != patched.size {
			t.Fatalf("update %q: table size %d, item size %d (%v)", update, patched.size, size, err)
		}
	})
}

// updateOutcome is what one UpdateItem did: its error message ("" for
// none), the item after it and the table's size.
type updateOutcome struct {
	err  string
	item Item
	size int64
}

// runFuzzUpdate stores stored in a fresh table and runs in on it.
func runFuzzUpdate(t *testing.T, stored Item, in UpdateItemInput) updateOutcome {
	db := newTestDB(t)
	ctx := context.Background()
	if _, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: stored}); err != nil {
		t.Fatal(err)
	}
	var out updateOutcome
	if _, err := db.UpdateItem(ctx, in); err != nil {
		var e *Error
		if !errors.As(err, &e) || (e.Code != CodeValidation && e.Code != CodeConditionalCheckFailed) || e.Message == "" {
			t.Fatalf("update %q if %q: %v", in.UpdateExpression, in.ConditionExpression, err)
		}
		out.err = e.Code + ": " + e.Message
	}
	got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("f")}, ConsistentRead: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := db.DescribeTable(ctx, DescribeTableInput{TableName: "users"})
	if err != nil {
		t.Fatal(err)
	}
	out.item, out.size = got.Item, d.TableSizeBytes
	return out
}

// FuzzCompile_MatchesChecksInOrder checks compile's shortcut for the
// usual request against compileInOrder, which makes DynamoDB's checks
// one after the other: for arbitrary expressions (an UpdateItem's or a
// Query's) and attribute maps
// (keys well formed or not, used or not, values valid or not), both give
// the same error, or the same compiled expressions.
func FuzzCompile_MatchesChecksInOrder(f *testing.F) {
	f.Add("SET #a = :v", "attribute_exists(#a)", "#a", ":v", "", []byte{1, 2})
	f.Add("ADD n :v", "", "", ":v", ":w", []byte{1, 1})
	f.Add("SET a = :v", "b = :w", "#x", ":v", ":w", []byte{1, 9, 0})
	f.Add("REMOVE a", "", "x", "v", "", []byte{})
	f.Add("SET a = :v", "a < :v", "", ":v", ":v", []byte{5, 1, 5})
	f.Add("", "size(#n) > :v", "#n", ":v", "", []byte{4, 0, 1})
	f.Add("#n, b", "#n <> :w", "#n", ":v", ":w", []byte{0, 0, 1, 0, 1, 1})
	f.Fuzz(func(t *testing.T, update, cond, nameKey, valueKey1, valueKey2 string, data []byte) {
		db := newTestDB(t)
		g := &gen{data: data}
		var names map[string]string
		if nameKey != "" || g.next()%2 == 1 {
			names = map[string]string{}
			if nameKey != "" {
				names[nameKey] = g.name()
			}
		}
		var values map[string]Value
		if valueKey1 != "" || g.next()%2 == 1 {
			values = map[string]Value{}
			for _, k := range []string{valueKey1, valueKey2} {
				switch {
				case k == "":
				case g.next()%4 == 0:
					values[k] = N(g.str()) // most often not a number
				default:
					values[k] = g.value(1)
				}
			}
		}
		r := exprRequest{names: names, values: values,
			exprs: exprsOf(namedExpr{expr.Update, update}, conditionExpr(cond))}
		if g.next()%2 == 1 { // a Query's expressions
			r.exprs = exprsOf(namedExpr{expr.Projection, update}, namedExpr{expr.Filter, cond}, namedExpr{expr.KeyCondition, "id = :v"})
		}
		got, gotErr := db.compile(r)
		want, wantErr := db.compileInOrder(r)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
			t.Fatalf("compile: %v\nin order: %v", gotErr, wantErr)
		}
		if gotErr != nil {
			return
		}
		if got.update != want.update || got.condition != want.condition || got.filter != want.filter ||
			got.keyCondition != want.keyCondition || (got.projection == nil) != (want.projection == nil) ||
			!maps.Equal(got.env.names, want.env.names) || !reflect.DeepEqual(got.env.values, want.env.values) {
			t.Fatalf("compile gave %+v\nin order: %+v", got, want)
		}
	})
}
