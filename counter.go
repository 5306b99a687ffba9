package ddbsim

import (
	"context"
	"errors"
	"slices"
)

// AtomicCounter is a number attribute of one item, incremented with
// UpdateItem's ADD. Increments are atomic and applied in arrival order:
// concurrent Adds never lose one. But ADD is not idempotent: a request
// that is retried after its response was lost (a timeout, a dropped
// connection, an SDK retry) is counted again. Use it where an occasional
// double count is acceptable (page views); use IdempotentCounter where it
// is not.
type AtomicCounter struct {
	Table *Table
	// Key is the counter item's key; the item is created on first Add.
	Key Item
	// Attribute is the counter's attribute; it starts at 0.
	Attribute string
}

// Add adds delta (a decimal number, exact: no float rounding) and returns
// the counter's new value. Cost: one UpdateItem.
func (c *AtomicCounter) Add(ctx context.Context, delta string) (string, error) {
	out, err := c.Table.UpdateItem(ctx, UpdateItemInput{
		Key:                       c.Key,
		UpdateExpression:          "ADD #n :d",
		ExpressionAttributeNames:  map[string]string{"#n": c.Attribute},
		ExpressionAttributeValues: map[string]Value{":d": N(delta)},
		ReturnValues:              ReturnValueUpdatedNew,
	})
	if err != nil {
		return "", err
	}
	return out.Attributes[c.Attribute].N(), nil
}

// DefaultRemember is how many tokens an IdempotentCounter remembers when
// Remember is 0.
const DefaultRemember = 64

// IdempotentCounter is a number attribute of one item whose increments
// each carry a token (a request id chosen by the caller, the same on every
// retry of one logical increment): an increment whose token the counter
// has already seen is not applied again. It is built on conditional
// writes only, so the same calls work against DynamoDB.
//
// The algorithm: the counter item holds the value in Attribute and, in
// Attribute+"_tokens", a list of the last Remember tokens applied, oldest
// first. Add sends one UpdateItem that adds delta and appends the token,
// on condition that the token is not in the list and the list is not full
// ("SET n = if_not_exists(n, 0) + delta, tokens = list_append(...)").
// When the condition fails, the item returned with the failure
// (ReturnValuesOnConditionCheckFailure=ALL_OLD, read atomically with the
// check) tells why: the token is in the list, so this is a duplicate; or
// the list is full, so Add sends the variant that also drops the oldest
// token ("REMOVE tokens[0] SET tokens[1048576] = token": an index past the
// end appends), on condition that the list is full. Concurrent Adds make those
// conditions fail for each other; Add then starts over.
//
// A duplicate changes nothing and returns the counter's current value
// (which later increments may have moved past the value the first
// application returned), with duplicate true. Only the last Remember
// tokens are remembered: a retry arriving after Remember other increments
// is applied again.
type IdempotentCounter struct {
	Table *Table
	// Key is the counter item's key; the item is created on first Add.
	Key Item
	// Attribute is the counter's attribute; it starts at 0.
	Attribute string
	// Remember is how many tokens are kept; DefaultRemember if 0.
	Remember int
}

// errCounterContention is returned when an Add keeps losing races.
var errCounterContention = errors.New("ddbsim: IdempotentCounter.Add lost 100 races in a row")

// Add adds delta (a decimal number) unless an increment with token was
// already applied, and returns the counter's value after it. Errors are
// UpdateItem's (including ErrLostResponse: retry with the same token).
// Cost: usually one UpdateItem; two when the token list is full; more
// under contention.
func (c *IdempotentCounter) Add(ctx context.Context, token, delta string) (value string, duplicate bool, err error) {
	remember := c.Remember
	if remember <= 0 {
		remember = DefaultRemember
	}
	names := map[string]string{"#n": c.Attribute, "#t": c.Attribute + "_tokens"}
	values := map[string]Value{":d": N(delta), ":tok": S(token), ":k": Int(int64(remember))}
	full := false
	for range 100 {
		in := UpdateItemInput{
			Key: c.Key, ExpressionAttributeNames: names,
			ReturnValues:                        ReturnValueUpdatedNew,
			ReturnValuesOnConditionCheckFailure: ReturnValuesOnConditionCheckFailureAllOld,
		}
		if full {
			in.UpdateExpression = "SET #n = #n + :d, #t[1048576] = :tok REMOVE #t[0]"
			in.ConditionExpression = "size(#t) >= :k AND NOT contains(#t, :tok)"
			in.ExpressionAttributeValues = values
		} else {
			in.UpdateExpression = "SET #n = if_not_exists(#n, :zero) + :d, #t = list_append(if_not_exists(#t, :empty), :toks)"
			in.ConditionExpression = "(attribute_not_exists(#t) OR size(#t) < :k) AND NOT contains(#t, :tok)"
			in.ExpressionAttributeValues = map[string]Value{":d": values[":d"], ":tok": values[":tok"], ":k": values[":k"],
				":zero": N("0"), ":empty": L(), ":toks": L(S(token))}
		}
		out, err := c.Table.UpdateItem(ctx, in)
		if err == nil {
			return out.Attributes[c.Attribute].N(), false, nil
		}
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeConditionalCheckFailed {
			return "", false, err
		}
		tokens := e.Item[c.Attribute+"_tokens"].L()
		if slices.ContainsFunc(tokens, func(v Value) bool { return v.Equal(S(token)) }) {
			return e.Item[c.Attribute].N(), true, nil
		}
		full = len(tokens) >= remember
	}
	return "", false, errCounterContention
}
