package number

import (
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"
)

// exact is an apd context that never rounds: Precision 0 disables rounding
// for addition and subtraction, so results are exact before the range
// checks below.
var exact = apd.Context{
	Precision:   0,
	MaxExponent: apd.MaxExponent,
	MinExponent: apd.MinExponent,
	Traps:       apd.DefaultTraps,
}

// Add returns a+b, exactly. A result out of range, or one that needs more
// than 38 significant digits, fails with Overflow (AWS's choice of message
// for both); a non-zero result below 1E-130 fails with Underflow.
// Cost: O(digits); small integers take a fast path with no allocation
// beyond the result's text.
func Add(a, b Number) (Number, error) {
	if x, ok := a.smallInt(); ok {
		if y, ok := b.smallInt(); ok {
			return FromInt64(x + y), nil
		}
	}
	var x, y, z apd.Decimal
	a.toDecimal(&x)
	b.toDecimal(&y)
	if _, err := exact.Add(&z, &x, &y); err != nil {
		return Number{}, &Error{Kind: Overflow}
	}
	return fromDecimal(&z)
}

// Sub returns a-b, exactly, with the errors of Add.
func Sub(a, b Number) (Number, error) {
	return Add(a, b.Neg())
}

// Neg returns -n.
func (n Number) Neg() Number {
	if n.digits != "" {
		n.neg = !n.neg
	}
	return n
}

// smallInt returns n as an int64 when it is an integer of at most 17 digits,
// so that the sum of two such never overflows an int64.
func (n Number) smallInt() (int64, bool) {
	if n.digits == "" {
		return 0, true
	}
	if n.exp >= 17 || n.exp < len(n.digits)-1 {
		return 0, false
	}
	v, err := strconv.ParseInt(n.digits, 10, 64)
	if err != nil {
		return 0, false
	}
	for range n.exp - (len(n.digits) - 1) {
		v *= 10
	}
	if n.neg {
		v = -v
	}
	return v, true
}

func (n Number) toDecimal(d *apd.Decimal) {
	if n.digits == "" {
		d.SetInt64(0)
		return
	}
	d.Coeff.SetString(n.digits, 10)
	d.Exponent = int32(n.exp - (len(n.digits) - 1))
	d.Negative = n.neg
	d.Form = apd.Finite
}

func fromDecimal(d *apd.Decimal) (Number, error) {
	d.Reduce(d)
	if d.IsZero() {
		return Number{}, nil
	}
	digits := d.Coeff.String()
	digits = strings.TrimPrefix(digits, "-")
	adj := int64(d.Exponent) + int64(len(digits)-1)
	switch {
	case adj > MaxExponent, len(digits) > MaxDigits:
		return Number{}, &Error{Kind: Overflow}
	case adj < MinExponent:
		return Number{}, &Error{Kind: Underflow}
	}
	return Number{neg: d.Negative, exp: int(adj), digits: digits}, nil
}
