package ddbaws

import (
	"context"
	"reflect"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// newUsersAPI returns an API over a fresh DB holding the on-demand table
// "users" (partition key id, S).
func newUsersAPI(t *testing.T) (*API, *ddbsim.DB) {
	t.Helper()
	db := newTestDB()
	a := NewAPI(db)
	mustCreate(t, a, onDemand("users", key("id", types.ScalarAttributeTypeS)))
	return a, db
}

// TestAPI_MethodsMatchTheClient checks that operations lists every
// method of API; the compile-time assertions check that both API and
// *dynamodb.Client implement operations, so each signature is the
// client's.
func TestAPI_MethodsMatchTheClient(t *testing.T) {
	api, ops := reflect.TypeFor[*API](), reflect.TypeFor[operations]()
	require.Equal(t, ops.NumMethod(), api.NumMethod())
	for m := range api.Methods() {
		_, ok := ops.MethodByName(m.Name)
		assert.True(t, ok, "%s is missing from operations", m.Name)
	}
}

func TestAPI_CreateTable_DescribesTheTable(t *testing.T) {
	a := NewAPI(newTestDB())
	out, err := a.CreateTable(context.Background(), &dynamodb.CreateTableInput{
		TableName:             aws.String("events"),
		KeySchema:             []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}},
		AttributeDefinitions:  []types.AttributeDefinition{key("pk", types.ScalarAttributeTypeS), key("sk", types.ScalarAttributeTypeN)},
		ProvisionedThroughput: &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(7)},
	})
	require.NoError(t, err)
	d := out.TableDescription
	assert.Equal(t, "events", aws.ToString(d.TableName))
	assert.Equal(t, "arn:aws:dynamodb:us-east-1:000000000000:table/events", aws.ToString(d.TableArn))
	assert.NotEmpty(t, aws.ToString(d.TableId))
	assert.Equal(t, types.TableStatusActive, d.TableStatus)
	assert.Equal(t, []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}}, d.KeySchema)
	assert.Equal(t, []types.AttributeDefinition{key("pk", types.ScalarAttributeTypeS), key("sk", types.ScalarAttributeTypeN)}, d.AttributeDefinitions)
	assert.Equal(t, testClock.Truncate(1e6), *d.CreationDateTime, "milliseconds, as on the wire")
	assert.Equal(t, int64(0), aws.ToInt64(d.ItemCount))
	assert.Equal(t, int64(0), aws.ToInt64(d.TableSizeBytes))
	assert.Nil(t, d.BillingModeSummary)
	assert.Equal(t, &types.ProvisionedThroughputDescription{ReadCapacityUnits: aws.Int64(5), WriteCapacityUnits: aws.Int64(7), NumberOfDecreasesToday: aws.Int64(0)}, d.ProvisionedThroughput)
}

func TestAPI_DescribeTable_CountsItemsAndBilling(t *testing.T) {
	a, _ := newUsersAPI(t)
	mustPut(t, a, "users", map[string]types.AttributeValue{"id": avS("a"), "n": avN("1")})
	out, err := a.DescribeTable(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String("users")})
	require.NoError(t, err)
	assert.Equal(t, int64(1), aws.ToInt64(out.Table.ItemCount))
	assert.Equal(t, int64(len("id")+len("a")+len("n")+2), aws.ToInt64(out.Table.TableSizeBytes))
	assert.Equal(t, &types.BillingModeSummary{BillingMode: types.BillingModePayPerRequest, LastUpdateToPayPerRequestDateTime: aws.Time(testClock.Truncate(1e6))}, out.Table.BillingModeSummary)
}

func TestAPI_DeleteTable_ReportsDeletingAndRemovesTheTable(t *testing.T) {
	a, _ := newUsersAPI(t)
	ctx := context.Background()
	out, err := a.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String("users")})
	require.NoError(t, err)
	assert.Equal(t, types.TableStatusDeleting, out.TableDescription.TableStatus)
	_, err = a.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("users")})
	var rnf *types.ResourceNotFoundException
	require.ErrorAs(t, err, &rnf)
	assert.Equal(t, "Requested resource not found: Table: users not found", rnf.ErrorMessage())
}

