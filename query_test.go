package ddbsim

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// createTestTable adds an on-demand table keyed by hash (and sort, when
// not "") to db.
func createTestTable(t testing.TB, db *DB, name, hash string, hashType ScalarAttributeType, sort string, sortType ScalarAttributeType) {
	t.Helper()
	in := CreateTableInput{
		TableName:            name,
		KeySchema:            []KeySchemaElement{{AttributeName: hash, KeyType: KeyTypeHash}},
		AttributeDefinitions: []AttributeDefinition{{AttributeName: hash, AttributeType: hashType}},
		BillingMode:          BillingModePayPerRequest,
	}
	if sort != "" {
		in.KeySchema = append(in.KeySchema, KeySchemaElement{AttributeName: sort, KeyType: KeyTypeRange})
		in.AttributeDefinitions = append(in.AttributeDefinitions, AttributeDefinition{AttributeName: sort, AttributeType: sortType})
	}
	_, err := db.CreateTable(context.Background(), in)
	require.NoError(t, err)
}

// putAll stores items in a table.
func putAll(t testing.TB, db *DB, table string, items ...Item) {
	t.Helper()
	for _, it := range items {
		_, err := db.PutItem(context.Background(), PutItemInput{TableName: table, Item: it})
		require.NoError(t, err)
	}
}

// texts returns the text of attribute attr (S or N) of each item.
func texts(items []Item, attr string) []string {
	out := []string{}
	for _, it := range items {
		v := it[attr]
		if v.Type() == TypeN {
			out = append(out, v.N())
		} else {
			out = append(out, v.S())
		}
	}
	return out
}

// loadEvents fills "events" with partition "a" (sk 0 to 9, v = 10*sk)
// and partition "b" (sk 0 to 2).
func loadEvents(t testing.TB, db *DB) {
	t.Helper()
	for i := range 10 {
		putAll(t, db, "events", Item{"pk": S("a"), "sk": Int(int64(i)), "v": Int(int64(10 * i))})
	}
	for i := range 3 {
		putAll(t, db, "events", Item{"pk": S("b"), "sk": Int(int64(i)), "v": Int(int64(100 + i))})
	}
}

func vals(kv ...any) map[string]Value {
	m := map[string]Value{}
	for i := 0; i < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1].(Value)
	}
	return m
}

func TestQuery_KeyConditionExpression_SelectsTheRange(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	for _, tc := range []struct {
		name, kce string
		values    map[string]Value
		want      string
	}{
		{"partition only", "pk = :p", vals(":p", S("a")), "0 1 2 3 4 5 6 7 8 9"},
		{"other partition", "pk = :p", vals(":p", S("b")), "0 1 2"},
		{"missing partition", "pk = :p", vals(":p", S("zz")), ""},
		{"equal", "pk = :p AND sk = :s", vals(":p", S("a"), ":s", N("4")), "4"},
		{"equal, other spelling", "pk = :p AND sk = :s", vals(":p", S("a"), ":s", N("4.00e0")), "4"},
		{"less", "pk = :p AND sk < :s", vals(":p", S("a"), ":s", N("3")), "0 1 2"},
		{"less or equal", "pk = :p AND sk <= :s", vals(":p", S("a"), ":s", N("3")), "0 1 2 3"},
		{"greater", "pk = :p AND sk > :s", vals(":p", S("a"), ":s", N("7")), "8 9"},
		{"greater or equal", "pk = :p AND sk >= :s", vals(":p", S("a"), ":s", N("7")), "7 8 9"},
		{"between", "pk = :p AND sk BETWEEN :lo AND :hi", vals(":p", S("a"), ":lo", N("2.5"), ":hi", N("5")), "3 4 5"},
		{"between equal bounds", "pk = :p AND sk BETWEEN :lo AND :lo", vals(":p", S("a"), ":lo", N("5")), "5"},
		{"value on the left", ":s > sk AND :p = pk", vals(":p", S("a"), ":s", N("2")), "0 1"},
		{"value on the left, or equal", ":s <= sk AND pk = :p", vals(":p", S("a"), ":s", N("8")), "8 9"},
		{"parentheses", "(pk = :p) AND (sk > :s)", vals(":p", S("a"), ":s", N("8")), "9"},
		{"names", "#p = :p AND #s < :s", vals(":p", S("a"), ":s", N("1")), "0"},
		{"below every key", "pk = :p AND sk < :s", vals(":p", S("a"), ":s", N("-1e100")), ""},
		{"above every key", "pk = :p AND sk > :s", vals(":p", S("a"), ":s", N("1e100")), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := QueryInput{TableName: "events", KeyConditionExpression: tc.kce, ExpressionAttributeValues: tc.values}
			if strings.Contains(tc.kce, "#") {
				in.ExpressionAttributeNames = map[string]string{"#p": "pk", "#s": "sk"}
			}
			out, err := db.Query(ctx, in)
			require.NoError(t, err)
			want := strings.Fields(tc.want)
			if want == nil {
				want = []string{}
			}
			assert.Equal(t, want, texts(out.Items, "sk"))
			assert.Equal(t, int32(len(want)), out.Count)
			assert.Equal(t, int32(len(want)), out.ScannedCount)
			assert.Nil(t, out.LastEvaluatedKey)

			in.ScanIndexForward = ptr(false)
			back, err := db.Query(ctx, in)
			require.NoError(t, err)
			rev := texts(back.Items, "sk")
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			assert.Equal(t, want, rev, "ScanIndexForward=false reverses the order")
		})
	}
}

