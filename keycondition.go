package ddbsim

import (
	"slices"
	"strings"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// keyCond is one condition of a Query's key conditions, from a
// KeyConditionExpression or the legacy KeyConditions: attr op args, the
// attribute on the left ("sk < :v" for ":v > sk").
type keyCond struct {
	attr string
	op   ComparisonOperator
	args []Value // canonical
}

// AWS's messages for key conditions that do not describe a key range.
const (
	msgNestedOperations   = "KeyConditionExpressions cannot contain nested operations"
	msgNestedAttributes   = "KeyConditionExpressions cannot have conditions on nested attributes"
	msgOneConditionPerKey = "KeyConditionExpressions must only contain one condition per key"
	msgInvalidKeyCond     = "Invalid condition in KeyConditionExpression: "
	msgConditionCount     = "Conditions can be of length 1 or 2 only"
)

// compareOps maps a comparator to its legacy operator, and flipped the
// operator it becomes with its operands swapped.
var compareOps = map[string]struct {
	op      ComparisonOperator
	flipped ComparisonOperator
}{
	"=":  {ComparisonOperatorEq, ComparisonOperatorEq},
	"<":  {ComparisonOperatorLt, ComparisonOperatorGt},
	"<=": {ComparisonOperatorLe, ComparisonOperatorGe},
	">":  {ComparisonOperatorGt, ComparisonOperatorLt},
	">=": {ComparisonOperatorGe, ComparisonOperatorLe},
}

// keyCondsFromExpr reads a checked KeyConditionExpression as key
// conditions, rejecting what is no key range with DynamoDB's messages, in
// its order: conditions left to right, each checked for its operator, then
// its operands left to right.
func keyCondsFromExpr(root expr.Node, e *env) ([]keyCond, error) {
	var conds []keyCond
	var visit func(n expr.Node) error
	visit = func(n expr.Node) error {
		switch n := n.(type) {
		case *expr.AndNode:
			if err := visit(n.L); err != nil {
				return err
			}
			return visit(n.R)
		case *expr.OrNode:
			return invalidKeyOperator("OR")
		case *expr.NotNode:
			return invalidKeyOperator("NOT")
		case *expr.InNode:
			return invalidKeyOperator("IN")
		case *expr.CompareNode:
			if n.Op == "<>" {
				return invalidKeyOperator("<>")
			}
			return addKeyCond(&conds, e, n.Op, n.L, n.R)
		case *expr.BetweenNode:
			if _, ok := n.X.(*expr.PathNode); !ok {
				return validationError(msgInvalidKeyCond + "BETWEEN operator must have the key attribute as its first operand")
			}
			return addKeyCond(&conds, e, "BETWEEN", n.X, n.Lo, n.Hi)
		case *expr.FuncNode:
			switch n.Name {
			case "size":
				return validationError(msgNestedOperations)
			case "begins_with":
				if _, ok := n.Args[0].(*expr.PathNode); !ok {
					return validationError(msgInvalidKeyCond + "begins_with operator must have the key attribute as its first operand")
				}
				return addKeyCond(&conds, e, "begins_with", n.Args...)
			}
			return invalidKeyOperator(n.Name)
		}
		return validationError(msgInvalidKeyCond + "No key attribute specified")
	}
	if err := visit(root); err != nil {
		return nil, err
	}
	return conds, nil
}

func invalidKeyOperator(op string) error {
	return validationError("Invalid operator used in KeyConditionExpression: " + op)
}

// addKeyCond reads one condition of a key condition expression, op being
// a comparator, "BETWEEN" or "begins_with": exactly one operand is a
// top-level attribute, not yet constrained; the others are :values.
func addKeyCond(conds *[]keyCond, e *env, op string, operands ...expr.Node) error {
	attr, at := "", -1
	var args []Value
	for i, o := range operands {
		switch o := o.(type) {
		case *expr.PathNode:
			if at >= 0 {
				return validationError(msgInvalidKeyCond + "Multiple attribute names used in one condition")
			}
			if len(o.Elems) > 1 {
				return validationError(msgNestedAttributes)
			}
			attr, at = e.name(o.Elems[0]), i
		case *expr.FuncNode:
			return validationError(msgNestedOperations)
		case *expr.ValueNode:
			args = append(args, e.values[o.Name])
		}
	}
	if at < 0 {
		return validationError(msgInvalidKeyCond + "No key attribute specified")
	}
	if slices.ContainsFunc(*conds, func(c keyCond) bool { return c.attr == attr }) {
		return validationError(msgOneConditionPerKey)
	}
	c := keyCond{attr: attr, args: args}
	switch op {
	case "BETWEEN":
		c.op = ComparisonOperatorBetween
	case "begins_with":
		c.op = ComparisonOperatorBeginsWith
	default:
		c.op = compareOps[op].op
		if at == 1 {
			c.op = compareOps[op].flipped
		}
	}
	*conds = append(*conds, c)
	return nil
}

// keyCondsFromLegacy reads legacy KeyConditions, already checked with
// checkConditions, as key conditions (in name order).
func keyCondsFromLegacy(conds map[string]Condition) []keyCond {
	out := make([]keyCond, 0, len(conds))
	for _, name := range sortedKeys(nil, conds) {
		c := conds[name]
		args := make([]Value, len(c.AttributeValueList))
		for i, v := range c.AttributeValueList {
			args[i], _, _ = canonicalValue(v)
		}
		out = append(out, keyCond{attr: name, op: c.ComparisonOperator, args: args})
	}
	return out
}

// keyRange is the part of a table's or an index's order a Query reads:
// the keys of one partition hash between lo and hi, each bound inclusive
// or not. An index's keys and bounds are whole fields (fields set), and a
// key is at a bound when its first fields are the bound's (see
// appendField).
type keyRange struct {
	hash           uint64
	lo, hi         string
	loIncl, hiIncl bool
	fields         bool
}

// compare compares key with bound as the range orders them.
func (r keyRange) compare(key, bound string) int {
	if r.fields && strings.HasPrefix(key, bound) {
		return 0
	}
	return strings.Compare(key, bound)
}

// belowLo and aboveHi report whether key falls outside the range.
func (r keyRange) belowLo(key string) bool {
	c := r.compare(key, r.lo)
	return c < 0 || (c == 0 && !r.loIncl)
}

func (r keyRange) aboveHi(key string) bool {
	c := r.compare(key, r.hi)
	return c > 0 || (c == 0 && !r.hiIncl)
}

// read offers each entry of the range to p, ascending or descending, under
// the replica's read lock, until p is full. Cost: O(log n) to seek, then
// O(1) an entry.
func (r keyRange) read(rep *replica, forward bool, p *pageReader) {
	visit := func(e entry) bool {
		past, before := r.aboveHi(e.key()), r.belowLo(e.key())
		if !forward {
			past, before = before, past
		}
		switch {
		case e.hash != r.hash || past:
			return false
		case before:
			return true
		}
		return p.add(e)
	}
	switch {
	case forward:
		rep.ascend(tableKey{hash: r.hash, key: r.lo}, visit)
	case r.fields && r.hiIncl:
		// Past every key that starts with hi's fields.
		rep.descend(tableKey{hash: r.hash, key: fieldsEnd(r.hi)}, visit)
	default:
		rep.descend(tableKey{hash: r.hash, key: r.hi}, visit)
	}
}

// prefixEnd returns the least string above every string that starts with
// prefix, which must hold a byte below 0xFF (an encoded partition key
// does: its length prefix ends with one).
func prefixEnd(prefix string) string {
	i := len(prefix) - 1
	for ; i >= 0 && prefix[i] == 0xFF; i-- {
	}
	return prefix[:i] + string([]byte{prefix[i] + 1})
}

// queryPlan is a Query's key conditions checked against its table: the
// range to read.
type queryPlan struct {
	rng      keyRange
	pk       Value    // the partition key value
	sortCond *keyCond // nil: the whole partition
}

// planQuery checks a Query's key conditions and ExclusiveStartKey (nil if
// absent, its values already valid) against the table's key schema, with
// DynamoDB's messages in its order, and returns the range to read, less
// the part the start key has passed.
func planQuery(ks keySchema, conds []keyCond, esk Item, forward bool) (*queryPlan, error) {
	if esk != nil && len(esk) != ks.size() {
		return nil, validationError(msgInvalidStartKey)
	}
	attrs, n := ks.keyAttrs()
	for i, a := range attrs[:n] {
		isHash := i == 0
		if esk != nil {
			v, ok := esk[a.name]
			if !ok {
				return nil, validationError(msgInvalidStartKey)
			}
			if v.t != a.typ {
				return nil, validationError(msgKeyMismatch)
			}
			if err := checkKeyValue(a.name, v, isHash); err != nil {
				return nil, err
			}
		}
		if isHash && !ks.hasSort() && len(conds) > 1 {
			return nil, validationError("Query key condition not supported")
		}
		c := condOn(conds, a.name)
		if c == nil {
			if isHash || len(conds) > 1 {
				return nil, validationError("Query condition missed key schema element: " + a.name)
			}
			continue
		}
		if err := c.check(a, isHash); err != nil {
			return nil, err
		}
	}
	plan := &queryPlan{pk: condOn(conds, ks.hash.name).args[0]}
	if ks.hasSort() {
		plan.sortCond = condOn(conds, ks.sort.name)
	}
	part, err := encodeTableKey(plan.pk, Value{}, false)
	if err != nil {
		return nil, err
	}
	plan.rng = sortRange(part, plan.sortCond)
	if esk != nil {
		if err := plan.checkStart(ks, esk); err != nil {
			return nil, err
		}
		start, err := ks.fromKey(esk)
		if err != nil {
			return nil, err
		}
		if forward {
			plan.rng.lo, plan.rng.loIncl = start.key, false
		} else {
			plan.rng.hi, plan.rng.hiIncl = start.key, false
		}
	}
	return plan, nil
}

// condOn returns the condition of conds on the attribute name, or nil.
func condOn(conds []keyCond, name string) *keyCond {
	for i := range conds {
		if conds[i].attr == name {
			return &conds[i]
		}
	}
	return nil
}

// check makes DynamoDB's checks of a key condition on key attribute a
// (the partition key if isHash): an indexable operator, arguments of the
// attribute's type and valid as key values, and equality on a partition
// key.
func (c *keyCond) check(a keyAttr, isHash bool) error {
	switch c.op {
	case ComparisonOperatorNull, ComparisonOperatorNotNull, ComparisonOperatorNe,
		ComparisonOperatorContains, ComparisonOperatorNotContains, ComparisonOperatorIn:
		return validationError("Attempted conditional constraint is not an indexable operation")
	}
	for _, v := range c.args {
		if v.t != a.typ {
			return validationError("One or more parameter values were invalid: Condition parameter type does not match schema type")
		}
		if err := checkKeyValue(a.name, v, isHash); err != nil {
			return err
		}
	}
	if isHash && c.op != ComparisonOperatorEq {
		return validationError("Query key condition not supported")
	}
	return nil
}

// sortRange is the range of partition part (its key holding just the
// encoded partition key) that the sort key condition c (nil for none)
// selects.
func sortRange(part tableKey, c *keyCond) keyRange {
	p := part.key
	r := keyRange{hash: part.hash, lo: p, loIncl: true, hi: prefixEnd(p)}
	if c == nil {
		return r
	}
	at := func(i int) string {
		b, _ := appendKeyBytes([]byte(p), c.args[i])
		return string(b)
	}
	switch c.op {
	case ComparisonOperatorEq:
		r.lo, r.hi, r.hiIncl = at(0), at(0), true
	case ComparisonOperatorLt, ComparisonOperatorLe:
		r.hi, r.hiIncl = at(0), c.op == ComparisonOperatorLe
	case ComparisonOperatorGt, ComparisonOperatorGe:
		r.lo, r.loIncl = at(0), c.op == ComparisonOperatorGe
	case ComparisonOperatorBetween:
		r.lo, r.hi, r.hiIncl = at(0), at(1), true
	case ComparisonOperatorBeginsWith:
		r.lo = at(0)
		r.hi = prefixEnd(r.lo)
	}
	return r
}

// checkStart checks that a start key (of the table's key types) lies in
// the queried range, with DynamoDB's messages.
func (q *queryPlan) checkStart(ks keySchema, esk Item) error {
	samePartition := esk[ks.hash.name].Equal(q.pk)
	switch {
	case q.sortCond != nil:
		if !matchesKeyCond(*q.sortCond, esk[ks.sort.name]) {
			return validationError("The provided starting key does not match the range key predicate")
		}
		if !samePartition {
			return validationError("The query can return at most one row and cannot be restarted")
		}
	case !samePartition:
		return validationError("The provided starting key is outside query boundaries based on provided conditions")
	case !ks.hasSort():
		return validationError("The provided exclusive start key is invalid: ExclusiveStartKey: {" +
			ks.hash.name + "=AttributeValue: " + javaString(esk[ks.hash.name]) + "}")
	}
	return nil
}

// matchesKeyCond reports whether a sort key value satisfies its condition.
func matchesKeyCond(c keyCond, v Value) bool {
	cmp := func(i int) int {
		order, _ := compareOrdered(v, true, c.args[i], true)
		return order
	}
	switch c.op {
	case ComparisonOperatorEq:
		return cmp(0) == 0
	case ComparisonOperatorLt:
		return cmp(0) < 0
	case ComparisonOperatorLe:
		return cmp(0) <= 0
	case ComparisonOperatorGt:
		return cmp(0) > 0
	case ComparisonOperatorGe:
		return cmp(0) >= 0
	case ComparisonOperatorBetween:
		return cmp(0) >= 0 && cmp(1) <= 0
	case ComparisonOperatorBeginsWith:
		return strings.HasPrefix(v.s, c.args[0].s)
	}
	return false
}

// keyAttrs returns a schema's key attributes, partition key first, in
// the first n elements.
func (ks keySchema) keyAttrs() (attrs [2]keyAttr, n int) {
	return [2]keyAttr{ks.hash, ks.sort}, ks.size()
}
