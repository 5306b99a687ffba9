package ddbsim

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// txPut is a transaction's Put of item into table.
func txPut(table string, item Item) TransactWriteItem {
	return TransactWriteItem{Put: &Put{TableName: table, Item: item}}
}

// getUser reads a user with a strongly consistent read; nil if none.
func getUser(t *testing.T, db *DB, id string) Item {
	t.Helper()
	out, err := db.GetItem(context.Background(), GetItemInput{TableName: "users", Key: Item{"id": S(id)}, ConsistentRead: true})
	require.NoError(t, err)
	return out.Item
}

func TestTransactWriteItems_AppliesEveryKindAcrossTables(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("gone"), "n": N("1")}})
	require.NoError(t, err)
	_, err = db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("counter"), "n": N("41")}})
	require.NoError(t, err)

	out, err := db.TransactWriteItems(ctx, TransactWriteItemsInput{
		TransactItems: []TransactWriteItem{
			txPut("users", Item{"id": S("new"), "x": S("y")}),
			{Update: &Update{TableName: "users", Key: Item{"id": S("counter")}, UpdateExpression: "ADD n :one",
				ConditionExpression: "n = :n", ExpressionAttributeValues: map[string]Value{":one": N("1"), ":n": N("41")}}},
			{Delete: &Delete{TableName: "users", Key: Item{"id": S("gone")}, ConditionExpression: "attribute_exists(id)"}},
			{ConditionCheck: &ConditionCheck{TableName: "events", Key: Item{"pk": S("e"), "sk": N("1")}, ConditionExpression: "attribute_not_exists(pk)"}},
		},
		ReturnConsumedCapacity: ReturnConsumedCapacityTotal,
	})
	require.NoError(t, err)
	assert.Equal(t, Item{"id": S("new"), "x": S("y")}, getUser(t, db, "new"))
	assert.Equal(t, "42", getUser(t, db, "counter")["n"].N())
	assert.Nil(t, getUser(t, db, "gone"))
	// Twice the plain units, per table in name order; a ConditionCheck is a read.
	assert.Equal(t, []ConsumedCapacity{{TableName: "events", CapacityUnits: 2}, {TableName: "users", CapacityUnits: 6}}, out.ConsumedCapacity)
}

func TestTransactWriteItems_CancelledChangesNothing(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a"), "v": N("1")}})
	require.NoError(t, err)
	_, err = db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("b"), "v": N("1")}})
	require.NoError(t, err)

	_, err = db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{
		txPut("users", Item{"id": S("c")}),
		{Put: &Put{TableName: "users", Item: Item{"id": S("a"), "v": N("2")}, ConditionExpression: "attribute_not_exists(id)",
			ReturnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailureAllOld}},
		{Delete: &Delete{TableName: "users", Key: Item{"id": S("b")}, ConditionExpression: "v = :two", ExpressionAttributeValues: map[string]Value{":two": N("2")}}},
		{ConditionCheck: &ConditionCheck{TableName: "users", Key: Item{"id": S("d")}, ConditionExpression: "attribute_exists(id)",
			ReturnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailureAllOld}},
	}})
	requireAWSError(t, err, CodeTransactionCanceled,
		"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, ConditionalCheckFailed, ConditionalCheckFailed]")
	assert.ErrorIs(t, err, ErrTransactionCanceled)
	e := err.(*Error)
	assert.Equal(t, []CancellationReason{
		{Code: "None"},
		{Code: "ConditionalCheckFailed", Message: "The conditional request failed", Item: Item{"id": S("a"), "v": N("1")}},
		{Code: "ConditionalCheckFailed", Message: "The conditional request failed"}, // no ALL_OLD asked
		{Code: "ConditionalCheckFailed", Message: "The conditional request failed"}, // ALL_OLD, but no item
	}, e.CancellationReasons)
	assert.Nil(t, getUser(t, db, "c"))
	assert.Equal(t, "1", getUser(t, db, "a")["v"].N())
	assert.NotNil(t, getUser(t, db, "b"))
}

