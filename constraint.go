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
	// current holds the same violations in the newer validation
	// framework's wording, where one was given a newer form (hasCurrent).
	current    []string
	hasCurrent bool
}

// fail records that the value at path broke rule. A nil value renders as
// "Value null".
func (c *constraints) fail(value *string, path, rule string) {
	c.failAs(value, path, "", rule)
}

// failAs is fail for a violation whose newer wording is known: "Value at
// 'newPath' failed to satisfy constraint: rule", the path in PascalCase
// and the value not echoed (ddb-facts §0). An empty newPath means none is
// known, and both wordings are the classic one.
func (c *constraints) failAs(value *string, path, newPath, rule string) {
	v := "null"
	if value != nil {
		v = "'" + *value + "'"
	}
	classic := "Value " + v + " at '" + path + "' failed to satisfy constraint: " + rule
	c.msgs = append(c.msgs, classic)
	if newPath == "" {
		c.current = append(c.current, classic)
		return
	}
	c.current = append(c.current, "Value at '"+newPath+"' failed to satisfy constraint: "+rule)
	c.hasCurrent = true
}

// err returns the collected violations as one ValidationException, or nil;
// its message is the classic one, and it carries the newer wording too
// when any violation has one.
func (c *constraints) err() error {
	if len(c.msgs) == 0 {
		return nil
	}
	e := validationError(detected(c.msgs))
	if c.hasCurrent {
		e.current = detected(c.current)
	}
	return e
}

// detected renders violations as AWS's front end does: "N validation
// errors detected: " and at most 10 of them.
func detected(msgs []string) string {
	n := len(msgs)
	plural := "s"
	if n == 1 {
		plural = ""
	}
	return strconv.Itoa(n) + " validation error" + plural + " detected: " + strings.Join(msgs[:min(n, 10)], "; ")
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
	c.nameAs(value, path, "", minLen)
}

// nameAs is name where the newer wording of a missing name is known, at
// newPath.
func (c *constraints) nameAs(value, path, newPath string, minLen int) {
	if value == "" {
		c.failAs(nil, path, newPath, "Member must not be null")
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
