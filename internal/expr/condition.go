package expr

// ConditionExpr is a parsed ConditionExpression, FilterExpression or
// KeyConditionExpression.
type ConditionExpr struct {
	// Root is the condition: a *CompareNode, *BetweenNode, *InNode,
	// *AndNode, *OrNode, *NotNode or a boolean *FuncNode.
	Root Node
	// Text is the expression as given.
	Text string
	// Names are the #placeholders used, sorted, without duplicates.
	Names []string
	// Values are the :placeholders used, sorted, without duplicates.
	Values []string
}

// String prints the condition as canonical text (see Node).
func (c *ConditionExpr) String() string { return c.Root.String() }

func (c *ConditionExpr) placeholders() (names, values []string) {
	if c == nil {
		return nil, nil
	}
	return c.Names, c.Values
}

// ParseCondition parses and checks a condition of the given kind, which must
// be Condition, Filter or KeyCondition (another kind panics). It makes every
// check that does not need ExpressionAttributeNames or
// ExpressionAttributeValues, taking each placeholder as defined and standing
// for itself; Binder.Condition makes them all, in DynamoDB's order. The rules
// particular to key conditions are the caller's, who knows the key schema.
func ParseCondition(kind Kind, text string) (*ConditionExpr, error) {
	mustCondition(kind)
	return compile(kind, text).condition()
}

// parseCondition parses a whole condition expression:
//
//	start = condition EOF
func (p *parser) parseCondition() Node {
	n, _ := p.condition()
	p.expect(itemEOF)
	p.checkCondition(n)
	return n
}

// condition parses a disjunction, reporting whether it is a parenthesized
// condition and nothing more. OR groups to the right, as in DynamoDB:
//
//	condition = conjunction { OR conjunction }
func (p *parser) condition() (n Node, grouped bool) {
	n, grouped = p.conjunction()
	if p.peek().typ != itemOr {
		return n, grouped
	}
	terms := []Node{n}
	for p.peek().typ == itemOr {
		p.next()
		p.op()
		n, _ = p.conjunction()
		terms = append(terms, n)
	}
	for i := len(terms) - 2; i >= 0; i-- {
		p.checkCondition(terms[i], n)
		n = &OrNode{Pos: terms[i].Position(), L: terms[i], R: n}
	}
	return n, false
}

// conjunction parses a conjunction. AND groups to the right:
//
//	conjunction = negation { AND negation }
func (p *parser) conjunction() (n Node, grouped bool) {
	n, grouped = p.negation()
	if p.peek().typ != itemAnd {
		return n, grouped
	}
	terms := []Node{n}
	for p.peek().typ == itemAnd {
		p.next()
		p.op()
		n, _ = p.negation()
		terms = append(terms, n)
	}
	for i := len(terms) - 2; i >= 0; i-- {
		p.checkCondition(terms[i], n)
		n = &AndNode{Pos: terms[i].Position(), L: terms[i], R: n}
	}
	return n, false
}

// negation parses a negation, or the condition it would negate:
//
//	negation = NOT negation | primary
func (p *parser) negation() (n Node, grouped bool) {
	t := p.peek()
	if t.typ != itemNot {
		return p.primary()
	}
	p.next()
	p.op()
	x, _ := p.negation()
	p.checkCondition(x)
	return &NotNode{Pos: t.pos, X: x}, false
}

// primary parses a parenthesized condition, a comparison or a function:
//
//	primary = "(" condition ")" | comparison | function
//
// A "(" may open a condition or the first operand of a comparison, as in
// "(a) = b"; the parser scans ahead to the matching ")" to choose.
func (p *parser) primary() (n Node, grouped bool) {
	switch t := p.peek(); {
	case t.typ == itemLeftParen:
		end, ok := p.scanOperand(p.pos)
		if ok && isComparison(p.items[end].typ) {
			left, _ := p.operand()
			return p.comparison(left), false
		}
		return p.grouping(end), true
	case t.typ == itemName && p.items[p.pos+1].typ == itemLeftParen:
		f := p.function()
		if isComparison(p.peek().typ) {
			return p.comparison(f), false
		}
		return f, false
	}
	left, _ := p.operand()
	return p.comparison(left), false
}

// grouping parses a parenthesized condition. Reading the "(" as the start of
// an operand failed at item alt.
//
//	grouping = "(" condition ")"
func (p *parser) grouping(alt int) Node {
	p.choose(alt)
	p.next()
	n, grouped := p.condition()
	p.expect(itemRightParen)
	p.done()
	if grouped {
		p.note(checkParens, invalidf(p.kind, msgParens))
	}
	return n
}

// comparison parses the rest of a comparison whose first operand is left:
//
//	comparison = operand comparator operand
//	           | operand BETWEEN operand AND operand
//	           | operand IN "(" operand { "," operand } ")"
//	comparator = "=" | "<>" | "<" | "<=" | ">" | ">="
func (p *parser) comparison(left Node) Node {
	t := p.peek()
	switch t.typ {
	case itemEq, itemNe, itemLt, itemLe, itemGt, itemGe:
		p.next()
		p.op()
		right, _ := p.operand()
		p.checkOperands(left, right)
		return &CompareNode{Pos: left.Position(), Op: t.val, L: left, R: right}
	case itemBetween:
		p.next()
		p.op()
		lo, _ := p.operand()
		p.expect(itemAnd)
		hi, _ := p.operand()
		p.checkOperands(left, lo, hi)
		return &BetweenNode{Pos: left.Position(), X: left, Lo: lo, Hi: hi}
	case itemIn:
		p.next()
		p.op()
		p.expect(itemLeftParen)
		n := &InNode{Pos: left.Position(), X: left}
		for {
			o, _ := p.operand()
			n.List = append(n.List, o)
			if p.peek().typ != itemComma {
				break
			}
			p.next()
		}
		p.expect(itemRightParen)
		p.checkOperands(left)
		p.checkOperands(n.List...)
		return n
	}
	panic(p.unexpected())
}

// isComparison reports whether an item of type t continues an operand into
// a comparison.
func isComparison(t itemType) bool {
	switch t {
	case itemEq, itemNe, itemLt, itemLe, itemGt, itemGe, itemBetween, itemIn:
		return true
	}
	return false
}
