package ddbsim

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// conditionItem is the stored item the condition tests evaluate against.
func conditionItem() Item {
	return Item{
		"id":     S("c"),
		"price":  N("100"),
		"title":  S("Widget"),
		"bin":    B([]byte{1, 2, 3}),
		"tags":   SS("red", "blue"),
		"nums":   NS("1", "2.5"),
		"bins":   BS([]byte{9}),
		"flag":   Bool(true),
		"nul":    Null(),
		"lst":    L(S("a"), N("1"), SS("x"), L(S("inner"))),
		"doc":    M(map[string]Value{"nested": M(map[string]Value{"deep": N("7")}), "dotted.key": S("v")}),
		"emoji":  S("é𝄞"),
		"blank":  S(""),
		"zero":   N("0"),
		"strnum": S("100"),
	}
}

func TestConditionExpression_Semantics(t *testing.T) {
	cases := []struct {
		cond   string
		names  map[string]string
		values map[string]Value
		want   bool
	}{
		{"price = :v", nil, map[string]Value{":v": N("100.0")}, true},
		{"price = :v", nil, map[string]Value{":v": S("100")}, false},
		{"price <> :v", nil, map[string]Value{":v": S("100")}, true},
		{"absent = :v", nil, map[string]Value{":v": N("1")}, false},
		{"absent <> :v", nil, map[string]Value{":v": N("1")}, true},
		{"absent <> absent2", nil, nil, true},
		{"absent = absent2", nil, nil, false},
		{"price < :v", nil, map[string]Value{":v": N("1e3")}, true},
		{"price < :v", nil, map[string]Value{":v": S("999")}, false},
		{"title > :v", nil, map[string]Value{":v": S("Wid")}, true},
		{"title >= :v", nil, map[string]Value{":v": S("widget")}, false},
		{"bin <= :v", nil, map[string]Value{":v": B([]byte{1, 2, 3})}, true},
		{"absent < :v", nil, map[string]Value{":v": N("1")}, false},
		{"price BETWEEN :lo AND :hi", nil, map[string]Value{":lo": N("99.5"), ":hi": N("100")}, true},
		{"price BETWEEN :lo AND :hi", nil, map[string]Value{":lo": N("101"), ":hi": N("200")}, false},
		{"title BETWEEN :lo AND :hi", nil, map[string]Value{":lo": N("1"), ":hi": N("2")}, false},
		{"price IN (:a, :b)", nil, map[string]Value{":a": S("x"), ":b": N("1e2")}, true},
		{"price IN (:a, :b)", nil, map[string]Value{":a": S("x"), ":b": N("3")}, false},
		{"tags = :s", nil, map[string]Value{":s": SS("blue", "red")}, true},
		{"nums = :s", nil, map[string]Value{":s": NS("2.50", "1")}, true},
		{"lst = :l", nil, map[string]Value{":l": L(S("a"), N("1"), SS("x"), L(S("inner")))}, true},
		{"attribute_exists(price)", nil, nil, true},
		{"attribute_exists(absent)", nil, nil, false},
		{"attribute_not_exists(absent)", nil, nil, true},
		{"attribute_exists(doc.nested.deep)", nil, nil, true},
		{"attribute_exists(doc.nested.nope)", nil, nil, false},
		{"attribute_exists(#k)", map[string]string{"#k": "dotted.key"}, nil, false},
		{"attribute_exists(doc.#k)", map[string]string{"#k": "dotted.key"}, nil, true},
		{"attribute_exists(lst[3][0])", nil, nil, true},
		{"attribute_exists(lst[4])", nil, nil, false},
		{"attribute_exists(title[0])", nil, nil, false},
		{"attribute_exists(lst.x)", nil, nil, false},
		{"doc.nested.deep = :v", nil, map[string]Value{":v": N("7")}, true},
		{"lst[1] = :v", nil, map[string]Value{":v": N("1")}, true},
		{"attribute_type(price, :t)", nil, map[string]Value{":t": S("N")}, true},
		{"attribute_type(tags, :t)", nil, map[string]Value{":t": S("SS")}, true},
		{"attribute_type(nul, :t)", nil, map[string]Value{":t": S("NULL")}, true},
		{"attribute_type(price, :t)", nil, map[string]Value{":t": S("S")}, false},
		{"attribute_type(absent, :t)", nil, map[string]Value{":t": S("S")}, false},
		{"begins_with(title, :p)", nil, map[string]Value{":p": S("Wid")}, true},
		{"begins_with(title, :p)", nil, map[string]Value{":p": S("wid")}, false},
		{"begins_with(bin, :p)", nil, map[string]Value{":p": B([]byte{1, 2})}, true},
		{"begins_with(price, :p)", nil, map[string]Value{":p": S("1")}, false},
		{"begins_with(title, strnum)", nil, nil, false},
		{"contains(title, :s)", nil, map[string]Value{":s": S("idg")}, true},
		{"contains(tags, :s)", nil, map[string]Value{":s": S("red")}, true},
		{"contains(tags, :s)", nil, map[string]Value{":s": S("green")}, false},
		{"contains(nums, :n)", nil, map[string]Value{":n": N("2.50")}, true},
		{"contains(nums, :n)", nil, map[string]Value{":n": S("1")}, false},
		{"contains(bins, :b)", nil, map[string]Value{":b": B([]byte{9})}, true},
		{"contains(bin, :b)", nil, map[string]Value{":b": B([]byte{2, 3})}, true},
		{"contains(lst, :v)", nil, map[string]Value{":v": SS("x")}, true},
		{"contains(lst, :v)", nil, map[string]Value{":v": L(S("inner"))}, true},
		{"contains(lst, :v)", nil, map[string]Value{":v": N("1.0")}, true},
		{"contains(price, :v)", nil, map[string]Value{":v": N("1")}, false},
		{"size(title) = :n", nil, map[string]Value{":n": N("6")}, true},
		{"size(emoji) = :n", nil, map[string]Value{":n": N("3")}, true},
		{"size(bin) = :n", nil, map[string]Value{":n": N("3")}, true},
		{"size(tags) = :n", nil, map[string]Value{":n": N("2")}, true},
		{"size(lst) = :n", nil, map[string]Value{":n": N("4")}, true},
		{"size(doc) = :n", nil, map[string]Value{":n": N("2")}, true},
		{"size(blank) = :n", nil, map[string]Value{":n": N("0")}, true},
		{"size(price) = :n", nil, map[string]Value{":n": N("3")}, false},
		{"size(price) <> :n", nil, map[string]Value{":n": N("3")}, true},
		{"size(absent) < :n", nil, map[string]Value{":n": N("3")}, false},
		{"size(title) > :s", nil, map[string]Value{":s": S("1")}, false},
		{"size(:v) = :n", nil, map[string]Value{":v": S("abc"), ":n": N("3")}, true},
		{"NOT attribute_exists(absent)", nil, nil, true},
		{"NOT NOT attribute_exists(absent)", nil, nil, false},
		{"attribute_exists(absent) OR price = :v", nil, map[string]Value{":v": N("100")}, true},
		{"attribute_exists(absent) OR flag = :f AND zero = :z", nil, map[string]Value{":f": Bool(false), ":z": N("0")}, false},
		{"(attribute_exists(absent) OR flag = :f) AND zero = :z", nil, map[string]Value{":f": Bool(true), ":z": N("0")}, true},
		{"#p = :v", map[string]string{"#p": "price"}, map[string]Value{":v": N("100")}, true},
		{"nul = :null", nil, map[string]Value{":null": Null()}, true},
		{"flag = :t", nil, map[string]Value{":t": Bool(true)}, true},
		{":a = :b", nil, map[string]Value{":a": N("1"), ":b": N("1.0")}, true},
	}
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	stored := conditionItem()
	_, err := users.PutItem(ctx, PutItemInput{Item: stored})
	require.NoError(t, err)
	for i, c := range cases {
		t.Run(strconv.Itoa(i)+" "+c.cond, func(t *testing.T) {
			_, err := users.PutItem(ctx, PutItemInput{Item: stored, ConditionExpression: c.cond,
				ExpressionAttributeNames: c.names, ExpressionAttributeValues: c.values})
			if c.want {
				require.NoError(t, err)
				return
			}
			requireAWSError(t, err, CodeConditionalCheckFailed, "The conditional request failed")
		})
	}
}

