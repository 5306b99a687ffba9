package ddbaws

import (
	"errors"
	"reflect"
	"sync"

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
	if e, ok := errors.AsType[*ddbsim.Error](err); ok {
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
	if typed := errorTypeOf(e.Code).build(e.Message); typed != nil {
		switch t := typed.(type) {
		case *types.ConditionalCheckFailedException:
			t.Item = FromItem(e.Item)
		case *types.TransactionCanceledException:
			t.CancellationReasons = mapSlice(e.CancellationReasons, cancellationReason)
		}
		return typed
	}
	msg := e.Message
	if msg == "" {
		msg = unknownError
	}
	return &smithy.GenericAPIError{Code: e.Code, Message: msg}
}

// errorType is how to build the SDK's error for one error code: the
// registry's constructor, and the index of the Message field (a *string)
// of the struct it returns. The SDK's deserializer fills that field from
// the body's "message" or "Message"; every error type in its registry has
// it, but no interface or constructor reaches it, hence reflection.
type errorType struct {
	new     func() any // nil if the registry has no error type for the code
	message []int
}

// errorTypes caches errorTypeOf by code (ddbsim has a few dozen): the
// registry's LookupEntry scans every entry for a code it does not hold,
// such as ValidationException, and reflection looks fields up by name.
var errorTypes sync.Map // code (string) → errorType

// errorTypeOf returns how to build the SDK's error for code, from the
// SDK's registry.
func errorTypeOf(code string) errorType {
	if t, ok := errorTypes.Load(code); ok {
		return t.(errorType)
	}
	var t errorType
	if entry, ok := dynamodb.TypeRegistry.LookupEntry(code); ok {
		v := entry.New()
		_, isAPIError := v.(smithy.APIError)
		typ := reflect.TypeOf(v)
		if isAPIError && typ.Kind() == reflect.Pointer && typ.Elem().Kind() == reflect.Struct {
			if f, ok := typ.Elem().FieldByName("Message"); ok && f.Type == reflect.TypeFor[*string]() {
				t = errorType{new: entry.New, message: f.Index}
			}
		}
	}
	errorTypes.Store(code, t)
	return t
}

// build returns a new error of the type with its Message set (nil for an
// empty msg), or nil if the code has no error type.
func (t errorType) build(msg string) smithy.APIError {
	if t.new == nil {
		return nil
	}
	typed := t.new().(smithy.APIError)
	reflect.ValueOf(typed).Elem().FieldByIndex(t.message).Set(reflect.ValueOf(optional(msg)))
	return typed
}

// cancellationReason converts one reason of a cancelled transaction; an
// empty Message (the "None" reason's) is left out, as on the wire.
func cancellationReason(r ddbsim.CancellationReason) types.CancellationReason {
	return types.CancellationReason{Code: aws.String(r.Code), Message: optional(r.Message), Item: FromItem(r.Item)}
}
