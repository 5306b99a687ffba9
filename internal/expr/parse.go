package expr

import (
	"runtime"
	"slices"
	"strconv"
)

// check is a category of problem the parser notes without stopping. After
// a parse without syntax errors, the expression is rejected with the first
// problem of the first category that has one, in an order that depends on
// the kind (see compiled.order): DynamoDB reports problems by category, not
// by position.
type check uint8

const (
	checkParens    check = iota // redundant parentheses
	checkPath                   // list index out of range, path too deep
	checkOperators              // too many operators
	checkFunction               // unknown function, or one of the other kind of expression
	checkMisuse                 // function used where it cannot be
	checkReserved               // reserved word as a bare name
	checkSection                // repeated update clause
	numChecks
)

// syntaxPanic is what the parser panics with on a syntax error: the index of
// the offending item. parse's recover turns it into an *Error.
type syntaxPanic int

// parser holds the state of one parse.
type parser struct {
	kind    Kind
	text    string
	items   []item
	pos     int // index of the next item
	ops     int // operators and functions counted so far
	fnDepth int // how many function calls enclose the current one
	found   [numChecks]*Error
	paths   []*PathNode  // every document path, in text order
	values  []*ValueNode // every :value, in text order
	funcs   []*FuncNode  // every function call, innermost first
	targets []*PathNode  // paths whose overlap is checked: update targets, projected paths
	scanned []int        // scanOperand's results by item: 0 unknown, end+1 if ok, -(end+1) if not
	alts    []int        // for each open choice (see choose), the furthest item a rejected alternative reached
}

// parse parses p.text as an expression of p.kind into c. It returns the
// syntax error, or else the first problem noted (see check).
func (p *parser) parse(c *compiled) (err error) {
	defer p.recover(&err)
	switch p.kind {
	case Update:
		c.update = p.parseUpdate()
		c.update.Text, c.update.Names, c.update.Values = p.text, p.names(), p.valueNames()
	case Projection:
		c.proj = &ProjectionExpr{Paths: p.parseProjection(), Text: p.text, Names: p.names()}
	default:
		c.cond = &ConditionExpr{Root: p.parseCondition(), Text: p.text, Names: p.names(), Values: p.valueNames()}
	}
	c.paths, c.values, c.funcs, c.targets = p.paths, p.values, p.funcs, p.targets
	for _, k := range c.order() {
		if e := p.found[k]; e != nil {
			return e
		}
	}
	return nil
}

// recover turns a syntax panic into the error it stands for. Runtime errors
// and anything else keep panicking: they are bugs.
func (p *parser) recover(errp *error) {
	e := recover()
	if e == nil {
		return
	}
	if _, ok := e.(runtime.Error); ok {
		panic(e)
	}
	s, ok := e.(syntaxPanic)
	if !ok {
		panic(e)
	}
	i := int(s)
	if n := len(p.alts); n > 0 {
		i = max(i, p.alts[n-1])
	}
	*errp = p.syntaxError(i)
}

// syntaxError returns DynamoDB's syntax error for item i. The token is the
// item's text ("<EOF>" at the end); "near" is the source text from the
// start of the item before it to the end of the item after it, without the
// end of input. So "SET _123" fails on "_" near "SET _123", "SET" on
// "<EOF>" near "SET", and "!!! INVALID !!!" on "!" near "!!".
func (p *parser) syntaxError(i int) *Error {
	it := p.items[i]
	token := it.val
	if it.typ == itemEOF {
		token = "<EOF>"
	}
	start, end := int(it.pos), int(it.pos)+len(it.val)
	if i > 0 {
		prev := p.items[i-1]
		start = int(prev.pos)
		if it.typ == itemEOF {
			end = int(prev.pos) + len(prev.val)
		}
	}
	if next := p.items[min(i+1, len(p.items)-1)]; next.typ != itemEOF {
		end = int(next.pos) + len(next.val)
	}
	return invalidf(p.kind, msgSyntax, token, p.text[start:end])
}