func TestConditionalWrite_OnMissingItem(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("new")}, ConditionExpression: "attribute_not_exists(id)"})
	require.NoError(t, err, "insert-if-absent on a new key")
	_, err = users.PutItem(ctx, PutItemInput{Item: Item{"id": S("new"), "v": N("2")}, ConditionExpression: "attribute_not_exists(id)"})
	requireAWSError(t, err, CodeConditionalCheckFailed, "The conditional request failed")
	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("new")}})
	require.NoError(t, err)
	assert.NotContains(t, got.Item, "v", "a failed condition writes nothing")

	_, err = users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("absent")}, ConditionExpression: "attribute_exists(id)"})
	requireAWSError(t, err, CodeConditionalCheckFailed, "The conditional request failed")
	_, err = users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("new")}, ConditionExpression: "attribute_exists(id)"})
	require.NoError(t, err)
}

func TestConditionalCheckFailed_ReturnsItemWithAllOld(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a"), "v": N("1")}})
	require.NoError(t, err)

	_, err = users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a")}, ConditionExpression: "v = :two",
		ExpressionAttributeValues: map[string]Value{":two": N("2")}, ReturnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailureAllOld})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, ErrConditionalCheckFailed)
	assert.Equal(t, `{"id":{"S":"a"},"v":{"N":"1"}}`, e.Item.String())

	_, err = users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("a")}, ConditionExpression: "v = :two",
		ExpressionAttributeValues: map[string]Value{":two": N("2")}})
	require.ErrorAs(t, err, &e)
	assert.Nil(t, e.Item, "without ALL_OLD the error has no item")

	_, err = users.DeleteItem(ctx, DeleteItemInput{Key: Item{"id": S("zz")}, ConditionExpression: "attribute_exists(id)",
		ReturnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailureAllOld})
	require.ErrorAs(t, err, &e)
	assert.Nil(t, e.Item, "no item, nothing to return")

	_, err = users.PutItem(ctx, PutItemInput{Item: Item{"id": S("a")}, ReturnValuesOnConditionCheckFailure: "UPDATED_OLD"})
	requireAWSError(t, err, CodeValidation, "1 validation error detected: Value 'UPDATED_OLD' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]")
}

