package ddbsim

import (
	"fmt"
	"strings"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// Select says what a Query or Scan returns of the items it finds.
type Select string

// Select values. The empty value means SPECIFIC_ATTRIBUTES when the
// request has a ProjectionExpression or AttributesToGet, ALL_ATTRIBUTES
// otherwise.
const (
	// SelectAllAttributes returns whole items.
	SelectAllAttributes Select = "ALL_ATTRIBUTES"
	// SelectAllProjectedAttributes is for secondary indexes, which ddbsim
	// does not have yet: on a table it is a ValidationException.
	SelectAllProjectedAttributes Select = "ALL_PROJECTED_ATTRIBUTES"
	// SelectSpecificAttributes returns the attributes a
	// ProjectionExpression or AttributesToGet names.
	SelectSpecificAttributes Select = "SPECIFIC_ATTRIBUTES"
	// SelectCount returns only Count and ScannedCount, no Items.
	SelectCount Select = "COUNT"
)

// readRequest is what Query and Scan share of their input, for the
// checks and steps they share.
type readRequest struct {
	tableName, indexName string
	sel                  Select
	rcc                  ReturnConsumedCapacity
	// scan tells a Scan from a Query.
	scan bool
	// filter is the legacy QueryFilter or ScanFilter.
	filter          map[string]Condition
	condOp          ConditionalOperator
	attributesToGet []string
	limit           *int32
	esk             Item
	consistent      bool
	exprs           exprRequest
}

// checkShape records the request-shape violations Query and Scan share,
// in the order AWS lists them.
func (r *readRequest) checkShape(c *constraints) {
	c.selects(r.sel)
	c.indexName(r.indexName)
	c.returnConsumedCapacity(r.rcc)
	filterPath := "queryFilter"
	if r.scan {
		filterPath = "scanFilter"
	}
	c.conditions(r.filter, filterPath)
	c.itemTableName(r.tableName)
	c.conditionalOperator(r.condOp)
	c.attributesToGet(r.attributesToGet, "attributesToGet")
	c.limit(r.limit)
}

// checkParams makes the checks Query and Scan share before their own
// (key conditions, segments), in DynamoDB's order: expression and legacy
// parameters not mixed; the legacy filter (Query's before AttributesToGet,
// Scan's after, as AWS orders them); AttributesToGet without duplicates;
// the values of the start key. It returns the legacy filter compiled (nil
// for none) with its env.
func (r *readRequest) checkParams() (expr.Node, env, error) {
	if err := r.exprs.checkParams(); err != nil {
		return nil, env{}, err
	}
	var root expr.Node
	var e env
	var err error
	if !r.scan {
		if root, e, err = checkConditions(r.filter, r.condOp); err != nil {
			return nil, env{}, err
		}
	}
	if err := checkDuplicateNames(r.attributesToGet); err != nil {
		return nil, env{}, err
	}
	if r.scan {
		if root, e, err = checkConditions(r.filter, r.condOp); err != nil {
			return nil, env{}, err
		}
	}
	return root, e, checkStartKeyValues(r.esk)
}

// table looks up the table read, after checking Select (which reports
// whether the request counts only): ResourceNotFound when it is missing;
// an IndexName is always unknown, as ddbsim has no secondary indexes yet
// (a Scan with a start key on an unknown index is, for AWS, a bad start
// key).
func (r *readRequest) table(db *DB, projectionExpression string) (t *table, countOnly bool, err error) {
	if countOnly, err = checkSelect(r.sel, r.attributesToGet, projectionExpression, r.indexName); err != nil {
		return nil, false, err
	}
	if t = db.lookup(r.tableName); t == nil {
		return nil, false, errTableNotFound()
	}
	switch {
	case r.indexName != "" && r.scan && r.esk != nil:
		return nil, false, validationError(msgInvalidStartKey)
	case r.indexName != "":
		return nil, false, validationError("The table does not have the specified index: " + r.indexName)
	}
	return t, countOnly, nil
}

// spec is how the request turns the items it reads into its output, with
// the filter compiled by checkParams (root and e), else the request's
// FilterExpression.
func (r *readRequest) spec(t *table, compiled *compiledExprs, root expr.Node, e env, countOnly bool) readSpec {
	return readSpec{filter: readFilter(root, e, compiled), proj: namesProjection(r.attributesToGet, compiled), countOnly: countOnly, keys: t.schema}
}

// page reads one page of t from the replica the consistency asks for,
// read offering the entries of its range in order, and builds its output
// and capacity.
func (r *readRequest) page(t *table, spec readSpec, read func(*replica, *pageReader)) (*QueryOutput, error) {
	p, room := &pageReader{}, 16
	if r.limit != nil {
		p.limit = int(*r.limit)
		room = min(p.limit, 64)
	}
	p.entries = make([]entry, 0, room)
	read(t.replicaFor(r.consistent), p)
	out, bytes, err := spec.output(p)
	if err != nil {
		return nil, err
	}
	out.ConsumedCapacity = consumed(r.rcc, r.tableName, readUnits(bytes, r.consistent))
	return out, nil
}

// selects checks Select and its enum.
func (c *constraints) selects(s Select) {
	c.enum(string(s), "select", "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES")
}

// limit checks a Query's or Scan's Limit: at least 1 when given.
func (c *constraints) limit(limit *int32) {
	if limit != nil && *limit < 1 {
		v := fmt.Sprint(*limit)
		c.fail(&v, "limit", "Member must have value greater than or equal to 1")
	}
}

// checkSelect makes DynamoDB's checks of Select against the projection
// parameters and IndexName, and reports whether the request counts only.
func checkSelect(s Select, attributesToGet []string, projectionExpression, indexName string) (countOnly bool, err error) {
	param := ""
	switch {
	case attributesToGet != nil:
		param = "AttributesToGet"
	case projectionExpression != "":
		param = "ProjectionExpression"
	}
	switch s {
	case SelectAllAttributes, SelectAllProjectedAttributes:
		if param != "" {
			return false, validationError("Cannot specify the " + param + " when choosing to get " + string(s))
		}
		if s == SelectAllProjectedAttributes && indexName == "" {
			return false, validationError("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
		}
	case SelectCount:
		if param != "" {
			return false, validationError("Cannot specify the " + param + " when choosing to get only the Count")
		}
		return true, nil
	case SelectSpecificAttributes:
		if param == "" {
			return false, validationError("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES")
		}
	}
	return false, nil
}

// indexName checks an optional IndexName: 3 to 255 characters of
// [a-zA-Z0-9_.-].
func (c *constraints) indexName(name string) {
	if name != "" {
		c.name(name, "indexName", 3)
	}
}

// conditionalOperator checks the ConditionalOperator of a legacy
// condition map (Expected, QueryFilter, ScanFilter).
func (c *constraints) conditionalOperator(op ConditionalOperator) {
	c.enum(string(op), "conditionalOperator", "OR", "AND")
}

// attributesToGet checks the length of an AttributesToGet list at path:
// 1 to 255 names when present.
func (c *constraints) attributesToGet(names []string, path string) {
	switch {
	case names == nil:
	case len(names) == 0:
		c.fail(ptr("[]"), path, "Member must have length greater than or equal to 1")
	case len(names) > 255:
		v := "[" + strings.Join(names, ", ") + "]"
		c.fail(&v, path, "Member must have length less than or equal to 255")
	}
}
