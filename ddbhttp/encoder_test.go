package ddbhttp

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ddbsim/ddbsim"
)

// handEncoded lists each output written by hand with its encoder, for the
// tests that compare them with json.Marshal.
var handEncoded = []struct {
	name   string
	typ    reflect.Type
	encode func(e *encoder, out any)
}{
	{"GetItem", reflect.TypeFor[ddbsim.GetItemOutput](), func(e *encoder, o any) { encodeGetItem(e, o.(*ddbsim.GetItemOutput)) }},
	{"PutItem", reflect.TypeFor[ddbsim.PutItemOutput](), func(e *encoder, o any) { encodePutItem(e, o.(*ddbsim.PutItemOutput)) }},
	{"DeleteItem", reflect.TypeFor[ddbsim.DeleteItemOutput](), func(e *encoder, o any) { encodeDeleteItem(e, o.(*ddbsim.DeleteItemOutput)) }},
	{"UpdateItem", reflect.TypeFor[ddbsim.UpdateItemOutput](), func(e *encoder, o any) { encodeUpdateItem(e, o.(*ddbsim.UpdateItemOutput)) }},
	{"Query", reflect.TypeFor[ddbsim.QueryOutput](), func(e *encoder, o any) { encodeQuery(e, o.(*ddbsim.QueryOutput)) }},
	{"Scan", reflect.TypeFor[ddbsim.ScanOutput](), func(e *encoder, o any) { encodeScan(e, o.(*ddbsim.ScanOutput)) }},
	{"BatchGetItem", reflect.TypeFor[ddbsim.BatchGetItemOutput](), func(e *encoder, o any) { encodeBatchGetItem(e, o.(*ddbsim.BatchGetItemOutput)) }},
	{"BatchWriteItem", reflect.TypeFor[ddbsim.BatchWriteItemOutput](), func(e *encoder, o any) { encodeBatchWriteItem(e, o.(*ddbsim.BatchWriteItemOutput)) }},
}

// handEncode writes out (a pointer to an output) with the encoder of i.
func handEncode(i int, out any) ([]byte, error) {
	e := newEncoder()
	defer e.release()
	handEncoded[i].encode(e, out)
	return append([]byte(nil), e.buf...), e.err
}

// requireSameAsMarshal checks the hand encoder of i writes out exactly as
// json.Marshal does.
func requireSameAsMarshal(t *testing.T, i int, out any) {
	t.Helper()
	want, err := json.Marshal(out)
	require.NoError(t, err)
	got, err := handEncode(i, out)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "%s: %#v", handEncoded[i].name, out)
}

// awkward are strings that exercise every escaping rule of json.Marshal.
var awkward = []string{"", "a", "users", "<b>&amp;</b>", "quote\" back\\slash", "\n\r\t\b\f\x00\x1f\x7f", "é✓😀",
	"\u2028 and \u2029", "bad \xff utf8 \xe2\x80", "\xe2\x80\xa8 raw", "ctrl \x01 end"}

// awkwardFloats are capacities around json.Marshal's format cutoffs.
var awkwardFloats = []float64{0, 0.5, 1, 2.5, 123456789.125, 1e20, 1e21, 1.5e21, 1e-6, 9.9e-7, 1e-7, 1.2345e-10, -3, math.MaxFloat64, math.SmallestNonzeroFloat64}

func TestEncode_OutputsMatchJSONMarshal_ZeroAndEmpty(t *testing.T) {
	for i, h := range handEncoded {
		t.Run(h.name, func(t *testing.T) {
			zero := reflect.New(h.typ)
			requireSameAsMarshal(t, i, zero.Interface())

			empty := reflect.New(h.typ)
			setEmpty(empty.Elem())
			requireSameAsMarshal(t, i, empty.Interface())
		})
	}
}

// setEmpty sets every map, slice and pointer field of the struct v to an
// empty (non-nil) value: what omitzero must not leave out.
func setEmpty(v reflect.Value) {
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.Map:
			f.Set(reflect.MakeMap(f.Type()))
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 0, 0))
		case reflect.Pointer:
			f.Set(reflect.New(f.Type().Elem()))
		}
	}
}

