package expr

import (
	"strconv"
	"strings"
)

// Pos is a byte offset in the text of an expression.
type Pos int

// Position returns p. Nodes embed Pos, so every node has this method.
func (p Pos) Position() Pos { return p }

// Node is an element of a parsed expression. Operands are *PathNode,
// *ValueNode, *FuncNode and (in SET values) *ArithNode; conditions are
// *CompareNode, *BetweenNode, *InNode, *AndNode, *OrNode, *NotNode and a
// *FuncNode that yields a boolean. Parsed trees are shared through the
// cache: treat them as read-only.
type Node interface {
	// Position is the byte offset of the node's first token; parentheses
	// around the node are not part of it.
	Position() Pos
	// String prints the node as canonical expression text: single spaces,
	// upper-case keywords, and parentheses only around an OR inside AND or
	// NOT and an AND inside NOT. Parsing the text gives the same tree, up to
	// the grouping of a run of ANDs or ORs, which does not change its value.
	String() string
	writeTo(sb *strings.Builder)
	node()
}

// PathElem is one element of a document path: a name, or a list index.
type PathElem struct {
	// Name is the name as written: "a", or "#b" for a placeholder that
	// Resolve has not yet replaced. Empty for an index.
	Name string
	// Index is the list index; meaningful only when IsIndex.
	Index int
	// IsIndex tells a list index ([2]) from a name.
	IsIndex bool
}

// isRef reports whether e is a #placeholder still to be resolved.
func (e PathElem) isRef() bool {
	return !e.IsIndex && strings.HasPrefix(e.Name, "#")
}

// PathNode is a document path, such as a.#b[2].c.
type PathNode struct {
	Pos
	Elems []PathElem
}

// ValueNode is a :value placeholder.
type ValueNode struct {
	Pos
	Name string // with the colon: ":v"
}

// FuncNode is a function call: size(a), attribute_exists(a),
// attribute_not_exists(a), attribute_type(a, :t), begins_with(a, :v),
// contains(a, :v), and in SET values if_not_exists(a, :v) and
// list_append(a, :v). Function names are case-sensitive.
type FuncNode struct {
	Pos
	Name string
	Args []Node
}

// ArithNode is L + R or L - R, found only in UpdateExpression SET values.
type ArithNode struct {
	Pos
	Op   byte // '+' or '-'
	L, R Node
}

// CompareNode is L Op R, Op being one of = <> < <= > >=.
type CompareNode struct {
	Pos
	Op   string
	L, R Node
}

// BetweenNode is X BETWEEN Lo AND Hi.
type BetweenNode struct {
	Pos
	X, Lo, Hi Node
}

// InNode is X IN (List[0], List[1], ...).
type InNode struct {
	Pos
	X    Node
	List []Node
}

// AndNode is L AND R.
type AndNode struct {
	Pos
	L, R Node
}

// OrNode is L OR R.
type OrNode struct {
	Pos
	L, R Node
}

// NotNode is NOT X.
type NotNode struct {
	Pos
	X Node
}

func (*PathNode) node()    {}
func (*ValueNode) node()   {}
func (*FuncNode) node()    {}
func (*ArithNode) node()   {}
func (*CompareNode) node() {}
func (*BetweenNode) node() {}
func (*InNode) node()      {}
func (*AndNode) node()     {}
func (*OrNode) node()      {}
func (*NotNode) node()     {}

// nodeString prints n with its writeTo method.
func nodeString(n Node) string {
	var sb strings.Builder
	n.writeTo(&sb)
	return sb.String()
}

// String prints the path: a.#b[2].c.
func (n *PathNode) String() string { return nodeString(n) }

// String prints the placeholder: :v.
func (n *ValueNode) String() string { return n.Name }

// String prints the call: begins_with(a, :v).
func (n *FuncNode) String() string { return nodeString(n) }

// String prints the sum or difference: a + :n.
func (n *ArithNode) String() string { return nodeString(n) }

