package ddbsim

import (
	"context"
	"slices"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// QueryInput is the input of Query.
type QueryInput struct {
	TableName string
	// IndexName names a secondary index of the table to query (its key
	// conditions, start key and LastEvaluatedKey then hold the index's
	// key attributes beside the table's); a name the table lacks is "The
	// table does not have the specified index". A GSI is read eventually
	// consistent only (ConsistentRead is refused); Select defaults to
	// ALL_PROJECTED_ATTRIBUTES.
	IndexName string
	// KeyConditionExpression selects one partition and, optionally, a
	// range of sort keys: "pk = :p", "pk = :p AND sk < :s" (or "<=", ">",
	// ">=", "=", "BETWEEN :a AND :b", "begins_with(sk, :prefix)"). The
	// attribute may stand on either side of a comparator.
	KeyConditionExpression string
	// FilterExpression drops items after they are read (they still count
	// in ScannedCount, against Limit and in the capacity). It may not name
	// key attributes.
	FilterExpression string
	// ProjectionExpression returns only these document paths.
	ProjectionExpression      string
	ExpressionAttributeNames  map[string]string
	ExpressionAttributeValues map[string]Value
	// KeyConditions is the legacy form of KeyConditionExpression: EQ on
	// the partition key, and EQ, LT, LE, GT, GE, BETWEEN or BEGINS_WITH on
	// the sort key.
	KeyConditions map[string]Condition
	// QueryFilter and ConditionalOperator are the legacy form of
	// FilterExpression; AttributesToGet that of ProjectionExpression.
	QueryFilter         map[string]Condition
	ConditionalOperator ConditionalOperator
	AttributesToGet     []string
	// Select is ALL_ATTRIBUTES, SPECIFIC_ATTRIBUTES (with a projection) or
	// COUNT; see Select.
	Select Select
	// Limit is the most items to read (1 or more), counted before the
	// filter; nil means no limit but the page size, MaxPageBytes.
	Limit *int32
	// ExclusiveStartKey resumes after this key: the LastEvaluatedKey of the
	// previous page.
	ExclusiveStartKey Item
	// ScanIndexForward is the sort key order: ascending when nil or true,
	// descending when false.
	ScanIndexForward *bool
	// ConsistentRead reads the leader: never stale. By default reads are
	// eventually consistent and cost half.
	ConsistentRead         bool
	ReturnConsumedCapacity ReturnConsumedCapacity
}

// QueryOutput is the output of Query.
type QueryOutput struct {
	// Items are the items read that passed the filter, in key order; fresh
	// copies the caller owns. Nil with Select=COUNT (the JSON then has no
	// "Items"), else never nil.
	Items []Item `json:",omitzero"`
	// Count is the number of items that passed the filter; ScannedCount
	// the number read.
	Count        int32
	ScannedCount int32
	// LastEvaluatedKey is the key of the last item read, set when the page
	// stopped at Limit or MaxPageBytes with more items in range: pass it
	// as ExclusiveStartKey for the next page. A page without one is the
	// last.
	LastEvaluatedKey Item              `json:",omitzero"`
	ConsumedCapacity *ConsumedCapacity `json:",omitzero"`
}

// Query reads the items of one partition, in sort key order, a page at a
// time: at most Limit items and MaxPageBytes of data read, then filtered
// and projected. On a table without a sort key it returns at most one item
// and never a LastEvaluatedKey.
//
// Errors: ValidationException with AWS's messages for invalid input (key
// conditions that are no key range, a filter on a key attribute, a start
// key outside the query, ...), ResourceNotFoundException for a missing
// table. Cost: O(log n) to find the partition, then O(1) an item read plus
// decoding what the filter reads and what is returned; the read holds a
// replica's read lock only while it collects the page's entries. Capacity:
// the sizes of the items read, summed and rounded up to 4 KB once, halved
// when eventually consistent (at least 0.5 or 1).
func (db *DB) Query(ctx context.Context, in QueryInput) (*QueryOutput, error) {
	return dispatch(ctx, db, "Query", in.TableName, func() (*QueryOutput, error) {
		r := readRequest{tableName: in.TableName, indexName: in.IndexName, sel: in.Select, rcc: in.ReturnConsumedCapacity,
			filter: in.QueryFilter, condOp: in.ConditionalOperator, attributesToGet: in.AttributesToGet,
			limit: in.Limit, esk: in.ExclusiveStartKey, consistent: in.ConsistentRead,
			exprs: exprRequest{
				names: in.ExpressionAttributeNames, values: in.ExpressionAttributeValues,
				exprs: exprsOf(namedExpr{expr.Projection, in.ProjectionExpression}, namedExpr{expr.Filter, in.FilterExpression},
					namedExpr{expr.KeyCondition, in.KeyConditionExpression}),
				// KeyConditions may go with the other expressions, not
				// with a KeyConditionExpression.
				legacy: legacyParams(legacy{"AttributesToGet", in.AttributesToGet != nil}, legacy{"QueryFilter", in.QueryFilter != nil},
					legacy{"ConditionalOperator", in.ConditionalOperator != ""},
					legacy{"KeyConditions", in.KeyConditions != nil && in.KeyConditionExpression != ""}),
			}}
		var c constraints
		r.checkShape(&c)
		c.conditions(in.KeyConditions, "keyConditions")
		if err := c.err(); err != nil {
			return nil, err
		}
		filterRoot, filterEnv, err := r.checkParams()
		if err != nil {
			return nil, err
		}
		if in.KeyConditions == nil && in.KeyConditionExpression == "" {
			return nil, validationError("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")
		}
		compiled, err := db.compile(r.exprs)
		if err != nil {
			return nil, err
		}
		t, ix, countOnly, fetch, err := r.table(db, in.ProjectionExpression)
		if err != nil {
			return nil, err
		}
		maxConds := 2
		if ix != nil {
			maxConds = max(2, len(ix.hash)+len(ix.sort))
		}
		conds, err := queryKeyConds(compiled, in.KeyConditions, maxConds)
		if err != nil {
			return nil, err
		}
		forward := in.ScanIndexForward == nil || *in.ScanIndexForward
		var rng keyRange
		keyAttrs := t.schema.names()
		if ix == nil {
			plan, err := planQuery(t.schema, conds, in.ExclusiveStartKey, forward)
			if err != nil {
				return nil, err
			}
			rng = plan.rng
		} else {
			if rng, err = planIndexQuery(ix, conds, in.ExclusiveStartKey, forward); err != nil {
				return nil, err
			}
			keyAttrs = ix.keyNames()
		}
		spec := r.spec(t, ix, compiled, filterRoot, filterEnv, countOnly)
		fetch = fetch || ix != nil && ix.fetchesFor(spec.proj)
		if err := checkKeyPaths(t.schema, spec.proj, nil); err != nil {
			return nil, err
		}
		if err := checkFilterKeys(keyAttrs, in.QueryFilter, spec.filter); err != nil {
			return nil, err
		}
		return r.page(t, ix, fetch, spec, func(rep *replica, p *pageReader) { rng.read(rep, forward, p) })
	})
}

// queryKeyConds reads a Query's key conditions, from its compiled
// KeyConditionExpression or its legacy KeyConditions: one or two (up to
// maxConds on an index of multi-attribute keys).
func queryKeyConds(compiled *compiledExprs, legacy map[string]Condition, maxConds int) ([]keyCond, error) {
	var conds []keyCond
	if compiled.keyCondition != nil {
		var err error
		if conds, err = keyCondsFromExpr(compiled.keyCondition.Root, &compiled.env); err != nil {
			return nil, err
		}
	} else {
		if _, _, err := checkConditions(legacy, ""); err != nil {
			return nil, err
		}
		conds = keyCondsFromLegacy(legacy)
	}
	if len(conds) < 1 || len(conds) > maxConds {
		return nil, validationError(msgConditionCount)
	}
	return conds, nil
}

// checkFilterKeys rejects a Query filter on a key attribute of what it
// reads (keys: the table's, or the index's): the legacy QueryFilter naming
// one, or a filter expression reading one.
func checkFilterKeys(keys []string, queryFilter map[string]Condition, filter *condition) error {
	param := "Filter Expression"
	if queryFilter != nil {
		param = "QueryFilter"
	}
	for _, name := range keys {
		if filter != nil && slices.Contains(filter.top, name) {
			return validationError(param + " can only contain non-primary key attributes: Primary key attribute: " + name)
		}
	}
	return nil
}
