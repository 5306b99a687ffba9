package ddbsim

import (
	"slices"
	"strings"

	"github.com/ddbsim/ddbsim/internal/expr"
)

// exprCacheSize bounds the compiled expressions a DB keeps.
const exprCacheSize = 1024

// exprRequest is the expression part of one request, as an operation
// hands it over: the attribute maps, each expression parameter the
// operation takes (in the order its messages list them, "" when absent),
// and the legacy parameters the request sets.
type exprRequest struct {
	names  map[string]string
	values map[string]Value
	exprs  exprList
	// legacy lists the non-expression parameters present, in the order
	// DynamoDB's messages list them ("AttributesToGet", "Expected", ...).
	legacy []string
	// condOp is the legacy ConditionalOperator and condTerms the number of
	// conditions of the map it joins (Expected, QueryFilter, ScanFilter).
	condOp    ConditionalOperator
	condTerms int
}

// namedExpr is one expression parameter of a request.
type namedExpr struct {
	kind expr.Kind
	text string
}

// exprList is a request's expression parameters, held inline (at most
// three: Query's projection, filter and key condition) so that building a
// request allocates nothing.
type exprList struct {
	n    int
	list [3]namedExpr
}

// exprsOf returns the list of the given expressions (at most three).
func exprsOf(exprs ...namedExpr) exprList {
	var l exprList
	l.n = copy(l.list[:], exprs)
	return l
}

// all returns the expressions in the order given.
func (l *exprList) all() []namedExpr { return l.list[:l.n] }

// compiledExprs are a request's expressions, checked and ready to
// evaluate.
type compiledExprs struct {
	env          env
	condition    *expr.ConditionExpr
	keyCondition *expr.ConditionExpr
	filter       *expr.ConditionExpr
	update       *expr.UpdateExpr
	projection   *projection
	// binder checked them; it lives here to share the allocation.
	binder expr.Binder[Value]
}

// noExprs is what compile returns for a request without expressions; it
// is shared and read-only.
var noExprs compiledExprs

// checkOrder is the order in which DynamoDB checks a request's
// expressions.
var checkOrder = []expr.Kind{expr.Update, expr.Condition, expr.KeyCondition, expr.Filter, expr.Projection}

// checkParams makes DynamoDB's first checks on a request's expression
// parameters, before it looks at the item: legacy and expression
// parameters are not mixed, a ConditionalOperator joins two conditions or
// more, and the attribute maps come only with expressions.
func (r exprRequest) checkParams() error {
	var present []string
	for _, e := range r.exprs.all() {
		if e.text != "" {
			present = append(present, e.kind.String())
		}
	}
	if len(present) > 0 && len(r.legacy) > 0 {
		return validationError("Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {" +
			strings.Join(r.legacy, ", ") + "} Expression parameters: {" + strings.Join(present, ", ") + "}")
	}
	if err := checkConditionalOperator(r.condOp, r.condTerms); err != nil {
		return err
	}
	if r.names != nil && len(present) == 0 {
		return validationError("ExpressionAttributeNames can only be specified when using expressions")
	}
	return checkValuesWithoutExpressions(r)
}

// compile checks a request's expressions as DynamoDB does before reading
// anything, in its order, after checkParams: the attribute maps' keys well
// formed and values valid (names neither empty nor over 64 KB); each
// expression (syntax, names, functions, operand types); no unused map
// entries. Every failure is a
// ValidationException with AWS's message.
//
// The usual request has well-formed keys, values that are canonical
// scalars, and no unused entry. compile first checks the expressions with
// the maps as sent and then that the values they use are canonical, which
// spares walking the maps (even a map of one entry costs more to walk than
// to look up): when every entry is used, every key is a placeholder that
// an expression holds, so it is well formed. Anything else, an error
// included, redoes the checks in DynamoDB's order, which finds the error
// DynamoDB reports first.
func (db *DB) compile(r exprRequest) (*compiledExprs, error) {
	if r.names == nil && r.values == nil && !slices.ContainsFunc(r.exprs.all(), func(e namedExpr) bool { return e.text != "" }) {
		return &noExprs, nil
	}
	if (r.names == nil || len(r.names) > 0) && (r.values == nil || len(r.values) > 0) {
		c := &compiledExprs{}
		if c.check(r, r.values, db.exprs) == nil && c.scalarValues() && validNameValues(r.names) {
			return c, nil
		}
	}
	return db.compileInOrder(r)
}

