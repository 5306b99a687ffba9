package ddbhttp

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/ddbsim/ddbsim"
)

// encoder writes response bodies by hand, byte for byte as json.Marshal
// writes the same values (struct fields in declaration order, map keys
// sorted, HTML characters escaped as \u003c, \u003e and \u0026, floats as
// ES6 renders them), without reflection and without re-validating what
// ddbsim's MarshalJSON methods return (json.Marshal runs its scanner over
// every item's bytes). Values are appended to buf; err holds the first
// value json.Marshal would have refused, with its error.
type encoder struct {
	buf []byte
	err error
}

// maxPooledBytes bounds the buffers kept for reuse (response and request
// bodies), so one huge request does not pin its memory.
const maxPooledBytes = 1 << 20

var encoders = sync.Pool{New: func() any { return new(encoder) }}

// newEncoder returns an empty encoder from the pool; release returns it.
func newEncoder() *encoder {
	return encoders.Get().(*encoder)
}

// release empties e and returns it to the pool; e must not be used after.
func (e *encoder) release() {
	if cap(e.buf) > maxPooledBytes {
		return
	}
	e.buf, e.err = e.buf[:0], nil
	encoders.Put(e)
}

// fail records err unless an earlier error is recorded.
func (e *encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// raw appends s, which must be JSON already.
func (e *encoder) raw(s string) {
	e.buf = append(e.buf, s...)
}

// member starts the object member name: a comma unless it is the
// object's first member, then "name":. name must need no escaping.
func (e *encoder) member(name string) {
	e.separate()
	e.buf = append(append(append(e.buf, '"'), name...), '"', ':')
}

// separate appends the comma that goes before an array element or object
// member unless it is the first. A JSON value never ends in '{' or '[',
// so the last byte tells.
func (e *encoder) separate() {
	if c := e.buf[len(e.buf)-1]; c != '{' && c != '[' {
		e.buf = append(e.buf, ',')
	}
}

// string appends s as a JSON string, as json.Marshal does.
func (e *encoder) string(s string) {
	e.buf = appendString(e.buf, s)
}

// int appends n.
func (e *encoder) int(n int32) {
	e.buf = strconv.AppendInt(e.buf, int64(n), 10)
}

// bool appends b.
func (e *encoder) bool(b bool) {
	e.buf = strconv.AppendBool(e.buf, b)
}

// float appends f as json.Marshal does: like ES6, 'f' format unless the
// exponent is below -6 or at least 21, then 'e' with the exponent
// unpadded. NaN and infinities are what json.Marshal refuses.
func (e *encoder) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		e.fail(&json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)})
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	e.buf = strconv.AppendFloat(e.buf, f, format, -1, 64)
	if n := len(e.buf); format == 'e' && e.buf[n-4] == 'e' && e.buf[n-3] == '-' && e.buf[n-2] == '0' {
		e.buf[n-2] = e.buf[n-1] // e-07 is e-7
		e.buf = e.buf[:n-1]
	}
}

// item appends it as DynamoDB's wire JSON (null if nil), through its own
// AppendJSON (as its MarshalJSON writes it), HTML characters escaped as
// json.Marshal escapes them.
func (e *encoder) item(it ddbsim.Item) {
	start := len(e.buf)
	e.buf = it.AppendJSON(e.buf)
	if hasHTMLSpecial(e.buf[start:]) {
		e.buf = appendHTMLEscaped(e.buf[:start], bytes.Clone(e.buf[start:]))
	}
}

// marshal appends v through json.Marshal, for the responses that are not
// hot enough to write by hand.
func (e *encoder) marshal(v any) {
	b, err := json.Marshal(v)
	if err != nil {
		e.fail(err)
		return
	}
	e.buf = append(e.buf, b...)
}

// encodeSlice appends s as a JSON array, each element with elem; a nil s
// is null.
func encodeSlice[V any](e *encoder, s []V, elem func(*encoder, V)) {
	if s == nil {
		e.raw("null")
		return
	}
	e.buf = append(e.buf, '[')
	for _, v := range s {
		e.separate()
		elem(e, v)
	}
	e.buf = append(e.buf, ']')
}

// encodeMap appends m as a JSON object, keys sorted, each value with
// value; a nil m is null.
func encodeMap[V any](e *encoder, m map[string]V, value func(*encoder, V)) {
	if m == nil {
		e.raw("null")
		return
	}
	var scratch [8]string
	keys := scratch[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.buf = append(e.buf, '{')
	for _, k := range keys {
		e.separate()
		e.string(k)
		e.buf = append(e.buf, ':')
		value(e, m[k])
	}
	e.buf = append(e.buf, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string exactly as json.Marshal writes
// it. The strings written here are mostly table names, which need no
// escaping; any other goes through json.Marshal.
func appendString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s) // a string always marshals
			return append(dst, b...)
		}
	}
	return append(append(append(dst, '"'), s...), '"')
}

// appendHTMLEscaped appends the compact JSON src with <, >, & and raw
// U+2028 and U+2029 escaped, as json.Marshal rewrites what a MarshalJSON
// method returns. Those characters are rare in items, so src is first
// searched for them with bytes.IndexByte's vector loops.
func appendHTMLEscaped(dst, src []byte) []byte {
	if !hasHTMLSpecial(src) {
		return append(dst, src...)
	}
	start := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; {
		case c == '<' || c == '>' || c == '&':
			dst = append(append(dst, src[start:i]...), '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && src[i+2]&^1 == 0xA8:
			dst = append(append(dst, src[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[src[i+2]&0xF])
			start = i + 3
			i += 2
		}
	}
	return append(dst, src[start:]...)
}

// hasHTMLSpecial reports whether b holds <, >, & or the lead byte of
// U+2028 and U+2029.
func hasHTMLSpecial(b []byte) bool {
	return bytes.IndexByte(b, '<') >= 0 || bytes.IndexByte(b, '>') >= 0 || bytes.IndexByte(b, '&') >= 0 || bytes.IndexByte(b, 0xE2) >= 0
}
