package expr

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
)

// Seeds shared by the fuzz targets: every grammar sees every seed.
var fuzzSeeds = []string{
	"a = :v AND (b < :w OR NOT attribute_exists(#c))",
	"x BETWEEN :lo AND :hi", "x IN (:a, :b)", "size(a) > :n", "(a) = (b)", "((a = b))",
	"NOT NOT a = b", "begins_with(a.#b[3], :p) OR contains(l, :x)", "attribute_type(a, :t)",
	"a[99999999999999] = :v", "(a = b) = c", "size(size(a)) > :n", "if_not_exists(a, :v) = :v",
	"SET a = :v, b = b + :n REMOVE c ADD d :x DELETE e :y", "set a = ((b + c))", "SET a = (b) + (c)",
	"SET a = list_append(if_not_exists(a, :e), :t)", "SET #a[1].b = if_not_exists(#a[1].b, :z) - :one",
	"a, b.c[1], #d", "a,", "!!! INVALID !!!", `"quoted" 'x'`, "SET _123 = :v", "", "   ",
}

// checkFuzzResult fails t unless err is an *Error with the prefix of kind,
// or nil; and unless an accepted expression prints as text that parses back
// to the same text. (Canonical text adds spaces, so it can pass the size
// limit where the input did not; such text is not parsed again.)
func checkFuzzResult(t *testing.T, kind Kind, e Expr, err error, parse func(string) (Expr, error)) {
	t.Helper()
	if err != nil {
		var xe *Error
		if !errors.As(err, &xe) {
			t.Fatalf("error %v is %T, not *Error", err, err)
		}
		if !strings.HasPrefix(xe.Message, "Invalid "+kind.String()+": ") {
			t.Fatalf("error %q lacks the %s prefix", xe.Message, kind)
		}
		return
	}
	text := e.String()
	if len(text) > maxExpressionSize {
		return
	}
	again, err := parse(text)
	if err != nil {
		t.Fatalf("printed %q does not parse: %v", text, err)
	}
	if got := again.String(); got != text {
		t.Fatalf("printed %q, reparsed prints %q", text, got)
	}
}

func FuzzParseCondition(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		parse := func(s string) (Expr, error) { return ParseCondition(Filter, s) }
		c, err := ParseCondition(Filter, text)
		checkFuzzResult(t, Filter, c, err, parse)
	})
}

func FuzzParseUpdate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		parse := func(s string) (Expr, error) { return ParseUpdate(s) }
		u, err := ParseUpdate(text)
		checkFuzzResult(t, Update, u, err, parse)
	})
}

func FuzzParseProjection(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		parse := func(s string) (Expr, error) { return ParseProjection(s) }
		p, err := ParseProjection(text)
		checkFuzzResult(t, Projection, p, err, parse)
	})
}

// TestParse_RandomTokenSoup_KeepsFuzzProperties feeds every grammar strings
// of random tokens, which reach deeper into the grammar than byte mutations
// do, and checks them as the fuzz targets do.
func TestParse_RandomTokenSoup_KeepsFuzzProperties(t *testing.T) {
	vocabulary := []string{
		"a", "b", "#n", ":v", "size", "attribute_exists", "begins_with", "contains", "attribute_type",
		"if_not_exists", "list_append", "f", "views", "(", ")", "(", ")", "[", "]", "[0]", "[7]", ",", ".",
		"+", "-", "=", "<>", "<", "<=", ">", ">=", "AND", "OR", "NOT", "BETWEEN", "IN",
		"SET", "REMOVE", "ADD", "DELETE", "!", "_", "'s'", "01",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var sb strings.Builder
	for range 20000 {
		sb.Reset()
		for range 1 + rng.IntN(14) {
			sb.WriteString(vocabulary[rng.IntN(len(vocabulary))])
			if rng.IntN(3) > 0 {
				sb.WriteByte(' ')
			}
		}
		text := sb.String()
		c, err := ParseCondition(Filter, text)
		checkFuzzResult(t, Filter, c, err, func(s string) (Expr, error) { return ParseCondition(Filter, s) })
		u, err := ParseUpdate(text)
		checkFuzzResult(t, Update, u, err, func(s string) (Expr, error) { return ParseUpdate(s) })
		p, err := ParseProjection(text)
		checkFuzzResult(t, Projection, p, err, func(s string) (Expr, error) { return ParseProjection(s) })
	}
}
