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
// can answer it as the wire does. The elements of lists, and the members
// of SS and NS, it copies into blocks (see block): one converter converts
// one request.
type converter struct {
	err     error
	elems   block[ddbsim.Value]
	members block[string]
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
		list := c.elems.take(len(av.Value))
		for i, e := range av.Value {
			list[i] = c.value(e)
		}
		return ddbsim.L(list...)
	case *types.AttributeValueMemberSS:
		return ddbsim.SS(c.members.clone(av.Value)...)
	case *types.AttributeValueMemberNS:
		return ddbsim.NS(c.members.clone(av.Value)...)
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
	var b sdkValues
	return b.value(v)
}

// FromItem converts a ddbsim Item to an SDK item, each value as FromValue
// does. A nil Item gives a nil map, an empty Item an empty map. Cost:
// O(size of the item).
func FromItem(it ddbsim.Item) map[string]types.AttributeValue {
	var b sdkValues
	return b.item(it)
}

// sdkValues converts ddbsim values to SDK values that share no memory
// with them, taking the SDK's member structs, and the backing arrays of
// lists and sets, from blocks: the first item takes the first block of
// each common type in one allocation (firstBlocks), and the items after
// it in a page take one more allocation a type (see items). One sdkValues
// converts one response: its values, in every item, share blocks but no
// memory with each other (see block.take).
type sdkValues struct {
	started bool // the first blocks are allocated
	// converted counts the items of pages converted so far.
	converted int

	s    block[types.AttributeValueMemberS]
	n    block[types.AttributeValueMemberN]
	b    block[types.AttributeValueMemberB]
	bool block[types.AttributeValueMemberBOOL]
	null block[types.AttributeValueMemberNULL]
	m    block[types.AttributeValueMemberM]
	l    block[types.AttributeValueMemberL]
	ss   block[types.AttributeValueMemberSS]
	ns   block[types.AttributeValueMemberNS]
	bs   block[types.AttributeValueMemberBS]
	// elems holds the elements of lists, members those of SS and NS.
	elems   block[types.AttributeValue]
	members block[string]
}

// firstBlocks are the first blocks of the common types, allocated
// together: room for a typical item (a dozen attributes, mostly strings
// and numbers), which then takes one allocation besides its maps. It
// stays within 512 bytes, the largest size the Go allocator serves
// without a header. (Each SDK member struct ends in a zero-size field,
// which pads an S or N to 24 bytes.)
type firstBlocks struct {
	s       [6]types.AttributeValueMemberS
	n       [6]types.AttributeValueMemberN
	bool    [2]types.AttributeValueMemberBOOL
	m       [2]types.AttributeValueMemberM
	ss      [2]types.AttributeValueMemberSS
	members [4]string
}

// start allocates the first blocks, on the first item with a value.
func (b *sdkValues) start() {
	b.started = true
	first := new(firstBlocks)
	b.s.start(first.s[:])
	b.n.start(first.n[:])
	b.bool.start(first.bool[:])
	b.m.start(first.m[:])
	b.ss.start(first.ss[:])
	b.members.start(first.members[:])
}

// expect sizes the next block of each type for n more items like the
// ones converted so far.
func (b *sdkValues) expect(n int) {
	b.s.expect(n, b.converted)
	b.n.expect(n, b.converted)
	b.b.expect(n, b.converted)
	b.bool.expect(n, b.converted)
	b.null.expect(n, b.converted)
	b.m.expect(n, b.converted)
	b.l.expect(n, b.converted)
	b.ss.expect(n, b.converted)
	b.ns.expect(n, b.converted)
	b.bs.expect(n, b.converted)
	b.elems.expect(n, b.converted)
	b.members.expect(n, b.converted)
}

// item converts an item, or the entries of an M; nil stays nil.
func (b *sdkValues) item(it ddbsim.Item) map[string]types.AttributeValue {
	if it == nil {
		return nil
	}
	if !b.started && len(it) > 0 {
		b.start()
	}
	out := make(map[string]types.AttributeValue, len(it))
	for name, v := range it {
		out[name] = b.value(v)
	}
	return out
}

// items converts a list of items (a page, a batch); nil stays nil and
// empty stays empty. Once the first item is converted, the next block of
// each type is sized for the rest of the page: items of a page tend to
// look alike.
func (b *sdkValues) items(items []ddbsim.Item) []map[string]types.AttributeValue {
	if items == nil {
		return nil
	}
	out := make([]map[string]types.AttributeValue, len(items))
	for i, it := range items {
		out[i] = b.item(it)
		b.converted++
		if i == 0 && len(items) > 1 {
			b.expect(len(items) - 1)
		}
	}
	return out
}

func (b *sdkValues) value(v ddbsim.Value) types.AttributeValue {
	switch v.Type() {
	case ddbsim.TypeS:
		return b.s.next(types.AttributeValueMemberS{Value: v.S()})
	case ddbsim.TypeN:
		return b.n.next(types.AttributeValueMemberN{Value: v.N()})
	case ddbsim.TypeB:
		return b.b.next(types.AttributeValueMemberB{Value: v.B()})
	case ddbsim.TypeBOOL:
		return b.bool.next(types.AttributeValueMemberBOOL{Value: v.Bool()})
	case ddbsim.TypeNULL:
		return b.null.next(types.AttributeValueMemberNULL{Value: true})
	case ddbsim.TypeM:
		return b.m.next(types.AttributeValueMemberM{Value: b.item(v.M())})
	case ddbsim.TypeL:
		return b.l.next(types.AttributeValueMemberL{Value: b.list(v.L())})
	case ddbsim.TypeSS:
		return b.ss.next(types.AttributeValueMemberSS{Value: b.members.clone(v.SS())})
	case ddbsim.TypeNS:
		return b.ns.next(types.AttributeValueMemberNS{Value: b.members.clone(v.NS())})
	case ddbsim.TypeBS:
		return b.bs.next(types.AttributeValueMemberBS{Value: v.BS()})
	}
	return nil
}

// list converts the elements of an L; nil stays nil.
func (b *sdkValues) list(list []ddbsim.Value) []types.AttributeValue {
	if list == nil {
		return nil
	}
	out := b.elems.take(len(list))
	for i, e := range list {
		out[i] = b.value(e)
	}
	return out
}
