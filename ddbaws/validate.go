package ddbaws

import (
	"fmt"
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
)

// member is one member of an SDK input structure, and whether it is set
// (non-nil, or non-empty for an enum).
type member struct {
	name string
	set  bool
}

// missing returns the SDK client's validation errors for the required
// members that are not set, in a structure named context: the check the
// client makes before it sends anything ("missing required field,
// PutItemInput.TableName."). NewAPI makes it too, so both clients fail
// alike.
func missing(context string, members ...member) smithy.InvalidParamsError {
	errs := smithy.InvalidParamsError{Context: context}
	for _, m := range members {
		if !m.set {
			errs.Add(smithy.NewErrParamRequired(m.name))
		}
	}
	return errs
}

// elements returns the SDK client's validation errors of the elements of
// a list member, each checked with check, under "[i]"; add them to the
// structure's errors with AddNested, as the SDK's generated validators
// do. A valid list costs no allocation.
func elements[T any](list []T, check func(*T) smithy.InvalidParamsError) smithy.InvalidParamsError {
	var errs smithy.InvalidParamsError
	for i := range list {
		if nested := check(&list[i]); nested.Len() > 0 {
			errs.AddNested(fmt.Sprintf("[%d]", i), nested)
		}
	}
	return errs
}

// entries is elements for a map member: the errors of each value go under
// `["key"]`. check gets a copy of the value (taking the address of one
// would move it to the heap). The SDK visits the keys in Go's random map
// order; entries visits them in sorted order, so that its message is
// stable. A valid map costs no allocation: the keys are sorted only to
// report errors.
func entries[T any](m map[string]T, check func(T) smithy.InvalidParamsError) smithy.InvalidParamsError {
	var errs smithy.InvalidParamsError
	if !anyInvalid(m, check) {
		return errs
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		errs.AddNested(fmt.Sprintf("[%q]", k), check(m[k]))
	}
	return errs
}

// anyInvalid reports whether check finds errors in a value of m.
func anyInvalid[T any](m map[string]T, check func(T) smithy.InvalidParamsError) bool {
	for _, v := range m {
		if errs := check(v); errs.Len() > 0 {
			return true
		}
	}
	return false
}

// condition is the SDK's check of a legacy Condition (KeyConditions,
// QueryFilter, ScanFilter): its ComparisonOperator is required.
func condition(c types.Condition) smithy.InvalidParamsError {
	return missing("Condition", member{"ComparisonOperator", c.ComparisonOperator != ""})
}

// invalid returns errs as the error the SDK client returns, or nil if it
// holds none.
func invalid(errs smithy.InvalidParamsError) error {
	if errs.Len() == 0 {
		return nil
	}
	return errs
}
