package ddbsim

import (
	"slices"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// ReturnValuesOnConditionCheckFailure asks a failed conditional write to
// return the item it found.
type ReturnValuesOnConditionCheckFailure string

// ReturnValuesOnConditionCheckFailure values. The empty value means NONE.
const (
	ReturnValuesOnConditionCheckFailureAllOld ReturnValuesOnConditionCheckFailure = "ALL_OLD"
	ReturnValuesOnConditionCheckFailureNone   ReturnValuesOnConditionCheckFailure = "NONE"
)

// msgConditionFailed is AWS's ConditionalCheckFailedException text.
const msgConditionFailed = "The conditional request failed"

// condition is a write's compiled condition (a ConditionExpression or a
// legacy Expected map), checked on the leader atomically with the write.
type condition struct {
	root expr.Node
	env  env
	// top are the top-level attributes the condition reads: only those
	// are decoded from the stored item.
	top []string
}

// newCondition wraps a compiled condition; nil root means none.
func newCondition(root expr.Node, e env) *condition {
	if root == nil {
		return nil
	}
	c := &condition{root: root, env: e}
	walk(root, func(n expr.Node) {
		if p, ok := n.(*expr.PathNode); ok {
			if name := e.name(p.Elems[0]); !slices.Contains(c.top, name) {
				c.top = append(c.top, name)
			}
		}
	})
	return c
}

// holds evaluates the condition on the stored entry (found false: no
// item). A nil condition always holds.
func (c *condition) holds(old entry, found bool) (bool, error) {
	if c == nil {
		return true, nil
	}
	var item Item
	if found {
		item = getScratchItem()
		defer putScratchItem(item)
		if err := decodeAttributesInto(item, old.enc(), c.top, nil); err != nil {
			return false, err
		}
	}
	return c.env.cond(c.root, item), nil
}

// conditionFailed is the ConditionalCheckFailedException for a write whose
// condition did not hold; with ALL_OLD it carries the item it found.
func conditionFailed(old entry, found bool, rv ReturnValuesOnConditionCheckFailure) error {
	e := &Error{Code: CodeConditionalCheckFailed, Message: msgConditionFailed}
	if found && rv == ReturnValuesOnConditionCheckFailureAllOld {
		item, err := decodeItem(old.enc())
		if err != nil {
			return err
		}
		e.Item = item
	}
	return e
}

// returnValuesOnConditionCheckFailure validates that enum.
func (c *constraints) returnValuesOnConditionCheckFailure(rv ReturnValuesOnConditionCheckFailure) {
	c.enum(string(rv), "returnValuesOnConditionCheckFailure", "ALL_OLD", "NONE")
}

// orConditionFailed returns err if there is one, else the
// ConditionalCheckFailedException for a condition that did not hold.
func orConditionFailed(err error, old entry, found bool, rv ReturnValuesOnConditionCheckFailure) error {
	if err != nil {
		return err
	}
	return conditionFailed(old, found, rv)
}

// writeCondition compiles a write's expressions and its condition: a
// legacy Expected map or the request's ConditionExpression. The condition
// is nil when the write has none.
func (db *DB) writeCondition(r exprRequest, expected map[string]ExpectedAttributeValue, op ConditionalOperator) (*condition, *compiledExprs, error) {
	root, legacyEnv, err := legacyCondition(expected, op)
	if err != nil {
		return nil, nil, err
	}
	compiled, err := db.compile(r)
	if err != nil {
		return nil, nil, err
	}
	if root != nil {
		return newCondition(root, legacyEnv), compiled, nil
	}
	if compiled.condition != nil {
		return newCondition(compiled.condition.Root, compiled.env), compiled, nil
	}
	return nil, compiled, nil
}

// legacy is one legacy (non-expression) parameter of a request: its name
// and whether the request sets it.
type legacy struct {
	name string
	set  bool
}

// legacyParams lists the legacy parameters a request sets, in the order
// given.
func legacyParams(params ...legacy) []string {
	var out []string
	for _, p := range params {
		if p.set {
			out = append(out, p.name)
		}
	}
	return out
}
