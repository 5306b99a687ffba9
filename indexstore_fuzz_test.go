package ddbsim

import (
	"cmp"
	"strings"
	"testing"
)

// FuzzIndexKeys_OrderFieldByField holds index keys to the order of their
// values compared one by one (the partition hash aside): whatever the
// strings, prefixes and zero bytes, two keys built from (a1, a2, base)
// and (b1, b2, base2) compare as the tuples do, a key starts with the
// bound of its own first values and sorts below that bound's fieldsEnd,
// and the key gives back its table key.
func FuzzIndexKeys_OrderFieldByField(f *testing.F) {
	f.Add("a", "ab", "k", "ab", "a", "k")
	f.Add("a", "", "k", "a\x00", "b", "j")
	f.Add("x", "b", "k1", "x", "b", "k")
	f.Add("a\x00\x01", "\x00", "k\x00", "a\x00", "\x00\xff", "k\x00\x00")
	f.Add("\xff\xff", "\xff", "\x00\x02", "\xff\xff\xff", "", "\x00\x01")
	ix := newIndex(indexSchema{name: "ix", kind: globalIndex, hash: []keyAttr{{"h", TypeS}}, sort: []keyAttr{{"s", TypeB}}, projection: ProjectionTypeAll},
		keySchema{hash: keyAttr{"pk", TypeS}}, "arn")
	f.Fuzz(func(t *testing.T, a1, a2, base1, b1, b2, base2 string) {
		if a1 == "" || a2 == "" || b1 == "" || b2 == "" || base1 == "" || base2 == "" || len(a1)+len(a2)+len(b1)+len(b2) > 2000 {
			return
		}
		key := func(h, s, base string) string {
			k, ok := ix.indexKey(func(name string) (Value, bool) {
				if name == "h" {
					return S(h), true
				}
				return B([]byte(s)), true
			}, base)
			if !ok {
				t.Fatalf("no key for %q %q", h, s)
			}
			return k.key
		}
		ka, kb := key(a1, a2, base1), key(b1, b2, base2)
		want := cmp.Or(strings.Compare(a1, b1), strings.Compare(a2, b2), strings.Compare(base1, base2))
		if got := strings.Compare(ka, kb); got != want {
			t.Fatalf("keys %q and %q compare %d, their values %d", ka, kb, got, want)
		}
		if got := ix.baseKeyOf(ka); got != base1 {
			t.Fatalf("the key %q gives the table key %q, not %q", ka, got, base1)
		}
		bound := string(appendField(appendField(nil, a1), a2))
		if !strings.HasPrefix(ka, bound) {
			t.Fatalf("%q does not start with its bound %q", ka, bound)
		}
		if bound >= ka || ka >= fieldsEnd(bound) {
			t.Fatalf("the bound %q does not sort just around %q", bound, ka)
		}
		if other := string(appendField(appendField(nil, b1), b2)); other != bound && strings.HasPrefix(ka, other) {
			t.Fatalf("%q starts with the bound %q of other values", ka, other)
		}
	})
}
