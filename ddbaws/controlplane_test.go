package ddbaws

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

const testArn = "arn:aws:dynamodb:us-east-1:000000000000:table/tagged"

// controlSteps are the parity steps of the control plane: tags, limits,
// endpoints, the honest answers and the refusals.
var controlSteps = []step{
	opStep("create tagged", operations.CreateTable, func() *dynamodb.CreateTableInput {
		in := onDemand("tagged", key("id", types.ScalarAttributeTypeS))
		in.Tags = []types.Tag{{Key: aws.String("team"), Value: aws.String("blue")}}
		return in
	}()),
	opStep("tag", operations.TagResource, &dynamodb.TagResourceInput{ResourceArn: aws.String(testArn),
		Tags: []types.Tag{{Key: aws.String("env"), Value: aws.String("test")}}}),
	opStep("tag reserved", operations.TagResource, &dynamodb.TagResourceInput{ResourceArn: aws.String(testArn),
		Tags: []types.Tag{{Key: aws.String("aws:x"), Value: aws.String("1")}}}),
	opStep("tag bad characters", operations.TagResource, &dynamodb.TagResourceInput{ResourceArn: aws.String(testArn),
		Tags: []types.Tag{{Key: aws.String("a#"), Value: aws.String("1")}}}),
	opStep("tag no ARN", operations.TagResource, &dynamodb.TagResourceInput{Tags: []types.Tag{}}),
	opStep("tag not an ARN", operations.TagResource, &dynamodb.TagResourceInput{ResourceArn: aws.String("tagged"), Tags: []types.Tag{}}),
	opStep("tag missing table", operations.TagResource, &dynamodb.TagResourceInput{ResourceArn: aws.String(testArn + "x"),
		Tags: []types.Tag{{Key: aws.String("a"), Value: aws.String("1")}}}),
	opStep("list tags", operations.ListTagsOfResource, &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(testArn)}),
	opStep("untag", operations.UntagResource, &dynamodb.UntagResourceInput{ResourceArn: aws.String(testArn), TagKeys: []string{"team"}}),
	opStep("untag none", operations.UntagResource, &dynamodb.UntagResourceInput{ResourceArn: aws.String(testArn), TagKeys: []string{}}),
	opStep("list tags after untag", operations.ListTagsOfResource, &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(testArn)}),
	opStep("limits", operations.DescribeLimits, &dynamodb.DescribeLimitsInput{}),
	opStep("endpoints", operations.DescribeEndpoints, &dynamodb.DescribeEndpointsInput{}),
	opStep("continuous backups", operations.DescribeContinuousBackups, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String("tagged")}),
	opStep("continuous backups, missing table", operations.DescribeContinuousBackups, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String("nope")}),
	opStep("list backups", operations.ListBackups, &dynamodb.ListBackupsInput{}),
	opStep("list global tables", operations.ListGlobalTables, &dynamodb.ListGlobalTablesInput{}),
	opStep("list exports", operations.ListExports, &dynamodb.ListExportsInput{}),
	opStep("list imports", operations.ListImports, &dynamodb.ListImportsInput{}),
	opStep("list contributor insights", operations.ListContributorInsights, &dynamodb.ListContributorInsightsInput{}),
	opStep("create backup", operations.CreateBackup, &dynamodb.CreateBackupInput{TableName: aws.String("tagged"), BackupName: aws.String("b")}),
	opStep("transact write", operations.TransactWriteItems, &dynamodb.TransactWriteItemsInput{TransactItems: []types.TransactWriteItem{}}),
}

func TestTags_ThroughTheSDK(t *testing.T) {
	ctx := context.Background()
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			in := onDemand("tagged", key("id", types.ScalarAttributeTypeS))
			in.Tags = []types.Tag{{Key: aws.String("team"), Value: aws.String("blue")}}
			mustCreate(t, c, in)
			var tags []types.Tag
			for i := range 12 {
				tags = append(tags, types.Tag{Key: aws.String(fmt.Sprintf("k%02d", i)), Value: aws.String("v")})
			}
			_, err := c.TagResource(ctx, &dynamodb.TagResourceInput{ResourceArn: aws.String(testArn), Tags: tags})
			require.NoError(t, err)

			var keys []string
			var token *string
			for {
				out, err := c.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(testArn), NextToken: token})
				require.NoError(t, err)
				for _, tag := range out.Tags {
					keys = append(keys, aws.ToString(tag.Key))
				}
				if token = out.NextToken; token == nil {
					break
				}
			}
			assert.Len(t, keys, 13, "every tag, over two pages")
			assert.Equal(t, "team", keys[12])

			_, err = c.TagResource(ctx, &dynamodb.TagResourceInput{ResourceArn: aws.String(testArn + "/index/i"),
				Tags: []types.Tag{{Key: aws.String("a"), Value: aws.String("b")}}})
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, "ValidationException", apiErr.ErrorCode())
			assert.Equal(t, "Invalid TableArn: Invalid ResourceArn provided as input "+testArn+"/index/i", apiErr.ErrorMessage())

			_, err = c.ListTagsOfResource(ctx, &dynamodb.ListTagsOfResourceInput{ResourceArn: aws.String(testArn + "x")})
			var notFound *types.ResourceNotFoundException
			require.ErrorAs(t, err, &notFound)
		})
	}
}

