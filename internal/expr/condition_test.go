package expr

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// printed parses a condition and returns its canonical text.
func printed(t *testing.T, text string) string {
	t.Helper()
	c, err := ParseCondition(Condition, text)
	require.NoError(t, err)
	return c.String()
}

// conditionError parses a condition that must fail and returns the message.
func conditionError(t *testing.T, kind Kind, text string) string {
	t.Helper()
	_, err := ParseCondition(kind, text)
	require.Error(t, err)
	var e *Error
	require.ErrorAs(t, err, &e)
	return e.Message
}

func TestParseCondition_PrintsCanonicalTree(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"comparison", "a=:v", "a = :v"},
		{"every comparator", "a<>:v AND b<:v AND c<=:v AND d>:v AND e>=:v", "a <> :v AND b < :v AND c <= :v AND d > :v AND e >= :v"},
		{"between", "x between :lo and :hi", "x BETWEEN :lo AND :hi"},
		{"in", "x in(:a,:b , :c)", "x IN (:a, :b, :c)"},
		{"size as operand", "size(a)>:n", "size(a) > :n"},
		{"size in between and in", "size(a) BETWEEN :a AND size(b) OR size(c) IN (size(d), :x)", "size(a) BETWEEN :a AND size(b) OR size(c) IN (size(d), :x)"},
		{"boolean functions", "attribute_exists(a) AND attribute_not_exists(#b) AND attribute_type(c, :t) AND begins_with(d, :p) AND contains(e, :x)",
			"attribute_exists(a) AND attribute_not_exists(#b) AND attribute_type(c, :t) AND begins_with(d, :p) AND contains(e, :x)"},
		{"document paths", "a.#b[2].c[0][10] = :v", "a.#b[2].c[0][10] = :v"},
		{"whitespace inside paths", "a . b [ 1 ] = :v", "a.b[1] = :v"},
		{"value on the left", ":v < a", ":v < a"},
		{"two values", ":a = :a", ":a = :a"},
		{"brief example", "a = :v AND (b < :w OR NOT attribute_exists(#c))", "a = :v AND (b < :w OR NOT attribute_exists(#c))"},
		{"size of a value", "size(:v) > a", "size(:v) > a"},
		{"placeholder names any name", "#1star = :_", "#1star = :_"},
		{"reserved word in a placeholder-free function name position", "contains(a, :v)", "contains(a, :v)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, printed(t, tt.in))
		})
	}
}

func TestParseCondition_Precedence(t *testing.T) {
	tests := []struct {
		name, in, want string
		root           Node
	}{
		{"OrBindsLooserThanAnd", "a = :v OR b = :v AND c = :v", "a = :v OR b = :v AND c = :v", &OrNode{}},
		{"AndFirstThenOr", "a = :v AND b = :v OR c = :v", "a = :v AND b = :v OR c = :v", &OrNode{}},
		{"ParenthesesOverridePrecedence", "(a = :v OR b = :v) AND c = :v", "(a = :v OR b = :v) AND c = :v", &AndNode{}},
		{"NotBindsTighterThanAnd", "NOT a = :v AND b = :v", "NOT a = :v AND b = :v", &AndNode{}},
		{"NotOfParenthesizedAnd", "NOT (a = :v AND b = :v)", "NOT (a = :v AND b = :v)", &NotNode{}},
		{"NotNotAllowed", "NOT NOT a = :v", "NOT NOT a = :v", &NotNode{}},
		{"NotBeforeFunction", "NOT attribute_exists(a)", "NOT attribute_exists(a)", &NotNode{}},
		{"BetweenAndIsNotLogicalAnd", "a BETWEEN :a AND :b AND c = :v", "a BETWEEN :a AND :b AND c = :v", &AndNode{}},
		{"KeywordsCaseInsensitive", "a = :v aNd NoT b = :v oR c BeTwEeN :a AnD :b", "a = :v AND NOT b = :v OR c BETWEEN :a AND :b", &OrNode{}},
		{"RedundantButSingleParensDropped", "(a<>b)", "a <> b", &CompareNode{}},
		{"SingleParensAroundOperands", "(a) = (:v)", "a = :v", &CompareNode{}},
		{"ParensAroundFunctionOperand", "(size(a)) > (:n)", "size(a) > :n", &CompareNode{}},
		{"NestedButNotRedundantParens", "((a < b) AND c < d)", "a < b AND c < d", &AndNode{}},
		{"ParensAroundOrInsideOr", "a = :v OR (b = :v OR c = :v)", "a = :v OR b = :v OR c = :v", &OrNode{}},
		{"AndGroupsToTheRight", "a = :v AND b = :v AND c = :v", "a = :v AND b = :v AND c = :v", &AndNode{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCondition(Filter, tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, c.String())
			assert.IsType(t, tt.root, c.Root)
		})
	}
}

