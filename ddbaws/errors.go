package ddbaws

import (
	"errors"
	"reflect"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/ddbsim/ddbsim"
)

// operationError wraps an error of operation op as the SDK client wraps
// every error it returns: in a *smithy.OperationError naming the service
// and operation. A *ddbsim.Error inside becomes the service error the
// client's deserializer would build (see serviceError); any other error
// (the context's, ddbsim.ErrLostResponse, ...) stays as it is, so
// errors.Is still finds it.
func operationError(op string, err error) error {
	var e *ddbsim.Error
	if errors.As(err, &e) {
		err = serviceError(e)
	}
	return &smithy.OperationError{ServiceID: dynamodb.ServiceID, OperationName: op, Err: err}
}

// unknownError is the message the SDK reports for an error body without
// one.
const unknownError = "UnknownError"

// serviceError converts a DynamoDB error to what the SDK client's
// deserializer makes of its JSON body: the error type the SDK's registry
// holds for the code (*types.ResourceNotFoundException, ...), with its
// message and the extras DynamoDB sends (the item of a failed condition,
// a cancelled transaction's reasons); else a *smithy.GenericAPIError with
// the code, the message ("UnknownError" when there is none) and an unknown
// fault, as the SDK builds it for ValidationException and the like.
func serviceError(e *ddbsim.Error) error {
	if entry, ok := dynamodb.TypeRegistry.LookupEntry(e.Code); ok {
		typed, ok := entry.New().(smithy.APIError)
		if ok && setMessage(typed, e.Message) {
			switch t := typed.(type) {
			case *types.ConditionalCheckFailedException:
				t.Item = FromItem(e.Item)
			case *types.TransactionCanceledException:
				t.CancellationReasons = mapSlice(e.CancellationReasons, cancellationReason)
			}
			return typed
		}
	}
	msg := e.Message
	if msg == "" {
		msg = unknownError
	}
	return &smithy.GenericAPIError{Code: e.Code, Message: msg}
}

// setMessage sets the Message field (a *string, nil for an empty msg) of
// one of the SDK's generated error structs, and reports whether it has
// one. The SDK's deserializer fills that field from the body's "message"
// or "Message"; every error type in its registry has it, but no interface
// or constructor reaches it, hence reflection.
func setMessage(typed smithy.APIError, msg string) bool {
	v := reflect.ValueOf(typed)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return false
	}
	field := v.Elem().FieldByName("Message")
	if !field.IsValid() || field.Type() != reflect.TypeFor[*string]() {
		return false
	}
	field.Set(reflect.ValueOf(optional(msg)))
	return true
}

// cancellationReason converts one reason of a cancelled transaction; an
// empty Message (the "None" reason's) is left out, as on the wire.
func cancellationReason(r ddbsim.CancellationReason) types.CancellationReason {
	return types.CancellationReason{Code: aws.String(r.Code), Message: optional(r.Message), Item: FromItem(r.Item)}
}
