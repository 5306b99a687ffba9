package ddbsim

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// CodeSerialization is the error type for a request body that is not the
// JSON DynamoDB expects (a wrong JSON type, bad base64).
const CodeSerialization = "SerializationException"

// AWS's messages for malformed AttributeValues.
const (
	msgMultipleTypes = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
	msgNullFalse     = "One or more parameter values were invalid: Null attribute value types must have the value of true"
)

// MarshalJSON encodes v in DynamoDB's wire format ({"S":"x"}, {"N":"1"},
// {"B":"<base64>"}, ...).
func (v Value) MarshalJSON() ([]byte, error) {
	return v.appendJSON(nil), nil
}

// UnmarshalJSON decodes an AttributeValue in DynamoDB's wire format. A
// JSON type DynamoDB would not accept (a number for S or N, a string for
// BOOL, bad base64) is a SerializationException; an AttributeValue with
// no descriptor, two descriptors or {"NULL": false} decodes into a Value
// that every operation rejects with AWS's ValidationException, where the
// value sits, as DynamoDB does. Cost: O(len(data)), one pass over the
// tokens however deep the value nests.
func (v *Value) UnmarshalJSON(data []byte) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	tok, err := d.Token()
	if err != nil {
		return &Error{Code: CodeSerialization}
	}
	if tok == nil {
		*v = Value{}
		return nil
	}
	out, err := readValue(d, tok, 1)
	if err != nil {
		return err
	}
	*v = out
	return nil
}

// maxWireDepth bounds how deep a decoded value may nest; deeper input is
// refused with the nesting error without reading further.
const maxWireDepth = 2 * MaxNestingDepth

// readValue reads one AttributeValue whose first token, tok, is already
// read.
func readValue(d *json.Decoder, tok json.Token, depth int) (Value, error) {
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		return Value{}, wrongJSONType(tok, "Expected map or null")
	}
	if depth > maxWireDepth {
		return Value{}, validationError(msgNesting)
	}
	var v Value
	descriptors := 0
	for d.More() {
		name, err := d.Token()
		if err != nil {
			return Value{}, &Error{Code: CodeSerialization}
		}
		field, err := readField(d, name.(string), depth)
		if err != nil {
			return Value{}, err
		}
		if field.t != 0 {
			v = field
			descriptors++
		}
	}
	if _, err := d.Token(); err != nil { // the closing brace
		return Value{}, &Error{Code: CodeSerialization}
	}
	if descriptors > 1 {
		return Malformed(msgMultipleTypes), nil
	}
	return v, nil
}

// readField reads the value of one descriptor of an AttributeValue. An
// unknown descriptor is skipped, leaving the zero Value.
func readField(d *json.Decoder, name string, depth int) (Value, error) {
	switch t := descriptorType(name); t {
	case TypeS, TypeN, TypeB:
		s, err := readString(d, t == TypeB)
		return Value{t: t, s: s}, err
	case TypeBOOL, TypeNULL:
		tok, err := d.Token()
		b, ok := tok.(bool)
		if err != nil || !ok {
			return Value{}, wrongJSONType(tok, "can not be converted to an Boolean")
		}
		switch {
		case t == TypeBOOL:
			return Bool(b), nil
		case b:
			return Null(), nil
		}
		return Malformed(msgNullFalse), nil
	case TypeM:
		if err := expectDelim(d, '{', "Expected map or null"); err != nil {
			return Value{}, err
		}
		m := map[string]Value{}
		for d.More() {
			key, err := d.Token()
			if err != nil {
				return Value{}, &Error{Code: CodeSerialization}
			}
			tok, err := d.Token()
			if err != nil {
				return Value{}, &Error{Code: CodeSerialization}
			}
			if m[key.(string)], err = readValue(d, tok, depth+1); err != nil {
				return Value{}, err
			}
		}
		_, err := d.Token()
		return M(m), err
	case TypeL:
		if err := expectDelim(d, '[', "Expected list or null"); err != nil {
			return Value{}, err
		}
		list := []Value{}
		for d.More() {
			tok, err := d.Token()
			if err != nil {
				return Value{}, &Error{Code: CodeSerialization}
			}
			elem, err := readValue(d, tok, depth+1)
			if err != nil {
				return Value{}, err
			}
			list = append(list, elem)
		}
		_, err := d.Token()
		return L(list...), err
	case TypeSS, TypeNS, TypeBS:
		if err := expectDelim(d, '[', "Expected list or null"); err != nil {
			return Value{}, err
		}
		set := []string{}
		for d.More() {
			s, err := readString(d, t == TypeBS)
			if err != nil {
				return Value{}, err
			}
			set = append(set, s)
		}
		_, err := d.Token()
		return Value{t: t, x: set}, err
	}
	var skip json.RawMessage
	if err := d.Decode(&skip); err != nil {
		return Value{}, &Error{Code: CodeSerialization}
	}
	return Value{}, nil
}

// readString reads a JSON string (base64-decoded when blob), with
// DynamoDB's SerializationException for any other JSON type.
func readString(d *json.Decoder, blob bool) (string, error) {
	tok, err := d.Token()
	s, ok := tok.(string)
	if err != nil || !ok {
		return "", wrongJSONType(tok, "cannot be converted to String")
	}
	if !blob {
		return s, nil
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

func expectDelim(d *json.Decoder, want json.Delim, what string) error {
	tok, err := d.Token()
	if delim, ok := tok.(json.Delim); err != nil || !ok || delim != want {
		return wrongJSONType(tok, what)
	}
	return nil
}

// wrongJSONType describes a JSON token of the wrong type the way
// DynamoDB's Java front end does ("NUMBER_VALUE cannot be converted to
// String", "Start of list found where not expected", ...).
func wrongJSONType(tok json.Token, what string) error {
	msg := "VALUE " + what
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			msg = "Start of structure or map found where not expected"
		case '[':
			msg = "Start of list found where not expected"
		}
	case string:
		msg = "STRING_VALUE " + what
	case json.Number:
		msg = "NUMBER_VALUE " + what
	case bool:
		msg = strings.ToUpper(strconv.FormatBool(t)) + "_VALUE " + what
	case nil:
		msg = "NULL_VALUE " + what
	}
	return &Error{Code: CodeSerialization, Message: msg}
}

// descriptorType returns the Type a wire descriptor names ("S", "NS", ...),
// or 0.
func descriptorType(name string) Type {
	for t, n := range typeNames {
		if n == name && n != "" {
			return Type(t)
		}
	}
	return 0
}

// MarshalJSON encodes the description as DynamoDB's JSON does, with times
// in epoch seconds.
func (d TableDescription) MarshalJSON() ([]byte, error) {
	type plain TableDescription
	return json.Marshal(struct {
		plain
		CreationDateTime epochSeconds
	}{plain(d), epochSeconds(d.CreationDateTime)})
}

// MarshalJSON encodes the summary as DynamoDB's JSON does, with times in
// epoch seconds.
func (s BillingModeSummary) MarshalJSON() ([]byte, error) {
	type plain BillingModeSummary
	return json.Marshal(struct {
		plain
		LastUpdateToPayPerRequestDateTime epochSeconds
	}{plain(s), epochSeconds(s.LastUpdateToPayPerRequestDateTime)})
}

// epochSeconds renders a time as DynamoDB's JSON does: seconds since the
// epoch, with milliseconds.
type epochSeconds time.Time

func (t epochSeconds) MarshalJSON() ([]byte, error) {
	ms := time.Time(t).UnixMilli()
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', -1, 64), nil
}
