package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startServer runs the command on a free port and returns its URL and a
// function that stops it and returns run's error.
func startServer(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	url, ok := strings.CutPrefix(strings.TrimSpace(line), "listening on ")
	require.True(t, ok, "first line is %q", line)
	go io.Copy(io.Discard, pr)
	return url, func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Fatal("server did not shut down")
			return nil
		}
	}
}

func TestServer_ServesTheSDKAndShutsDownCleanly(t *testing.T) {
	url, stop := startServer(t)
	require.True(t, strings.HasPrefix(url, "http://127.0.0.1:"))

	resp, err := http.Get(url + "/")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, "healthy: "+strings.TrimPrefix(url, "http://")+" ", string(body), "the host the client used")
	assert.Equal(t, "Server", resp.Header.Get("Server"))

	c := dynamodb.New(dynamodb.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider("any", "thing", ""),
	})
	out, err := c.ListTables(context.Background(), &dynamodb.ListTablesInput{})
	require.NoError(t, err)
	assert.Empty(t, out.TableNames)

	require.NoError(t, stop())
}

func TestServer_BadFlag(t *testing.T) {
	err := run(context.Background(), []string{"-nope"}, io.Discard)
	assert.Error(t, err)
}

func TestServer_ReplicationFlags(t *testing.T) {
	assert.ErrorContains(t, run(context.Background(), []string{"-replication", "eventual"}, io.Discard), "want sync, async or manual")
	url, stop := startServer(t, "-replication", "async", "-seed", "3", "-lag", "10ms", "-batch-get-max-bytes", "4096")
	resp, err := http.Get(url + "/")
	require.NoError(t, err)
	resp.Body.Close()
	require.NoError(t, stop())
}

func TestServer_HelpListsTheFlags(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(context.Background(), []string{"-help"}, &out), "-help is not an error")
	for _, f := range []string{"-addr", "-port", "-inMemory", "-sharedDb", "-credentials", "-cors", "-replication", "-wording"} {
		assert.Regexp(t, `(?m)^  `+f+`( |$)`, out.String())
	}
}

func TestServer_DynamoDBLocalsLaunchLine(t *testing.T) {
	// -port 0 picks a free port on every interface, as -port 8000 takes 8000.
	url, stop := startServer(t, "-port", "0", "-inMemory", "-sharedDb", "-disableTelemetry", "-cors", "*")
	assert.Regexp(t, `^http://(\[::\]|0\.0\.0\.0):\d+$`, url, "listens on every interface, as DynamoDB Local does")
	require.NoError(t, stop())
	assert.ErrorContains(t, run(context.Background(), []string{"stray"}, io.Discard), `unexpected argument "stray"`)
}

func TestServer_StrictCredentials(t *testing.T) {
	assert.ErrorContains(t, run(context.Background(), []string{"-credentials", "nocolon"}, io.Discard), "want KEY:SECRET pairs")
	url, stop := startServer(t, "-credentials", "AKID1:s3cret, AKID2:other")
	client := func(key, secret string) *dynamodb.Client {
		return dynamodb.New(dynamodb.Options{Region: "us-east-1", BaseEndpoint: aws.String(url),
			Credentials: credentials.NewStaticCredentialsProvider(key, secret, ""), Retryer: aws.NopRetryer{}})
	}
	ctx := context.Background()
	_, err := client("AKID2", "other").ListTables(ctx, &dynamodb.ListTablesInput{})
	require.NoError(t, err)
	_, err = client("AKID1", "wrong").ListTables(ctx, &dynamodb.ListTablesInput{})
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidSignatureException", apiErr.ErrorCode(), "a wrong secret")
	_, err = client("AKID3", "s3cret").ListTables(ctx, &dynamodb.ListTablesInput{})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "UnrecognizedClientException", apiErr.ErrorCode(), "an unknown key")
	require.NoError(t, stop())
}

func TestServer_CORSFlag(t *testing.T) {
	url, stop := startServer(t, "-cors", "https://app.example")
	for origin, want := range map[string]string{"https://app.example": "https://app.example", "https://other.example": ""} {
		req, err := http.NewRequest(http.MethodOptions, url+"/", nil)
		require.NoError(t, err)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		assert.Equal(t, want, resp.Header.Get("Access-Control-Allow-Origin"), origin)
	}
	require.NoError(t, stop())
}

// The server's DB clock moves through the admin endpoint, and a request
// signed with the wall clock's time is still accepted afterwards.
func TestServer_ClockMovesThroughTheAdminEndpoint(t *testing.T) {
	url, stop := startServer(t)
	resp, err := http.Post(url+"/ddbsim/clock", "application/json", strings.NewReader(`{"Advance":"240h"}`))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))
	var clock struct{ Now time.Time }
	require.NoError(t, json.Unmarshal(body, &clock))
	assert.WithinDuration(t, time.Now().Add(240*time.Hour), clock.Now, time.Minute)

	c := dynamodb.New(dynamodb.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(url),
		Credentials:  credentials.NewStaticCredentialsProvider("any", "thing", ""),
	})
	_, err = c.CreateTable(context.Background(), &dynamodb.CreateTableInput{
		TableName:            aws.String("kvs"),
		KeySchema:            []types.KeySchemaElement{{AttributeName: aws.String("id"), KeyType: types.KeyTypeHash}},
		AttributeDefinitions: []types.AttributeDefinition{{AttributeName: aws.String("id"), AttributeType: types.ScalarAttributeTypeS}},
		BillingMode:          types.BillingModePayPerRequest,
	})
	require.NoError(t, err, "signed dates are checked against the wall clock")
	d, err := c.DescribeTable(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String("kvs")})
	require.NoError(t, err)
	assert.WithinDuration(t, clock.Now, *d.Table.CreationDateTime, time.Minute, "the table was made at the DB's time")
	require.NoError(t, stop())
}

func TestServer_WordingFlag(t *testing.T) {
	assert.ErrorContains(t, run(context.Background(), []string{"-wording", "newest"}, io.Discard), "want classic or current")
	for wording, want := range map[string]string{
		"classic": "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
		"current": "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
	} {
		url, stop := startServer(t, "-wording", wording)
		c := dynamodb.New(dynamodb.Options{Region: "us-east-1", BaseEndpoint: aws.String(url),
			Credentials: credentials.NewStaticCredentialsProvider("any", "thing", ""), Retryer: aws.NopRetryer{}})
		_, err := c.Query(context.Background(), &dynamodb.QueryInput{TableName: aws.String("users"), Limit: aws.Int32(0),
			KeyConditionExpression: aws.String("id = :v"), ExpressionAttributeValues: map[string]types.AttributeValue{":v": &types.AttributeValueMemberS{Value: "a"}}})
		var apiErr smithy.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, want, apiErr.ErrorMessage(), wording)
		require.NoError(t, stop())
	}
}
