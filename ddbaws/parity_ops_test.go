package ddbaws

import (
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

func updateStep(name string, in *dynamodb.UpdateItemInput) step {
	return opStep(name, operations.UpdateItem, in)
}

func queryStep(name string, in *dynamodb.QueryInput) step { return opStep(name, operations.Query, in) }

func scanStep(name string, in *dynamodb.ScanInput) step { return opStep(name, operations.Scan, in) }

func batchGetStep(name string, in *dynamodb.BatchGetItemInput) step {
	return opStep(name, operations.BatchGetItem, in)
}

func batchWriteStep(name string, in *dynamodb.BatchWriteItemInput) step {
	return opStep(name, operations.BatchWriteItem, in)
}

// Shorthands for the parity steps of UpdateItem, Query, Scan and the
// batch operations. "scores" is keyed by pk (S) and sk (S), "logs" by pk
// (B) and sk (N).
var (
	scores = aws.String("scores")
	logs   = aws.String("logs")
	keyU   = map[string]types.AttributeValue{"id": avS("u")}
	keyLeg = map[string]types.AttributeValue{"id": avS("legacy")}
	avOne  = avN("1")
	// pad makes a scores item 52 bytes, so that the parity DBs'
	// BatchGetItem cap (parityBatchGetMaxBytes) holds two.
	pad = avS(strings.Repeat("x", 40))
)

// values is an ExpressionAttributeValues map of alternating names and
// values.
func values(kv ...any) map[string]types.AttributeValue {
	out := make(map[string]types.AttributeValue, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1].(types.AttributeValue)
	}
	return out
}

// scoreKey is the key of a scores item.
func scoreKey(pk, sk string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{"pk": avS(pk), "sk": avS(sk)}
}

// scoreKeys are the keys of scores items in partition pk.
func scoreKeys(pk string, sks ...string) []map[string]types.AttributeValue {
	out := make([]map[string]types.AttributeValue, len(sks))
	for i, sk := range sks {
		out[i] = scoreKey(pk, sk)
	}
	return out
}

// scorePut is the write request of a scores item, whose v is the
// position of sk in the alphabet.
func scorePut(pk, sk string) types.WriteRequest {
	it := scoreKey(pk, sk)
	it["v"], it["pad"] = avN(strconv.Itoa(int(sk[0]-'a'+1))), pad
	return types.WriteRequest{PutRequest: &types.PutRequest{Item: it}}
}

// userPut is the write request of a users item.
func userPut(id string) types.WriteRequest {
	return types.WriteRequest{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{"id": avS(id), "v": avS(id)}}}
}

// userPuts are the write requests of n users items u0, u1, ....
func userPuts(n int) []types.WriteRequest {
	out := make([]types.WriteRequest, n)
	for i := range out {
		out[i] = userPut("u" + strconv.Itoa(i))
	}
	return out
}

// logPut is the write request of a logs item in partition {1}.
func logPut(sk string) types.WriteRequest {
	return types.WriteRequest{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{"pk": avB([]byte{1}), "sk": avN(sk)}}}
}

// userKeys are the keys of users items.
func userKeys(ids ...string) []map[string]types.AttributeValue {
	out := make([]map[string]types.AttributeValue, len(ids))
	for i, id := range ids {
		out[i] = map[string]types.AttributeValue{"id": avS(id)}
	}
	return out
}

// queryP is a Query of partition p of scores, with the key condition
// "pk = :p" and more.
func queryP(in dynamodb.QueryInput) *dynamodb.QueryInput {
	in.TableName = scores
	if in.KeyConditionExpression == nil {
		in.KeyConditionExpression = aws.String("pk = :p")
	}
	if in.ExpressionAttributeValues == nil {
		in.ExpressionAttributeValues = map[string]types.AttributeValue{}
	}
	in.ExpressionAttributeValues[":p"] = avS("p")
	return &in
}