func TestExpressionValidation_Messages(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	cases := []struct {
		name string
		in   PutItemInput
		msg  string
	}{
		{"syntax", PutItemInput{ConditionExpression: "!!! INVALID !!!"}, `Invalid ConditionExpression: Syntax error; token: "!", near: "!!"`},
		{"undefined value", PutItemInput{ConditionExpression: "a = :v"}, "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v"},
		{"undefined name", PutItemInput{ConditionExpression: "#a = :v", ExpressionAttributeValues: map[string]Value{":v": N("1")}},
			"Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #a"},
		{"unused name", PutItemInput{ConditionExpression: "a = :v", ExpressionAttributeNames: map[string]string{"#x": "x"}, ExpressionAttributeValues: map[string]Value{":v": N("1")}},
			"Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}"},
		{"unused value", PutItemInput{ConditionExpression: "attribute_exists(a)", ExpressionAttributeValues: map[string]Value{":v": N("1"), ":w": N("2")}},
			"Value provided in ExpressionAttributeValues unused in expressions: keys: {:v, :w}"},
		{"names without expression", PutItemInput{ExpressionAttributeNames: map[string]string{"#x": "x"}},
			"ExpressionAttributeNames can only be specified when using expressions"},
		{"values without expression", PutItemInput{ExpressionAttributeValues: map[string]Value{":v": N("1")}},
			"ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null"},
		{"empty names", PutItemInput{ConditionExpression: "a = b", ExpressionAttributeNames: map[string]string{}},
			"ExpressionAttributeNames must not be empty"},
		{"bad name key", PutItemInput{ConditionExpression: "a = b", ExpressionAttributeNames: map[string]string{"a": "x"}},
			`ExpressionAttributeNames contains invalid key: Syntax error; key: "a"`},
		{"invalid value", PutItemInput{ConditionExpression: "a = :v", ExpressionAttributeValues: map[string]Value{":v": N("x")}},
			"ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric value: x for key :v"},
		{"invalid set value", PutItemInput{ConditionExpression: "a = :v", ExpressionAttributeValues: map[string]Value{":v": SS()}},
			"ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :v"},
		{"reserved word", PutItemInput{ConditionExpression: "attribute_exists(Size)"}, "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size"},
		{"ordering a boolean", PutItemInput{ConditionExpression: "a < :v", ExpressionAttributeValues: map[string]Value{":v": Bool(true)}},
			"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"},
		{"between types", PutItemInput{ConditionExpression: "a BETWEEN :lo AND :hi", ExpressionAttributeValues: map[string]Value{":lo": N("1"), ":hi": S("a")}},
			"Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}"},
		{"between order", PutItemInput{ConditionExpression: "a BETWEEN :lo AND :hi", ExpressionAttributeValues: map[string]Value{":lo": S("b"), ":hi": S("a")}},
			"Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}"},
		{"attribute_type name", PutItemInput{ConditionExpression: "attribute_type(a, :t)", ExpressionAttributeValues: map[string]Value{":t": S("STRING")}},
			"Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}"},
		{"attribute_type operand", PutItemInput{ConditionExpression: "attribute_type(a, :t)", ExpressionAttributeValues: map[string]Value{":t": N("1")}},
			"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"},
		{"begins_with operand", PutItemInput{ConditionExpression: "begins_with(a, :t)", ExpressionAttributeValues: map[string]Value{":t": N("1")}},
			"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"},
		{"size of a number", PutItemInput{ConditionExpression: "size(:t) > :n", ExpressionAttributeValues: map[string]Value{":t": N("1"), ":n": N("1")}},
			"Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N"},
		{"mixing", PutItemInput{ConditionExpression: "attribute_exists(a)", Expected: map[string]ExpectedAttributeValue{"a": {Exists: ptr(false)}}},
			"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"},
		{"mixing checked before the item", PutItemInput{Item: Item{"id": N("1"), "s": SS()}, ConditionExpression: "attribute_exists(a)", Expected: map[string]ExpectedAttributeValue{"a": {Exists: ptr(false)}}},
			"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.in.Item == nil {
				c.in.Item = Item{"id": S("x")}
			}
			_, err := users.PutItem(ctx, c.in)
			requireAWSError(t, err, CodeValidation, c.msg)
			assert.Empty(t, tableItems(t, db, "users"))
		})
	}
}