func TestQuery_SortKeyOrder_NumbersStringsBinaries(t *testing.T) {
	db := New(nil)
	ctx := context.Background()
	createTestTable(t, db, "nums", "pk", ScalarAttributeTypeS, "sk", ScalarAttributeTypeN)
	createTestTable(t, db, "strs", "pk", ScalarAttributeTypeS, "sk", ScalarAttributeTypeS)
	createTestTable(t, db, "bins", "pk", ScalarAttributeTypeS, "sk", ScalarAttributeTypeB)
	numbers := []string{"0", "99.1", "10.9", "10.1", "9.1", "9", "1.9", "1.1", "1", "0.9", "0.1", "0.09", "0.01", "-0.01",
		"-0.09", "-0.1", "-0.9", "-1", "-1.01", "-9", "-9.9", "-10.1", "-99.1", "1e30", "-1e-30"}
	for _, n := range numbers {
		putAll(t, db, "nums", Item{"pk": S("p"), "sk": N(n)})
	}
	strs := []string{"1", "2", "10", "a", "b", "aa", "ab", "A", "B", "é", "z"}
	for _, s := range strs {
		putAll(t, db, "strs", Item{"pk": S("p"), "sk": S(s)})
	}
	bins := [][]byte{{0xff}, {0x00, 0x01}, {0x00}, {0x7f, 0xff}, {0x80}}
	for _, b := range bins {
		putAll(t, db, "bins", Item{"pk": S("p"), "sk": B(b)})
	}
	q := func(table string) []Item {
		out, err := db.Query(ctx, QueryInput{TableName: table, KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("p"))})
		require.NoError(t, err)
		return out.Items
	}
	assert.Equal(t, []string{"-99.1", "-10.1", "-9.9", "-9", "-1.01", "-1", "-0.9", "-0.1", "-0.09", "-0.01", "-0.000000000000000000000000000001",
		"0", "0.01", "0.09", "0.1", "0.9", "1", "1.1", "1.9", "9", "9.1", "10.1", "10.9", "99.1", "1000000000000000000000000000000"},
		texts(q("nums"), "sk"), "N by value")
	assert.Equal(t, []string{"1", "10", "2", "A", "B", "a", "aa", "ab", "b", "z", "é"}, texts(q("strs"), "sk"), "S by UTF-8 bytes")
	var gotBins [][]byte
	for _, it := range q("bins") {
		gotBins = append(gotBins, it["sk"].B())
	}
	assert.Equal(t, [][]byte{{0x00}, {0x00, 0x01}, {0x7f, 0xff}, {0x80}, {0xff}}, gotBins, "B by unsigned bytes")
}

func TestQuery_BeginsWith_StringAndBinarySortKeys(t *testing.T) {
	db := New(nil)
	ctx := context.Background()
	createTestTable(t, db, "strs", "pk", ScalarAttributeTypeS, "sk", ScalarAttributeTypeS)
	createTestTable(t, db, "bins", "pk", ScalarAttributeTypeS, "sk", ScalarAttributeTypeB)
	for _, s := range []string{"a", "ab", "abc", "abd", "ac", "b", "A", "ab\xff", "ab\xff\xff", "ac\x00"} {
		putAll(t, db, "strs", Item{"pk": S("p"), "sk": S(s)})
	}
	for _, b := range [][]byte{{1}, {1, 2}, {1, 0xff}, {1, 0xff, 0xff}, {2}} {
		putAll(t, db, "bins", Item{"pk": S("p"), "sk": B(b)})
	}
	for _, tc := range []struct {
		prefix string
		want   []string
	}{
		{"ab", []string{"ab", "abc", "abd", "ab\xff", "ab\xff\xff"}},
		{"ab\xff", []string{"ab\xff", "ab\xff\xff"}},
		{"a", []string{"a", "ab", "abc", "abd", "ab\xff", "ab\xff\xff", "ac", "ac\x00"}},
		{"B", []string{}},
		{"abc", []string{"abc"}},
	} {
		out, err := db.Query(ctx, QueryInput{TableName: "strs", KeyConditionExpression: "pk = :p AND begins_with(sk, :b)",
			ExpressionAttributeValues: vals(":p", S("p"), ":b", S(tc.prefix))})
		require.NoError(t, err)
		assert.Equal(t, tc.want, texts(out.Items, "sk"), "begins_with %q", tc.prefix)
	}
	out, err := db.Query(ctx, QueryInput{TableName: "bins", KeyConditionExpression: "pk = :p AND begins_with(sk, :b)",
		ExpressionAttributeValues: vals(":p", S("p"), ":b", B([]byte{1, 0xff})), ScanIndexForward: ptr(false)})
	require.NoError(t, err)
	require.Len(t, out.Items, 2)
	assert.Equal(t, []byte{1, 0xff, 0xff}, out.Items[0]["sk"].B())
	assert.Equal(t, []byte{1, 0xff}, out.Items[1]["sk"].B())
}

func TestQuery_LegacyKeyConditions_SelectTheRange(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	eq := Condition{ComparisonOperator: ComparisonOperatorEq, AttributeValueList: []Value{S("a")}}
	for _, tc := range []struct {
		name string
		sk   *Condition
		want string
	}{
		{"partition only", nil, "0 1 2 3 4 5 6 7 8 9"},
		{"EQ", &Condition{ComparisonOperatorEq, []Value{N("3")}}, "3"},
		{"LT", &Condition{ComparisonOperatorLt, []Value{N("3")}}, "0 1 2"},
		{"LE", &Condition{ComparisonOperatorLe, []Value{N("3")}}, "0 1 2 3"},
		{"GT", &Condition{ComparisonOperatorGt, []Value{N("7")}}, "8 9"},
		{"GE", &Condition{ComparisonOperatorGe, []Value{N("7")}}, "7 8 9"},
		{"BETWEEN", &Condition{ComparisonOperatorBetween, []Value{N("2"), N("4")}}, "2 3 4"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conds := map[string]Condition{"pk": eq}
			if tc.sk != nil {
				conds["sk"] = *tc.sk
			}
			out, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditions: conds, ConsistentRead: true})
			require.NoError(t, err)
			assert.Equal(t, strings.Fields(tc.want), texts(out.Items, "sk"))
		})
	}
}

