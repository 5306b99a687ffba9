package ddbsim

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sampleItem() Item {
	return Item{
		"pk":      S("user#42"),
		"sk":      N("1700000000"),
		"name":    S("Ada Lovelace"),
		"balance": N("1234.50"),
		"active":  Bool(true),
		"avatar":  B([]byte{0x89, 'P', 'N', 'G'}),
		"tags":    SS("admin", "beta"),
		"scores":  NS("1", "2.5", "-3"),
		"address": M(map[string]Value{"city": S("London"), "zip": S("N1"), "geo": L(N("51.5"), N("-0.12"))}),
		"deleted": Null(),
	}
}

func TestEncodeItem_RoundTrip(t *testing.T) {
	it := sampleItem()
	enc, size, err := encodeString(it)
	require.NoError(t, err)
	wantSize, err := it.Size()
	require.NoError(t, err)
	assert.Equal(t, wantSize, size)

	got, err := decodeItem(enc)
	require.NoError(t, err)
	assert.True(t, got.Equal(it), "decoded %s\nwant %s", got, it)
	assert.Equal(t, "1234.5", got["balance"].N(), "numbers come back canonical")
	assert.Equal(t, []string{"-3", "1", "2.5"}, got["scores"].NS(), "set members come back in value order")
}

func TestEncodeItem_Capture_PutsTheLayoutsAttributesFirst(t *testing.T) {
	it := sampleItem()
	l := newLayout([]string{"tags", "missing", "address", "balance"})
	for range 20 { // map order varies run to run
		e := getEncoder()
		e.capture(l)
		require.NoError(t, e.item(it))
		assert.Equal(t, []Value{it["tags"], {}, it["address"], it["balance"]}, e.slots.vals)
		got, err := decodeItem(string(e.buf))
		require.NoError(t, err)
		assert.True(t, got.Equal(it), "decoded %s\nwant %s", got, it)
		var first []string
		require.NoError(t, eachAttribute(string(e.buf), 3, func(string) int { return 0 }, func(_ int, name string, _ Value) { first = append(first, name) }, nil))
		assert.ElementsMatch(t, []string{"tags", "address", "balance"}, first)
		putEncoder(e)
	}
}

func TestEncodeItem_FirstErrorInNameOrder(t *testing.T) {
	it := Item{"z": N("bad-z"), "b": M(map[string]Value{"y": N("bad-y"), "x": SS()}), "a": S("fine"), "c": N("bad-c")}
	for range 20 { // map order varies run to run; the reported error must not
		_, _, err := encodeString(it)
		requireAWSError(t, err, CodeValidation, "One or more parameter values were invalid: An string set  may not be empty")
	}
}

func TestAttributeSize_SumsToTheItemSize(t *testing.T) {
	items := map[string]Item{
		"sample":             sampleItem(),
		"bench":              benchItem(7),
		"numbers":            Item{"n": N("123"), "m": N("-42"), "z": N("0"), "f": N("0.001"), "e": N("1e125"), "big": N("-12345678901234567890123456789012345678")},
		"empty collections":  Item{"m": M(nil), "l": L(), "s": S("")},
		"nested":             Item{"a": M(map[string]Value{"b": L(M(map[string]Value{"c": NS("1", "100.5")}), BS([]byte{1, 2}), Null(), Bool(false))})},
		"long name and text": Item{strings.Repeat("n", 300): S(strings.Repeat("v", 200))},
	}
	for name, it := range items {
		t.Run(name, func(t *testing.T) {
			enc, want, err := encodeString(it)
			require.NoError(t, err)
			var spans []span
			require.NoError(t, decodeItemFiltered(Item{}, enc, -1, func(string) bool { return true }, func(s span) { spans = append(spans, s) }))
			require.Len(t, spans, len(it))
			got := 0
			for _, s := range spans {
				size, err := attributeSize(enc, s)
				require.NoError(t, err)
				got += size
			}
			assert.Equal(t, want, got)
		})
	}
}

func TestAttributeSize_CorruptSpan(t *testing.T) {
	enc, _, err := encodeString(Item{"a": S("x"), "b": N("1")})
	require.NoError(t, err)
	for _, s := range []span{{1, 3}, {1, len(enc)}, {len(enc) - 1, len(enc)}} {
		_, err := attributeSize(enc, s)
		assert.ErrorIs(t, err, errCorrupt, "span %v", s)
	}
}

