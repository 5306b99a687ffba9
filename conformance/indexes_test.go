package conformance

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A GSI serves a Query once it has the items, sorted by its sort key
// (numbers numerically), sparse, and refuses ConsistentRead. GSIs are
// eventually consistent everywhere: the test polls until the index has
// caught up.
func TestIndexes_GSIQuery(t *testing.T) {
	t.Parallel()
	c, ctx := client(t), context.Background()
	table := uniqueName(t)
	in := onDemand(table, keyAttr("pk", types.ScalarAttributeTypeS))
	in.AttributeDefinitions = append(in.AttributeDefinitions, keyAttr("g", types.ScalarAttributeTypeS), keyAttr("n", types.ScalarAttributeTypeN))
	in.GlobalSecondaryIndexes = []types.GlobalSecondaryIndex{{IndexName: aws.String("byG"),
		KeySchema:  []types.KeySchemaElement{{AttributeName: aws.String("g"), KeyType: types.KeyTypeHash}, {AttributeName: aws.String("n"), KeyType: types.KeyTypeRange}},
		Projection: &types.Projection{ProjectionType: types.ProjectionTypeKeysOnly}}}
	createTableFrom(t, in)
	for pk, num := range map[string]string{"a": "10", "b": "9", "c": "-1"} {
		_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item{"pk": s(pk), "g": s("x"), "n": n(num), "other": s("o")}})
		require.NoError(t, err)
	}
	_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item{"pk": s("d"), "other": s("not indexed")}})
	require.NoError(t, err)

	query := &dynamodb.QueryInput{TableName: aws.String(table), IndexName: aws.String("byG"),
		KeyConditionExpression: aws.String("g = :g"), ExpressionAttributeValues: item{":g": s("x")}}
	var got []item
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		out, err := c.Query(ctx, query)
		require.NoError(t, err)
		if got = out.Items; len(got) == 3 {
			break
		}
	}
	require.Len(t, got, 3)
	assert.Equal(t, []item{{"pk": s("c"), "g": s("x"), "n": n("-1")}, {"pk": s("b"), "g": s("x"), "n": n("9")}, {"pk": s("a"), "g": s("x"), "n": n("10")}}, got,
		"KEYS_ONLY, in numeric order of n")

	query.ConsistentRead = aws.Bool(true)
	_, err = c.Query(ctx, query)
	requireValidation(t, err, "Consistent reads are not supported on global secondary indexes")

	_, err = c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item{"pk": s("e"), "g": n("1")}})
	requireValidation(t, err, "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: byG")
}
