package ddbsim

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"

	"github.com/ddbsim/ddbsim/internal/number"
)

// updateCase runs one UpdateExpression on a stored item and checks the
// item after it, or the error.
type updateCase struct {
	name   string
	stored Item // nil: no item
	update string
	names  map[string]string
	values map[string]Value
	want   string // the item after, as JSON; "" for no item
	err    string // the ValidationException message
}

// runUpdateCases runs each case twice: returning nothing, where the
// stored encoding is patched, and returning ALL_NEW, where the item is
// decoded and encoded whole.
func runUpdateCases(t *testing.T, cases []updateCase) {
	for _, c := range cases {
		for _, rv := range []ReturnValue{ReturnValueNone, ReturnValueAllNew} {
			t.Run(c.name+"/"+string(rv), func(t *testing.T) {
				db := newTestDB(t)
				ctx := context.Background()
				users := db.Table("users")
				var stored Item
				if c.stored != nil {
					stored = c.stored.Clone()
					stored["id"] = S("u")
					_, err := users.PutItem(ctx, PutItemInput{Item: stored})
					require.NoError(t, err)
				}
				_, err := users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("u")}, UpdateExpression: c.update,
					ExpressionAttributeNames: c.names, ExpressionAttributeValues: c.values, ReturnValues: rv})
				got, gerr := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("u")}, ConsistentRead: true})
				require.NoError(t, gerr)
				if c.err != "" {
					requireAWSError(t, err, CodeValidation, c.err)
					if stored == nil {
						assert.Nil(t, got.Item, "a failed update creates nothing")
					} else {
						assert.True(t, got.Item.Equal(stored), "a failed update changes nothing: %s", got.Item)
					}
					return
				}
				require.NoError(t, err)
				if c.want == "" {
					assert.Nil(t, got.Item)
					return
				}
				assert.Equal(t, c.want, got.Item.String())
				d, err := db.DescribeTable(ctx, DescribeTableInput{TableName: "users"})
				require.NoError(t, err)
				size, err := got.Item.Size()
				require.NoError(t, err)
				assert.Equal(t, int64(size), d.TableSizeBytes, "the table's size is the item's")
			})
		}
	}
}