func TestAPI_ListTables_PagesWithLimit(t *testing.T) {
	a := NewAPI(newTestDB())
	ctx := context.Background()
	for _, name := range []string{"ccc", "aaa", "bbb"} {
		mustCreate(t, a, onDemand(name, key("id", types.ScalarAttributeTypeS)))
	}
	var pages [][]string
	in := &dynamodb.ListTablesInput{Limit: aws.Int32(2)}
	for {
		out, err := a.ListTables(ctx, in)
		require.NoError(t, err)
		pages = append(pages, out.TableNames)
		if out.LastEvaluatedTableName == nil {
			break
		}
		in.ExclusiveStartTableName = out.LastEvaluatedTableName
	}
	assert.Equal(t, [][]string{{"aaa", "bbb"}, {"ccc"}}, pages)

	all, err := a.ListTables(ctx, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"aaa", "bbb", "ccc"}, all.TableNames)
	assert.Nil(t, all.LastEvaluatedTableName)
}

func TestAPI_ListTables_WorksWithTheSDKPaginator(t *testing.T) {
	a := NewAPI(newTestDB())
	for _, name := range []string{"tb1", "tb2", "tb3"} {
		mustCreate(t, a, onDemand(name, key("id", types.ScalarAttributeTypeS)))
	}
	p := dynamodb.NewListTablesPaginator(a, &dynamodb.ListTablesInput{Limit: aws.Int32(1)})
	var names []string
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		names = append(names, out.TableNames...)
	}
	assert.Equal(t, []string{"tb1", "tb2", "tb3"}, names)
}

func TestAPI_GetItem_ReturnsCanonicalNumbers(t *testing.T) {
	a, _ := newUsersAPI(t)
	mustPut(t, a, "users", map[string]types.AttributeValue{
		"id": avS("a"), "n": avN("1.50"), "e": avN("1e3"), "z": avN("-0"), "ns": &types.AttributeValueMemberNS{Value: []string{"010", "2.0"}},
	})
	out, err := a.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}})
	require.NoError(t, err)
	assert.Equal(t, map[string]types.AttributeValue{
		"id": avS("a"), "n": avN("1.5"), "e": avN("1000"), "z": avN("0"), "ns": &types.AttributeValueMemberNS{Value: []string{"2", "10"}},
	}, out.Item)
}

func TestAPI_GetItem_MissingItemIsNil(t *testing.T) {
	a, _ := newUsersAPI(t)
	out, err := a.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("nobody")}})
	require.NoError(t, err)
	assert.Nil(t, out.Item)
	assert.Nil(t, out.ConsumedCapacity)
}

func TestAPI_GetItem_AttributesToGetAndConsistentRead(t *testing.T) {
	a, _ := newUsersAPI(t)
	mustPut(t, a, "users", map[string]types.AttributeValue{"id": avS("a"), "x": avS("1"), "y": avS("2")})
	out, err := a.GetItem(context.Background(), &dynamodb.GetItemInput{
		TableName:              aws.String("users"),
		Key:                    map[string]types.AttributeValue{"id": avS("a")},
		AttributesToGet:        []string{"x"},
		ConsistentRead:         aws.Bool(true),
		ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal,
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]types.AttributeValue{"x": avS("1")}, out.Item)
	assert.Equal(t, &types.ConsumedCapacity{TableName: aws.String("users"), CapacityUnits: aws.Float64(1)}, out.ConsumedCapacity)
}

func TestAPI_PutItem_ReturnsAllOldAndIndexesCapacity(t *testing.T) {
	a, _ := newUsersAPI(t)
	ctx := context.Background()
	put := func(v string) *dynamodb.PutItemOutput {
		out, err := a.PutItem(ctx, &dynamodb.PutItemInput{
			TableName:              aws.String("users"),
			Item:                   map[string]types.AttributeValue{"id": avS("a"), "v": avS(v)},
			ReturnValues:           types.ReturnValueAllOld,
			ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes,
		})
		require.NoError(t, err)
		return out
	}
	first := put("1")
	assert.Nil(t, first.Attributes, "no old item")
	assert.Equal(t, &types.ConsumedCapacity{TableName: aws.String("users"), CapacityUnits: aws.Float64(1), Table: &types.Capacity{CapacityUnits: aws.Float64(1)}}, first.ConsumedCapacity)
	assert.Equal(t, map[string]types.AttributeValue{"id": avS("a"), "v": avS("1")}, put("2").Attributes)
}

