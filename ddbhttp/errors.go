package ddbhttp

import (
	"net/http"

	"github.com/ddbsim/ddbsim"
)

// The namespaces DynamoDB puts in front of error codes in "__type".
const (
	nsDynamoDB = "com.amazonaws.dynamodb.v20120810#"
	nsValidate = "com.amazon.coral.validate#"
	nsService  = "com.amazon.coral.service#"
)

// errorBody is DynamoDB's JSON error shape. Message goes under "message"
// or "Message" as the real service spells it for that code.
type errorBody struct {
	Type                string               `json:"__type"`
	LowerMessage        string               `json:"message,omitempty"`
	UpperMessage        string               `json:"Message,omitempty"`
	Item                ddbsim.Item          `json:"Item,omitzero"`
	CancellationReasons []cancellationReason `json:"CancellationReasons,omitzero"`
	status              int
}

type cancellationReason struct {
	Code    string      `json:"Code"`
	Message string      `json:"Message,omitempty"`
	Item    ddbsim.Item `json:"Item,omitzero"`
}

// errorFor builds the body and status for err.
func errorFor(e *ddbsim.Error) errorBody {
	b := errorBody{Type: nsDynamoDB + e.Code, status: http.StatusBadRequest, Item: e.Item}
	upper := false
	switch e.Code {
	case ddbsim.CodeValidation:
		b.Type = nsValidate + e.Code
	case ddbsim.CodeSerialization, ddbsim.CodeUnknownOperation, ddbsim.CodeAccessDenied:
		b.Type = nsService + e.Code
		upper = true
	case codeMissingToken, codeIncompleteSignature, codeInvalidSignature, codeUnrecognizedClient:
		b.Type = nsService + e.Code // "message", as dynalite captured them
	case ddbsim.CodeTransactionCanceled:
		upper = true
	case ddbsim.CodeInternalServerError:
		b.status = http.StatusInternalServerError
	}
	if upper {
		b.UpperMessage = e.Message
	} else {
		b.LowerMessage = e.Message
	}
	for _, r := range e.CancellationReasons {
		b.CancellationReasons = append(b.CancellationReasons, cancellationReason(r))
	}
	return b
}