func TestTransactWriteItems_ValidationErrorReasons(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a"), "s": S("x")}})
	require.NoError(t, err)
	for _, tc := range []struct {
		name    string
		items   []TransactWriteItem
		reasons []CancellationReason
	}{
		{"put key of the wrong type", []TransactWriteItem{txPut("users", Item{"id": S("ok")}), txPut("users", Item{"id": N("5")})},
			[]CancellationReason{{Code: "None"}, {Code: "ValidationError", Message: "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N"}}},
		{"put key missing", []TransactWriteItem{txPut("users", Item{"x": S("1")})},
			[]CancellationReason{{Code: "ValidationError", Message: "One or more parameter values were invalid: Missing the key id in the item"}}},
		{"only the first of two", []TransactWriteItem{
			{Delete: &Delete{TableName: "users", Key: Item{"id": L(S("x"))}}},
			{ConditionCheck: &ConditionCheck{TableName: "users", Key: Item{"nope": S("x")}, ConditionExpression: "attribute_exists(id)"}}},
			[]CancellationReason{{Code: "ValidationError", Message: "The provided key element does not match the schema"}, {Code: "None"}}},
		{"update of a key attribute", []TransactWriteItem{{Update: &Update{TableName: "users", Key: Item{"id": S("a")}, UpdateExpression: "SET id = :v",
			ExpressionAttributeValues: map[string]Value{":v": S("b")}}}},
			[]CancellationReason{{Code: "ValidationError", Message: "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key"}}},
		{"update that cannot apply, next to a failed condition", []TransactWriteItem{
			{Update: &Update{TableName: "users", Key: Item{"id": S("a")}, UpdateExpression: "SET n = s + :one", ExpressionAttributeValues: map[string]Value{":one": N("1")}}},
			{ConditionCheck: &ConditionCheck{TableName: "users", Key: Item{"id": S("zz")}, ConditionExpression: "attribute_exists(id)"}}},
			[]CancellationReason{{Code: "ValidationError", Message: "An operand in the update expression has an incorrect data type"},
				{Code: "ConditionalCheckFailed", Message: "The conditional request failed"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: tc.items})
			var e *Error
			require.ErrorAs(t, err, &e)
			require.Equal(t, CodeTransactionCanceled, e.Code, e.Message)
			assert.Equal(t, tc.reasons, e.CancellationReasons)
			assert.Equal(t, []Item{{"id": S("a"), "s": S("x")}}, tableItems(t, db, "users"))
		})
	}
}