// queryErrorCases are Query requests DynamoDB rejects, with its messages,
// against newTestDB's tables ("events": pk S, sk N; "users": id S).
var queryErrorCases = []struct {
	name string
	in   QueryInput
	code string
	msg  string
}{
	// Request shape.
	{"no table name", QueryInput{KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a"))}, CodeValidation,
		"1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null"},
	{"bad enums and limit", QueryInput{TableName: "events", Select: "hi", ReturnConsumedCapacity: "hi", ConditionalOperator: "AN",
		AttributesToGet: []string{}, Limit: ptr(int32(-1)), IndexName: "a;", QueryFilter: map[string]Condition{"a": {}}}, CodeValidation,
		"8 validation errors detected: " +
			"Value 'hi' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]; " +
			"Value 'a;' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
			"Value 'a;' at 'indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; " +
			"Value 'hi' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; " +
			"Value null at 'queryFilter.a.member.comparisonOperator' failed to satisfy constraint: Member must not be null; " +
			"Value 'AN' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: [OR, AND]; " +
			"Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
			"Value '-1' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"},
	{"limit zero", QueryInput{TableName: "events", Limit: ptr(int32(0)), KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"},
	{"bad key condition operator", QueryInput{TableName: "events", KeyConditions: map[string]Condition{"pk": {ComparisonOperator: "XX"}}}, CodeValidation,
		"1 validation error detected: Value 'XX' at 'keyConditions.pk.member.comparisonOperator' failed to satisfy constraint: " +
			"Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]"},

	// Expression and legacy parameters.
	{"all mixed", QueryInput{TableName: "events", AttributesToGet: []string{"a"}, QueryFilter: map[string]Condition{},
		ConditionalOperator: "OR", KeyConditions: map[string]Condition{}, ProjectionExpression: "a", FilterExpression: "b = :b",
		KeyConditionExpression: "pk = :p"}, CodeValidation,
		"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: " +
			"{AttributesToGet, QueryFilter, ConditionalOperator, KeyConditions} Expression parameters: {ProjectionExpression, FilterExpression, KeyConditionExpression}"},
	{"KeyConditions goes with other expressions", QueryInput{TableName: "events", AttributesToGet: []string{"a"},
		KeyConditions: map[string]Condition{}, FilterExpression: "b = :b"}, CodeValidation,
		"Can not use both expression and non-expression parameters in the same request: Non-expression parameters: " +
			"{AttributesToGet} Expression parameters: {FilterExpression}"},
	{"names without expressions", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}, ExpressionAttributeNames: map[string]string{"#a": "a"}},
		CodeValidation, "ExpressionAttributeNames can only be specified when using expressions"},
	{"values without expressions", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}, ExpressionAttributeValues: vals(":a", S("a"))},
		CodeValidation, "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null"},
	{"values with only a projection", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}, ProjectionExpression: "a",
		ExpressionAttributeValues: vals(":a", S("a"))},
		CodeValidation, "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null"},
	{"QueryFilter argument count", QueryInput{TableName: "events", KeyConditions: map[string]Condition{},
		QueryFilter: map[string]Condition{"a": {ComparisonOperator: ComparisonOperatorEq}}}, CodeValidation,
		"One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator"},
	{"QueryFilter bad value before count", QueryInput{TableName: "events", KeyConditions: map[string]Condition{},
		QueryFilter: map[string]Condition{"a": {ComparisonOperator: ComparisonOperatorEq, AttributeValueList: []Value{N("1"), {}}}}}, CodeValidation,
		"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
	{"QueryFilter mixed types", QueryInput{TableName: "events", KeyConditions: map[string]Condition{},
		QueryFilter: map[string]Condition{"a": {ComparisonOperator: ComparisonOperatorIn, AttributeValueList: []Value{S("b"), N("1")}}}}, CodeValidation,
		"One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type"},
	{"QueryFilter operator type", QueryInput{TableName: "events", KeyConditions: map[string]Condition{},
		QueryFilter: map[string]Condition{"a": {ComparisonOperator: ComparisonOperatorLt, AttributeValueList: []Value{Bool(true)}}}}, CodeValidation,
		"One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type"},
	{"QueryFilter BETWEEN order", QueryInput{TableName: "events", KeyConditions: map[string]Condition{},
		QueryFilter: map[string]Condition{"a": {ComparisonOperator: ComparisonOperatorBetween, AttributeValueList: []Value{S("b"), S("a")}}}}, CodeValidation,
		"The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"},
	{"duplicate AttributesToGet", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}, AttributesToGet: []string{"a", "a"}}, CodeValidation,
		"One or more parameter values were invalid: Duplicate value in attribute name: a"},
	{"start key empty value", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}, ExclusiveStartKey: Item{"pk": {}}}, CodeValidation,
		"The provided starting key is invalid: Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
	{"start key empty string set", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}, ExclusiveStartKey: Item{"pk": SS()}}, CodeValidation,
		"The provided starting key is invalid: One or more parameter values were invalid: An string set  may not be empty"},
	{"start key empty number set", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}, ExclusiveStartKey: Item{"pk": NS()}}, CodeValidation,
		"One or more parameter values were invalid: An number set  may not be empty"},
	{"start key bad number", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}, ExclusiveStartKey: Item{"pk": N("b")}}, CodeValidation,
		"The parameter cannot be converted to a numeric value: b"},
	{"no key condition", QueryInput{TableName: "events"}, CodeValidation,
		"Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."},

	// KeyConditionExpression.
	{"syntax", QueryInput{TableName: "events", KeyConditionExpression: "pk = "}, CodeValidation,
		`Invalid KeyConditionExpression: Syntax error; token: "<EOF>", near: "="`},
	{"undefined value", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p"}, CodeValidation,
		"Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :p"},
	{"unused value", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a"), ":q", S("b"))},
		CodeValidation, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:q}"},
	{"unused name", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		ExpressionAttributeNames: map[string]string{"#x": "x"}}, CodeValidation,
		"Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}"},
	{"OR", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p OR sk = :s", ExpressionAttributeValues: vals(":p", S("a"), ":s", N("1"))},
		CodeValidation, "Invalid operator used in KeyConditionExpression: OR"},
	{"NOT", QueryInput{TableName: "events", KeyConditionExpression: "NOT pk = :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "Invalid operator used in KeyConditionExpression: NOT"},
	{"IN", QueryInput{TableName: "events", KeyConditionExpression: "pk IN (:p)", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "Invalid operator used in KeyConditionExpression: IN"},
	{"not equal", QueryInput{TableName: "events", KeyConditionExpression: "pk <> :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "Invalid operator used in KeyConditionExpression: <>"},
	{"attribute_exists", QueryInput{TableName: "events", KeyConditionExpression: "attribute_exists(pk)"},
		CodeValidation, "Invalid operator used in KeyConditionExpression: attribute_exists"},
	{"attribute_not_exists", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND attribute_not_exists(sk)", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "Invalid operator used in KeyConditionExpression: attribute_not_exists"},
	{"attribute_type", QueryInput{TableName: "events", KeyConditionExpression: "attribute_type(pk, :t)", ExpressionAttributeValues: vals(":t", S("S"))},
		CodeValidation, "Invalid operator used in KeyConditionExpression: attribute_type"},
	{"contains", QueryInput{TableName: "events", KeyConditionExpression: "contains(pk, :p)", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "Invalid operator used in KeyConditionExpression: contains"},
	{"size", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND size(sk) > :s", ExpressionAttributeValues: vals(":p", S("a"), ":s", N("1"))},
		CodeValidation, "KeyConditionExpressions cannot contain nested operations"},
	{"size as a bound", QueryInput{TableName: "events", KeyConditionExpression: "sk BETWEEN size(a) AND :s", ExpressionAttributeValues: vals(":s", N("1"))},
		CodeValidation, "KeyConditionExpressions cannot contain nested operations"},
	{"BETWEEN value first", QueryInput{TableName: "events", KeyConditionExpression: ":a BETWEEN sk AND :b", ExpressionAttributeValues: vals(":a", N("1"), ":b", N("2"))},
		CodeValidation, "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand"},
	{"begins_with value first", QueryInput{TableName: "events", KeyConditionExpression: "begins_with(:a, pk)", ExpressionAttributeValues: vals(":a", S("1"))},
		CodeValidation, "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand"},
	{"two attributes", QueryInput{TableName: "events", KeyConditionExpression: "pk = sk"},
		CodeValidation, "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"},
	{"two attributes in begins_with", QueryInput{TableName: "events", KeyConditionExpression: "begins_with(pk, sk)"},
		CodeValidation, "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition"},
	{"no attribute", QueryInput{TableName: "events", KeyConditionExpression: ":a = :b", ExpressionAttributeValues: vals(":a", S("1"), ":b", S("1"))},
		CodeValidation, "Invalid condition in KeyConditionExpression: No key attribute specified"},
	{"nested attribute", QueryInput{TableName: "events", KeyConditionExpression: "pk.a = :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "KeyConditionExpressions cannot have conditions on nested attributes"},
	{"list element", QueryInput{TableName: "events", KeyConditionExpression: "pk[0] = :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "KeyConditionExpressions cannot have conditions on nested attributes"},
	{"two conditions on one key", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND pk = :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "KeyConditionExpressions must only contain one condition per key"},
	{"three conditions", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND sk = :s AND x = :p", ExpressionAttributeValues: vals(":p", S("a"), ":s", N("1"))},
		CodeValidation, "Conditions can be of length 1 or 2 only"},
	{"operand type that no key takes", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND sk < :s", ExpressionAttributeValues: vals(":p", S("a"), ":s", Bool(true))},
		CodeValidation, "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"},
	{"begins_with a number", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND begins_with(sk, :s)", ExpressionAttributeValues: vals(":p", S("a"), ":s", N("1"))},
		CodeValidation, "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"},
	{"BETWEEN bound types", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND sk BETWEEN :b AND :a", ExpressionAttributeValues: vals(":p", S("a"), ":a", S("a"), ":b", N("1"))},
		CodeValidation, "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}"},
	{"BETWEEN bound order", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND sk BETWEEN :b AND :a", ExpressionAttributeValues: vals(":p", S("a"), ":a", N("1"), ":b", N("2"))},
		CodeValidation, "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"},

	// Legacy KeyConditions, before the table is looked at.
	{"KeyConditions empty", QueryInput{TableName: "events", KeyConditions: map[string]Condition{}}, CodeValidation, "Conditions can be of length 1 or 2 only"},
	{"KeyConditions three", QueryInput{TableName: "events", KeyConditions: map[string]Condition{"a": {ComparisonOperator: "NULL"},
		"b": {ComparisonOperator: "NULL"}, "c": {ComparisonOperator: "NULL"}}}, CodeValidation, "Conditions can be of length 1 or 2 only"},
	{"KeyConditions argument count", QueryInput{TableName: "events", KeyConditions: map[string]Condition{"pk": {ComparisonOperator: "BETWEEN", AttributeValueList: []Value{S("a")}}}},
		CodeValidation, "One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator"},
	{"KeyConditions BEGINS_WITH a number", QueryInput{TableName: "events", KeyConditions: map[string]Condition{"pk": {ComparisonOperator: "BEGINS_WITH", AttributeValueList: []Value{N("1")}}}},
		CodeValidation, "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"},

	// Select.
	{"ALL_ATTRIBUTES with a projection", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		Select: SelectAllAttributes, ProjectionExpression: "v"}, CodeValidation, "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES"},
	{"ALL_ATTRIBUTES with AttributesToGet", QueryInput{TableName: "events", KeyConditions: map[string]Condition{"pk": {ComparisonOperator: "EQ", AttributeValueList: []Value{S("a")}}},
		Select: SelectAllAttributes, AttributesToGet: []string{"v"}}, CodeValidation, "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES"},
	{"ALL_PROJECTED_ATTRIBUTES with a projection", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		Select: SelectAllProjectedAttributes, ProjectionExpression: "v"}, CodeValidation, "Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES"},
	{"ALL_PROJECTED_ATTRIBUTES on a table", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		Select: SelectAllProjectedAttributes}, CodeValidation, "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"},
	{"COUNT with a projection", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		Select: SelectCount, ProjectionExpression: "v"}, CodeValidation, "Cannot specify the ProjectionExpression when choosing to get only the Count"},
	{"COUNT with AttributesToGet", QueryInput{TableName: "events", KeyConditions: map[string]Condition{"pk": {ComparisonOperator: "EQ", AttributeValueList: []Value{S("a")}}},
		Select: SelectCount, AttributesToGet: []string{"v"}}, CodeValidation, "Cannot specify the AttributesToGet when choosing to get only the Count"},
	{"SPECIFIC_ATTRIBUTES without a projection", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		Select: SelectSpecificAttributes}, CodeValidation, "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"},

	// The table, then the key conditions against its key schema.
	{"missing table before key schema", QueryInput{TableName: "nope", KeyConditionExpression: "z = :z", ExpressionAttributeValues: vals(":z", N("1")),
		ExclusiveStartKey: Item{"b": S("a")}}, CodeResourceNotFound, "Requested resource not found"},
	{"unknown index", QueryInput{TableName: "events", IndexName: "byV", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "The table does not have the specified index: byV"},
	{"no partition key condition", QueryInput{TableName: "events", KeyConditionExpression: "sk = :s", ExpressionAttributeValues: vals(":s", N("1"))},
		CodeValidation, "Query condition missed key schema element: pk"},
	{"non-key in place of the partition key", QueryInput{TableName: "events", KeyConditionExpression: "x = :s", ExpressionAttributeValues: vals(":s", N("1"))},
		CodeValidation, "Query condition missed key schema element: pk"},
	{"non-key in place of the sort key", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND x < :s", ExpressionAttributeValues: vals(":p", S("a"), ":s", N("1"))},
		CodeValidation, "Query condition missed key schema element: sk"},
	{"range on the partition key", QueryInput{TableName: "events", KeyConditionExpression: "pk > :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "Query key condition not supported"},
	{"begins_with on the partition key", QueryInput{TableName: "events", KeyConditionExpression: "begins_with(pk, :p)", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "Query key condition not supported"},
	{"two conditions on a hash-only table", QueryInput{TableName: "users", KeyConditionExpression: "id = :p AND x = :p", ExpressionAttributeValues: vals(":p", S("a"))},
		CodeValidation, "Query key condition not supported"},
	{"partition key type", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", N("1"))},
		CodeValidation, "One or more parameter values were invalid: Condition parameter type does not match schema type"},
	{"partition key as BOOL", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", Bool(true))},
		CodeValidation, "One or more parameter values were invalid: Condition parameter type does not match schema type"},
	{"flipped range on the hash key, type first", QueryInput{TableName: "users", KeyConditionExpression: ":a > id", ExpressionAttributeValues: vals(":a", N("1"))},
		CodeValidation, "One or more parameter values were invalid: Condition parameter type does not match schema type"},
	{"sort key type", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND sk = :s", ExpressionAttributeValues: vals(":p", S("a"), ":s", S("1"))},
		CodeValidation, "One or more parameter values were invalid: Condition parameter type does not match schema type"},
	{"begins_with a string on a number sort key", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND begins_with(sk, :s)", ExpressionAttributeValues: vals(":p", S("a"), ":s", S("1"))},
		CodeValidation, "One or more parameter values were invalid: Condition parameter type does not match schema type"},
	{"empty partition key value", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S(""))},
		CodeValidation, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"},
	{"partition key too long", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S(strings.Repeat("x", 2049)))},
		CodeValidation, msgHashKeyTooLong},
	{"KeyConditions not indexable", QueryInput{TableName: "users", KeyConditions: map[string]Condition{"id": {ComparisonOperator: "NOT_NULL"}}},
		CodeValidation, "Attempted conditional constraint is not an indexable operation"},
	{"KeyConditions IN on the sort key", QueryInput{TableName: "events", KeyConditions: map[string]Condition{
		"pk": {ComparisonOperator: "EQ", AttributeValueList: []Value{S("a")}}, "sk": {ComparisonOperator: "IN", AttributeValueList: []Value{N("1")}}}},
		CodeValidation, "Attempted conditional constraint is not an indexable operation"},
	{"KeyConditions range on the hash key", QueryInput{TableName: "users", KeyConditions: map[string]Condition{"id": {ComparisonOperator: "GE", AttributeValueList: []Value{S("a")}}}},
		CodeValidation, "Query key condition not supported"},

	// Filters and projections against the key schema.
	{"FilterExpression on the partition key", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", FilterExpression: "attribute_exists(x) AND pk = :p",
		ExpressionAttributeValues: vals(":p", S("a"))}, CodeValidation, "Filter Expression can only contain non-primary key attributes: Primary key attribute: pk"},
	{"FilterExpression on the sort key, nested", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", FilterExpression: "#s[1] = :p",
		ExpressionAttributeNames: map[string]string{"#s": "sk"}, ExpressionAttributeValues: vals(":p", S("a"))}, CodeValidation,
		"Filter Expression can only contain non-primary key attributes: Primary key attribute: sk"},
	{"QueryFilter on the sort key", QueryInput{TableName: "events", KeyConditions: map[string]Condition{"pk": {ComparisonOperator: "EQ", AttributeValueList: []Value{S("a")}}},
		QueryFilter: map[string]Condition{"sk": {ComparisonOperator: "NOT_NULL"}}}, CodeValidation,
		"QueryFilter can only contain non-primary key attributes: Primary key attribute: sk"},
	{"projection inside a key", QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ProjectionExpression: "pk.a",
		FilterExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a"))}, CodeValidation,
		"Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"},
}

func TestQuery_Rejections_AWSMessages(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	for _, tc := range queryErrorCases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.Query(context.Background(), tc.in)
			requireAWSError(t, err, tc.code, tc.msg)
		})
	}
}

func TestQuery_ExclusiveStartKey_Rejections(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	partA := vals(":p", S("a"))
	for _, tc := range []struct {
		name   string
		table  string
		kce    string
		values map[string]Value
		esk    Item
		msg    string
	}{
		{"empty", "events", "pk = :p", partA, Item{}, "The provided starting key is invalid"},
		{"partition key only", "events", "pk = :p", partA, Item{"pk": S("a")}, "The provided starting key is invalid"},
		{"extra attribute", "events", "pk = :p", partA, Item{"pk": S("a"), "sk": N("1"), "x": S("x")}, "The provided starting key is invalid"},
		{"other attributes", "events", "pk = :p", partA, Item{"x": S("a"), "y": N("1")}, "The provided starting key is invalid"},
		{"start key checked before the key conditions", "events", "x = :p", partA, Item{"pk": S("a")}, "The provided starting key is invalid"},
		{"partition key type", "events", "pk = :p", partA, Item{"pk": N("1"), "sk": N("1")}, "The provided key element does not match the schema"},
		{"sort key type", "events", "pk = :p", partA, Item{"pk": S("a"), "sk": S("1")}, "The provided key element does not match the schema"},
		{"not a scalar", "events", "pk = :p", partA, Item{"pk": L(), "sk": N("1")}, "The provided key element does not match the schema"},
		{"missing sort key", "events", "pk = :p", partA, Item{"pk": S("a"), "x": N("1")}, "The provided starting key is invalid"},
		{"other partition", "events", "pk = :p", partA, Item{"pk": S("b"), "sk": N("1")},
			"The provided starting key is outside query boundaries based on provided conditions"},
		{"outside the sort key condition", "events", "pk = :p AND sk > :s", vals(":p", S("a"), ":s", N("5")), Item{"pk": S("a"), "sk": N("5")},
			"The provided starting key does not match the range key predicate"},
		{"outside a begins_with", "events", "pk = :p AND sk BETWEEN :s AND :t", vals(":p", S("a"), ":s", N("5"), ":t", N("6")), Item{"pk": S("a"), "sk": N("7")},
			"The provided starting key does not match the range key predicate"},
		{"in the sort range of another partition", "events", "pk = :p AND sk < :s", vals(":p", S("a"), ":s", N("5")), Item{"pk": S("b"), "sk": N("1")},
			"The query can return at most one row and cannot be restarted"},
		{"hash-only table, same partition", "users", "id = :p", partA, Item{"id": S("a")},
			"The provided exclusive start key is invalid: ExclusiveStartKey: {id=AttributeValue: {S:a}}"},
		{"hash-only table, other partition", "users", "id = :p", partA, Item{"id": S("b")},
			"The provided starting key is outside query boundaries based on provided conditions"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.Query(ctx, QueryInput{TableName: tc.table, KeyConditionExpression: tc.kce, ExpressionAttributeValues: tc.values, ExclusiveStartKey: tc.esk})
			requireAWSError(t, err, CodeValidation, tc.msg)
		})
	}
}

