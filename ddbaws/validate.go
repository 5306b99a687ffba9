package ddbaws

import (
	"errors"
	"fmt"

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

// each validates every element of a list member named name with check,
// and adds the errors to errs under "name[i]", as the SDK's generated
// validators do.
func each[T any](errs *smithy.InvalidParamsError, name string, list []T, check func(*T) smithy.InvalidParamsError) {
	nested := smithy.InvalidParamsError{Context: name}
	for i := range list {
		nested.AddNested(fmt.Sprintf("[%d]", i), check(&list[i]))
	}
	errs.AddNested(name, nested)
}

// invalid returns errs as the error the SDK client returns, or nil if it
// holds none.
func invalid(errs smithy.InvalidParamsError) error {
	if errs.Len() == 0 {
		return nil
	}
	return errs
}

// unsupported returns an error naming the first set member of the input
// structure named input that ddbsim does not implement yet, or nil. The
// error wraps errors.ErrUnsupported. NewAPI refuses such members rather
// than ignore them, so that a test never passes on behaviour (an index, a
// stream) nobody provided.
func unsupported(input string, members ...member) error {
	for _, m := range members {
		if m.set {
			return fmt.Errorf("ddbaws: %s.%s is not supported by ddbsim yet: %w", input, m.name, errors.ErrUnsupported)
		}
	}
	return nil
}
