package ddbsim

import (
	"cmp"
	"strings"
	"testing"
)

// FuzzIndexKeys_OrderFieldByField holds index keys to the order of their
// values compared one by one (the partition hash aside): whatever the
// strings, prefixes and zero bytes, two keys built from (a1, a2, base)
// and (b1, b2, base2) compare as the tuples do, and a key starts with
// the bound of its own first values.
func FuzzIndexKeys_OrderFieldByField(f *testing.F) {
	f.Add("a", "ab", "k", "ab", "a", "k")
	f.Add("a", "", "k", "a\x00", "b", "j")
	f.Add("x", "b", "k1", "x", "b", "k")
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
		if got := compareFields(ka, kb, false); got != want {
			t.Fatalf("compareFields(%q, %q) = %d, the values compare %d", ka, kb, got, want)
		}
		bound := string(appendField(appendField(nil, []byte(a1)), []byte(a2)))
		if compareFields(ka, bound, true) != 0 {
			t.Fatalf("%q does not start with its bound %q", ka, bound)
		}
		if compareFields(bound, ka, false) >= 0 || compareFields(ka, bound+"\xff\xff", false) >= 0 {
			t.Fatalf("the bound %q does not sort just around %q", bound, ka)
		}
	})
}
