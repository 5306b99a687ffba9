package conformance

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireUnits requires c to report units on table, with the table's
// share broken out when asked for INDEXES (and no index on these tables).
func requireUnits(t *testing.T, c *types.ConsumedCapacity, mode types.ReturnConsumedCapacity, table string, units float64) {
	t.Helper()
	require.NotNil(t, c)
	assert.Equal(t, table, aws.ToString(c.TableName))
	assert.Equal(t, units, aws.ToFloat64(c.CapacityUnits))
	if mode == types.ReturnConsumedCapacityIndexes {
		require.NotNil(t, c.Table)
		assert.Equal(t, units, aws.ToFloat64(c.Table.CapacityUnits))
	} else {
		assert.Nil(t, c.Table)
	}
	assert.Nil(t, c.GlobalSecondaryIndexes)
	assert.Nil(t, c.LocalSecondaryIndexes)
}

// TestCapacity_Units checks DynamoDB's capacity accounting (ddb-facts
// §12): writes cost a unit a started KB of the larger of the old and new
// item, reads a unit a started 4 KB, halved when eventually consistent, a
// miss the minimum.
func TestCapacity_Units(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	// 2 + 3 + 4 + 5000 = 5009 bytes: 5 write units, 2 read units.
	big := item{"id": s("big"), "data": s(strings.Repeat("x", 5000))}
	small := item{"id": s("big")}

	for _, mode := range []types.ReturnConsumedCapacity{types.ReturnConsumedCapacityTotal, types.ReturnConsumedCapacityIndexes} {
		t.Run(string(mode), func(t *testing.T) {
			putUnits := func(it item) *types.ConsumedCapacity {
				out, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: it, ReturnConsumedCapacity: mode})
				require.NoError(t, err)
				return out.ConsumedCapacity
			}
			getUnits := func(consistent bool) *types.ConsumedCapacity {
				out, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: item{"id": s("big")}, ConsistentRead: aws.Bool(consistent), ReturnConsumedCapacity: mode})
				require.NoError(t, err)
				return out.ConsumedCapacity
			}
			deleteUnits := func() *types.ConsumedCapacity {
				out, err := c.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String(table), Key: item{"id": s("big")}, ReturnConsumedCapacity: mode})
				require.NoError(t, err)
				return out.ConsumedCapacity
			}

			requireUnits(t, getUnits(true), mode, table, 1)
			requireUnits(t, getUnits(false), mode, table, 0.5)
			requireUnits(t, putUnits(small), mode, table, 1)
			requireUnits(t, putUnits(big), mode, table, 5)
			requireUnits(t, getUnits(true), mode, table, 2)
			requireUnits(t, putUnits(small), mode, table, 5)
			requireUnits(t, deleteUnits(), mode, table, 1)
			requireUnits(t, deleteUnits(), mode, table, 1)
			requireUnits(t, putUnits(big), mode, table, 5)
			requireUnits(t, deleteUnits(), mode, table, 5)
		})
	}
}

func TestCapacity_NotReportedUnlessAsked(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	out, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(table), Item: item{"id": s("a")}, ReturnConsumedCapacity: types.ReturnConsumedCapacityNone})
	require.NoError(t, err)
	assert.Nil(t, out.ConsumedCapacity)
	got, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(table), Key: item{"id": s("a")}})
	require.NoError(t, err)
	assert.Nil(t, got.ConsumedCapacity)
}
