package conformance

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLimits_ItemSizeIs400KBInclusive stores items of exactly 409,600 and
// 409,601 bytes as DynamoDB counts them: name bytes plus value bytes.
func TestLimits_ItemSizeIs400KBInclusive(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	sized := func(id string, size int) item {
		overhead := len("id") + len(id) + len("data")
		return item{"id": s(id), "data": s(strings.Repeat("x", size-overhead))}
	}
	put(t, table, sized("max", 409_600))
	requireValidation(t, putErr(t, table, sized("over", 409_601)), "Item size has exceeded the maximum allowed size")
	assert.Nil(t, get(t, table, item{"id": s("over")}))
	assert.Len(t, get(t, table, item{"id": s("max")})["data"].(*types.AttributeValueMemberS).Value, 409_600-len("id")-len("max")-len("data"))
}

func TestLimits_PartitionKeyIs2048BytesInclusive(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	put(t, table, item{"id": s(strings.Repeat("k", 2048))})
	requireValidation(t, putErr(t, table, item{"id": s(strings.Repeat("k", 2049))}),
		"One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes")
	require.NotNil(t, get(t, table, item{"id": s(strings.Repeat("k", 2048))}))
}

// TestLimits_NestingIs32Levels wraps a value in lists: the top-level
// attribute is level 1, so 31 wraps put the leaf at level 32, the most
// DynamoDB accepts. Only the error code is checked: the message's wording
// varies by region (ddb-facts §3, Nesting).
func TestLimits_NestingIs32Levels(t *testing.T) {
	t.Parallel()
	table := newTable(t, keyAttr("id", types.ScalarAttributeTypeS))
	wrapped := func(wraps int) types.AttributeValue {
		v := s("leaf")
		for range wraps {
			v = l(v)
		}
		return v
	}
	put(t, table, item{"id": s("deep"), "v": wrapped(31)})
	assert.Equal(t, wrapped(31), get(t, table, item{"id": s("deep")})["v"])
	requireAPIError(t, putErr(t, table, item{"id": s("deeper"), "v": wrapped(32)}), "ValidationException")
}
