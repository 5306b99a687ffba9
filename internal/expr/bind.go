package expr

import (
	"slices"
	"strings"
)

// Expr is a parsed expression: a *ConditionExpr, *ProjectionExpr or
// *UpdateExpr.
type Expr interface {
	// String prints the expression as canonical text.
	String() string
	// placeholders returns the #names and :values the expression uses.
	placeholders() (names, values []string)
}

// Binder checks the expressions of one request against the request's
// ExpressionAttributeNames and ExpressionAttributeValues, making every check
// DynamoDB makes before it reads an item, in DynamoDB's order, except those
// on the values' types and contents, which are the caller's. V is the
// caller's attribute value type; Binder only looks at the keys.
//
// A request's checks run in this order: CheckNameKeys and CheckValueKeys,
// then each expression through Binder, then CheckUnused over them all.
type Binder[V any] struct {
	// Names is ExpressionAttributeNames.
	Names map[string]string
	// Values is ExpressionAttributeValues.
	Values map[string]V
	// Cache, if not nil, keeps parsed expressions across requests.
	Cache *Cache
}

func (b *Binder[V]) name(ref string) (string, bool) {
	name, ok := b.Names[ref]
	return name, ok
}

func (b *Binder[V]) value(ref string) bool {
	_, ok := b.Values[ref]
	return ok
}

// compile parses text, through the cache if there is one.
func (b *Binder[V]) compile(k Kind, text string) *compiled {
	if b.Cache != nil {
		return b.Cache.compile(k, text)
	}
	return compile(k, text)
}

// Condition parses and checks a condition of the given kind, which must be
// Condition, Filter or KeyCondition (another kind panics). Beyond the checks
// of ParseCondition, it reports undefined placeholders and operands that are
// the same document path once the #names are resolved ("#a = a"). Like
// DynamoDB it takes the conditions one at a time, left to right, and for
// each reports an undefined placeholder first, then a wrong number of
// operands, then equal operands, then an operand of the wrong type.
func (b *Binder[V]) Condition(kind Kind, text string) (*ConditionExpr, error) {
	mustCondition(kind)
	c := b.compile(kind, text)
	if c.err != nil {
		return nil, c.err
	}
	if err := c.bind(b); err != nil {
		return nil, err
	}
	return c.cond, nil
}

// Update parses and checks an UpdateExpression. Beyond the checks of
// ParseUpdate it reports, in this order, undefined #names, undefined
// :values, and target paths that overlap or conflict once resolved; then
// the functions' operands. The caller checks the types of the :values.
func (b *Binder[V]) Update(text string) (*UpdateExpr, error) {
	c := b.compile(Update, text)
	if c.err != nil {
		return nil, c.err
	}
	if err := c.bind(b); err != nil {
		return nil, err
	}
	return c.update, nil
}

// Projection parses and checks a ProjectionExpression. Beyond the checks of
// ParseProjection it reports undefined #names, then paths that overlap or
// conflict once resolved.
func (b *Binder[V]) Projection(text string) (*ProjectionExpr, error) {
	c := b.compile(Projection, text)
	if c.err != nil {
		return nil, c.err
	}
	if err := c.bind(b); err != nil {
		return nil, err
	}
	return c.proj, nil
}

// nameMap is ExpressionAttributeNames as a namer.
type nameMap map[string]string

func (m nameMap) name(ref string) (string, bool) {
	name, ok := m[ref]
	return name, ok
}

// Resolve returns the elements of path p with each #name placeholder
// replaced by the attribute name that names gives it, for an expression of
// the given kind. An undefined placeholder is an error. The result may
// share p's elements: do not modify it.
func Resolve(kind Kind, p *PathNode, names map[string]string) ([]PathElem, error) {
	return resolve(kind, p, nameMap(names))
}

// CheckOverlap checks resolved document paths, in the order written, for an
// expression of the given kind: no path may be a prefix of another or equal
// to it ("overlap"), and no two may address the same element both as a map
// key and as a list index ("conflict"). Path one is the earlier of the two.
// An overlap anywhere is reported before a conflict.
func CheckOverlap(kind Kind, paths [][]PathElem) error {
	var conflict error
	for j, two := range paths {
		for _, one := range paths[:j] {
			switch compare(one, two) {
			case overlapping:
				return invalidf(kind, msgOverlap, renderPath(one), renderPath(two))
			case conflicting:
				if conflict == nil {
					conflict = invalidf(kind, msgConflict, renderPath(one), renderPath(two))
				}
			}
		}
	}
	return conflict
}

