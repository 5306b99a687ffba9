package ddbsim

import (
	"strconv"
	"strings"
)

// constraints collects the request-shape violations that DynamoDB's
// front end reports together, as
// "N validation errors detected: Value 'x' at 'path' failed to satisfy
// constraint: rule; ..." (at most 10 listed).
type constraints struct {
	msgs []string
}

// fail records that the value at path broke rule. A nil value renders as
// "Value null".
func (c *constraints) fail(value *string, path, rule string) {
	v := "null"
	if value != nil {
		v = "'" + *value + "'"
	}
	c.msgs = append(c.msgs, "Value "+v+" at '"+path+"' failed to satisfy constraint: "+rule)
}

// err returns the collected violations as one ValidationException, or nil.
func (c *constraints) err() error {
	n := len(c.msgs)
	if n == 0 {
		return nil
	}
	shown := c.msgs[:min(n, 10)]
	plural := "s"
	if n == 1 {
		plural = ""
	}
	return validationError(strconv.Itoa(n) + " validation error" + plural + " detected: " + strings.Join(shown, "; "))
}

// enum checks an optional enumerated parameter; allowed lists the values
// in the order AWS prints them.
func (c *constraints) enum(value, path string, allowed ...string) {
	if value == "" {
		return
	}
	for _, a := range allowed {
		if value == a {
			return
		}
	}
	c.fail(&value, path, "Member must satisfy enum value set: ["+strings.Join(allowed, ", ")+"]")
}

// isTableName reports whether s matches [a-zA-Z0-9_.-]+.
func isTableName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return s != ""
}

// name checks a table or index name: required, minLen to 255 characters
// of [a-zA-Z0-9_.-].
func (c *constraints) name(value, path string, minLen int) {
	if value == "" {
		c.fail(nil, path, "Member must not be null")
		return
	}
	if !isTableName(value) {
		c.fail(&value, path, "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+")
	}
	if len(value) < minLen {
		c.fail(&value, path, "Member must have length greater than or equal to "+strconv.Itoa(minLen))
	}
	if len(value) > 255 {
		c.fail(&value, path, "Member must have length less than or equal to 255")
	}
}

// notNull checks a required parameter given as a Go value that is nil when
// absent.
func (c *constraints) notNull(present bool, path string) {
	if !present {
		c.fail(nil, path, "Member must not be null")
	}
}
