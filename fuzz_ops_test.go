package ddbsim

import (
	"context"
	"errors"
	"testing"
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
