package expr

import "strings"

// UpdateExpr is a parsed UpdateExpression. Each clause keeps its actions in
// the order written; the clauses themselves may come in any order.
type UpdateExpr struct {
	Set    []SetAction
	Remove []*PathNode
	Add    []AddAction
	Delete []DeleteAction
	// Text is the expression as given.
	Text string
	// Names are the #placeholders used, sorted, without duplicates.
	Names []string
	// Values are the :placeholders used, sorted, without duplicates.
	Values []string
}

// SetAction is one action of a SET clause: Path = Value.
type SetAction struct {
	Path *PathNode
	// Value is an operand (*PathNode, *ValueNode), a call of if_not_exists
	// or list_append (*FuncNode, whose operands may be further calls of
	// if_not_exists), or a sum or difference of two of those (*ArithNode).
	Value Node
}

// AddAction is one action of an ADD clause: Path Value.
type AddAction struct {
	Path  *PathNode
	Value *ValueNode
}

// DeleteAction is one action of a DELETE clause: Path Value.
type DeleteAction struct {
	Path  *PathNode
	Value *ValueNode
}

// String prints the expression as canonical text, the clauses in the order
// SET, REMOVE, ADD, DELETE: "SET a = :v, b = b + :n REMOVE c ADD d :x DELETE e :y".
func (u *UpdateExpr) String() string {
	var sb strings.Builder
	clause := func(keyword string, n int, action func(i int)) {
		if n == 0 {
			return
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(keyword)
		for i := range n {
			if i > 0 {
				sb.WriteByte(',')
			}
			sb.WriteByte(' ')
			action(i)
		}
	}
	clause("SET", len(u.Set), func(i int) {
		u.Set[i].Path.writeTo(&sb)
		sb.WriteString(" = ")
		u.Set[i].Value.writeTo(&sb)
	})
	clause("REMOVE", len(u.Remove), func(i int) { u.Remove[i].writeTo(&sb) })
	clause("ADD", len(u.Add), func(i int) {
		u.Add[i].Path.writeTo(&sb)
		sb.WriteByte(' ')
		sb.WriteString(u.Add[i].Value.Name)
	})
	clause("DELETE", len(u.Delete), func(i int) {
		u.Delete[i].Path.writeTo(&sb)
		sb.WriteByte(' ')
		sb.WriteString(u.Delete[i].Value.Name)
	})
	return sb.String()
}

func (u *UpdateExpr) placeholders() (names, values []string) {
	if u == nil {
		return nil, nil
	}
	return u.Names, u.Values
}

// ParseUpdate parses and checks an UpdateExpression. It makes every check
// that does not need ExpressionAttributeNames or ExpressionAttributeValues,
// taking each placeholder as defined and standing for itself (so paths
// overlap only if written alike); Binder.Update makes them all, in
// DynamoDB's order. The types of the :values are the caller's to check.
func ParseUpdate(text string) (*UpdateExpr, error) {
	return compile(Update, text).updateExpr()
}

// parseUpdate parses a whole update expression:
//
//	start  = clause { clause } EOF
//	clause = SET set { "," set } | REMOVE path { "," path }
//	       | ADD path VALUE { "," path VALUE } | DELETE path VALUE { "," path VALUE }
func (p *parser) parseUpdate() *UpdateExpr {
	u := &UpdateExpr{}
	var seen [itemSet + 1]bool
	for {
		t := p.peek()
		switch t.typ {
		case itemSet, itemRemove, itemAdd, itemDelete:
		default:
			panic(p.unexpected())
		}
		p.next()
		if seen[t.typ] {
			p.note(checkSection, invalidf(p.kind, msgSection, strings.ToUpper(t.val)))
		}
		seen[t.typ] = true
		for {
			switch t.typ {
			case itemSet:
				u.Set = append(u.Set, p.set())
			case itemRemove:
				u.Remove = append(u.Remove, p.target())
			case itemAdd:
				path, v := p.target(), p.value()
				u.Add = append(u.Add, AddAction{Path: path, Value: v})
			case itemDelete:
				path, v := p.target(), p.value()
				u.Delete = append(u.Delete, DeleteAction{Path: path, Value: v})
			}
			if p.peek().typ != itemComma {
				break
			}
			p.next()
		}
		if p.peek().typ == itemEOF {
			return u
		}
	}
}

// target parses the path an action updates.
func (p *parser) target() *PathNode {
	n := p.path()
	p.targets = append(p.targets, n)
	return n
}

// value parses the :value of an ADD or DELETE action.
func (p *parser) value() *ValueNode {
	t := p.expect(itemValueRef)
	v := &ValueNode{Pos: t.pos, Name: t.val}
	p.values = append(p.values, v)
	return v
}

// set parses a SET action. Its value may be an operand, in parentheses or
// not, or a sum or difference, in at most one pair of parentheses; the
// parser scans ahead to tell "(a)" from "(a + b)".
//
//	set = path "=" ( operand | arithmetic )
func (p *parser) set() SetAction {
	a := SetAction{Path: p.target()}
	p.expect(itemEq)
	if p.peek().typ == itemLeftParen {
		if end, ok := p.scanOperand(p.pos); ok && !isArithmetic(p.items[end].typ) {
			a.Value, _ = p.operand()
			return a
		}
		a.Value, _ = p.arithmetic()
		return a
	}
	left, _ := p.operand()
	if isArithmetic(p.peek().typ) {
		a.Value = p.plusMinus(left)
	} else {
		a.Value = left
	}
	return a
}

// arithmetic parses a sum or difference, reporting whether it was in
// parentheses:
//
//	arithmetic = operand ( "+" | "-" ) operand | "(" arithmetic ")"
func (p *parser) arithmetic() (n Node, parenthesized bool) {
	if p.peek().typ == itemLeftParen {
		end, ok := p.scanOperand(p.pos)
		if !ok || !isArithmetic(p.items[end].typ) {
			return p.arithmeticGroup(end), true
		}
	}
	left, _ := p.operand()
	return p.plusMinus(left), false
}

// arithmeticGroup parses a parenthesized sum or difference. Reading the "("
// as the start of an operand failed at item alt.
func (p *parser) arithmeticGroup(alt int) Node {
	p.choose(alt)
	p.next()
	n, inner := p.arithmetic()
	p.expect(itemRightParen)
	p.done()
	if inner {
		p.note(checkParens, invalidf(p.kind, msgParens))
	}
	return n
}

// plusMinus parses the rest of a sum or difference whose first operand is
// left.
func (p *parser) plusMinus(left Node) Node {
	t := p.peek()
	if !isArithmetic(t.typ) {
		panic(p.unexpected())
	}
	p.next()
	p.op()
	right, _ := p.operand()
	return &ArithNode{Pos: left.Position(), Op: t.val[0], L: left, R: right}
}

// isArithmetic reports whether an item of type t continues an operand into
// a sum or difference.
func isArithmetic(t itemType) bool {
	return t == itemPlus || t == itemMinus
}