// How two paths relate, for CheckOverlap.
const (
	apart       = iota // neither overlaps nor conflicts with the other
	overlapping        // one is a prefix of the other, or they are equal
	conflicting        // after a common prefix, one has a name where the other has an index
)

// compare says how paths one and two relate.
func compare(one, two []PathElem) int {
	for i := range min(len(one), len(two)) {
		switch {
		case one[i].IsIndex != two[i].IsIndex:
			return conflicting
		case one[i] != two[i]:
			return apart
		}
	}
	return overlapping
}

// CheckUnused reports entries of ExpressionAttributeNames and
// ExpressionAttributeValues that none of the request's expressions uses.
// Pass every expression of the request; nil ones are skipped. Unused names
// are reported before unused values, keys sorted:
// "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}".
func CheckUnused[V any](names map[string]string, values map[string]V, used ...Expr) error {
	if allUsed(names, used, nameRefs) && allUsed(values, used, valueRefs) {
		return nil
	}
	unusedNames := unused(names, used, nameRefs)
	if len(unusedNames) > 0 {
		return &Error{Message: "Value provided in ExpressionAttributeNames unused in expressions: keys: {" + strings.Join(unusedNames, ", ") + "}"}
	}
	unusedValues := unused(values, used, valueRefs)
	if len(unusedValues) > 0 {
		return &Error{Message: "Value provided in ExpressionAttributeValues unused in expressions: keys: {" + strings.Join(unusedValues, ", ") + "}"}
	}
	return nil
}

// nameRefs and valueRefs return the #names and the :values e uses.
func nameRefs(e Expr) []string  { n, _ := e.placeholders(); return n }
func valueRefs(e Expr) []string { _, v := e.placeholders(); return v }

// allUsed reports whether the expressions use every key of m: whether
// the distinct refs they use that m defines are as many as m's keys. It
// looks the refs up instead of walking m, the usual case's cheap answer;
// unused finds which keys are not used.
func allUsed[V any](m map[string]V, exprs []Expr, refs func(Expr) []string) bool {
	n := 0
	for i, e := range exprs {
		for _, ref := range refs(e) {
			if _, ok := m[ref]; ok && !slices.ContainsFunc(exprs[:i], func(prev Expr) bool {
				_, dup := slices.BinarySearch(refs(prev), ref)
				return dup
			}) {
				n++
			}
		}
	}
	return n == len(m)
}

// unused returns the keys of m that no expression's refs contain, sorted.
func unused[V any](m map[string]V, exprs []Expr, refs func(Expr) []string) []string {
	var out []string
	for key := range m {
		found := false
		for _, e := range exprs {
			if _, ok := slices.BinarySearch(refs(e), key); ok {
				found = true
				break
			}
		}
		if !found {
			out = append(out, key)
		}
	}
	slices.Sort(out)
	return out
}

// CheckNameKeys checks the keys of ExpressionAttributeNames: a map that is
// present (not nil) must not be empty, and each key must be "#" followed by
// letters, digits and underscores. Of several bad keys it reports the least.
func CheckNameKeys(names map[string]string) error {
	return checkKeys("ExpressionAttributeNames", '#', names)
}

// CheckValueKeys checks the keys of ExpressionAttributeValues as
// CheckNameKeys does those of ExpressionAttributeNames, with ":" for "#".
// The values themselves are the caller's to check.
func CheckValueKeys[V any](values map[string]V) error {
	return checkKeys("ExpressionAttributeValues", ':', values)
}

// checkKeys checks the keys of the attribute map called param, whose keys
// start with sigil.
func checkKeys[V any](param string, sigil byte, m map[string]V) error {
	if m == nil {
		return nil
	}
	if len(m) == 0 {
		return &Error{Message: param + " must not be empty"}
	}
	bad, found := "", false
	for key := range m {
		if !isPlaceholder(key, sigil) && (!found || key < bad) {
			bad, found = key, true
		}
	}
	if found {
		return &Error{Message: param + ` contains invalid key: Syntax error; key: "` + bad + `"`}
	}
	return nil
}

// isPlaceholder reports whether key is sigil followed by one or more
// letters, digits and underscores.
func isPlaceholder(key string, sigil byte) bool {
	if len(key) < 2 || key[0] != sigil {
		return false
	}
	for _, r := range key[1:] {
		if !isNameChar(r) {
			return false
		}
	}
	return true
}