// compileInOrder is compile making every check in DynamoDB's order.
func (db *DB) compileInOrder(r exprRequest) (*compiledExprs, error) {
	if err := expr.CheckNameKeys(r.names); err != nil {
		return nil, validationError(err.Error())
	}
	if err := checkNameValues(r.names); err != nil {
		return nil, err
	}
	if err := expr.CheckValueKeys(r.values); err != nil {
		return nil, validationError(err.Error())
	}
	values, err := canonicalValues(r.values)
	if err != nil {
		return nil, err
	}
	c := &compiledExprs{}
	if err := c.check(r, values, db.exprs); err != nil {
		return nil, err
	}
	return c, nil
}

// check checks r's expressions in DynamoDB's order, with values as the
// ExpressionAttributeValues their operand types are checked against, and
// then that the attribute maps have no unused entry; c keeps the result.
func (c *compiledExprs) check(r exprRequest, values map[string]Value, cache *expr.Cache) error {
	c.env = env{names: r.names, values: values}
	c.binder = expr.Binder[Value]{Names: r.names, Values: r.values, Cache: cache}
	b := &c.binder
	var usedBuf [5]expr.Expr
	used := usedBuf[:0]
	for _, kind := range checkOrder {
		text := r.text(kind)
		if text == "" {
			continue
		}
		switch kind {
		case expr.Update:
			u, err := b.Update(text)
			if err != nil {
				return validationError(err.Error())
			}
			if err := checkUpdateValues(u, values); err != nil {
				return err
			}
			c.update, used = u, append(used, u)
		case expr.Projection:
			p, err := b.Projection(text)
			if err != nil {
				return validationError(err.Error())
			}
			paths := make([][]expr.PathElem, len(p.Paths))
			for i, path := range p.Paths {
				paths[i], _ = expr.Resolve(expr.Projection, path, r.names)
			}
			c.projection, used = newProjection(paths), append(used, p)
		default:
			cond, err := b.Condition(kind, text)
			if err != nil {
				return validationError(err.Error())
			}
			if err := checkOperandValues(kind, cond.Root, values); err != nil {
				return err
			}
			used = append(used, cond)
			switch kind {
			case expr.Condition:
				c.condition = cond
			case expr.KeyCondition:
				c.keyCondition = cond
			default:
				c.filter = cond
			}
		}
	}
	if err := expr.CheckUnused(r.names, r.values, used...); err != nil {
		return validationError(err.Error())
	}
	return nil
}

// scalarValues reports whether every value c's expressions use is a
// valid scalar in canonical form.
func (c *compiledExprs) scalarValues() bool {
	var refs [4][]string
	if c.update != nil {
		refs[0] = c.update.Values
	}
	for i, cond := range [...]*expr.ConditionExpr{c.condition, c.keyCondition, c.filter} {
		if cond != nil {
			refs[i+1] = cond.Values
		}
	}
	for _, list := range refs {
		for _, ref := range list {
			if _, ok := canonicalScalar(c.env.values[ref]); !ok {
				return false
			}
		}
	}
	return true
}

func (r exprRequest) text(kind expr.Kind) string {
	for _, e := range r.exprs.all() {
		if e.kind == kind {
			return e.text
		}
	}
	return ""
}

// checkValuesWithoutExpressions rejects ExpressionAttributeValues in a
// request with none of the expressions that take values, naming those
// the operation has: "...: UpdateExpression and ConditionExpression are
// null".
func checkValuesWithoutExpressions(r exprRequest) error {
	if r.values == nil {
		return nil
	}
	var takers []string
	for _, e := range r.exprs.all() {
		if e.kind == expr.Projection {
			continue
		}
		if e.text != "" {
			return nil
		}
		takers = append(takers, e.kind.String())
	}
	if len(takers) == 0 {
		return nil
	}
	verb := "is"
	if len(takers) > 1 {
		verb = "are"
	}
	return validationError("ExpressionAttributeValues can only be specified when using expressions: " + strings.Join(takers, " and ") + " " + verb + " null")
}

// canonicalValues validates ExpressionAttributeValues (in key order) and
// returns them in canonical form, with AWS's wrapping of the message. When
// every value is a canonical scalar, values itself is returned: it is only
// read.
func canonicalValues(values map[string]Value) (map[string]Value, error) {
	canonical := true
	for _, v := range values {
		if _, canonical = canonicalScalar(v); !canonical {
			break
		}
	}
	if canonical {
		return values, nil
	}
	out := make(map[string]Value, len(values))
	for _, k := range sortedKeys(nil, values) {
		v, _, err := canonicalValue(values[k])
		if err != nil {
			return nil, rephrased(err, func(msg string) string {
				return "ExpressionAttributeValues contains invalid value: " + msg + " for key " + k
			})
		}
		out[k] = v
	}
	return out, nil
}
