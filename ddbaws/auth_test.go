package ddbaws_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
	"github.com/ddbsim/ddbsim/ddbhttp"
)

// strictServer serves db over HTTP, accepting only the given keys.
func strictServer(t *testing.T, db *ddbsim.DB, secrets map[string]string) string {
	t.Helper()
	srv := httptest.NewServer(ddbhttp.NewHandler(db, ddbhttp.WithAuthenticator(ddbaws.NewAuthenticator(secrets))))
	t.Cleanup(srv.Close)
	return srv.URL
}

// sdkClient is a real SDK client of url with the given credentials and no
// retries, so a refusal surfaces at once.
func sdkClient(url, key, secret string) *dynamodb.Client {
	return dynamodb.New(dynamodb.Options{
		Region:       "eu-west-1",
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider(key, secret, ""),
		Retryer:      aws.NopRetryer{},
	})
}

func requireAPIError(t *testing.T, err error, code, msg string) {
	t.Helper()
	var apiErr smithy.APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, code, apiErr.ErrorCode())
	assert.Equal(t, msg, apiErr.ErrorMessage())
}

func TestNewAuthenticator_StrictCredentialsThroughTheSDK(t *testing.T) {
	db := ddbsim.New(nil)
	url := strictServer(t, db, map[string]string{"AKIDGOOD": "right-secret"})
	ctx := context.Background()

	good := sdkClient(url, "AKIDGOOD", "right-secret")
	createUsers(t, good)
	put := &dynamodb.PutItemInput{TableName: aws.String("users"), Item: map[string]types.AttributeValue{
		"id": &types.AttributeValueMemberS{Value: "a"}, "payload": &types.AttributeValueMemberS{Value: "with a body to hash"}}}
	_, err := good.PutItem(ctx, put)
	require.NoError(t, err, "the right key and secret are accepted")

	_, err = sdkClient(url, "AKIDGOOD", "wrong-secret").DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "a"}}})
	requireAPIError(t, err, "InvalidSignatureException",
		"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")

	_, err = sdkClient(url, "AKIDUNKNOWN", "right-secret").DeleteItem(ctx, &dynamodb.DeleteItemInput{
		TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "a"}}})
	requireAPIError(t, err, "UnrecognizedClientException", "The security token included in the request is invalid.")

	got, err := good.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"),
		Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "a"}}, ConsistentRead: aws.Bool(true)})
	require.NoError(t, err)
	assert.NotEmpty(t, got.Item, "neither refused delete ran")
}

func TestNewAuthenticator_AcceptsTheSDKsRetriesAndSessionTokens(t *testing.T) {
	db := ddbsim.New(nil)
	url := strictServer(t, db, map[string]string{"AKIDGOOD": "right-secret"})
	c := dynamodb.New(dynamodb.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDGOOD", "right-secret", "a-session-token"),
		Retryer:      retry.NewStandard(),
	})
	_, err := c.ListTables(context.Background(), &dynamodb.ListTablesInput{})
	require.NoError(t, err, "a signed X-Amz-Security-Token is verified as one more signed header")
}
