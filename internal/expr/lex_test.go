package expr

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// lexed renders items as "type:text" pairs for comparison.
func lexed(items []item) []string {
	names := map[itemType]string{
		itemEOF: "EOF", itemUnknown: "?", itemString: "str", itemName: "name", itemNameRef: "#",
		itemValueRef: ":", itemIndex: "idx", itemLeftParen: "(", itemRightParen: ")",
		itemLeftBracket: "[", itemRightBracket: "]", itemComma: ",", itemDot: ".", itemPlus: "+",
		itemMinus: "-", itemEq: "=", itemNe: "<>", itemLt: "<", itemLe: "<=", itemGt: ">", itemGe: ">=",
		itemAdd: "ADD", itemAnd: "AND", itemBetween: "BETWEEN", itemDelete: "DELETE", itemIn: "IN",
		itemNot: "NOT", itemOr: "OR", itemRemove: "REMOVE", itemSet: "SET",
	}
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = names[it.typ] + ":" + it.val
	}
	return out
}

func TestLex_Tokens(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string
	}{
		{"empty input is just EOF", "", []string{"EOF:"}},
		{"whitespace is skipped", " \t\r\n a \n", []string{"name:a", "EOF:"}},
		{"names take letters digits and underscores", "Alpha_Numeric_123", []string{"name:Alpha_Numeric_123", "EOF:"}},
		{"placeholders may start with a digit or underscore", "#1star :_ #_", []string{"#:#1star", ":::_", "#:#_", "EOF:"}},
		{"a lone sigil is unknown", "# : #-", []string{"?:#", "?::", "?:#", "-:-", "EOF:"}},
		{"keywords are case-insensitive", "and Or nOT between IN set Remove ADD delete", []string{
			"AND:and", "OR:Or", "NOT:nOT", "BETWEEN:between", "IN:IN", "SET:set", "REMOVE:Remove", "ADD:ADD", "DELETE:delete", "EOF:"}},
		{"a keyword prefix is a name", "andy settle", []string{"name:andy", "name:settle", "EOF:"}},
		{"two-character operators", "<><=>=<>=", []string{"<>:<>", "<=:<=", ">=:>=", "<>:<>", "=:=", "EOF:"}},
		{"one-character operators", "()[],.+-=<>", []string{"(:(", "):)", "[:[", "]:]", ",:,", ".:.", "+:+", "-:-", "=:=", "<>:<>", "EOF:"}},
		{"leading underscore is unknown then digits are an index", "_123", []string{"?:_", "idx:123", "EOF:"}},
		{"zero is an index of its own", "007", []string{"idx:0", "idx:0", "idx:7", "EOF:"}},
		{"digits then letters split", "123a", []string{"idx:123", "name:a", "EOF:"}},
		{"quoted strings are one token", `"a b" 'c'`, []string{`str:"a b"`, "str:'c'", "EOF:"}},
		{"an unterminated quote is unknown", `"ab`, []string{`?:"`, "name:ab", "EOF:"}},
		{"other characters are unknown one rune at a time", "!ü*/", []string{"?:!", "?:ü", "?:*", "?:/", "EOF:"}},
		{"invalid UTF-8 is unknown one byte at a time", "\xff\xfe", []string{"?:\xff", "?:\xfe", "EOF:"}},
		{"form feed is not whitespace", "\f", []string{"?:\f", "EOF:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, lexed(lex(tt.input)))
		})
	}
}

func TestLex_Positions_AreByteOffsets(t *testing.T) {
	items := lex("ü a  #b")
	assert.Equal(t, []Pos{0, 3, 6, 8}, []Pos{items[0].pos, items[1].pos, items[2].pos, items[3].pos})
}
