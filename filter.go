package ddbsim

import (
	"errors"
	"slices"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// Condition is one legacy condition on an attribute, as QueryFilter,
// ScanFilter and KeyConditions take it: the attribute compared by
// ComparisonOperator with the values of AttributeValueList (none for NULL
// and NOT_NULL, two for BETWEEN, one or more for IN, one otherwise).
type Condition struct {
	ComparisonOperator ComparisonOperator
	AttributeValueList []Value `json:",omitzero"`
}

// comparisonOperators lists the legacy operators in the order AWS's enum
// message prints them.
var comparisonOperators = []string{"IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS"}

// conditions checks the operators of a legacy condition map (QueryFilter,
// ScanFilter, KeyConditions) found at path: present and known.
func (c *constraints) conditions(conds map[string]Condition, path string) {
	if len(conds) == 0 {
		return
	}
	for _, name := range sortedKeys(nil, conds) {
		at := path + "." + name + ".member.comparisonOperator"
		op := string(conds[name].ComparisonOperator)
		if op == "" {
			c.fail(nil, at, "Member must not be null")
			continue
		}
		c.enum(op, at, comparisonOperators...)
	}
}

// checkConditions makes DynamoDB's checks on a legacy condition map, name
// by name in name order: the values valid, as many as the operator takes,
// of one type, of a type the operator accepts, BETWEEN bounds in order.
// It returns the conditions compiled into one condition (joined by op,
// AND by default) over synthetic placeholders, and its env; a nil node for
// an empty or nil map.
func checkConditions(conds map[string]Condition, op ConditionalOperator) (expr.Node, env, error) {
	if len(conds) == 0 {
		return nil, env{}, nil
	}
	names := sortedKeys(nil, conds)
	for _, name := range names {
		cond := conds[name]
		for _, v := range cond.AttributeValueList {
			if _, _, err := canonicalValue(v); err != nil {
				return nil, env{}, err
			}
		}
		n, spec := len(cond.AttributeValueList), legacyArgs[cond.ComparisonOperator]
		if (spec.n >= 0 && n != spec.n) || (spec.n < 0 && n == 0) {
			return nil, env{}, validationError("One or more parameter values were invalid: Invalid number of argument(s) for the " +
				string(cond.ComparisonOperator) + " ComparisonOperator")
		}
		for _, v := range cond.AttributeValueList {
			if v.t != cond.AttributeValueList[0].t {
				return nil, env{}, validationError("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type")
			}
		}
	}
	expected := make(map[string]ExpectedAttributeValue, len(conds))
	for name, cond := range conds {
		expected[name] = ExpectedAttributeValue{ComparisonOperator: cond.ComparisonOperator, AttributeValueList: cond.AttributeValueList}
	}
	return legacyCondition(expected, op)
}

// readFilter returns a Query's or Scan's filter, ready to evaluate: the
// legacy one (root and e from checkConditions) if any, else the compiled
// FilterExpression, else nil.
func readFilter(root expr.Node, e env, compiled *compiledExprs) *condition {
	if root != nil {
		return newCondition(root, e)
	}
	if compiled.filter != nil {
		return newCondition(compiled.filter.Root, compiled.env)
	}
	return nil
}

// checkAttributesToGet rejects an AttributesToGet list naming an
// attribute twice, or a name that is empty or over 64 KB.
func checkAttributesToGet(names []string) error {
	for i, n := range names {
		if err := checkAttributeName(n); err != nil {
			return err
		}
		if slices.Contains(names[:i], n) {
			return validationError("One or more parameter values were invalid: Duplicate value in attribute name: " + n)
		}
	}
	return nil
}

// namesProjection is the projection of a legacy AttributesToGet list, or
// the compiled ProjectionExpression when the list is nil.
func namesProjection(names []string, compiled *compiledExprs) *projection {
	if names == nil {
		return compiled.projection
	}
	paths := make([][]expr.PathElem, len(names))
	for i, n := range names {
		paths[i] = []expr.PathElem{{Name: n}}
	}
	return newProjection(paths)
}

// checkKeyPaths rejects a projection or filter that reaches inside a key
// attribute ("pk.a", "pk[0]"): key attributes are scalars.
func checkKeyPaths(ks keySchema, proj *projection, filter *condition) error {
	attrs, n := ks.keyAttrs()
	for _, a := range attrs[:n] {
		nested := false
		if proj != nil {
			n := proj.root.fields[a.name]
			nested = n != nil && !n.leaf
		}
		if filter != nil {
			walk(filter.root, func(n expr.Node) {
				if p, ok := n.(*expr.PathNode); ok && len(p.Elems) > 1 && filter.env.name(p.Elems[0]) == a.name {
					nested = true
				}
			})
		}
		if nested {
			return validationError("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: " + a.name)
		}
	}
	return nil
}

// startKeyPrefixed lists the value errors that DynamoDB reports inside an
// ExclusiveStartKey with the prefix "The provided starting key is
// invalid: "; the others (numbers, duplicates, an empty number set) come
// bare.
var startKeyPrefixed = []string{msgEmptyValue, msgMultipleTypes, msgNullFalse, msgEmptySS, msgEmptyBS}

// checkStartKeyValues validates the values of an ExclusiveStartKey, with
// AWS's messages.
func checkStartKeyValues(esk Item) error {
	if esk == nil {
		return nil
	}
	err := checkValues(esk)
	if e, ok := errors.AsType[*Error](err); ok && slices.Contains(startKeyPrefixed, e.Message) {
		return validationError(msgInvalidStartKey + ": " + e.Message)
	}
	return err
}

// msgInvalidStartKey is AWS's answer to an ExclusiveStartKey that is not
// the table's key.
const msgInvalidStartKey = "The provided starting key is invalid"
