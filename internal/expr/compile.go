package expr

// compiled is an expression after parsing: the parsed expression with the
// facts the later checks need, or the error that rejected it before any
// attribute map was consulted. The cache keeps these.
type compiled struct {
	kind    Kind
	cond    *ConditionExpr
	update  *UpdateExpr
	proj    *ProjectionExpr
	paths   []*PathNode  // every document path, in text order
	values  []*ValueNode // every :value, in text order
	funcs   []*FuncNode  // every function call, innermost first
	targets []*PathNode  // update targets or projected paths, in text order
	err     error        // the first error found by parsing
	static  error        // the first error of bind(identity{}), if err is nil
}

// compile parses and checks text as an expression of kind k. The size limit
// is checked first, on the raw bytes, so no input makes the parser work hard:
// the limit also bounds how deeply the parser recurses.
func compile(k Kind, text string) *compiled {
	c := &compiled{kind: k}
	switch {
	case len(text) == 0:
		c.err = invalidf(k, msgEmpty)
	case len(text) > maxExpressionSize:
		c.err = invalidf(k, msgSize, len(text))
	default:
		p := &parser{kind: k, text: text, items: lex(text)}
		if c.err = p.parse(c); c.err == nil {
			c.static = c.bind(identity{})
		}
	}
	return c
}

// The categories of parse-time problems, in the order in which DynamoDB
// reports them for each grammar.
var (
	conditionOrder  = []check{checkParens, checkPath, checkOperators, checkFunction, checkMisuse, checkReserved}
	updateOrder     = []check{checkParens, checkPath, checkOperators, checkReserved, checkFunction, checkMisuse, checkSection}
	projectionOrder = []check{checkPath, checkReserved}
)

// order returns the categories of parse-time problems for c's kind.
func (c *compiled) order() []check {
	switch c.kind {
	case Update:
		return updateOrder
	case Projection:
		return projectionOrder
	}
	return conditionOrder
}

// condition returns the result of ParseCondition.
func (c *compiled) condition() (*ConditionExpr, error) {
	if err := c.firstError(); err != nil {
		return nil, err
	}
	return c.cond, nil
}

// updateExpr returns the result of ParseUpdate.
func (c *compiled) updateExpr() (*UpdateExpr, error) {
	if err := c.firstError(); err != nil {
		return nil, err
	}
	return c.update, nil
}

// projection returns the result of ParseProjection.
func (c *compiled) projection() (*ProjectionExpr, error) {
	if err := c.firstError(); err != nil {
		return nil, err
	}
	return c.proj, nil
}

// firstError returns the parse error, or else the first error of the checks
// that come after it.
func (c *compiled) firstError() error {
	if c.err != nil {
		return c.err
	}
	return c.static
}

// bind makes the checks that follow parsing, with b to look placeholders up.
func (c *compiled) bind(b binding) error {
	switch c.kind {
	case Update:
		return c.bindUpdate(b)
	case Projection:
		return c.bindProjection(b)
	}
	return bindCondition(c.kind, c.cond.Root, b)
}
