package ddbsim

import (
	"cmp"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/ddbsim/ddbsim/internal/number"
)

// The compact item encoding. Stored items are kept in it: one immutable
// string an item, shared by the three replicas, decoded into a fresh Item
// on every read. An item is a uvarint attribute count followed by each
// attribute (in no particular order) as a length-prefixed name and a
// value. A value is a tag byte and then:
//
//	S, B, N           uvarint length, bytes (N in canonical text)
//	false, true, NULL nothing
//	M                 uvarint count, (name, value) pairs
//	L                 uvarint count, values
//	SS, NS, BS        uvarint count, length-prefixed members in value order
//
// Encoding validates as it goes and counts DynamoDB's size of the item, so
// a write walks its item once.
const (
	tagS byte = iota + 1
	tagN
	tagB
	tagFalse
	tagTrue
	tagNull
	tagM
	tagL
	tagSS
	tagNS
	tagBS
)

// AWS's messages for invalid values.
const (
	msgEmptyValue   = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
	msgEmptySS      = "One or more parameter values were invalid: An string set  may not be empty"
	msgEmptyNS      = "One or more parameter values were invalid: An number set  may not be empty"
	msgEmptyBS      = "One or more parameter values were invalid: Binary sets should not be empty"
	msgDuplicatesNS = "Input collection contains duplicates"
	msgNesting      = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"
	// DynamoDB's texts for an empty name in an item and for a name over
	// the limit were not captured; see README. "Empty attribute name" was
	// seen inside ExpressionAttributeNames' wrapper.
	nameEmpty      = "Empty attribute name"
	nameTooLong    = "Attribute name exceeds the maximum length of 65535 bytes"
	msgEmptyName   = msgInvalid + nameEmpty
	msgNameTooLong = msgInvalid + nameTooLong
)

// checkAttributeName rejects an attribute name that is empty or longer
// than MaxAttributeNameLength, wherever a request gives one (an item, a
// legacy condition or update map, AttributesToGet).
func checkAttributeName(name string) error {
	switch {
	case name == "":
		return validationError(msgEmptyName)
	case len(name) > MaxAttributeNameLength:
		return validationError(msgNameTooLong)
	}
	return nil
}

// checkNameValues rejects an ExpressionAttributeNames map naming an empty
// or over-long attribute, the first in key order, with AWS's wrapper:
// "ExpressionAttributeNames contains invalid value: Empty attribute name
// for key #a".
func checkNameValues(names map[string]string) error {
	for _, k := range sortedKeys(nil, names) {
		msg := ""
		switch n := names[k]; {
		case n == "":
			msg = nameEmpty
		case len(n) > MaxAttributeNameLength:
			msg = nameTooLong
		default:
			continue
		}
		return validationError("ExpressionAttributeNames contains invalid value: " + msg + " for key " + k)
	}
	return nil
}

// validNameValues reports whether every name of an ExpressionAttributeNames
// map is valid, without sorting it.
func validNameValues(names map[string]string) bool {
	for _, n := range names {
		if n == "" || len(n) > MaxAttributeNameLength {
			return false
		}
	}
	return true
}

// encoder appends the compact encoding of items and values to buf,
// validating them and adding their DynamoDB size to size. Map entries are
// written in Go's map order (the encoding is not canonical: sorting cost a
// quarter of PutItem); an error is reported as a walk in name order would
// meet it, so the same invalid input always gets the same message.
type encoder struct {
	buf    []byte
	size   int
	sorted bool // walk maps in name order (only to pick the first error)
	// slots, once capture set their layout, receive the item's top-level
	// attributes that the layout holds, as item meets them; item encodes
	// those first (so that decoding them for indexes stops early) and
	// the others into rest meanwhile.
	slots itemSlots
	rest  []byte
}

var encoderPool = sync.Pool{New: func() any { return new(encoder) }}

