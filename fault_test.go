package ddbsim

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInjectFault_Throttle_AppliesNothing(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	db.InjectFault(Fault{Kind: Throttle, Operation: "PutItem", Table: "users", Count: 2})
	for range 2 {
		_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a")}})
		requireAWSError(t, err, CodeProvisionedThroughputExceeded,
			"The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.")
		assert.ErrorIs(t, err, ErrProvisionedThroughputExceeded)
	}
	assert.Empty(t, tableItems(t, db, "users"))
	_, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a")}})
	require.NoError(t, err, "the fault is spent after Count calls")
	assert.Len(t, tableItems(t, db, "users"), 1)
}

func TestInjectFault_InternalError(t *testing.T) {
	db := newTestDB(t)
	db.InjectFault(Fault{Kind: InternalError})
	_, err := db.DeleteItem(context.Background(), DeleteItemInput{TableName: "users", Key: Item{"id": S("a")}})
	requireAWSError(t, err, CodeInternalServerError, "Internal server error")
	assert.ErrorIs(t, err, ErrInternalServerError)
}

func TestInjectFault_LostResponse_AppliesTheWrite(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	db.InjectFault(Fault{Kind: LostResponse, Operation: "PutItem"})
	out, err := db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a")}})
	assert.ErrorIs(t, err, ErrLostResponse)
	assert.Nil(t, out)
	got, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("a")}})
	require.NoError(t, err)
	assert.NotNil(t, got.Item, "the write happened although its response was lost")
}

func TestInjectFault_MatchesOperationAndTable(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	db.InjectFault(Fault{Kind: Throttle, Operation: "GetItem", Table: "events"})
	_, err := db.PutItem(ctx, PutItemInput{TableName: "events", Item: Item{"pk": S("a"), "sk": N("1")}})
	require.NoError(t, err, "another operation is not affected")
	_, err = db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("a")}})
	require.NoError(t, err, "another table is not affected")
	_, err = db.GetItem(ctx, GetItemInput{TableName: "events", Key: Item{"pk": S("a"), "sk": N("1")}})
	assert.ErrorIs(t, err, ErrProvisionedThroughputExceeded)

	db.InjectFault(Fault{Kind: Throttle, Count: 5})
	db.ClearFaults()
	_, err = db.ListTables(ctx, ListTablesInput{})
	require.NoError(t, err, "ClearFaults disarms everything")

	db.InjectFault(Fault{Kind: InternalError, Operation: "ListTables"})
	_, err = db.ListTables(ctx, ListTablesInput{})
	assert.ErrorIs(t, err, ErrInternalServerError, "control-plane operations pass through the same check")
}

func TestInjectFault_MatchesABatchByAnyOfItsTables(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	db.InjectFault(Fault{Kind: Throttle, Table: "events"})
	in := BatchGetItemInput{RequestItems: map[string]KeysAndAttributes{"users": {Keys: []Item{{"id": S("a")}}}}}
	_, err := db.BatchGetItem(ctx, in)
	require.NoError(t, err, "a batch without the fault's table is not affected")
	in.RequestItems["events"] = KeysAndAttributes{Keys: []Item{{"pk": S("a"), "sk": N("1")}}}
	_, err = db.BatchGetItem(ctx, in)
	assert.ErrorIs(t, err, ErrProvisionedThroughputExceeded)

	db.InjectFault(Fault{Kind: InternalError, Operation: "BatchWriteItem", Table: "users"})
	_, err = db.BatchWriteItem(ctx, BatchWriteItemInput{RequestItems: map[string][]WriteRequest{
		"users": {{PutRequest: &PutRequest{Item: Item{"id": S("x")}}}},
	}})
	assert.ErrorIs(t, err, ErrInternalServerError)
	assert.Empty(t, tableItems(t, db, "users"), "nothing applied")
}

func TestInjectFault_TransactionConflict(t *testing.T) {
	db := newTestDB(t)
	ctx := context.Background()
	db.InjectFault(Fault{Kind: TransactionConflict, Operation: "GetItem"})
	_, err := db.GetItem(ctx, GetItemInput{TableName: "users", Key: Item{"id": S("a")}})
	require.NoError(t, err, "reads never conflict")
	db.ClearFaults()

	db.InjectFault(Fault{Kind: TransactionConflict, Table: "users"})
	_, err = db.PutItem(ctx, PutItemInput{TableName: "users", Item: Item{"id": S("a")}})
	requireAWSError(t, err, CodeTransactionConflict, "Transaction is ongoing for the item")
	assert.Empty(t, tableItems(t, db, "users"), "nothing applied")

	db.InjectFault(Fault{Kind: TransactionConflict, Table: "users"})
	_, err = db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{
		{Put: &Put{TableName: "events", Item: Item{"pk": S("p"), "sk": Int(1)}}},
		{Put: &Put{TableName: "users", Item: Item{"id": S("a")}}},
	}})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, CodeTransactionCanceled, e.Code)
	assert.Equal(t, "Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]", e.Message)
	assert.Equal(t, []CancellationReason{{Code: ReasonNone}, {Code: ReasonTransactionConflict, Message: "Transaction is ongoing for the item."}}, e.CancellationReasons)
	assert.Empty(t, tableItems(t, db, "events"), "a cancelled transaction changes nothing")

	db.InjectFault(Fault{Kind: TransactionConflict, Operation: "TransactGetItems"})
	_, err = db.TransactGetItems(ctx, TransactGetItemsInput{TransactItems: []TransactGetItem{{Get: &Get{TableName: "users", Key: Item{"id": S("a")}}}}})
	require.ErrorAs(t, err, &e)
	assert.Equal(t, []CancellationReason{{Code: ReasonTransactionConflict, Message: "Transaction is ongoing for the item."}}, e.CancellationReasons)

	_, err = db.TransactWriteItems(ctx, TransactWriteItemsInput{TransactItems: []TransactWriteItem{{Put: &Put{TableName: "users", Item: Item{"id": S("a")}}}}})
	require.NoError(t, err, "the fault was used up")
}
