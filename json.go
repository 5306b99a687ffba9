package ddbsim

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"strconv"
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
// value sits, as DynamoDB does.
func (v *Value) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*v = Value{}
		return nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return serializationError(data, "Start of structure or map found where not expected")
	}
	if len(fields) > 1 {
		*v = Malformed(msgMultipleTypes)
		return nil
	}
	*v = Value{}
	for name, raw := range fields {
		return v.decodeField(name, raw)
	}
	return nil
}

func (v *Value) decodeField(name string, raw json.RawMessage) error {
	switch name {
	case "S", "N":
		s, err := jsonString(raw)
		if err != nil {
			return err
		}
		*v = Value{t: descriptorType(name), s: s}
	case "B":
		b, err := jsonBlob(raw)
		if err != nil {
			return err
		}
		*v = Value{t: TypeB, s: string(b)}
	case "BOOL", "NULL":
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return serializationError(raw, "can not be converted to an Boolean")
		}
		switch {
		case name == "BOOL":
			*v = Bool(b)
		case b:
			*v = Null()
		default:
			*v = Malformed(msgNullFalse)
		}
	case "M":
		var m map[string]Value
		if err := json.Unmarshal(raw, &m); err != nil {
			return asSerializationError(err, raw, "Expected map or null")
		}
		*v = M(m)
	case "L":
		var l []Value
		if err := json.Unmarshal(raw, &l); err != nil {
			return asSerializationError(err, raw, "Expected list or null")
		}
		*v = L(l...)
	case "SS", "NS", "BS":
		var members []json.RawMessage
		if err := json.Unmarshal(raw, &members); err != nil {
			return serializationError(raw, "Expected list or null")
		}
		set := make([]string, len(members))
		for i, m := range members {
			if name == "BS" {
				b, err := jsonBlob(m)
				if err != nil {
					return err
				}
				set[i] = string(b)
				continue
			}
			s, err := jsonString(m)
			if err != nil {
				return err
			}
			set[i] = s
		}
		*v = Value{t: descriptorType(name), x: set}
	}
	// An unknown descriptor leaves the empty Value, which DynamoDB's
	// "Supplied AttributeValue is empty" answers.
	return nil
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

// jsonString decodes a JSON string, with DynamoDB's SerializationException
// for any other JSON type.
func jsonString(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", serializationError(raw, "cannot be converted to String")
	}
	return s, nil
}

// jsonBlob decodes a base64 JSON string (padded, standard alphabet).
func jsonBlob(raw json.RawMessage) ([]byte, error) {
	s, err := jsonString(raw)
	if err != nil {
		return nil, err
	}
	if len(s)%4 != 0 {
		return nil, &Error{Code: CodeSerialization, Message: "Base64 encoded length is expected a multiple of 4 bytes but found: " + strconv.Itoa(len(s))}
	}
	b, err := base64.StdEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, &Error{Code: CodeSerialization, Message: "Invalid last non-pad Base64 character dectected"}
	}
	return b, nil
}

// serializationError describes a JSON value of the wrong type the way
// DynamoDB's Java front end does ("NUMBER_VALUE cannot be converted to
// String", "Start of list found where not expected", ...).
func serializationError(raw []byte, what string) error {
	raw = bytes.TrimSpace(raw)
	kind := "VALUE"
	if len(raw) > 0 {
		switch raw[0] {
		case '{':
			return &Error{Code: CodeSerialization, Message: "Start of structure or map found where not expected"}
		case '[':
			return &Error{Code: CodeSerialization, Message: "Start of list found where not expected"}
		case '"':
			kind = "STRING_VALUE"
		case 't':
			kind = "TRUE_VALUE"
		case 'f':
			kind = "FALSE_VALUE"
		case 'n':
			kind = "NULL_VALUE"
		default:
			kind = "NUMBER_VALUE"
		}
	}
	return &Error{Code: CodeSerialization, Message: kind + " " + what}
}

// asSerializationError keeps a SerializationException raised deeper down
// and describes any other decoding failure of raw.
func asSerializationError(err error, raw []byte, what string) error {
	if e, ok := err.(*Error); ok {
		return e
	}
	return serializationError(raw, what)
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

func (t *epochSeconds) UnmarshalJSON(data []byte) error {
	f, err := strconv.ParseFloat(string(data), 64)
	if err != nil || math.IsInf(f, 0) {
		return &Error{Code: CodeSerialization, Message: "Invalid timestamp"}
	}
	*t = epochSeconds(time.UnixMilli(int64(math.Round(f * 1000))).UTC())
	return nil
}
