package expr

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseUpdate_PrintsCanonicalText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"every clause", "SET a = :v, b = b + :n REMOVE c ADD d :x DELETE e :y", "SET a = :v, b = b + :n REMOVE c ADD d :x DELETE e :y"},
		{"clauses in any order print in canonical order", "delete e :y add d :x remove c set a = :v", "SET a = :v REMOVE c ADD d :x DELETE e :y"},
		{"keywords are case-insensitive", "sEt a=:v  ReMoVe b", "SET a = :v REMOVE b"},
		{"subtraction", "SET a = :seven - #n", "SET a = :seven - #n"},
		{"one pair of parentheses around the whole value", "set a = (b + c)", "SET a = b + c"},
		{"parentheses around an operand", "SET a = (b), c = (d) + (:e)", "SET a = b, c = d + :e"},
		{"arithmetic operands in parentheses inside the group", "SET a = ((b) + c)", "SET a = b + c"},
		{"functions", "SET a = list_append(a, :l), b = if_not_exists(b, :z)", "SET a = list_append(a, :l), b = if_not_exists(b, :z)"},
		{"function plus value", "SET n = if_not_exists(n, :zero) + :inc", "SET n = if_not_exists(n, :zero) + :inc"},
		{"function plus function", "SET n = if_not_exists(n, :a) + if_not_exists(m, :b)", "SET n = if_not_exists(n, :a) + if_not_exists(m, :b)"},
		{"if_not_exists nests", "SET a = if_not_exists(b, if_not_exists(c, :v))", "SET a = if_not_exists(b, if_not_exists(c, :v))"},
		{"if_not_exists inside list_append", "SET a = list_append(if_not_exists(a, :e), :t)", "SET a = list_append(if_not_exists(a, :e), :t)"},
		{"nested targets", "SET a.c[1].#name.y[1] = :v REMOVE a.c[1].q, b[7]", "SET a.c[1].#name.y[1] = :v REMOVE a.c[1].q, b[7]"},
		{"nested add and delete", "ADD a.b :n DELETE c[0].d :s", "ADD a.b :n DELETE c[0].d :s"},
		{"placeholders on both sides", "SET #one = #two", "SET #one = #two"},
		{"different list elements do not overlap", "REMOVE a[1] SET a[3] = :val", "SET a[3] = :val REMOVE a[1]"},
		{"sibling map keys do not overlap", "SET a.b = :v, a.c = :w", "SET a.b = :v, a.c = :w"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := ParseUpdate(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, u.String())
		})
	}
}

func TestParseUpdate_Structure(t *testing.T) {
	u, err := ParseUpdate("ADD d :x SET b = b + :n, a = :v REMOVE c, #e DELETE f :y")
	require.NoError(t, err)
	require.Len(t, u.Set, 2)
	assert.Equal(t, "b", u.Set[0].Path.String())
	arith := u.Set[0].Value.(*ArithNode)
	assert.Equal(t, byte('+'), arith.Op)
	assert.Equal(t, "b", arith.L.String())
	assert.Equal(t, ":n", arith.R.String())
	assert.Equal(t, ":v", u.Set[1].Value.(*ValueNode).Name)
	require.Len(t, u.Remove, 2)
	assert.Equal(t, "#e", u.Remove[1].String())
	require.Len(t, u.Add, 1)
	assert.Equal(t, "d", u.Add[0].Path.String())
	assert.Equal(t, ":x", u.Add[0].Value.Name)
	require.Len(t, u.Delete, 1)
	assert.Equal(t, ":y", u.Delete[0].Value.Name)
	assert.Equal(t, []string{"#e"}, u.Names)
	assert.Equal(t, []string{":n", ":v", ":x", ":y"}, u.Values)
	assert.Equal(t, "ADD d :x SET b = b + :n, a = :v REMOVE c, #e DELETE f :y", u.Text)
}

