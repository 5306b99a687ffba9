package ddbaws

import (
	"strconv"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// Shorthands for SDK values in tests.
func avS(s string) types.AttributeValue     { return &types.AttributeValueMemberS{Value: s} }
func avN(n string) types.AttributeValue     { return &types.AttributeValueMemberN{Value: n} }
func avB(b []byte) types.AttributeValue     { return &types.AttributeValueMemberB{Value: b} }
func avBool(b bool) types.AttributeValue    { return &types.AttributeValueMemberBOOL{Value: b} }
func avSS(s ...string) types.AttributeValue { return &types.AttributeValueMemberSS{Value: s} }

var avNull types.AttributeValue = &types.AttributeValueMemberNULL{Value: true}

func avM(m map[string]types.AttributeValue) types.AttributeValue {
	return &types.AttributeValueMemberM{Value: m}
}

func avL(l ...types.AttributeValue) types.AttributeValue {
	return &types.AttributeValueMemberL{Value: l}
}

// conversionCases pairs SDK values with the ddbsim values they stand for:
// all ten types, empty strings, binaries, maps and lists, and nesting.
var conversionCases = []struct {
	name string
	sdk  types.AttributeValue
	sim  ddbsim.Value
}{
	{"S", avS("hello"), ddbsim.S("hello")},
	{"S empty", avS(""), ddbsim.S("")},
	{"S unicode and NUL", avS("¿z\x00é"), ddbsim.S("¿z\x00é")},
	{"N", avN("-12.5e3"), ddbsim.N("-12.5e3")},
	{"B", avB([]byte{0, 1, 255}), ddbsim.B([]byte{0, 1, 255})},
	{"B empty", avB([]byte{}), ddbsim.B(nil)},
	{"BOOL true", avBool(true), ddbsim.Bool(true)},
	{"BOOL false", avBool(false), ddbsim.Bool(false)},
	{"NULL", avNull, ddbsim.Null()},
	{"M", avM(map[string]types.AttributeValue{"a": avS("x"), "b": avN("1")}), ddbsim.M(map[string]ddbsim.Value{"a": ddbsim.S("x"), "b": ddbsim.N("1")})},
	{"M empty", avM(map[string]types.AttributeValue{}), ddbsim.M(nil)},
	{"L", avL(avS("x"), avNull, avBool(true)), ddbsim.L(ddbsim.S("x"), ddbsim.Null(), ddbsim.Bool(true))},
	{"L empty", &types.AttributeValueMemberL{Value: []types.AttributeValue{}}, ddbsim.L()},
	{"SS", avSS("a", "", "b"), ddbsim.SS("a", "", "b")},
	{"NS", &types.AttributeValueMemberNS{Value: []string{"1", "2.5", "-3"}}, ddbsim.NS("1", "2.5", "-3")},
	{"BS", &types.AttributeValueMemberBS{Value: [][]byte{{1}, {}, {2, 3}}}, ddbsim.BS([]byte{1}, []byte{}, []byte{2, 3})},
	{"nested M and L", avM(map[string]types.AttributeValue{
		"l": avL(avM(map[string]types.AttributeValue{"ss": avSS("x")}), avL(avN("0"))),
		"m": avM(map[string]types.AttributeValue{"e": avM(map[string]types.AttributeValue{})}),
	}), ddbsim.M(map[string]ddbsim.Value{
		"l": ddbsim.L(ddbsim.M(map[string]ddbsim.Value{"ss": ddbsim.SS("x")}), ddbsim.L(ddbsim.N("0"))),
		"m": ddbsim.M(map[string]ddbsim.Value{"e": ddbsim.M(nil)}),
	})},
}

func TestToValue_ConvertsAllTenTypes(t *testing.T) {
	for _, tc := range conversionCases {
		t.Run(tc.name, func(t *testing.T) {
			got := ToValue(tc.sdk)
			assert.True(t, tc.sim.Equal(got), "got %v", got)
		})
	}
}

func TestFromValue_RoundTripsAllTenTypes(t *testing.T) {
	for _, tc := range conversionCases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.sdk, FromValue(tc.sim))
			assert.Equal(t, tc.sdk, FromValue(ToValue(tc.sdk)))
		})
	}
}