// encodeItem validates it and returns its encoding, which the caller
// owns, and its DynamoDB size, or a ValidationException with AWS's message
// for the first invalid value (in attribute name order).
func encodeItem(it Item) (enc []byte, size int, err error) {
	e := getEncoder()
	err = e.item(it)
	enc, size = slices.Clone(e.buf), e.size
	putEncoder(e)
	return enc, size, err
}

// getEncoder returns an empty encoder from the pool; putEncoder gives it
// back once its buffer is no longer needed.
func getEncoder() *encoder {
	e := encoderPool.Get().(*encoder)
	e.buf, e.size, e.sorted = e.buf[:0], 0, false
	return e
}

// capture makes the next item the encoder encodes fill slots of l (nil:
// none) with its attributes, read as e.slots. Cost: a name's place in l
// for each top-level attribute encoded.
func (e *encoder) capture(l *layout) {
	e.slots.layout = l
	if l != nil {
		e.slots.vals = slices.Grow(e.slots.vals[:0], len(l.names))[:len(l.names)]
	}
}

// putEncoder returns e to the pool unless its buffer grew large, its
// captured slots emptied.
func putEncoder(e *encoder) {
	clear(e.slots.vals)
	e.slots = itemSlots{vals: e.slots.vals[:0]}
	if cap(e.buf) <= 64<<10 && cap(e.rest) <= 64<<10 {
		encoderPool.Put(e)
	}
}

// canonicalValue validates v and returns it in canonical form (numbers
// normalised, set members sorted and deduplicated by value) with its size.
func canonicalValue(v Value) (Value, int, error) {
	if size, ok := canonicalScalar(v); ok {
		return v, size, nil
	}
	var e encoder
	if err := e.value(v, 1); err != nil {
		return Value{}, 0, e.firstError(func(s *encoder) error { return s.value(v, 1) }, err)
	}
	d := decoder{s: string(e.buf)}
	out, err := d.value(0)
	return out, e.size, err
}

// canonicalScalar reports whether v is a valid scalar already in
// canonical form (any string, binary, boolean or null; a number written
// canonically), with its size: the common case, which needs no copy.
func canonicalScalar(v Value) (int, bool) {
	switch v.t {
	case TypeS, TypeB:
		return len(v.s), true
	case TypeBOOL, TypeNULL:
		return 1, true
	case TypeN:
		n, err := number.Parse(v.s)
		if err != nil {
			return 0, false
		}
		var scratch [64]byte
		return n.Size(), string(n.Append(scratch[:0])) == v.s
	}
	return 0, false
}

func (e *encoder) item(it Item) error {
	e.uvarint(len(it))
	if err := e.entries(it, 1, 0); err != nil {
		return e.firstError(func(s *encoder) error { return s.item(it) }, err)
	}
	return nil
}

// entries encodes the entries of a map whose values sit at depth, adding
// extra to the size for each entry.
func (e *encoder) entries(m map[string]Value, depth, extra int) error {
	if e.sorted {
		var scratch [16]string
		for _, name := range sortedKeys(scratch[:0], m) {
			if err := e.entry(name, m[name], depth, extra); err != nil {
				return err
			}
		}
		return nil
	}
	if e.slots.layout != nil && depth == 1 {
		return e.capturedEntries(m, extra)
	}
	for name, v := range m {
		if err := e.entry(name, v, depth, extra); err != nil {
			return err
		}
	}
	return nil
}

// capturedEntries is entries of an item's attributes for capture: those
// of e.slots.layout into its slots and first, the others after them.
func (e *encoder) capturedEntries(m map[string]Value, extra int) error {
	e.rest = e.rest[:0]
	for name, v := range m {
		i := e.slots.layout.place(name)
		if i >= 0 {
			e.slots.vals[i] = v
		} else {
			e.buf, e.rest = e.rest, e.buf
		}
		err := e.entry(name, v, 1, extra)
		if i < 0 {
			e.buf, e.rest = e.rest, e.buf
		}
		if err != nil {
			return err
		}
	}
	e.buf = append(e.buf, e.rest...)
	return nil
}