func TestAPI_DeleteItem_ReturnsAllOld(t *testing.T) {
	a, _ := newUsersAPI(t)
	ctx := context.Background()
	mustPut(t, a, "users", map[string]types.AttributeValue{"id": avS("a"), "b": avB([]byte{1})})
	del := &dynamodb.DeleteItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}, ReturnValues: types.ReturnValueAllOld, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}
	out, err := a.DeleteItem(ctx, del)
	require.NoError(t, err)
	assert.Equal(t, map[string]types.AttributeValue{"id": avS("a"), "b": avB([]byte{1})}, out.Attributes)
	assert.Equal(t, 1.0, aws.ToFloat64(out.ConsumedCapacity.CapacityUnits))

	again, err := a.DeleteItem(ctx, del)
	require.NoError(t, err)
	assert.Nil(t, again.Attributes, "deleting a missing item succeeds")
}

func TestAPI_NilParams_FailAsTheClientDoes(t *testing.T) {
	ctx := context.Background()
	a := NewAPI(newTestDB())
	c := NewClient(newTestDB())
	_, apiErr := a.PutItem(ctx, nil)
	_, clientErr := c.PutItem(ctx, nil)
	require.Error(t, apiErr)
	assert.Equal(t, clientErr.Error(), apiErr.Error())
	var invalid smithy.InvalidParamsError
	require.ErrorAs(t, apiErr, &invalid)
	assert.Len(t, invalid.Errs(), 2)
}

func TestAPI_UnsupportedMembers_AreRefusedNotIgnored(t *testing.T) {
	a := NewAPI(newTestDB())
	ctx := context.Background()
	in := onDemand("warm", key("id", types.ScalarAttributeTypeS))
	in.ResourcePolicy = aws.String("{}")
	_, err := a.CreateTable(ctx, in)
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "ValidationException", apiErr.ErrorCode())
	assert.Equal(t, "ddbsim does not support ResourcePolicy yet", apiErr.ErrorMessage())

	out, err := a.ListTables(ctx, nil)
	require.NoError(t, err)
	assert.Empty(t, out.TableNames, "nothing created")
}

func TestAPI_PutItem_ConditionFailureCarriesTheItem(t *testing.T) {
	a, _ := newUsersAPI(t)
	ctx := context.Background()
	mustPut(t, a, "users", map[string]types.AttributeValue{"id": avS("a"), "v": avN("1")})
	_, err := a.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:                           aws.String("users"),
		Item:                                map[string]types.AttributeValue{"id": avS("a"), "v": avN("2")},
		ConditionExpression:                 aws.String("#v = :old"),
		ExpressionAttributeNames:            map[string]string{"#v": "v"},
		ExpressionAttributeValues:           map[string]types.AttributeValue{":old": avN("5")},
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
	})
	var ccf *types.ConditionalCheckFailedException
	require.ErrorAs(t, err, &ccf)
	assert.Equal(t, "The conditional request failed", ccf.ErrorMessage())
	assert.Equal(t, map[string]types.AttributeValue{"id": avS("a"), "v": avN("1")}, ccf.Item)
}

func TestAPI_DeleteItem_LegacyExpected(t *testing.T) {
	a, _ := newUsersAPI(t)
	ctx := context.Background()
	mustPut(t, a, "users", map[string]types.AttributeValue{"id": avS("a"), "v": avN("1")})
	del := &dynamodb.DeleteItemInput{
		TableName: aws.String("users"),
		Key:       map[string]types.AttributeValue{"id": avS("a")},
		Expected:  map[string]types.ExpectedAttributeValue{"v": {Value: avN("2")}},
	}
	_, err := a.DeleteItem(ctx, del)
	var ccf *types.ConditionalCheckFailedException
	require.ErrorAs(t, err, &ccf)
	assert.Nil(t, ccf.Item)

	del.Expected["v"] = types.ExpectedAttributeValue{ComparisonOperator: types.ComparisonOperatorBetween, AttributeValueList: []types.AttributeValue{avN("0"), avN("1.0")}}
	_, err = a.DeleteItem(ctx, del)
	require.NoError(t, err)
}

func TestAPI_GetItem_ProjectionExpression(t *testing.T) {
	a, _ := newUsersAPI(t)
	mustPut(t, a, "users", map[string]types.AttributeValue{"id": avS("a"), "m": avM(map[string]types.AttributeValue{"x": avN("1"), "y": avN("2")}), "z": avS("z")})
	out, err := a.GetItem(context.Background(), &dynamodb.GetItemInput{
		TableName:                aws.String("users"),
		Key:                      map[string]types.AttributeValue{"id": avS("a")},
		ProjectionExpression:     aws.String("#m.x"),
		ExpressionAttributeNames: map[string]string{"#m": "m"},
	})
	require.NoError(t, err)
	assert.Equal(t, map[string]types.AttributeValue{"m": avM(map[string]types.AttributeValue{"x": avN("1")})}, out.Item)
}