func TestExpected_LegacyConditions(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	stored := Item{"id": S("e"), "n": N("5"), "s": S("hello"), "tags": SS("a", "b")}
	_, err := users.PutItem(ctx, PutItemInput{Item: stored})
	require.NoError(t, err)
	exp := func(op ComparisonOperator, vals ...Value) ExpectedAttributeValue {
		return ExpectedAttributeValue{ComparisonOperator: op, AttributeValueList: vals}
	}
	cases := []struct {
		name string
		exp  map[string]ExpectedAttributeValue
		op   ConditionalOperator
		want bool
	}{
		{"value equals", map[string]ExpectedAttributeValue{"n": {Value: ptr(N("5.0"))}}, "", true},
		{"value differs", map[string]ExpectedAttributeValue{"n": {Value: ptr(N("6"))}}, "", false},
		{"exists true with value", map[string]ExpectedAttributeValue{"n": {Value: ptr(N("5")), Exists: ptr(true)}}, "", true},
		{"exists false", map[string]ExpectedAttributeValue{"missing": {Exists: ptr(false)}}, "", true},
		{"exists false on present", map[string]ExpectedAttributeValue{"n": {Exists: ptr(false)}}, "", false},
		{"EQ", map[string]ExpectedAttributeValue{"n": exp(ComparisonOperatorEq, N("5"))}, "", true},
		{"NE on missing", map[string]ExpectedAttributeValue{"missing": exp(ComparisonOperatorNe, N("5"))}, "", true},
		{"LT", map[string]ExpectedAttributeValue{"n": exp(ComparisonOperatorLt, N("10"))}, "", true},
		{"GE", map[string]ExpectedAttributeValue{"n": exp(ComparisonOperatorGe, N("10"))}, "", false},
		{"BETWEEN", map[string]ExpectedAttributeValue{"n": exp(ComparisonOperatorBetween, N("1"), N("5"))}, "", true},
		{"IN", map[string]ExpectedAttributeValue{"n": exp(ComparisonOperatorIn, N("1"), N("5"))}, "", true},
		{"NULL", map[string]ExpectedAttributeValue{"missing": exp(ComparisonOperatorNull)}, "", true},
		{"NOT_NULL", map[string]ExpectedAttributeValue{"missing": exp(ComparisonOperatorNotNull)}, "", false},
		{"CONTAINS set", map[string]ExpectedAttributeValue{"tags": exp(ComparisonOperatorContains, S("a"))}, "", true},
		{"NOT_CONTAINS", map[string]ExpectedAttributeValue{"s": exp(ComparisonOperatorNotContains, S("xyz"))}, "", true},
		{"BEGINS_WITH", map[string]ExpectedAttributeValue{"s": exp(ComparisonOperatorBeginsWith, S("he"))}, "", true},
		{"AND default", map[string]ExpectedAttributeValue{"n": exp(ComparisonOperatorEq, N("5")), "s": exp(ComparisonOperatorEq, S("nope"))}, "", false},
		{"OR", map[string]ExpectedAttributeValue{"n": exp(ComparisonOperatorEq, N("5")), "s": exp(ComparisonOperatorEq, S("nope"))}, ConditionalOperatorOr, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := users.PutItem(ctx, PutItemInput{Item: stored, Expected: c.exp, ConditionalOperator: c.op})
			if c.want {
				require.NoError(t, err)
				return
			}
			requireAWSError(t, err, CodeConditionalCheckFailed, msgConditionFailed)
		})
	}
}

