package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
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
	assert.Equal(t, "healthy: dynamodb.us-east-1.amazonaws.com ", string(body))

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
