package ddbaws

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// DynamoDB's messages for a ConditionalOperator without two conditions.
const (
	msgCondOpWithout = "ConditionalOperator cannot be used without Filter or Expected"
	msgCondOpOne     = "ConditionalOperator can only be used when Filter or Expected has two or more elements"
)

// requireValidation checks that err is DynamoDB's ValidationException
// with the message msg.
func requireValidation(t *testing.T, err error, msg string) {
	t.Helper()
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "ValidationException", apiErr.ErrorCode())
	assert.Equal(t, msg, apiErr.ErrorMessage())
}

// eq is a legacy EQ condition on v.
func eq(v types.AttributeValue) types.Condition {
	return types.Condition{ComparisonOperator: types.ComparisonOperatorEq, AttributeValueList: []types.AttributeValue{v}}
}

// fidelitySteps are the parity steps of issue 22's legacy parameters and
// name checks, on the table "users".
var fidelitySteps = []step{
	updateStep("fidelity empty AttributeUpdates", &dynamodb.UpdateItemInput{TableName: tableName, Key: map[string]types.AttributeValue{"id": avS("f1")},
		AttributeUpdates: map[string]types.AttributeValueUpdate{}, ReturnValues: types.ReturnValueAllNew}),
	putStep("fidelity NOT_CONTAINS absent", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("f1")},
		Expected: map[string]types.ExpectedAttributeValue{"tags": {ComparisonOperator: types.ComparisonOperatorNotContains, AttributeValueList: []types.AttributeValue{avS("x")}}}}),
	scanStep("fidelity ConditionalOperator alone", &dynamodb.ScanInput{TableName: tableName, ConditionalOperator: types.ConditionalOperatorAnd}),
	scanStep("fidelity ConditionalOperator one filter", &dynamodb.ScanInput{TableName: tableName, ConditionalOperator: types.ConditionalOperatorOr,
		ScanFilter: map[string]types.Condition{"id": eq(avS("f1"))}}),
	putStep("fidelity EQ list", &dynamodb.PutItemInput{TableName: tableName, Item: map[string]types.AttributeValue{"id": avS("f1")},
		Expected: map[string]types.ExpectedAttributeValue{"l": {ComparisonOperator: types.ComparisonOperatorEq, AttributeValueList: []types.AttributeValue{avL(avNull)}}}}),
	getStep("fidelity short table name", &dynamodb.GetItemInput{TableName: aws.String("ab"), Key: keyA}),
	getStep("fidelity empty name", &dynamodb.GetItemInput{TableName: tableName, Key: keyA, ProjectionExpression: aws.String("#a"),
		ExpressionAttributeNames: map[string]string{"#a": ""}}),
	getStep("fidelity empty AttributesToGet name", &dynamodb.GetItemInput{TableName: tableName, Key: keyA, AttributesToGet: []string{""}}),
}

func TestFidelity_EmptyAttributeUpdates_CreatesTheKeyOnlyItem(t *testing.T) {
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			mustCreate(t, c, onDemand("users", key("id", types.ScalarAttributeTypeS)))
			k := map[string]types.AttributeValue{"id": avS("k")}
			out, err := c.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String("users"), Key: k,
				AttributeUpdates: map[string]types.AttributeValueUpdate{}, ReturnValues: types.ReturnValueAllNew})
			require.NoError(t, err)
			assert.Equal(t, k, out.Attributes)
			got, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: k})
			require.NoError(t, err)
			assert.Equal(t, k, got.Item)

			// A DELETE alone still creates nothing.
			k2 := map[string]types.AttributeValue{"id": avS("k2")}
			_, err = c.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String("users"), Key: k2,
				AttributeUpdates: map[string]types.AttributeValueUpdate{"a": {Action: types.AttributeActionDelete}}})
			require.NoError(t, err)
			got, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: k2})
			require.NoError(t, err)
			assert.Nil(t, got.Item)
		})
	}
}

