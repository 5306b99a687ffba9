package ddbaws

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim/ddbtest"
)

// ttlSpec is a TimeToLiveSpecification.
func ttlSpec(attr string, enabled bool) *types.TimeToLiveSpecification {
	return &types.TimeToLiveSpecification{AttributeName: aws.String(attr), Enabled: aws.Bool(enabled)}
}

func ttlStep(name string, table *string, spec *types.TimeToLiveSpecification) step {
	return opStep(name, operations.UpdateTimeToLive, &dynamodb.UpdateTimeToLiveInput{TableName: table, TimeToLiveSpecification: spec})
}

func describeTTLStep(name string, table *string) step {
	return opStep(name, operations.DescribeTimeToLive, &dynamodb.DescribeTimeToLiveInput{TableName: table})
}

// ttlSteps are the parity steps of time to live (the clock stands still:
// a second change is refused).
var ttlSteps = []step{
	createStep("create ttl", onDemand("ttl", key("id", types.ScalarAttributeTypeS))),
	describeTTLStep("describe ttl, disabled", aws.String("ttl")),
	describeTTLStep("describe ttl, missing table", aws.String("nope")),
	describeTTLStep("describe ttl, nil name", nil),
	ttlStep("disable ttl, disabled", aws.String("ttl"), ttlSpec("expires", false)),
	ttlStep("ttl nil specification", aws.String("ttl"), nil),
	ttlStep("ttl nil members", aws.String("ttl"), &types.TimeToLiveSpecification{}),
	ttlStep("ttl empty attribute", aws.String("ttl"), ttlSpec("", true)),
	ttlStep("ttl missing table", aws.String("nope"), ttlSpec("expires", true)),
	ttlStep("enable ttl", aws.String("ttl"), ttlSpec("expires", true)),
	describeTTLStep("describe ttl, enabled", aws.String("ttl")),
	ttlStep("enable ttl again", aws.String("ttl"), ttlSpec("expires", true)),
	ttlStep("enable ttl on another attribute", aws.String("ttl"), ttlSpec("other", true)),
	ttlStep("disable ttl within the hour", aws.String("ttl"), ttlSpec("expires", false)),
}

// Through the real SDK client and NewAPI: TTL's settings, DynamoDB's
// errors with their types, and items expiring as ddbtest's clock moves.
func TestTimeToLive_ThroughTheSDK(t *testing.T) {
	ctx := context.Background()
	for name, newOps := range map[string]func(*testing.T, *ddbtest.Clock) operations{
		"NewClient": func(t *testing.T, c *ddbtest.Clock) operations {
			return NewClient(ddbtest.New(t, ddbtest.WithClock(c)))
		},
		"NewAPI": func(t *testing.T, c *ddbtest.Clock) operations { return NewAPI(ddbtest.New(t, ddbtest.WithClock(c))) },
	} {
		t.Run(name, func(t *testing.T) {
			clock := ddbtest.NewClock(testClock)
			c := newOps(t, clock)
			mustCreate(t, c, onDemand("sessions", key("id", types.ScalarAttributeTypeS)))

			d, err := c.DescribeTimeToLive(ctx, &dynamodb.DescribeTimeToLiveInput{TableName: aws.String("sessions")})
			require.NoError(t, err)
			assert.Equal(t, types.TimeToLiveStatusDisabled, d.TimeToLiveDescription.TimeToLiveStatus)
			assert.Nil(t, d.TimeToLiveDescription.AttributeName)

			u, err := c.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{TableName: aws.String("sessions"), TimeToLiveSpecification: ttlSpec("expires", true)})
			require.NoError(t, err)
			assert.Equal(t, ttlSpec("expires", true), u.TimeToLiveSpecification)
			d, err = c.DescribeTimeToLive(ctx, &dynamodb.DescribeTimeToLiveInput{TableName: aws.String("sessions")})
			require.NoError(t, err)
			assert.Equal(t, &types.TimeToLiveDescription{AttributeName: aws.String("expires"), TimeToLiveStatus: types.TimeToLiveStatusEnabled},
				d.TimeToLiveDescription)

			_, err = c.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{TableName: aws.String("sessions"), TimeToLiveSpecification: ttlSpec("expires", false)})
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, "ValidationException", apiErr.ErrorCode())
			assert.Equal(t, "Time to live has been modified multiple times within a fixed interval", apiErr.ErrorMessage())
			_, err = c.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{TableName: aws.String("nope"), TimeToLiveSpecification: ttlSpec("expires", true)})
			var notFound *types.ResourceNotFoundException
			require.ErrorAs(t, err, &notFound)
			_, err = c.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{TableName: aws.String("sessions"), TimeToLiveSpecification: &types.TimeToLiveSpecification{}})
			var invalid smithy.InvalidParamsError
			require.ErrorAs(t, err, &invalid, "the SDK's own check of required members")

			expires := func(d time.Duration) types.AttributeValue { return avN(strconv.FormatInt(testClock.Add(d).Unix(), 10)) }
			mustPut(t, c, "sessions", map[string]types.AttributeValue{"id": avS("short"), "expires": expires(time.Minute)})
			mustPut(t, c, "sessions", map[string]types.AttributeValue{"id": avS("long"), "expires": expires(time.Hour)})
			ids := func() []string {
				out, err := c.Scan(ctx, &dynamodb.ScanInput{TableName: aws.String("sessions"), ConsistentRead: aws.Bool(true)})
				require.NoError(t, err)
				var ids []string
				for _, it := range out.Items {
					ids = append(ids, it["id"].(*types.AttributeValueMemberS).Value)
				}
				return ids
			}
			assert.ElementsMatch(t, []string{"short", "long"}, ids())
			clock.Advance(time.Minute)
			assert.Equal(t, []string{"long"}, ids())
			_, err = c.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String("sessions"), Key: map[string]types.AttributeValue{"id": avS("long")},
				UpdateExpression: aws.String("SET expires = :e"), ExpressionAttributeValues: map[string]types.AttributeValue{":e": expires(2 * time.Hour)}})
			require.NoError(t, err)
			clock.Advance(time.Hour)
			assert.Equal(t, []string{"long"}, ids(), "extended")
			clock.Advance(time.Hour)
			assert.Empty(t, ids())
		})
	}
}
