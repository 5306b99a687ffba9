package ddbaws

// block hands out values of one type from larger allocations (blocks), so
// that converting an item, or a page of items, takes a few allocations
// instead of one a value.
// Unless told what to expect (start, expect), the first block holds
// minBlock values, or just the slice taken first, and each next one
// doubles, up to maxBlock. A value
// handed out keeps its block alive (at most a few KB) as long as the
// caller keeps the value. The zero block is ready to use; a block is used
// by one conversion at a time.
type block[T any] struct {
	free []T // the room left in the current block
	size int // the length of the current block
	used int // values handed out so far
	want int // the length of the next block, if set by expect
}

// Block sizes, in values.
const (
	minBlock = 4
	maxBlock = 256
)

// next stores v in the block and returns its address. Values already
// handed out stay where they are: a full block is left to them, never
// grown.
func (b *block[T]) next(v T) *T {
	if len(b.free) == 0 {
		b.grow(minBlock)
	}
	p := &b.free[0]
	*p = v
	b.free = b.free[1:]
	b.used++
	return p
}

// take returns n zero values of the block as a slice whose capacity is n,
// so that appending to it reallocates instead of reaching the values
// handed out after it. n of maxBlock or more get an allocation of their
// own. take(0) is empty but not nil.
func (b *block[T]) take(n int) []T {
	b.used += n
	if n == 0 {
		return []T{}
	}
	if n >= maxBlock {
		return make([]T, n)
	}
	if n > len(b.free) {
		b.grow(n)
	}
	s := b.free[:n:n]
	b.free = b.free[n:]
	return s
}

// clone returns a copy of src taken from the block; nil stays nil.
func (b *block[T]) clone(src []T) []T {
	if src == nil {
		return nil
	}
	out := b.take(len(src))
	copy(out, src)
	return out
}

// grow starts a new block with room for at least n values.
func (b *block[T]) grow(n int) {
	b.size = max(min(2*b.size, maxBlock), n, b.want)
	b.want = 0
	b.free = make([]T, b.size)
}

// start makes first, a block allocated with others, the current block.
func (b *block[T]) start(first []T) {
	b.free, b.size = first, len(first)
}

// expect sizes the next block for n more items like the converted ones
// that took the values handed out so far: with the room left, it holds
// used*n/converted values (up to maxBlock).
func (b *block[T]) expect(n, converted int) {
	b.want = min(b.used*n/converted-len(b.free), maxBlock)
}
