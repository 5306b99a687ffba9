package jsonscan

// Cursor is a position in JSON text.
type Cursor struct {
	Data []byte
	Pos  int
}

// Space moves past JSON white space.
func (c *Cursor) Space() {
	for c.Pos < len(c.Data) {
		switch c.Data[c.Pos] {
		case ' ', '\t', '\n', '\r':
			c.Pos++
		default:
			return
		}
	}
}

// Peek returns the next byte after white space, or 0 at the end.
func (c *Cursor) Peek() byte {
	c.Space()
	if c.Pos >= len(c.Data) {
		return 0
	}
	return c.Data[c.Pos]
}

// Consume moves past white space and b, reporting whether b was next;
// if not, only the white space is passed.
func (c *Cursor) Consume(b byte) bool {
	if c.Peek() != b {
		return false
	}
	c.Pos++
	return true
}

// Literal moves past white space and the keyword lit (true, false,
// null), reporting whether lit was next; if not, only the white space is
// passed.
func (c *Cursor) Literal(lit string) bool {
	c.Space()
	if len(c.Data)-c.Pos < len(lit) || string(c.Data[c.Pos:c.Pos+len(lit)]) != lit {
		return false
	}
	c.Pos += len(lit)
	return true
}
