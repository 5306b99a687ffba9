package conformance

import (
	"context"
	"crypto/rand"
	"errors"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/ddbaws"
)

// endpointVar names the endpoint to test; unset means ddbsim in-process.
const endpointVar = "DDBSIM_ENDPOINT"

// adapterVar picks the in-process adapter when no endpoint is set:
// "client" (the default, ddbaws.NewClient) or "api" (ddbaws.NewAPI).
const adapterVar = "DDBSIM_ADAPTER"

// dynamoDB is the method set the suite uses: *dynamodb.Client and
// *ddbaws.API both have it, so the same tests run against either.
type dynamoDB interface {
	CreateTable(context.Context, *dynamodb.CreateTableInput, ...func(*dynamodb.Options)) (*dynamodb.CreateTableOutput, error)
	DescribeTable(context.Context, *dynamodb.DescribeTableInput, ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error)
	DeleteTable(context.Context, *dynamodb.DeleteTableInput, ...func(*dynamodb.Options)) (*dynamodb.DeleteTableOutput, error)
	ListTables(context.Context, *dynamodb.ListTablesInput, ...func(*dynamodb.Options)) (*dynamodb.ListTablesOutput, error)
	PutItem(context.Context, *dynamodb.PutItemInput, ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	GetItem(context.Context, *dynamodb.GetItemInput, ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	UpdateItem(context.Context, *dynamodb.UpdateItemInput, ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error)
	DeleteItem(context.Context, *dynamodb.DeleteItemInput, ...func(*dynamodb.Options)) (*dynamodb.DeleteItemOutput, error)
	Query(context.Context, *dynamodb.QueryInput, ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error)
	Scan(context.Context, *dynamodb.ScanInput, ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error)
	BatchGetItem(context.Context, *dynamodb.BatchGetItemInput, ...func(*dynamodb.Options)) (*dynamodb.BatchGetItemOutput, error)
	BatchWriteItem(context.Context, *dynamodb.BatchWriteItemInput, ...func(*dynamodb.Options)) (*dynamodb.BatchWriteItemOutput, error)
	TransactWriteItems(context.Context, *dynamodb.TransactWriteItemsInput, ...func(*dynamodb.Options)) (*dynamodb.TransactWriteItemsOutput, error)
	TransactGetItems(context.Context, *dynamodb.TransactGetItemsInput, ...func(*dynamodb.Options)) (*dynamodb.TransactGetItemsOutput, error)
}

var shared struct {
	once   sync.Once
	client dynamoDB
	err    error
}

// client returns the client every test uses, made once per run.
func client(t testing.TB) dynamoDB {
	t.Helper()
	shared.once.Do(func() { shared.client, shared.err = newClient(context.Background(), os.Getenv(endpointVar)) })
	require.NoError(t, shared.err, "building the client for %s=%q", endpointVar, os.Getenv(endpointVar))
	return shared.client
}

// newClient returns a client for endpoint: ddbsim in-process when it is
// empty (through the adapter DDBSIM_ADAPTER names); AWS's configuration
// for an endpoint on amazonaws.com; fixed test credentials for any other
// server.
func newClient(ctx context.Context, endpoint string) (dynamoDB, error) {
	if endpoint == "" {
		switch adapter := os.Getenv(adapterVar); adapter {
		case "", "client":
			return ddbaws.NewClient(ddbsim.New(nil)), nil
		case "api":
			return ddbaws.NewAPI(ddbsim.New(nil)), nil
		default:
			return nil, errors.New(adapterVar + "=" + adapter + ": want client or api")
		}
	}
	u, err := url.Parse(endpoint)
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(u.Hostname(), ".amazonaws.com") {
		cfg, err := config.LoadDefaultConfig(ctx)
		if err != nil {
			return nil, err
		}
		return dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(endpoint) }), nil
	}
	region := os.Getenv("AWS_REGION")
	if region == "" {
		region = "us-east-1"
	}
	return dynamodb.New(dynamodb.Options{
		Region:       region,
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("conformance", "conformance", ""),
	}), nil
}

// unsafeName matches what a table name may not hold.
var unsafeName = regexp.MustCompile(`[^a-zA-Z0-9_.-]+`)