func TestParseCondition_Structure_OrOfAnd(t *testing.T) {
	c, err := ParseCondition(Condition, "a = :v OR b = :w AND c = :x")
	require.NoError(t, err)
	or := c.Root.(*OrNode)
	assert.Equal(t, "a = :v", or.L.String())
	and := or.R.(*AndNode)
	assert.Equal(t, "b = :w", and.L.String())
	assert.Equal(t, "c = :x", and.R.String())
}

func TestParseCondition_Structure_AndGroupsRight(t *testing.T) {
	c, err := ParseCondition(Condition, "a = :v AND b = :w AND c = :x")
	require.NoError(t, err)
	and := c.Root.(*AndNode)
	assert.Equal(t, "a = :v", and.L.String())
	assert.Equal(t, "b = :w AND c = :x", and.R.String())
}

func TestParseCondition_Positions_AreByteOffsetsOfFirstTokens(t *testing.T) {
	c, err := ParseCondition(Condition, "NOT (a.b = :v) AND size(#c) IN (:x)")
	require.NoError(t, err)
	and := c.Root.(*AndNode)
	not := and.L.(*NotNode)
	cmp := not.X.(*CompareNode)
	in := and.R.(*InNode)
	assert.Equal(t, Pos(0), and.Position())
	assert.Equal(t, Pos(0), not.Position())
	assert.Equal(t, Pos(5), cmp.Position())
	assert.Equal(t, Pos(11), cmp.R.Position())
	assert.Equal(t, Pos(19), in.Position())
	assert.Equal(t, Pos(24), in.X.(*FuncNode).Args[0].Position())
}

func TestParseCondition_Placeholders_SortedAndUnique(t *testing.T) {
	c, err := ParseCondition(Condition, "#b = :y AND #a.#b[1] = :x OR size(#c) > :y")
	require.NoError(t, err)
	assert.Equal(t, []string{"#a", "#b", "#c"}, c.Names)
	assert.Equal(t, []string{":x", ":y"}, c.Values)
	assert.Equal(t, "#b = :y AND #a.#b[1] = :x OR size(#c) > :y", c.Text)
}

