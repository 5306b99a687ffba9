package ddbhttp

import (
	"encoding"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/internal/jsonscan"
)

// The fast request decoder. encoding/json reads a body three times over:
// once to validate it, once to decode it by reflection, and each
// AttributeValue once more in Value.UnmarshalJSON. The fast decoder reads
// the body once, validating as it goes, and hands each AttributeValue's
// bytes to Value.UnmarshalJSON as encoding/json does.
//
// It takes only the plain JSON the SDKs send: member names exactly as the
// fields are named, each at most once; strings without escapes or invalid
// UTF-8; integers in plain digits; no null. On anything else (a syntax
// error, an unknown or misspelled member, a wrong JSON type, a Value
// UnmarshalJSON refuses) it gives up, and the body goes through
// encoding/json, which sets the same fields or reports the error the
// service would. What it does take it decodes exactly as encoding/json
// does (FuzzFastDecode checks this).

// valueDecoder decodes the JSON value at the cursor into v, an
// addressable value of the type it was built for; false means "give up".
type valueDecoder func(d *fastDecoder, v reflect.Value) bool

// decodeFast decodes body into v (addressable, of the type dec was built
// for), reporting false if the fast decoder gave up; v may then be partly
// set.
func decodeFast(dec valueDecoder, body []byte, v reflect.Value) bool {
	d := fastDecoder{jsonscan.Cursor{Data: body}}
	if !dec(&d, v) {
		return false
	}
	d.Space()
	return d.Pos == len(d.Data)
}

var (
	itemType        = reflect.TypeFor[ddbsim.Item]()
	valueMapType    = reflect.TypeFor[map[string]ddbsim.Value]()
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textType        = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// decoderFor returns the fast decoder of t, or nil if it never takes t's
// values.
func decoderFor(t reflect.Type) valueDecoder {
	return decoderBuilder{}.build(t)
}

// decoderBuilder builds the decoders of a type and the types it holds;
// it holds the types being built, so a recursive type is left to
// encoding/json instead of building forever.
type decoderBuilder map[reflect.Type]bool

func (b decoderBuilder) build(t reflect.Type) valueDecoder {
	switch {
	case b[t]:
		return nil
	case reflect.PointerTo(t).Implements(unmarshalerType):
		return decodeUnmarshaler
	case reflect.PointerTo(t).Implements(textType):
		return nil
	case t == itemType || t == valueMapType:
		return decodeItemValue
	}
	b[t] = true
	defer delete(b, t)
	switch t.Kind() {
	case reflect.String:
		return decodeString
	case reflect.Bool:
		return decodeBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return decodeInt
	case reflect.Pointer:
		return b.pointer(t)
	case reflect.Slice:
		return b.slice(t)
	case reflect.Map:
		return b.mapOf(t)
	case reflect.Struct:
		return b.structOf(t)
	}
	return nil
}

// pointer decodes into a new value the pointer is set to.
func (b decoderBuilder) pointer(t reflect.Type) valueDecoder {
	elem := b.build(t.Elem())
	if elem == nil {
		return nil
	}
	return func(d *fastDecoder, v reflect.Value) bool {
		p := reflect.New(t.Elem())
		v.Set(p)
		return elem(d, p.Elem())
	}
}

// slice decodes a JSON array; [] is an empty slice, not nil.
func (b decoderBuilder) slice(t reflect.Type) valueDecoder {
	elem := b.build(t.Elem())
	if elem == nil {
		return nil
	}
	return func(d *fastDecoder, v reflect.Value) bool {
		s := reflect.MakeSlice(t, 0, 0)
		ok := d.array(func() bool {
			s = reflect.Append(s, reflect.Zero(t.Elem()))
			return elem(d, s.Index(s.Len()-1))
		})
		v.Set(s)
		return ok
	}
}

// mapOf decodes a JSON object into a map with string keys.
func (b decoderBuilder) mapOf(t reflect.Type) valueDecoder {
	elem := b.build(t.Elem())
	if elem == nil || t.Key() != reflect.TypeFor[string]() {
		return nil
	}
	return func(d *fastDecoder, v reflect.Value) bool {
		m := reflect.MakeMap(t)
		v.Set(m)
		return d.object(func(key string) bool {
			e := reflect.New(t.Elem()).Elem()
			if !elem(d, e) {
				return false
			}
			m.SetMapIndex(reflect.ValueOf(key), e)
			return true
		})
	}
}

// structOf decodes a JSON object into a struct: each member must name an
// exported field exactly (as its json tag renames it) and appear at most
// once. Fields tagged ",string" and embedded structs, which encoding/json
// treats specially, are left to it.
func (b decoderBuilder) structOf(t reflect.Type) valueDecoder {
	type field struct {
		index int
		dec   valueDecoder
	}
	fields := map[string]field{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous || i >= 64 {
			return nil
		}
		name, options, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case !f.IsExported() || name == "-" && options == "":
			continue
		case name == "":
			name = f.Name
		}
		if _, twice := fields[name]; twice {
			return nil
		}
		var dec valueDecoder
		if !slices.Contains(strings.Split(options, ","), "string") {
			dec = b.build(f.Type)
		}
		fields[name] = field{i, dec}
	}
	return func(d *fastDecoder, v reflect.Value) bool {
		var seen uint64
		return d.object(func(name string) bool {
			f, ok := fields[name]
			if !ok || f.dec == nil || seen&(1<<f.index) != 0 {
				return false
			}
			seen |= 1 << f.index
			return f.dec(d, v.Field(f.index))
		})
	}
}

// decodeUnmarshaler hands the bytes of one JSON object or array to the
// value's UnmarshalJSON, as encoding/json does.
func decodeUnmarshaler(d *fastDecoder, v reflect.Value) bool {
	raw, ok := d.raw()
	return ok && v.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw) == nil
}

// decodeItemValue decodes an Item (or a map of Values) without
// reflection.
func decodeItemValue(d *fastDecoder, v reflect.Value) bool {
	it, ok := d.item()
	switch p := v.Addr().Interface().(type) {
	case *ddbsim.Item:
		*p = it
	case *map[string]ddbsim.Value:
		*p = it
	}
	return ok
}

func decodeString(d *fastDecoder, v reflect.Value) bool {
	s, ok := d.string()
	v.SetString(s)
	return ok
}

func decodeBool(d *fastDecoder, v reflect.Value) bool {
	switch {
	case d.Literal("true"):
		v.SetBool(true)
	case d.Literal("false"):
		v.SetBool(false)
	default:
		return false
	}
	return true
}

// decodeInt takes an integer in plain digits that fits v.
func decodeInt(d *fastDecoder, v reflect.Value) bool {
	d.Space()
	start := d.Pos
	if !d.integer() {
		return false
	}
	n, err := strconv.ParseInt(string(d.Data[start:d.Pos]), 10, 64)
	if err != nil || v.OverflowInt(n) {
		return false
	}
	v.SetInt(n)
	return true
}