// updateSteps are the parity steps of UpdateItem, on "users".
var updateSteps = []step{
	updateStep("update upsert all new", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression:          aws.String("SET a = :one, #l = list_append(if_not_exists(#l, :empty), :l) ADD n :one, ss :ss"),
		ExpressionAttributeNames:  map[string]string{"#l": "l"},
		ExpressionAttributeValues: values(":one", avOne, ":empty", avL(), ":l", avL(avS("x")), ":ss", avSS("p", "q", "r")),
		ReturnValues:              types.ReturnValueAllNew, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	updateStep("update updated old", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression:          aws.String("SET a = a + :one, m = :m REMOVE #l DELETE ss :sub"),
		ExpressionAttributeNames:  map[string]string{"#l": "l"},
		ExpressionAttributeValues: values(":one", avOne, ":m", avM(map[string]types.AttributeValue{"x": avM(map[string]types.AttributeValue{"y": avOne})}), ":sub", avSS("p")),
		ReturnValues:              types.ReturnValueUpdatedOld}),
	updateStep("update updated new nested", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("SET m.x.y = m.x.y + :one, m.z = :one"), ExpressionAttributeValues: values(":one", avOne),
		ReturnValues: types.ReturnValueUpdatedNew, ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes}),
	updateStep("update all old", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU, UpdateExpression: aws.String("REMOVE m.z"), ReturnValues: types.ReturnValueAllOld}),
	updateStep("update condition fails with item", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("SET a = :zero"), ConditionExpression: aws.String("a = :zero"), ExpressionAttributeValues: values(":zero", avN("0")),
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}),
	updateStep("update condition fails without item", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("SET a = :zero"), ConditionExpression: aws.String("attribute_not_exists(id)"), ExpressionAttributeValues: values(":zero", avN("0"))}),
	updateStep("update condition holds", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("SET a = :three"), ConditionExpression: aws.String("a = :two"), ExpressionAttributeValues: values(":two", avN("2.0"), ":three", avN("3")),
		ReturnValues: types.ReturnValueUpdatedNew}),
	updateStep("update missing attribute", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("SET z = nothing + :one"), ExpressionAttributeValues: values(":one", avOne)}),
	updateStep("update incorrect operand", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("ADD ss :one"), ExpressionAttributeValues: values(":one", avOne)}),
	updateStep("update key attribute", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("SET id = :s"), ExpressionAttributeValues: values(":s", avS("v"))}),
	updateStep("update overlapping paths", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("SET a = :one REMOVE a"), ExpressionAttributeValues: values(":one", avOne)}),
	updateStep("update syntax error", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU, UpdateExpression: aws.String("SET")}),
	updateStep("update empty update expression", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU, UpdateExpression: aws.String(""), ConditionExpression: aws.String("")}),
	updateStep("update empty condition", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU, UpdateExpression: aws.String("REMOVE q"), ConditionExpression: aws.String("")}),
	updateStep("update unused value", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU, UpdateExpression: aws.String("REMOVE q"), ExpressionAttributeValues: values(":x", avOne)}),
	updateStep("update remove on missing item", &dynamodb.UpdateItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("ghost")},
		UpdateExpression: aws.String("REMOVE a"), ReturnValues: types.ReturnValueAllNew}),
	updateStep("update without expression creates the key", &dynamodb.UpdateItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("bare")},
		ReturnValues: types.ReturnValueAllNew, ReturnItemCollectionMetrics: types.ReturnItemCollectionMetricsSize}),
	updateStep("update legacy attribute updates", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyLeg,
		AttributeUpdates: map[string]types.AttributeValueUpdate{
			"a":    {Action: types.AttributeActionPut, Value: avN("5")},
			"n":    {Action: types.AttributeActionAdd, Value: avN("2")},
			"l":    {Action: types.AttributeActionAdd, Value: avL(avS("x"))},
			"gone": {Action: types.AttributeActionDelete},
		},
		ReturnValues: types.ReturnValueAllNew}),
	updateStep("update legacy expected", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyLeg,
		AttributeUpdates: map[string]types.AttributeValueUpdate{"a": {Value: avN("6")}, "n": {Action: types.AttributeActionDelete}},
		Expected:         map[string]types.ExpectedAttributeValue{"a": {Value: avN("5")}, "l": {Exists: aws.Bool(true), Value: avL(avS("x"))}},
		ReturnValues:     types.ReturnValueUpdatedOld}),
	updateStep("update legacy expected fails", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyLeg,
		AttributeUpdates: map[string]types.AttributeValueUpdate{"a": {Value: avN("7")}}, ConditionalOperator: types.ConditionalOperatorOr,
		Expected: map[string]types.ExpectedAttributeValue{
			"a": {ComparisonOperator: types.ComparisonOperatorGt, AttributeValueList: []types.AttributeValue{avN("100")}},
			"n": {ComparisonOperator: types.ComparisonOperatorNotNull},
		},
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld}),
	updateStep("update legacy put without value", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyLeg,
		AttributeUpdates: map[string]types.AttributeValueUpdate{"x": {Action: types.AttributeActionPut}}}),
	updateStep("update legacy add string", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyLeg,
		AttributeUpdates: map[string]types.AttributeValueUpdate{"x": {Action: types.AttributeActionAdd, Value: avS("s")}}}),
	updateStep("update legacy and expression", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyLeg, UpdateExpression: aws.String("REMOVE x"),
		AttributeUpdates: map[string]types.AttributeValueUpdate{"x": {Action: types.AttributeActionDelete}}}),
	updateStep("update nil binary value", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU,
		UpdateExpression: aws.String("SET b = :b"), ExpressionAttributeValues: values(":b", avB(nil))}),
	updateStep("update bad return values", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU, ReturnValues: "hi"}),
	updateStep("update bad on-failure", &dynamodb.UpdateItemInput{TableName: tableName, Key: keyU, ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailure("UPDATED_OLD")}),
	updateStep("update bad key", &dynamodb.UpdateItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avN("1")}}),
	updateStep("update nil key", &dynamodb.UpdateItemInput{TableName: tableName}),
	updateStep("update nil params", nil),
	updateStep("update empty table name", &dynamodb.UpdateItemInput{TableName: aws.String(""), Key: keyU, UpdateExpression: aws.String("")}),
	updateStep("update missing table", &dynamodb.UpdateItemInput{TableName: aws.String("nope"), Key: keyU}),
	getStep("get after updates", &dynamodb.GetItemInput{TableName: tableName, Key: keyU}),
	getStep("get after legacy updates", &dynamodb.GetItemInput{TableName: tableName, Key: keyLeg}),
}

