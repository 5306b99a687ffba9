package ddbsim

import (
	"context"
	"errors"
	"testing"
)

// FuzzUpdateAndCondition runs arbitrary update and condition expressions,
// with arbitrary values, against a rich stored item: nothing panics,
// every failure is a DynamoDB error, and a failed request leaves the item
// as it was.
func FuzzUpdateAndCondition(f *testing.F) {
	f.Add("SET a = :v", "attribute_exists(id)", []byte{1, 2})
	f.Add("SET l[5] = :v REMOVE l[0], m.x ADD n :v DELETE s :v", "size(l) > :v", []byte{3, 0})
	f.Add("SET n = if_not_exists(n, :v) + :v, l = list_append(l, :v)", "contains(l, :v) OR begins_with(title, :v)", []byte{5})
	f.Add("REMOVE m.nested.deep, l[1][2]", "m.nested.deep BETWEEN :v AND :v", []byte{7, 7})
	f.Fuzz(func(t *testing.T, update, cond string, data []byte) {
		db := newTestDB(t)
		ctx := context.Background()
		stored := Item{"id": S("f"), "n": N("5"), "title": S("hello"), "s": SS("a", "b"),
			"l": L(S("a"), N("1"), L(S("x"), N("2"))), "m": M(map[string]Value{"x": N("1"), "nested": M(map[string]Value{"deep": S("d")})})}
		if _, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: stored}); err != nil {
			t.Fatal(err)
		}
		g := &gen{data: data}
		values := map[string]Value{":v": g.value(1)}
		for _, rv := range []ReturnValue{ReturnValueUpdatedNew, ReturnValueAllOld} {
			_, err := db.UpdateItem(ctx, UpdateItemInput{TableName: "users", Key: Item{"id": S("f")}, UpdateExpression: update,
				ConditionExpression: cond, ExpressionAttributeValues: values, ReturnValues: rv})
			if err == nil {
				continue
			}
			var e *Error
			if !errors.As(err, &e) || (e.Code != CodeValidation && e.Code != CodeConditionalCheckFailed) || e.Message == "" {
				t.Fatalf("update %q if %q: %v", update, cond, err)
			}
			got, gerr := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("f")}, ConsistentRead: true})
			if gerr != nil {
				t.Fatal(gerr)
			}
			if rv == ReturnValueUpdatedNew && !got.Item.Equal(stored) {
				t.Fatalf("a failed update changed the item: %s", got.Item)
			}
			return
		}
	})
}
