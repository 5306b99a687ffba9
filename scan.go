package ddbsim

import (
	"context"
	"fmt"
	"math/bits"
	"strconv"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// MaxTotalSegments is the most segments a parallel Scan may have.
const MaxTotalSegments = 1_000_000

// ScanInput is the input of Scan.
type ScanInput struct {
	TableName string
	// IndexName names a secondary index of the table to scan (its key
	// conditions, start key and LastEvaluatedKey then hold the index's
	// key attributes beside the table's); a name the table lacks is "The
	// table does not have the specified index". A GSI is read eventually
	// consistent only (ConsistentRead is refused); Select defaults to
	// ALL_PROJECTED_ATTRIBUTES.
	IndexName string
	// FilterExpression drops items after they are read (they still count
	// in ScannedCount, against Limit and in the capacity). Unlike Query's,
	// it may name key attributes.
	FilterExpression string
	// ProjectionExpression returns only these document paths.
	ProjectionExpression      string
	ExpressionAttributeNames  map[string]string
	ExpressionAttributeValues map[string]Value
	// ScanFilter and ConditionalOperator are the legacy form of
	// FilterExpression; AttributesToGet that of ProjectionExpression.
	ScanFilter          map[string]Condition
	ConditionalOperator ConditionalOperator
	AttributesToGet     []string
	// Select is ALL_ATTRIBUTES, SPECIFIC_ATTRIBUTES (with a projection) or
	// COUNT; see Select.
	Select Select
	// Limit is the most items to read (1 or more), counted before the
	// filter; nil means no limit but the page size, MaxPageBytes.
	Limit *int32
	// ExclusiveStartKey resumes after this key: the LastEvaluatedKey of the
	// previous page (of the same segment).
	ExclusiveStartKey Item
	// Segment and TotalSegments make a parallel scan: segment Segment
	// (0 to TotalSegments-1) of TotalSegments (1 to MaxTotalSegments),
	// both or neither. Segment i reads the i-th of TotalSegments equal
	// slices of the 64-bit partition hash space: the segments are
	// disjoint and together hold every item once.
	Segment       *int32
	TotalSegments *int32
	// ConsistentRead reads the leader; each item read is then the latest,
	// but the scan is no snapshot. By default reads are eventually
	// consistent and cost half.
	ConsistentRead         bool
	ReturnConsumedCapacity ReturnConsumedCapacity
}

// ScanOutput is the output of Scan; its fields mean what QueryOutput's do.
// Items come in the table's order: partitions in the order of their hash,
// each partition in sort key order.
type ScanOutput QueryOutput

// Scan reads a table (or one segment of it) in its storage order, a page
// at a time: at most Limit items and MaxPageBytes of data read, then
// filtered and projected.
//
// Errors: ValidationException with AWS's messages for invalid input,
// ResourceNotFoundException for a missing table. Cost: O(log n) to seek,
// then O(1) an item read plus decoding what the filter reads and what is
// returned; the read holds a replica's read lock only while it collects
// the page's entries. Capacity: the sizes of the items read, summed and
// rounded up to 4 KB once, halved when eventually consistent (at least 0.5
// or 1).
func (db *DB) Scan(ctx context.Context, in ScanInput) (*ScanOutput, error) {
	return dispatch(ctx, db, "Scan", in.TableName, func() (*ScanOutput, error) {
		r := readRequest{tableName: in.TableName, indexName: in.IndexName, sel: in.Select, rcc: in.ReturnConsumedCapacity,
			scan: true, filter: in.ScanFilter, condOp: in.ConditionalOperator, attributesToGet: in.AttributesToGet,
			limit: in.Limit, esk: in.ExclusiveStartKey, consistent: in.ConsistentRead,
			exprs: exprRequest{
				names: in.ExpressionAttributeNames, values: in.ExpressionAttributeValues,
				exprs: exprsOf(namedExpr{expr.Projection, in.ProjectionExpression}, namedExpr{expr.Filter, in.FilterExpression}),
				legacy: legacyParams(legacy{"AttributesToGet", in.AttributesToGet != nil}, legacy{"ScanFilter", in.ScanFilter != nil},
					legacy{"ConditionalOperator", in.ConditionalOperator != ""}),
			}}
		var c constraints
		r.checkShape(&c)
		c.bounded(in.Segment, "segment", 0, MaxTotalSegments-1)
		c.bounded(in.TotalSegments, "totalSegments", 1, MaxTotalSegments)
		if err := c.err(); err != nil {
			return nil, err
		}
		filterRoot, filterEnv, err := r.checkParams()
		if err != nil {
			return nil, err
		}
		seg, err := newSegment(in.Segment, in.TotalSegments)
		if err != nil {
			return nil, err
		}
		compiled, err := db.compile(r.exprs)
		if err != nil {
			return nil, err
		}
		t, ix, countOnly, fetch, err := r.table(db, in.ProjectionExpression)
		if err != nil {
			return nil, err
		}
		var start *tableKey
		if in.ExclusiveStartKey != nil {
			k, err := seg.startKey(t.schema, ix, in.ExclusiveStartKey)
			if err != nil {
				return nil, err
			}
			start = &k
		}
		spec := r.spec(t, ix, compiled, filterRoot, filterEnv, countOnly)
		fetch = fetch || ix != nil && ix.fetchesFor(spec.proj)
		if err := checkKeyPaths(t.schema, spec.proj, spec.filter); err != nil {
			return nil, err
		}
		out, err := r.page(t, ix, fetch, spec, func(rep *replica, p *pageReader) { seg.read(rep, start, p) })
		return (*ScanOutput)(out), err
	})
}

// bounded checks an optional integer parameter against [lo, hi].
func (c *constraints) bounded(v *int32, path string, lo, hi int) {
	if v == nil {
		return
	}
	s := strconv.Itoa(int(*v))
	switch {
	case int(*v) < lo:
		c.fail(&s, path, "Member must have value greater than or equal to "+strconv.Itoa(lo))
	case int(*v) > hi:
		c.fail(&s, path, "Member must have value less than or equal to "+strconv.Itoa(hi))
	}
}

// segment is the slice of the partition hash space a Scan reads:
// [lo, hi), or [lo, 2^64) for the last segment.
type segment struct {
	index, total int
	lo, hi       uint64
	last         bool
}

// newSegment checks Segment and TotalSegments (absent: the whole table)
// and returns the slice they select: segment i of n starts at
// floor(i * 2^64 / n).
func newSegment(index, total *int32) (segment, error) {
	switch {
	case index != nil && total == nil:
		return segment{}, validationError("The TotalSegments parameter is required but was not present in the request when Segment parameter is present")
	case total != nil && index == nil:
		return segment{}, validationError("The Segment parameter is required but was not present in the request when parameter TotalSegments is present")
	case total == nil:
		return segment{total: 1, last: true}, nil
	case *index >= *total:
		return segment{}, validationError(fmt.Sprintf("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: %d is not less than TotalSegments: %d", *index, *total))
	}
	s := segment{index: int(*index), total: int(*total), last: *index == *total-1}
	s.lo, _ = bits.Div64(uint64(*index), 0, uint64(*total))
	if !s.last {
		s.hi, _ = bits.Div64(uint64(*index+1), 0, uint64(*total))
	}
	return s, nil
}

// holds reports whether a partition hash belongs to the segment.
func (s segment) holds(hash uint64) bool {
	return hash >= s.lo && (s.last || hash < s.hi)
}

// startKey checks a Scan's ExclusiveStartKey (values already valid): the
// table's key (and the index's, for a Scan of index ix), in this segment.
func (s segment) startKey(ks keySchema, ix *index, esk Item) (tableKey, error) {
	var k tableKey
	var err error
	if ix != nil {
		k, err = ix.startKey(esk)
	} else if k, err = ks.fromKey(esk); err != nil {
		err = rephrased(err, func(msg string) string { return msgInvalidStartKey + ": " + msg })
	}
	if err != nil {
		return tableKey{}, err
	}
	if !s.holds(k.hash) {
		return tableKey{}, validationError(fmt.Sprintf("%s: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: %d Segment: %d",
			msgInvalidStartKey, s.total, s.index))
	}
	return k, nil
}

// read offers the segment's entries after start (from its beginning when
// start is nil) to p, in order, until p is full.
func (s segment) read(r *replica, start *tableKey, p *pageReader) {
	from := tableKey{hash: s.lo}
	if start != nil {
		from = *start
	}
	r.ascend(from, func(e entry) bool {
		switch {
		case !s.holds(e.hash):
			return false
		case start != nil && e.tableKey() == *start:
			return true
		}
		return p.add(e)
	})
}
