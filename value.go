package ddbsim

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ddbsim/ddbsim/internal/number"
)

// Type is the data type of a Value, named by its DynamoDB descriptor.
type Type uint8

// The ten DynamoDB data types. The zero Type belongs to the zero Value,
// which DynamoDB calls an empty AttributeValue and rejects.
const (
	TypeS    Type = iota + 1 // string
	TypeN                    // number
	TypeB                    // binary
	TypeBOOL                 // boolean
	TypeNULL                 // null
	TypeM                    // map
	TypeL                    // list
	TypeSS                   // string set
	TypeNS                   // number set
	TypeBS                   // binary set
)

// typeMalformed is a Value a wire decoder could not make sense of; its s
// holds the ValidationException message every operation answers with.
const typeMalformed Type = 0xFF

var typeNames = [...]string{"", "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"}

// String returns the descriptor ("S", "N", "BOOL", ...), or "" for the zero
// Type.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return ""
}

// Value is a DynamoDB AttributeValue: exactly one of the ten types. Build it
// with S, N, Int, B, Bool, Null, M, L, SS, NS or BS. The zero Value is
// DynamoDB's empty AttributeValue: every operation rejects it.
//
// A Value is immutable once built, as long as the map, list and set slices
// handed to M, L, SS, NS and BS are not changed afterwards. Values returned
// by ddbsim are fresh and belong to the caller.
type Value struct {
	t Type
	b bool // BOOL
	// s holds S text, N text (canonical once stored), B bytes, or a
	// malformed value's message.
	s string
	// x holds a map[string]Value for M, a []Value for L, and a []string of
	// members for SS, NS (texts) and BS (bytes): one field keeps a Value at
	// 40 bytes, which decoding a stored item (one fresh map a read) feels.
	x any
}

// S returns a string Value. Any UTF-8 text is allowed; the empty string is
// allowed except in key attributes.
func S(s string) Value { return Value{t: TypeS, s: s} }

// N returns a number Value from its decimal text, as DynamoDB's wire format
// carries it ("42", "-1.5", "1e3"). The text is checked when the value is
// used: an invalid number makes the operation fail with AWS's
// ValidationException. Stored numbers come back in canonical form ("1e3"
// reads back as "1000").
func N(text string) Value { return Value{t: TypeN, s: text} }

// Int returns the number Value equal to i.
func Int(i int64) Value { return Value{t: TypeN, s: strconv.FormatInt(i, 10)} }

// B returns a binary Value holding a copy of b. Empty binaries are allowed
// except in key attributes.
func B(b []byte) Value { return Value{t: TypeB, s: string(b)} }

// Bool returns a boolean Value.
func Bool(b bool) Value { return Value{t: TypeBOOL, b: b} }

// Null returns the null Value ({"NULL": true}).
func Null() Value { return Value{t: TypeNULL, b: true} }

// M returns a map Value holding m (not a copy). Names are 1 byte to 64 KB.
func M(m map[string]Value) Value {
	if m == nil {
		m = map[string]Value{}
	}
	return Value{t: TypeM, x: m}
}

// L returns a list Value of the given elements (not a copy of the slice).
func L(elems ...Value) Value {
	if elems == nil {
		elems = []Value{}
	}
	return Value{t: TypeL, x: elems}
}

// SS returns a string set. DynamoDB rejects empty sets and sets with
// duplicate members; the check happens when the value is used.
func SS(members ...string) Value { return Value{t: TypeSS, x: members} }

// NS returns a number set from the members' decimal texts. DynamoDB
// rejects empty sets, invalid numbers and members equal in value ("1" and
// "1.0"); the check happens when the value is used.
func NS(members ...string) Value { return Value{t: TypeNS, x: members} }

// BS returns a binary set holding copies of the members. DynamoDB rejects
// empty sets and duplicate members; the check happens when the value is
// used.
func BS(members ...[]byte) Value {
	set := make([]string, len(members))
	for i, m := range members {
		set[i] = string(m)
	}
	return Value{t: TypeBS, x: set}
}

// Malformed returns a Value that every operation rejects with a
// ValidationException carrying msg (wrapped as DynamoDB wraps value errors
// where the value sits, for example in ExpressionAttributeValues). It is
// for wire decoders meeting an AttributeValue DynamoDB refuses on sight,
// such as one with two descriptors or {"NULL": false}.
func Malformed(msg string) Value { return Value{t: typeMalformed, s: msg} }

// Type returns the type of v; 0 for the zero Value.
func (v Value) Type() Type {
	if v.t == typeMalformed {
		return 0
	}
	return v.t
}

// S returns the text of a string Value; "" for other types.
func (v Value) S() string {
	if v.t != TypeS {
		return ""
	}
	return v.s
}

// N returns the decimal text of a number Value; "" for other types.
func (v Value) N() string {
	if v.t != TypeN {
		return ""
	}
	return v.s
}

// B returns a copy of the bytes of a binary Value; nil for other types.
func (v Value) B() []byte {
	if v.t != TypeB {
		return nil
	}
	return []byte(v.s)
}

// Bool returns the boolean of a BOOL Value; false for other types.
func (v Value) Bool() bool { return v.t == TypeBOOL && v.b }

// IsNull reports whether v is the null Value.
func (v Value) IsNull() bool { return v.t == TypeNULL }