func TestToValue_InvalidValuesBecomeWhatDynamoDBRejects(t *testing.T) {
	for _, tc := range []struct {
		name string
		sdk  types.AttributeValue
		want ddbsim.Value
	}{
		{"nil", nil, ddbsim.Value{}},
		{"NULL false", &types.AttributeValueMemberNULL{Value: false}, ddbsim.Malformed(msgNullFalse)},
		{"unknown member", &types.UnknownUnionMember{Tag: "Q"}, ddbsim.Malformed(msgUnknownMember + "Q")},
		{"nil B", avB(nil), ddbsim.Malformed(msgNullBinary)},
		{"nil BS member", &types.AttributeValueMemberBS{Value: [][]byte{{1}, nil}}, ddbsim.Malformed(msgNullBinary)},
		{"nil in L", avL(nil), ddbsim.L(ddbsim.Value{})},
		{"nil in M", avM(map[string]types.AttributeValue{"a": nil}), ddbsim.M(map[string]ddbsim.Value{"a": {}})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ToValue(tc.sdk)
			assert.True(t, tc.want.Equal(got), "got %v, want %v", got, tc.want)
		})
	}
}

func TestToValue_RejectedByOperationsWithAWSMessages(t *testing.T) {
	for _, tc := range []struct {
		sdk  types.AttributeValue
		want string
	}{
		{nil, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"},
		{&types.AttributeValueMemberNULL{Value: false}, "One or more parameter values were invalid: Null attribute value types must have the value of true"},
	} {
		_, err := ddbsim.Item{"a": ToValue(tc.sdk)}.Size()
		var e *ddbsim.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, ddbsim.CodeValidation, e.Code)
		assert.Equal(t, tc.want, e.Message)
	}
}

func TestFromValue_NoTypeIsNil(t *testing.T) {
	assert.Nil(t, FromValue(ddbsim.Value{}))
	assert.Nil(t, FromValue(ddbsim.Malformed("bad")))
}

func TestToItem_NilStaysNilAndEmptyStaysEmpty(t *testing.T) {
	assert.Nil(t, ToItem(nil))
	assert.Nil(t, FromItem(nil))
	assert.Equal(t, ddbsim.Item{}, ToItem(map[string]types.AttributeValue{}))
	assert.Equal(t, map[string]types.AttributeValue{}, FromItem(ddbsim.Item{}))
}

func TestToItem_ConvertsEveryAttribute(t *testing.T) {
	sdk := map[string]types.AttributeValue{}
	sim := ddbsim.Item{}
	for _, tc := range conversionCases {
		sdk[tc.name], sim[tc.name] = tc.sdk, tc.sim
	}
	assert.True(t, sim.Equal(ToItem(sdk)))
	assert.Equal(t, sdk, FromItem(sim))
}

func TestToValue_SharesNoMemory(t *testing.T) {
	ss := []string{"a", "b"}
	b := []byte{1, 2}
	v := ToValue(avM(map[string]types.AttributeValue{"ss": avSS(ss...), "b": avB(b)}))
	ss[0], b[0] = "z", 9
	assert.True(t, ddbsim.M(map[string]ddbsim.Value{"ss": ddbsim.SS("a", "b"), "b": ddbsim.B([]byte{1, 2})}).Equal(v))
}

func TestFromValue_SharesNoMemory(t *testing.T) {
	members := []string{"1", "2"}
	v := ddbsim.NS(members...)
	av := FromValue(v).(*types.AttributeValueMemberNS)
	av.Value[0] = "9"
	assert.Equal(t, []string{"1", "2"}, members)
}