func (e *encoder) entry(name string, v Value, depth, extra int) error {
	if err := e.name(name); err != nil {
		return err
	}
	e.size += extra
	return e.value(v, depth)
}

// firstError returns the error a walk in name order meets first: err if
// this walk already was one, else the result of redoing it sorted.
func (e *encoder) firstError(redo func(*encoder) error, err error) error {
	if e.sorted {
		return err
	}
	return redo(&encoder{sorted: true})
}

// sortedKeys appends the keys of m to dst, sorted, and returns the
// result: into a scratch array, or into nil, which an empty m leaves nil
// without allocating.
func sortedKeys[K cmp.Ordered, V any](dst []K, m map[K]V) []K {
	if len(m) == 0 {
		return dst // ranging over even an empty map costs
	}
	dst = slices.Grow(dst, len(m))
	for k := range m {
		dst = append(dst, k)
	}
	slices.Sort(dst)
	return dst
}

func (e *encoder) name(name string) error {
	if err := checkAttributeName(name); err != nil {
		return err
	}
	e.bytes(name)
	e.size += len(name)
	return nil
}

func (e *encoder) value(v Value, depth int) error {
	if depth > MaxNestingDepth {
		return validationError(msgNesting)
	}
	switch v.t {
	case TypeS, TypeB:
		tag := tagS
		if v.t == TypeB {
			tag = tagB
		}
		e.buf = append(e.buf, tag)
		e.bytes(v.s)
		e.size += len(v.s)
	case TypeN:
		n, err := number.Parse(v.s)
		if err != nil {
			return validationError(err.Error())
		}
		e.numberValue(n)
	case TypeBOOL:
		tag := tagFalse
		if v.b {
			tag = tagTrue
		}
		e.buf = append(e.buf, tag)
		e.size++
	case TypeNULL:
		e.buf = append(e.buf, tagNull)
		e.size++
	case TypeM:
		e.buf = append(e.buf, tagM)
		m := v.M()
		e.uvarint(len(m))
		e.size += 3
		if err := e.entries(m, depth+1, 1); err != nil {
			return err
		}
	case TypeL:
		e.buf = append(e.buf, tagL)
		list := v.L()
		e.uvarint(len(list))
		e.size += 3 + len(list)
		for _, elem := range list {
			if err := e.value(elem, depth+1); err != nil {
				return err
			}
		}
	case TypeSS:
		return e.stringSet(tagSS, v.members(), msgEmptySS, func(s string) string { return s }, "")
	case TypeBS:
		return e.stringSet(tagBS, v.members(), msgEmptyBS, base64String, "of type BS")
	case TypeNS:
		return e.numberSet(v.members())
	case typeMalformed:
		return validationError(v.s)
	default:
		return validationError(msgEmptyValue)
	}
	return nil
}

// stringSet encodes an SS or BS, whose members compare as bytes. A
// duplicate is reported with the members as sent, rendered by show.
func (e *encoder) stringSet(tag byte, set []string, emptyMsg string, show func(string) string, kind string) error {
	if len(set) == 0 {
		return validationError(emptyMsg)
	}
	sorted := set
	if !slices.IsSorted(set) {
		sorted = slices.Clone(set)
		slices.Sort(sorted)
	}
	for i := 1; i < len(sorted); i++ {
		if sorted[i] == sorted[i-1] {
			shown := make([]string, len(set))
			for j, m := range set {
				shown[j] = show(m)
			}
			return validationError("One or more parameter values were invalid: Input collection [" +
				strings.Join(shown, ", ") + "]" + kind + " contains duplicates.")
		}
	}
	e.buf = append(e.buf, tag)
	e.uvarint(len(sorted))
	for _, m := range sorted {
		e.bytes(m)
		e.size += len(m)
	}
	return nil
}

