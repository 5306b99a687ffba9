package ddbsim

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A transaction's actions make their operations' index-key checks: a
// wrong type cancels with a ValidationError reason, an empty value is the
// request's; a committed transaction reaches every index, a cancelled one
// none.
func TestTransactWriteItems_IndexKeys(t *testing.T) {
	db := newOrdersDB(t, nil)
	ctx := context.Background()
	order := func(sk, customer string) Item {
		return Item{"pk": S("p"), "sk": S(sk), "customer": S(customer), "placed": N("1"), "status": S("new")}
	}
	_, err := db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{
		txPut("orders", order("a", "ada")), txPut("orders", Item{"pk": S("p"), "sk": S("b"), "customer": N("7")})}})
	var e *Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, CodeTransactionCanceled, e.Code, e.Message)
	assert.Equal(t, []CancellationReason{{Code: "None"}, {Code: "ValidationError",
		Message: "One or more parameter values were invalid: Type mismatch for Index Key customer Expected: S Actual: N IndexName: byCustomer"}}, e.CancellationReasons)

	_, err = db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{
		txPut("orders", order("a", "ada")), txPut("orders", order("b", ""))}})
	requireAWSError(t, err, CodeValidation, "One or more parameter values are not valid. A value specified for a secondary index key is not supported. "+
		"The AttributeValue for a key attribute cannot contain an empty string value. IndexName: byCustomer, IndexKey: customer")
	assert.Empty(t, queryIndex(t, db, QueryInput{IndexName: "byCustomer", KeyConditionExpression: "customer = :c",
		ExpressionAttributeValues: map[string]Value{":c": S("ada")}}).Items, "nothing of a refused transaction reached the index")

	_, err = db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{
		txPut("orders", order("a", "ada")), txPut("orders", order("b", "ada"))}})
	require.NoError(t, err)
	assert.Len(t, queryIndex(t, db, QueryInput{IndexName: "byCustomer", KeyConditionExpression: "customer = :c",
		ExpressionAttributeValues: map[string]Value{":c": S("ada")}}).Items, 2)
	assert.Len(t, queryIndex(t, db, QueryInput{IndexName: "byStatus", KeyConditionExpression: "pk = :p AND #s = :s",
		ExpressionAttributeNames: map[string]string{"#s": "status"}, ExpressionAttributeValues: map[string]Value{":p": S("p"), ":s": S("new")}}).Items, 2)
}
