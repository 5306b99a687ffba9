package ddbaws

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBlock_NextHandsOutDistinctValuesAcrossBlocks(t *testing.T) {
	var b block[int]
	var got []*int
	for i := range 3 * maxBlock {
		got = append(got, b.next(i))
	}
	for i, p := range got {
		require.Equal(t, i, *p, "value %d was overwritten", i)
	}
	assert.Equal(t, 3*maxBlock, b.used)
}

func TestBlock_TakeCapsEachSliceSoAppendingReallocates(t *testing.T) {
	var b block[int]
	first, second := b.take(2), b.take(3)
	require.Len(t, first, 2)
	assert.Equal(t, 2, cap(first))
	copy(second, []int{7, 8, 9})
	first = append(first, 1, 2, 3)
	assert.Equal(t, []int{0, 0, 1, 2, 3}, first)
	assert.Equal(t, []int{7, 8, 9}, second, "appending to one slice must not reach the next")
}

func TestBlock_TakeZeroIsEmptyNotNil_CloneNilIsNil(t *testing.T) {
	var b block[string]
	assert.NotNil(t, b.take(0))
	assert.Empty(t, b.take(0))
	assert.Nil(t, b.clone(nil))
	assert.Equal(t, []string{}, b.clone([]string{}))
}

func TestBlock_TakeOfMaxBlockOrMoreIsItsOwnAllocation(t *testing.T) {
	var b block[int]
	b.next(1)
	room := len(b.free)
	big := b.take(maxBlock)
	assert.Len(t, big, maxBlock)
	assert.Len(t, b.free, room, "the current block is left as it was")
}

func TestBlock_CloneCopies(t *testing.T) {
	var b block[string]
	src := []string{"a", "b"}
	out := b.clone(src)
	src[0] = "z"
	assert.Equal(t, []string{"a", "b"}, out)
}

func TestBlock_ExpectSizesTheNextBlockForTheRest(t *testing.T) {
	var b block[int]
	b.next(0)
	b.next(0) // one item of two values; the first block has room for minBlock-2 more
	b.expect(50, 1)
	for range minBlock - 2 {
		b.next(0)
	}
	b.next(0)
	assert.Equal(t, 100-(minBlock-2), b.size, "one block holds what the room left could not")
	b.expect(10*maxBlock, 1)
	b.take(len(b.free) + 1)
	assert.Equal(t, maxBlock, b.size, "no block is larger than maxBlock")
}

func TestBlock_StartUsesTheGivenFirstBlock(t *testing.T) {
	var first [2]int
	var b block[int]
	b.start(first[:])
	*b.next(0) = 5
	assert.Equal(t, 5, first[0])
	b.next(0)
	b.next(0)
	assert.Equal(t, 4, b.size, "the block after it doubles")
}
