package expr

import "strings"

// ProjectionExpr is a parsed ProjectionExpression.
type ProjectionExpr struct {
	// Paths are the projected document paths, in the order written.
	Paths []*PathNode
	// Text is the expression as given.
	Text string
	// Names are the #placeholders used, sorted, without duplicates.
	Names []string
}

// String prints the projection as canonical text: "a, b.c[0]".
func (e *ProjectionExpr) String() string {
	var sb strings.Builder
	for i, n := range e.Paths {
		if i > 0 {
			sb.WriteString(", ")
		}
		n.writeTo(&sb)
	}
	return sb.String()
}

func (e *ProjectionExpr) placeholders() (names, values []string) {
	if e == nil {
		return nil, nil
	}
	return e.Names, nil
}

// ParseProjection parses and checks a ProjectionExpression. It makes every
// check that does not need ExpressionAttributeNames, taking each placeholder
// as defined and standing for itself (so paths overlap only if written
// alike); Binder.Projection makes them all.
func ParseProjection(text string) (*ProjectionExpr, error) {
	return compile(Projection, text).projection()
}

// parseProjection parses a whole projection expression:
//
//	start = path { "," path } EOF
func (p *parser) parseProjection() []*PathNode {
	for {
		p.target()
		if p.peek().typ != itemComma {
			break
		}
		p.next()
	}
	p.expect(itemEOF)
	return p.targets
}