func TestUpdateExpression_Set(t *testing.T) {
	v := func(kv ...any) map[string]Value {
		m := map[string]Value{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1].(Value)
		}
		return m
	}
	runUpdateCases(t, []updateCase{
		{name: "set creates the item", update: "SET a = :v", values: v(":v", N("1.50")), want: `{"a":{"N":"1.5"},"id":{"S":"u"}}`},
		{name: "set replaces any type", stored: Item{"a": S("x")}, update: "SET a = :v", values: v(":v", L(N("1"))), want: `{"a":{"L":[{"N":"1"}]},"id":{"S":"u"}}`},
		{name: "actions read the old item", stored: Item{"x": N("1")}, update: "SET x = :v, y = x", values: v(":v", N("2")), want: `{"id":{"S":"u"},"x":{"N":"2"},"y":{"N":"1"}}`},
		{name: "a copied map is not the edited one", stored: Item{"b": M(map[string]Value{"x": N("1")}), "l": L(N("1"))},
			update: "SET a = b, b.x = :v, c = if_not_exists(l, :v), l[0] = :v", values: v(":v", N("2")),
			want: `{"a":{"M":{"x":{"N":"1"}}},"b":{"M":{"x":{"N":"2"}}},"c":{"L":[{"N":"1"}]},"id":{"S":"u"},"l":{"L":[{"N":"2"}]}}`},
		{name: "remove then set from removed", stored: Item{"a": S("old")}, update: "REMOVE a SET b = a", want: `{"b":{"S":"old"},"id":{"S":"u"}}`},
		{name: "self copy of a missing attribute", stored: Item{}, update: "SET z = z", err: msgNoSuchAttribute},
		{name: "plus", stored: Item{"n": N("10")}, update: "SET n = n + :d", values: v(":d", N("0.5")), want: `{"id":{"S":"u"},"n":{"N":"10.5"}}`},
		{name: "minus", stored: Item{"n": N("10")}, update: "SET n = :d - n", values: v(":d", N("3")), want: `{"id":{"S":"u"},"n":{"N":"-7"}}`},
		{name: "plus on missing", stored: Item{}, update: "SET n = n + :d", values: v(":d", N("1")), err: msgNoSuchAttribute},
		{name: "plus on missing item", update: "SET n = n + :d", values: v(":d", N("1")), err: msgNoSuchAttribute},
		{name: "plus on a string", stored: Item{"n": S("1")}, update: "SET n = n + :d", values: v(":d", N("1")), err: msgOperandType},
		{name: "plus constant string", stored: Item{"n": N("1")}, update: "SET n = n + :d", values: v(":d", S("1")),
			err: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S"},
		{name: "if_not_exists default", stored: Item{}, update: "SET n = if_not_exists(n, :z) + :d", values: v(":z", N("0"), ":d", N("5")), want: `{"id":{"S":"u"},"n":{"N":"5"}}`},
		{name: "if_not_exists present", stored: Item{"n": N("2")}, update: "SET n = if_not_exists(n, :z) + :d", values: v(":z", N("0"), ":d", N("5")), want: `{"id":{"S":"u"},"n":{"N":"7"}}`},
		{name: "list_append", stored: Item{"l": L(N("1"))}, update: "SET l = list_append(l, :v)", values: v(":v", L(N("2"))), want: `{"id":{"S":"u"},"l":{"L":[{"N":"1"},{"N":"2"}]}}`},
		{name: "list_append prepends", stored: Item{"l": L(N("1"))}, update: "SET l = list_append(:v, l)", values: v(":v", L(N("0"))), want: `{"id":{"S":"u"},"l":{"L":[{"N":"0"},{"N":"1"}]}}`},
		{name: "list_append on missing", stored: Item{}, update: "SET l = list_append(l, :v)", values: v(":v", L(N("2"))), err: msgNoSuchAttribute},
		{name: "list_append on a string", stored: Item{"l": S("x")}, update: "SET l = list_append(l, :v)", values: v(":v", L(N("2"))), err: msgOperandType},
		{name: "list_append constant not a list", stored: Item{"l": L()}, update: "SET l = list_append(l, :v)", values: v(":v", S("x")),
			err: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S"},
		{name: "nested set", stored: Item{"m": M(map[string]Value{"a": N("1")})}, update: "SET m.b = :v", values: v(":v", S("x")), want: `{"id":{"S":"u"},"m":{"M":{"a":{"N":"1"},"b":{"S":"x"}}}}`},
		{name: "nested set with missing parent", stored: Item{}, update: "SET m.b = :v", values: v(":v", S("x")), err: msgInvalidUpdatePath},
		{name: "nested set on missing item", update: "SET m.b = :v", values: v(":v", S("x")), err: msgInvalidUpdatePath},
		{name: "nested set into a non-map", stored: Item{"m": S("s")}, update: "SET m.b = :v", values: v(":v", S("x")), err: msgInvalidUpdatePath},
		{name: "list index set", stored: Item{"l": L(N("1"), N("2"))}, update: "SET l[1] = :v", values: v(":v", S("x")), want: `{"id":{"S":"u"},"l":{"L":[{"N":"1"},{"S":"x"}]}}`},
		{name: "list index past the end appends", stored: Item{"l": L(N("1"))}, update: "SET l[9] = :a, l[5] = :b", values: v(":a", S("a"), ":b", S("b")),
			want: `{"id":{"S":"u"},"l":{"L":[{"N":"1"},{"S":"b"},{"S":"a"}]}}`},
		{name: "remove and set list positions are the old ones", stored: Item{"l": L(N("0"), N("1"), N("2"), N("3"))}, update: "REMOVE l[1] SET l[3] = :v", values: v(":v", S("x")),
			want: `{"id":{"S":"u"},"l":{"L":[{"N":"0"},{"N":"2"},{"S":"x"}]}}`},
		{name: "remove several list indexes", stored: Item{"l": L(N("0"), N("1"), N("2"), N("3"))}, update: "REMOVE l[0], l[2], l[7]",
			want: `{"id":{"S":"u"},"l":{"L":[{"N":"1"},{"N":"3"}]}}`},
		{name: "remove missing attribute", stored: Item{"a": S("x")}, update: "REMOVE b, a", want: `{"id":{"S":"u"}}`},
		{name: "remove missing map key", stored: Item{"m": M(map[string]Value{"a": N("1")})}, update: "REMOVE m.z", want: `{"id":{"S":"u"},"m":{"M":{"a":{"N":"1"}}}}`},
		{name: "remove under a missing parent", stored: Item{}, update: "REMOVE m.z", err: msgInvalidUpdatePath},
		{name: "remove on missing item creates nothing", update: "REMOVE a, m.z", want: ""},
		{name: "remove last map entry leaves an empty map", stored: Item{"m": M(map[string]Value{"a": N("1")})}, update: "REMOVE m.a", want: `{"id":{"S":"u"},"m":{"M":{}}}`},
		{name: "placeholders", stored: Item{}, update: "SET #a.#b = :v", names: map[string]string{"#a": "x.y", "#b": "z"}, values: v(":v", N("1")), err: msgInvalidUpdatePath},
		{name: "placeholder with dots is one attribute", stored: Item{}, update: "SET #a = :v", names: map[string]string{"#a": "x.y"}, values: v(":v", N("1")), want: `{"id":{"S":"u"},"x.y":{"N":"1"}}`},
		{name: "update a key attribute", stored: Item{}, update: "SET id = :v", values: v(":v", S("other")), err: "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key"},
		{name: "update a nested key path", stored: Item{}, update: "ADD #k.b :v", names: map[string]string{"#k": "id"}, values: v(":v", N("1")), err: "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key"},
		{name: "read a key attribute", stored: Item{}, update: "SET dup = id", want: `{"dup":{"S":"u"},"id":{"S":"u"}}`},
		{name: "result over 38 digits", stored: Item{"n": N("1e50")}, update: "SET n = n + :one", values: v(":one", N("1")), err: "Number overflow. Attempting to store a number with magnitude larger than supported range"},
		{name: "no update creates the key item", update: "", want: `{"id":{"S":"u"}}`},
		{name: "repeated clause", stored: Item{}, update: "SET a = :v SET b = :v", values: v(":v", N("1")), err: `Invalid UpdateExpression: The "SET" section can only be used once in an update expression;`},
		{name: "overlap", stored: Item{}, update: "SET a = :v REMOVE a", values: v(":v", N("1")), err: "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{name: "item size after update", stored: Item{"d": S(strings.Repeat("x", 409590))}, update: "SET e = :v", values: v(":v", S("0123456789")), err: "Item size to update has exceeded the maximum allowed size"},
	})
}

func TestUpdateExpression_AddDelete(t *testing.T) {
	v := func(k string, val Value) map[string]Value { return map[string]Value{k: val} }
	runUpdateCases(t, []updateCase{
		{name: "add to number", stored: Item{"n": N("1")}, update: "ADD n :d", values: v(":d", N("-3")), want: `{"id":{"S":"u"},"n":{"N":"-2"}}`},
		{name: "add to missing number starts at 0", stored: Item{}, update: "ADD n :d", values: v(":d", N("2.5")), want: `{"id":{"S":"u"},"n":{"N":"2.5"}}`},
		{name: "add creates the item", update: "ADD n :d", values: v(":d", N("1")), want: `{"id":{"S":"u"},"n":{"N":"1"}}`},
		{name: "add to set unites", stored: Item{"s": SS("a", "b")}, update: "ADD s :v", values: v(":v", SS("b", "c")), want: `{"id":{"S":"u"},"s":{"SS":["a","b","c"]}}`},
		{name: "add number set by value", stored: Item{"s": NS("1", "2")}, update: "ADD s :v", values: v(":v", NS("2.0", "3")), want: `{"id":{"S":"u"},"s":{"NS":["1","2","3"]}}`},
		{name: "add to missing set", stored: Item{}, update: "ADD s :v", values: v(":v", BS([]byte{1})), want: `{"id":{"S":"u"},"s":{"BS":["AQ=="]}}`},
		{name: "add number to a set", stored: Item{"s": SS("a")}, update: "ADD s :v", values: v(":v", N("1")), err: msgOperandType},
		{name: "add string set to number set", stored: Item{"s": NS("1")}, update: "ADD s :v", values: v(":v", SS("1")), err: msgOperandType},
		{name: "add a string", stored: Item{}, update: "ADD s :v", values: v(":v", S("x")), err: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING"},
		{name: "add a list", stored: Item{}, update: "ADD s :v", values: v(":v", L()), err: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST"},
		{name: "nested add", stored: Item{"m": M(map[string]Value{"c": N("1")})}, update: "ADD m.c :d", values: v(":d", N("1")), want: `{"id":{"S":"u"},"m":{"M":{"c":{"N":"2"}}}}`},
		{name: "delete from set", stored: Item{"s": SS("a", "b", "c")}, update: "DELETE s :v", values: v(":v", SS("b", "x")), want: `{"id":{"S":"u"},"s":{"SS":["a","c"]}}`},
		{name: "delete number by value", stored: Item{"s": NS("1", "2")}, update: "DELETE s :v", values: v(":v", NS("1.0")), want: `{"id":{"S":"u"},"s":{"NS":["2"]}}`},
		{name: "delete last member removes the attribute", stored: Item{"s": SS("a")}, update: "DELETE s :v", values: v(":v", SS("a")), want: `{"id":{"S":"u"}}`},
		{name: "delete from missing", stored: Item{}, update: "DELETE s :v", values: v(":v", SS("a")), want: `{"id":{"S":"u"}}`},
		{name: "delete on missing item creates nothing", update: "DELETE s :v", values: v(":v", SS("a")), want: ""},
		{name: "delete type mismatch", stored: Item{"s": NS("1")}, update: "DELETE s :v", values: v(":v", SS("1")), err: msgOperandType},
		{name: "delete a number", stored: Item{}, update: "DELETE s :v", values: v(":v", N("1")), err: "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER"},
		{name: "delete empty set", stored: Item{}, update: "DELETE s :v", values: v(":v", SS()), err: "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :v"},
	})
}

func TestUpdateItem_AddIsExactDecimal(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	for range 10 {
		_, err := users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("c")}, UpdateExpression: "ADD n :d",
			ExpressionAttributeValues: map[string]Value{":d": N("0.1")}})
		require.NoError(t, err)
	}
	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("c")}})
	require.NoError(t, err)
	assert.Equal(t, "1", got.Item["n"].N())
}

