package conformance

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Shorthands for attribute values.
func s(v string) types.AttributeValue     { return &types.AttributeValueMemberS{Value: v} }
func n(v string) types.AttributeValue     { return &types.AttributeValueMemberN{Value: v} }
func b(v []byte) types.AttributeValue     { return &types.AttributeValueMemberB{Value: v} }
func ss(v ...string) types.AttributeValue { return &types.AttributeValueMemberSS{Value: v} }

func m(v map[string]types.AttributeValue) types.AttributeValue {
	return &types.AttributeValueMemberM{Value: v}
}

func l(v ...types.AttributeValue) types.AttributeValue {
	return &types.AttributeValueMemberL{Value: v}
}

var null types.AttributeValue = &types.AttributeValueMemberNULL{Value: true}

// item is a shorthand for an item or key.
type item = map[string]types.AttributeValue

// get reads the item with key from table, strongly consistent.
func get(t *testing.T, table string, key item) item {
	t.Helper()
	out, err := client(t).GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String(table), Key: key, ConsistentRead: aws.Bool(true)})
	require.NoError(t, err)
	return out.Item
}

// put stores an item in table.
func put(t *testing.T, table string, it item) {
	t.Helper()
	_, err := client(t).PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: it})
	require.NoError(t, err)
}

// putErr stores an item in table and returns the error.
func putErr(t *testing.T, table string, it item) error {
	_, err := client(t).PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: it})
	return err
}

// sortSets returns av with the members of every set, at any depth, in
// byte order: DynamoDB does not keep set order.
func sortSets(av types.AttributeValue) types.AttributeValue {
	switch v := av.(type) {
	case *types.AttributeValueMemberSS:
		return ss(slices.Sorted(slices.Values(v.Value))...)
	case *types.AttributeValueMemberNS:
		return &types.AttributeValueMemberNS{Value: slices.Sorted(slices.Values(v.Value))}
	case *types.AttributeValueMemberBS:
		return &types.AttributeValueMemberBS{Value: slices.SortedFunc(slices.Values(v.Value), bytes.Compare)}
	case *types.AttributeValueMemberM:
		return m(sortItemSets(v.Value))
	case *types.AttributeValueMemberL:
		list := make([]types.AttributeValue, len(v.Value))
		for i, e := range v.Value {
			list[i] = sortSets(e)
		}
		return l(list...)
	}
	return av
}

func sortItemSets(it item) item {
	out := make(item, len(it))
	for k, v := range it {
		out[k] = sortSets(v)
	}
	return out
}

func TestItems_RoundTripAllTenTypes(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	stored := item{
		"id":    s("all"),
		"s":     s("héllo\x00"),
		"empty": s(""),
		"n":     n("-12.5"),
		"b":     b([]byte{0, 1, 255}),
		"be":    b([]byte{}),
		"t":     &types.AttributeValueMemberBOOL{Value: true},
		"f":     &types.AttributeValueMemberBOOL{Value: false},
		"null":  null,
		"m":     m(item{"inner": m(item{"x": n("1")}), "e": m(item{})}),
		"l":     l(s("a"), n("2"), l(), null),
		"ss":    ss("a", "", "b"),
		"ns":    &types.AttributeValueMemberNS{Value: []string{"1", "2.5", "-3"}},
		"bs":    &types.AttributeValueMemberBS{Value: [][]byte{{1}, {}, {2, 3}}},
	}
	put(t, table, stored)
	assert.Equal(t, sortItemSets(stored), sortItemSets(get(t, table, item{"id": s("all")})))

	out, err := client(t).DeleteItem(context.Background(), &dynamodb.DeleteItemInput{TableName: aws.String(table), Key: item{"id": s("all")}})
	require.NoError(t, err)
	assert.Nil(t, out.Attributes, "no ReturnValues, no attributes")
	assert.Nil(t, get(t, table, item{"id": s("all")}))
}

func TestItems_NumbersAreNormalised(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	put(t, table, item{"id": s("n"), "a": n("1.50"), "b": n("1e3"), "c": n("-0"), "d": n("0042.1200"), "e": n(".5"), "f": n("+3"), "g": n("123e-2")})
	assert.Equal(t, item{"id": s("n"), "a": n("1.5"), "b": n("1000"), "c": n("0"), "d": n("42.12"), "e": n("0.5"), "f": n("3"), "g": n("1.23")},
		get(t, table, item{"id": s("n")}))
}

func TestItems_NumberKeysAreEqualByValue(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("k", types.ScalarAttributeTypeN))
	put(t, table, item{"k": n("1e3"), "v": s("first")})
	put(t, table, item{"k": n("001000"), "w": s("second")})
	for _, k := range []string{"1000", "1E+3", "1000.0", "+1000"} {
		assert.Equal(t, item{"k": n("1000"), "w": s("second")}, get(t, table, item{"k": n(k)}), k)
	}
}

func TestItems_ReturnValuesAllOld(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	putOld := func(v string) item {
		out, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item{"id": s("a"), "v": s(v)}, ReturnValues: types.ReturnValueAllOld})
		require.NoError(t, err)
		return out.Attributes
	}
	assert.Nil(t, putOld("1"), "no old item")
	assert.Equal(t, item{"id": s("a"), "v": s("1")}, putOld("2"))

	del := &dynamodb.DeleteItemInput{TableName: aws.String(table), Key: item{"id": s("a")}, ReturnValues: types.ReturnValueAllOld}
	out, err := c.DeleteItem(ctx, del)
	require.NoError(t, err)
	assert.Equal(t, item{"id": s("a"), "v": s("2")}, out.Attributes)
	out, err = c.DeleteItem(ctx, del)
	require.NoError(t, err)
	assert.Nil(t, out.Attributes, "deleting a missing item succeeds")
}

