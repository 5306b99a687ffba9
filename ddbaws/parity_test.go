package ddbaws

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// step is one call in the parity sequence, made after arming fault (if
// its Kind is set) on the DB behind the client.
type step struct {
	name  string
	call  func(ctx context.Context, c operations) (any, error)
	fault ddbsim.Fault
}

// opStep is the step that calls op (a method expression of operations,
// such as operations.Query) with in.
func opStep[I, O any](name string, op func(operations, context.Context, *I, ...func(*dynamodb.Options)) (*O, error), in *I) step {
	return step{name: name, call: func(ctx context.Context, c operations) (any, error) { return op(c, ctx, in) }}
}

// faulty is s with fault armed before the call.
func faulty(s step, fault ddbsim.Fault) step {
	s.fault = fault
	return s
}

// Shorthands for the parity steps.
var (
	tableName = aws.String("users")
	events    = aws.String("events")
	keyA      = map[string]types.AttributeValue{"id": avS("a")}
)

func putStep(name string, in *dynamodb.PutItemInput) step {
	return opStep(name, operations.PutItem, in)
}

func getStep(name string, in *dynamodb.GetItemInput) step {
	return opStep(name, operations.GetItem, in)
}

func deleteStep(name string, in *dynamodb.DeleteItemInput) step {
	return opStep(name, operations.DeleteItem, in)
}

func createStep(name string, in *dynamodb.CreateTableInput) step {
	return opStep(name, operations.CreateTable, in)
}

func describeStep(name string, table *string) step {
	return opStep(name, operations.DescribeTable, &dynamodb.DescribeTableInput{TableName: table})
}

func listStep(name string, in *dynamodb.ListTablesInput) step {
	return opStep(name, operations.ListTables, in)
}

// allTypes is an item holding the ten types, nested and empty values, and
// numbers DynamoDB normalises.
var allTypes = map[string]types.AttributeValue{
	"id":    avS("a"),
	"s":     avS(""),
	"n":     avN("001.50"),
	"e":     avN("-1e-3"),
	"b":     avB([]byte{0, 255}),
	"be":    avB([]byte{}),
	"t":     avBool(true),
	"f":     avBool(false),
	"null":  avNull,
	"m":     avM(map[string]types.AttributeValue{"l": avL(avNull, avM(map[string]types.AttributeValue{})), "x": avN("1e2")}),
	"l":     &types.AttributeValueMemberL{Value: []types.AttributeValue{}},
	"ss":    avSS("b", "a", ""),
	"ns":    &types.AttributeValueMemberNS{Value: []string{"3", "-1.0", "2e1"}},
	"bs":    &types.AttributeValueMemberBS{Value: [][]byte{{2}, {}, {1}}},
	"empty": avM(map[string]types.AttributeValue{}),
}