// M returns the entries of a map Value (not a copy); nil for other types.
func (v Value) M() map[string]Value {
	m, _ := v.x.(map[string]Value)
	return m
}

// L returns the elements of a list Value (not a copy); nil for other types.
func (v Value) L() []Value {
	l, _ := v.x.([]Value)
	return l
}

// members returns the members of a set (not a copy); nil for other types.
func (v Value) members() []string {
	set, _ := v.x.([]string)
	return set
}

// SS returns the members of a string set (not a copy); nil for other
// types.
func (v Value) SS() []string {
	if v.t != TypeSS {
		return nil
	}
	return v.members()
}

// NS returns the decimal texts of a number set's members (not a copy); nil
// for other types.
func (v Value) NS() []string {
	if v.t != TypeNS {
		return nil
	}
	return v.members()
}

// BS returns copies of a binary set's members; nil for other types.
func (v Value) BS() [][]byte {
	if v.t != TypeBS {
		return nil
	}
	out := make([][]byte, len(v.members()))
	for i, m := range v.members() {
		out[i] = []byte(m)
	}
	return out
}

// Equal reports whether v and w are the same DynamoDB value: the same type
// and deeply equal contents, numbers compared by value ("1" equals "1.0"),
// sets compared as sets (order ignored), maps by their entries. It is the
// equality of the = operator in condition expressions. Cost: O(size of the
// values); sets cost O(n log n).
func (v Value) Equal(w Value) bool {
	if v.t != w.t {
		return false
	}
	switch v.t {
	case TypeS, TypeB, typeMalformed:
		return v.s == w.s
	case TypeN:
		return numbersEqual(v.s, w.s)
	case TypeBOOL, TypeNULL:
		return v.b == w.b
	case TypeL:
		return slices.EqualFunc(v.L(), w.L(), Value.Equal)
	case TypeM:
		return mapsEqual(v.M(), w.M())
	case TypeSS, TypeBS:
		return setsEqual(v.members(), w.members(), strings.Compare)
	case TypeNS:
		return setsEqual(v.members(), w.members(), compareNumberText)
	}
	return true
}

func mapsEqual(a, b map[string]Value) bool {
	if len(a) != len(b) {
		return false
	}
	for k, av := range a {
		bv, ok := b[k]
		if !ok || !av.Equal(bv) {
			return false
		}
	}
	return true
}

func numbersEqual(a, b string) bool {
	return compareNumberText(a, b) == 0
}

// compareNumberText orders number texts by value; texts that do not parse
// sort after all numbers, by text.
func compareNumberText(a, b string) int {
	na, erra := number.Parse(a)
	nb, errb := number.Parse(b)
	switch {
	case erra == nil && errb == nil:
		return number.Compare(na, nb)
	case erra == nil:
		return -1
	case errb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

func setsEqual(a, b []string, cmp func(a, b string) int) bool {
	if len(a) != len(b) {
		return false
	}
	as, bs := slices.Clone(a), slices.Clone(b)
	slices.SortFunc(as, cmp)
	slices.SortFunc(bs, cmp)
	return slices.EqualFunc(as, bs, func(x, y string) bool { return cmp(x, y) == 0 })
}

// String returns v in DynamoDB's JSON wire form, such as {"S":"hello"},
// {"N":"1.5"} or {"M":{"a":{"BOOL":true}}}, with map entries in name order.
func (v Value) String() string {
	return string(v.appendJSON(nil))
}

func (v Value) appendJSON(dst []byte) []byte {
	switch v.t {
	case TypeS:
		return appendJSONString(append(dst, `{"S":`...), v.s, '}')
	case TypeN:
		return appendJSONString(append(dst, `{"N":`...), v.s, '}')
	case TypeB:
		return appendJSONString(append(dst, `{"B":`...), base64String(v.s), '}')
	case TypeBOOL:
		return append(append(dst, `{"BOOL":`...), strconv.FormatBool(v.b)+"}"...)
	case TypeNULL:
		return append(dst, `{"NULL":true}`...)
	case TypeM:
		return append(Item(v.M()).appendJSON(append(dst, `{"M":`...)), '}')
	case TypeL:
		dst = append(dst, `{"L":[`...)
		for i, e := range v.L() {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = e.appendJSON(dst)
		}
		return append(dst, "]}"...)
	case TypeSS, TypeNS, TypeBS:
		dst = append(append(dst, `{"`...), v.t.String()+`":[`...)
		for i, m := range v.members() {
			if i > 0 {
				dst = append(dst, ',')
			}
			if v.t == TypeBS {
				m = base64String(m)
			}
			dst = appendJSONString(dst, m, 0)
		}
		return append(dst, "]}"...)
	case typeMalformed:
		return appendJSONString(append(dst, `{"malformed":`...), v.s, '}')
	}
	return append(dst, "{}"...)
}

// appendJSONString appends s as a JSON string, then end unless it is 0.
// It escapes what JSON requires (quote, backslash, control characters)
// and, as encoding/json does, U+2028 and U+2029; invalid UTF-8 becomes
// U+FFFD. Cost: O(len(s)), no allocation beyond dst's growth.
func appendJSONString(dst []byte, s string, end byte) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(append(dst, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(append(dst, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(append(dst, s[start:]...), '"')
	if end != 0 {
		dst = append(dst, end)
	}
	return dst
}