// batchSteps are the parity steps of BatchWriteItem and BatchGetItem; they
// create and fill "scores" and "logs" for readSteps.
var batchSteps = []step{
	createStep("create scores", onDemand("scores", key("pk", types.ScalarAttributeTypeS), key("sk", types.ScalarAttributeTypeS))),
	createStep("create logs", onDemand("logs", key("pk", types.ScalarAttributeTypeB), key("sk", types.ScalarAttributeTypeN))),
	batchWriteStep("batch write two tables", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"scores": {scorePut("p", "a"), scorePut("p", "b"), scorePut("p", "c"), scorePut("p", "d"), scorePut("p", "e"), scorePut("p", "f"), scorePut("q", "a")},
		"users":  {userPut("b1"), userPut("b2"), {DeleteRequest: &types.DeleteRequest{Key: keyLeg}}},
	}, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	batchWriteStep("batch write numbers", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"logs": {logPut("10"), logPut("-5"), logPut("0.5"), logPut("2"), logPut("1e2")},
	}, ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes, ReturnItemCollectionMetrics: types.ReturnItemCollectionMetricsSize}),
	batchWriteStep("batch write duplicate keys", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"scores": {scorePut("p", "a"), {DeleteRequest: &types.DeleteRequest{Key: scoreKey("p", "a")}}},
	}}),
	batchWriteStep("batch write duplicate numbers", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"logs": {logPut("10"), logPut("1e1")}}}),
	batchWriteStep("batch write 26", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"users": userPuts(26)}}),
	batchWriteStep("batch write 26 over two tables", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"users": userPuts(20), "scores": {scorePut("r", "a"), scorePut("r", "b"), scorePut("r", "c"), scorePut("r", "d"), scorePut("r", "e"), scorePut("r", "f")},
	}}),
	batchWriteStep("batch write empty list", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"users": {}}}),
	batchWriteStep("batch write empty request items", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{}}),
	batchWriteStep("batch write nil request items", &dynamodb.BatchWriteItemInput{}),
	batchWriteStep("batch write nil params", nil),
	batchWriteStep("batch write put without item", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"users": {userPut("ok"), {PutRequest: &types.PutRequest{}}, {DeleteRequest: &types.DeleteRequest{}}},
	}}),
	batchWriteStep("batch write empty write request", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"users": {{}}}}),
	batchWriteStep("batch write missing table", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{"nope": {userPut("x")}, "users": {userPut("x")}}}),
	batchWriteStep("batch write key mismatch", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"users": {{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{"id": avN("1")}}}},
	}}),
	batchWriteStep("batch write nil binary", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"users": {{PutRequest: &types.PutRequest{Item: map[string]types.AttributeValue{"id": avS("nb"), "b": avB(nil)}}}},
	}}),
	faulty(batchWriteStep("batch write unprocessed", &dynamodb.BatchWriteItemInput{RequestItems: map[string][]types.WriteRequest{
		"users":  {userPut("w1"), userPut("w2"), {DeleteRequest: &types.DeleteRequest{Key: map[string]types.AttributeValue{"id": avS("b2")}}}, userPut("w3")},
		"scores": {scorePut("s", "a")},
	}, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}), ddbsim.Fault{Kind: ddbsim.Unprocessed, Operation: "BatchWriteItem", Table: "users"}),

	batchGetStep("batch get two tables over the cap", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
		"scores": {Keys: scoreKeys("p", "a", "b", "c", "zz", "d"), ConsistentRead: aws.Bool(true)},
		"users":  {Keys: userKeys("b1", "w1", "nobody"), ProjectionExpression: aws.String("#v"), ExpressionAttributeNames: map[string]string{"#v": "v"}},
	}, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	batchGetStep("batch get within the cap", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
		"scores": {Keys: scoreKeys("p", "e"), ProjectionExpression: aws.String("sk, v")},
		"users":  {Keys: userKeys("b1", "w1", "nobody"), ProjectionExpression: aws.String("v"), ConsistentRead: aws.Bool(false)},
	}, ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes}),
	batchGetStep("batch get all missing", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: userKeys("nobody")}}}),
	batchGetStep("batch get attributes to get", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: userKeys("b1"), AttributesToGet: []string{"id"}}}}),
	batchGetStep("batch get projection and attributes", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
		"users": {Keys: userKeys("b1"), AttributesToGet: []string{"id"}}, "scores": {Keys: scoreKeys("p", "a"), ProjectionExpression: aws.String("v")},
	}}),
	batchGetStep("batch get empty projection", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: userKeys("b1"), ProjectionExpression: aws.String("")}}}),
	batchGetStep("batch get duplicate keys", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: userKeys("b1", "b1")}}}),
	batchGetStep("batch get number spellings", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"logs": {Keys: []map[string]types.AttributeValue{
		{"pk": avB([]byte{1}), "sk": avN("10")}, {"pk": avB([]byte{1}), "sk": avN("1e1")},
	}}}}),
	batchGetStep("batch get 101 keys", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: userKeys(strings.Split(strings.Repeat("k,", 100)+"k", ",")...)}}}),
	batchGetStep("batch get 101 keys over two tables", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
		"users": {Keys: userKeys(ids(60)...)}, "scores": {Keys: scoreKeys("p", ids(41)...)},
	}}),
	batchGetStep("batch get empty keys", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: []map[string]types.AttributeValue{}}}}),
	batchGetStep("batch get nil keys", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {}}}),
	batchGetStep("batch get empty request items", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{}}),
	batchGetStep("batch get nil request items", &dynamodb.BatchGetItemInput{}),
	batchGetStep("batch get nil params", nil),
	batchGetStep("batch get missing table", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"nope": {Keys: userKeys("b1")}, "users": {Keys: userKeys("b1")}}}),
	batchGetStep("batch get key mismatch", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"scores": {Keys: userKeys("b1")}}}),
	batchGetStep("batch get nil binary key", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"logs": {Keys: []map[string]types.AttributeValue{
		{"pk": avB(nil), "sk": avN("1")},
	}}}}),
	faulty(batchGetStep("batch get unprocessed", &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{
		"users": {Keys: userKeys("b1", "w1", "w2", "nobody"), AttributesToGet: []string{"v"}, ConsistentRead: aws.Bool(true)},
	}}), ddbsim.Fault{Kind: ddbsim.Unprocessed, Operation: "BatchGetItem"}),
}

