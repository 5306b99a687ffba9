package ddbaws

import (
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

// expression returns the text of an expression member named name. ddbsim's
// inputs take "" for an absent expression, so an expression sent empty,
// which DynamoDB refuses, is refused here with DynamoDB's
// ValidationException, as ddbhttp refuses it.
func expression(name string, text *string) (string, error) {
	if text == nil {
		return "", nil
	}
	if *text == "" {
		return "", &ddbsim.Error{Code: ddbsim.CodeValidation, Message: "Invalid " + name + ": The expression can not be empty;"}
	}
	return *text, nil
}

// expected converts a legacy Expected map; nil stays nil.
func (c *converter) expected(m map[string]types.ExpectedAttributeValue) map[string]ddbsim.ExpectedAttributeValue {
	return mapValues(m, func(e types.ExpectedAttributeValue) ddbsim.ExpectedAttributeValue {
		out := ddbsim.ExpectedAttributeValue{
			Exists:             e.Exists,
			ComparisonOperator: ddbsim.ComparisonOperator(e.ComparisonOperator),
			AttributeValueList: mapSlice(e.AttributeValueList, c.value),
		}
		if e.Value != nil {
			v := c.value(e.Value)
			out.Value = &v
		}
		return out
	})
}