func TestAPI_EmptyExpression_IsRefusedAsOnTheWire(t *testing.T) {
	a, _ := newUsersAPI(t)
	_, err := a.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}, ProjectionExpression: aws.String("")})
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "ValidationException", apiErr.ErrorCode())
	assert.Equal(t, "Invalid ProjectionExpression: The expression can not be empty;", apiErr.ErrorMessage())

	_, err = a.BatchGetItem(context.Background(), &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
		"users": {Keys: []map[string]types.AttributeValue{{"id": avS("a")}}, ProjectionExpression: aws.String("")}}})
	require.ErrorAs(t, err, &apiErr, "inside a BatchGetItem table entry too")
	assert.Equal(t, "Invalid ProjectionExpression: The expression can not be empty;", apiErr.ErrorMessage())
}

func TestAPI_LostResponse_PassesThroughAfterTheWrite(t *testing.T) {
	a, db := newUsersAPI(t)
	ctx := context.Background()
	db.InjectFault(ddbsim.Fault{Kind: ddbsim.LostResponse, Operation: "PutItem"})
	_, err := a.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"), Item: map[string]types.AttributeValue{"id": avS("a")}})
	require.ErrorIs(t, err, ddbsim.ErrLostResponse)
	var op *smithy.OperationError
	require.ErrorAs(t, err, &op)
	assert.Equal(t, "PutItem", op.Operation())

	out, err := a.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}})
	require.NoError(t, err)
	assert.NotNil(t, out.Item, "the lost write was applied")
}

func TestAPI_CanceledContext_IsReturned(t *testing.T) {
	a, _ := newUsersAPI(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := a.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}})
	require.ErrorIs(t, err, context.Canceled)
}

func TestAPI_OptFns_AreIgnored(t *testing.T) {
	a, _ := newUsersAPI(t)
	called := false
	_, err := a.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}},
		func(*dynamodb.Options) { called = true })
	require.NoError(t, err)
	assert.False(t, called)
}

// newScoresAPI returns an API over a fresh DB holding the table "scores"
// (partition key pk, S; sort key sk, N) with items sk 1 to n in
// partition "p".
func newScoresAPI(t *testing.T, n int, opts *ddbsim.Options) (*API, *ddbsim.DB) {
	t.Helper()
	db := ddbsim.New(opts)
	a := NewAPI(db)
	mustCreate(t, a, onDemand("scores", key("pk", types.ScalarAttributeTypeS), key("sk", types.ScalarAttributeTypeN)))
	for i := 1; i <= n; i++ {
		mustPut(t, a, "scores", map[string]types.AttributeValue{"pk": avS("p"), "sk": avN(strconv.Itoa(i))})
	}
	return a, db
}

func TestAPI_Query_WorksWithTheSDKPaginator(t *testing.T) {
	a, _ := newScoresAPI(t, 5, nil)
	p := dynamodb.NewQueryPaginator(a, &dynamodb.QueryInput{
		TableName:                 aws.String("scores"),
		KeyConditionExpression:    aws.String("pk = :p AND sk >= :two"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": avS("p"), ":two": avN("2")},
		ScanIndexForward:          aws.Bool(false),
		Limit:                     aws.Int32(2),
	})
	var sks []string
	pages := 0
	for p.HasMorePages() {
		out, err := p.NextPage(context.Background())
		require.NoError(t, err)
		pages++
		for _, it := range out.Items {
			sks = append(sks, it["sk"].(*types.AttributeValueMemberN).Value)
		}
	}
	assert.Equal(t, []string{"5", "4", "3", "2"}, sks)
	assert.Equal(t, 2, pages, "the second page is the last: nothing follows it")
}

func TestAPI_Scan_CountHasNoItems(t *testing.T) {
	a, _ := newScoresAPI(t, 3, nil)
	out, err := a.Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String("scores"), Select: types.SelectCount})
	require.NoError(t, err)
	assert.Nil(t, out.Items)
	assert.Equal(t, int32(3), out.Count)
	assert.Equal(t, int32(3), out.ScannedCount)

	all, err := a.Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String("scores"), FilterExpression: aws.String("sk > :n"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":n": avN("9")}})
	require.NoError(t, err)
	assert.NotNil(t, all.Items, "an empty page has an empty list")
	assert.Empty(t, all.Items)
}