func TestQuery_ExclusiveStartKey_NeedNotExist(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	in := QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		ExclusiveStartKey: Item{"pk": S("a"), "sk": N("4.5")}}
	out, err := db.Query(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, []string{"5", "6", "7", "8", "9"}, texts(out.Items, "sk"))
	in.ScanIndexForward = ptr(false)
	out, err = db.Query(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, []string{"4", "3", "2", "1", "0"}, texts(out.Items, "sk"))
}

func TestQuery_HashOnlyTable_AtMostOneItem(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	putAll(t, db, "users", Item{"id": S("a"), "n": N("1")}, Item{"id": S("b")})
	out, err := db.Query(ctx, QueryInput{TableName: "users", KeyConditionExpression: "id = :p", ExpressionAttributeValues: vals(":p", S("a")), Limit: ptr(int32(1))})
	require.NoError(t, err)
	require.Len(t, out.Items, 1)
	assert.True(t, out.Items[0].Equal(Item{"id": S("a"), "n": N("1")}))
	assert.Nil(t, out.LastEvaluatedKey, "the partition holds one item: the query is complete")
}

func TestQuery_Filter_AfterTheLimit(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	out, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", FilterExpression: "v >= :v",
		ExpressionAttributeValues: vals(":p", S("a"), ":v", N("30")), Limit: ptr(int32(5))})
	require.NoError(t, err)
	assert.Equal(t, []string{"3", "4"}, texts(out.Items, "sk"))
	assert.Equal(t, int32(2), out.Count)
	assert.Equal(t, int32(5), out.ScannedCount)
	assert.True(t, out.LastEvaluatedKey.Equal(Item{"pk": S("a"), "sk": N("4")}))

	out, err = db.Query(ctx, QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", FilterExpression: "v > :v",
		ExpressionAttributeValues: vals(":p", S("a"), ":v", N("1000")), Limit: ptr(int32(3))})
	require.NoError(t, err)
	assert.Empty(t, out.Items)
	assert.NotNil(t, out.Items)
	assert.Equal(t, int32(0), out.Count)
	assert.True(t, out.LastEvaluatedKey.Equal(Item{"pk": S("a"), "sk": N("2")}), "an empty page can still carry a LastEvaluatedKey")
}

