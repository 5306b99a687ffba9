package ddbhttp

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"sync"

	"github.com/ddbsim/ddbsim"
)

// operation decodes a request body, runs it on db and writes the response
// body with e.
type operation func(ctx context.Context, db *ddbsim.DB, body []byte, e *encoder) error

// operations maps each X-Amz-Target operation name (see targetKey) to its
// implementation, and each operation ddbsim does not implement to the
// core's refusal (ddbsim.CheckOperation); built once, as the fast decoders take some reflection to build, and
// shared by every handler.
var operations = sync.OnceValue(func() map[string]operation {
	ops := map[string]operation{
		"CreateTable":   op((*ddbsim.DB).CreateTable, func(e *encoder, d *ddbsim.TableDescription) { e.marshal(tableDescriptionOutput{d}) }),
		"DeleteTable":   op((*ddbsim.DB).DeleteTable, func(e *encoder, d *ddbsim.TableDescription) { e.marshal(tableDescriptionOutput{d}) }),
		"UpdateTable":   op((*ddbsim.DB).UpdateTable, func(e *encoder, d *ddbsim.TableDescription) { e.marshal(tableDescriptionOutput{d}) }),
		"DescribeTable": op((*ddbsim.DB).DescribeTable, func(e *encoder, d *ddbsim.TableDescription) { e.marshal(tableOutput{d}) }),
		"ListTables":    op((*ddbsim.DB).ListTables, marshal[ddbsim.ListTablesOutput]),
		"PutItem":       op((*ddbsim.DB).PutItem, encodePutItem),
		"GetItem":       op((*ddbsim.DB).GetItem, encodeGetItem),
		"DeleteItem":    op((*ddbsim.DB).DeleteItem, encodeDeleteItem),
		"UpdateItem":    op((*ddbsim.DB).UpdateItem, encodeUpdateItem),

		"Query":          op((*ddbsim.DB).Query, encodeQuery),
		"Scan":           op((*ddbsim.DB).Scan, encodeScan),
		"BatchGetItem":   op((*ddbsim.DB).BatchGetItem, encodeBatchGetItem),
		"BatchWriteItem": op((*ddbsim.DB).BatchWriteItem, encodeBatchWriteItem),

		"TransactWriteItems": op((*ddbsim.DB).TransactWriteItems, marshal[ddbsim.TransactWriteItemsOutput]),
		"TransactGetItems":   op((*ddbsim.DB).TransactGetItems, marshal[ddbsim.TransactGetItemsOutput]),

		"TagResource":        op((*ddbsim.DB).TagResource, marshal[ddbsim.TagResourceOutput]),
		"UntagResource":      op((*ddbsim.DB).UntagResource, marshal[ddbsim.UntagResourceOutput]),
		"ListTagsOfResource": op((*ddbsim.DB).ListTagsOfResource, marshal[ddbsim.ListTagsOfResourceOutput]),
		"DescribeLimits":     op((*ddbsim.DB).DescribeLimits, marshal[ddbsim.DescribeLimitsOutput]),
		"DescribeEndpoints":  op((*ddbsim.DB).DescribeEndpoints, marshal[ddbsim.DescribeEndpointsOutput]),
		"UpdateTimeToLive":   op((*ddbsim.DB).UpdateTimeToLive, marshal[ddbsim.UpdateTimeToLiveOutput]),
		"DescribeTimeToLive": op((*ddbsim.DB).DescribeTimeToLive, marshal[ddbsim.DescribeTimeToLiveOutput]),

		"DescribeContinuousBackups": op((*ddbsim.DB).DescribeContinuousBackups, marshal[ddbsim.DescribeContinuousBackupsOutput]),
		"ListBackups":               op((*ddbsim.DB).ListBackups, marshal[ddbsim.ListBackupsOutput]),
		"ListContributorInsights":   op((*ddbsim.DB).ListContributorInsights, marshal[ddbsim.ListContributorInsightsOutput]),
		"ListExports":               op((*ddbsim.DB).ListExports, marshal[ddbsim.ListExportsOutput]),
		"ListGlobalTables":          op((*ddbsim.DB).ListGlobalTables, marshal[ddbsim.ListGlobalTablesOutput]),
		"ListImports":               op((*ddbsim.DB).ListImports, marshal[ddbsim.ListImportsOutput]),
	}
	for _, api := range []string{ddbsim.APIDynamoDB, ddbsim.APIStreams} {
		for _, name := range ddbsim.Operations(api) {
			if !ddbsim.Serves(api, name) {
				ops[targetKey(api, name)] = refuse(ddbsim.CheckOperation(api, name))
			}
		}
	}
	return ops
})

// targetKey is the key of an operation in operations: its name for
// DynamoDB's API, the whole X-Amz-Target for another.
func targetKey(api, name string) string {
	if api == ddbsim.APIDynamoDB {
		return name
	}
	return api + "." + name
}

// operationName returns the key in operations of the operation an
// X-Amz-Target names, and false if it names none of the APIs ddbsim
// answers.
func operationName(target string) (string, bool) {
	if name, ok := strings.CutPrefix(target, targetPrefix); ok {
		return name, !strings.Contains(name, ".")
	}
	return target, strings.HasPrefix(target, ddbsim.APIStreams+".")
}

// refuse is the operation of one ddbsim does not implement: it answers
// err, the core's refusal, whatever the body.
func refuse(err error) operation {
	return func(context.Context, *ddbsim.DB, []byte, *encoder) error { return err }
}

// marshal encodes an output as JSON with its own field names.
func marshal[O any](e *encoder, o *O) { e.marshal(o) }

// tableDescriptionOutput is the body of CreateTable, UpdateTable and
// DeleteTable.
type tableDescriptionOutput struct {
	TableDescription *ddbsim.TableDescription
}

// tableOutput is the body of DescribeTable.
type tableOutput struct {
	Table *ddbsim.TableDescription
}

// op adapts a DB method and the encoder of its output.
func op[I, O any](f func(*ddbsim.DB, context.Context, I) (*O, error), encode func(*encoder, *O)) operation {
	fast := decoderFor(reflect.TypeFor[I]())
	return func(ctx context.Context, db *ddbsim.DB, body []byte, e *encoder) error {
		var in I
		if err := decode(fast, body, &in); err != nil {
			return err
		}
		out, err := f(db, ctx, in)
		if err != nil {
			return err
		}
		encode(e, out)
		return nil
	}
}

// decode reads a request body into in, with the fast decoder (see
// decoder.go) if it takes the body, else with encoding/json, turning JSON
// the service would not accept into a SerializationException.
func decode[I any](fast valueDecoder, body []byte, in *I) error {
	if fast != nil && decodeFast(fast, body, reflect.ValueOf(in).Elem()) {
		return nil
	}
	*in = *new(I) // what the fast decoder set before giving up
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