// paritySteps is a sequence of valid and invalid calls covering every
// operation NewAPI serves.
var paritySteps = []step{
	createStep("create users", onDemand("users", key("id", types.ScalarAttributeTypeS))),
	createStep("create events", &dynamodb.CreateTableInput{
		TableName:             events,
		KeySchema:             []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("sk"), KeyType: types.KeyTypeRange}},
		AttributeDefinitions:  []types.AttributeDefinition{key("pk", types.ScalarAttributeTypeB), key("sk", types.ScalarAttributeTypeN)},
		ProvisionedThroughput: &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(3), WriteCapacityUnits: aws.Int64(4)},
	}),
	createStep("create existing", onDemand("users", key("id", types.ScalarAttributeTypeS))),
	createStep("create nil params", nil),
	createStep("create missing members", &dynamodb.CreateTableInput{
		TableName: aws.String("x"), KeySchema: []types.KeySchemaElement{{}}, AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id")}},
		ProvisionedThroughput: &types.ProvisionedThroughput{},
	}),
	createStep("create short name", onDemand("ab", key("id", types.ScalarAttributeTypeS))),
	createStep("create without throughput", &dynamodb.CreateTableInput{
		TableName: aws.String("prov"), KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{key("id", types.ScalarAttributeTypeS)},
	}),
	describeStep("describe users", tableName),
	describeStep("describe events", events),
	describeStep("describe missing", aws.String("nope")),
	describeStep("describe nil name", nil),
	describeStep("describe empty name", aws.String("")),
	listStep("list all", nil),
	listStep("list one", &dynamodb.ListTablesInput{Limit: aws.Int32(1)}),
	listStep("list after", &dynamodb.ListTablesInput{ExclusiveStartTableName: events, Limit: aws.Int32(1)}),
	listStep("list limit 0", &dynamodb.ListTablesInput{Limit: aws.Int32(0)}),

	putStep("put all types", &dynamodb.PutItemInput{TableName: tableName, Item: allTypes, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	putStep("put all old", &dynamodb.PutItemInput{TableName: tableName, Item: allTypes, ReturnValues: types.ReturnValueAllOld, ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes}),
	putStep("put binary and number key", &dynamodb.PutItemInput{TableName: events, Item: map[string]types.AttributeValue{"pk": avB([]byte{1}), "sk": avN("1e3")}}),
	putStep("put updated new", &dynamodb.PutItemInput{TableName: tableName, Item: keyA, ReturnValues: types.ReturnValueUpdatedNew}),
	putStep("put bad return values", &dynamodb.PutItemInput{TableName: tableName, Item: keyA, ReturnValues: "hi"}),
	putStep("put type mismatch", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avN("1")}}),
	putStep("put missing key", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"x": avS("1")}}),
	putStep("put empty key", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("")}}),
	putStep("put empty set", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("b"), "ss": avSS()}}),
	putStep("put duplicate set", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("b"), "ss": avSS("x", "x")}}),
	putStep("put null false", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("b"), "z": &types.AttributeValueMemberNULL{}}}),
	putStep("put nil binary", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("b"), "z": avB(nil)}}),
	putStep("put nil binary member", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("b"), "z": &types.AttributeValueMemberBS{Value: [][]byte{nil}}}}),
	putStep("put bad number", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("b"), "z": avN("1e")}}),
	putStep("put missing table", &dynamodb.PutItemInput{TableName: aws.String("nope"), Item: keyA}),
	putStep("put empty table name", &dynamodb.PutItemInput{TableName: aws.String(""), Item: keyA}),
	putStep("put nil params", nil),
	putStep("put nil item", &dynamodb.PutItemInput{TableName: tableName}),
	putStep("put empty item", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{}}),

	getStep("get all types", &dynamodb.GetItemInput{TableName: tableName, Key: keyA}),
	getStep("get consistent", &dynamodb.GetItemInput{TableName: tableName, Key: keyA, ConsistentRead: aws.Bool(true), ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes}),
	getStep("get attributes", &dynamodb.GetItemInput{TableName: tableName, Key: keyA, AttributesToGet: []string{"n", "m", "nothing"}}),
	getStep("get no attributes", &dynamodb.GetItemInput{TableName: tableName, Key: keyA, AttributesToGet: []string{}}),
	getStep("get number key by value", &dynamodb.GetItemInput{TableName: events, Key: map[string]types.AttributeValue{"pk": avB([]byte{1}), "sk": avN("1000.0")}}),
	getStep("get missing item", &dynamodb.GetItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("zz")}, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	getStep("get extra key attribute", &dynamodb.GetItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("a"), "x": avS("1")}}),
	getStep("get empty key", &dynamodb.GetItemInput{TableName: tableName, Key: map[string]types.AttributeValue{}}),
	getStep("get missing table", &dynamodb.GetItemInput{TableName: aws.String("nope"), Key: keyA}),
	getStep("get nil key", &dynamodb.GetItemInput{TableName: tableName}),

	deleteStep("delete all old", &dynamodb.DeleteItemInput{TableName: tableName, Key: keyA, ReturnValues: types.ReturnValueAllOld, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	deleteStep("delete missing item", &dynamodb.DeleteItemInput{TableName: tableName, Key: keyA, ReturnValues: types.ReturnValueAllOld}),
	deleteStep("delete all new", &dynamodb.DeleteItemInput{TableName: tableName, Key: keyA, ReturnValues: types.ReturnValueAllNew}),
	deleteStep("delete bad key", &dynamodb.DeleteItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avBool(true)}}),
	deleteStep("delete nil key", &dynamodb.DeleteItemInput{TableName: tableName}),
	describeStep("describe after writes", events),

	putStep("put for conditions", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c"), "v": avN("1"), "m": avM(map[string]types.AttributeValue{"x": avSS("p", "q")})}}),
	putStep("put condition holds", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c"), "v": avN("2"), "m": avM(map[string]types.AttributeValue{"x": avSS("p", "q")})},
		ConditionExpression: aws.String("#v = :one AND attribute_exists(m.x)"), ExpressionAttributeNames: map[string]string{"#v": "v"},
		ExpressionAttributeValues: map[string]types.AttributeValue{":one": avN("1.0")}, ReturnValues: types.ReturnValueAllOld}),
	putStep("put condition fails with item", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c")},
		ConditionExpression: aws.String("attribute_not_exists(id)"), ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}),
	putStep("put condition fails without item", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c")},
		ConditionExpression: aws.String("size(m.x) > :n"), ExpressionAttributeValues: map[string]types.AttributeValue{":n": avN("5")}}),
	putStep("put empty condition", &dynamodb.PutItemInput{TableName: tableName, Item: keyA, ConditionExpression: aws.String("")}),
	putStep("put bad condition", &dynamodb.PutItemInput{TableName: tableName, Item: keyA, ConditionExpression: aws.String("v = = 1")}),
	putStep("put unused value", &dynamodb.PutItemInput{TableName: tableName, Item: keyA, ConditionExpression: aws.String("attribute_exists(v)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":unused": avN("1")}}),
	putStep("put empty values", &dynamodb.PutItemInput{TableName: tableName, Item: keyA, ConditionExpression: aws.String("attribute_exists(v)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{}}),
	putStep("put nil binary value", &dynamodb.PutItemInput{TableName: tableName, Item: keyA, ConditionExpression: aws.String("v = :b"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":b": avB(nil)}}),
	putStep("put legacy expected", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c"), "v": avN("3")},
		Expected: map[string]types.ExpectedAttributeValue{"v": {Value: avN("2")}, "nope": {Exists: aws.Bool(false)}}, ReturnValues: types.ReturnValueAllOld}),
	putStep("put legacy or", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c"), "v": avN("4")}, ConditionalOperator: types.ConditionalOperatorOr,
		Expected: map[string]types.ExpectedAttributeValue{"v": {ComparisonOperator: types.ComparisonOperatorIn, AttributeValueList: []types.AttributeValue{avN("9"), avN("3")}}, "id": {ComparisonOperator: types.ComparisonOperatorNull}}}),
	putStep("put legacy fails", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c")},
		Expected: map[string]types.ExpectedAttributeValue{"v": {ComparisonOperator: types.ComparisonOperatorBetween, AttributeValueList: []types.AttributeValue{avN("10"), avN("20")}}}}),
	putStep("put legacy bad list", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c")},
		Expected: map[string]types.ExpectedAttributeValue{"v": {ComparisonOperator: types.ComparisonOperatorEq, AttributeValueList: []types.AttributeValue{}}}}),
	putStep("put legacy and expression", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("c")},
		ConditionExpression: aws.String("attribute_exists(v)"), Expected: map[string]types.ExpectedAttributeValue{"v": {Exists: aws.Bool(true), Value: avN("4")}}}),
	putStep("put bad on-failure", &dynamodb.PutItemInput{TableName: tableName, Item: keyA, ReturnValuesOnConditionCheckFailure: "UPDATED_OLD"}),
	getStep("get projection", &dynamodb.GetItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("c")}, ProjectionExpression: aws.String("#m.x, v, nothing"),
		ExpressionAttributeNames: map[string]string{"#m": "m"}, ConsistentRead: aws.Bool(true)}),
	getStep("get projection of nothing", &dynamodb.GetItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("c")}, ProjectionExpression: aws.String("nothing")}),
	getStep("get empty projection", &dynamodb.GetItemInput{TableName: tableName, Key: keyA, ProjectionExpression: aws.String("")}),
	getStep("get projection and attributes", &dynamodb.GetItemInput{TableName: tableName, Key: keyA, ProjectionExpression: aws.String("v"), AttributesToGet: []string{"v"}}),
	getStep("get unused name", &dynamodb.GetItemInput{TableName: tableName, Key: keyA, ProjectionExpression: aws.String("v"), ExpressionAttributeNames: map[string]string{"#x": "x"}}),
	deleteStep("delete condition fails", &dynamodb.DeleteItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("c")},
		ConditionExpression: aws.String("v < :v"), ExpressionAttributeValues: map[string]types.AttributeValue{":v": avN("0")}, ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}),
	deleteStep("delete legacy", &dynamodb.DeleteItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("c")},
		Expected: map[string]types.ExpectedAttributeValue{"v": {Value: avN("4"), Exists: aws.Bool(true)}}, ReturnValues: types.ReturnValueAllOld}),

	opStep("delete table", operations.DeleteTable, &dynamodb.DeleteTableInput{TableName: events}),
	opStep("delete missing table", operations.DeleteTable, &dynamodb.DeleteTableInput{TableName: events}),
	opStep("delete table empty name", operations.DeleteTable, &dynamodb.DeleteTableInput{TableName: aws.String("")}),
	describeStep("describe deleted", events),
	listStep("list after delete", nil),
}

