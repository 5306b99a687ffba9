package conformance

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTables_DescribeTable(t *testing.T) {
	t.Parallel()
	key := keyAttr("id", types.ScalarAttributeTypeS)
	table := newTable(t, key)
	out, err := client(t).DescribeTable(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String(table)})
	require.NoError(t, err)
	d := out.Table
	assert.Equal(t, table, aws.ToString(d.TableName))
	assert.Equal(t, types.TableStatusActive, d.TableStatus)
	assert.True(t, strings.HasPrefix(aws.ToString(d.TableArn), "arn:aws:dynamodb:"), aws.ToString(d.TableArn))
	assert.True(t, strings.HasSuffix(aws.ToString(d.TableArn), ":table/"+table), aws.ToString(d.TableArn))
	assert.NotEmpty(t, aws.ToString(d.TableId))
	assert.Equal(t, []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}}, d.KeySchema)
	assert.Equal(t, []types.AttributeDefinition{key}, d.AttributeDefinitions)
	require.NotNil(t, d.CreationDateTime)
	assert.WithinDuration(t, time.Now(), *d.CreationDateTime, time.Hour)
	assert.Equal(t, int64(0), aws.ToInt64(d.ItemCount))
	assert.Equal(t, int64(0), aws.ToInt64(d.TableSizeBytes))
	require.NotNil(t, d.BillingModeSummary)
	assert.Equal(t, types.BillingModePayPerRequest, d.BillingModeSummary.BillingMode)
	require.NotNil(t, d.ProvisionedThroughput)
	assert.Equal(t, int64(0), aws.ToInt64(d.ProvisionedThroughput.ReadCapacityUnits))
	assert.Equal(t, int64(0), aws.ToInt64(d.ProvisionedThroughput.WriteCapacityUnits))
}

func TestTables_CreateExistingTableIsResourceInUse(t *testing.T) {
	t.Parallel()
	key := keyAttr("id", types.ScalarAttributeTypeS)
	table := newTable(t, key)
	_, err := client(t).CreateTable(context.Background(), onDemand(table, key))
	var inUse *types.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
}

func TestTables_MissingTableIsResourceNotFound(t *testing.T) {
	t.Parallel()
	c, ctx := client(t), context.Background()
	missing := uniqueName(t)
	want := "Requested resource not found: Table: " + missing + " not found"
	var notFound *types.ResourceNotFoundException

	_, err := c.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(missing)})
	require.ErrorAs(t, err, &notFound)
	assert.Equal(t, want, notFound.ErrorMessage())
	_, err = c.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String(missing)})
	require.ErrorAs(t, err, &notFound)
	assert.Equal(t, want, notFound.ErrorMessage())
}

func TestTables_DeleteTable(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	c, ctx := client(t), context.Background()
	out, err := c.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String(table)})
	require.NoError(t, err)
	assert.Equal(t, table, aws.ToString(out.TableDescription.TableName))
	assert.Equal(t, types.TableStatusDeleting, out.TableDescription.TableStatus)

	waiter := dynamodb.NewTableNotExistsWaiter(c, func(o *dynamodb.TableNotExistsWaiterOptions) { o.MinDelay = time.Second })
	require.NoError(t, waiter.Wait(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(table)}, 5*time.Minute))
	_, err = c.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(table)})
	var notFound *types.ResourceNotFoundException
	require.ErrorAs(t, err, &notFound)
}

// TestTables_ListTablesPages creates three tables under one random prefix,
// which no other table shares, and pages through them one at a time,
// starting after the prefix.
func TestTables_ListTablesPages(t *testing.T) {
	t.Parallel()
	prefix := uniqueName(t)
	names := []string{prefix + ".a", prefix + ".b", prefix + ".c"}
	for _, name := range []string{names[2], names[0], names[1]} {
		createTable(t, name, keyAttr("id", types.ScalarAttributeTypeS))
	}
	c, ctx := client(t), context.Background()
	in := &dynamodb.ListTablesInput{ExclusiveStartTableName: aws.String(prefix), Limit: aws.Int32(1)}
	for i, want := range names {
		out, err := c.ListTables(ctx, in)
		require.NoError(t, err)
		require.Equal(t, []string{want}, out.TableNames)
		if i < len(names)-1 {
			require.Equal(t, want, aws.ToString(out.LastEvaluatedTableName), "a page with more tables after it names its last table")
		}
		in.ExclusiveStartTableName = aws.String(want)
	}

	out, err := c.ListTables(ctx, &dynamodb.ListTablesInput{ExclusiveStartTableName: aws.String(prefix), Limit: aws.Int32(100)})
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(out.TableNames), 3)
	assert.Equal(t, names, out.TableNames[:3], "names in ascending order")

	_, err = c.ListTables(ctx, &dynamodb.ListTablesInput{Limit: aws.Int32(0)})
	requireValidation(t, err,
		"Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
		"Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1")
}
