package number

// Kind says why a number was refused.
type Kind uint8

// The ways a number can be refused. Each has AWS's message; see Error.
const (
	// Empty is the empty string.
	Empty Kind = iota + 1
	// Invalid is text that is not a decimal number (NaN, hex, spaces, ...).
	Invalid
	// TooPrecise has more than 38 significant digits.
	TooPrecise
	// Overflow has a magnitude above 9.99...E+125, or is the result of
	// arithmetic that needs more than 38 digits.
	Overflow
	// Underflow has a non-zero magnitude below 1E-130.
	Underflow
)

// Error is a refused number. Its Error method gives AWS's message.
type Error struct {
	Kind Kind
	// Raw is the text as given, for Invalid.
	Raw string
}

// Error returns AWS's message text for the failure (classic wording).
func (e *Error) Error() string {
	switch e.Kind {
	case Empty:
		return "The parameter cannot be converted to a numeric value"
	case Invalid:
		return "The parameter cannot be converted to a numeric value: " + e.Raw
	case TooPrecise:
		return "Attempting to store more than 38 significant digits in a Number"
	case Overflow:
		return "Number overflow. Attempting to store a number with magnitude larger than supported range"
	case Underflow:
		return "Number underflow. Attempting to store a number with magnitude smaller than supported range"
	}
	return "invalid number"
}
