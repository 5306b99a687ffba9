package ddbsim

import (
	"strings"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// operandChecker makes the checks of a condition that need the
// ExpressionAttributeValues themselves, which DynamoDB makes before
// reading anything: constants of a type the operator or function cannot
// take, BETWEEN bounds of different types or out of order, and
// attribute_type's type name.
type operandChecker struct {
	kind   expr.Kind
	values map[string]Value
}

// checkOperandValues runs the checks on condition n of the given kind.
func checkOperandValues(kind expr.Kind, n expr.Node, values map[string]Value) error {
	return operandChecker{kind: kind, values: values}.cond(n)
}

func (c operandChecker) invalid(msg string) error {
	return validationError("Invalid " + c.kind.String() + ": " + msg)
}

func (c operandChecker) operandType(op string, v Value) error {
	return c.invalid("Incorrect operand type for operator or function; operator or function: " + op + ", operand type: " + v.Type().String())
}

// constant returns the value of a :value operand.
func (c operandChecker) constant(n expr.Node) (Value, bool) {
	if vn, ok := n.(*expr.ValueNode); ok {
		v, ok := c.values[vn.Name]
		return v, ok
	}
	return Value{}, false
}

func (c operandChecker) cond(n expr.Node) error {
	switch n := n.(type) {
	case *expr.AndNode:
		return c.all(n.L, n.R)
	case *expr.OrNode:
		return c.all(n.L, n.R)
	case *expr.NotNode:
		return c.cond(n.X)
	case *expr.CompareNode:
		if n.Op == "=" || n.Op == "<>" {
			return c.operands("", n.L, n.R)
		}
		return c.operands(n.Op, n.L, n.R)
	case *expr.InNode:
		return c.operands("", append([]expr.Node{n.X}, n.List...)...)
	case *expr.BetweenNode:
		if err := c.operands("BETWEEN", n.X, n.Lo, n.Hi); err != nil {
			return err
		}
		return c.between(n)
	case *expr.FuncNode:
		return c.function(n)
	}
	return nil
}

func (c operandChecker) all(conds ...expr.Node) error {
	for _, n := range conds {
		if err := c.cond(n); err != nil {
			return err
		}
	}
	return nil
}

// operands checks the operands of an operator: size(...) calls always,
// and, for an ordering operator (op not ""), that constants are S, N or B.
func (c operandChecker) operands(op string, operands ...expr.Node) error {
	for _, o := range operands {
		if v, ok := c.constant(o); ok && op != "" && v.t != TypeS && v.t != TypeN && v.t != TypeB {
			return c.operandType(op, v)
		}
		if f, ok := o.(*expr.FuncNode); ok {
			if err := c.function(f); err != nil {
				return err
			}
		}
	}
	return nil
}

// between checks constant BETWEEN bounds: the same type, in order.
func (c operandChecker) between(n *expr.BetweenNode) error {
	lo, lok := c.constant(n.Lo)
	hi, hok := c.constant(n.Hi)
	if !lok || !hok {
		return nil
	}
	bounds := "; lower bound operand: AttributeValue: " + javaString(lo) + ", upper bound operand: AttributeValue: " + javaString(hi)
	if lo.t != hi.t {
		return c.invalid("The BETWEEN operator requires same data type for lower and upper bounds" + bounds)
	}
	if order, _ := compareOrdered(lo, true, hi, true); order > 0 {
		return c.invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound" + bounds)
	}
	return nil
}

// function checks the constant operands of a function call.
func (c operandChecker) function(f *expr.FuncNode) error {
	switch f.Name {
	case "size":
		if v, ok := c.constant(f.Args[0]); ok {
			if _, sized := valueSize(v); !sized {
				return c.operandType("size", v)
			}
		}
		return c.operands("", f.Args...)
	case "begins_with":
		for _, a := range f.Args {
			if v, ok := c.constant(a); ok && v.t != TypeS && v.t != TypeB {
				return c.operandType("begins_with", v)
			}
		}
	case "attribute_type":
		v, ok := c.constant(f.Args[1])
		switch {
		case !ok:
		case v.t != TypeS:
			return c.operandType("attribute_type", v)
		case descriptorType(v.s) == 0:
			return c.invalid("Invalid attribute type name found; type: " + v.s + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}")
		}
	}
	return c.operands("", f.Args...)
}

// javaString renders a constant as DynamoDB's messages do: {N:1}, {S:a}.
func javaString(v Value) string {
	var sb strings.Builder
	sb.WriteString("{" + v.Type().String() + ":")
	switch v.t {
	case TypeS, TypeN:
		sb.WriteString(v.s)
	case TypeB:
		sb.WriteString(base64String(v.s))
	default:
		sb.Write(v.appendJSON(nil))
	}
	sb.WriteString("}")
	return sb.String()
}

// longTypeNames are the type names DynamoDB's ADD and DELETE messages use.
var longTypeNames = map[Type]string{TypeS: "STRING", TypeN: "NUMBER", TypeB: "BINARY", TypeBOOL: "BOOLEAN",
	TypeNULL: "NULL", TypeL: "LIST", TypeM: "MAP", TypeSS: "SS", TypeNS: "NS", TypeBS: "BS"}

// checkUpdateValues makes the checks of an UpdateExpression that need the
// ExpressionAttributeValues: + and - take numbers, list_append lists, ADD
// a number or a set, DELETE a set.
func checkUpdateValues(u *expr.UpdateExpr, values map[string]Value) error {
	c := operandChecker{kind: expr.Update, values: values}
	for _, s := range u.Set {
		if err := c.setOperand(s.Value); err != nil {
			return err
		}
	}
	for _, a := range u.Add {
		if v := values[a.Value.Name]; v.t != TypeN && setElementType(v.t) == 0 {
			return c.invalid("Incorrect operand type for operator or function; operator: ADD, operand type: " + longTypeNames[v.t])
		}
	}
	for _, d := range u.Delete {
		if v := values[d.Value.Name]; setElementType(v.t) == 0 {
			return c.invalid("Incorrect operand type for operator or function; operator: DELETE, operand type: " + longTypeNames[v.t])
		}
	}
	return nil
}

// setOperand checks the constants of a SET value.
func (c operandChecker) setOperand(n expr.Node) error {
	switch n := n.(type) {
	case *expr.ArithNode:
		for _, o := range []expr.Node{n.L, n.R} {
			if v, ok := c.constant(o); ok && v.t != TypeN {
				return c.operandType(string(n.Op), v)
			}
			if err := c.setOperand(o); err != nil {
				return err
			}
		}
	case *expr.FuncNode:
		for _, a := range n.Args {
			if v, ok := c.constant(a); ok && n.Name == "list_append" && v.t != TypeL {
				return c.operandType("list_append", v)
			}
			if err := c.setOperand(a); err != nil {
				return err
			}
		}
	}
	return nil
}
