package expr

// function describes one of DynamoDB's functions.
type function struct {
	operands int  // how many operands it takes
	update   bool // whether it belongs to UpdateExpression SET values
}

// functions are the functions DynamoDB knows, by case-sensitive name.
var functions = map[string]function{
	"attribute_exists":     {operands: 1},
	"attribute_not_exists": {operands: 1},
	"attribute_type":       {operands: 2},
	"begins_with":          {operands: 2},
	"contains":             {operands: 2},
	"size":                 {operands: 1},
	"if_not_exists":        {operands: 2, update: true},
	"list_append":          {operands: 2, update: true},
}

// checkFunction notes what is wrong with the name of f, just parsed, and
// with the functions among its operands:
//   - an unknown name;
//   - a function of the other kind of expression: if_not_exists and
//     list_append in conditions, the condition functions in SET values;
//   - as an operand, any function but size in conditions and any but
//     if_not_exists in SET values (list_append cannot be nested).
func (p *parser) checkFunction(f *FuncNode) {
	fn, ok := functions[f.Name]
	switch {
	case !ok:
		p.note(checkFunction, invalidf(p.kind, msgFunctionName, f.Name))
	case fn.update && p.kind != Update:
		p.note(checkFunction, invalidf(p.kind, msgNotInCondition, f.Name))
	case !fn.update && p.kind == Update:
		p.note(checkFunction, invalidf(p.kind, msgNotInUpdate, f.Name))
	}
	nestable := "size"
	if p.kind == Update {
		nestable = "if_not_exists"
	}
	for _, a := range f.Args {
		if g, ok := a.(*FuncNode); ok && g.Name != nestable {
			p.note(checkMisuse, invalidf(p.kind, msgMisused, g.Name))
		}
	}
}

// checkOperands notes a function other than size among the operands of a
// comparison: only size yields a value that can be compared.
func (p *parser) checkOperands(operands ...Node) {
	for _, n := range operands {
		if f, ok := n.(*FuncNode); ok && f.Name != "size" {
			p.note(checkMisuse, invalidf(p.kind, msgMisused, f.Name))
		}
	}
}

// checkCondition notes size(...) standing as a condition of its own: it
// yields a number, not a boolean.
func (p *parser) checkCondition(conditions ...Node) {
	for _, n := range conditions {
		if f, ok := n.(*FuncNode); ok && f.Name == "size" {
			p.note(checkMisuse, invalidf(p.kind, msgMisused, f.Name))
		}
	}
}

// arity returns the error for a call of f with the wrong number of
// operands. f must be a known function.
func arity(k Kind, f *FuncNode) error {
	if want := functions[f.Name].operands; len(f.Args) != want {
		return invalidf(k, msgArity, f.Name, len(f.Args))
	}
	return nil
}

// operandTypes returns the error for an operand of f whose type is wrong
// whatever the item and the attribute values hold: a non-path where a
// document path is needed, the number size(...) yields where a string or
// binary is needed, and a path where attribute_type needs a type name.
// Operand types that depend on attribute values are checked by the caller.
func operandTypes(k Kind, f *FuncNode) error {
	switch f.Name {
	case "attribute_exists", "attribute_not_exists", "if_not_exists":
		if _, ok := f.Args[0].(*PathNode); !ok {
			return invalidf(k, msgNeedsPath, f.Name)
		}
	case "size":
		if isSize(f.Args[0]) {
			return invalidf(k, msgOperandType, f.Name, "N")
		}
	case "begins_with":
		for _, a := range f.Args {
			if isSize(a) {
				return invalidf(k, msgOperandType, f.Name, "N")
			}
		}
	case "attribute_type":
		if _, ok := f.Args[1].(*PathNode); ok {
			return invalidf(k, msgOperandType, f.Name, anyType)
		}
		if isSize(f.Args[1]) {
			return invalidf(k, msgOperandType, f.Name, "N")
		}
	}
	return nil
}

// isSize reports whether n is a call of size.
func isSize(n Node) bool {
	f, ok := n.(*FuncNode)
	return ok && f.Name == "size"
}
