package ddbsim

import (
	"slices"
	"strconv"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// ComparisonOperator is a legacy condition's operator (Expected,
// QueryFilter, ScanFilter, KeyConditions).
type ComparisonOperator string

// Comparison operators.
const (
	ComparisonOperatorEq          ComparisonOperator = "EQ"
	ComparisonOperatorNe          ComparisonOperator = "NE"
	ComparisonOperatorIn          ComparisonOperator = "IN"
	ComparisonOperatorLe          ComparisonOperator = "LE"
	ComparisonOperatorLt          ComparisonOperator = "LT"
	ComparisonOperatorGe          ComparisonOperator = "GE"
	ComparisonOperatorGt          ComparisonOperator = "GT"
	ComparisonOperatorBetween     ComparisonOperator = "BETWEEN"
	ComparisonOperatorNotNull     ComparisonOperator = "NOT_NULL"
	ComparisonOperatorNull        ComparisonOperator = "NULL"
	ComparisonOperatorContains    ComparisonOperator = "CONTAINS"
	ComparisonOperatorNotContains ComparisonOperator = "NOT_CONTAINS"
	ComparisonOperatorBeginsWith  ComparisonOperator = "BEGINS_WITH"
)

// ConditionalOperator joins the conditions of a legacy Expected map.
type ConditionalOperator string

// Conditional operators; AND is the default.
const (
	ConditionalOperatorAnd ConditionalOperator = "AND"
	ConditionalOperatorOr  ConditionalOperator = "OR"
)

// ExpectedAttributeValue is one legacy condition on an attribute: either
// Value with Exists (the attribute equals Value; Exists false means the
// attribute must be absent), or ComparisonOperator with
// AttributeValueList.
type ExpectedAttributeValue struct {
	Value              *Value             `json:",omitzero"`
	Exists             *bool              `json:",omitzero"`
	ComparisonOperator ComparisonOperator `json:",omitzero"`
	AttributeValueList []Value            `json:",omitzero"`
}

// legacyArgs is how many values each comparison operator takes (-1: one
// or more) and of which types.
var legacyArgs = map[ComparisonOperator]struct {
	n     int
	types []Type
}{
	// EQ and NE take a value of any type, as DynamoDB does (its
	// documentation lists fewer).
	ComparisonOperatorEq:          {1, allTypes},
	ComparisonOperatorNe:          {1, allTypes},
	ComparisonOperatorLe:          {1, []Type{TypeS, TypeN, TypeB}},
	ComparisonOperatorLt:          {1, []Type{TypeS, TypeN, TypeB}},
	ComparisonOperatorGe:          {1, []Type{TypeS, TypeN, TypeB}},
	ComparisonOperatorGt:          {1, []Type{TypeS, TypeN, TypeB}},
	ComparisonOperatorContains:    {1, []Type{TypeS, TypeN, TypeB}},
	ComparisonOperatorNotContains: {1, []Type{TypeS, TypeN, TypeB}},
	ComparisonOperatorBeginsWith:  {1, []Type{TypeS, TypeB}},
	ComparisonOperatorIn:          {-1, []Type{TypeS, TypeN, TypeB}},
	ComparisonOperatorBetween:     {2, []Type{TypeS, TypeN, TypeB}},
	ComparisonOperatorNull:        {0, nil},
	ComparisonOperatorNotNull:     {0, nil},
}

// allTypes lists every attribute value type.
var allTypes = []Type{TypeS, TypeN, TypeB, TypeBOOL, TypeNULL, TypeM, TypeL, TypeSS, TypeNS, TypeBS}

// checkConditionalOperator makes DynamoDB's check of a ConditionalOperator
// against the legacy condition map it joins (Expected, QueryFilter or
// ScanFilter), which holds n conditions: the map must hold two or more.
func checkConditionalOperator(op ConditionalOperator, n int) error {
	switch {
	case op == "" || n >= 2:
		return nil
	case n == 0:
		return validationError("ConditionalOperator cannot be used without Filter or Expected")
	}
	return validationError("ConditionalOperator can only be used when Filter or Expected has two or more elements")
}

// expected checks the enums of a legacy Expected map and its
// ConditionalOperator.
func (c *constraints) expected(exp map[string]ExpectedAttributeValue, op ConditionalOperator) {
	c.conditionalOperator(op)
	for _, name := range sortedKeys(nil, exp) {
		c.enum(string(exp[name].ComparisonOperator), "expected."+name+".member.comparisonOperator",
			"IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS", "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS")
	}
}

// legacyCondition compiles a legacy Expected map into a condition over
// synthetic placeholders, after DynamoDB's checks (AWS's messages). It
// returns nil for an absent map.
func legacyCondition(exp map[string]ExpectedAttributeValue, op ConditionalOperator) (expr.Node, env, error) {
	if exp == nil {
		return nil, env{}, nil
	}
	const invalid = msgInvalid
	e := env{names: map[string]string{}, values: map[string]Value{}}
	var root expr.Node
	for i, name := range sortedKeys(nil, exp) {
		if err := checkAttributeName(name); err != nil {
			return nil, env{}, err
		}
		cond := exp[name]
		ph := "#l" + strconv.Itoa(i)
		e.names[ph] = name
		path := &expr.PathNode{Elems: []expr.PathElem{{Name: ph}}}
		addValue := func(j int, v Value) (expr.Node, error) {
			cv, _, err := canonicalValue(v)
			if err != nil {
				return nil, err
			}
			key := ":l" + strconv.Itoa(i) + "_" + strconv.Itoa(j)
			e.values[key] = cv
			return &expr.ValueNode{Name: key}, nil
		}
		if cond.Value != nil && cond.AttributeValueList != nil {
			return nil, env{}, validationError(invalid + "Value and AttributeValueList cannot be used together for Attribute: " + name)
		}
		var n expr.Node
		if cond.ComparisonOperator == "" {
			exists := cond.Exists == nil || *cond.Exists
			switch {
			case cond.AttributeValueList != nil:
				return nil, env{}, validationError(invalid + "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name)
			case exists && cond.Value == nil:
				state := "null"
				if cond.Exists != nil {
					state = "true"
				}
				return nil, env{}, validationError(invalid + "Value must be provided when Exists is " + state + " for Attribute: " + name)
			case !exists && cond.Value != nil:
				return nil, env{}, validationError(invalid + "Value cannot be used when Exists is false for Attribute: " + name)
			case !exists:
				n = &expr.FuncNode{Name: "attribute_not_exists", Args: []expr.Node{path}}
			default:
				v, err := addValue(0, *cond.Value)
				if err != nil {
					return nil, env{}, err
				}
				n = &expr.CompareNode{Op: "=", L: path, R: v}
			}
		} else {
			var err error
			if n, err = legacyComparison(name, cond, path, addValue); err != nil {
				return nil, env{}, err
			}
		}
		switch {
		case root == nil:
			root = n
		case op == ConditionalOperatorOr:
			root = &expr.OrNode{L: root, R: n}
		default:
			root = &expr.AndNode{L: root, R: n}
		}
	}
	return root, e, nil
}

// legacyComparison compiles one ComparisonOperator condition.
func legacyComparison(name string, cond ExpectedAttributeValue, path *expr.PathNode, addValue func(int, Value) (expr.Node, error)) (expr.Node, error) {
	const invalid = "One or more parameter values were invalid: "
	op := cond.ComparisonOperator
	if cond.Exists != nil {
		return nil, validationError(invalid + "Exists and ComparisonOperator cannot be used together for Attribute: " + name)
	}
	args := cond.AttributeValueList
	if cond.Value != nil {
		args = []Value{*cond.Value}
	}
	spec := legacyArgs[op]
	if spec.n != 0 && args == nil {
		return nil, validationError(invalid + "Value or AttributeValueList must be used with ComparisonOperator: " + string(op) + " for Attribute: " + name)
	}
	if (spec.n >= 0 && len(args) != spec.n) || (spec.n < 0 && len(args) == 0) {
		return nil, validationError(invalid + "Invalid number of argument(s) for the " + string(op) + " ComparisonOperator")
	}
	vals := make([]expr.Node, len(args))
	for j, a := range args {
		if a.Type() != 0 && a.t != args[0].t {
			return nil, validationError(invalid + "AttributeValues inside AttributeValueList must be of same type")
		}
		if a.Type() != 0 && !slices.Contains(spec.types, a.t) {
			return nil, validationError(invalid + "ComparisonOperator " + string(op) + " is not valid for " + a.Type().String() + " AttributeValue type")
		}
		v, err := addValue(j, a)
		if err != nil {
			return nil, err
		}
		vals[j] = v
	}
	switch op {
	case ComparisonOperatorNull:
		return &expr.FuncNode{Name: "attribute_not_exists", Args: []expr.Node{path}}, nil
	case ComparisonOperatorNotNull:
		return &expr.FuncNode{Name: "attribute_exists", Args: []expr.Node{path}}, nil
	case ComparisonOperatorIn:
		return &expr.InNode{X: path, List: vals}, nil
	case ComparisonOperatorBetween:
		lo, _, _ := canonicalValue(args[0])
		hi, _, _ := canonicalValue(args[1])
		if c, _ := compareOrdered(lo, true, hi, true); c > 0 {
			return nil, validationError("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound")
		}
		return &expr.BetweenNode{X: path, Lo: vals[0], Hi: vals[1]}, nil
	case ComparisonOperatorContains:
		return &expr.FuncNode{Name: "contains", Args: []expr.Node{path, vals[0]}}, nil
	case ComparisonOperatorNotContains:
		// An absent attribute fails NOT_CONTAINS, as it fails CONTAINS.
		return &expr.AndNode{
			L: &expr.FuncNode{Name: "attribute_exists", Args: []expr.Node{path}},
			R: &expr.NotNode{X: &expr.FuncNode{Name: "contains", Args: []expr.Node{path, vals[0]}}},
		}, nil
	case ComparisonOperatorBeginsWith:
		return &expr.FuncNode{Name: "begins_with", Args: []expr.Node{path, vals[0]}}, nil
	}
	symbols := map[ComparisonOperator]string{ComparisonOperatorEq: "=", ComparisonOperatorNe: "<>", ComparisonOperatorLt: "<",
		ComparisonOperatorLe: "<=", ComparisonOperatorGt: ">", ComparisonOperatorGe: ">="}
	return &expr.CompareNode{Op: symbols[op], L: path, R: vals[0]}, nil
}
