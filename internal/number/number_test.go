package number

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse_CanonicalForm(t *testing.T) {
	cases := []struct{ in, want string }{
		{"0", "0"},
		{"1.50", "1.5"},
		{"1.0", "1"},
		{"007", "7"},
		{"+3", "3"},
		{".5", "0.5"},
		{"-.5", "-0.5"},
		{"1.", "1"},
		{"1e3", "1000"},
		{"1E+3", "1000"},
		{"123e-2", "1.23"},
		{"1e-20", "0.00000000000000000001"},
		{"1e125", "1" + strings.Repeat("0", 125)},
		{"1e-130", "0." + strings.Repeat("0", 129) + "1"},
		{"-0", "0"},
		{"-0.0", "0"},
		{"0e5", "0"},
		{"0042.1200", "42.12"},
		{"-0015.789e6", "-15789000"},
		{"0.0e126", "0"},
		{"0e-130", "0"},
		{"12345678901234567890123456789012345678", "12345678901234567890123456789012345678"},
		{"1234567890123456789012345678901234567800000", "1234567890123456789012345678901234567800000"},
		{"0.000000000000000000000000000000000000000000012345678901234567890123456789012345678", "0.000000000000000000000000000000000000000000012345678901234567890123456789012345678"},
		{"9.9999999999999999999999999999999999999E+125", "99999999999999999999999999999999999999" + strings.Repeat("0", 88)},
		{"-1e-130", "-0." + strings.Repeat("0", 129) + "1"},
		{"100.5", "100.5"},
		{"0.15", "0.15"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			n, err := Parse(c.in)
			require.NoError(t, err)
			assert.Equal(t, c.want, n.String())
			again, err := Parse(n.String())
			require.NoError(t, err)
			assert.Equal(t, n, again, "canonical text must parse to the same Number")
		})
	}
}

func TestParse_RejectsWithAWSMessages(t *testing.T) {
	const invalid = "The parameter cannot be converted to a numeric value: "
	const overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range"
	const underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range"
	const precise = "Attempting to store more than 38 significant digits in a Number"
	cases := []struct {
		in   string
		kind Kind
		msg  string
	}{
		{"", Empty, "The parameter cannot be converted to a numeric value"},
		{"abc", Invalid, invalid + "abc"},
		{"NaN", Invalid, invalid + "NaN"},
		{"Infinity", Invalid, invalid + "Infinity"},
		{"-Infinity", Invalid, invalid + "-Infinity"},
		{"0x10", Invalid, invalid + "0x10"},
		{"1e", Invalid, invalid + "1e"},
		{"1e+", Invalid, invalid + "1e+"},
		{"1.2.3", Invalid, invalid + "1.2.3"},
		{" 1", Invalid, invalid + " 1"},
		{"1 ", Invalid, invalid + "1 "},
		{".", Invalid, invalid + "."},
		{"-", Invalid, invalid + "-"},
		{"+-1", Invalid, invalid + "+-1"},
		{"e5", Invalid, invalid + "e5"},
		{"1_000", Invalid, invalid + "1_000"},
		{"١", Invalid, invalid + "١"},
		{"1e126", Overflow, overflow},
		{"10e125", Overflow, overflow},
		{"-1e126", Overflow, overflow},
		{"1e99999999999", Overflow, overflow},
		{"1e2147483647", Overflow, overflow},
		{"0e126", Overflow, overflow},
		{"1e-131", Underflow, underflow},
		{"0.1e-130", Underflow, underflow},
		{"0e-131", Underflow, underflow},
		{"1e-99999999999", Underflow, underflow},
		{"123456789012345678901234567890123456789", TooPrecise, precise},
		{"1.23456789012345678901234567890123456789", TooPrecise, precise},
		{"-0.000123456789012345678901234567890123456789", TooPrecise, precise},
		{"1234567890123456789012345678901234567890e200", Overflow, overflow},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			_, err := Parse(c.in)
			var e *Error
			require.True(t, errors.As(err, &e), "want *Error, got %v", err)
			assert.Equal(t, c.kind, e.Kind)
			assert.Equal(t, c.msg, e.Error())
		})
	}
}

func TestNumber_Size(t *testing.T) {
	// The captured sizes of ddb-facts.md section 3.
	cases := []struct {
		in   string
		want int
	}{
		{"0", 1}, {"1", 2}, {"12", 2}, {"123", 3}, {"1234", 3},
		{strings.Repeat("9", 38), 20}, {"0042", 2}, {"100", 2}, {"1010", 3},
		{"0.0000001", 2}, {"1E125", 2}, {"1E-100", 2}, {"1.5", 3}, {"15", 2},
		{"1.2", 3}, {"1.200", 3}, {"1.234", 4}, {"3.14159", 5}, {"123456", 4},
		{"100.5", 4}, {"0.15", 2}, {"-42", 3}, {"-0", 1},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			assert.Equal(t, c.want, MustParse(c.in).Size())
		})
	}
}

