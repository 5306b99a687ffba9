package number

import "strings"

// The limits of DynamoDB's number type.
const (
	// MaxDigits is the most significant digits a number may have.
	MaxDigits = 38
	// MaxExponent is the largest power of ten a leading digit may have.
	MaxExponent = 125
	// MinExponent is the smallest power of ten a leading digit may have.
	MinExponent = -130
)

// Number is an exact decimal inside DynamoDB's range. The zero value is 0.
// Numbers are small immutable values; compare them with Compare, not ==,
// although two Numbers of equal value are also == (the form is canonical).
type Number struct {
	neg bool
	// exp is the power of ten of the first digit (the adjusted exponent);
	// zero for the number 0.
	exp int
	// digits are the significant digits, without leading or trailing
	// zeros; "" for the number 0.
	digits string
}

// Parse reads a DynamoDB number: an optional sign, digits with an optional
// decimal point (".5" and "1." are numbers), and an optional exponent
// ("1e3", "1E+3", "1e-3"). It returns the value in canonical form or an
// *Error with AWS's message: Empty, Invalid (no spaces, NaN, Infinity or hex
// are allowed), Overflow, Underflow or TooPrecise, checked in that order.
//
// Like DynamoDB (which reads numbers as Java BigDecimals), the range of a
// zero depends on how it is written: "0e126" overflows and "0e-131"
// underflows, while "0.0e126" is accepted. Cost: O(len(s)); it allocates
// only when the digits span a decimal point.
func Parse(s string) (Number, error) {
	p, err := scan(s)
	if err != nil || p.zero() {
		return Number{}, err
	}
	return Number{neg: p.neg, exp: p.exp, digits: sliceDigits(p.intPart, p.fracPart, p.from, p.to)}, nil
}

// scanned is a number as scan reads it: its significant digits are
// [from, to) of intPart followed by fracPart (none for zero), the first of
// them at the power of ten exp.
type scanned struct {
	neg               bool
	exp               int
	intPart, fracPart string
	from, to          int
}

// zero reports whether the number is 0.
func (p scanned) zero() bool { return p.from == p.to }

// scan reads s as Parse does, without allocating: the digits stay in s.
func scan(s string) (scanned, error) {
	if s == "" {
		return scanned{}, &Error{Kind: Empty}
	}
	i, neg := 0, false
	if s[0] == '+' || s[0] == '-' {
		neg = s[0] == '-'
		i++
	}
	intStart := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	intEnd, fracStart, fracEnd := i, i, i
	if i < len(s) && s[i] == '.' {
		i++
		fracStart = i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		fracEnd = i
	}
	if intEnd == intStart && fracEnd == fracStart {
		return scanned{}, &Error{Kind: Invalid, Raw: s}
	}
	var exp int64
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		eneg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			eneg = s[i] == '-'
			i++
		}
		start := i
		for i < len(s) && isDigit(s[i]) {
			if exp < 1e12 { // saturate: anything this large is out of range anyway
				exp = exp*10 + int64(s[i]-'0')
			}
			i++
		}
		if i == start {
			return scanned{}, &Error{Kind: Invalid, Raw: s}
		}
		if eneg {
			exp = -exp
		}
	}
	if i != len(s) {
		return scanned{}, &Error{Kind: Invalid, Raw: s}
	}

	intPart, fracPart := s[intStart:intEnd], s[fracStart:fracEnd]
	// scale is the power of ten of the last written digit.
	scale := exp - int64(len(fracPart))
	lead := countLeadingZeros(intPart)
	if lead == len(intPart) {
		lead += countLeadingZeros(fracPart)
	}
	total := len(intPart) + len(fracPart)
	if lead == total { // zero: BigDecimal's precision is 1, so its exponent is the scale
		switch {
		case scale > MaxExponent:
			return scanned{}, &Error{Kind: Overflow}
		case scale < MinExponent:
			return scanned{}, &Error{Kind: Underflow}
		}
		return scanned{}, nil
	}
	trail := countTrailingZeros(fracPart)
	if trail == len(fracPart) {
		trail += countTrailingZeros(intPart)
	}
	adj := scale + int64(total-1-lead)
	switch {
	case adj > MaxExponent:
		return scanned{}, &Error{Kind: Overflow}
	case adj < MinExponent:
		return scanned{}, &Error{Kind: Underflow}
	case total-lead-trail > MaxDigits:
		return scanned{}, &Error{Kind: TooPrecise}
	}
	return scanned{neg: neg, exp: int(adj), intPart: intPart, fracPart: fracPart, from: lead, to: total - trail}, nil
}

