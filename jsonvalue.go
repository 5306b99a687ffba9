package ddbsim

import (
	"encoding/base64"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/ddbsim/ddbsim/internal/jsonscan"
)

// maxWireDepth bounds how deep a decoded value may nest; deeper input is
// refused with the nesting error without reading further.
const maxWireDepth = 2 * MaxNestingDepth

// UnmarshalJSON decodes an AttributeValue in DynamoDB's wire format. A
// JSON type DynamoDB would not accept (a number for S or N, a string for
// BOOL, bad base64) is a SerializationException; an AttributeValue with
// no descriptor, two descriptors or {"NULL": false} decodes into a Value
// that every operation rejects with AWS's ValidationException, where the
// value sits, as DynamoDB does. Cost: O(len(data)), one pass, allocating
// only the decoded strings and containers.
func (v *Value) UnmarshalJSON(data []byte) error {
	p := valueParser{jsonscan.Cursor{Data: data}}
	p.Space()
	if p.Literal("null") {
		*v = Value{}
		return nil
	}
	out, err := p.value(1)
	if err != nil {
		return err
	}
	*v = out
	return nil
}

// valueParser reads AttributeValues from JSON text. encoding/json hands
// UnmarshalJSON only well-formed JSON, but the parser checks every bound
// anyway and reports anything unexpected as a SerializationException.
type valueParser struct {
	jsonscan.Cursor
}

var errMalformedJSON = &Error{Code: CodeSerialization}

// wrongType describes the JSON value at the cursor the way DynamoDB's Java
// front end does ("NUMBER_VALUE cannot be converted to String", "Start of
// list found where not expected", ...).
func (p *valueParser) wrongType(what string) error {
	msg := "NUMBER_VALUE " + what
	switch p.Peek() {
	case '{':
		msg = "Start of structure or map found where not expected"
	case '[':
		msg = "Start of list found where not expected"
	case '"':
		msg = "STRING_VALUE " + what
	case 't':
		msg = "TRUE_VALUE " + what
	case 'f':
		msg = "FALSE_VALUE " + what
	case 'n':
		msg = "NULL_VALUE " + what
	case 0:
		return errMalformedJSON
	}
	return &Error{Code: CodeSerialization, Message: msg}
}

// value reads one AttributeValue object.
func (p *valueParser) value(depth int) (Value, error) {
	if !p.Consume('{') {
		return Value{}, p.wrongType("Expected map or null")
	}
	if depth > maxWireDepth {
		return Value{}, validationError(msgNesting)
	}
	var v Value
	descriptors := 0
	for first := true; !p.Consume('}'); first = false {
		if !first && !p.Consume(',') {
			return Value{}, errMalformedJSON
		}
		name, err := p.str()
		if err != nil {
			return Value{}, err
		}
		if !p.Consume(':') {
			return Value{}, errMalformedJSON
		}
		field, err := p.field(name, depth)
		if err != nil {
			return Value{}, err
		}
		if field.t != 0 {
			v = field
			descriptors++
		}
	}
	if descriptors > 1 {
		return Malformed(msgMultipleTypes), nil
	}
	return v, nil
}

