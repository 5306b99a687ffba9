package ddbsim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValue_ConstructorsAndAccessors(t *testing.T) {
	assert.Equal(t, TypeS, S("x").Type())
	assert.Equal(t, "x", S("x").S())
	assert.Equal(t, "", N("1").S(), "S of a number is empty")
	assert.Equal(t, "1.50", N("1.50").N(), "N keeps the text until stored")
	assert.Equal(t, "-42", Int(-42).N())
	assert.Equal(t, []byte{0, 255}, B([]byte{0, 255}).B())
	assert.True(t, Bool(true).Bool())
	assert.False(t, S("true").Bool())
	assert.True(t, Null().IsNull())
	assert.Equal(t, TypeM, M(nil).Type())
	assert.NotNil(t, M(nil).M())
	assert.Equal(t, TypeL, L().Type())
	assert.Equal(t, []string{"a", "b"}, SS("a", "b").SS())
	assert.Equal(t, []string{"1"}, NS("1").NS())
	assert.Nil(t, SS("a").NS())
	assert.Equal(t, [][]byte{{1}}, BS([]byte{1}).BS())
	assert.Equal(t, Type(0), Value{}.Type())
	assert.Equal(t, Type(0), Malformed("x").Type())
	assert.Equal(t, "NS", TypeNS.String())
}

func TestValue_B_CopiesInAndOut(t *testing.T) {
	raw := []byte("abc")
	v := B(raw)
	raw[0] = 'X'
	assert.Equal(t, "abc", string(v.B()), "B copies its argument")
	out := v.B()
	out[0] = 'Y'
	assert.Equal(t, "abc", string(v.B()), "B() returns a copy")
}

func TestValue_Equal(t *testing.T) {
	cases := []struct {
		name string
		a, b Value
		want bool
	}{
		{"same string", S("a"), S("a"), true},
		{"different string", S("a"), S("b"), false},
		{"string vs binary", S("a"), B([]byte("a")), false},
		{"numbers by value", N("1000"), N("1e3"), true},
		{"numbers differ", N("1"), N("1.01"), false},
		{"number vs string", N("1"), S("1"), false},
		{"bools", Bool(true), Bool(true), true},
		{"bool differs", Bool(true), Bool(false), false},
		{"nulls", Null(), Null(), true},
		{"string sets ignore order", SS("a", "b"), SS("b", "a"), true},
		{"number sets by value", NS("1", "2.0"), NS("2", "1.00"), true},
		{"sets differ", SS("a"), SS("a", "b"), false},
		{"ss vs ns", SS("1"), NS("1"), false},
		{"binary sets", BS([]byte{1}, []byte{2}), BS([]byte{2}, []byte{1}), true},
		{"lists keep order", L(S("a"), S("b")), L(S("b"), S("a")), false},
		{"lists deep", L(N("1"), M(map[string]Value{"x": NS("1")})), L(N("1.0"), M(map[string]Value{"x": NS("1e0")})), true},
		{"maps", M(map[string]Value{"a": S("x")}), M(map[string]Value{"a": S("x")}), true},
		{"maps differ by key", M(map[string]Value{"a": S("x")}), M(map[string]Value{"b": S("x")}), false},
		{"empty map vs empty list", M(nil), L(), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, c.a.Equal(c.b))
			assert.Equal(t, c.want, c.b.Equal(c.a))
		})
	}
}

func TestValue_String_IsWireJSON(t *testing.T) {
	cases := []struct {
		v    Value
		want string
	}{
		{S(`a"b`), `{"S":"a\"b"}`},
		{N("1.5"), `{"N":"1.5"}`},
		{B([]byte("b")), `{"B":"Yg=="}`},
		{Bool(false), `{"BOOL":false}`},
		{Null(), `{"NULL":true}`},
		{M(map[string]Value{"z": N("1"), "a": S("x")}), `{"M":{"a":{"S":"x"},"z":{"N":"1"}}}`},
		{L(S("x"), L()), `{"L":[{"S":"x"},{"L":[]}]}`},
		{SS("a", "b"), `{"SS":["a","b"]}`},
		{NS("1"), `{"NS":["1"]}`},
		{BS([]byte("b")), `{"BS":["Yg=="]}`},
		{Value{}, `{}`},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, c.v.String())
	}
	assert.Equal(t, `{"id":{"S":"a"},"n":{"N":"1"}}`, Item{"n": N("1"), "id": S("a")}.String())
}

func TestItem_Clone_IsDeep(t *testing.T) {
	orig := Item{"m": M(map[string]Value{"l": L(S("a"))}), "s": SS("x")}
	c := orig.Clone()
	require.True(t, c.Equal(orig))
	c["m"].M()["l"].L()[0] = S("changed")
	c["s"].SS()[0] = "y"
	assert.Equal(t, "a", orig["m"].M()["l"].L()[0].S())
	assert.Equal(t, "x", orig["s"].SS()[0])
	assert.Nil(t, Item(nil).Clone())
}