func TestQuery_LegacyQueryFilter_ConditionalOperator(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	keyConds := map[string]Condition{"pk": {ComparisonOperator: "EQ", AttributeValueList: []Value{S("a")}}}
	filter := map[string]Condition{
		"v": {ComparisonOperator: "LT", AttributeValueList: []Value{N("20")}},
		"w": {ComparisonOperator: "NOT_NULL"},
	}
	putAll(t, db, "events", Item{"pk": S("a"), "sk": N("5"), "v": N("50"), "w": S("x")})
	out, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditions: keyConds, QueryFilter: filter})
	require.NoError(t, err)
	assert.Empty(t, texts(out.Items, "sk"), "AND by default")
	out, err = db.Query(ctx, QueryInput{TableName: "events", KeyConditions: keyConds, QueryFilter: filter, ConditionalOperator: ConditionalOperatorOr})
	require.NoError(t, err)
	assert.Equal(t, []string{"0", "1", "5"}, texts(out.Items, "sk"))
	assert.Equal(t, int32(10), out.ScannedCount)
}

func TestQuery_KeyConditionsWithFilterExpression_Allowed(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	out, err := db.Query(context.Background(), QueryInput{TableName: "events",
		KeyConditions:    map[string]Condition{"pk": {ComparisonOperator: "EQ", AttributeValueList: []Value{S("a")}}},
		FilterExpression: "v = :v", ExpressionAttributeValues: vals(":v", N("70")), ProjectionExpression: "v"})
	require.NoError(t, err)
	require.Len(t, out.Items, 1)
	assert.True(t, out.Items[0].Equal(Item{"v": N("70")}))
}