func TestTransactWriteItems_RequestErrors(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	many := make([]TransactWriteItem, 101)
	for i := range many {
		many[i] = txPut("users", Item{"id": Int(int64(i))})
	}
	big := strings.Repeat("x", 390<<10)
	var heavy []TransactWriteItem
	for i := range 11 {
		heavy = append(heavy, txPut("users", Item{"id": S("h" + strconv.Itoa(i)), "b": S(big)}))
	}
	for _, tc := range []struct {
		name string
		in   TransactWriteItemsInput
		code string
		msg  string
	}{
		{"no list", TransactWriteItemsInput{}, CodeValidation,
			"1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null"},
		{"empty", TransactWriteItemsInput{TransactItems: []TransactWriteItem{}}, CodeValidation,
			"1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"token and enum before the list", TransactWriteItemsInput{ClientRequestToken: strings.Repeat("t", 37), ReturnConsumedCapacity: "BOGUS",
			TransactItems: []TransactWriteItem{txPut("users", Item{"id": S("a")})}}, CodeValidation,
			"2 validation errors detected: Value '" + strings.Repeat("t", 37) + "' at 'clientRequestToken' failed to satisfy constraint: Member must have length less than or equal to 36; " +
				"Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]"},
		{"condition check without a condition", TransactWriteItemsInput{TransactItems: []TransactWriteItem{
			{ConditionCheck: &ConditionCheck{TableName: "users", Key: Item{"id": S("a")}}}}}, CodeValidation,
			"1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null"},
		{"bad return values on failure", TransactWriteItemsInput{TransactItems: []TransactWriteItem{
			txPut("users", Item{"id": S("a")}), {Delete: &Delete{TableName: "users", Key: Item{"id": S("b")}, ReturnValuesOnConditionCheckFailure: "UPDATED_OLD"}}}}, CodeValidation,
			"1 validation error detected: Value 'UPDATED_OLD' at 'transactItems.2.member.delete.returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]"},
		{"two actions in one item", TransactWriteItemsInput{TransactItems: []TransactWriteItem{
			{Put: &Put{TableName: "users", Item: Item{"id": S("a")}}, Delete: &Delete{TableName: "users", Key: Item{"id": S("a")}}}}}, CodeValidation,
			"TransactItems can only contain one of Check, Put, Update or Delete"},
		{"two actions on one item", TransactWriteItemsInput{TransactItems: []TransactWriteItem{
			txPut("users", Item{"id": S("a")}), {ConditionCheck: &ConditionCheck{TableName: "users", Key: Item{"id": S("a")}, ConditionExpression: "attribute_exists(id)"}}}},
			CodeValidation, "Transaction request cannot include multiple operations on one item"},
		{"a later action's syntax error before an earlier missing table", TransactWriteItemsInput{TransactItems: []TransactWriteItem{
			txPut("missing", Item{"id": S("a")}),
			{ConditionCheck: &ConditionCheck{TableName: "users", Key: Item{"id": S("a")}, ConditionExpression: "attribute_not_exists("}}}},
			CodeValidation, `Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "("`},
		{"unused value", TransactWriteItemsInput{TransactItems: []TransactWriteItem{
			{ConditionCheck: &ConditionCheck{TableName: "users", Key: Item{"id": S("a")}, ConditionExpression: "attribute_not_exists(id)",
				ExpressionAttributeValues: map[string]Value{":v": S("x")}}}}},
			CodeValidation, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}"},
		{"empty key value is the request's", TransactWriteItemsInput{TransactItems: []TransactWriteItem{
			{Update: &Update{TableName: "users", Key: Item{"id": S("")}, UpdateExpression: "SET a = :v", ExpressionAttributeValues: map[string]Value{":v": S("x")}}}}},
			CodeValidation, "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id"},
		{"item too large", TransactWriteItemsInput{TransactItems: []TransactWriteItem{txPut("users", Item{"id": S("a"), "b": S(strings.Repeat("x", 400<<10))})}},
			CodeValidation, "Item size has exceeded the maximum allowed size"},
		{"request over 4 MB", TransactWriteItemsInput{TransactItems: heavy}, CodeValidation, "Transaction request size cannot exceed 4 MB"},
		{"missing table", TransactWriteItemsInput{TransactItems: []TransactWriteItem{txPut("missing", Item{"id": S("a")})}}, CodeResourceNotFound, "Requested resource not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.TransactWriteItems(ctx, tc.in)
			requireAWSError(t, err, tc.code, tc.msg)
			assert.Empty(t, tableItems(t, db, "users"))
		})
	}
	_, err := db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: many})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.True(t, strings.HasPrefix(e.Message, "1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.TransactWriteItem@"), e.Message)
	assert.True(t, strings.HasSuffix(e.Message, "]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100"), e.Message)

	// 100 actions are fine.
	_, err = db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: many[:100]})
	require.Error(t, err, "the items' keys are numbers: every action cancels")
	for i := range many[:100] {
		many[i] = txPut("users", Item{"id": S("u" + strconv.Itoa(i))})
	}
	_, err = db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: many[:100]})
	require.NoError(t, err)
	assert.Len(t, tableItems(t, db, "users"), 100)
}

// A table named by name and by ARN is one table: its items are one item.
func TestTransactWriteItems_ARNAndNameAreOneTable(t *testing.T) {
	db := newTestDB(t)
	arn := db.lookup("users").arn
	_, err := db.TransactWriteItems(context.Background(), TransactWriteItemsInput{TransactItems: []TransactWriteItem{
		txPut("users", Item{"id": S("a")}), txPut(arn, Item{"id": S("a")})}})
	requireAWSError(t, err, CodeValidation, msgMultipleOperations)
}
