package number

import (
	"bytes"
	"errors"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"0", "1.50", "-0", "1e3", ".5", "+3", "0e126", "1e-131", "abc", "", "1.2.3", "123456789012345678901234567890123456789"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Error() == "" {
				t.Fatalf("Parse(%q): error %v is not a *number.Error", s, err)
			}
			return
		}
		text := n.String()
		again, err := Parse(text)
		if err != nil || again != n {
			t.Fatalf("Parse(%q) = %q, which parses to %v, %v", s, text, again, err)
		}
		if n.Size() < 1 || n.Size() > 21 {
			t.Fatalf("Size(%q) = %d", s, n.Size())
		}
		if size, err := TextSize(s); err != nil || size != n.Size() {
			t.Fatalf("TextSize(%q) = %d, %v; Size is %d", s, size, err, n.Size())
		}
	})
}

func FuzzAppendKey_Order(f *testing.F) {
	f.Add("1", "1.5")
	f.Add("-1", "-1.5")
	f.Add("0", "-0.0001")
	f.Add("1e3", "1000.0")
	f.Fuzz(func(t *testing.T, a, b string) {
		na, err := Parse(a)
		if err != nil {
			return
		}
		nb, err := Parse(b)
		if err != nil {
			return
		}
		if got, want := bytes.Compare(na.AppendKey(nil), nb.AppendKey(nil)), Compare(na, nb); got != want {
			t.Fatalf("key order of %q and %q is %d, value order %d", a, b, got, want)
		}
		sum, err := Add(na, nb)
		if err != nil {
			return
		}
		back, err := Sub(sum, nb)
		if err == nil && Compare(back, na) != 0 {
			t.Fatalf("(%s + %s) - %s = %s", a, b, b, back)
		}
	})
}

// FuzzAppendKeyText_IsParseThenAppendKey holds AppendKeyText to Parse's
// answer: the same encoding, or the same error.
func FuzzAppendKeyText_IsParseThenAppendKey(f *testing.F) {
	for _, s := range []string{"0", "98.6", "-98.6", "1.50", "-0.0", "1e3", ".5", "-12.34e-5", "0e126", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		got, gotErr := AppendKeyText([]byte("x"), s)
		if err != nil {
			if gotErr == nil || gotErr.Error() != err.Error() {
				t.Fatalf("AppendKeyText(%q): error %v, Parse's %v", s, gotErr, err)
			}
			return
		}
		if want := n.AppendKey([]byte("x")); gotErr != nil || !bytes.Equal(got, want) {
			t.Fatalf("AppendKeyText(%q) = %x, %v; Parse then AppendKey %x", s, got, gotErr, want)
		}
	})
}

func FuzzParseKey_InvertsAppendKey(f *testing.F) {
	for _, s := range []string{"0", "1", "-1", "1.5", "-1.5", "1e125", "-1e-130", "12345678901234567890123456789012345678"} {
		f.Add(MustParse(s).AppendKey(nil))
	}
	f.Add([]byte{keyPositive, 0x80, '0'})
	f.Add([]byte{keyNegative, 0x80, 0xFE - 5})
	f.Fuzz(func(t *testing.T, k []byte) {
		n, err := ParseKey(string(k))
		size, sizeErr := KeySize(string(k))
		if err != nil {
			if !errors.Is(err, ErrNotKey) || !errors.Is(sizeErr, ErrNotKey) {
				t.Fatalf("ParseKey(%x): %v; KeySize: %v", k, err, sizeErr)
			}
			return
		}
		if again := n.AppendKey(nil); !bytes.Equal(again, k) {
			t.Fatalf("ParseKey(%x) = %s, whose key is %x", k, n, again)
		}
		if sizeErr != nil || size != n.Size() {
			t.Fatalf("KeySize(%x) = %d, %v; Size(%s) = %d", k, size, sizeErr, n, n.Size())
		}
		if back, err := Parse(n.String()); err == nil && back != n {
			t.Fatalf("ParseKey(%x) = %s, which parses to %v", k, n, back)
		}
	})
}