func TestEncode_OutputsMatchJSONMarshal_Examples(t *testing.T) {
	item := ddbsim.Item{"id": ddbsim.S("a<b>&c"), "n": ddbsim.N("1.5"), "b": ddbsim.B([]byte{0, 1, 0xff}), "ok": ddbsim.Bool(true),
		"nil": ddbsim.Null(), "ss": ddbsim.SS("x", "\u2028"), "m": ddbsim.M(map[string]ddbsim.Value{"l": ddbsim.L(ddbsim.NS("1", "2"))})}
	cc := &ddbsim.ConsumedCapacity{TableName: "users", CapacityUnits: 1.5, Table: &ddbsim.Capacity{CapacityUnits: 1},
		GlobalSecondaryIndexes: map[string]ddbsim.Capacity{"b": {CapacityUnits: 0.5}, "a": {}},
		LocalSecondaryIndexes:  map[string]ddbsim.Capacity{"l": {CapacityUnits: 1e21}}}
	outputs := []any{
		&ddbsim.GetItemOutput{Item: item, ConsumedCapacity: cc},
		&ddbsim.PutItemOutput{Attributes: item},
		&ddbsim.DeleteItemOutput{ConsumedCapacity: &ddbsim.ConsumedCapacity{TableName: "t"}},
		&ddbsim.UpdateItemOutput{Attributes: ddbsim.Item{}},
		&ddbsim.QueryOutput{Items: []ddbsim.Item{item, nil, {}}, Count: 3, ScannedCount: -1, LastEvaluatedKey: ddbsim.Item{"id": ddbsim.S("z")}, ConsumedCapacity: cc},
		&ddbsim.ScanOutput{Items: []ddbsim.Item{}, Count: math.MaxInt32, ScannedCount: math.MinInt32},
		&ddbsim.BatchGetItemOutput{
			Responses:        map[string][]ddbsim.Item{"b": {item}, "a": nil, "c": {}},
			UnprocessedKeys:  map[string]ddbsim.KeysAndAttributes{"a": {Keys: []ddbsim.Item{item}, ProjectionExpression: "#a, b", ExpressionAttributeNames: map[string]string{"#a": "<"}, AttributesToGet: []string{}, ConsistentRead: true}, "b": {}},
			ConsumedCapacity: []ddbsim.ConsumedCapacity{*cc, {TableName: "&"}},
		},
		&ddbsim.BatchWriteItemOutput{
			UnprocessedItems: map[string][]ddbsim.WriteRequest{"a": {{PutRequest: &ddbsim.PutRequest{Item: item}}, {DeleteRequest: &ddbsim.DeleteRequest{}}, {}}, "b": nil},
			ConsumedCapacity: []ddbsim.ConsumedCapacity{},
		},
	}
	for i, out := range outputs {
		t.Run(handEncoded[i].name, func(t *testing.T) { requireSameAsMarshal(t, i, out) })
	}
}

func TestEncode_AwkwardStringsAndFloats_MatchJSONMarshal(t *testing.T) {
	for _, s := range awkward {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendString(nil, s)), "%q", s)
		requireSameAsMarshal(t, 0, &ddbsim.GetItemOutput{Item: ddbsim.Item{s: ddbsim.S(s)}, ConsumedCapacity: &ddbsim.ConsumedCapacity{TableName: s}})
	}
	for _, f := range awkwardFloats {
		for _, f := range []float64{f, -f} {
			requireSameAsMarshal(t, 0, &ddbsim.GetItemOutput{ConsumedCapacity: &ddbsim.ConsumedCapacity{CapacityUnits: f}})
		}
	}
}

func TestEncode_NaNCapacity_FailsAsJSONMarshal(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		out := &ddbsim.GetItemOutput{ConsumedCapacity: &ddbsim.ConsumedCapacity{CapacityUnits: f}}
		_, want := json.Marshal(out)
		require.Error(t, want)
		_, got := handEncode(0, out)
		require.Error(t, got)
		assert.Equal(t, want.Error(), got.Error())
	}
}

func TestEncode_RandomOutputsMatchJSONMarshal(t *testing.T) {
	for seed := range uint64(300) {
		r := rand.New(rand.NewPCG(seed, seed))
		for i, h := range handEncoded {
			out := reflect.New(h.typ)
			filler{r}.fill(out.Elem(), 0)
			requireSameAsMarshal(t, i, out.Interface())
		}
	}
}

