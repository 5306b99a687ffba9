package ddbaws_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
	"github.com/ddbsim/ddbsim/ddbhttp"
)

// encodings records the Content-Encoding of every response.
type encodings struct {
	inner aws.HTTPClient
	seen  []string
}

func (e *encodings) Do(r *http.Request) (*http.Response, error) {
	resp, err := e.inner.Do(r)
	if err == nil {
		e.seen = append(e.seen, resp.Header.Get("Content-Encoding"))
	}
	return resp, err
}

func TestNewClient_GzipResponses_PassTheSDKsChecksum(t *testing.T) {
	rec := &encodings{}
	c := ddbaws.NewClient(ddbsim.New(nil), func(o *dynamodb.Options) {
		o.EnableAcceptEncodingGzip = true
		rec.inner = o.HTTPClient
		o.HTTPClient = rec
	})
	createUsers(t, c)
	ctx := context.Background()
	big := strings.Repeat("compressible ", 1000)
	_, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("users"), Item: map[string]types.AttributeValue{
		"id": &types.AttributeValueMemberS{Value: "a"}, "big": &types.AttributeValueMemberS{Value: big}}})
	require.NoError(t, err)
	out, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"),
		Key: map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "a"}}})
	require.NoError(t, err, "the SDK checks x-amz-crc32 against the gzip bytes, then inflates them")
	assert.Equal(t, big, out.Item["big"].(*types.AttributeValueMemberS).Value)
	assert.Equal(t, []string{"", "", "gzip"}, rec.seen, "only the response over 4 KB is compressed")
}

func TestServer_ClockSkew_IsRefusedWithDynamoDBsWords(t *testing.T) {
	db := ddbsim.New(nil)
	ahead := func() time.Time { return time.Now().Add(time.Hour) }
	srv := httptest.NewServer(ddbhttp.NewHandler(db, ddbhttp.WithClock(ahead)))
	defer srv.Close()
	_, err := sdkClient(srv.URL, "any", "thing").ListTables(context.Background(), &dynamodb.ListTablesInput{})
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "InvalidSignatureException", apiErr.ErrorCode())
	assert.Regexp(t, `^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$`, apiErr.ErrorMessage())
}