// unexpected returns the panic value for a syntax error at the next item.
func (p *parser) unexpected() syntaxPanic {
	return syntaxPanic(p.pos)
}

// choose records that the parser chose a rule after another alternative
// failed at item alt; done must be called when the chosen rule succeeds.
// A syntax error in between reports item alt if that is further on: DynamoDB's
// parser reports the furthest point any alternative reached.
func (p *parser) choose(alt int) {
	if n := len(p.alts); n > 0 {
		alt = max(alt, p.alts[n-1])
	}
	p.alts = append(p.alts, alt)
}

// done ends the last choice.
func (p *parser) done() {
	p.alts = p.alts[:len(p.alts)-1]
}

// peek returns the next item without consuming it.
func (p *parser) peek() item {
	return p.items[p.pos]
}

// next consumes and returns the next item. The final itemEOF is never
// consumed.
func (p *parser) next() item {
	it := p.items[p.pos]
	if it.typ != itemEOF {
		p.pos++
	}
	return it
}

// expect consumes the next item, which must be of type t.
func (p *parser) expect(t itemType) item {
	if p.peek().typ != t {
		panic(p.unexpected())
	}
	return p.next()
}

// note records e as a problem of category c, unless one was found already.
func (p *parser) note(c check, e *Error) {
	if p.found[c] == nil {
		p.found[c] = e
	}
}

// op counts an operator or a function that is not an argument of another
// function, against DynamoDB's limit of 300. Like DynamoDB, it reports the
// count at which the limit was passed, not the total.
func (p *parser) op() {
	p.ops++
	if p.ops == maxOperators+1 {
		p.note(checkOperators, invalidf(p.kind, msgOperators, p.ops))
	}
}

// operand parses an operand, reporting whether it was in parentheses:
//
//	operand = "(" operand ")" | path | VALUE | function
func (p *parser) operand() (n Node, parenthesized bool) {
	switch t := p.peek(); t.typ {
	case itemLeftParen:
		p.next()
		n, inner := p.operand()
		p.expect(itemRightParen)
		if inner {
			p.note(checkParens, invalidf(p.kind, msgParens))
		}
		return n, true
	case itemValueRef:
		p.next()
		v := &ValueNode{Pos: t.pos, Name: t.val}
		p.values = append(p.values, v)
		return v, false
	case itemName:
		if p.items[p.pos+1].typ == itemLeftParen {
			return p.function(), false
		}
		return p.path(), false
	case itemNameRef:
		return p.path(), false
	}
	panic(p.unexpected())
}

// function parses a function call; the next item is its name:
//
//	function = NAME "(" operand { "," operand } ")"
func (p *parser) function() *FuncNode {
	name := p.next()
	p.expect(itemLeftParen)
	if p.fnDepth == 0 {
		p.op()
	}
	p.fnDepth++
	f := &FuncNode{Pos: name.pos, Name: name.val}
	for {
		arg, _ := p.operand()
		f.Args = append(f.Args, arg)
		if p.peek().typ != itemComma {
			break
		}
		p.next()
	}
	p.expect(itemRightParen)
	p.fnDepth--
	p.funcs = append(p.funcs, f)
	p.checkFunction(f)
	return f
}

// path parses a document path:
//
//	path = name { "." name | "[" INDEX "]" }
//	name = NAME | NAMEREF
func (p *parser) path() *PathNode {
	n := &PathNode{Pos: p.peek().pos, Elems: []PathElem{p.pathName()}}
	for {
		switch p.peek().typ {
		case itemDot:
			p.next()
			n.Elems = append(n.Elems, p.pathName())
			continue
		case itemLeftBracket:
			p.next()
			n.Elems = append(n.Elems, p.index(p.expect(itemIndex)))
			p.expect(itemRightBracket)
			continue
		}
		break
	}
	if len(n.Elems) > maxPathDepth {
		p.note(checkPath, invalidf(p.kind, msgPathDepth, len(n.Elems)))
	}
	p.paths = append(p.paths, n)
	return n
}