// ids are n distinct sort key or id values.
func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "k" + strconv.Itoa(i)
	}
	return out
}

// readSteps are the parity steps of Query and Scan, on the items
// batchSteps wrote.
var readSteps = []step{
	queryStep("query partition", queryP(dynamodb.QueryInput{ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})),
	queryStep("query first page", queryP(dynamodb.QueryInput{Limit: aws.Int32(2)})),
	queryStep("query next page", queryP(dynamodb.QueryInput{Limit: aws.Int32(2), ExclusiveStartKey: scoreKey("p", "b")})),
	queryStep("query descending between", queryP(dynamodb.QueryInput{KeyConditionExpression: aws.String("pk = :p AND sk BETWEEN :b AND :e"),
		ExpressionAttributeValues: values(":b", avS("b"), ":e", avS("e")), ScanIndexForward: aws.Bool(false)})),
	queryStep("query begins_with", queryP(dynamodb.QueryInput{KeyConditionExpression: aws.String("#k = :p AND begins_with(#s, :a)"),
		ExpressionAttributeNames: map[string]string{"#k": "pk", "#s": "sk"}, ExpressionAttributeValues: values(":a", avS("a"))})),
	queryStep("query filter empties a page", queryP(dynamodb.QueryInput{FilterExpression: aws.String("v > :four"),
		ExpressionAttributeValues: values(":four", avN("4")), Limit: aws.Int32(3)})),
	queryStep("query count", queryP(dynamodb.QueryInput{Select: types.SelectCount, FilterExpression: aws.String("v > :four"),
		ExpressionAttributeValues: values(":four", avN("4"))})),
	queryStep("query projection", queryP(dynamodb.QueryInput{ProjectionExpression: aws.String("sk, v"), Select: types.SelectSpecificAttributes,
		ConsistentRead: aws.Bool(true), ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes})),
	queryStep("query specific attributes without projection", queryP(dynamodb.QueryInput{Select: types.SelectSpecificAttributes})),
	queryStep("query bad select", queryP(dynamodb.QueryInput{Select: "EVERYTHING"})),
	queryStep("query numbers in order", &dynamodb.QueryInput{TableName: logs, KeyConditionExpression: aws.String("pk = :p"),
		ExpressionAttributeValues: values(":p", avB([]byte{1})), ScanIndexForward: aws.Bool(true)}),
	queryStep("query legacy", &dynamodb.QueryInput{TableName: scores,
		KeyConditions: map[string]types.Condition{
			"pk": {ComparisonOperator: types.ComparisonOperatorEq, AttributeValueList: []types.AttributeValue{avS("p")}},
			"sk": {ComparisonOperator: types.ComparisonOperatorGe, AttributeValueList: []types.AttributeValue{avS("c")}},
		},
		QueryFilter: map[string]types.Condition{
			"v":   {ComparisonOperator: types.ComparisonOperatorLt, AttributeValueList: []types.AttributeValue{avN("6")}},
			"pad": {ComparisonOperator: types.ComparisonOperatorNotNull},
		},
		ConditionalOperator: types.ConditionalOperatorAnd, AttributesToGet: []string{"sk", "v"}, Limit: aws.Int32(3)}),
	queryStep("query legacy without operator", &dynamodb.QueryInput{TableName: scores, KeyConditions: map[string]types.Condition{"pk": {}},
		QueryFilter: map[string]types.Condition{"v": {AttributeValueList: []types.AttributeValue{}}}}),
	queryStep("query legacy and expression", queryP(dynamodb.QueryInput{KeyConditions: map[string]types.Condition{
		"pk": {ComparisonOperator: types.ComparisonOperatorEq, AttributeValueList: []types.AttributeValue{avS("p")}},
	}})),
	queryStep("query without key condition", &dynamodb.QueryInput{TableName: scores}),
	queryStep("query empty expressions", &dynamodb.QueryInput{TableName: scores, KeyConditionExpression: aws.String(""), FilterExpression: aws.String(""), ProjectionExpression: aws.String("")}),
	queryStep("query empty filter", queryP(dynamodb.QueryInput{FilterExpression: aws.String(""), ProjectionExpression: aws.String("")})),
	queryStep("query filter on key", queryP(dynamodb.QueryInput{FilterExpression: aws.String("sk > :a"), ExpressionAttributeValues: values(":a", avS("a"))})),
	queryStep("query limit 0", queryP(dynamodb.QueryInput{Limit: aws.Int32(0)})),
	queryStep("query index", queryP(dynamodb.QueryInput{IndexName: aws.String("byV")})),
	queryStep("query start key outside", queryP(dynamodb.QueryInput{ExclusiveStartKey: scoreKey("q", "a")})),
	queryStep("query start key without sort key", queryP(dynamodb.QueryInput{ExclusiveStartKey: map[string]types.AttributeValue{"pk": avS("p")}})),
	queryStep("query nil binary value", &dynamodb.QueryInput{TableName: logs, KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: values(":p", avB(nil))}),
	queryStep("query missing table", &dynamodb.QueryInput{TableName: aws.String("nope"), KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: values(":p", avS("p"))}),
	queryStep("query empty table name", &dynamodb.QueryInput{TableName: aws.String(""), KeyConditionExpression: aws.String("")}),
	queryStep("query nil params", nil),

	scanStep("scan table", &dynamodb.ScanInput{TableName: scores, ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal}),
	scanStep("scan first page", &dynamodb.ScanInput{TableName: scores, Limit: aws.Int32(3)}),
	scanStep("scan next page", &dynamodb.ScanInput{TableName: scores, Limit: aws.Int32(3), ExclusiveStartKey: scoreKey("p", "c")}),
	scanStep("scan segment 0 of 2", &dynamodb.ScanInput{TableName: scores, Segment: aws.Int32(0), TotalSegments: aws.Int32(2)}),
	scanStep("scan segment 1 of 2", &dynamodb.ScanInput{TableName: scores, Segment: aws.Int32(1), TotalSegments: aws.Int32(2), ConsistentRead: aws.Bool(true)}),
	scanStep("scan count with filter", &dynamodb.ScanInput{TableName: scores, Select: types.SelectCount, FilterExpression: aws.String("v >= :x AND pk = :p"),
		ExpressionAttributeValues: values(":x", avN("3"), ":p", avS("p"))}),
	scanStep("scan projection", &dynamodb.ScanInput{TableName: tableName, ProjectionExpression: aws.String("#v"), ExpressionAttributeNames: map[string]string{"#v": "v"},
		ConsistentRead: aws.Bool(true), ReturnConsumedCapacity: types.ReturnConsumedCapacityIndexes}),
	scanStep("scan legacy", &dynamodb.ScanInput{TableName: scores,
		ScanFilter: map[string]types.Condition{
			"v":  {ComparisonOperator: types.ComparisonOperatorBetween, AttributeValueList: []types.AttributeValue{avN("2"), avN("4")}},
			"pk": {ComparisonOperator: types.ComparisonOperatorEq, AttributeValueList: []types.AttributeValue{avS("q")}},
		},
		ConditionalOperator: types.ConditionalOperatorOr, AttributesToGet: []string{"pk", "sk"}}),
	scanStep("scan legacy without operator", &dynamodb.ScanInput{TableName: scores, ScanFilter: map[string]types.Condition{"v": {}}}),
	scanStep("scan legacy bad operand count", &dynamodb.ScanInput{TableName: scores, ScanFilter: map[string]types.Condition{
		"v": {ComparisonOperator: types.ComparisonOperatorBetween, AttributeValueList: []types.AttributeValue{avN("2")}},
	}}),
	scanStep("scan segment without total", &dynamodb.ScanInput{TableName: scores, Segment: aws.Int32(0)}),
	scanStep("scan total without segment", &dynamodb.ScanInput{TableName: scores, TotalSegments: aws.Int32(2)}),
	scanStep("scan segment past total", &dynamodb.ScanInput{TableName: scores, Segment: aws.Int32(5), TotalSegments: aws.Int32(5)}),
	scanStep("scan start key of another segment", &dynamodb.ScanInput{TableName: scores, Segment: aws.Int32(0), TotalSegments: aws.Int32(1_000_000), ExclusiveStartKey: scoreKey("p", "a")}),
	scanStep("scan empty expressions", &dynamodb.ScanInput{TableName: scores, FilterExpression: aws.String(""), ProjectionExpression: aws.String("")}),
	scanStep("scan limit 0", &dynamodb.ScanInput{TableName: scores, Limit: aws.Int32(0)}),
	scanStep("scan missing table", &dynamodb.ScanInput{TableName: aws.String("nope")}),
	scanStep("scan empty table name", &dynamodb.ScanInput{TableName: aws.String("")}),
	scanStep("scan nil params", nil),
}