func TestDecodeItem_FreshCopies(t *testing.T) {
	enc, _, err := encodeString(sampleItem())
	require.NoError(t, err)
	first, err := decodeItem(enc)
	require.NoError(t, err)
	first["address"].M()["city"] = S("Paris")
	first["scores"].NS()[0] = "99"
	second, err := decodeItem(enc)
	require.NoError(t, err)
	assert.Equal(t, "London", second["address"].M()["city"].S())
	assert.Equal(t, "-3", second["scores"].NS()[0])
}

func TestDecodeItem_CorruptInput(t *testing.T) {
	enc, _, err := encodeString(sampleItem())
	require.NoError(t, err)
	for i := range len(enc) {
		_, err := decodeItem(enc[:i])
		assert.ErrorIs(t, err, errCorrupt, "truncated at %d", i)
	}
	for _, bad := range []string{"", "\x01", "\x01\x01a\x00", "\x01\x01a\xff", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", "\x00\x00"} {
		_, err := decodeItem(bad)
		assert.ErrorIs(t, err, errCorrupt, "%q", bad)
	}
}

func TestAppendKeyBytes_Order(t *testing.T) {
	ordered := [][]Value{
		{N("-1e10"), N("-2"), N("-1.5"), N("0"), N("1e-5"), N("1"), N("1.5"), N("10"), N("1e100")},
		{S(""), S("A"), S("Z"), S("a"), S("ab"), S("b"), S("z"), S("¿")},
		{B(nil), B([]byte{0}), B([]byte{0, 0}), B([]byte{1}), B([]byte{0x7f}), B([]byte{0x80}), B([]byte{0xff})},
	}
	for _, vals := range ordered {
		for i := 1; i < len(vals); i++ {
			a, err := appendKeyBytes(nil, vals[i-1])
			require.NoError(t, err)
			b, err := appendKeyBytes(nil, vals[i])
			require.NoError(t, err)
			assert.Equal(t, -1, bytes.Compare(a, b), "%s < %s", vals[i-1], vals[i])
		}
	}
	for _, spelled := range []string{"1e3", "1000.0", "001000", "+1000", "1E+3"} {
		a, _ := appendKeyBytes(nil, N("1000"))
		b, _ := appendKeyBytes(nil, N(spelled))
		assert.Equal(t, a, b, spelled)
	}
	_, err := appendKeyBytes(nil, Bool(true))
	assert.ErrorIs(t, err, ErrValidation)
	_, err = appendKeyBytes(nil, N("x"))
	assert.ErrorIs(t, err, ErrValidation)
}

func TestPartitionHash_Stable(t *testing.T) {
	// FNV-1a test vectors: the hash must never change, or scan order would.
	assert.Equal(t, uint64(0xcbf29ce484222325), partitionHash(nil))
	assert.Equal(t, uint64(0xaf63dc4c8601ec8c), partitionHash([]byte("a")))
	assert.Equal(t, uint64(0x85944171f73967e8), partitionHash([]byte("foobar")))
}

// itemFromBytes builds an arbitrary item from fuzz input: a tiny program
// whose bytes choose types, names and contents.
func itemFromBytes(data []byte) Item {
	g := &gen{data: data}
	it := Item{}
	for n := g.next() % 6; n > 0; n-- {
		it[g.name()] = g.value(1)
	}
	return it
}

type gen struct {
	data []byte
	pos  int
}

func (g *gen) next() byte {
	if g.pos >= len(g.data) {
		return 0
	}
	g.pos++
	return g.data[g.pos-1]
}

func (g *gen) str() string {
	n := int(g.next() % 8)
	var sb strings.Builder
	for range n {
		sb.WriteByte(g.next())
	}
	return sb.String()
}

func (g *gen) name() string { return "n" + g.str() }

func (g *gen) num() string {
	digits := []string{"0", "1", "-1", "1.5", "0.001", "12345678901234567890", "1e3", "1000", "-2.50", "1e125", "1e-130"}
	return digits[int(g.next())%len(digits)]
}