func TestCompare_ByValueNotSpelling(t *testing.T) {
	ordered := []string{"-1e125", "-100", "-1.5", "-1", "-0.5", "-1e-130", "0", "1e-130", "0.5", "1", "1.5", "2", "10", "1e125"}
	for i, a := range ordered {
		for j, b := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			assert.Equal(t, want, Compare(MustParse(a), MustParse(b)), "%s vs %s", a, b)
		}
	}
	same := []string{"1000", "1e3", "1E+3", "1000.0", "001000", "+1000", "10000e-1"}
	for _, s := range same {
		assert.Equal(t, 0, Compare(MustParse("1000"), MustParse(s)), s)
		assert.Equal(t, MustParse("1000").AppendKey(nil), MustParse(s).AppendKey(nil), s)
	}
}

func TestAppendKey_OrderMatchesCompare(t *testing.T) {
	values := []string{"-1e125", "-99", "-10", "-9.99", "-1.5", "-1.05", "-1", "-0.1", "-1e-130",
		"0", "1e-130", "0.1", "1", "1.05", "1.5", "9.99", "10", "99", "1e125", "12345678901234567890123456789012345678"}
	for _, a := range values {
		for _, b := range values {
			na, nb := MustParse(a), MustParse(b)
			assert.Equal(t, Compare(na, nb), bytes.Compare(na.AppendKey(nil), nb.AppendKey(nil)), "%s vs %s", a, b)
		}
	}
}

func TestAdd_Exact(t *testing.T) {
	sum := Number{}
	tenth := MustParse("0.1")
	for range 10 {
		var err error
		sum, err = Add(sum, tenth)
		require.NoError(t, err)
	}
	assert.Equal(t, "1", sum.String())

	cases := []struct{ a, b, want string }{
		{"1", "2", "3"},
		{"-5", "3", "-2"},
		{"1.5", "1.5", "3"},
		{"99999999999999999", "1", "100000000000000000"},
		{"99999999999999999", "99999999999999999", "199999999999999998"},
		{"9223372036854775807", "1", "9223372036854775808"},
		{"0.1", "-0.1", "0"},
		{"1e125", "-1e125", "0"},
		{"1e-130", "1e-130", "0." + strings.Repeat("0", 129) + "2"},
		{"12345678901234567890123456789012345678", "1", "12345678901234567890123456789012345679"},
	}
	for _, c := range cases {
		got, err := Add(MustParse(c.a), MustParse(c.b))
		require.NoError(t, err, "%s + %s", c.a, c.b)
		assert.Equal(t, c.want, got.String(), "%s + %s", c.a, c.b)
	}
	diff, err := Sub(MustParse("3"), MustParse("5.25"))
	require.NoError(t, err)
	assert.Equal(t, "-2.25", diff.String())
}

func TestAdd_ResultOutOfRange(t *testing.T) {
	cases := []struct {
		a, b string
		kind Kind
	}{
		{"1e50", "1", Overflow}, // 51 digits: AWS answers with the overflow message
		{"9.9999999999999999999999999999999999999e125", "1e88", Overflow},
		{"-9.9999999999999999999999999999999999999e125", "-1e88", Overflow},
		{"12345678901234567890123456789012345678", "0.5", Overflow},
		{"1.1e-130", "-1e-130", Underflow},
	}
	for _, c := range cases {
		_, err := Add(MustParse(c.a), MustParse(c.b))
		var e *Error
		require.True(t, errors.As(err, &e), "%s + %s: %v", c.a, c.b, err)
		assert.Equal(t, c.kind, e.Kind, "%s + %s", c.a, c.b)
	}
}

func TestFromInt64(t *testing.T) {
	for _, i := range []int64{0, 1, -1, 100, -9223372036854775808, 9223372036854775807} {
		n := FromInt64(i)
		want := MustParse(strings.TrimSpace(string(appendInt(nil, i))))
		assert.Equal(t, want, n)
	}
	assert.Equal(t, "-9223372036854775808", FromInt64(-9223372036854775808).String())
}

// TestAppendKeyText_AllocatesNothing: a key of a number whose digits span
// its decimal point (which Parse copies) encodes without allocating.
func TestAppendKeyText_AllocatesNothing(t *testing.T) {
	buf := make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		_, err := AppendKeyText(buf[:0], "-1234.5678e3")
		require.NoError(t, err)
	})
	assert.Zero(t, allocs)
}