func (e *encoder) numberSet(set []string) error {
	if len(set) == 0 {
		return validationError(msgEmptyNS)
	}
	nums := make([]number.Number, len(set))
	for i, m := range set {
		n, err := number.Parse(m)
		if err != nil {
			return validationError(err.Error())
		}
		nums[i] = n
	}
	slices.SortFunc(nums, number.Compare)
	for i := 1; i < len(nums); i++ {
		if number.Compare(nums[i], nums[i-1]) == 0 {
			return validationError(msgDuplicatesNS)
		}
	}
	e.buf = append(e.buf, tagNS)
	e.uvarint(len(nums))
	for _, n := range nums {
		e.number(n)
		e.size += n.Size()
	}
	return nil
}

// numberValue encodes the value n, as value does an N.
func (e *encoder) numberValue(n number.Number) {
	e.buf = append(e.buf, tagN)
	e.number(n)
	e.size += n.Size()
}

func (e *encoder) number(n number.Number) {
	var scratch [64]byte
	e.bytes(string(n.Append(scratch[:0])))
}

func (e *encoder) uvarint(n int) {
	e.buf = binary.AppendUvarint(e.buf, uint64(n))
}

func (e *encoder) bytes(s string) {
	e.uvarint(len(s))
	e.buf = append(e.buf, s...)
}

// errCorrupt reports an encoding that encodeItem did not produce.
var errCorrupt = errors.New("ddbsim: corrupt item encoding")

// decodeItem returns a fresh Item from an encoding made by encodeItem. Its
// strings share memory with enc (which is immutable); everything else is
// new. It never panics: bytes that are not an encoding give errCorrupt.
func decodeItem(enc string) (Item, error) {
	d := decoder{s: enc}
	n, err := d.count()
	if err != nil {
		return nil, err
	}
	it := make(Item, n)
	for range n {
		name, err := d.bytes()
		if err != nil {
			return nil, err
		}
		var v Value
		if t := d.peekScalar(); t != 0 {
			// Most attributes are strings and numbers: no call to value.
			d.pos++
			v.t = t
			v.s, err = d.bytes()
		} else {
			v, err = d.value(1)
		}
		if err != nil {
			return nil, err
		}
		it[name] = v
	}
	if d.pos != len(d.s) {
		return nil, errCorrupt
	}
	return it, nil
}

type decoder struct {
	s   string
	pos int
}

func (d *decoder) uvarint() (uint64, error) {
	var n uint64
	for shift := uint(0); shift < 64 && d.pos < len(d.s); shift += 7 {
		c := d.s[d.pos]
		d.pos++
		n |= uint64(c&0x7F) << shift
		if c < 0x80 {
			return n, nil
		}
	}
	return 0, errCorrupt
}

// count reads a count, bounded by the bytes left (every counted thing
// takes at least one byte), so corrupt input cannot make it allocate much.
func (d *decoder) count() (int, error) {
	n, err := d.uvarint()
	if err != nil || n > uint64(len(d.s)-d.pos) {
		return 0, errCorrupt
	}
	return int(n), nil
}

// peekScalar returns the type of the value at the decoder's position if
// it is an S, N or B, else 0: a tag, then the bytes of the text.
func (d *decoder) peekScalar() Type {
	if d.pos < len(d.s) {
		switch d.s[d.pos] {
		case tagS:
			return TypeS
		case tagN:
			return TypeN
		case tagB:
			return TypeB
		}
	}
	return 0
}

func (d *decoder) bytes() (string, error) {
	// A length under 128, the usual case, is one byte.
	if d.pos < len(d.s) {
		if n := int(d.s[d.pos]); n < 0x80 && n < len(d.s)-d.pos {
			s := d.s[d.pos+1 : d.pos+1+n]
			d.pos += 1 + n
			return s, nil
		}
	}
	n, err := d.count()
	if err != nil {
		return "", err
	}
	s := d.s[d.pos : d.pos+n]
	d.pos += n
	return s, nil
}