// sliceDigits returns the digits [from, to) of intPart followed by fracPart,
// without allocating when they lie in one of the two.
func sliceDigits(intPart, fracPart string, from, to int) string {
	n := len(intPart)
	switch {
	case to <= n:
		return intPart[from:to]
	case from >= n:
		return fracPart[from-n : to-n]
	}
	return intPart[from:] + fracPart[:to-n]
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func countLeadingZeros(s string) int {
	i := 0
	for i < len(s) && s[i] == '0' {
		i++
	}
	return i
}

func countTrailingZeros(s string) int {
	i := len(s)
	for i > 0 && s[i-1] == '0' {
		i--
	}
	return len(s) - i
}

// MustParse is Parse for constants known to be valid; it panics on error.
func MustParse(s string) Number {
	n, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return n
}

// IsZero reports whether n is 0.
func (n Number) IsZero() bool { return n.digits == "" }

// Sign returns -1, 0 or +1.
func (n Number) Sign() int {
	switch {
	case n.digits == "":
		return 0
	case n.neg:
		return -1
	}
	return 1
}

// String returns the canonical text DynamoDB returns: plain decimal notation
// (never an exponent), no leading zeros but one before the point, no
// trailing fractional zeros, no '+', and "0" for zero ("1.50" is "1.5",
// "1e3" is "1000", "-0" is "0"). Cost: one allocation.
func (n Number) String() string {
	return string(n.Append(nil))
}

// Append appends the canonical text of n to dst.
func (n Number) Append(dst []byte) []byte {
	d := n.digits
	if d == "" {
		return append(dst, '0')
	}
	if n.neg {
		dst = append(dst, '-')
	}
	switch {
	case n.exp >= len(d)-1: // an integer
		dst = append(dst, d...)
		for range n.exp - (len(d) - 1) {
			dst = append(dst, '0')
		}
	case n.exp >= 0:
		dst = append(dst, d[:n.exp+1]...)
		dst = append(dst, '.')
		dst = append(dst, d[n.exp+1:]...)
	default:
		dst = append(dst, "0."...)
		for range -n.exp - 1 {
			dst = append(dst, '0')
		}
		dst = append(dst, d...)
	}
	return dst
}

// Compare returns -1, 0 or +1 as a is less than, equal to or greater than b,
// by numeric value. Cost: O(digits), no allocation.
func Compare(a, b Number) int {
	sa, sb := a.Sign(), b.Sign()
	if sa != sb {
		if sa < sb {
			return -1
		}
		return 1
	}
	if sa == 0 {
		return 0
	}
	c := 0
	switch {
	case a.exp != b.exp:
		c = 1
		if a.exp < b.exp {
			c = -1
		}
	default:
		c = strings.Compare(a.digits, b.digits)
	}
	return c * sa
}

// FromInt64 returns the Number equal to i.
func FromInt64(i int64) Number {
	var buf [24]byte
	return MustParse(string(appendInt(buf[:0], i)))
}

func appendInt(dst []byte, i int64) []byte {
	u := uint64(i)
	if i < 0 {
		dst = append(dst, '-')
		u = -u
	}
	var tmp [20]byte
	p := len(tmp)
	for {
		p--
		tmp[p] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	return append(dst, tmp[p:]...)
}

// Size returns the bytes DynamoDB counts for n in an item's size: the
// significant digits grouped in pairs aligned on the decimal point, one byte
// a pair, plus one byte of exponent and one more for a negative number; 1
// for zero. So "1" is 2, "1.5" is 3, "100" is 2 and "-42" is 3.
func (n Number) Size() int { return size(n.neg, n.exp, len(n.digits)) }

// size is the Size of a number of that sign with digits significant
// digits, the first at the power of ten exp (none: zero).
func size(neg bool, exp, digits int) int {
	if digits == 0 {
		return 1
	}
	last := exp - (digits - 1)
	size := 1 + floorHalf(exp) - floorHalf(last) + 1
	if neg {
		size++
	}
	return size
}

func floorHalf(p int) int {
	if p >= 0 {
		return p / 2
	}
	return -((-p + 1) / 2)
}