func (g *gen) value(depth int) Value {
	kind := g.next() % 10
	if depth > 4 && kind >= 5 && kind <= 6 {
		kind = 0
	}
	switch kind {
	case 0:
		return S(g.str())
	case 1:
		return N(g.num())
	case 2:
		return B([]byte(g.str()))
	case 3:
		return Bool(g.next()%2 == 0)
	case 4:
		return Null()
	case 5:
		m := map[string]Value{}
		for n := g.next() % 4; n > 0; n-- {
			m[g.name()] = g.value(depth + 1)
		}
		return M(m)
	case 6:
		var l []Value
		for n := g.next() % 4; n > 0; n-- {
			l = append(l, g.value(depth+1))
		}
		return L(l...)
	case 7:
		set := map[string]bool{}
		for n := g.next()%3 + 1; n > 0; n-- {
			set[g.str()] = true
		}
		var ss []string
		for s := range set {
			ss = append(ss, s)
		}
		return SS(ss...)
	case 8:
		return NS(g.num())
	}
	return BS([]byte(g.str()))
}

func FuzzItemEncoding_RoundTrip(f *testing.F) {
	f.Add([]byte{3, 1, 'a', 5, 2, 1, 'b', 1, 3})
	f.Add([]byte{5, 0, 7, 2, 'x', 'y', 1, 1, 9, 2, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		it := itemFromBytes(data)
		enc, size, err := encodeString(it)
		if err != nil {
			t.Fatalf("encode %s: %v", it, err)
		}
		got, err := decodeItem(enc)
		if err != nil {
			t.Fatalf("decode of %s: %v", it, err)
		}
		if !got.Equal(it) {
			t.Fatalf("round trip changed %s into %s", it, got)
		}
		again, size2, err := encodeString(got)
		if err != nil || len(again) != len(enc) || size2 != size {
			t.Fatalf("re-encoding differs: %v", err)
		}
		checkPartialCodecs(t, it, enc, size)
	})
}