func TestFidelity_NotContains_FailsOnAnAbsentAttribute(t *testing.T) {
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			mustCreate(t, c, onDemand("users", key("id", types.ScalarAttributeTypeS)))
			mustPut(t, c, "users", map[string]types.AttributeValue{"id": avS("a")})
			mustPut(t, c, "users", map[string]types.AttributeValue{"id": avS("b"), "tags": avSS("y")})
			notX := []types.AttributeValue{avS("x")}
			_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"), Item: map[string]types.AttributeValue{"id": avS("a"), "v": avN("1")},
				Expected: map[string]types.ExpectedAttributeValue{"tags": {ComparisonOperator: types.ComparisonOperatorNotContains, AttributeValueList: notX}}})
			var ccf *types.ConditionalCheckFailedException
			require.ErrorAs(t, err, &ccf)
			got, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}})
			require.NoError(t, err)
			assert.Equal(t, map[string]types.AttributeValue{"id": avS("a")}, got.Item, "nothing changed")

			out, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("users"),
				ScanFilter: map[string]types.Condition{"tags": {ComparisonOperator: types.ComparisonOperatorNotContains, AttributeValueList: notX}}})
			require.NoError(t, err)
			require.Len(t, out.Items, 1)
			assert.Equal(t, avS("b"), out.Items[0]["id"])
		})
	}
}

func TestFidelity_ConditionalOperator_NeedsTwoConditions(t *testing.T) {
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			mustCreate(t, c, onDemand("scores", key("pk", types.ScalarAttributeTypeS), key("sk", types.ScalarAttributeTypeS)))
			users, and := aws.String("scores"), types.ConditionalOperatorAnd
			one := map[string]types.Condition{"a": eq(avS("x"))}
			two := map[string]types.Condition{"a": eq(avS("x")), "b": eq(avS("y"))}
			keyCond := map[string]types.Condition{"pk": eq(avS("p"))}
			item := map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("s")}
			cases := []struct {
				name string
				call func() error
				msg  string
			}{
				{"scan without filter", func() error {
					_, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: users, ConditionalOperator: and})
					return err
				}, msgCondOpWithout},
				{"scan empty filter", func() error {
					_, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: users, ConditionalOperator: and, ScanFilter: map[string]types.Condition{}})
					return err
				}, msgCondOpWithout},
				{"scan one condition", func() error {
					_, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: users, ConditionalOperator: and, ScanFilter: one})
					return err
				}, msgCondOpOne},
				{"query without filter", func() error {
					_, err := c.Query(ctx, &dynamodb.QueryInput{TableName: users, ConditionalOperator: and, KeyConditions: keyCond})
					return err
				}, msgCondOpWithout},
				{"query empty filter", func() error {
					_, err := c.Query(ctx, &dynamodb.QueryInput{TableName: users, ConditionalOperator: and, KeyConditions: keyCond, QueryFilter: map[string]types.Condition{}})
					return err
				}, msgCondOpWithout},
				{"put without expected", func() error {
					_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: users, Item: item, ConditionalOperator: and})
					return err
				}, msgCondOpWithout},
				{"put empty expected", func() error {
					_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: users, Item: item, ConditionalOperator: and, Expected: map[string]types.ExpectedAttributeValue{}})
					return err
				}, msgCondOpWithout},
				{"update without expected", func() error {
					_, err := c.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: users, Key: item, ConditionalOperator: and,
						AttributeUpdates: map[string]types.AttributeValueUpdate{"a": {Value: avS("v")}}})
					return err
				}, msgCondOpWithout},
				{"delete one expected", func() error {
					_, err := c.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: users, Key: item, ConditionalOperator: and,
						Expected: map[string]types.ExpectedAttributeValue{"a": {Exists: aws.Bool(false)}}})
					return err
				}, msgCondOpOne},
			}
			for _, tc := range cases {
				requireValidation(t, tc.call(), tc.msg)
			}
			out, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: users})
			require.NoError(t, err)
			assert.Empty(t, out.Items, "nothing was written")

			_, err = c.Scan(ctx, &dynamodb.ScanInput{TableName: users, ConditionalOperator: types.ConditionalOperatorOr, ScanFilter: two})
			require.NoError(t, err, "two conditions may be joined")
		})
	}
}