func TestQuery_Projection_AndAttributesToGet(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	putAll(t, db, "events", Item{"pk": S("a"), "sk": N("1"), "m": M(map[string]Value{"x": N("1"), "y": N("2")}), "l": L(S("a"), S("b"))})
	out, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		ProjectionExpression: "m.y, l[1], nothing"})
	require.NoError(t, err)
	require.Len(t, out.Items, 1)
	assert.True(t, out.Items[0].Equal(Item{"m": M(map[string]Value{"y": N("2")}), "l": L(S("b"))}), "got %s", out.Items[0])

	out, err = db.Query(ctx, QueryInput{TableName: "events", KeyConditions: map[string]Condition{"pk": {ComparisonOperator: "EQ", AttributeValueList: []Value{S("a")}}},
		AttributesToGet: []string{"sk", "zzz"}, Select: SelectSpecificAttributes})
	require.NoError(t, err)
	require.Len(t, out.Items, 1)
	assert.True(t, out.Items[0].Equal(Item{"sk": N("1")}))
}

func TestQuery_SelectCount_NoItems(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	out, err := db.Query(context.Background(), QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", FilterExpression: "v > :v",
		ExpressionAttributeValues: vals(":p", S("a"), ":v", N("45")), Select: SelectCount, Limit: ptr(int32(8))})
	require.NoError(t, err)
	assert.Nil(t, out.Items)
	assert.Equal(t, int32(3), out.Count)
	assert.Equal(t, int32(8), out.ScannedCount)
	assert.True(t, out.LastEvaluatedKey.Equal(Item{"pk": S("a"), "sk": N("7")}))
}

