package conformance

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConditions_PutIfAbsent checks the idempotent create (ddb-facts §6):
// a failed condition writes nothing and, with
// ReturnValuesOnConditionCheckFailure ALL_OLD, returns the stored item.
func TestConditions_PutIfAbsent(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	create := func(v string, onFailure types.ReturnValuesOnConditionCheckFailure) error {
		_, err := c.PutItem(ctx, &dynamodb.PutItemInput{
			TableName:                           aws.String(table),
			Item:                                item{"id": s("a"), "v": s(v)},
			ConditionExpression:                 aws.String("attribute_not_exists(id)"),
			ReturnValuesOnConditionCheckFailure: onFailure,
		})
		return err
	}
	require.NoError(t, create("first", ""))

	var ccf *types.ConditionalCheckFailedException
	require.ErrorAs(t, create("second", types.ReturnValuesOnConditionCheckFailureAllOld), &ccf)
	assert.Equal(t, "The conditional request failed", ccf.ErrorMessage())
	assert.Equal(t, item{"id": s("a"), "v": s("first")}, ccf.Item)

	require.ErrorAs(t, create("third", types.ReturnValuesOnConditionCheckFailureNone), &ccf)
	assert.Nil(t, ccf.Item)
	assert.Equal(t, item{"id": s("a"), "v": s("first")}, get(t, table, item{"id": s("a")}))
}

// TestConditions_MissingItemHasNoAttributes checks that a condition on a
// missing item sees every attribute absent, and that the failure carries
// no item even with ALL_OLD.
func TestConditions_MissingItemHasNoAttributes(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	_, err := c.DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName:                           aws.String(table),
		Key:                                 item{"id": s("nobody")},
		ConditionExpression:                 aws.String("attribute_exists(id)"),
		ReturnValuesOnConditionCheckFailure: types.ReturnValuesOnConditionCheckFailureAllOld,
	})
	var ccf *types.ConditionalCheckFailedException
	require.ErrorAs(t, err, &ccf)
	assert.Nil(t, ccf.Item)

	_, err = c.PutItem(ctx, &dynamodb.PutItemInput{
		TableName:                 aws.String(table),
		Item:                      item{"id": s("nobody")},
		ConditionExpression:       aws.String("attribute_not_exists(v) AND NOT v = :x"),
		ExpressionAttributeValues: item{":x": n("1")},
	})
	require.NoError(t, err)
}

// TestConditions_GuardAnUpdateOfAValue checks a compare-and-set on a
// number, compared by value.
func TestConditions_GuardAnUpdateOfAValue(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	put(t, table, item{"id": s("a"), "price": n("20")})
	swap := func(from, to string) error {
		_, err := c.PutItem(ctx, &dynamodb.PutItemInput{
			TableName:                 aws.String(table),
			Item:                      item{"id": s("a"), "price": n(to)},
			ConditionExpression:       aws.String("#p = :from"),
			ExpressionAttributeNames:  map[string]string{"#p": "price"},
			ExpressionAttributeValues: item{":from": n(from)},
		})
		return err
	}
	require.NoError(t, swap("20.0", "23"))
	var ccf *types.ConditionalCheckFailedException
	require.ErrorAs(t, swap("20", "26"), &ccf, "a retried swap fails instead of applying twice")
	assert.Equal(t, item{"id": s("a"), "price": n("23")}, get(t, table, item{"id": s("a")}))
}