func FuzzEncode(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed, seed*31)
	}
	f.Fuzz(func(t *testing.T, seed1, seed2 uint64) {
		r := rand.New(rand.NewPCG(seed1, seed2))
		i := r.IntN(len(handEncoded))
		out := reflect.New(handEncoded[i].typ)
		filler{r}.fill(out.Elem(), 0)
		requireSameAsMarshal(t, i, out.Interface())
	})
}

func FuzzAppendString(f *testing.F) {
	for _, s := range awkward {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		require.Equal(t, string(want), string(appendString(nil, s)))
		it := ddbsim.Item{s: ddbsim.S(s)}
		want, err = json.Marshal(it)
		require.NoError(t, err)
		e := newEncoder()
		defer e.release()
		e.item(it)
		require.Equal(t, string(want), string(e.buf))
	})
}

// filler sets values to pseudo-random contents: nil, empty and full
// containers, awkward strings and floats, items of every type. It fills
// every exported field, so a field added to an output struct is covered
// without changing the tests.
type filler struct{ r *rand.Rand }

var valueType = reflect.TypeFor[ddbsim.Value]()

func (f filler) fill(v reflect.Value, depth int) {
	switch v.Type() {
	case itemType:
		if f.r.IntN(4) > 0 {
			v.Set(reflect.ValueOf(f.item(depth)))
		}
		return
	case valueType:
		v.Set(reflect.ValueOf(f.value(depth)))
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(f.string())
	case reflect.Bool:
		v.SetBool(f.r.IntN(2) == 0)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n := f.r.Int64()
		if v.OverflowInt(n) {
			n = int64(int32(n))
		}
		v.SetInt(n)
	case reflect.Float32, reflect.Float64:
		fl := awkwardFloats[f.r.IntN(len(awkwardFloats))]
		if f.r.IntN(2) == 0 {
			fl = f.r.NormFloat64() * math.Pow(10, float64(f.r.IntN(50)-25))
		}
		v.SetFloat(fl)
	case reflect.Pointer:
		if f.r.IntN(3) > 0 {
			p := reflect.New(v.Type().Elem())
			f.fill(p.Elem(), depth+1)
			v.Set(p)
		}
	case reflect.Slice:
		if n := f.r.IntN(5) - 1; n >= 0 {
			s := reflect.MakeSlice(v.Type(), n, n)
			for i := range n {
				f.fill(s.Index(i), depth+1)
			}
			v.Set(s)
		}
	case reflect.Map:
		if n := f.r.IntN(5) - 1; n >= 0 {
			m := reflect.MakeMap(v.Type())
			for range n {
				e := reflect.New(v.Type().Elem()).Elem()
				f.fill(e, depth+1)
				m.SetMapIndex(reflect.ValueOf(f.string()).Convert(v.Type().Key()), e)
			}
			v.Set(m)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				f.fill(v.Field(i), depth+1)
			}
		}
	default:
		panic("filler: no case for " + v.Type().String())
	}
}

func (f filler) string() string {
	if f.r.IntN(2) == 0 {
		return awkward[f.r.IntN(len(awkward))]
	}
	b := make([]byte, f.r.IntN(8))
	for i := range b {
		b[i] = byte(f.r.IntN(256))
	}
	return string(b)
}

func (f filler) item(depth int) ddbsim.Item {
	it := ddbsim.Item{}
	for range f.r.IntN(5) {
		it[f.string()] = f.value(depth + 1)
	}
	return it
}

func (f filler) value(depth int) ddbsim.Value {
	numbers := []string{"0", "1.5", "-12345678901234567890", "1E+3"}
	kinds := 7
	if depth < 4 {
		kinds = 9
	}
	switch f.r.IntN(kinds) {
	case 0:
		return ddbsim.S(f.string())
	case 1:
		return ddbsim.N(numbers[f.r.IntN(len(numbers))])
	case 2:
		return ddbsim.B([]byte(f.string()))
	case 3:
		return ddbsim.Bool(f.r.IntN(2) == 0)
	case 4:
		return ddbsim.Null()
	case 5:
		return ddbsim.SS(f.string(), f.string()+"x")
	case 6:
		return ddbsim.NS(numbers[:1+f.r.IntN(len(numbers))]...)
	case 7:
		return ddbsim.M(f.item(depth + 1))
	}
	return ddbsim.L(f.value(depth+1), f.value(depth+1))
}
