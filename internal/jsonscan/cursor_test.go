package jsonscan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCursor_MovesPastWhiteSpaceBytesAndKeywords(t *testing.T) {
	c := Cursor{Data: []byte(" \t\r\n{ true,null ")}
	assert.Equal(t, byte('{'), c.Peek())
	assert.Equal(t, 4, c.Pos, "Peek passes white space only")
	assert.False(t, c.Consume('['))
	assert.True(t, c.Consume('{'))
	assert.False(t, c.Literal("false"))
	assert.True(t, c.Literal("true"))
	assert.True(t, c.Consume(','))
	assert.True(t, c.Literal("null"))
	assert.Equal(t, byte(0), c.Peek(), "0 at the end")
	assert.Equal(t, len(c.Data), c.Pos)
}

func TestCursor_LiteralCutShortAtTheEnd(t *testing.T) {
	c := Cursor{Data: []byte("tru")}
	assert.False(t, c.Literal("true"))
	assert.Equal(t, 0, c.Pos)
	assert.False(t, c.Consume('x'))
}
