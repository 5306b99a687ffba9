package ddbaws

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/ddbsim/ddbsim"
)

// API serves DynamoDB operations from a ddbsim.DB with the method set of
// *dynamodb.Client: each method has exactly the client's signature, so a
// value of either type satisfies the narrow interfaces application code
// takes (interface{ GetItem(context.Context, *dynamodb.GetItemInput,
// ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error) }).
//
// A call converts the SDK input straight to ddbsim's, runs it and converts
// the output back: no JSON, no signing, no HTTP. What a caller observes is
// what NewClient gives, with these differences:
//
//   - optFns are accepted and ignored: there is no middleware, retryer,
//     endpoint or credential to configure.
//   - There is no retryer: a throttled, failed or lost call (injected
//     faults) returns its error at once, where NewClient's retryer tries
//     again. A LostResponse fault returns an error that matches
//     ddbsim.ErrLostResponse under errors.Is; the write was applied.
//   - Outputs carry no ResultMetadata (no request id), and errors no HTTP
//     response (*awshttp.ResponseError).
//   - CreateTable's Tags, which ddbsim does not implement yet, are
//     refused with an error that matches errors.ErrUnsupported, not
//     ignored. The other members ddbsim does not implement yet
//     (GlobalSecondaryIndexes, WarmThroughput, ...) are refused by the DB
//     with the ValidationException NewClient gets.
//   - A nil AttributeValue, also inside an M or L, is DynamoDB's empty
//     AttributeValue, a ValidationException (see ToValue). The SDK client
//     cannot serialize it: in a map it sends invalid JSON (a
//     SerializationException), in a list it drops the element.
//
// Errors are those of the SDK client: a *smithy.OperationError naming the
// operation, around the SDK's typed service error where it has one
// (*types.ResourceNotFoundException, *types.ConditionalCheckFailedException
// with its Item, ...), else a *smithy.GenericAPIError; errors.As with
// smithy.APIError works on all of them. Input the SDK client refuses
// before sending (a nil TableName) gives its smithy.InvalidParamsError.
//
// An API is safe for concurrent use.
type API struct {
	db *ddbsim.DB
}

// NewAPI returns an API serving db. Cost: O(1); a call costs ddbsim's
// operation plus converting its input and output, O(size of the items).
func NewAPI(db *ddbsim.DB) *API {
	return &API{db: db}
}

// operations lists the methods API implements. *dynamodb.Client has each
// of them with the same signature, which the assertions below check at
// compile time.
type operations interface {
	CreateTable(context.Context, *dynamodb.CreateTableInput, ...func(*dynamodb.Options)) (*dynamodb.CreateTableOutput, error)
	DescribeTable(context.Context, *dynamodb.DescribeTableInput, ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error)
	DeleteTable(context.Context, *dynamodb.DeleteTableInput, ...func(*dynamodb.Options)) (*dynamodb.DeleteTableOutput, error)
	ListTables(context.Context, *dynamodb.ListTablesInput, ...func(*dynamodb.Options)) (*dynamodb.ListTablesOutput, error)
	PutItem(context.Context, *dynamodb.PutItemInput, ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	GetItem(context.Context, *dynamodb.GetItemInput, ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	DeleteItem(context.Context, *dynamodb.DeleteItemInput, ...func(*dynamodb.Options)) (*dynamodb.DeleteItemOutput, error)
	UpdateItem(context.Context, *dynamodb.UpdateItemInput, ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error)
	Query(context.Context, *dynamodb.QueryInput, ...func(*dynamodb.Options)) (*dynamodb.QueryOutput, error)
	Scan(context.Context, *dynamodb.ScanInput, ...func(*dynamodb.Options)) (*dynamodb.ScanOutput, error)
	BatchGetItem(context.Context, *dynamodb.BatchGetItemInput, ...func(*dynamodb.Options)) (*dynamodb.BatchGetItemOutput, error)
	BatchWriteItem(context.Context, *dynamodb.BatchWriteItemInput, ...func(*dynamodb.Options)) (*dynamodb.BatchWriteItemOutput, error)
}

var (
	_ operations = (*API)(nil)
	_ operations = (*dynamodb.Client)(nil)
)

// invoke runs one operation as the SDK client would: a nil params is an
// empty input; toInput checks and converts the SDK input (I) to ddbsim's
// (DI), run runs it on db, and toOutput converts ddbsim's output (DO) to
// the SDK's (O). Every error is wrapped as the client wraps it.
func invoke[I, DI, DO, O any](
	ctx context.Context, db *ddbsim.DB, op string, params *I,
	toInput func(*I) (DI, error),
	run func(*ddbsim.DB, context.Context, DI) (*DO, error),
	toOutput func(*DO) *O,
) (*O, error) {
	if params == nil {
		params = new(I)
	}
	in, err := toInput(params)
	if err != nil {
		return nil, operationError(op, err)
	}
	out, err := run(db, ctx, in)
	if err != nil {
		return nil, operationError(op, err)
	}
	return toOutput(out), nil
}