func TestControlPlane_ThroughTheSDK(t *testing.T) {
	ctx := context.Background()
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			mustCreate(t, c, onDemand("tagged", key("id", types.ScalarAttributeTypeS)))
			limits, err := c.DescribeLimits(ctx, nil)
			require.NoError(t, err)
			assert.Equal(t, int64(40000), aws.ToInt64(limits.TableMaxReadCapacityUnits))
			assert.Equal(t, int64(80000), aws.ToInt64(limits.AccountMaxWriteCapacityUnits))

			endpoints, err := c.DescribeEndpoints(ctx, nil)
			require.NoError(t, err)
			require.Len(t, endpoints.Endpoints, 1)
			assert.Equal(t, "ddbsim.invalid", aws.ToString(endpoints.Endpoints[0].Address), "the host the client talks to")
			assert.Equal(t, int64(1440), endpoints.Endpoints[0].CachePeriodInMinutes)

			backups, err := c.DescribeContinuousBackups(ctx, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String("tagged")})
			require.NoError(t, err)
			assert.Equal(t, types.ContinuousBackupsStatusEnabled, backups.ContinuousBackupsDescription.ContinuousBackupsStatus)
			assert.Equal(t, types.PointInTimeRecoveryStatusDisabled, backups.ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus)
			_, err = c.DescribeContinuousBackups(ctx, &dynamodb.DescribeContinuousBackupsInput{TableName: aws.String("nope")})
			var tableNotFound *types.TableNotFoundException
			require.ErrorAs(t, err, &tableNotFound)
			assert.Equal(t, "Table not found: nope", aws.ToString(tableNotFound.Message))

			list, err := c.ListBackups(ctx, nil)
			require.NoError(t, err)
			assert.Empty(t, list.BackupSummaries)

			_, err = c.CreateBackup(ctx, &dynamodb.CreateBackupInput{TableName: aws.String("tagged"), BackupName: aws.String("b")})
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, "UnknownOperationException", apiErr.ErrorCode())
			assert.Equal(t, "ddbsim does not support the DynamoDB operation CreateBackup", apiErr.ErrorMessage())
		})
	}
}

// Every DynamoDB operation the core refuses is refused by NewAPI's method
// of that name, with the core's error; every one it serves is not.
func TestAPI_EveryOperation_AnswersAsTheCoreSays(t *testing.T) {
	a := NewAPI(newTestDB())
	ctx := context.Background()
	for _, op := range ddbsim.Operations(ddbsim.APIDynamoDB) {
		call, ok := lookupMethod(a, op)
		require.True(t, ok, "API.%s", op)
		err := call(ctx)
		if ddbsim.Serves(ddbsim.APIDynamoDB, op) {
			assert.NotErrorIs(t, err, errors.ErrUnsupported, op)
			var apiErr smithy.APIError
			if errors.As(err, &apiErr) {
				assert.NotEqual(t, "UnknownOperationException", apiErr.ErrorCode(), op)
			}
			continue
		}
		var apiErr smithy.APIError
		require.ErrorAs(t, err, &apiErr, op)
		assert.Equal(t, "UnknownOperationException", apiErr.ErrorCode(), op)
		assert.Equal(t, "ddbsim does not support the DynamoDB operation "+op, apiErr.ErrorMessage())
		var opErr *smithy.OperationError
		require.ErrorAs(t, err, &opErr)
		assert.Equal(t, op, opErr.OperationName)
	}
}

// lookupMethod returns a call of API's method named op with a nil input,
// giving its error.
func lookupMethod(a *API, op string) (func(context.Context) error, bool) {
	m := reflect.ValueOf(a).MethodByName(op)
	if !m.IsValid() {
		return nil, false
	}
	return func(ctx context.Context) error {
		out := m.Call([]reflect.Value{reflect.ValueOf(ctx), reflect.Zero(m.Type().In(1))})
		err, _ := out[1].Interface().(error)
		return err
	}, true
}
