package number

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
	switch n.Sign() {
	case 0:
		return append(dst, keyZero)
	case 1:
		dst = append(dst, keyPositive, byte(n.exp-MinExponent))
		return append(dst, n.digits...)
	}
	dst = append(dst, keyNegative, byte(255-(n.exp-MinExponent)))
	for i := 0; i < len(n.digits); i++ {
		dst = append(dst, 0xFE-(n.digits[i]-'0'))
	}
	return append(dst, keyNegEnd)
}