func TestItem_Size(t *testing.T) {
	cases := []struct {
		name string
		item Item
		want int
	}{
		{"developer guide example", Item{"shirt-color": S("R"), "shirt-size": S("M")}, 23},
		{"utf-8 bytes", Item{"a": S("é𝄞")}, 1 + 6},
		{"binary", Item{"b": B([]byte{1, 2, 3})}, 1 + 3},
		{"numbers by digit pairs", Item{"n": N("123"), "m": N("-42"), "z": N("0")}, 3 + 3 + 3 + 1},
		{"bool and null", Item{"t": Bool(true), "u": Null()}, 2 + 2},
		{"empty map and list", Item{"m": M(nil), "l": L()}, 1 + 3 + 1 + 3},
		{"list elements", Item{"l": L(S("ab"), N("1"))}, 1 + 3 + (1 + 2) + (1 + 2)},
		{"map entries count their names", Item{"m": M(map[string]Value{"key": S("v")})}, 1 + 3 + 1 + 3 + 1},
		{"sets sum their members", Item{"s": SS("a", "bc"), "n": NS("1", "100.5"), "b": BS([]byte{1, 2})}, 1 + 3 + 1 + (2 + 4) + 1 + 2},
		{"empty strings count zero", Item{"s": S("")}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := c.item.Size()
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestItem_Validation_AWSMessages(t *testing.T) {
	deep := func(wraps int, leaf Value) Value {
		v := leaf
		for range wraps {
			v = L(v)
		}
		return v
	}
	cases := []struct {
		name string
		item Item
		msg  string
	}{
		{"empty attribute value", Item{"a": {}}, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
		{"empty value inside a map", Item{"a": M(map[string]Value{"b": {}})}, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
		{"empty value inside a list", Item{"a": L(Value{})}, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
		{"malformed from the wire", Item{"a": Malformed("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes")}, "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"},
		{"invalid number", Item{"a": N("abc")}, "The parameter cannot be converted to a numeric value: abc"},
		{"empty number", Item{"a": N("")}, "The parameter cannot be converted to a numeric value"},
		{"too precise", Item{"a": N("1234567890123456789012345678901234567890")}, "Attempting to store more than 38 significant digits in a Number"},
		{"overflow", Item{"a": N("1e126")}, "Number overflow. Attempting to store a number with magnitude larger than supported range"},
		{"underflow", Item{"a": N("1e-131")}, "Number underflow. Attempting to store a number with magnitude smaller than supported range"},
		{"empty string set", Item{"a": SS()}, "One or more parameter values were invalid: An string set  may not be empty"},
		{"empty number set", Item{"a": NS()}, "One or more parameter values were invalid: An number set  may not be empty"},
		{"empty binary set", Item{"a": BS()}, "One or more parameter values were invalid: Binary sets should not be empty"},
		{"empty set nested", Item{"a": M(map[string]Value{"b": SS()})}, "One or more parameter values were invalid: An string set  may not be empty"},
		{"string set duplicates", Item{"a": SS("a", "a")}, "One or more parameter values were invalid: Input collection [a, a] contains duplicates."},
		{"string set duplicates of empty", Item{"a": SS("", "")}, "One or more parameter values were invalid: Input collection [, ] contains duplicates."},
		{"binary set duplicates", Item{"a": BS([]byte("b"), []byte("b"))}, "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates."},
		{"number set duplicates by value", Item{"a": NS("1", "1.0")}, "Input collection contains duplicates"},
		{"number set invalid member", Item{"a": NS("1", "")}, "The parameter cannot be converted to a numeric value"},
		{"nesting 32 wraps", Item{"a": deep(32, S("x"))}, "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"},
		{"empty attribute name", Item{"": S("x")}, msgEmptyName},
		{"empty name in a map", Item{"a": M(map[string]Value{"": S("x")})}, msgEmptyName},
		{"name too long", Item{strings.Repeat("n", 65536): S("x")}, msgNameTooLong},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.item.Size()
			require.ErrorIs(t, err, ErrValidation)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.msg, e.Message)
		})
	}

	ok := []Item{
		{"a": deep(31, S("x"))},
		{"a": SS("")},
		{"a": BS([]byte{})},
		{"a": S("")},
		{strings.Repeat("n", 65535): S("x")},
		{"a": NS("1", "2")},
		{"a": N("0.0e126")},
	}
	for _, it := range ok {
		_, err := it.Size()
		assert.NoError(t, err)
	}
}

func TestCanonicalValue(t *testing.T) {
	v, size, err := canonicalValue(M(map[string]Value{"n": N("1.50"), "s": NS("10", "1e0", "-2")}))
	require.NoError(t, err)
	assert.Equal(t, `{"M":{"n":{"N":"1.5"},"s":{"NS":["-2","1","10"]}}}`, v.String())
	assert.Equal(t, 3+1+1+3+1+1+(3+2+2), size)
}
