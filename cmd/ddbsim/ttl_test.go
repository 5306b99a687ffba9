package main

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sessionsOn returns an SDK client of the server at url, with a table
// "sessions" whose time to live is on for "expires", holding "s" expiring
// at the server's clock plus in.
func sessionsOn(t *testing.T, url string, in time.Duration) *dynamodb.Client {
	t.Helper()
	ctx := context.Background()
	c := dynamodb.New(dynamodb.Options{Region: "us-east-1", BaseEndpoint: aws.String(url),
		Credentials: credentials.NewStaticCredentialsProvider("any", "thing", "")})
	_, err := c.CreateTable(ctx, &dynamodb.CreateTableInput{TableName: aws.String("sessions"), BillingMode: types.BillingModePayPerRequest,
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}}})
	require.NoError(t, err)
	_, err = c.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{TableName: aws.String("sessions"),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String("expires"), Enabled: aws.Bool(true)}})
	require.NoError(t, err)
	_, err = c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("sessions"), Item: map[string]types.AttributeValue{
		"id": &types.AttributeValueMemberS{Value: "s"}, "expires": &types.AttributeValueMemberN{Value: strconv.FormatInt(time.Now().Add(in).Unix(), 10)}}})
	require.NoError(t, err)
	return c
}

func sessionCount(t *testing.T, c *dynamodb.Client) int32 {
	t.Helper()
	out, err := c.Scan(context.Background(), &dynamodb.ScanInput{TableName: aws.String("sessions")})
	require.NoError(t, err)
	return out.Count
}

// The server sweeps on its interval: an expired session goes without
// anyone asking.
func TestServer_SweepsTTLOnAnInterval(t *testing.T) {
	url, stop := startServer(t, "-ttl-sweep", "5ms")
	c := sessionsOn(t, url, -time.Second)
	require.Eventually(t, func() bool { return sessionCount(t, c) == 0 }, 5*time.Second, 5*time.Millisecond)
	require.NoError(t, stop())
}

// With the interval off, sessions go when the admin endpoint sweeps or
// moves the clock past them.
func TestServer_SweepsTTLThroughTheAdminEndpoint(t *testing.T) {
	url, stop := startServer(t, "-ttl-sweep", "0")
	c := sessionsOn(t, url, -time.Second)
	assert.Equal(t, int32(1), sessionCount(t, c), "no interval")
	resp, err := http.Post(url+"/ddbsim/ttl/sweep", "application/json", nil)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Zero(t, sessionCount(t, c))

	_, err = c.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String("sessions"), Item: map[string]types.AttributeValue{
		"id": &types.AttributeValueMemberS{Value: "s"}, "expires": &types.AttributeValueMemberN{Value: strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10)}}})
	require.NoError(t, err)
	resp, err = http.Post(url+"/ddbsim/clock", "application/json", strings.NewReader(`{"Advance":"2h"}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Zero(t, sessionCount(t, c), "the clock's move swept")
	require.NoError(t, stop())
}
