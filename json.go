package ddbsim

import (
	"encoding/json"
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

// MarshalJSON encodes the item in DynamoDB's wire format, attributes in
// name order; a nil Item is null.
func (it Item) MarshalJSON() ([]byte, error) {
	return it.AppendJSON(nil), nil
}

// AppendJSON appends the item as MarshalJSON encodes it to dst and returns
// the extended buffer: for encoders that write many items into one
// buffer. Cost: O(size of the item), allocating only to grow dst.
func (it Item) AppendJSON(dst []byte) []byte {
	if it == nil {
		return append(dst, "null"...)
	}
	return it.appendJSON(dst)
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
// in epoch seconds (none for a zero CreationDateTime).
func (d TableDescription) MarshalJSON() ([]byte, error) {
	type plain TableDescription
	var created *epochSeconds
	if !d.CreationDateTime.IsZero() {
		created = (*epochSeconds)(&d.CreationDateTime)
	}
	return json.Marshal(struct {
		plain
		CreationDateTime *epochSeconds `json:",omitempty"`
	}{plain(d), created})
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