func (d *decoder) value(depth int) (Value, error) {
	if d.pos >= len(d.s) || depth > MaxNestingDepth+1 {
		return Value{}, errCorrupt
	}
	if t := d.peekScalar(); t != 0 {
		d.pos++
		s, err := d.bytes()
		return Value{t: t, s: s}, err
	}
	tag := d.s[d.pos]
	d.pos++
	switch tag {
	case tagFalse, tagTrue:
		return Value{t: TypeBOOL, b: tag == tagTrue}, nil
	case tagNull:
		return Null(), nil
	case tagM:
		n, err := d.count()
		if err != nil {
			return Value{}, err
		}
		m := make(map[string]Value, n)
		for range n {
			name, err := d.bytes()
			if err != nil {
				return Value{}, err
			}
			if m[name], err = d.value(depth + 1); err != nil {
				return Value{}, err
			}
		}
		return Value{t: TypeM, x: m}, nil
	case tagL:
		n, err := d.count()
		if err != nil {
			return Value{}, err
		}
		list := make([]Value, n)
		for i := range list {
			if list[i], err = d.value(depth + 1); err != nil {
				return Value{}, err
			}
		}
		return Value{t: TypeL, x: list}, nil
	case tagSS, tagNS, tagBS:
		n, err := d.count()
		if err != nil {
			return Value{}, err
		}
		set := make([]string, n)
		for i := range set {
			if set[i], err = d.bytes(); err != nil {
				return Value{}, err
			}
		}
		return Value{t: [...]Type{tagSS: TypeSS, tagNS: TypeNS, tagBS: TypeBS}[tag], x: set}, nil
	}
	return Value{}, errCorrupt
}