func TestFidelity_EqAndNe_TakeEveryType(t *testing.T) {
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			mustCreate(t, c, onDemand("scores", key("pk", types.ScalarAttributeTypeS), key("sk", types.ScalarAttributeTypeS)))
			vals := map[string]types.AttributeValue{
				"l": avL(avS("x"), avN("1")), "m": avM(map[string]types.AttributeValue{"k": avBool(true)}), "bool": avBool(false), "null": avNull,
			}
			item := map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("1")}
			for k, v := range vals {
				item[k] = v
			}
			mustPut(t, c, "scores", item)
			mustPut(t, c, "scores", map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("2"), "bool": avBool(true)})
			for attr, v := range vals {
				_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("scores"), Item: item,
					Expected: map[string]types.ExpectedAttributeValue{attr: {ComparisonOperator: types.ComparisonOperatorEq, AttributeValueList: []types.AttributeValue{v}}}})
				require.NoError(t, err, "Expected EQ on %s", attr)
				_, err = c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("scores"), Item: item,
					Expected: map[string]types.ExpectedAttributeValue{attr: {ComparisonOperator: types.ComparisonOperatorNe, AttributeValueList: []types.AttributeValue{v}}}})
				var ccf *types.ConditionalCheckFailedException
				require.ErrorAs(t, err, &ccf, "Expected NE on %s", attr)

				q, err := c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("scores"), KeyConditions: map[string]types.Condition{"pk": eq(avS("p"))},
					QueryFilter: map[string]types.Condition{attr: eq(v)}})
				require.NoError(t, err, "QueryFilter EQ on %s", attr)
				assert.Equal(t, int32(1), q.Count, attr)
				s, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("scores"),
					ScanFilter: map[string]types.Condition{attr: {ComparisonOperator: types.ComparisonOperatorNe, AttributeValueList: []types.AttributeValue{v}}}})
				require.NoError(t, err, "ScanFilter NE on %s", attr)
				require.Len(t, s.Items, 1, attr)
				assert.Equal(t, avS("2"), s.Items[0]["sk"], attr)
			}
		})
	}
}

func TestFidelity_TableNames_AreCheckedBeforeTheLookup(t *testing.T) {
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			mustCreate(t, c, onDemand("users", key("id", types.ScalarAttributeTypeS)))
			_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("ab"), Item: keyA})
			requireValidation(t, err,
				"1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3")
			_, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("a#b"), Key: keyA})
			requireValidation(t, err,
				"1 validation error detected: Value 'a#b' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
			_, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(strings.Repeat("t", 256)), Key: keyA})
			requireValidation(t, err, "1 validation error detected: Value '"+strings.Repeat("t", 256)+
				"' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255")
			_, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("abc"), Key: keyA})
			var rnf *types.ResourceNotFoundException
			require.ErrorAs(t, err, &rnf, "a well-formed name of no table")
			_, err = c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("arn:aws:dynamodb:us-east-1:000000000000:table/users"), Item: keyA})
			require.NoError(t, err, "an ARN names the table")
		})
	}
}

