package expr

import "strconv"

// Kind names the request parameter an expression came from. It selects the
// grammar (Projection and Update have their own; the others share the
// condition grammar) and the "Invalid <parameter>: " prefix of every error.
type Kind uint8

// The five kinds of expression.
const (
	Condition    Kind = iota + 1 // ConditionExpression
	Filter                       // FilterExpression
	KeyCondition                 // KeyConditionExpression
	Projection                   // ProjectionExpression
	Update                       // UpdateExpression
)

// String returns the request parameter's name, as DynamoDB spells it in
// error messages: "ConditionExpression", "FilterExpression", ...
func (k Kind) String() string {
	switch k {
	case Condition:
		return "ConditionExpression"
	case Filter:
		return "FilterExpression"
	case KeyCondition:
		return "KeyConditionExpression"
	case Projection:
		return "ProjectionExpression"
	case Update:
		return "UpdateExpression"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// isCondition reports whether k uses the condition grammar.
func (k Kind) isCondition() bool {
	return k == Condition || k == Filter || k == KeyCondition
}

// mustCondition panics unless k uses the condition grammar: passing another
// kind where a condition is parsed is a bug in the caller, not bad input.
func mustCondition(k Kind) {
	if !k.isCondition() {
		panic("expr: " + k.String() + " is not a condition kind")
	}
}