// parityBatchGetMaxBytes is the BatchGetItem response cap of the parity
// DBs: small, so that a batch of small items leaves keys unprocessed.
const parityBatchGetMaxBytes = 120

// TestAPI_MatchesNewClient runs the same calls through NewClient and
// NewAPI, each on its own DB with the same clock, the same small
// BatchGetItem cap and the same injected faults, and requires the same
// outputs and the same errors.
func TestAPI_MatchesNewClient(t *testing.T) {
	ctx := context.Background()
	newDB := func() *ddbsim.DB {
		return ddbsim.New(&ddbsim.Options{Clock: ddbsim.ClockFunc(func() time.Time { return testClock }), Limits: ddbsim.Limits{BatchGetMaxBytes: parityBatchGetMaxBytes}})
	}
	clientDB, apiDB := newDB(), newDB()
	client, api := NewClient(clientDB), NewAPI(apiDB)
	for _, s := range slices.Concat(paritySteps, updateSteps, batchSteps, readSteps, createTableSteps, indexSteps, updateTableSteps, controlSteps, transactSteps, ttlSteps, fidelitySteps) {
		if s.fault.Kind != 0 {
			clientDB.InjectFault(s.fault)
			apiDB.InjectFault(s.fault)
		}
		want, wantErr := s.call(ctx, client)
		got, gotErr := s.call(ctx, api)
		if wantErr != nil {
			require.Error(t, gotErr, s.name)
			assert.Equal(t, observable(wantErr), observable(gotErr), s.name)
			continue
		}
		require.NoError(t, gotErr, s.name)
		clearMetadata(want)
		assert.Equal(t, want, got, s.name)
	}
}

// observable returns what a caller can observe of an SDK error: the
// service error itself (its type, code, message, fault and extras such as
// a failed condition's item), or the text of a client-side validation
// error.
func observable(err error) any {
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		return apiErr
	}
	var invalid smithy.InvalidParamsError
	if errors.As(err, &invalid) {
		return invalid.Error()
	}
	return "unexpected error: " + err.Error()
}

// clearMetadata zeroes the ResultMetadata of an SDK output, which only
// the HTTP client fills in.
func clearMetadata(out any) {
	v := reflect.ValueOf(out).Elem().FieldByName("ResultMetadata")
	v.Set(reflect.ValueOf(middleware.Metadata{}))
}