func TestAPI_BatchGetItem_ResendingUnprocessedKeysReadsEveryItemOnce(t *testing.T) {
	a, _ := newScoresAPI(t, 10, &ddbsim.Options{Limits: ddbsim.Limits{BatchGetMaxBytes: 30}})
	keys := make([]map[string]types.AttributeValue, 10)
	for i := range keys {
		keys[i] = map[string]types.AttributeValue{"pk": avS("p"), "sk": avN(strconv.Itoa(i + 1))}
	}
	request := map[string]types.KeysAndAttributes{"scores": {Keys: keys, ProjectionExpression: aws.String("sk")}}
	var got []string
	calls := 0
	for len(request) > 0 {
		out, err := a.BatchGetItem(context.Background(), &dynamodb.BatchGetItemInput{RequestItems: request})
		require.NoError(t, err)
		calls++
		for _, it := range out.Responses["scores"] {
			got = append(got, it["sk"].(*types.AttributeValueMemberN).Value)
		}
		require.NotNil(t, out.UnprocessedKeys)
		request = out.UnprocessedKeys
		if len(request) > 0 {
			assert.Equal(t, aws.String("sk"), request["scores"].ProjectionExpression, "unprocessed keys keep their table's settings")
		}
	}
	assert.Equal(t, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}, got)
	assert.Greater(t, calls, 1)
}

func TestAPI_BatchWriteItem_UnprocessedItemsAreNeverNil(t *testing.T) {
	a, db := newScoresAPI(t, 0, nil)
	put := func(sk string) types.WriteRequest {
		return types.WriteRequest{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{"pk": avS("p"), "sk": avN(sk)}}}
	}
	in := &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"scores": {put("1"), put("2")}}}
	out, err := a.BatchWriteItem(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, map[string][]types.WriteRequest{}, out.UnprocessedItems)

	db.InjectFault(ddbsim.Fault{Kind: ddbsim.Unprocessed, Operation: "BatchWriteItem"})
	in.RequestItems["scores"] = []types.WriteRequest{put("3"), put("4")}
	out, err = a.BatchWriteItem(context.Background(), in)
	require.NoError(t, err)
	assert.Equal(t, map[string][]types.WriteRequest{"scores": {put("4")}}, out.UnprocessedItems)
}

func TestAPI_UpdateItem_ConditionFailureCarriesTheItem(t *testing.T) {
	a, _ := newUsersAPI(t)
	ctx := context.Background()
	mustPut(t, a, "users", map[string]types.AttributeValue{"id": avS("a"), "version": avN("1")})
	update := func(expected string) (*dynamodb.UpdateItemOutput, error) {
		return a.UpdateItem(ctx, &dynamodb.UpdateItemInput{
			TableName:                           aws.String("users"),
			Key:                                 map[string]types.AttributeValue{"id": avS("a")},
			UpdateExpression:                    aws.String("SET version = version + :one"),
			ConditionExpression:                 aws.String("version = :expected"),
			ExpressionAttributeValues:           map[string]types.AttributeValue{":one": avN("1"), ":expected": avN(expected)},
			ReturnValues:                        types.ReturnValueUpdatedNew,
			ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
		})
	}
	out, err := update("1")
	require.NoError(t, err)
	assert.Equal(t, map[string]types.AttributeValue{"version": avN("2")}, out.Attributes)

	_, err = update("1")
	var ccf *types.ConditionalCheckFailedException
	require.ErrorAs(t, err, &ccf)
	assert.Equal(t, map[string]types.AttributeValue{"id": avS("a"), "version": avN("2")}, ccf.Item)
}

func TestAPI_Reads_MutatingTheResultChangesNeitherTheNextReadNorTheStore(t *testing.T) {
	a, _ := newUsersAPI(t)
	ctx := context.Background()
	stored := FromItem(richItem(1))
	stored["id"] = avS("a")
	mustPut(t, a, "users", stored)
	get := &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}}
	first, err := a.GetItem(ctx, get)
	require.NoError(t, err)
	want := FromItem(ToItem(first.Item))
	mutate(first.Item)

	again, err := a.GetItem(ctx, get)
	require.NoError(t, err)
	assert.Equal(t, want, again.Item)
	page, err := a.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("users")})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, want, page.Items[0])
	mutate(page.Items[0])
	batch, err := a.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: []map[string]types.AttributeValue{get.Key}}}})
	require.NoError(t, err)
	assert.Equal(t, []map[string]types.AttributeValue{want}, batch.Responses["users"])
}
