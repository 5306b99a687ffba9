package ddbaws

import (
	"context"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

func TestServiceError_EveryRegistryCodeIsTheSDKType(t *testing.T) {
	for id, entry := range dynamodb.TypeRegistry.Entries {
		code := id[strings.Index(id, "#")+1:]
		t.Run(code, func(t *testing.T) {
			err := serviceError(&ddbsim.Error{Code: code, Message: "m"})
			assert.IsType(t, entry.New(), err)
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, code, apiErr.ErrorCode())
			assert.Equal(t, "m", apiErr.ErrorMessage())
		})
	}
}

func TestServiceError_OtherCodesAreGeneric(t *testing.T) {
	assert.Equal(t, &smithy.GenericAPIError{Code: "ValidationException", Message: "bad"}, serviceError(&ddbsim.Error{Code: ddbsim.CodeValidation, Message: "bad"}))
	assert.Equal(t, &smithy.GenericAPIError{Code: "SerializationException", Message: "UnknownError"}, serviceError(&ddbsim.Error{Code: ddbsim.CodeSerialization}),
		"the SDK's message for a body without one")
}

func TestServiceError_RepeatedCodesGiveFreshErrors(t *testing.T) {
	for _, code := range []string{ddbsim.CodeConditionalCheckFailed, ddbsim.CodeValidation, "ResourceNotFoundException"} {
		t.Run(code, func(t *testing.T) {
			first := serviceError(&ddbsim.Error{Code: code, Message: "first"})
			second := serviceError(&ddbsim.Error{Code: code, Message: "second"})
			assert.NotSame(t, first, second)
			assert.Equal(t, "first", first.(smithy.APIError).ErrorMessage())
			assert.Equal(t, "second", second.(smithy.APIError).ErrorMessage())
			assert.Equal(t, reflect.TypeOf(first), reflect.TypeOf(second))
		})
	}
}

func TestServiceError_EmptyMessageIsNilOnTypedErrors(t *testing.T) {
	for range 2 { // the first call fills the cache, the second reads it
		err := serviceError(&ddbsim.Error{Code: "ResourceNotFoundException"})
		var typed *types.ResourceNotFoundException
		require.ErrorAs(t, err, &typed)
		assert.Nil(t, typed.Message)
	}
}

// cannedClient returns an SDK client whose every request gets the given
// status and JSON body, as from DynamoDB.
func cannedClient(status int, body string) *dynamodb.Client {
	return NewClient(nil, func(o *dynamodb.Options) {
		o.RetryMaxAttempts = 1
		o.HTTPClient = canned{status: status, body: body}
	})
}

type canned struct {
	status int
	body   string
}

func (c canned) Do(*http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: c.status,
		Header:     http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
		Body:       io.NopCloser(strings.NewReader(c.body)),
	}, nil
}