func TestFidelity_AttributeNames_AreCheckedWhereverGiven(t *testing.T) {
	long := strings.Repeat("n", 65536)
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			mustCreate(t, c, onDemand("users", key("id", types.ScalarAttributeTypeS)))
			mustPut(t, c, "users", map[string]types.AttributeValue{"id": avS("a"), "v": avN("1")})
			users := aws.String("users")
			cases := []struct {
				name string
				call func() error
				msg  string
			}{
				{"projection name empty", func() error {
					_, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: users, Key: keyA, ProjectionExpression: aws.String("#a"), ExpressionAttributeNames: map[string]string{"#a": ""}})
					return err
				}, "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a"},
				{"condition name too long", func() error {
					_, err := c.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: users, Key: keyA, ConditionExpression: aws.String("attribute_exists(#a)"),
						ExpressionAttributeNames: map[string]string{"#a": long}})
					return err
				}, "ExpressionAttributeNames contains invalid value: Attribute name exceeds the maximum length of 65535 bytes for key #a"},
				{"filter name empty", func() error {
					_, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: users, FilterExpression: aws.String("attribute_exists(#b)"), ExpressionAttributeNames: map[string]string{"#b": ""}})
					return err
				}, "ExpressionAttributeNames contains invalid value: Empty attribute name for key #b"},
				{"AttributesToGet empty", func() error {
					_, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: users, Key: keyA, AttributesToGet: []string{"v", ""}})
					return err
				}, "One or more parameter values were invalid: Empty attribute name"},
				{"AttributesToGet too long", func() error {
					_, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: users, AttributesToGet: []string{long}})
					return err
				}, "One or more parameter values were invalid: Attribute name exceeds the maximum length of 65535 bytes"},
				{"Expected empty", func() error {
					_, err := c.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: users, Key: keyA, Expected: map[string]types.ExpectedAttributeValue{"": {Exists: aws.Bool(false)}}})
					return err
				}, "One or more parameter values were invalid: Empty attribute name"},
				{"ScanFilter too long", func() error {
					_, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: users, ScanFilter: map[string]types.Condition{long: {ComparisonOperator: types.ComparisonOperatorNull}}})
					return err
				}, "One or more parameter values were invalid: Attribute name exceeds the maximum length of 65535 bytes"},
				{"AttributeUpdates empty", func() error {
					_, err := c.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: users, Key: keyA, AttributeUpdates: map[string]types.AttributeValueUpdate{"": {Value: avS("x")}}})
					return err
				}, "One or more parameter values were invalid: Empty attribute name"},
			}
			for _, tc := range cases {
				requireValidation(t, tc.call(), tc.msg)
			}
			got, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: users, Key: keyA})
			require.NoError(t, err)
			assert.Equal(t, map[string]types.AttributeValue{"id": avS("a"), "v": avN("1")}, got.Item, "nothing changed")
		})
	}
}

func TestFidelity_DeleteTable_DescribesADeletingTable(t *testing.T) {
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			mustCreate(t, c, onDemand("users", key("id", types.ScalarAttributeTypeS)))
			mustPut(t, c, "users", keyA)
			d, err := c.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("users")})
			require.NoError(t, err)
			out, err := c.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String("users")})
			require.NoError(t, err)
			got := out.TableDescription
			assert.Equal(t, types.TableStatusDeleting, got.TableStatus)
			assert.Nil(t, got.CreationDateTime)
			assert.Nil(t, got.KeySchema)
			assert.Nil(t, got.AttributeDefinitions)
			assert.Equal(t, d.Table.TableName, got.TableName)
			assert.Equal(t, d.Table.TableArn, got.TableArn)
			assert.Equal(t, d.Table.TableId, got.TableId)
			assert.Equal(t, aws.Int64(1), got.ItemCount)
			assert.Equal(t, d.Table.ProvisionedThroughput, got.ProvisionedThroughput)
			assert.Equal(t, d.Table.BillingModeSummary, got.BillingModeSummary)
		})
	}
}

