package expr

import (
	"fmt"
	"strings"
)

// Error is a rejected expression or expression attribute map. Message is
// DynamoDB's text, ready to be sent as a ValidationException: for an
// expression it starts with "Invalid <parameter>: " (see Kind.String); the
// attribute-map messages of CheckNameKeys, CheckValueKeys and CheckUnused
// have no prefix, as in DynamoDB.
type Error struct {
	Message string
}

// Error returns Message.
func (e *Error) Error() string { return e.Message }

// Limits DynamoDB places on expressions.
const (
	maxExpressionSize = 4096      // bytes of raw expression text
	maxOperators      = 300       // operators and functions in one expression
	maxPathDepth      = 32        // elements of one document path
	maxInOperands     = 100       // operands of IN, counting the left one
	maxListIndex      = 1<<31 - 1 // DynamoDB parses list indexes as Java ints
)

// The messages of the expression checks, without the "Invalid <parameter>: "
// prefix that invalid adds.
const (
	msgEmpty          = "The expression can not be empty;"
	msgSize           = "Expression size has exceeded the maximum allowed size; expression size: %d"
	msgSyntax         = `Syntax error; token: "%s", near: "%s"`
	msgParens         = "The expression has redundant parentheses;"
	msgIndexRange     = "List index is not within the allowable range; index: [%s]"
	msgPathDepth      = "The document path has too many nesting levels; nesting levels: %d"
	msgOperators      = "The expression contains too many operators; operator count: %d"
	msgFunctionName   = "Invalid function name; function: %s"
	msgNotInCondition = "The function is not allowed in a condition expression; function: %s"
	msgNotInUpdate    = "The function is not allowed in an update expression; function: %s"
	msgMisused        = "The function is not allowed to be used this way in an expression; function: %s"
	msgReserved       = "Attribute name is a reserved keyword; reserved keyword: %s"
	msgSection        = `The "%s" section can only be used once in an update expression;`
	msgUndefinedName  = "An expression attribute name used in the document path is not defined; attribute name: %s"
	msgUndefinedValue = "An expression attribute value used in expression is not defined; attribute value: %s"
	msgArity          = "Incorrect number of operands for operator or function; operator or function: %s, number of operands: %d"
	msgInOperands     = "The IN operator is provided with too many operands; number of operands: %d"
	msgDistinct       = "The first operand must be distinct from the remaining operands for this operator or function; operator: %s, first operand: %s"
	msgNeedsPath      = "Operator or function requires a document path; operator or function: %s"
	msgOperandType    = "Incorrect operand type for operator or function; operator or function: %s, operand type: %s"
	msgOverlap        = "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: %s, path two: %s"
	msgConflict       = "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: %s, path two: %s"
)

// anyType is how DynamoDB names the type of a document path when a function
// needs a constant of a known type there (attribute_type's second operand).
const anyType = "{S,SS,N,NS,B,BS,BOOL,NULL,L,M,HD,DOUBLE,FLOAT,HDS,FS,DOUBLESET,DICT,DECIMAL,INT,DECIMALSET,INTSET}"

// invalidf returns the error for an expression of kind k, formatted as
// fmt.Sprintf does and prefixed with "Invalid <parameter>: ".
func invalidf(k Kind, format string, args ...any) *Error {
	return &Error{Message: "Invalid " + k.String() + ": " + fmt.Sprintf(format, args...)}
}

// renderPath writes a resolved path as DynamoDB does in its messages:
// [a, b, [0], c].
func renderPath(elems []PathElem) string {
	var sb strings.Builder
	sb.WriteByte('[')
	for i, e := range elems {
		if i > 0 {
			sb.WriteString(", ")
		}
		if e.IsIndex {
			fmt.Fprintf(&sb, "[%d]", e.Index)
		} else {
			sb.WriteString(e.Name)
		}
	}
	sb.WriteByte(']')
	return sb.String()
}
