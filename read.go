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
	// SelectAllProjectedAttributes returns what a secondary index
	// projects (the default on an index); on a table it is a
	// ValidationException.
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
	limitPath := "Limit" // Query's newer wording is known, Scan's is not
	if r.scan {
		limitPath = ""
	}
	c.limit(r.limit, limitPath)
}

// checkParams makes the checks Query and Scan share before their own
// (key conditions, segments), in DynamoDB's order: expression and legacy
// parameters not mixed; the legacy filter (Query's before AttributesToGet,
// Scan's after, as AWS orders them); AttributesToGet without duplicates;
// the values of the start key. It returns the legacy filter compiled (nil
// for none) with its env.
func (r *readRequest) checkParams() (expr.Node, env, error) {
	r.exprs.condOp, r.exprs.condTerms = r.condOp, len(r.filter)
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
	if err := checkAttributesToGet(r.attributesToGet); err != nil {
		return nil, env{}, err
	}
	if r.scan {
		if root, e, err = checkConditions(r.filter, r.condOp); err != nil {
			return nil, env{}, err
		}
	}
	return root, e, checkStartKeyValues(r.esk)
}

// table looks up the table read, and the index when the request names
// one, after checking Select (which reports whether the request counts
// only): ResourceNotFound when the table is missing; an IndexName the
// table lacks is "The table does not have the specified index" (a Scan
// with a start key on an unknown index is, for AWS, a bad start key);
// then the index's own rules (checkIndexRead). fetch reports whether an
// LSI read fetches whole items from the table.
func (r *readRequest) table(db *DB, projectionExpression string) (t *table, ix *index, countOnly, fetch bool, err error) {
	if countOnly, err = checkSelect(r.sel, r.attributesToGet, projectionExpression, r.indexName); err != nil {
		return nil, nil, false, false, err
	}
	if t = db.lookup(r.tableName); t == nil {
		return nil, nil, false, false, errTableNotFound()
	}
	if r.indexName == "" {
		return t, nil, countOnly, false, nil
	}
	if ix = t.index(r.indexName); ix == nil {
		if r.scan && r.esk != nil {
			return nil, nil, false, false, validationError(msgInvalidStartKey)
		}
		return nil, nil, false, false, validationError("The table does not have the specified index: " + r.indexName)
	}
	fetch, err = r.checkIndexRead(db, ix)
	return t, ix, countOnly, fetch, err
}

// spec is how the request turns the items it reads into its output, with
// the filter compiled by checkParams (root and e), else the request's
// FilterExpression; ix is the index read, or nil.
func (r *readRequest) spec(t *table, ix *index, compiled *compiledExprs, root expr.Node, e env, countOnly bool) readSpec {
	keys := t.schema.names()
	if ix != nil {
		keys = ix.names
	}
	return readSpec{filter: readFilter(root, e, compiled), proj: namesProjection(r.attributesToGet, compiled), countOnly: countOnly, keys: keys}
}

// page reads one page of t, or of its index ix, from the replica the
// consistency asks for, read offering the entries of its range in order,
// and builds its output and capacity. With fetch, each index entry read
// is replaced by the table's item (an LSI read of unprojected
// attributes), whose size is read too.
func (r *readRequest) page(t *table, ix *index, fetch bool, spec readSpec, read func(*replica, *pageReader)) (*QueryOutput, error) {
	p, room := &pageReader{}, 16
	if r.limit != nil {
		p.limit = int(*r.limit)
		room = min(p.limit, 64)
	}
	p.entries = make([]entry, 0, room)
	var rep, base *replica
	if ix == nil {
		rep = t.replicaFor(r.consistent)
	} else {
		rep, base = ix.readReplica(t, r.consistent)
		switch {
		case ix.itemless:
			p.items, p.of = base.tree, ix
		case ix.keyOnly:
			p.of = ix
		}
	}
	read(rep, p)
	if fetch {
		for i, e := range p.entries {
			if item, ok := base.get(ix.baseKey(e)); ok {
				p.entries[i] = item
				p.bytes += item.size()
			}
		}
	}
	out, bytes, err := spec.output(p)
	if err != nil {
		return nil, err
	}
	units := readUnits(bytes, r.consistent)
	if ix == nil {
		out.ConsumedCapacity = consumed(r.rcc, r.tableName, units)
	} else {
		var u indexUnits
		u.add(ix, units)
		out.ConsumedCapacity = consumedIndexes(r.rcc, r.tableName, 0, u)
	}
	return out, nil
}

// selects checks Select and its enum.
func (c *constraints) selects(s Select) {
	c.enum(string(s), "select", "SPECIFIC_ATTRIBUTES", "COUNT", "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES")
}

// limit checks a Query's or Scan's Limit: at least 1 when given; newPath
// as failAs takes it.
func (c *constraints) limit(limit *int32, newPath string) {
	if limit != nil && *limit < 1 {
		v := fmt.Sprint(*limit)
		c.failAs(&v, "limit", newPath, "Member must have value greater than or equal to 1")
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
