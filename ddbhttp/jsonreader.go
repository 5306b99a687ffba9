package ddbhttp

import (
	"unicode/utf8"

	"github.com/ddbsim/ddbsim"
	"github.com/ddbsim/ddbsim/internal/jsonscan"
)

// maxFastDepth bounds the nesting the fast decoder follows; deeper bodies
// go to encoding/json.
const maxFastDepth = 256

// fastDecoder reads JSON from its cursor.
type fastDecoder struct {
	jsonscan.Cursor
}

// item reads an Item: a JSON object of AttributeValues.
func (d *fastDecoder) item() (ddbsim.Item, bool) {
	it := ddbsim.Item{}
	ok := d.object(func(name string) bool {
		raw, ok := d.raw()
		var v ddbsim.Value
		if !ok || v.UnmarshalJSON(raw) != nil {
			return false
		}
		it[name] = v
		return true
	})
	return it, ok
}

// object reads a JSON object, calling member with each member's name
// with the cursor on its value.
func (d *fastDecoder) object(member func(name string) bool) bool {
	if !d.Consume('{') {
		return false
	}
	for first := true; !d.Consume('}'); first = false {
		if !first && !d.Consume(',') {
			return false
		}
		name, ok := d.string()
		if !ok || !d.Consume(':') || !member(name) {
			return false
		}
	}
	return true
}

// array reads a JSON array, calling elem with the cursor on each element.
func (d *fastDecoder) array(elem func() bool) bool {
	if !d.Consume('[') {
		return false
	}
	for first := true; !d.Consume(']'); first = false {
		if !first && !d.Consume(',') {
			return false
		}
		if !elem() {
			return false
		}
	}
	return true
}

// string reads a JSON string that needs no unescaping: no backslash, no
// control character, valid UTF-8.
func (d *fastDecoder) string() (string, bool) {
	if d.Peek() != '"' {
		return "", false
	}
	ascii := true
	for i := d.Pos + 1; i < len(d.Data); i++ {
		switch c := d.Data[i]; {
		case c == '"':
			s := d.Data[d.Pos+1 : i]
			if !ascii && !utf8.Valid(s) {
				return "", false
			}
			d.Pos = i + 1
			return string(s), true
		case c < 0x20 || c == '\\':
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

// raw returns the bytes of the JSON object or array at the cursor,
// checked to be valid JSON, and moves past them.
func (d *fastDecoder) raw() ([]byte, bool) {
	if c := d.Peek(); c != '{' && c != '[' {
		return nil, false
	}
	start := d.Pos
	if !d.skip(0) {
		return nil, false
	}
	return d.Data[start:d.Pos], true
}

// skip moves past one JSON value, checking it is valid JSON. Member
// names with escapes are valid JSON too, but rare enough to give up on.
func (d *fastDecoder) skip(depth int) bool {
	if depth > maxFastDepth {
		return false
	}
	switch d.Peek() {
	case '{':
		return d.object(func(string) bool { return d.skip(depth + 1) })
	case '[':
		return d.array(func() bool { return d.skip(depth + 1) })
	case '"':
		return d.skipString()
	case 't':
		return d.Literal("true")
	case 'f':
		return d.Literal("false")
	case 'n':
		return d.Literal("null")
	}
	return d.number()
}

// skipString moves past a JSON string, checking its escapes; any byte
// from 0x20 up is valid in it, as encoding/json accepts.
func (d *fastDecoder) skipString() bool {
	for i := d.Pos + 1; i < len(d.Data); i++ {
		switch c := d.Data[i]; {
		case c == '"':
			d.Pos = i + 1
			return true
		case c < 0x20:
			return false
		case c == '\\':
			i++
			if i >= len(d.Data) {
				return false
			}
			switch d.Data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(d.Data) {
					return false
				}
				for _, h := range d.Data[i+1 : i+5] {
					if !isHex(h) {
						return false
					}
				}
				i += 4
			default:
				return false
			}
		}
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// integer moves past a JSON integer: -?(0|[1-9][0-9]*).
func (d *fastDecoder) integer() bool {
	d.Space()
	if d.Pos < len(d.Data) && d.Data[d.Pos] == '-' {
		d.Pos++
	}
	switch {
	case d.Pos >= len(d.Data) || !isDigit(d.Data[d.Pos]):
		return false
	case d.Data[d.Pos] == '0':
		d.Pos++
	default:
		d.digits()
	}
	return true
}

// number moves past a JSON number: an integer, then an optional fraction
// and exponent.
func (d *fastDecoder) number() bool {
	if !d.integer() {
		return false
	}
	if d.Pos < len(d.Data) && d.Data[d.Pos] == '.' {
		d.Pos++
		if !d.digits() {
			return false
		}
	}
	if d.Pos < len(d.Data) && (d.Data[d.Pos] == 'e' || d.Data[d.Pos] == 'E') {
		d.Pos++
		if d.Pos < len(d.Data) && (d.Data[d.Pos] == '+' || d.Data[d.Pos] == '-') {
			d.Pos++
		}
		if !d.digits() {
			return false
		}
	}
	return true
}

// digits moves past [0-9]*, reporting whether there was one.
func (d *fastDecoder) digits() bool {
	start := d.Pos
	for d.Pos < len(d.Data) && isDigit(d.Data[d.Pos]) {
		d.Pos++
	}
	return d.Pos > start
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