func TestParseUpdate_Errors(t *testing.T) {
	deep33 := "SET a" + strings.Repeat(".b", 32) + " = :v"
	ops301 := "SET " + strings.Repeat("a = b + c, ", 300) + "z = :v + :w"
	tests := []struct{ name, in, want string }{
		{"Empty", "", "The expression can not be empty;"},
		{"UnknownClause", "INVALID SYNTAX HERE", `Syntax error; token: "INVALID", near: "INVALID SYNTAX"`},
		{"UnknownClauseHello", "HELLO b = :val1", `Syntax error; token: "HELLO", near: "HELLO b"`},
		{"ClauseWithoutActions", "SET", `Syntax error; token: "<EOF>", near: "SET"`},
		{"LeadingUnderscore", "SET _123 = :v", `Syntax error; token: "_", near: "SET _123"`},
		{"LeadingUnderscoreValue", "SET attrName = _idid", `Syntax error; token: "_", near: "= _idid"`},
		{"LeadingDigit", "SET 123a = :v", `Syntax error; token: "123", near: "SET 123a"`},
		{"NumberValue", "SET path = VALUE 1", `Syntax error; token: "1", near: "VALUE 1"`},
		{"NumberInIndexedTarget", "set a[1] = 1", `Syntax error; token: "1", near: "= 1"`},
		{"StringValue", `set a[1] = "eight"`, `Syntax error; token: ""eight"", near: "= "eight""`},
		{"ThreeTerms", "SET a = b + c + d", `Syntax error; token: "+", near: "c + d"`},
		{"Multiplication", "SET numx = numx * :v", `Syntax error; token: "*", near: "numx * :v"`},
		{"Division", "SET numx = numx / :v", `Syntax error; token: "/", near: "numx / :v"`},
		{"MissingRightTerm", "SET note = :v +", `Syntax error; token: "<EOF>", near: "+"`},
		{"ArithmeticInsideFunction", "SET c = if_not_exists(c, :val1+:val2)", `Syntax error; token: "+", near: ":val1+:val2"`},
		{"ValueAsTarget", "SET :a = :b", `Syntax error; token: ":a", near: "SET :a ="`},
		{"ValueAsRemoveTarget", "remove :a", `Syntax error; token: ":a", near: "remove :a"`},
		{"AddWithoutValue", "ADD numx", `Syntax error; token: "<EOF>", near: "numx"`},
		{"AddNumberLiteral", "ADD numx 1", `Syntax error; token: "1", near: "numx 1"`},
		{"DeleteWithoutValue", "DELETE setx", `Syntax error; token: "<EOF>", near: "setx"`},
		{"DeletePath", "DELETE setx a", `Syntax error; token: "a", near: "setx a"`},
		{"AddWithEquals", "add a = b", `Syntax error; token: "=", near: "a = b"`},
		{"RemoveWithEquals", "remove a = b", `Syntax error; token: "=", near: "a = b"`},
		{"SetWithoutEquals", "set a b", `Syntax error; token: "b", near: "a b"`},
		{"KeywordAsValue", "set a=set", `Syntax error; token: "set", near: "=set"`},
		{"TrailingComma", "SET a = :v,", `Syntax error; token: "<EOF>", near: ","`},
		{"CommaBetweenClauses", "SET a = :v, REMOVE b", `Syntax error; token: "REMOVE", near: ", REMOVE b"`},
		{"UnclosedIndex", "SET #list[0.#comment = :value", `Syntax error; token: ".", near: "0.#comment"`},
		{"ParenthesizedAction", "set (a = (b + c))", `Syntax error; token: "(", near: "set (a"`},
		{"ParenthesizedPathHead", "set a = (b.c).d + e", `Syntax error; token: ".", near: ").d"`},
		{"FunctionAsTarget", "SET if_not_exist(a, b) = a", `Syntax error; token: "(", near: "if_not_exist(a"`},
		{"FunctionAsAddValue", "add a if_not_exist(b)", `Syntax error; token: "if_not_exist", near: "a if_not_exist("`},
		{"Size", strings.Repeat("a", 4097), "Expression size has exceeded the maximum allowed size; expression size: 4097"},
		{"RedundantParentheses", "set a = ((b + c))", "The expression has redundant parentheses;"},
		{"RedundantParenthesesAroundOperand", "SET a = ((b))", "The expression has redundant parentheses;"},
		{"RedundantParenthesesSubtraction", "SET c = ((c - :v))", "The expression has redundant parentheses;"},
		{"IndexOutOfRange", "REMOVE a[99999999999999]", "List index is not within the allowable range; index: [99999999999999]"},
		{"PathTooDeep", deep33, "The document path has too many nesting levels; nesting levels: 33"},
		{"TooManyOperators", ops301, "The expression contains too many operators; operator count: 301"},
		{"ReservedWord", " remove Absolute ", "Attribute name is a reserved keyword; reserved keyword: Absolute"},
		{"ReservedWordBeforeRepeatedSection", " set #c = :c set abOrt = true ", "Attribute name is a reserved keyword; reserved keyword: abOrt"},
		{"ReservedWordBeforeUnknownFunction", "SET a = f(total)", "Attribute name is a reserved keyword; reserved keyword: total"},
		{"UnknownFunctionBeforeRepeatedSection", "set #c = if_not_exist(:c) set c = d", "Invalid function name; function: if_not_exist"},
		{"FunctionNamesAreCaseSensitive", "SET a = LIST_APPEND(:val1, :val2)", "Invalid function name; function: LIST_APPEND"},
		{"ConditionFunctionInSet", "SET #r = contains(s, :needle)", "The function is not allowed in an update expression; function: contains"},
		{"SizeInSet", "SET #r = size(s)", "The function is not allowed in an update expression; function: size"},
		{"NestedListAppend", "SET a = list_append(list_append(:val1, :val2), :val3)", "The function is not allowed to be used this way in an expression; function: list_append"},
		{"ListAppendInsideIfNotExists", "SET a = if_not_exists(a, list_append(b, :c))", "The function is not allowed to be used this way in an expression; function: list_append"},
		{"RepeatedSet", "set a = #c set c = :d", `The "SET" section can only be used once in an update expression;`},
		{"RepeatedRemove", "remove #d set a = b remove e", `The "REMOVE" section can only be used once in an update expression;`},
		{"RepeatedAdd", "add #d :e set a = b add e :f", `The "ADD" section can only be used once in an update expression;`},
		{"RepeatedDelete", "delete #d :e set a = b delete #e :f", `The "DELETE" section can only be used once in an update expression;`},
		{"Overlap", "SET a = :v REMOVE a", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"OverlapSameClause", "SET a = :v1, a = :v2", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"OverlapPrefix", "SET a.b = :val1, a.b.c.d.e = :val2", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, b, c, d, e]"},
		{"OverlapLongerFirst", "SET a[1][1][1][1] = :val1, a[1][1] = :val2", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, [1], [1], [1], [1]], path two: [a, [1], [1]]"},
		{"OverlapAcrossAddAndDelete", "ADD a :n DELETE a :s", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
		{"Conflict", "SET a.b = :val1, a[1] = :val2", "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"},
		{"ConflictDeeper", "SET a.b.c = :val1, a.b[2] = :val2", "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b, c], path two: [a, b, [2]]"},
		{"OverlapBeforeConflict", "SET a.b = :v, a[1] = :v, c = :v, c.d = :v", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c], path two: [c, d]"},
		{"Arity", "set a = if_not_exists(c)", "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1"},
		{"ArityListAppend", "set a = list_append(:val1, :val2, :val3)", "Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 3"},
		{"NeedsPath", "set a = if_not_exists(:a, c)", "Operator or function requires a document path; operator or function: if_not_exists"},
		{"NeedsPathNotFunction", "set a = if_not_exists(if_not_exists(a, b), c)", "Operator or function requires a document path; operator or function: if_not_exists"},
		{"OverlapBeforeArity", "SET a = if_not_exists(b), a = :v", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseUpdate(tt.in)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "Invalid UpdateExpression: "+tt.want, e.Message)
		})
	}
	t.Run("ThreeHundredOperatorsIsFine", func(t *testing.T) {
		actions := make([]string, 300)
		for i := range actions {
			actions[i] = fmt.Sprintf("a%d = b + c", i)
		}
		_, err := ParseUpdate("SET " + strings.Join(actions, ", "))
		assert.NoError(t, err)
	})
}