func TestParseCondition_Errors(t *testing.T) {
	in101 := "a IN (" + strings.Repeat(":v, ", 99) + ":v)"
	in100 := "a IN (" + strings.Repeat(":v, ", 98) + ":v)"
	deep33 := "a" + strings.Repeat(".b", 32) + " = :v"
	ops301 := strings.Repeat("a < b OR ", 150) + "NOT a < b"
	tests := []struct {
		name, in, want string
	}{
		{"Empty", "", "The expression can not be empty;"},
		{"OnlyWhitespace", "   ", `Syntax error; token: "<EOF>", near: ""`},
		{"BarePath", "foo", `Syntax error; token: "<EOF>", near: "foo"`},
		{"BareValue", ":v", `Syntax error; token: "<EOF>", near: ":v"`},
		{"UnknownCharacters", "!!! INVALID !!!", `Syntax error; token: "!", near: "!!"`},
		{"TwoNames", "INVALID SYNTAX HERE", `Syntax error; token: "SYNTAX", near: "INVALID SYNTAX HERE"`},
		{"TrailingToken", "a = b c", `Syntax error; token: "c", near: "b c"`},
		{"MissingRightOperand", "#comment =", `Syntax error; token: "<EOF>", near: "="`},
		{"NumberIsNotAnOperand", "a > 4", `Syntax error; token: "4", near: "> 4"`},
		{"EmptyIn", "a IN ()", `Syntax error; token: ")", near: "()"`},
		{"TrailingCommaInIn", "a in (b,c,)", `Syntax error; token: ")", near: ",)"`},
		{"InWithoutParentheses", "a in b", `Syntax error; token: "b", near: "in b"`},
		{"FunctionWithoutArguments", "attribute_type()", `Syntax error; token: ")", near: "()"`},
		{"NegativeIndex", "#list[-1].#comment = :value", `Syntax error; token: "-", near: "[-1"`},
		{"NameAsIndex", "#list[abc].#comment = :value", `Syntax error; token: "abc", near: "[abc]"`},
		{"ValueAsIndex", "b[:a] > a", `Syntax error; token: ":a", near: "[:a]"`},
		{"PlaceholderAsIndex", "b[#_] > a", `Syntax error; token: "#_", near: "[#_]"`},
		{"FractionalIndex", "a[0.4] = :v", `Syntax error; token: ".", near: "0.4"`},
		{"EmptyIndex", "a[] = :v", `Syntax error; token: "]", near: "[] ="`},
		{"LeadingZeroIndex", "a[01] = :v", `Syntax error; token: "1", near: "01]"`},
		{"ValueInPath", "a > :things.stuff", `Syntax error; token: ".", near: ":things.stuff"`},
		{"NonASCIIName", "ü > a", `Syntax error; token: "ü", near: "ü >"`},
		{"LeadingUnderscore", "_a = :v", `Syntax error; token: "_", near: "_a"`},
		{"DashInName", "attribute_exists(Pictures-RearView)", `Syntax error; token: "-", near: "Pictures-RearView"`},
		{"QuotedString", `attribute_exists("Pictures.RearView")`, `Syntax error; token: ""Pictures.RearView"", near: "("Pictures.RearView")"`},
		{"UpdateKeywordIsNotAName", "remove = :v", `Syntax error; token: "remove", near: "remove ="`},
		{"KeywordAsOperand", "a > between", `Syntax error; token: "between", near: "> between"`},
		{"ParenthesizedPathHead", "(a).b = c", `Syntax error; token: ".", near: ").b"`},
		{"FunctionResultPath", "size(a).b > a", `Syntax error; token: ".", near: ").b"`},
		{"FurthestAlternativeWins", "(a = b) = c", `Syntax error; token: "=", near: ") = c"`},
		{"UnclosedGroup", "(a = b", `Syntax error; token: "<EOF>", near: "b"`},
		{"DanglingNot", "NOT", `Syntax error; token: "<EOF>", near: "NOT"`},
		{"DanglingAnd", "a = b AND", `Syntax error; token: "<EOF>", near: "AND"`},
		{"Size", strings.Repeat("a", 4097), "Expression size has exceeded the maximum allowed size; expression size: 4097"},
		{"SizeIsCheckedBeforeSyntax", strings.Repeat("(", 15000), "Expression size has exceeded the maximum allowed size; expression size: 15000"},
		{"SizeCountsBytes", strings.Repeat("ü", 2049), "Expression size has exceeded the maximum allowed size; expression size: 4098"},
		{"RedundantGroup", "((a = b))", "The expression has redundant parentheses;"},
		{"RedundantOperand", "a=a and a > ((views))", "The expression has redundant parentheses;"},
		{"RedundantOperandFirst", "((#name)) = :value", "The expression has redundant parentheses;"},
		{"RedundantInFunctionArgument", "a > whatever((:things), ((a)))", "The expression has redundant parentheses;"},
		{"RedundantInsideAnd", "a=a AND ((a=a AND a=a)) AND a=a", "The expression has redundant parentheses;"},
		{"RedundantAroundNestedOr", "a=a OR ((a=a OR (a=a OR a=a)))", "The expression has redundant parentheses;"},
		{"RedundantBeforeUnknownFunction", "f(((a))) = :v", "The expression has redundant parentheses;"},
		{"IndexOutOfRange", "a[99999999999999] = :v", "List index is not within the allowable range; index: [99999999999999]"},
		{"IndexJustOutOfRange", "a[2147483648] = :v", "List index is not within the allowable range; index: [2147483648]"},
		{"PathTooDeep", deep33, "The document path has too many nesting levels; nesting levels: 33"},
		{"TooManyOperators", ops301, "The expression contains too many operators; operator count: 301"},
		{"TooManyOperatorsCountsFunctions", strings.Repeat("attribute_exists(a) AND ", 150) + "attribute_exists(a)", "The expression contains too many operators; operator count: 301"},
		{"UnknownFunction", "a=a and whatever((:things)) > a", "Invalid function name; function: whatever"},
		{"FunctionNamesAreCaseSensitive", "attRIbute_exIsts((views), #a)", "Invalid function name; function: attRIbute_exIsts"},
		{"InnermostUnknownFunctionFirst", "a < f(g(b))", "Invalid function name; function: g"},
		{"UpdateFunctionInCondition", "if_not_exists(s, :fallback) = :fallback", "The function is not allowed in a condition expression; function: if_not_exists"},
		{"ListAppendInCondition", "a = list_append(a, :l)", "The function is not allowed in a condition expression; function: list_append"},
		{"BooleanFunctionCompared", "a=a and attribute_exists((views), (#a)) > b", "The function is not allowed to be used this way in an expression; function: attribute_exists"},
		{"BooleanFunctionComparedRight", "b < attribute_not_exists(things)", "The function is not allowed to be used this way in an expression; function: attribute_not_exists"},
		{"BooleanFunctionInSize", "size(contains(a, b)) > a", "The function is not allowed to be used this way in an expression; function: contains"},
		{"BooleanFunctionInBetween", "a between b and attribute_exists(things)", "The function is not allowed to be used this way in an expression; function: attribute_exists"},
		{"BooleanFunctionInIn", "a in (b, attribute_exists(things))", "The function is not allowed to be used this way in an expression; function: attribute_exists"},
		{"SizeAsCondition", "size(things)", "The function is not allowed to be used this way in an expression; function: size"},
		{"SizeUnderNot", "NOT size(things)", "The function is not allowed to be used this way in an expression; function: size"},
		{"SizeUnderOr", "a = b OR (size(things))", "The function is not allowed to be used this way in an expression; function: size"},
		{"MisuseBeforeReserved", "abort = :v AND attribute_exists(a) = :v", "The function is not allowed to be used this way in an expression; function: attribute_exists"},
		{"ReservedWord", ":a < abOrT", "Attribute name is a reserved keyword; reserved keyword: abOrT"},
		{"ReservedWordBeforeArity", "attribute_exists(views, #a)", "Attribute name is a reserved keyword; reserved keyword: views"},
		{"ReservedWordNested", "m.COMMENT = :value", "Attribute name is a reserved keyword; reserved keyword: COMMENT"},
		{"ReservedWordSize", "size = :v", "Attribute name is a reserved keyword; reserved keyword: size"},
		{"Arity", "attribute_exists(things, a) and a=a", "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2"},
		{"ArityOne", "attribute_type(things)", "Incorrect number of operands for operator or function; operator or function: attribute_type, number of operands: 1"},
		{"ArityThree", "begins_with(things, size(a), b)", "Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 3"},
		{"AritySize", "size(things, a) > b", "Incorrect number of operands for operator or function; operator or function: size, number of operands: 2"},
		{"InTooManyOperands", in101, "The IN operator is provided with too many operands; number of operands: 101"},
		{"Distinct", "a = a", "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"},
		{"DistinctInGroups", "((a=a) OR (a=a))", "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"},
		{"DistinctFunction", "contains(ab.bc[1].a, ab.bc[1].a)", "The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [ab, bc, [1], a]"},
		{"DistinctSamePlaceholder", "#a <> #a", "The first operand must be distinct from the remaining operands for this operator or function; operator: <>, first operand: [#a]"},
		{"NeedsPath", "attribute_exists(:a) and a=a", "Operator or function requires a document path; operator or function: attribute_exists"},
		{"NeedsPathNotSize", "attribute_not_exists(size(:a))", "Operator or function requires a document path; operator or function: attribute_not_exists"},
		{"SizeOfSize", "size(size(a)) > :n", "Incorrect operand type for operator or function; operator or function: size, operand type: N"},
		{"BeginsWithSize", "begins_with(a, size(a)) and a=:a", "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N"},
		{"AttributeTypeSize", "attribute_type(a, size(a)) and a=a and a=:a", "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N"},
		{"AttributeTypePath", "attribute_type(#n, S)", "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: " + anyType},
		{"FirstConditionFirst", "a = a AND attribute_exists(:v)", "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]"},
		{"ArityBeforeDistinctInOneCondition", "contains(a, a, b)", "Incorrect number of operands for operator or function; operator or function: contains, number of operands: 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, "Invalid ConditionExpression: "+tt.want, conditionError(t, Condition, tt.in))
		})
	}
	t.Run("InWithHundredOperandsIsFine", func(t *testing.T) {
		_, err := ParseCondition(Condition, in100)
		assert.NoError(t, err)
	})
	t.Run("ThreeHundredOperatorsIsFine", func(t *testing.T) {
		_, err := ParseCondition(Condition, strings.Repeat("a < b OR ", 149)+"NOT a < b")
		assert.NoError(t, err)
	})
	t.Run("NestedFunctionsDoNotCountAsOperators", func(t *testing.T) {
		text := "a < " + strings.Repeat("f(", 1355) + "b" + strings.Repeat(")", 1355)
		assert.Equal(t, "Invalid ConditionExpression: Invalid function name; function: f", conditionError(t, Condition, text))
	})
	t.Run("PathOf32IsFine", func(t *testing.T) {
		_, err := ParseCondition(Condition, "a"+strings.Repeat("[0]", 31)+" = :v")
		assert.NoError(t, err)
	})
	t.Run("LargestIndexIsFine", func(t *testing.T) {
		_, err := ParseCondition(Condition, "a[2147483647] = :v")
		assert.NoError(t, err)
	})
	t.Run("SizeLimitIsInclusive", func(t *testing.T) {
		_, err := ParseCondition(Condition, "a = "+strings.Repeat("b", 4092))
		assert.NoError(t, err)
	})
}