func TestUpdateItem_ReturnValues(t *testing.T) {
	stored := Item{"id": S("u"), "a": N("1"), "b": S("keep"), "m": M(map[string]Value{"x": N("1"), "y": N("2")}), "l": L(S("p"), S("q"), S("r"))}
	cases := []struct {
		rv     ReturnValue
		update string
		want   string // "" for nil
	}{
		{ReturnValueNone, "SET a = :one", ""},
		{ReturnValueAllOld, "SET a = :two", `{"a":{"N":"1"},"b":{"S":"keep"},"id":{"S":"u"},"l":{"L":[{"S":"p"},{"S":"q"},{"S":"r"}]},"m":{"M":{"x":{"N":"1"},"y":{"N":"2"}}}}`},
		{ReturnValueAllNew, "SET a = :two REMOVE b, m, l", `{"a":{"N":"2"},"id":{"S":"u"}}`},
		{ReturnValueUpdatedOld, "SET a = :two, c = :one", `{"a":{"N":"1"}}`},
		{ReturnValueUpdatedOld, "SET c = :one", ""},
		{ReturnValueUpdatedOld, "SET a = a", `{"a":{"N":"1"}}`},
		{ReturnValueUpdatedNew, "SET a = :two, c = :one REMOVE b", `{"a":{"N":"2"},"c":{"N":"1"}}`},
		{ReturnValueUpdatedNew, "SET m.x = :two", `{"m":{"M":{"x":{"N":"2"}}}}`},
		{ReturnValueUpdatedOld, "SET m.x = :two", `{"m":{"M":{"x":{"N":"1"}}}}`},
		{ReturnValueUpdatedNew, "SET l[100] = :one", ""},
		{ReturnValueUpdatedNew, "REMOVE l[1]", `{"l":{"L":[{"S":"r"}]}}`},
	}
	for _, c := range cases {
		t.Run(string(c.rv)+" "+c.update, func(t *testing.T) {
			db := newTestDB(t)
			ctx := context.Background()
			users := db.Table("users")
			_, err := users.PutItem(ctx, PutItemInput{Item: stored})
			require.NoError(t, err)
			values := map[string]Value{}
			for _, k := range []string{":one", ":two"} {
				if strings.Contains(c.update, k) {
					values[k] = map[string]Value{":one": N("1"), ":two": N("2")}[k]
				}
			}
			if len(values) == 0 {
				values = nil
			}
			out, err := users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("u")}, UpdateExpression: c.update, ExpressionAttributeValues: values, ReturnValues: c.rv})
			require.NoError(t, err)
			if c.want == "" {
				assert.Nil(t, out.Attributes)
				return
			}
			assert.Equal(t, c.want, out.Attributes.String())
		})
	}

	db := newTestDB(t)
	out, err := db.UpdateItem(context.Background(), UpdateItemInput{TableName: "users", Key: Item{"id": S("new")}, UpdateExpression: "SET a = :v",
		ExpressionAttributeValues: map[string]Value{":v": N("1")}, ReturnValues: ReturnValueAllOld})
	require.NoError(t, err)
	assert.Nil(t, out.Attributes, "ALL_OLD of a new item is nothing")
	out, err = db.UpdateItem(context.Background(), UpdateItemInput{TableName: "users", Key: Item{"id": S("new2")}, UpdateExpression: "SET a = :v",
		ExpressionAttributeValues: map[string]Value{":v": N("1")}, ReturnValues: ReturnValueUpdatedNew})
	require.NoError(t, err)
	assert.Equal(t, `{"a":{"N":"1"}}`, out.Attributes.String(), "UPDATED_NEW leaves out the key even when the item was created")
}

