package ddbaws

import (
	"context"

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
//   - An input member ddbsim does not implement yet (CreateTable's
//     GlobalSecondaryIndexes, WarmThroughput, ...) is refused by the DB
//     with the ValidationException NewClient gets, not ignored.
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