func base64String(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

// checkValues validates every value of m without keeping an encoding: the
// check a Key parameter's values get before the key schema is consulted.
// Strings and binaries are always valid and numbers only need parsing,
// so the usual key costs no allocation; on an error, the first in name
// order is reported.
func checkValues(m Item) error {
	for _, v := range m {
		switch v.t {
		case TypeS, TypeB:
			continue
		case TypeN:
			if _, err := number.Parse(v.s); err == nil {
				continue
			}
		}
		return firstInvalid(m)
	}
	return nil
}

// firstInvalid returns the error of the first invalid value of m in name
// order, or nil.
func firstInvalid(m Item) error {
	e := encoder{sorted: true}
	var scratch [4]string
	for _, name := range sortedKeys(scratch[:0], m) {
		if err := e.value(m[name], 1); err != nil {
			return err
		}
	}
	return nil
}

// scratchItems recycles the maps that conditions and patched updates read
// a few stored attributes into (even a map of one attribute costs a group
// of eight slots). Such a map never reaches the caller: values read from
// it may, but they are not the map.
var scratchItems = sync.Pool{New: func() any { return Item{} }}

// getScratchItem returns an empty map from scratchItems.
func getScratchItem() Item { return scratchItems.Get().(Item) }

// putScratchItem empties it and returns it to scratchItems.
func putScratchItem(it Item) {
	clear(it)
	scratchItems.Put(it)
}

// decodeAttributes is decodeItem keeping only the named top-level
// attributes (names has no duplicates): it stops once it has them all.
func decodeAttributes(enc string, names []string) (Item, error) {
	it := Item{}
	return it, decodeAttributesInto(it, enc, names, nil)
}

// decodeAttributesInto is decodeAttributes decoding into it; found, if
// not nil, is told where each attribute found lies in enc.
func decodeAttributesInto(it Item, enc string, names []string, found func(span)) error {
	return decodeItemFiltered(it, enc, len(names), func(name string) bool { return slices.Contains(names, name) }, found)
}

// span is where one top-level attribute, name and value, lies in an item
// encoding: enc[start:end].
type span struct{ start, end int }

// decodeItemFiltered decodes into it the top-level attributes of enc
// that keep accepts, stopping once it holds want of them (want < 0:
// never); the others are skipped without allocating. found, if not nil,
// is told where each attribute kept lies in enc, in enc's order.
func decodeItemFiltered(it Item, enc string, want int, keep func(name string) bool, found func(span)) error {
	return eachAttribute(enc, want, func(name string) int {
		if keep(name) {
			return 0
		}
		return -1
	}, func(_ int, name string, v Value) { it[name] = v }, found)
}

// eachAttribute walks the top-level attributes of enc in enc's order,
// asking place of each name where its value goes: a negative answer
// skips the value without decoding it; otherwise store gets the place
// and the decoded value. The walk stops once want values are stored
// (want < 0: never); found, if not nil, is told where each attribute
// stored lies in enc. (The decoder stays on the stack: handing it to a
// func would not let it.)
func eachAttribute(enc string, want int, place func(name string) int, store func(i int, name string, v Value), found func(span)) error {
	d := decoder{s: enc}
	n, err := d.count()
	if err != nil {
		return err
	}
	stored := 0
	for range n {
		if stored == want {
			return nil
		}
		start := d.pos
		name, err := d.bytes()
		if err != nil {
			return err
		}
		i := place(name)
		if i < 0 {
			if err := d.skip(1); err != nil {
				return err
			}
			continue
		}
		v, err := d.value(1)
		if err != nil {
			return err
		}
		store(i, name, v)
		stored++
		if found != nil {
			found(span{start, d.pos})
		}
	}
	if d.pos != len(d.s) {
		return errCorrupt
	}
	return nil
}

// skip moves past one value.
func (d *decoder) skip(depth int) error {
	_, err := d.walk(depth, false)
	return err
}

// attributeSize returns the DynamoDB size of the attribute (name and
// value) that lies at s in enc, as the encoder counted it when it was
// stored, without decoding it.
func attributeSize(enc string, s span) (int, error) {
	d := decoder{s: enc[:s.end], pos: s.start}
	name, err := d.bytes()
	if err != nil {
		return 0, err
	}
	size, err := d.walk(1, true)
	if err == nil && d.pos != s.end {
		err = errCorrupt
	}
	return len(name) + size, err
}

// walk moves past one value and, if sized, returns its DynamoDB size (a
// number's size needs parsing, which skip spares).
func (d *decoder) walk(depth int, sized bool) (int, error) {
	if d.pos >= len(d.s) || depth > MaxNestingDepth+1 {
		return 0, errCorrupt
	}
	tag := d.s[d.pos]
	d.pos++
	switch tag {
	case tagS, tagN, tagB:
		s, err := d.bytes()
		if err != nil || tag != tagN || !sized {
			return len(s), err
		}
		return storedNumberSize(s)
	case tagFalse, tagTrue, tagNull:
		return 1, nil
	case tagM, tagL, tagSS, tagNS, tagBS:
		n, err := d.count()
		if err != nil {
			return 0, err
		}
		size := 0
		if tag == tagM || tag == tagL {
			size = 3 // as the encoder counts a map or list
		}
		for range n {
			if tag == tagM || tag >= tagSS {
				s, err := d.bytes()
				if err != nil {
					return 0, err
				}
				member := len(s)
				if tag == tagNS && sized {
					if member, err = storedNumberSize(s); err != nil {
						return 0, err
					}
				}
				size += member
			}
			if tag == tagM || tag == tagL {
				elem, err := d.walk(depth+1, sized)
				if err != nil {
					return 0, err
				}
				size += 1 + elem // one byte an entry or element
			}
		}
		return size, nil
	}
	return 0, errCorrupt
}

// storedNumberSize returns the size of a number as an encoding holds it.
func storedNumberSize(text string) (int, error) {
	n, err := number.Parse(text)
	if err != nil {
		return 0, errCorrupt
	}
	return n.Size(), nil
}