// TestServiceError_MatchesTheSDKDeserializer feeds DynamoDB's error bodies
// (ddb-facts §6, §9, §13) to the real client and checks that serviceError
// builds the same error from the same ddbsim.Error, extras included.
func TestServiceError_MatchesTheSDKDeserializer(t *testing.T) {
	item := ddbsim.Item{"id": ddbsim.S("a"), "n": ddbsim.N("1"), "tags": ddbsim.SS("x")}
	for _, tc := range []struct {
		name   string
		status int
		body   string
		err    *ddbsim.Error
	}{
		{"ConditionalCheckFailed with item", 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"id":{"S":"a"},"n":{"N":"1"},"tags":{"SS":["x"]}}}`,
			&ddbsim.Error{Code: ddbsim.CodeConditionalCheckFailed, Message: "The conditional request failed", Item: item}},
		{"ConditionalCheckFailed without item", 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed"}`,
			&ddbsim.Error{Code: ddbsim.CodeConditionalCheckFailed, Message: "The conditional request failed"}},
		{"TransactionCanceled", 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"The conditional request failed","Item":{"id":{"S":"a"},"n":{"N":"1"},"tags":{"SS":["x"]}}}],"Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"}`,
			&ddbsim.Error{Code: ddbsim.CodeTransactionCanceled, Message: "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
				CancellationReasons: []ddbsim.CancellationReason{{Code: "None"}, {Code: "ConditionalCheckFailed", Message: "The conditional request failed", Item: item}}}},
		{"ResourceNotFound", 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}`,
			&ddbsim.Error{Code: ddbsim.CodeResourceNotFound, Message: "Requested resource not found"}},
		{"InternalServerError", 500,
			`{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}`,
			&ddbsim.Error{Code: ddbsim.CodeInternalServerError, Message: "Internal server error"}},
		{"LimitExceeded", 400,
			`{"__type":"com.amazonaws.dynamodb.v20120810#LimitExceededException","message":"Too many operations for a given subscriber."}`,
			&ddbsim.Error{Code: ddbsim.CodeLimitExceeded, Message: "Too many operations for a given subscriber."}},
		{"Validation", 400,
			`{"__type":"com.amazon.coral.validate#ValidationException","message":"The provided key element does not match the schema"}`,
			&ddbsim.Error{Code: ddbsim.CodeValidation, Message: "The provided key element does not match the schema"}},
		{"Serialization without message", 400,
			`{"__type":"com.amazon.coral.service#SerializationException"}`,
			&ddbsim.Error{Code: ddbsim.CodeSerialization}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cannedClient(tc.status, tc.body).GetItem(context.Background(), &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{}})
			var want smithy.APIError
			require.ErrorAs(t, err, &want)
			assert.Equal(t, want, serviceError(tc.err))
			assert.Equal(t, want.ErrorFault(), serviceError(tc.err).(smithy.APIError).ErrorFault())
		})
	}
}

func TestAPI_Errors_AreTheSDKsTypedErrors(t *testing.T) {
	ctx := context.Background()
	for name, c := range both() {
		t.Run(name, func(t *testing.T) {
			users := onDemand("users", key("id", types.ScalarAttributeTypeS))
			mustCreate(t, c, users)

			_, err := c.CreateTable(ctx, users)
			var inUse *types.ResourceInUseException
			require.ErrorAs(t, err, &inUse)
			assert.Equal(t, "Table already exists: users", inUse.ErrorMessage())

			_, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("nope"), Key: map[string]types.AttributeValue{"id": avS("a")}})
			var notFound *types.ResourceNotFoundException
			require.ErrorAs(t, err, &notFound)
			assert.Equal(t, "Requested resource not found", notFound.ErrorMessage())

			_, err = c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avN("1")}})
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.IsType(t, &smithy.GenericAPIError{}, apiErr)
			assert.Equal(t, "ValidationException", apiErr.ErrorCode())
			assert.Equal(t, "The provided key element does not match the schema", apiErr.ErrorMessage())
			assert.Equal(t, smithy.FaultUnknown, apiErr.ErrorFault())

			var op *smithy.OperationError
			require.ErrorAs(t, err, &op)
			assert.Equal(t, "DynamoDB", op.Service())
			assert.Equal(t, "GetItem", op.Operation())
		})
	}
}

// TestAPI_Faults_AreTheSDKsTypedErrors injects more faults than
// NewClient's retryer makes attempts, so both clients end with the error.
func TestAPI_Faults_AreTheSDKsTypedErrors(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		kind   ddbsim.FaultKind
		target any
	}{
		{ddbsim.Throttle, new(*types.ProvisionedThroughputExceededException)},
		{ddbsim.InternalError, new(*types.InternalServerError)},
	} {
		for name, newClient := range map[string]func(*ddbsim.DB) operations{
			"NewClient": func(db *ddbsim.DB) operations { return NewClient(db) },
			"NewAPI":    func(db *ddbsim.DB) operations { return NewAPI(db) },
		} {
			db := newTestDB()
			c := newClient(db)
			mustCreate(t, c, onDemand("users", key("id", types.ScalarAttributeTypeS)))
			db.InjectFault(ddbsim.Fault{Kind: tc.kind, Operation: "GetItem", Count: 10})
			_, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: map[string]types.AttributeValue{"id": avS("a")}})
			require.ErrorAs(t, err, tc.target, name)
			assert.False(t, errors.Is(err, ddbsim.ErrLostResponse))
			assert.NotEmpty(t, reflect.ValueOf(tc.target).Elem().Interface().(smithy.APIError).ErrorMessage())
		}
	}
}
