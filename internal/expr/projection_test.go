package expr

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseProjection_PrintsCanonicalText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"one path", "a", "a"},
		{"several paths", "a,b.c[1] ,  #d", "a, b.c[1], #d"},
		{"siblings do not overlap", "a.b, a.c, d[0].b, d[1]", "a.b, a.c, d[0].b, d[1]"},
		{"list elements do not overlap", "l[0], l[1]", "l[0], l[1]"},
		{"placeholders hide reserved words", "#list[0].#comment", "#list[0].#comment"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ParseProjection(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.String())
		})
	}
}

func TestParseProjection_Structure(t *testing.T) {
	p, err := ParseProjection("#b.c[2], a, #b.d")
	require.NoError(t, err)
	require.Len(t, p.Paths, 3)
	assert.Equal(t, []PathElem{{Name: "#b"}, {Name: "c"}, {Index: 2, IsIndex: true}}, p.Paths[0].Elems)
	assert.Equal(t, []string{"#b"}, p.Names)
	assert.Equal(t, "#b.c[2], a, #b.d", p.Text)
}

func TestParseProjection_Errors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"Empty", "", "The expression can not be empty;"},
		{"UnknownCharacters", "!!! INVALID !!!", `Syntax error; token: "!", near: "!!"`},
		{"TrailingComma", "a,", `Syntax error; token: "<EOF>", near: ","`},
		{"LeadingComma", ",a", `Syntax error; token: ",", near: ",a"`},
		{"EmptyIndex", "#list[].#comment", `Syntax error; token: "]", near: "[]."`},
		{"Parentheses", "(a)", `Syntax error; token: "(", near: "(a"`},
		{"Function", "size(a)", `Syntax error; token: "(", near: "size(a"`},
		{"Value", ":a", `Syntax error; token: ":a", near: ":a"`},
		{"Keyword", "a, add", `Syntax error; token: "add", near: ", add"`},
		{"SpaceSeparated", "a b", `Syntax error; token: "b", near: "a b"`},
		{"Size", strings.Repeat("b", 4097), "Expression size has exceeded the maximum allowed size; expression size: 4097"},
		{"IndexOutOfRange", "a[99999999999999]", "List index is not within the allowable range; index: [99999999999999]"},
		{"PathTooDeep", "a" + strings.Repeat("[0]", 32), "The document path has too many nesting levels; nesting levels: 33"},
		{"ReservedWord", "COMMENT", "Attribute name is a reserved keyword; reserved keyword: COMMENT"},
		{"ReservedWordFirstInText", "list[0].COMMENT", "Attribute name is a reserved keyword; reserved keyword: list"},
		{"ReservedWordAfterPlaceholder", "#m.COMMENT", "Attribute name is a reserved keyword; reserved keyword: COMMENT"},
		{"PathErrorBeforeReservedWord", "COMMENT, a[99999999999]", "List index is not within the allowable range; index: [99999999999]"},
		{"Overlap", "a, a.b", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]"},
		{"OverlapIdentical", "a.b, a.b", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, b]"},
		{"OverlapList", "l, l[0]", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l], path two: [l, [0]]"},
		{"Conflict", "a.b, a[1]", "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProjection(tt.in)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "Invalid ProjectionExpression: "+tt.want, e.Message)
		})
	}
	t.Run("SizeLimitIsInclusive", func(t *testing.T) {
		_, err := ParseProjection("a" + strings.Repeat("b", 4095))
		assert.NoError(t, err)
	})
}