func TestUpdateItem_ConditionWinsOverUpdateErrors(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	_, err := db.UpdateItem(ctx, UpdateItemInput{TableName: "users", Key: Item{"id": S("x")}, UpdateExpression: "SET n = n + :d",
		ConditionExpression: "attribute_exists(id)", ExpressionAttributeValues: map[string]Value{":d": N("1")}})
	requireAWSError(t, err, CodeConditionalCheckFailed, msgConditionFailed)
}

func TestAttributeUpdates_Legacy(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("u"), "n": N("1"), "s": SS("a", "b"), "l": L(N("1")), "gone": S("x")}})
	require.NoError(t, err)
	out, err := users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("u")}, ReturnValues: ReturnValueAllNew, AttributeUpdates: map[string]AttributeValueUpdate{
		"n":    {Action: AttributeActionAdd, Value: ptr(N("2"))},
		"s":    {Action: AttributeActionDelete, Value: ptr(SS("a"))},
		"l":    {Action: AttributeActionAdd, Value: ptr(L(N("2")))},
		"gone": {Action: AttributeActionDelete},
		"p":    {Value: ptr(S("put"))},
	}})
	require.NoError(t, err)
	assert.Equal(t, `{"id":{"S":"u"},"l":{"L":[{"N":"1"},{"N":"2"}]},"n":{"N":"3"},"p":{"S":"put"},"s":{"SS":["b"]}}`, out.Attributes.String())

	const invalid = "One or more parameter values were invalid: "
	for _, c := range []struct {
		u   AttributeValueUpdate
		msg string
	}{
		{AttributeValueUpdate{Action: AttributeActionPut}, invalid + "Only DELETE action is allowed when no attribute value is specified"},
		{AttributeValueUpdate{Action: AttributeActionDelete, Value: ptr(N("1"))}, invalid + "DELETE action with value is not supported for the type N"},
		{AttributeValueUpdate{Action: AttributeActionAdd, Value: ptr(S("x"))}, invalid + "ADD action is not supported for the type S"},
		{AttributeValueUpdate{Action: AttributeActionAdd, Value: ptr(NS("1"))}, msgLegacyTypeMismatch},
		{AttributeValueUpdate{Action: "MERGE", Value: ptr(N("1"))}, "1 validation error detected: Value 'MERGE' at 'attributeUpdates.n.member.action' failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]"},
	} {
		_, err := users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("u")}, AttributeUpdates: map[string]AttributeValueUpdate{"n": c.u}})
		requireAWSError(t, err, CodeValidation, c.msg)
	}
	_, err = users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("u")}, AttributeUpdates: map[string]AttributeValueUpdate{"n": {Value: ptr(N("1"))}},
		UpdateExpression: "SET a = :v", ExpressionAttributeValues: map[string]Value{":v": N("1")}})
	requireAWSError(t, err, CodeValidation, "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}")
	_, err = users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("u")}, ExpressionAttributeValues: map[string]Value{":v": N("1")}})
	requireAWSError(t, err, CodeValidation, "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null")
}

