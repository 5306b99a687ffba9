package ddbaws

import (
	"slices"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/ddbsim/ddbsim"
)

// msgNullBinary is what DynamoDB's wire decoder (ddbhttp) answers, as a
// SerializationException, to the JSON null the SDK client sends for a nil
// []byte in B or BS; NewAPI answers it too, so both refuse a nil binary
// alike.
const msgNullBinary = "NULL_VALUE cannot be converted to String"

// ToValue converts an SDK AttributeValue to a ddbsim Value. The Value
// shares no memory with av.
//
// A nil av becomes the zero Value, which every ddbsim operation rejects,
// as DynamoDB rejects an empty AttributeValue ("Supplied AttributeValue is
// empty, must contain exactly one of the supported datatypes"); so does a
// nil entry of an M or L. NULL with Value false becomes a Malformed value
// that operations reject with DynamoDB's "One or more parameter values were
// invalid: Null attribute value types must have the value of true". An
// unknown union member (*types.UnknownUnionMember), and a nil []byte in B
// or BS (which the SDK client sends as JSON null), become Malformed values
// too. As in the SDK's serializer, a typed nil pointer such as
// (*types.AttributeValueMemberS)(nil) panics. Cost: O(size of av).
func ToValue(av types.AttributeValue) ddbsim.Value {
	var c converter
	return c.value(av)
}

// ToItem converts an SDK item (or key) to a ddbsim Item, each value as
// ToValue does. A nil map gives a nil Item, an empty map an empty Item.
// Cost: O(size of the item).
func ToItem(m map[string]types.AttributeValue) ddbsim.Item {
	var c converter
	return c.item(m)
}

// converter converts SDK values to ddbsim values and remembers the first
// value that the SDK client could not even send (a nil []byte), so NewAPI
// can answer it as the wire does.
type converter struct {
	err error
}

// AWS's message for NULL false, and ddbaws's for an unknown union member
// (which the SDK client cannot even serialize).
const (
	msgNullFalse     = "One or more parameter values were invalid: Null attribute value types must have the value of true"
	msgUnknownMember = "ddbaws: AttributeValue has a union member unknown to the SDK: "
)

func (c *converter) item(m map[string]types.AttributeValue) ddbsim.Item {
	if m == nil {
		return nil
	}
	it := make(ddbsim.Item, len(m))
	for name, av := range m {
		it[name] = c.value(av)
	}
	return it
}

func (c *converter) value(av types.AttributeValue) ddbsim.Value {
	switch av := av.(type) {
	case *types.AttributeValueMemberS:
		return ddbsim.S(av.Value)
	case *types.AttributeValueMemberN:
		return ddbsim.N(av.Value)
	case *types.AttributeValueMemberB:
		if av.Value == nil {
			return c.nullBinary()
		}
		return ddbsim.B(av.Value)
	case *types.AttributeValueMemberBOOL:
		return ddbsim.Bool(av.Value)
	case *types.AttributeValueMemberNULL:
		if !av.Value {
			return ddbsim.Malformed(msgNullFalse)
		}
		return ddbsim.Null()
	case *types.AttributeValueMemberM:
		return ddbsim.M(c.item(av.Value))
	case *types.AttributeValueMemberL:
		list := make([]ddbsim.Value, len(av.Value))
		for i, e := range av.Value {
			list[i] = c.value(e)
		}
		return ddbsim.L(list...)
	case *types.AttributeValueMemberSS:
		return ddbsim.SS(slices.Clone(av.Value)...)
	case *types.AttributeValueMemberNS:
		return ddbsim.NS(slices.Clone(av.Value)...)
	case *types.AttributeValueMemberBS:
		if slices.ContainsFunc(av.Value, func(b []byte) bool { return b == nil }) {
			return c.nullBinary()
		}
		return ddbsim.BS(av.Value...)
	case *types.UnknownUnionMember:
		return ddbsim.Malformed(msgUnknownMember + av.Tag)
	}
	return ddbsim.Value{}
}

// nullBinary records the SerializationException of a nil binary and
// returns a Malformed value.
func (c *converter) nullBinary() ddbsim.Value {
	if c.err == nil {
		c.err = &ddbsim.Error{Code: ddbsim.CodeSerialization, Message: msgNullBinary}
	}
	return ddbsim.Malformed(msgNullBinary)
}

// FromValue converts a ddbsim Value to an SDK AttributeValue that shares
// no memory with v. The zero Value and Malformed values, which have no
// DynamoDB type, become nil. Cost: O(size of v).
func FromValue(v ddbsim.Value) types.AttributeValue {
	var b blocks
	return b.value(v)
}

// FromItem converts a ddbsim Item to an SDK item, each value as FromValue
// does. A nil Item gives a nil map, an empty Item an empty map. Cost:
// O(size of the item).
func FromItem(it ddbsim.Item) map[string]types.AttributeValue {
	var b blocks
	return b.item(it)
}

// fromItems converts a list of items (a page, a batch) as FromItem does;
// nil stays nil and empty stays empty.
func fromItems(items []ddbsim.Item) []map[string]types.AttributeValue {
	var b blocks
	return mapSlice(items, b.item)
}

// blocks hands out the SDK's scalar attribute values (S, N, BOOL) from
// blocks of a few dozen, so that converting an item, or a page of items,
// takes a few allocations instead of one a value: converting is most of
// what NewAPI adds to a read. A value keeps its block alive, at most a
// few KB, as long as the caller keeps the value. A blocks is used by one
// conversion at a time.
type blocks struct {
	s    []types.AttributeValueMemberS
	n    []types.AttributeValueMemberN
	bool []types.AttributeValueMemberBOOL
}

// Block sizes: the first block of a kind holds minBlock values; each next
// block doubles, up to maxBlock.
const (
	minBlock = 4
	maxBlock = 256
)

// next stores v in the current block of its kind, or in a new one if that
// is full, and returns its address. Values already handed out stay where
// they are: a full block is left to them, never grown.
func next[T any](block *[]T, v T) *T {
	if len(*block) == cap(*block) {
		*block = make([]T, 0, min(max(2*cap(*block), minBlock), maxBlock))
	}
	*block = append(*block, v)
	return &(*block)[len(*block)-1]
}

func (b *blocks) item(it ddbsim.Item) map[string]types.AttributeValue {
	return mapValues(it, b.value)
}

func (b *blocks) value(v ddbsim.Value) types.AttributeValue {
	switch v.Type() {
	case ddbsim.TypeS:
		return next(&b.s, types.AttributeValueMemberS{Value: v.S()})
	case ddbsim.TypeN:
		return next(&b.n, types.AttributeValueMemberN{Value: v.N()})
	case ddbsim.TypeB:
		return &types.AttributeValueMemberB{Value: v.B()}
	case ddbsim.TypeBOOL:
		return next(&b.bool, types.AttributeValueMemberBOOL{Value: v.Bool()})
	case ddbsim.TypeNULL:
		return &types.AttributeValueMemberNULL{Value: true}
	case ddbsim.TypeM:
		return &types.AttributeValueMemberM{Value: b.item(v.M())}
	case ddbsim.TypeL:
		return &types.AttributeValueMemberL{Value: mapSlice(v.L(), b.value)}
	case ddbsim.TypeSS:
		return &types.AttributeValueMemberSS{Value: slices.Clone(v.SS())}
	case ddbsim.TypeNS:
		return &types.AttributeValueMemberNS{Value: slices.Clone(v.NS())}
	case ddbsim.TypeBS:
		return &types.AttributeValueMemberBS{Value: v.BS()}
	}
	return nil
}
