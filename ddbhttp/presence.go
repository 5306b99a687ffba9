package ddbhttp

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"

	"github.com/ddbsim/ddbsim"
)

// expressionParams are the expression parameters, in the order DynamoDB
// checks them.
var expressionParams = []string{"UpdateExpression", "ConditionExpression", "KeyConditionExpression", "FilterExpression", "ProjectionExpression"}

// checkPresence makes the checks that need to know whether a top-level
// member was sent at all, which ddbsim's Go input structs cannot carry:
// an expression or a TableName sent as "" (the Go API reads "" as
// absent; DynamoDB rejects it). Members ddbsim does not implement yet are
// decoded like the others and refused by the DB. Cost: nothing for most
// requests; a parse of the top level when the body holds "".
func checkPresence(op string, body []byte) error {
	if !bytes.Contains(body, []byte(`""`)) {
		return nil
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) != nil {
		return nil // decoding proper reports it
	}
	empty := func(name string) bool { return string(bytes.TrimSpace(top[name])) == `""` }
	if empty("TableName") {
		if op == "CreateTable" || op == "DescribeTable" || op == "DeleteTable" {
			return &ddbsim.Error{Code: ddbsim.CodeValidation, Message: "2 validation errors detected: " +
				"Value '' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
				"Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"}
		}
		return &ddbsim.Error{Code: ddbsim.CodeValidation, Message: "1 validation error detected: " +
			"Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1"}
	}
	for _, name := range expressionParams {
		if empty(name) {
			return emptyExpression(name)
		}
	}
	if op == "BatchGetItem" {
		return checkBatchProjections(top["RequestItems"])
	}
	return nil
}

// emptyExpression is DynamoDB's answer to the expression parameter name
// sent as "".
func emptyExpression(name string) error {
	return &ddbsim.Error{Code: ddbsim.CodeValidation, Message: "Invalid " + name + ": The expression can not be empty;"}
}

// checkBatchProjections refuses a BatchGetItem table entry whose
// ProjectionExpression is sent as "", as a top-level one is; tables are
// checked in name order.
func checkBatchProjections(requestItems json.RawMessage) error {
	var tables map[string]struct{ ProjectionExpression *string }
	if json.Unmarshal(requestItems, &tables) != nil {
		return nil // decoding proper reports it
	}
	for _, name := range slices.Sorted(maps.Keys(tables)) {
		if p := tables[name].ProjectionExpression; p != nil && *p == "" {
			return emptyExpression("ProjectionExpression")
		}
	}
	return nil
}