// field reads the value of one descriptor. An unknown descriptor is
// skipped, leaving the zero Value.
func (p *valueParser) field(name string, depth int) (Value, error) {
	switch t := descriptorType(name); t {
	case TypeS, TypeN, TypeB:
		s, err := p.scalar(t == TypeB)
		return Value{t: t, s: s}, err
	case TypeBOOL, TypeNULL:
		var b bool
		switch {
		case p.Literal("true"):
			b = true
		case p.Literal("false"):
		default:
			return Value{}, p.wrongType("can not be converted to an Boolean")
		}
		switch {
		case t == TypeBOOL:
			return Bool(b), nil
		case b:
			return Null(), nil
		}
		return Malformed(msgNullFalse), nil
	case TypeM:
		if !p.Consume('{') {
			return Value{}, p.wrongType("Expected map or null")
		}
		m := map[string]Value{}
		for first := true; !p.Consume('}'); first = false {
			if !first && !p.Consume(',') {
				return Value{}, errMalformedJSON
			}
			key, err := p.str()
			if err != nil {
				return Value{}, err
			}
			if !p.Consume(':') {
				return Value{}, errMalformedJSON
			}
			if m[key], err = p.value(depth + 1); err != nil {
				return Value{}, err
			}
		}
		return M(m), nil
	case TypeL:
		list := []Value{}
		err := p.array(func() error {
			elem, err := p.value(depth + 1)
			list = append(list, elem)
			return err
		})
		return L(list...), err
	case TypeSS, TypeNS, TypeBS:
		set := []string{}
		err := p.array(func() error {
			s, err := p.scalar(t == TypeBS)
			set = append(set, s)
			return err
		})
		return Value{t: t, x: set}, err
	}
	return Value{}, p.skip()
}

// array reads a JSON array, calling elem for each element.
func (p *valueParser) array(elem func() error) error {
	if !p.Consume('[') {
		return p.wrongType("Expected list or null")
	}
	for first := true; !p.Consume(']'); first = false {
		if !first && !p.Consume(',') {
			return errMalformedJSON
		}
		if err := elem(); err != nil {
			return err
		}
	}
	return nil
}

// scalar reads a JSON string, base64-decoded when blob (standard
// alphabet, padded), with DynamoDB's errors for other JSON types and bad
// base64.
func (p *valueParser) scalar(blob bool) (string, error) {
	if p.Peek() != '"' {
		return "", p.wrongType("cannot be converted to String")
	}
	s, err := p.str()
	if err != nil || !blob {
		return s, err
	}
	if len(s)%4 != 0 {
		return "", &Error{Code: CodeSerialization, Message: "Base64 encoded length is expected a multiple of 4 bytes but found: " + strconv.Itoa(len(s))}
	}
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	if err != nil {
		return "", &Error{Code: CodeSerialization, Message: "Invalid last non-pad Base64 character dectected"}
	}
	return string(b), nil
}

// str reads a JSON string. Strings without escapes are copied straight;
// the rare one with escapes or invalid UTF-8 (which encoding/json turns
// into U+FFFD) goes through encoding/json.
func (p *valueParser) str() (string, error) {
	if p.Peek() != '"' {
		return "", errMalformedJSON
	}
	start := p.Pos
	escaped := false
	for i := start + 1; i < len(p.Data); i++ {
		switch p.Data[i] {
		case '\\':
			escaped = true
			i++
		case '"':
			p.Pos = i + 1
			if raw := p.Data[start+1 : i]; !escaped && utf8.Valid(raw) {
				return string(raw), nil
			}
			var s string
			if err := json.Unmarshal(p.Data[start:i+1], &s); err != nil {
				return "", errMalformedJSON
			}
			return s, nil
		}
	}
	return "", errMalformedJSON
}

// skip moves past one JSON value of any kind.
func (p *valueParser) skip() error {
	switch c := p.Peek(); {
	case c == '"':
		_, err := p.str()
		return err
	case c == '{' || c == '[':
		closing := byte('}')
		if c == '[' {
			closing = ']'
		}
		p.Pos++
		for first := true; !p.Consume(closing); first = false {
			if !first && !p.Consume(',') {
				return errMalformedJSON
			}
			if c == '{' {
				if _, err := p.str(); err != nil || !p.Consume(':') {
					return errMalformedJSON
				}
			}
			if err := p.skip(); err != nil {
				return err
			}
		}
		return nil
	case c == 0:
		return errMalformedJSON
	}
	start := p.Pos // a number or a literal
	for p.Pos < len(p.Data) && !isJSONDelimiter(p.Data[p.Pos]) {
		p.Pos++
	}
	if p.Pos == start {
		return errMalformedJSON
	}
	return nil
}

func isJSONDelimiter(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\n', '\r':
		return true
	}
	return false
}
