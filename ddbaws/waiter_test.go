package ddbaws_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
	"github.com/ddbsim/ddbsim/ddbtest"
)

// With Options.TransientStatuses, the SDK's TableExists and
// TableNotExists waiters wait until the DB's clock releases CREATING and
// DELETING.
func TestWaiters_TransientStatuses(t *testing.T) {
	ctx := context.Background()
	clock := ddbtest.NewClock(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	db := ddbsim.New(&ddbsim.Options{TransientStatuses: time.Minute, Clock: clock, StrictMode: true})
	client := ddbaws.NewClient(db)
	fast := func(min, max *time.Duration) { *min, *max = time.Millisecond, 2*time.Millisecond }

	out, err := client.CreateTable(ctx, &dynamodb.CreateTableInput{TableName: aws.String("waited"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}}})
	require.NoError(t, err)
	assert.Equal(t, types.TableStatusCreating, out.TableDescription.TableStatus)

	wait := func(w func() error) chan error {
		done := make(chan error, 1)
		go func() { done <- w() }()
		return done
	}
	exists := wait(func() error {
		return dynamodb.NewTableExistsWaiter(client, func(o *dynamodb.TableExistsWaiterOptions) { fast(&o.MinDelay, &o.MaxDelay) }).
			Wait(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("waited")}, 10*time.Second)
	})
	time.Sleep(30 * time.Millisecond)
	select {
	case err := <-exists:
		t.Fatalf("TableExists returned while the table was CREATING: %v", err)
	default:
	}
	clock.Advance(time.Minute)
	require.NoError(t, <-exists)

	del, err := client.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String("waited")})
	require.NoError(t, err)
	assert.Equal(t, types.TableStatusDeleting, del.TableDescription.TableStatus)
	gone := wait(func() error {
		return dynamodb.NewTableNotExistsWaiter(client, func(o *dynamodb.TableNotExistsWaiterOptions) { fast(&o.MinDelay, &o.MaxDelay) }).
			Wait(ctx, &dynamodb.DescribeTableInput{TableName: aws.String("waited")}, 10*time.Second)
	})
	time.Sleep(30 * time.Millisecond)
	select {
	case err := <-gone:
		t.Fatalf("TableNotExists returned while the table was DELETING: %v", err)
	default:
	}
	clock.Advance(time.Minute)
	require.NoError(t, <-gone)
}

// UpdateTable through the SDK client: a GSI created, described, queried,
// deleted.
func TestUpdateTable_ThroughClient(t *testing.T) {
	ctx := context.Background()
	db := ddbsim.New(&ddbsim.Options{StrictMode: true})
	client := ddbaws.NewClient(db)
	_, err := client.CreateTable(ctx, &dynamodb.CreateTableInput{TableName: aws.String("upd"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: types.ScalarAttributeTypeS}}})
	require.NoError(t, err)
	_, err = client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("upd"), Item: map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "a"}, "g": &types.AttributeValueMemberS{Value: "x"}}})
	require.NoError(t, err)
	out, err := client.UpdateTable(ctx, &dynamodb.UpdateTableInput{TableName: aws.String("upd"), DeletionProtectionEnabled: aws.Bool(true),
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("g"), AttributeType: types.ScalarAttributeTypeS}},
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Create: &types.CreateGlobalSecondaryIndexAction{IndexName: aws.String("byG"),
			KeySchema:  []types.KeySchemaElement{{AttributeName: aws.String("g"), KeyType: types.KeyTypeHash}},
			Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll}}}}})
	require.NoError(t, err)
	require.Len(t, out.TableDescription.GlobalSecondaryIndexes, 1)
	assert.Equal(t, types.IndexStatusActive, out.TableDescription.GlobalSecondaryIndexes[0].IndexStatus)
	assert.True(t, aws.ToBool(out.TableDescription.DeletionProtectionEnabled))
	q, err := client.Query(ctx, &dynamodb.QueryInput{TableName: aws.String("upd"), IndexName: aws.String("byG"), KeyConditionExpression: aws.String("g = :g"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":g": &types.AttributeValueMemberS{Value: "x"}}})
	require.NoError(t, err)
	assert.Len(t, q.Items, 1)
	_, err = client.DeleteTable(ctx, &dynamodb.DeleteTableInput{TableName: aws.String("upd")})
	var inUse *types.ResourceInUseException
	require.ErrorAs(t, err, &inUse)
	assert.Equal(t, "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.", inUse.ErrorMessage())
	_, err = client.UpdateTable(ctx, &dynamodb.UpdateTableInput{TableName: aws.String("upd"),
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Delete: &types.DeleteGlobalSecondaryIndexAction{IndexName: aws.String("byG")}},
			{Create: &types.CreateGlobalSecondaryIndexAction{IndexName: aws.String("byH"), KeySchema: []types.KeySchemaElement{{AttributeName: aws.String("g"), KeyType: types.KeyTypeHash}},
				Projection: &types.Projection{ProjectionType: types.ProjectionTypeAll}}}}})
	var limit *types.LimitExceededException
	require.ErrorAs(t, err, &limit)
	api := ddbaws.NewAPI(db)
	d, err := api.UpdateTable(ctx, &dynamodb.UpdateTableInput{TableName: aws.String("upd"),
		GlobalSecondaryIndexUpdates: []types.GlobalSecondaryIndexUpdate{{Delete: &types.DeleteGlobalSecondaryIndexAction{IndexName: aws.String("byG")}}}})
	require.NoError(t, err)
	assert.Empty(t, d.TableDescription.GlobalSecondaryIndexes)
	require.NoError(t, db.Close())
}