func TestParseCondition_ErrorPrefix_FollowsKind(t *testing.T) {
	for _, kind := range []Kind{Condition, Filter, KeyCondition} {
		assert.Equal(t, "Invalid "+kind.String()+": The expression can not be empty;", conditionError(t, kind, ""))
		assert.Equal(t, "Invalid "+kind.String()+`: Syntax error; token: "<EOF>", near: "a"`, conditionError(t, kind, "a"))
	}
}

func TestParseCondition_OtherKind_Panics(t *testing.T) {
	assert.PanicsWithValue(t, "expr: UpdateExpression is not a condition kind", func() { _, _ = ParseCondition(Update, "a = b") })
}

func TestParseCondition_DeepNesting_StaysWithinTheSizeLimit(t *testing.T) {
	t.Run("redundant parentheses 2046 deep", func(t *testing.T) {
		text := strings.Repeat("(", 2046) + "a<b" + strings.Repeat(")", 2046)
		assert.Equal(t, "Invalid ConditionExpression: The expression has redundant parentheses;", conditionError(t, Condition, text))
	})
	t.Run("unclosed parentheses 4096 deep", func(t *testing.T) {
		assert.Equal(t, `Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "("`, conditionError(t, Condition, strings.Repeat("(", 4096)))
	})
	t.Run("NOT 1000 deep", func(t *testing.T) {
		text := strings.Repeat("not ", 1000) + "a<b"
		assert.Equal(t, "Invalid ConditionExpression: The expression contains too many operators; operator count: 301", conditionError(t, Condition, text))
	})
	t.Run("size 680 deep", func(t *testing.T) {
		text := "a < " + strings.Repeat("size(", 680) + "b" + strings.Repeat(")", 680)
		assert.Equal(t, "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N", conditionError(t, Condition, text))
	})
	t.Run("OR 454 deep", func(t *testing.T) {
		text := "a<b " + strings.Repeat("or (a<b ", 454) + strings.Repeat(")", 454)
		assert.Equal(t, "Invalid ConditionExpression: The expression contains too many operators; operator count: 301", conditionError(t, Condition, text))
	})
	t.Run("OR 149 deep is fine", func(t *testing.T) {
		_, err := ParseCondition(Condition, "a<b "+strings.Repeat("or (a<b ", 149)+strings.Repeat(")", 149))
		assert.NoError(t, err)
	})
}
