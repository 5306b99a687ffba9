package ddbsim

// Wording chooses between the two forms of DynamoDB's validation messages:
// AWS is moving request validation to a newer framework, region by region,
// and both answers are real today.
type Wording string

// Wordings. The empty value means WordingClassic.
const (
	// WordingClassic is the older framework's form, still the majority
	// answer: "Value '0' at 'limit' failed to satisfy constraint: ...".
	WordingClassic Wording = "classic"
	// WordingCurrent is the newer framework's form wherever a recorded
	// response gives it (the member path in PascalCase, the value not
	// echoed: "Value at 'Limit' failed to satisfy constraint: ..."); the
	// classic form elsewhere.
	WordingCurrent Wording = "current"
)

// worded returns err as the DB's Wording words it: with WordingCurrent,
// an Error that has a newer form comes back as a copy carrying it.
func (db *DB) worded(err error) error {
	e, ok := err.(*Error)
	if !ok || e.current == "" || db.opts.Wording != WordingCurrent {
		return err
	}
	c := *e
	c.Message, c.current = e.current, ""
	return &c
}
