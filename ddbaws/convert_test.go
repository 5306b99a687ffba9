package ddbaws

import (
	"context"
	"strconv"
	"testing"
	"unsafe"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
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
	var b sdkValues
	out := b.items(items)
	for i, it := range out {
		require.Equal(t, FromItem(items[i]), it)
		it["s"].(*types.AttributeValueMemberS).Value = "changed"
		it["n"].(*types.AttributeValueMemberN).Value = "-1"
		it["b"].(*types.AttributeValueMemberBOOL).Value = !it["b"].(*types.AttributeValueMemberBOOL).Value
		for j := i + 1; j < len(out); j++ {
			require.Equal(t, FromItem(items[j]), out[j], "changing item %d changed item %d", i, j)
		}
	}
	assert.Nil(t, b.items(nil))
	assert.Equal(t, []map[string]types.AttributeValue{}, b.items([]ddbsim.Item{}))
}

// richItem is an item with every type of value, nested ones included,
// that differs by i.
func richItem(i int) ddbsim.Item {
	s := strconv.Itoa(i)
	return ddbsim.Item{
		"s": ddbsim.S(s), "n": ddbsim.N(s), "b": ddbsim.B([]byte(s)), "bool": ddbsim.Bool(i%2 == 0), "null": ddbsim.Null(),
		"m":  ddbsim.M(map[string]ddbsim.Value{"s": ddbsim.S(s), "l": ddbsim.L(ddbsim.N(s))}),
		"l":  ddbsim.L(ddbsim.S(s), ddbsim.SS("x", s), ddbsim.M(map[string]ddbsim.Value{"n": ddbsim.N(s)})),
		"ss": ddbsim.SS("a"+s, "b"+s), "ns": ddbsim.NS(s, "-1"), "bs": ddbsim.BS([]byte{1}, []byte(s)),
	}
}

// mutate changes, appends to or deletes from every value of an SDK item
// in place, nested ones included.
func mutate(item map[string]types.AttributeValue) {
	for name, av := range item {
		switch av := av.(type) {
		case *types.AttributeValueMemberS:
			av.Value = "changed"
		case *types.AttributeValueMemberN:
			av.Value = "-7"
		case *types.AttributeValueMemberB:
			av.Value[0] ^= 0xFF
			av.Value = append(av.Value, 9)
		case *types.AttributeValueMemberBOOL:
			av.Value = !av.Value
		case *types.AttributeValueMemberNULL:
			av.Value = false
		case *types.AttributeValueMemberM:
			mutate(av.Value)
			av.Value["added"] = avS("new")
		case *types.AttributeValueMemberL:
			mutate(map[string]types.AttributeValue{"0": av.Value[0]})
			av.Value[0] = avS("replaced")
			av.Value = append(av.Value, avS("appended"))
		case *types.AttributeValueMemberSS:
			av.Value[0] = "changed"
			av.Value = append(av.Value, "appended")
		case *types.AttributeValueMemberNS:
			av.Value[0] = "-7"
			av.Value = append(av.Value, "8")
		case *types.AttributeValueMemberBS:
			av.Value[0][0] ^= 0xFF
			av.Value = append(av.Value, []byte{9})
		}
		item[name+"-gone"] = nil
		delete(item, name+"-gone")
	}
}

func TestFromItems_MutatingOneItemChangesNoOtherNorTheSource(t *testing.T) {
	items := make([]ddbsim.Item, 40)
	for i := range items {
		items[i] = richItem(i)
	}
	var b sdkValues
	out := b.items(items)
	for i := range out {
		mutate(out[i])
		for j := i + 1; j < len(out); j++ {
			require.Equal(t, FromItem(items[j]), out[j], "changing item %d changed item %d", i, j)
		}
		require.True(t, richItem(i).Equal(items[i]), "changing item %d changed its source", i)
	}
}

func TestFromItems_LastEvaluatedKeyIsApartFromTheItems(t *testing.T) {
	a, _ := newScoresAPI(t, 3, nil)
	out, err := a.Query(context.Background(), &dynamodb.QueryInput{TableName: aws.String("scores"), KeyConditionExpression: aws.String("pk = :p"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":p": avS("p")}, Limit: aws.Int32(2)})
	require.NoError(t, err)
	mutate(out.Items[1])
	assert.Equal(t, map[string]types.AttributeValue{"pk": avS("p"), "sk": avN("2")}, out.LastEvaluatedKey)
}

func TestFirstBlocks_FitTheAllocatorsSizesWithoutAHeader(t *testing.T) {
	assert.LessOrEqual(t, unsafe.Sizeof(firstBlocks{}), uintptr(512))
}

// TestFromItem_AllocatesItsMapsAndOneBlock checks the point of
// sdkValues: a typical item's values, nested ones included, take a single
// allocation besides the maps themselves; a page of items like it takes
// one more a type of value.
func TestFromItem_AllocatesItsMapsAndOneBlock(t *testing.T) {
	item := benchItem(1) // 5 S, 4 N, 1 BOOL, 1 SS, 1 M
	var sink, innerSink map[string]types.AttributeValue
	maps := testing.AllocsPerRun(100, func() {
		sink = make(map[string]types.AttributeValue, len(item))
		for name := range item {
			sink[name] = nil
		}
		innerSink = make(map[string]types.AttributeValue, 2)
		innerSink["city"], innerSink["zip"] = nil, nil
	})
	single := testing.AllocsPerRun(100, func() { sink = FromItem(item) })
	assert.Equal(t, maps+1, single, "one item: its maps and one block")

	page := make([]ddbsim.Item, 10)
	for i := range page {
		page[i] = benchItem(i)
	}
	var pageSink []map[string]types.AttributeValue
	perPage := testing.AllocsPerRun(100, func() {
		var b sdkValues
		pageSink = b.items(page)
	})
	const types = 6 // S, N, BOOL, M, SS and the members of the SS
	assert.LessOrEqual(t, perPage, float64(len(page))*maps+1+1+types, "a page: its maps, the list of items, the first block and one a type")
	_, _, _ = sink, innerSink, pageSink
}

func TestToItem_ListsAndSetsAreCopiesApartFromEachOther(t *testing.T) {
	l1, l2 := []types.AttributeValue{avS("a"), avS("b")}, []types.AttributeValue{avN("1")}
	ss, ns := []string{"x", "y"}, []string{"1", "2"}
	it := ToItem(map[string]types.AttributeValue{"l1": avL(l1...), "l2": avL(l2...), "ss": avSS(ss...), "ns": &types.AttributeValueMemberNS{Value: ns}})
	want := ddbsim.Item{"l1": ddbsim.L(ddbsim.S("a"), ddbsim.S("b")), "l2": ddbsim.L(ddbsim.N("1")), "ss": ddbsim.SS("x", "y"), "ns": ddbsim.NS("1", "2")}
	require.True(t, want.Equal(it), "got %v", it)

	l1[0], ss[0], ns[0] = avS("changed"), "changed", "9"
	grownList := append(it["l1"].L(), ddbsim.S("appended"))
	grownSet := append(it["ss"].SS(), "appended")
	assert.Len(t, grownList, 3)
	assert.Len(t, grownSet, 3)
	assert.True(t, want.Equal(it), "changing the SDK values or appending to one converted value changed another: %v", it)
}
