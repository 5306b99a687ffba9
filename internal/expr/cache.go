package expr

import (
	"container/list"
	"sync"
)

// Cache keeps parsed expressions, and the errors of those that failed, keyed
// by kind and text, so that a hot loop parses each expression once. It holds
// at most a fixed number of entries, evicting the least recently used. It is
// safe for concurrent use. The parsed expressions it returns are shared:
// treat them as read-only.
type Cache struct {
	mu    sync.Mutex
	max   int
	byKey map[cacheKey]*list.Element // values are *cacheEntry
	lru   list.List                  // most recently used first
}

type cacheKey struct {
	kind Kind
	text string
}

type cacheEntry struct {
	key cacheKey
	c   *compiled
}

// NewCache returns a cache of at most size expressions (at least one).
func NewCache(size int) *Cache {
	return &Cache{max: max(size, 1), byKey: make(map[cacheKey]*list.Element)}
}

// Condition is ParseCondition through the cache.
func (c *Cache) Condition(kind Kind, text string) (*ConditionExpr, error) {
	mustCondition(kind)
	return c.compile(kind, text).condition()
}

// Update is ParseUpdate through the cache.
func (c *Cache) Update(text string) (*UpdateExpr, error) {
	return c.compile(Update, text).updateExpr()
}

// Projection is ParseProjection through the cache.
func (c *Cache) Projection(text string) (*ProjectionExpr, error) {
	return c.compile(Projection, text).projection()
}

// Len returns the number of expressions in the cache.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lru.Len()
}

// compile returns the compiled expression for kind and text, compiling it on
// a miss. Text over the size limit is not kept: its error costs nothing to
// find again, and the cache's keys stay small.
func (c *Cache) compile(kind Kind, text string) *compiled {
	if len(text) > maxExpressionSize {
		return compile(kind, text)
	}
	key := cacheKey{kind, text}
	c.mu.Lock()
	if e, ok := c.byKey[key]; ok {
		c.lru.MoveToFront(e)
		c.mu.Unlock()
		return e.Value.(*cacheEntry).c
	}
	c.mu.Unlock()

	compiled := compile(kind, text)

	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.byKey[key]; ok { // compiled meanwhile by another goroutine
		c.lru.MoveToFront(e)
		return e.Value.(*cacheEntry).c
	}
	c.byKey[key] = c.lru.PushFront(&cacheEntry{key: key, c: compiled})
	if c.lru.Len() > c.max {
		oldest := c.lru.Back()
		c.lru.Remove(oldest)
		delete(c.byKey, oldest.Value.(*cacheEntry).key)
	}
	return compiled
}
