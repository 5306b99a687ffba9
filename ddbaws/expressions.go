package ddbaws

import (
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"

	"github.com/ddbsim/ddbsim"
)

// text is a top-level string member of an SDK input that DynamoDB refuses
// when sent as "" (a TableName or an expression), which ddbsim's inputs
// would read as absent.
type text struct {
	name  string
	value *string
}

// DynamoDB's answers to a TableName sent as "": the table operations
// check its pattern and a length of 3, the item operations a length of 1.
const (
	msgEmptyTableName      = "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1"
	msgEmptyTableNameAdmin = "2 validation errors detected: " +
		"Value '' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
		"Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3"
)

// accepted makes, in NewClient's order, the checks a request meets before
// ddbsim reads it: the SDK client's check of the required members (errs,
// from missing), then the wire handler's (ddbhttp's) refusal of a
// TableName (table; nil for none) or an expression sent as "". exprs are
// the request's expressions in the order DynamoDB checks them:
// UpdateExpression, ConditionExpression, KeyConditionExpression,
// FilterExpression, ProjectionExpression. The answer to an empty
// TableName is emptyTable; to an empty expression, DynamoDB's "Invalid
// <name>: The expression can not be empty;".
func accepted(errs smithy.InvalidParamsError, table *string, emptyTable string, exprs ...text) error {
	if err := invalid(errs); err != nil {
		return err
	}
	if table != nil && *table == "" {
		return &ddbsim.Error{Code: ddbsim.CodeValidation, Message: emptyTable}
	}
	return emptyExpressions(exprs...)
}

// emptyExpressions refuses the first of exprs sent as "", with DynamoDB's
// "Invalid <name>: The expression can not be empty;".
func emptyExpressions(exprs ...text) error {
	for _, e := range exprs {
		if e.value != nil && *e.value == "" {
			return &ddbsim.Error{Code: ddbsim.CodeValidation, Message: "Invalid " + e.name + ": The expression can not be empty;"}
		}
	}
	return nil
}

// itemRequest is accepted for an item operation (one with a TableName
// and expressions).
func itemRequest(errs smithy.InvalidParamsError, table *string, exprs ...text) error {
	return accepted(errs, table, msgEmptyTableName, exprs...)
}

// optionalValue converts a value member that may be absent; nil stays
// nil.
func (c *converter) optionalValue(av types.AttributeValue) *ddbsim.Value {
	if av == nil {
		return nil
	}
	v := c.value(av)
	return &v
}

// expected converts a legacy Expected map; nil stays nil.
func (c *converter) expected(m map[string]types.ExpectedAttributeValue) map[string]ddbsim.ExpectedAttributeValue {
	return mapValues(m, func(e types.ExpectedAttributeValue) ddbsim.ExpectedAttributeValue {
		return ddbsim.ExpectedAttributeValue{
			Value:              c.optionalValue(e.Value),
			Exists:             e.Exists,
			ComparisonOperator: ddbsim.ComparisonOperator(e.ComparisonOperator),
			AttributeValueList: mapSlice(e.AttributeValueList, c.value),
		}
	})
}

// conditions converts a legacy KeyConditions, QueryFilter or ScanFilter
// map; nil stays nil.
func (c *converter) conditions(m map[string]types.Condition) map[string]ddbsim.Condition {
	return mapValues(m, func(cond types.Condition) ddbsim.Condition {
		return ddbsim.Condition{
			ComparisonOperator: ddbsim.ComparisonOperator(cond.ComparisonOperator),
			AttributeValueList: mapSlice(cond.AttributeValueList, c.value),
		}
	})
}

// attributeUpdates converts a legacy AttributeUpdates map; nil stays nil.
func (c *converter) attributeUpdates(m map[string]types.AttributeValueUpdate) map[string]ddbsim.AttributeValueUpdate {
	return mapValues(m, func(u types.AttributeValueUpdate) ddbsim.AttributeValueUpdate {
		return ddbsim.AttributeValueUpdate{Value: c.optionalValue(u.Value), Action: ddbsim.AttributeAction(u.Action)}
	})
}

// adminRequest is accepted for a table operation (CreateTable,
// DescribeTable, DeleteTable).
func adminRequest(errs smithy.InvalidParamsError, table *string) error {
	return accepted(errs, table, msgEmptyTableNameAdmin)
}