func TestExpected_ValidationMessages(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	const invalid = "One or more parameter values were invalid: "
	cases := []struct {
		name string
		exp  ExpectedAttributeValue
		msg  string
	}{
		{"value and list", ExpectedAttributeValue{Value: ptr(N("1")), AttributeValueList: []Value{N("1")}}, invalid + "Value and AttributeValueList cannot be used together for Attribute: a"},
		{"exists with operator", ExpectedAttributeValue{Exists: ptr(true), ComparisonOperator: ComparisonOperatorNull}, invalid + "Exists and ComparisonOperator cannot be used together for Attribute: a"},
		{"operator without values", ExpectedAttributeValue{ComparisonOperator: ComparisonOperatorEq}, invalid + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a"},
		{"wrong count", ExpectedAttributeValue{ComparisonOperator: ComparisonOperatorBetween, AttributeValueList: []Value{N("1")}}, invalid + "Invalid number of argument(s) for the BETWEEN ComparisonOperator"},
		{"mixed types", ExpectedAttributeValue{ComparisonOperator: ComparisonOperatorIn, AttributeValueList: []Value{N("1"), S("a")}}, invalid + "AttributeValues inside AttributeValueList must be of same type"},
		{"type not valid", ExpectedAttributeValue{ComparisonOperator: ComparisonOperatorGt, AttributeValueList: []Value{SS("a")}}, invalid + "ComparisonOperator GT is not valid for SS AttributeValue type"},
		{"between order", ExpectedAttributeValue{ComparisonOperator: ComparisonOperatorBetween, AttributeValueList: []Value{N("5"), N("1")}}, "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"},
		{"list without operator", ExpectedAttributeValue{AttributeValueList: []Value{N("1")}}, invalid + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"},
		{"no value", ExpectedAttributeValue{}, invalid + "Value must be provided when Exists is null for Attribute: a"},
		{"exists true no value", ExpectedAttributeValue{Exists: ptr(true)}, invalid + "Value must be provided when Exists is true for Attribute: a"},
		{"exists false with value", ExpectedAttributeValue{Exists: ptr(false), Value: ptr(N("1"))}, invalid + "Value cannot be used when Exists is false for Attribute: a"},
		{"bad operator", ExpectedAttributeValue{ComparisonOperator: "LIKE", AttributeValueList: []Value{S("x")}},
			"1 validation error detected: Value 'LIKE' at 'expected.a.member.comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("x")}, Expected: map[string]ExpectedAttributeValue{"a": c.exp}})
			requireAWSError(t, err, CodeValidation, c.msg)
		})
	}
}

func TestGetItem_ProjectionExpression(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: conditionItem()})
	require.NoError(t, err)
	cases := []struct {
		proj  string
		names map[string]string
		want  string
	}{
		{"price", nil, `{"price":{"N":"100"}}`},
		{"price, title", nil, `{"price":{"N":"100"},"title":{"S":"Widget"}}`},
		{"doc.nested.deep", nil, `{"doc":{"M":{"nested":{"M":{"deep":{"N":"7"}}}}}}`},
		{"doc.#k, price", map[string]string{"#k": "dotted.key"}, `{"doc":{"M":{"dotted.key":{"S":"v"}}},"price":{"N":"100"}}`},
		{"lst[3][0], lst[0]", nil, `{"lst":{"L":[{"S":"a"},{"L":[{"S":"inner"}]}]}}`},
		{"lst[9], absent, doc.nope", nil, `{}`},
		{"#id", map[string]string{"#id": "id"}, `{"id":{"S":"c"}}`},
	}
	for _, c := range cases {
		t.Run(c.proj, func(t *testing.T) {
			out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("c")}, ProjectionExpression: c.proj, ExpressionAttributeNames: c.names})
			require.NoError(t, err)
			require.NotNil(t, out.Item)
			assert.Equal(t, c.want, out.Item.String())
		})
	}
	out, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("nul")}, ProjectionExpression: "price"})
	require.NoError(t, err)
	assert.Nil(t, out.Item)

	_, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("c")}, ProjectionExpression: "a, a.b"})
	requireAWSError(t, err, CodeValidation, "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]")
	_, err = users.GetItem(ctx, GetItemInput{Key: Item{"id": S("c")}, ProjectionExpression: "a", AttributesToGet: []string{"a"}})
	requireAWSError(t, err, CodeValidation, "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}")
}

