package ddbsim

import "errors"

// Error is a DynamoDB service error: Code is the error type as AWS names it
// ("ValidationException", "ConditionalCheckFailedException", ...), Message
// is AWS's text. Use errors.Is with the sentinels below to branch on the
// kind; the wire handler turns an Error into DynamoDB's JSON error body.
type Error struct {
	// Code is the AWS error type, without namespace.
	Code string
	// Message is AWS's message text (classic wording).
	Message string
	// Item is the stored item on a failed condition when the request set
	// ReturnValuesOnConditionCheckFailure to ALL_OLD and the item existed.
	Item Item
	// CancellationReasons explains a TransactionCanceledException, one
	// entry per action, in order.
	CancellationReasons []CancellationReason
	// current is the message in the newer validation framework's wording
	// (ddb-facts §0), where it is known; "" otherwise. DB.worded uses it.
	current string
	// unsupported marks a refusal of something ddbsim does not implement
	// (an operation, a request member): the error then also matches
	// errors.ErrUnsupported.
	unsupported bool
	// faultTable, set on the error of an injected TransactionConflict
	// fault, is the table it was armed on ("" for any).
	faultTable *string
}

// CancellationReason is one action's outcome in a cancelled transaction.
type CancellationReason struct {
	// Code is "None", "ConditionalCheckFailed", "ValidationError", ...
	Code string
	// Message is empty for "None".
	Message string
	// Item is the item that failed its condition, with
	// ReturnValuesOnConditionCheckFailure=ALL_OLD.
	Item Item
}

// Error returns "Code: Message".
func (e *Error) Error() string {
	if e.Message == "" {
		return e.Code
	}
	return e.Code + ": " + e.Message
}

// Is reports whether target is an *Error with the same Code and either no
// Message or the same Message, so that errors.Is(err, ErrValidation)
// matches any ValidationException. A refusal of an operation or a
// request member ddbsim does not implement yet (see CheckOperation,
// errUnsupported) also matches errors.ErrUnsupported, so a test can skip
// what ddbsim cannot run yet. Only the native API returns that mark: over
// the wire (ddbhttp, ddbaws) the refusal is the error alone, as any
// DynamoDB error is.
func (e *Error) Is(target error) bool {
	if target == errors.ErrUnsupported {
		return e.unsupported
	}
	t, ok := target.(*Error)
	return ok && t.Code == e.Code && (t.Message == "" || t.Message == e.Message)
}

// Error codes, as AWS names them.
const (
	CodeValidation                      = "ValidationException"
	CodeConditionalCheckFailed          = "ConditionalCheckFailedException"
	CodeResourceNotFound                = "ResourceNotFoundException"
	CodeResourceInUse                   = "ResourceInUseException"
	CodeProvisionedThroughputExceeded   = "ProvisionedThroughputExceededException"
	CodeInternalServerError             = "InternalServerError"
	CodeTransactionCanceled             = "TransactionCanceledException"
	CodeLimitExceeded                   = "LimitExceededException"
	CodeItemCollectionSizeLimitExceeded = "ItemCollectionSizeLimitExceededException"
	CodeTransactionConflict             = "TransactionConflictException"
	CodeAccessDenied                    = "AccessDeniedException"
	CodeIdempotentParameterMismatch     = "IdempotentParameterMismatchException"
	CodeTransactionInProgress           = "TransactionInProgressException"
)

// Sentinels for errors.Is. Each matches every *Error with its Code.
var (
	ErrValidation                    = &Error{Code: CodeValidation}
	ErrConditionalCheckFailed        = &Error{Code: CodeConditionalCheckFailed}
	ErrResourceNotFound              = &Error{Code: CodeResourceNotFound}
	ErrResourceInUse                 = &Error{Code: CodeResourceInUse}
	ErrProvisionedThroughputExceeded = &Error{Code: CodeProvisionedThroughputExceeded}
	ErrInternalServerError           = &Error{Code: CodeInternalServerError}
	ErrTransactionCanceled           = &Error{Code: CodeTransactionCanceled}
	ErrLimitExceeded                 = &Error{Code: CodeLimitExceeded}
	ErrAccessDenied                  = &Error{Code: CodeAccessDenied}
	ErrIdempotentParameterMismatch   = &Error{Code: CodeIdempotentParameterMismatch}
	ErrTransactionInProgress         = &Error{Code: CodeTransactionInProgress}
)

// ErrLostResponse is returned by an operation whose response was dropped
// by an injected LostResponse fault: the operation was applied, but the
// caller learns nothing of it, as when a network drops DynamoDB's reply.
// It is not an *Error: DynamoDB never sends it, the network causes it.
var ErrLostResponse = errors.New("ddbsim: response lost (injected fault); the request was applied")

func validationError(msg string) *Error {
	return &Error{Code: CodeValidation, Message: msg}
}

// errUnsupported refuses a request member ddbsim does not implement yet,
// named as the API names it (a top-level member, or a value such as
// "DeletionProtectionEnabled true"): a ValidationException, as DynamoDB
// answers a request it cannot serve, that also matches
// errors.ErrUnsupported. Refusing beats ignoring: an ignored member would
// let a test pass on behaviour (an index, a stream) nobody provided.
func errUnsupported(member string) *Error {
	return &Error{Code: CodeValidation, Message: "ddbsim does not support " + member + " yet", unsupported: true}
}

// rephrased returns a ValidationException whose message is err's, as
// reword rewrites it, when err is an *Error (an inner check's answer that
// DynamoDB words differently in this context); any other error comes back
// as it is.
func rephrased(err error, reword func(msg string) string) error {
	if e, ok := errors.AsType[*Error](err); ok {
		return validationError(reword(e.Message))
	}
	return err
}
