package expr

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCache_Hit_ReturnsTheSameExpression(t *testing.T) {
	c := NewCache(4)
	a, err := c.Condition(Condition, "a = :v")
	require.NoError(t, err)
	b, err := c.Condition(Condition, "a = :v")
	require.NoError(t, err)
	assert.Same(t, a, b)
	assert.Equal(t, 1, c.Len())
}

func TestCache_KeyIncludesKind(t *testing.T) {
	c := NewCache(4)
	_, err := c.Condition(Condition, "a")
	assert.EqualError(t, err, `Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "a"`)
	_, err = c.Condition(Filter, "a")
	assert.EqualError(t, err, `Invalid FilterExpression: Syntax error; token: "<EOF>", near: "a"`)
	_, err = c.Projection("a")
	assert.NoError(t, err)
	assert.Equal(t, 3, c.Len())
}

func TestCache_Errors_AreCached(t *testing.T) {
	c := NewCache(4)
	_, err1 := c.Update("SET a = b * c")
	_, err2 := c.Update("SET a = b * c")
	require.Error(t, err1)
	assert.Same(t, err1, err2)
	_, err1 = c.Update("SET a = :v REMOVE a")
	_, err2 = c.Update("SET a = :v REMOVE a")
	require.Error(t, err1)
	assert.Same(t, err1, err2)
	assert.Equal(t, 2, c.Len())
}

func TestCache_Eviction_DropsLeastRecentlyUsed(t *testing.T) {
	c := NewCache(2)
	a, _ := c.Projection("a")
	_, _ = c.Projection("b")
	_, _ = c.Projection("a") // a is now the most recently used
	_, _ = c.Projection("c") // evicts b
	assert.Equal(t, 2, c.Len())
	again, _ := c.Projection("a")
	assert.Same(t, a, again)
	_, _ = c.Projection("b") // compiled again, evicts c
	assert.Equal(t, 2, c.Len())
}

func TestCache_SizeBelowOne_KeepsOne(t *testing.T) {
	c := NewCache(0)
	_, _ = c.Projection("a")
	_, _ = c.Projection("b")
	assert.Equal(t, 1, c.Len())
}

func TestCache_OversizedText_IsNotKept(t *testing.T) {
	c := NewCache(4)
	_, err := c.Projection(strings.Repeat("a", 5000))
	assert.EqualError(t, err, "Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size; expression size: 5000")
	assert.Equal(t, 0, c.Len())
}

func TestCache_ConcurrentUse_IsSafeAndBounded(t *testing.T) {
	c := NewCache(16)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				text := fmt.Sprintf("a%d = :v", (i*7+g)%40)
				got, err := c.Condition(Condition, text)
				if assert.NoError(t, err) {
					assert.Equal(t, text, got.String())
				}
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 16, c.Len())
}

func TestCache_Condition_OtherKind_Panics(t *testing.T) {
	assert.Panics(t, func() { _, _ = NewCache(1).Condition(Projection, "a") })
}