// String prints the comparison: a <= :v.
func (n *CompareNode) String() string { return nodeString(n) }

// String prints the range test: x BETWEEN :lo AND :hi.
func (n *BetweenNode) String() string { return nodeString(n) }

// String prints the membership test: x IN (:a, :b).
func (n *InNode) String() string { return nodeString(n) }

// String prints the conjunction: a = :v AND (b < :w OR c > :x).
func (n *AndNode) String() string { return nodeString(n) }

// String prints the disjunction: a = :v OR b < :w AND c > :x.
func (n *OrNode) String() string { return nodeString(n) }

// String prints the negation: NOT attribute_exists(a).
func (n *NotNode) String() string { return nodeString(n) }

func (n *PathNode) writeTo(sb *strings.Builder) {
	for i, e := range n.Elems {
		switch {
		case e.IsIndex:
			sb.WriteByte('[')
			sb.WriteString(strconv.Itoa(e.Index))
			sb.WriteByte(']')
		case i > 0:
			sb.WriteByte('.')
			sb.WriteString(e.Name)
		default:
			sb.WriteString(e.Name)
		}
	}
}

func (n *ValueNode) writeTo(sb *strings.Builder) { sb.WriteString(n.Name) }

func (n *FuncNode) writeTo(sb *strings.Builder) {
	sb.WriteString(n.Name)
	sb.WriteByte('(')
	writeList(sb, n.Args)
	sb.WriteByte(')')
}

func (n *ArithNode) writeTo(sb *strings.Builder) {
	n.L.writeTo(sb)
	sb.WriteByte(' ')
	sb.WriteByte(n.Op)
	sb.WriteByte(' ')
	n.R.writeTo(sb)
}

func (n *CompareNode) writeTo(sb *strings.Builder) {
	n.L.writeTo(sb)
	sb.WriteByte(' ')
	sb.WriteString(n.Op)
	sb.WriteByte(' ')
	n.R.writeTo(sb)
}

func (n *BetweenNode) writeTo(sb *strings.Builder) {
	n.X.writeTo(sb)
	sb.WriteString(" BETWEEN ")
	n.Lo.writeTo(sb)
	sb.WriteString(" AND ")
	n.Hi.writeTo(sb)
}

func (n *InNode) writeTo(sb *strings.Builder) {
	n.X.writeTo(sb)
	sb.WriteString(" IN (")
	writeList(sb, n.List)
	sb.WriteByte(')')
}

func (n *AndNode) writeTo(sb *strings.Builder) {
	writeOperand(sb, n.L, precAnd)
	sb.WriteString(" AND ")
	writeOperand(sb, n.R, precAnd)
}

func (n *OrNode) writeTo(sb *strings.Builder) {
	writeOperand(sb, n.L, precOr)
	sb.WriteString(" OR ")
	writeOperand(sb, n.R, precOr)
}

func (n *NotNode) writeTo(sb *strings.Builder) {
	sb.WriteString("NOT ")
	writeOperand(sb, n.X, precNot)
}

// writeList writes nodes separated by ", ".
func writeList(sb *strings.Builder, nodes []Node) {
	for i, n := range nodes {
		if i > 0 {
			sb.WriteString(", ")
		}
		n.writeTo(sb)
	}
}

// The precedence of the logical operators, loosest first; every other
// condition binds tighter than NOT.
const (
	precOr = iota + 1
	precAnd
	precNot
	precAtom
)

// precedence returns how tightly the condition n binds.
func precedence(n Node) int {
	switch n.(type) {
	case *OrNode:
		return precOr
	case *AndNode:
		return precAnd
	case *NotNode:
		return precNot
	}
	return precAtom
}

// writeOperand writes n, an operand of a logical operator of precedence
// prec, in parentheses if it binds more loosely than the operator.
func writeOperand(sb *strings.Builder, n Node, prec int) {
	if precedence(n) >= prec {
		n.writeTo(sb)
		return
	}
	sb.WriteByte('(')
	n.writeTo(sb)
	sb.WriteByte(')')
}