// uniqueName returns a table name no other test or run uses:
// "conformance.<test>.<random>".
func uniqueName(t testing.TB) string {
	test := unsafeName.ReplaceAllString(t.Name(), "-")
	return "conformance." + test[:min(len(test), 80)] + "." + rand.Text()[:12]
}

// keyAttr declares a key attribute (partition or sort).
func keyAttr(name string, typ types.ScalarAttributeType) types.AttributeDefinition {
	return types.AttributeDefinition{AttributeName: aws.String(name), AttributeType: typ}
}

// newTable creates an on-demand table with a unique name, keyed by keys
// (the partition key, then the sort key if any), waits until it is
// ACTIVE, and deletes it when the test ends. It returns the name.
func newTable(t testing.TB, keys ...types.AttributeDefinition) string {
	t.Helper()
	name := uniqueName(t)
	createTable(t, name, keys...)
	return name
}

// createTable creates an on-demand table named name, keyed by keys (the
// partition key, then the sort key if any), waits until it is ACTIVE,
// and deletes it when the test ends.
func createTable(t testing.TB, name string, keys ...types.AttributeDefinition) {
	t.Helper()
	createTableFrom(t, onDemand(name, keys...))
}

// createTableFrom creates the table in describes, waits until it is
// ACTIVE, and deletes it when the test ends.
func createTableFrom(t testing.TB, in *dynamodb.CreateTableInput) {
	t.Helper()
	c, name := client(t), aws.ToString(in.TableName)
	_, err := c.CreateTable(context.Background(), in)
	require.NoError(t, err)
	t.Cleanup(func() { dropTable(t, name) })
	waiter := dynamodb.NewTableExistsWaiter(c, func(o *dynamodb.TableExistsWaiterOptions) { o.MinDelay = time.Second })
	require.NoError(t, waiter.Wait(context.Background(), &dynamodb.DescribeTableInput{TableName: aws.String(name)}, 5*time.Minute))
}

// onDemand is the CreateTable input of an on-demand table keyed by keys:
// the partition key, then the sort key if any.
func onDemand(name string, keys ...types.AttributeDefinition) *dynamodb.CreateTableInput {
	in := &dynamodb.CreateTableInput{TableName: aws.String(name), AttributeDefinitions: keys, BillingMode: types.BillingModePayPerRequest}
	for i, k := range keys {
		in.KeySchema = append(in.KeySchema, types.KeySchemaElement{AttributeName: k.AttributeName, KeyType: []types.KeyType{types.KeyTypeHash, types.KeyTypeRange}[i]})
	}
	return in
}

// dropTable deletes a table the test made, unless the test deleted it
// itself.
func dropTable(t testing.TB, name string) {
	_, err := client(t).DeleteTable(context.Background(), &dynamodb.DeleteTableInput{TableName: aws.String(name)})
	var gone *types.ResourceNotFoundException
	if err != nil && !errors.As(err, &gone) {
		t.Errorf("deleting table %s: %v", name, err)
	}
}

// validationPrefix is how AWS's newer validation layer wraps messages
// (ddb-facts §0); regions on that layer answer with it.
const validationPrefix = "1 validation error detected: "

// requireValidation requires err to be a ValidationException whose
// message is, whole, one of msgs or one of msgs in the newer layer's
// envelope.
func requireValidation(t testing.TB, err error, msgs ...string) {
	t.Helper()
	accepted := slices.Clone(msgs)
	for _, m := range msgs {
		accepted = append(accepted, validationPrefix+m)
	}
	requireAPIError(t, err, "ValidationException", accepted...)
}

// apiMessage requires err to be a service error with the given code and
// returns its message.
func apiMessage(t testing.TB, err error, code string) string {
	t.Helper()
	requireAPIError(t, err, code)
	var apiErr smithy.APIError
	errors.As(err, &apiErr)
	return apiErr.ErrorMessage()
}

// requireAPIError requires err to be a service error with the given code
// and, if any msgs are given, one of them as its whole message.
func requireAPIError(t testing.TB, err error, code string, msgs ...string) {
	t.Helper()
	var apiErr smithy.APIError
	require.ErrorAs(t, err, &apiErr)
	require.Equal(t, code, apiErr.ErrorCode(), apiErr.ErrorMessage())
	if len(msgs) > 0 {
		require.Contains(t, msgs, apiErr.ErrorMessage())
	}
}