// Eight writers each do read, modify, conditional write on a version
// attribute; none loses an update: the final version is the number of
// successful writes.
func TestConditionalWrites_OptimisticLockingUnderContention(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	users := db.Table("users")
	_, err := users.PutItem(ctx, PutItemInput{Item: Item{"id": S("lock"), "version": N("0"), "count": N("0")}})
	require.NoError(t, err)
	var g errgroup.Group
	successes := make([]int, 8)
	for w := range 8 {
		g.Go(func() error {
			for range 200 {
				got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("lock")}, ConsistentRead: true})
				if err != nil {
					return err
				}
				v, _ := strconv.Atoi(got.Item["version"].N())
				c, _ := strconv.Atoi(got.Item["count"].N())
				_, err = users.PutItem(ctx, PutItemInput{
					Item:                      Item{"id": S("lock"), "version": Int(int64(v + 1)), "count": Int(int64(c + 1))},
					ConditionExpression:       "version = :v",
					ExpressionAttributeValues: map[string]Value{":v": Int(int64(v))},
				})
				switch {
				case err == nil:
					successes[w]++
				case !isConditionFailed(err):
					return err
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	total := 0
	for _, s := range successes {
		total += s
	}
	got, err := users.GetItem(ctx, GetItemInput{Key: Item{"id": S("lock")}, ConsistentRead: true})
	require.NoError(t, err)
	assert.Equal(t, strconv.Itoa(total), got.Item["version"].N())
	assert.Equal(t, strconv.Itoa(total), got.Item["count"].N(), "no successful write was lost")
	assert.Positive(t, total)
}

func isConditionFailed(err error) bool {
	return errors.Is(err, ErrConditionalCheckFailed)
}

// Eight goroutines race to create the same item with attribute_not_exists:
// exactly one wins, the others get ConditionalCheckFailedException, and the
// stored item is the winner's.
func TestConditionalCreate_ExactlyOneWinner(t *testing.T) {
	for round := range 20 {
		db := newTestDB(t)
		ctx := context.Background()
		var g errgroup.Group
		won := make([]bool, 8)
		for w := range 8 {
			g.Go(func() error {
				_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("singleton"), "owner": Int(int64(w))},
					ConditionExpression: "attribute_not_exists(id)"})
				switch {
				case err == nil:
					won[w] = true
				case !isConditionFailed(err):
					return err
				}
				return nil
			})
		}
		require.NoError(t, g.Wait())
		winners := 0
		winner := -1
		for w, ok := range won {
			if ok {
				winners++
				winner = w
			}
		}
		require.Equal(t, 1, winners, "round %d", round)
		got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("singleton")}, ConsistentRead: true})
		require.NoError(t, err)
		assert.Equal(t, strconv.Itoa(winner), got.Item["owner"].N())
	}
}

func TestProjection_NestedKeyPathRejected(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	const msg = "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: id"
	_, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("a")}, ProjectionExpression: "id.a"})
	requireAWSError(t, err, CodeValidation, msg)
	_, err = db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("a")}, ProjectionExpression: "#k[0]", ExpressionAttributeNames: map[string]string{"#k": "id"}})
	requireAWSError(t, err, CodeValidation, msg)
	_, err = db.BatchGetItem(ctx, BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: []Item{{"id": S("a")}}, ProjectionExpression: "id.b"}}})
	requireAWSError(t, err, CodeValidation, msg)
	_, err = db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("a")}, ProjectionExpression: "id, extra.a"})
	require.NoError(t, err, "the whole key attribute, and nested non-key paths, are fine")
}
