package number

import "errors"

// Key encoding bytes: the first byte orders negatives before zero before
// positives.
const (
	keyNegative = 0x01
	keyZero     = 0x02
	keyPositive = 0x03
	// keyNegEnd ends a negative number's digits; it is above every inverted
	// digit, so a negative whose digits extend another's sorts first.
	keyNegEnd = 0xFF
)

// AppendKey appends an order-preserving encoding of n to dst: for any a and
// b, bytes.Compare(a.AppendKey(nil), b.AppendKey(nil)) == Compare(a, b).
// Equal numbers encode identically however they were written ("1000",
// "1e3", "1000.0"). Layout: a sign byte; then, for non-zero numbers, the
// exponent in one byte and one byte a digit, both inverted for negatives,
// which also end with 0xFF. At most 41 bytes.
func (n Number) AppendKey(dst []byte) []byte {
	return appendKey(dst, n.Sign(), n.exp, n.digits, "")
}

// AppendKeyText appends the AppendKey encoding of the number written s,
// or returns Parse's error. Unlike Parse, it never allocates (but for
// dst's growth). Cost: O(len(s)).
func AppendKeyText(dst []byte, s string) ([]byte, error) {
	p, err := scan(s)
	if err != nil {
		return dst, err
	}
	sign := 1
	switch {
	case p.zero():
		sign = 0
	case p.neg:
		sign = -1
	}
	n := len(p.intPart)
	lo, hi := p.intPart[min(p.from, n):min(p.to, n)], p.fracPart[max(p.from-n, 0):max(p.to-n, 0)]
	return appendKey(dst, sign, p.exp, lo, hi), nil
}

// appendKey appends the key encoding of a number of that sign whose
// significant digits are d1 then d2, the first at the power of ten exp.
func appendKey(dst []byte, sign, exp int, d1, d2 string) []byte {
	switch sign {
	case 0:
		return append(dst, keyZero)
	case 1:
		dst = append(dst, keyPositive, byte(exp-MinExponent))
		return append(append(dst, d1...), d2...)
	}
	dst = append(dst, keyNegative, byte(255-(exp-MinExponent)))
	for _, d := range [2]string{d1, d2} {
		for i := 0; i < len(d); i++ {
			dst = append(dst, 0xFE-(d[i]-'0'))
		}
	}
	return append(dst, keyNegEnd)
}

// ErrNotKey is ParseKey's and KeySize's error for bytes that are no
// AppendKey encoding.
var ErrNotKey = errors.New("number: not a key encoding")

// ParseKey returns the number whose AppendKey encoding is k: AppendKey's
// inverse. Bytes that are no such encoding are ErrNotKey. Cost:
// O(len(k)); one allocation, for a negative number's digits.
func ParseKey(k string) (Number, error) {
	neg, exp, digits, ok := splitKey(k)
	if !ok {
		return Number{}, ErrNotKey
	}
	if neg {
		b := []byte(digits)
		for i, c := range b {
			b[i] = '0' + (0xFE - c)
		}
		digits = string(b)
	}
	return Number{neg: neg, exp: exp, digits: digits}, nil
}

// KeySize returns the Size of the number whose AppendKey encoding is k,
// or ErrNotKey. Cost: O(len(k)); no allocation.
func KeySize(k string) (int, error) {
	neg, exp, digits, ok := splitKey(k)
	if !ok {
		return 0, ErrNotKey
	}
	return size(neg, exp, len(digits)), nil
}

// TextSize returns the Size of the number written s, or Parse's error.
// Unlike Parse, it never allocates. Cost: O(len(s)).
func TextSize(s string) (int, error) {
	p, err := scan(s)
	if err != nil {
		return 0, err
	}
	return size(p.neg && !p.zero(), p.exp, p.to-p.from), nil
}

// splitKey splits an AppendKey encoding into its sign, exponent and
// digits (still inverted for a negative number); ok is false for bytes
// that are none.
func splitKey(k string) (neg bool, exp int, digits string, ok bool) {
	if k == string(rune(keyZero)) {
		return false, 0, "", true
	}
	if len(k) < 3 {
		return false, 0, "", false
	}
	lo, hi := byte('0'), byte('9') // the bytes a digit may be
	switch k[0] {
	case keyPositive:
		exp, digits = int(k[1])+MinExponent, k[2:]
	case keyNegative:
		if k[len(k)-1] != keyNegEnd {
			return false, 0, "", false
		}
		neg, exp, digits = true, 255-int(k[1])+MinExponent, k[2:len(k)-1]
		lo, hi = 0xFE-9, 0xFE
	default:
		return false, 0, "", false
	}
	zero := lo
	if neg {
		zero = hi
	}
	if len(digits) == 0 || len(digits) > MaxDigits || exp > MaxExponent || digits[0] == zero || digits[len(digits)-1] == zero {
		return false, 0, "", false
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < lo || digits[i] > hi {
			return false, 0, "", false
		}
	}
	return neg, exp, digits, true
}
