package ddbaws

import (
	"context"
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"

	"github.com/ddbsim/ddbsim"
)

// TestAPI_RecycledMaps_LeaveItemsAndAnswersAlone runs the single-item
// operations, whose converted maps NewAPI recycles, from several
// goroutines at once: each stored item and each answer must still be
// what its own request made, however the maps were reused (and, under
// -race, no map may be in two calls at once).
func TestAPI_RecycledMaps_LeaveItemsAndAnswersAlone(t *testing.T) {
	a, db := newUsersAPI(t)
	ctx := context.Background()
	const workers, each = 4, 50
	var g errgroup.Group
	for w := range workers {
		g.Go(func() error {
			for i := range each {
				id := "w" + strconv.Itoa(w) + "-" + strconv.Itoa(i)
				v := strconv.Itoa(w*1000 + i)
				if _, err := a.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"),
					Item:                      map[string]types.AttributeValue{"id": avS(id), "v": avN(v), "tag": avS(id)},
					ConditionExpression:       aws.String("attribute_not_exists(id) OR v <> :v"),
					ExpressionAttributeValues: map[string]types.AttributeValue{":v": avN(v)}}); err != nil {
					return err
				}
				up, err := a.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String("users"),
					Key:                       map[string]types.AttributeValue{"id": avS(id)},
					UpdateExpression:          aws.String("ADD v :one SET m = :m"),
					ExpressionAttributeValues: map[string]types.AttributeValue{":one": avN("1"), ":m": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"owner": avS(id)}}},
					ReturnValues:              types.ReturnValueAllNew})
				if err != nil {
					return err
				}
				assert.Equal(t, map[string]types.AttributeValue{"id": avS(id), "v": avN(strconv.Itoa(w*1000 + i + 1)), "tag": avS(id),
					"m": &types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"owner": avS(id)}}}, up.Attributes)
				got, err := a.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS(id)}, ConsistentRead: aws.Bool(true)})
				if err != nil {
					return err
				}
				assert.Equal(t, up.Attributes, got.Item)
				if i%2 == 1 {
					if _, err := a.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS(id)}}); err != nil {
						return err
					}
				}
			}
			return nil
		})
	}
	require.NoError(t, g.Wait())
	// What is stored is what each request made, read back natively.
	for w := range workers {
		for i := 0; i < each; i += 2 {
			id := "w" + strconv.Itoa(w) + "-" + strconv.Itoa(i)
			out, err := db.GetItem(ctx, ddbsim.GetItemInput{TableName: "users", Key: ddbsim.Item{"id": ddbsim.S(id)}})
			require.NoError(t, err)
			assert.True(t, out.Item.Equal(ddbsim.Item{"id": ddbsim.S(id), "v": ddbsim.Int(int64(w*1000 + i + 1)), "tag": ddbsim.S(id),
				"m": ddbsim.M(map[string]ddbsim.Value{"owner": ddbsim.S(id)})}), "item %s: %s", id, out.Item)
		}
	}
	d, err := db.DescribeTable(ctx, ddbsim.DescribeTableInput{TableName: "users"})
	require.NoError(t, err)
	assert.Equal(t, int64(workers*each/2), d.ItemCount)
}
