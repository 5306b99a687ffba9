package ddbsim

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func txGet(table string, key Item) TransactGetItem {
	return TransactGetItem{Get: &Get{TableName: table, Key: key}}
}

func TestTransactGetItems_ReadsAcrossTables(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a"), "name": S("Ada"), "age": N("36")}})
	require.NoError(t, err)
	_, err = db.PutItem(ctx, PutItemInput{TableName: "events", Item: Item{"pk": S("e"), "sk": N("1"), "what": S("x")}})
	require.NoError(t, err)

	out, err := db.TransactGetItems(ctx, TransactGetItemsInput{
		TransactItems: []TransactGetItem{
			{Get: &Get{TableName: "users", Key: Item{"id": S("a")}, ProjectionExpression: "#n", ExpressionAttributeNames: map[string]string{"#n": "name"}}},
			txGet("users", Item{"id": S("missing")}),
			txGet("events", Item{"pk": S("e"), "sk": N("1")}),
		},
		ReturnConsumedCapacity: ReturnConsumedCapacityTotal,
	})
	require.NoError(t, err)
	assert.Equal(t, []ItemResponse{{Item: Item{"name": S("Ada")}}, {}, {Item: Item{"pk": S("e"), "sk": N("1"), "what": S("x")}}}, out.Responses)
	assert.Equal(t, []ConsumedCapacity{{TableName: "events", CapacityUnits: 2}, {TableName: "users", CapacityUnits: 4}}, out.ConsumedCapacity)
}

func TestTransactGetItems_Errors(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	big := strings.Repeat("x", 390<<10)
	var heavy []TransactGetItem
	for i := range 11 {
		id := "h" + string(rune('a'+i))
		_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S(id), "b": S(big)}})
		require.NoError(t, err)
		heavy = append(heavy, txGet("users", Item{"id": S(id)}))
	}
	for _, tc := range []struct {
		name string
		in   TransactGetItemsInput
		code string
		msg  string
	}{
		{"empty", TransactGetItemsInput{TransactItems: []TransactGetItem{}}, CodeValidation,
			"1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"enum", TransactGetItemsInput{TransactItems: []TransactGetItem{txGet("users", Item{"id": S("a")})}, ReturnConsumedCapacity: "BOGUS"}, CodeValidation,
			"1 validation error detected: Value 'BOGUS' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]"},
		{"no get", TransactGetItemsInput{TransactItems: []TransactGetItem{{}}}, CodeValidation,
			"1 validation error detected: Value null at 'transactItems.1.member.get' failed to satisfy constraint: Member must not be null"},
		{"projection syntax", TransactGetItemsInput{TransactItems: []TransactGetItem{{Get: &Get{TableName: "users", Key: Item{"id": S("a")}, ProjectionExpression: "!!!"}}}},
			CodeValidation, `Invalid ProjectionExpression: Syntax error; token: "!", near: "!!"`},
		{"duplicate", TransactGetItemsInput{TransactItems: []TransactGetItem{txGet("users", Item{"id": S("a")}), txGet("users", Item{"id": S("a")})}},
			CodeValidation, msgMultipleOperations},
		{"missing table", TransactGetItemsInput{TransactItems: []TransactGetItem{txGet("missing", Item{"id": S("a")})}}, CodeResourceNotFound, msgNotFound},
		{"empty key value", TransactGetItemsInput{TransactItems: []TransactGetItem{txGet("users", Item{"id": S("")})}}, CodeValidation,
			"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: id"},
		{"over 4 MB read", TransactGetItemsInput{TransactItems: heavy}, CodeValidation, "Transaction request size cannot exceed 4 MB"},
		{"key not of the schema", TransactGetItemsInput{TransactItems: []TransactGetItem{txGet("users", Item{"id": S("a")}), txGet("users", Item{})}},
			CodeTransactionCanceled, "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := db.TransactGetItems(ctx, tc.in)
			requireAWSError(t, err, tc.code, tc.msg)
		})
	}
	_, err := db.TransactGetItems(ctx, TransactGetItemsInput{TransactItems: heavy[:10]})
	require.NoError(t, err, "3.9 MB is within the limit")
}