func TestItems_PutAndDeleteReturnOnlyAllOldOrNone(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	for _, rv := range []types.ReturnValue{types.ReturnValueUpdatedNew, types.ReturnValueAllNew, types.ReturnValueUpdatedOld} {
		_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item{"id": s("a")}, ReturnValues: rv})
		requireValidation(t, err, "ReturnValues can only be ALL_OLD or NONE")
		_, err = c.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(table), Key: item{"id": s("a")}, ReturnValues: rv})
		requireValidation(t, err, "ReturnValues can only be ALL_OLD or NONE")
	}
	assert.Nil(t, get(t, table, item{"id": s("a")}), "the rejected put wrote nothing")
}

func TestItems_KeyErrors(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	const schema = "The provided key element does not match the schema"
	for name, key := range map[string]item{
		"wrong type":      {"id": n("1")},
		"wrong name":      {"other": s("a")},
		"extra attribute": {"id": s("a"), "x": s("1")},
		"no attribute":    {},
		"not a scalar":    {"id": ss("a")},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: key})
			requireValidation(t, err, schema)
			_, err = c.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(table), Key: key})
			requireValidation(t, err, schema)
		})
	}

	requireValidation(t, putErr(t, table, item{"x": s("1")}), "One or more parameter values were invalid: Missing the key id in the item")
	requireValidation(t, putErr(t, table, item{"id": n("1")}), "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N")
	requireValidation(t, putErr(t, table, item{"id": l(s("a"))}), "One or more parameter values were invalid: Type mismatch for key id expected: S actual: L")

	const emptyKey = "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id"
	requireValidation(t, putErr(t, table, item{"id": s("")}), emptyKey)
	_, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: item{"id": s("")}})
	requireValidation(t, err, emptyKey)
}

func TestItems_EmptyBinaryKeyIsRejected(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeB))
	requireValidation(t, putErr(t, table, item{"id": b([]byte{})}),
		"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty binary value. Key: id")
}

func TestItems_EmptySetsAreRejected(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	for _, tc := range []struct {
		set types.AttributeValue
		msg string
	}{
		{ss(), "One or more parameter values were invalid: An string set  may not be empty"},
		{&types.AttributeValueMemberNS{Value: []string{}}, "One or more parameter values were invalid: An number set  may not be empty"},
		{&types.AttributeValueMemberBS{Value: [][]byte{}}, "One or more parameter values were invalid: Binary sets should not be empty"},
	} {
		requireValidation(t, putErr(t, table, item{"id": s("a"), "set": tc.set}), tc.msg)
		requireValidation(t, putErr(t, table, item{"id": s("a"), "nested": m(item{"set": tc.set})}), tc.msg)
	}
	assert.Nil(t, get(t, table, item{"id": s("a")}))
}

// TestItems_DuplicateSetMembersAreRejected accepts AWS's classic and newer
// wordings (ddb-facts §1, Sets).
func TestItems_DuplicateSetMembersAreRejected(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	requireValidation(t, putErr(t, table, item{"id": s("a"), "ss": ss("a", "a")}),
		"One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
		`One or more parameter values were invalid: Input collection ["a", "a"] contains duplicates.`)
	requireValidation(t, putErr(t, table, item{"id": s("a"), "ns": &types.AttributeValueMemberNS{Value: []string{"1", "1.0"}}}),
		"Input collection contains duplicates",
		"One or more parameter values were invalid: Input collection contains duplicates.")
	requireValidation(t, putErr(t, table, item{"id": s("a"), "bs": &types.AttributeValueMemberBS{Value: [][]byte{[]byte("b"), []byte("b")}}}),
		"One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates.",
		`One or more parameter values were invalid: Input collection ["Yg==","Yg=="]of type BS contains duplicates.`)
	assert.Nil(t, get(t, table, item{"id": s("a")}))
}

func TestItems_NullMustBeTrue(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	requireValidation(t, putErr(t, table, item{"id": s("a"), "z": &types.AttributeValueMemberNULL{Value: false}}),
		"One or more parameter values were invalid: Null attribute value types must have the value of true")
}

func TestItems_MissingTableIsResourceNotFound(t *testing.T) {
	t.Parallel()
	c, ctx := client(t), context.Background()
	missing := aws.String(uniqueName(t))
	var notFound *types.ResourceNotFoundException

	_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: missing, Item: item{"id": s("a")}})
	require.ErrorAs(t, err, &notFound)
	assert.Equal(t, "Requested resource not found", notFound.ErrorMessage())
	_, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: missing, Key: item{"id": s("a")}})
	require.ErrorAs(t, err, &notFound)
	assert.Equal(t, "Requested resource not found", notFound.ErrorMessage())
	_, err = c.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: missing, Key: item{"id": s("a")}})
	require.ErrorAs(t, err, &notFound)
	assert.Equal(t, "Requested resource not found", notFound.ErrorMessage())
}
