// Package expr parses DynamoDB's expressions and checks them statically,
// with DynamoDB's error messages: ConditionExpression, FilterExpression,
// KeyConditionExpression, ProjectionExpression and UpdateExpression. It does
// not evaluate them and knows nothing of attribute values but their
// placeholder names; evaluation belongs to the package that owns the value
// type.
//
// # Use
//
// ParseCondition, ParseUpdate and ParseProjection make every check that
// needs no ExpressionAttributeNames or ExpressionAttributeValues. A request
// is checked in DynamoDB's order with:
//
//	if err := expr.CheckNameKeys(in.ExpressionAttributeNames); err != nil { ... }
//	if err := expr.CheckValueKeys(in.ExpressionAttributeValues); err != nil { ... }
//	b := &expr.Binder[Value]{Names: in.ExpressionAttributeNames, Values: in.ExpressionAttributeValues, Cache: cache}
//	u, err := b.Update(in.UpdateExpression)            // "SET #n = #n + :one"
//	c, err := b.Condition(expr.Condition, in.ConditionExpression)
//	err = expr.CheckUnused(b.Names, b.Values, u, c)     // after every expression
//
// then checks the types and contents of the :values the expressions use,
// and resolves #names with Resolve as it evaluates. Every rejection is an
// *Error whose Message is DynamoDB's text.
//
// # Tokens
//
// The lexer is DynamoDB's (as published in the grammar of AWS's DAX
// clients), shared by all five kinds. White space is space, tab, CR and LF.
// Tokens are: names [A-Za-z][A-Za-z0-9_]*; placeholders #[A-Za-z0-9_]+ and
// :[A-Za-z0-9_]+; list indexes 0 and [1-9][0-9]*; = <> < <= > >= ( ) [ ] ,
// . + -; the case-insensitive keywords AND BETWEEN IN NOT OR SET ADD DELETE
// REMOVE, keywords in every kind, so never names; quoted strings, which no
// rule accepts; and any other single character, which no rule accepts
// either. So "_a" is "_" then "a", and "007" is three indexes.
//
// # Grammar
//
// Conditions (Condition, Filter and KeyCondition; the key rules of key
// conditions are the caller's):
//
//	start       = condition EOF
//	condition   = conjunction { OR conjunction }
//	conjunction = negation { AND negation }
//	negation    = NOT negation | primary
//	primary     = "(" condition ")" | comparison | function
//	comparison  = operand comparator operand
//	            | operand BETWEEN operand AND operand
//	            | operand IN "(" operand { "," operand } ")"
//	comparator  = "=" | "<>" | "<" | "<=" | ">" | ">="
//	operand     = "(" operand ")" | path | VALUE | function
//	function    = NAME "(" operand { "," operand } ")"
//	path        = name { "." name | "[" INDEX "]" }
//	name        = NAME | NAMEREF
//
// AND and OR group to the right. A "(" that could open either a condition
// or an operand is resolved by scanning to its ")": an operand followed by a
// comparator, BETWEEN or IN opens a comparison.
//
// Updates:
//
//	start      = clause { clause } EOF
//	clause     = SET set { "," set } | REMOVE path { "," path }
//	           | ADD path VALUE { "," path VALUE }
//	           | DELETE path VALUE { "," path VALUE }
//	set        = path "=" ( operand | arithmetic )
//	arithmetic = operand ( "+" | "-" ) operand | "(" arithmetic ")"
//
// Projections:
//
//	start = path { "," path } EOF
//
// # Syntax errors
//
// A syntax error names the first token no rule accepts ("<EOF>" at the end),
// and quotes the text "near" it: from the start of the token before it to
// the end of the token after it, the end of input excluded. "SET _123"
// fails on "_" near "SET _123"; "SET" on "<EOF>" near "SET"; "!!! INVALID
// !!!" on "!" near "!!". Where the parser had to choose between two rules,
// it reports the furthest token either reached, as DynamoDB's parser does.
//
// # Other checks, in DynamoDB's order
//
// The size limit (4096 bytes of raw text) comes first, then syntax. After a
// syntax-free parse, the first problem of the first category found is
// reported. For conditions: redundant parentheses (a pair directly around
// another); a path problem (a list index beyond 2147483647, DynamoDB parsing
// indexes as Java ints; more than 32 elements); more than 300 operators
// (comparators, BETWEEN, IN, AND, OR, NOT and calls that are not arguments of
// other calls); an unknown function or one of updates; a function where it
// cannot be used (only size yields a value; size alone is no condition); a
// reserved word as a bare name. Updates order reserved words before
// functions, and add a repeated clause last. Projections have only path
// problems and reserved words.
//
// The remaining checks need the attribute maps; the Parse functions make
// them taking each placeholder as defined and standing for itself, and
// Binder makes them for real. A condition is checked one comparison or
// function at a time, left to right: an undefined placeholder, then a wrong
// number of operands (or more than 100 for IN, counting the left one), then
// the same path on both sides ("#a = a"), then an operand of the wrong type
// (a non-path where a path is needed, the number size yields where it
// cannot go). An update reports undefined #names, then undefined :values,
// then target paths that overlap or conflict, then the functions' operands;
// a projection, undefined #names then overlap.
//
// # Depth
//
// Parsing recurses once per nesting level of parentheses, NOT and function
// calls. The size limit, checked before anything else, bounds the depth to
// 4096 levels, so the parser needs no limit of its own; look-ahead is
// remembered, so parsing stays linear in the input.
//
// # Printing
//
// Every node's String prints canonical text: single spaces, upper-case
// keywords, parentheses only where precedence needs them (an OR inside AND
// or NOT, an AND inside NOT). Printed text parses to a tree that prints the
// same.
package expr