// pathName parses a name or a #placeholder in a path. A bare name must not
// be a reserved word; a placeholder may stand for anything.
func (p *parser) pathName() PathElem {
	switch t := p.peek(); t.typ {
	case itemName:
		if isReserved(t.val) {
			p.note(checkReserved, invalidf(p.kind, msgReserved, t.val))
		}
		fallthrough
	case itemNameRef:
		p.next()
		return PathElem{Name: t.val}
	}
	panic(p.unexpected())
}

// index returns the list index element for item t.
func (p *parser) index(t item) PathElem {
	i, err := strconv.ParseInt(t.val, 10, 64)
	if err != nil || i > maxListIndex {
		p.note(checkPath, invalidf(p.kind, msgIndexRange, t.val))
		i = 0
	}
	return PathElem{Index: int(i), IsIndex: true}
}

// names returns the #placeholders of the expression, sorted, without
// duplicates.
func (p *parser) names() []string {
	var refs []string
	for _, n := range p.paths {
		for _, e := range n.Elems {
			if e.isRef() {
				refs = append(refs, e.Name)
			}
		}
	}
	slices.Sort(refs)
	return slices.Compact(refs)
}

// valueNames returns the :placeholders of the expression, sorted, without
// duplicates.
func (p *parser) valueNames() []string {
	var refs []string
	for _, v := range p.values {
		refs = append(refs, v.Name)
	}
	slices.Sort(refs)
	return slices.Compact(refs)
}

// scanOperand reports where the operand that starts at item i ends, without
// building it or noting anything: it is how the parser looks ahead to choose
// between alternatives that both start with "(". On failure it returns the
// index of the item that does not fit. Results are remembered, so that
// scanning ahead stays linear in the length of the input however deeply
// parentheses nest.
func (p *parser) scanOperand(i int) (end int, ok bool) {
	if p.scanned == nil {
		p.scanned = make([]int, len(p.items))
	}
	if r := p.scanned[i]; r != 0 {
		if r > 0 {
			return r - 1, true
		}
		return -r - 1, false
	}
	end, ok = p.scanOperandAt(i)
	if ok {
		p.scanned[i] = end + 1
	} else {
		p.scanned[i] = -end - 1
	}
	return end, ok
}

// scanOperandAt is scanOperand without the memory.
func (p *parser) scanOperandAt(i int) (end int, ok bool) {
	switch p.items[i].typ {
	case itemLeftParen:
		end, ok = p.scanOperand(i + 1)
		if !ok || p.items[end].typ != itemRightParen {
			return end, false
		}
		return end + 1, true
	case itemValueRef:
		return i + 1, true
	case itemName:
		if p.items[i+1].typ != itemLeftParen {
			return p.scanPath(i + 1)
		}
		for i += 2; ; i = end + 1 {
			if end, ok = p.scanOperand(i); !ok {
				return end, false
			}
			switch p.items[end].typ {
			case itemRightParen:
				return end + 1, true
			case itemComma:
			default:
				return end, false
			}
		}
	case itemNameRef:
		return p.scanPath(i + 1)
	}
	return i, false
}

// scanPath is scanOperand for the rest of a path, from item i on.
func (p *parser) scanPath(i int) (end int, ok bool) {
	for {
		switch p.items[i].typ {
		case itemDot:
			if t := p.items[i+1].typ; t != itemName && t != itemNameRef {
				return i + 1, false
			}
			i += 2
		case itemLeftBracket:
			if p.items[i+1].typ != itemIndex {
				return i + 1, false
			}
			if p.items[i+2].typ != itemRightBracket {
				return i + 2, false
			}
			i += 3
		default:
			return i, true
		}
	}
}