// 8 goroutines x 10,000 ADDs on one counter give exactly 80,000.
func TestAtomicCounter_NoLostIncrements(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	const workers, each = 8, 10_000
	var g errgroup.Group
	for range workers {
		g.Go(func() error {
			for range each {
				if _, err := users.UpdateItem(ctx, UpdateItemInput{Key: Item{"id": S("hits")}, UpdateExpression: "ADD n :one",
					ExpressionAttributeValues: map[string]Value{":one": N("1")}}); err != nil {
					return err
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("hits")}, ConsistentRead: true})
	require.NoError(t, err)
	assert.Equal(t, strconv.Itoa(workers*each), got.Item["n"].N())
}

func TestArith_IntegerFastPathMatchesExactDecimals(t *testing.T) {
	texts := []string{"0", "1", "-1", "7", "-250", "99999999999999999", "-99999999999999999", "100000000000000000",
		"123456789012345678", "-123456789012345678", "1.5", "0.1", "1e2", "+5"}
	for _, a := range texts {
		for _, b := range texts {
			for _, subtract := range []bool{false, true} {
				got, err := arith(N(a), N(b), subtract)
				require.NoError(t, err)
				x, y := number.MustParse(a), number.MustParse(b)
				if subtract {
					y = y.Neg()
				}
				want, err := number.Add(x, y)
				require.NoError(t, err)
				assert.Equal(t, want.String(), got.s, "%s %v %s", a, subtract, b)
			}
		}
	}
}