func TestQuery_LastEvaluatedKey_OnlyWhenMoreFollows(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	for _, tc := range []struct {
		limit int32
		lek   bool
	}{{9, true}, {10, false}, {11, false}} {
		out, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")), Limit: &tc.limit})
		require.NoError(t, err)
		assert.Equal(t, tc.lek, out.LastEvaluatedKey != nil, "Limit %d", tc.limit)
	}
}

func TestQuery_ConsumedCapacity_SumRoundedOnce(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	// Five items of 1,000 bytes: 5,000 bytes, two units consistent.
	for i := range 5 {
		it := Item{"pk": S("a"), "sk": Int(int64(i))}
		size, _ := it.Size()
		it["filler"] = S(strings.Repeat("x", 1000-size-len("filler")))
		putAll(t, db, "events", it)
	}
	for _, tc := range []struct {
		name       string
		in         QueryInput
		units      float64
		withTable  bool
		consistent bool
	}{
		{"consistent", QueryInput{ConsistentRead: true}, 2, false, true},
		{"eventual", QueryInput{}, 1, false, false},
		{"indexes", QueryInput{ReturnConsumedCapacity: ReturnConsumedCapacityIndexes}, 1, true, false},
		{"count costs the same", QueryInput{Select: SelectCount, ConsistentRead: true}, 2, false, true},
		{"filter costs the same", QueryInput{FilterExpression: "filler = :p", ConsistentRead: true}, 2, false, true},
		{"one item", QueryInput{Limit: ptr(int32(1)), ConsistentRead: true}, 1, false, true},
		{"no item: the minimum", QueryInput{KeyConditionExpression: "pk = :p AND sk > :p2"}, 0.5, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			in.TableName = "events"
			if in.KeyConditionExpression == "" {
				in.KeyConditionExpression = "pk = :p"
				in.ExpressionAttributeValues = vals(":p", S("a"))
			} else {
				in.ExpressionAttributeValues = vals(":p", S("a"), ":p2", N("100"))
			}
			if in.ReturnConsumedCapacity == "" {
				in.ReturnConsumedCapacity = ReturnConsumedCapacityTotal
			}
			out, err := db.Query(ctx, in)
			require.NoError(t, err)
			require.NotNil(t, out.ConsumedCapacity)
			assert.Equal(t, "events", out.ConsumedCapacity.TableName)
			assert.Equal(t, tc.units, out.ConsumedCapacity.CapacityUnits)
			assert.Equal(t, tc.withTable, out.ConsumedCapacity.Table != nil)
		})
	}
	out, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a"))})
	require.NoError(t, err)
	assert.Nil(t, out.ConsumedCapacity, "not asked for")
}