// checkPartialCodecs checks decodeAttributes and spliceItem on enc, the
// encoding of it (DynamoDB size size), for a name of it and one it lacks.
func checkPartialCodecs(t *testing.T, it Item, enc string, size int) {
	names := []string{"\x00absent"}
	if keys := sortedKeys(nil, it); len(keys) > 0 {
		names = append(names, keys[len(keys)/2])
	}
	part := Item{}
	var spans []span
	err := decodeAttributesInto(part, enc, names, func(s span) { spans = append(spans, s) })
	if err != nil {
		t.Fatalf("decodeAttributes(%s, %q): %v", it, names, err)
	}
	rest := it.Clone()
	for _, name := range names {
		if v, ok := it[name]; ok {
			if !part[name].Equal(v) {
				t.Fatalf("decodeAttributes(%s, %q) = %s", it, names, part)
			}
			delete(rest, name)
		}
	}
	if len(part)+len(rest) != len(it) {
		t.Fatalf("decodeAttributes(%s, %q) = %s", it, names, part)
	}
	// Dropping the attributes and adding them back gives the item again.
	cutBytes, _, err := spliceItem(&encoder{}, enc, spans, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cut := string(cutBytes)
	back, err := decodeItem(cut)
	if err != nil || !back.Equal(rest) {
		t.Fatalf("spliceItem without %q gave %s (%v), want %s", names, back, err, rest)
	}
	whole, partSize, err := spliceItem(&encoder{}, cut, nil, part, names)
	if err != nil {
		t.Fatal(err)
	}
	restSize, err := rest.Size()
	if err != nil || restSize+partSize != size {
		t.Fatalf("sizes %d + %d, want %d (%v)", restSize, partSize, size, err)
	}
	if back, err = decodeItem(string(whole)); err != nil || !back.Equal(it) {
		t.Fatalf("spliceItem back gave %s (%v), want %s", back, err, it)
	}
}

func TestSpliceItem_AttributeNotNamed_IsAnError(t *testing.T) {
	enc, _, err := encodeString(Item{"a": S("x")})
	require.NoError(t, err)
	_, _, err = spliceItem(&encoder{}, enc, nil, Item{"b": S("y"), "c": S("z")}, []string{"b"})
	assert.ErrorIs(t, err, errUnlisted)
	got, _, err := spliceItem(&encoder{}, enc, nil, Item{"b": S("y")}, []string{"c", "b"})
	require.NoError(t, err)
	back, err := decodeItem(string(got))
	require.NoError(t, err)
	assert.True(t, back.Equal(Item{"a": S("x"), "b": S("y")}), "got %s", back)
}

func FuzzDecodeItem_NeverPanics(f *testing.F) {
	enc, _, _ := encodeString(sampleItem())
	f.Add([]byte(enc))
	f.Add([]byte{1, 1, 'a', tagM, 1, 1, 'b', tagL, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		// The partial decoders never panic either.
		var spans []span
		if decodeAttributesInto(Item{}, string(data), []string{"a", "b"}, func(s span) { spans = append(spans, s) }) == nil {
			_, _, _ = spliceItem(&encoder{}, string(data), spans, Item{"c": S("x")}, []string{"a", "c"})
			for _, s := range spans {
				_, _ = attributeSize(string(data), s)
			}
		}
		// A layout decodes into slots what decodeAttributes decodes into
		// a map, short or long (looked up by first byte or by map).
		for _, names := range [][]string{{"a", "b"}, {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q"}} {
			want, wantErr := decodeAttributes(string(data), names)
			l := newLayout(names)
			got := make([]Value, len(names))
			gotErr := l.decode(got, string(data))
			require.Equal(t, wantErr == nil, gotErr == nil, "errors %v and %v", wantErr, gotErr)
			for i, name := range names {
				if v, ok := want[name]; wantErr == nil && ok {
					require.True(t, v.Equal(got[i]), "%s: %s against %s", name, got[i], v)
				} else if wantErr == nil {
					require.Zero(t, got[i].t, name)
				}
			}
		}
		it, err := decodeItem(string(data))
		if err != nil {
			return
		}
		// Whatever decodes and is a valid item must survive a round trip
		// (decoding is lenient about order, so bytes may differ), and its
		// attributes' sizes, read off the encoding, add up to its size.
		enc, size, err := encodeString(it)
		if err != nil {
			return
		}
		back, err := decodeItem(enc)
		if err != nil || !back.Equal(it) {
			t.Fatalf("round trip of decoded %s gave %s, %v", it, back, err)
		}
		var all []span
		require.NoError(t, decodeItemFiltered(Item{}, enc, -1, func(string) bool { return true }, func(s span) { all = append(all, s) }))
		sum := 0
		for _, s := range all {
			n, err := attributeSize(enc, s)
			require.NoError(t, err)
			sum += n
		}
		if sum != size {
			t.Fatalf("attribute sizes of %s add up to %d, want %d", it, sum, size)
		}
	})
}

func FuzzAppendKeyBytes_Order(f *testing.F) {
	f.Add(byte(0), "a", "b")
	f.Add(byte(1), "1", "1.5")
	f.Add(byte(2), "\x00", "\xff")
	f.Fuzz(func(t *testing.T, kind byte, a, b string) {
		mk := [...]func(string) Value{S, N, func(s string) Value { return B([]byte(s)) }}[kind%3]
		va, vb := mk(a), mk(b)
		ka, erra := appendKeyBytes(nil, va)
		kb, errb := appendKeyBytes(nil, vb)
		if erra != nil || errb != nil {
			return
		}
		want := 0
		switch va.t {
		case TypeN:
			want = compareNumberText(a, b)
		default:
			want = strings.Compare(a, b)
		}
		if got := bytes.Compare(ka, kb); got != want {
			t.Fatalf("key order of %s and %s is %d, value order %d", va, vb, got, want)
		}
	})
}

func BenchmarkEncodeItem_10Attributes(b *testing.B) {
	it := sampleItem()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := encodeItem(it); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeItem_10Attributes(b *testing.B) {
	enc, _, err := encodeString(sampleItem())
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeItem(enc); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDecodeAttributes_AllocatesNothing holds the partial decoders that
// conditions, updates and index maintenance run on every write to no
// allocation for scalar attributes: the decoder stays on the stack.
func TestDecodeAttributes_AllocatesNothing(t *testing.T) {
	enc, _, err := encodeString(sampleItem())
	require.NoError(t, err)
	names := []string{"pk", "name", "balance", "active"}
	it := Item{}
	l := newLayout(names)
	slots := make([]Value, len(names))
	allocs := testing.AllocsPerRun(100, func() {
		clear(it)
		if decodeAttributesInto(it, enc, names, nil) != nil || l.decode(slots, enc) != nil {
			t.Fatal("decode failed")
		}
	})
	assert.Zero(t, allocs)
}
