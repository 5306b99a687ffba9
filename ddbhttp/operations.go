package ddbhttp

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/ddbsim/ddbsim"
)

// operation decodes a request body, runs it on db and returns the value to
// encode as the response body.
type operation func(ctx context.Context, db *ddbsim.DB, body []byte) (any, error)

// operations maps each X-Amz-Target operation name to its implementation.
func operations() map[string]operation {
	return map[string]operation{
		"CreateTable":   wrap((*ddbsim.DB).CreateTable, func(d *ddbsim.TableDescription) any { return tableDescriptionOutput{d} }),
		"DeleteTable":   wrap((*ddbsim.DB).DeleteTable, func(d *ddbsim.TableDescription) any { return tableDescriptionOutput{d} }),
		"DescribeTable": wrap((*ddbsim.DB).DescribeTable, func(d *ddbsim.TableDescription) any { return tableOutput{d} }),
		"ListTables":    op((*ddbsim.DB).ListTables),
		"PutItem":       op((*ddbsim.DB).PutItem),
		"GetItem":       op((*ddbsim.DB).GetItem),
		"DeleteItem":    op((*ddbsim.DB).DeleteItem),
		"UpdateItem":    op((*ddbsim.DB).UpdateItem),

		"Query":          op((*ddbsim.DB).Query),
		"Scan":           op((*ddbsim.DB).Scan),
		"BatchGetItem":   op((*ddbsim.DB).BatchGetItem),
		"BatchWriteItem": op((*ddbsim.DB).BatchWriteItem),
	}
}

// tableDescriptionOutput is the body of CreateTable and DeleteTable.
type tableDescriptionOutput struct {
	TableDescription *ddbsim.TableDescription
}

// tableOutput is the body of DescribeTable.
type tableOutput struct {
	Table *ddbsim.TableDescription
}

// op adapts a DB method whose output struct is the response body.
func op[I, O any](f func(*ddbsim.DB, context.Context, I) (*O, error)) operation {
	return wrap(f, func(o *O) any { return o })
}

// wrap adapts a DB method whose output shape wraps into the response body.
func wrap[I, O any](f func(*ddbsim.DB, context.Context, I) (*O, error), shape func(*O) any) operation {
	return func(ctx context.Context, db *ddbsim.DB, body []byte) (any, error) {
		var in I
		if err := decode(body, &in); err != nil {
			return nil, err
		}
		out, err := f(db, ctx, in)
		if err != nil {
			return nil, err
		}
		return shape(out), nil
	}
}

// decode reads a request body into in, turning JSON the service would not
// accept into a SerializationException.
func decode(body []byte, in any) error {
	err := json.Unmarshal(body, in)
	var e *ddbsim.Error
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &e):
		return e
	case errors.As(err, &typeErr):
		return &ddbsim.Error{Code: ddbsim.CodeSerialization, Message: typeMessage(typeErr)}
	}
	return &ddbsim.Error{Code: ddbsim.CodeSerialization}
}

// typeMessage words a JSON type mismatch as DynamoDB's Java front end
// does.
func typeMessage(e *json.UnmarshalTypeError) string {
	switch e.Value {
	case "object":
		return "Start of structure or map found where not expected"
	case "array":
		return "Start of list found where not expected"
	}
	from := map[string]string{"string": "class java.lang.String", "bool": "class java.lang.Boolean", "number": "class java.lang.Integer"}[e.Value]
	if from == "" {
		from = e.Value
	}
	to := "an " + e.Type.Name()
	switch e.Type.Kind().String() {
	case "string":
		to = "an String"
	case "bool":
		to = "an Boolean"
	case "int", "int32", "int64":
		to = "an Long"
	case "map", "struct":
		return "Expected map or null"
	case "slice":
		return "Expected list or null"
	}
	return from + " can not be converted to " + to
}