// bigItem returns an item of exactly size bytes (DynamoDB's count) in
// partition pk.
func bigItem(t testing.TB, pk string, sk, size int) Item {
	it := Item{"pk": S(pk), "sk": Int(int64(sk)), "filler": S("")}
	base, err := it.Size()
	require.NoError(t, err)
	it["filler"] = S(strings.Repeat("x", size-base))
	got, _ := it.Size()
	require.Equal(t, size, got)
	return it
}

func TestQuery_PagesOfOneMegabyte(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	const itemSize = 100_000
	for i := range 25 {
		putAll(t, db, "events", bigItem(t, "a", i, itemSize))
	}
	// A page reads while what it read before is under 1 MB: 11 items of
	// 100,000 bytes (1,000,000 < 1,048,576 before the 11th).
	in := QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("a")),
		ReturnConsumedCapacity: ReturnConsumedCapacityTotal, ConsistentRead: true}
	var pages []int
	for {
		out, err := db.Query(ctx, in)
		require.NoError(t, err)
		pages = append(pages, len(out.Items))
		assert.Equal(t, float64((len(out.Items)*itemSize+4095)/4096), out.ConsumedCapacity.CapacityUnits)
		if out.LastEvaluatedKey == nil {
			break
		}
		in.ExclusiveStartKey = out.LastEvaluatedKey
	}
	assert.Equal(t, []int{11, 11, 3}, pages)

	// A single item over the line is always returned.
	for i := range 3 {
		putAll(t, db, "events", bigItem(t, "big", i, MaxItemSize))
	}
	out, err := db.Query(ctx, QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("big"))})
	require.NoError(t, err)
	assert.Len(t, out.Items, 3, "409,600 * 2 < 1 MB: the third item is read")
}

func TestQuery_Paging_VisitsEveryItemOnceInOrder(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	const n = 57
	for i := range n {
		putAll(t, db, "events", Item{"pk": S("p"), "sk": Int(int64(i)), "even": Bool(i%2 == 0)})
		putAll(t, db, "events", Item{"pk": S("q"), "sk": Int(int64(i))})
	}
	for _, forward := range []bool{true, false} {
		for _, limit := range []int32{1, 2, 7, 56, 57, 100} {
			for _, filtered := range []bool{false, true} {
				t.Run(fmt.Sprintf("forward=%v/limit=%d/filter=%v", forward, limit, filtered), func(t *testing.T) {
					in := QueryInput{TableName: "events", KeyConditionExpression: "pk = :p AND sk >= :lo", Limit: ptr(limit),
						ExpressionAttributeValues: vals(":p", S("p"), ":lo", N("3")), ScanIndexForward: ptr(forward)}
					if filtered {
						in.FilterExpression = "even = :t"
						in.ExpressionAttributeValues[":t"] = Bool(true)
					}
					var got []string
					scanned := 0
					for pages := 0; ; pages++ {
						require.Less(t, pages, 100)
						out, err := db.Query(ctx, in)
						require.NoError(t, err)
						assert.LessOrEqual(t, out.ScannedCount, limit)
						scanned += int(out.ScannedCount)
						got = append(got, texts(out.Items, "sk")...)
						if out.LastEvaluatedKey == nil {
							break
						}
						in.ExclusiveStartKey = out.LastEvaluatedKey
					}
					var want []string
					for i := 3; i < n; i++ {
						if !filtered || i%2 == 0 {
							want = append(want, strconv.Itoa(i))
						}
					}
					if !forward {
						for i, j := 0, len(want)-1; i < j; i, j = i+1, j-1 {
							want[i], want[j] = want[j], want[i]
						}
					}
					assert.Equal(t, want, got)
					assert.Equal(t, n-3, scanned, "every item in range read once")
				})
			}
		}
	}
}

func TestQuery_ReturnsFreshCopies(t *testing.T) {
	db := newTestDB(t)
	loadEvents(t, db)
	ctx := context.Background()
	in := QueryInput{TableName: "events", KeyConditionExpression: "pk = :p", ExpressionAttributeValues: vals(":p", S("b"))}
	out, err := db.Query(ctx, in)
	require.NoError(t, err)
	out.Items[0]["v"] = S("changed")
	again, err := db.Query(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, "100", again.Items[0]["v"].N())
}