// FuzzValueConversion checks that any Value survives FromValue then
// ToValue unchanged.
func FuzzValueConversion(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{5, 3, 'a', 'b', 'c', 6, 2, 0, 1, 7, 1, 8})
	f.Add([]byte{9, 4, 1, 2, 3, 4, 10, 2, 0, 0, 5, 5, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		g := valueGen{data: data}
		v := g.value(0)
		back := ToValue(FromValue(v))
		if !v.Equal(back) {
			t.Fatalf("%v came back as %v", v, back)
		}
	})
}

// valueGen builds a Value from fuzz bytes: one byte picks the type, the
// next ones its contents; running out of bytes gives zeros.
type valueGen struct {
	data []byte
}

func (g *valueGen) byte() byte {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return b
}

// text returns up to 7 bytes of the input as a string.
func (g *valueGen) text() string {
	n := min(int(g.byte()%8), len(g.data))
	s := string(g.data[:n])
	g.data = g.data[n:]
	return s
}

// texts returns up to 3 texts, made by each.
func (g *valueGen) texts(each func() string) []string {
	out := make([]string, 1+g.byte()%3)
	for i := range out {
		out[i] = each()
	}
	return out
}

func (g *valueGen) number() string {
	return strconv.Itoa(int(int8(g.byte()))) + "." + strconv.Itoa(int(g.byte()))
}

func (g *valueGen) value(depth int) ddbsim.Value {
	kind := g.byte() % 10
	if depth > 4 && kind >= 5 && kind <= 6 {
		kind = 0
	}
	switch kind {
	case 1:
		return ddbsim.N(g.number())
	case 2:
		return ddbsim.B([]byte(g.text()))
	case 3:
		return ddbsim.Bool(g.byte()%2 == 1)
	case 4:
		return ddbsim.Null()
	case 5:
		m := map[string]ddbsim.Value{}
		for range g.byte() % 4 {
			m[g.text()] = g.value(depth + 1)
		}
		return ddbsim.M(m)
	case 6:
		list := make([]ddbsim.Value, g.byte()%4)
		for i := range list {
			list[i] = g.value(depth + 1)
		}
		return ddbsim.L(list...)
	case 7:
		return ddbsim.SS(g.texts(g.text)...)
	case 8:
		return ddbsim.NS(g.texts(g.number)...)
	case 9:
		members := g.texts(g.text)
		set := make([][]byte, len(members))
		for i, m := range members {
			set[i] = []byte(m)
		}
		return ddbsim.BS(set...)
	}
	return ddbsim.S(g.text())
}

// TestFromItems_ValuesAreIndependent checks that values handed out from
// one block stay apart: changing one changes no other.
func TestFromItems_ValuesAreIndependent(t *testing.T) {
	items := make([]ddbsim.Item, 50)
	for i := range items {
		items[i] = ddbsim.Item{"s": ddbsim.S(strconv.Itoa(i)), "n": ddbsim.N(strconv.Itoa(i)), "b": ddbsim.Bool(i%2 == 0),
			"l": ddbsim.L(ddbsim.S("x"), ddbsim.N("1"))}
	}
	out := fromItems(items)
	for i, it := range out {
		require.Equal(t, FromItem(items[i]), it)
		it["s"].(*types.AttributeValueMemberS).Value = "changed"
		it["n"].(*types.AttributeValueMemberN).Value = "-1"
		it["b"].(*types.AttributeValueMemberBOOL).Value = !it["b"].(*types.AttributeValueMemberBOOL).Value
		for j := i + 1; j < len(out); j++ {
			require.Equal(t, FromItem(items[j]), out[j], "changing item %d changed item %d", i, j)
		}
	}
	assert.Nil(t, fromItems(nil))
	assert.Equal(t, []map[string]types.AttributeValue{}, fromItems([]ddbsim.Item{}))
}