func TestFidelity_QueryAndScanCapacity_OfSmallItems(t *testing.T) {
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			mustCreate(t, c, onDemand("scores", key("pk", types.ScalarAttributeTypeS), key("sk", types.ScalarAttributeTypeS)))
			// Ten items of 2+1+2+2 = 7 bytes each ("pk" "p" "sk" "0n"):
			// 70 bytes read, one started 4 KB.
			for i := range 10 {
				mustPut(t, c, "scores", map[string]types.AttributeValue{"pk": avS("p"), "sk": avS(string(rune('0'+i)) + "x")})
			}
			units := func(consistent bool, scan bool) float64 {
				t.Helper()
				var cc *types.ConsumedCapacity
				if scan {
					out, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("scores"), ConsistentRead: aws.Bool(consistent),
						ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
					require.NoError(t, err)
					cc = out.ConsumedCapacity
				} else {
					out, err := c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("scores"), ConsistentRead: aws.Bool(consistent),
						KeyConditionExpression: aws.String("pk = :p"), ExpressionAttributeValues: values(":p", avS("p")),
						ReturnConsumedCapacity: types.ReturnConsumedCapacityTotal})
					require.NoError(t, err)
					cc = out.ConsumedCapacity
				}
				require.NotNil(t, cc)
				return *cc.CapacityUnits
			}
			for _, scan := range []bool{false, true} {
				assert.Equal(t, 1.0, units(true, scan), "consistent, scan %v: 70 bytes round up to one 4 KB", scan)
				assert.Equal(t, 0.5, units(false, scan), "eventual, scan %v: half of one", scan)
			}
			// A 4,020-byte item takes the total to 4,090 bytes, still one
			// unit; 7 more bytes start a second 4 KB.
			mustPut(t, c, "scores", map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("zz"), "f": avS(strings.Repeat("f", 4020-2-2-1-2-1))})
			for _, scan := range []bool{false, true} {
				assert.Equal(t, 1.0, units(true, scan), "consistent, scan %v: 4,090 bytes", scan)
				assert.Equal(t, 0.5, units(false, scan), "eventual, scan %v: 4,090 bytes", scan)
			}
			mustPut(t, c, "scores", map[string]types.AttributeValue{"pk": avS("p"), "sk": avS("zy")})
			for _, scan := range []bool{false, true} {
				assert.Equal(t, 2.0, units(true, scan), "consistent, scan %v: 4,097 bytes start a second 4 KB", scan)
				assert.Equal(t, 1.0, units(false, scan), "eventual, scan %v: half of two", scan)
			}
		})
	}
}

// TestFidelity_Wording_CurrentWhereKnownClassicByDefault checks the
// wordings through the SDK; the SDK refuses a request without a required
// member itself, so the native API's tests (TestWording_*) check those.
func TestFidelity_Wording_CurrentWhereKnownClassicByDefault(t *testing.T) {
	ctx := context.Background()
	over := make([]map[string]types.AttributeValue, 101)
	for i := range over {
		over[i] = map[string]types.AttributeValue{"id": avS(strings.Repeat("k", i+1))}
	}
	cases := []struct {
		name             string
		call             func(c operations) error
		classic, current string
	}{
		{"query limit", func(c operations) error {
			_, err := c.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("users"), Limit: aws.Int32(0),
				KeyConditionExpression: aws.String("id = :v"), ExpressionAttributeValues: values(":v", avS("a"))})
			return err
		}, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
			"1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"scan limit: no newer form known", func(c operations) error {
			_, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("users"), Limit: aws.Int32(0)})
			return err
		}, "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
			"1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"batch get over 100 keys", func(c operations) error {
			_, err := c.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{"users": {Keys: over}}})
			return err
		}, "", "1 validation error detected: Value at 'RequestItems.users.member.Keys' failed to satisfy constraint: Member must have length less than or equal to 100"},
		{"batch get with empty RequestItems", func(c operations) error {
			_, err := c.BatchGetItem(ctx, &dynamodb.BatchGetItemInput{RequestItems: map[string]types.KeysAndAttributes{}})
			return err
		}, "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
			"1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"transact get without items", func(c operations) error {
			_, err := c.TransactGetItems(ctx, &dynamodb.TransactGetItemsInput{TransactItems: []types.TransactGetItem{}})
			return err
		}, "1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
			"1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must have length greater than or equal to 1"},
	}
	for _, wording := range []ddbsim.Wording{"", ddbsim.WordingClassic, ddbsim.WordingCurrent} {
		newDB := func() *ddbsim.DB { return ddbsim.New(&ddbsim.Options{Wording: wording}) }
		for name, c := range map[string]operations{"NewClient": NewClient(newDB()), "NewAPI": NewAPI(newDB())} {
			mustCreate(t, c, onDemand("users", key("id", types.ScalarAttributeTypeS)))
			for _, tc := range cases {
				want := tc.classic
				if wording == ddbsim.WordingCurrent {
					want = tc.current
				}
				err := tc.call(c)
				if want == "" { // the classic echo of 101 keys is long: check its start
					var apiErr smithy.APIError
					require.ErrorAs(t, err, &apiErr)
					assert.True(t, strings.HasPrefix(apiErr.ErrorMessage(), "1 validation error detected: Value '[{id="), "%s %s %q", name, tc.name, wording)
					continue
				}
				requireValidation(t, err, want)
			}
		}
	}
}
