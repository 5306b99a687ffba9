package expr

import (
	"strings"
	"unicode/utf8"
)

// item is a token of an expression: its type, where it starts and its text.
type item struct {
	typ itemType
	pos Pos
	val string
}

// itemType identifies the type of an item.
type itemType uint8

// The item types follow DynamoDB's own lexer (the grammar AWS ships with its
// DAX clients): every expression kind shares one set of tokens, so the
// keywords of one kind are keywords everywhere ("remove" is never a name).
const (
	itemEOF          itemType = iota // end of the input; printed "<EOF>"
	itemUnknown                      // any other single character, such as "!" or "_"
	itemString                       // a quoted string: a token no rule accepts
	itemName                         // a bare name: [A-Za-z][A-Za-z0-9_]*
	itemNameRef                      // an attribute name placeholder: #[A-Za-z0-9_]+
	itemValueRef                     // an attribute value placeholder: :[A-Za-z0-9_]+
	itemIndex                        // a list index: 0 or [1-9][0-9]*
	itemLeftParen                    // (
	itemRightParen                   // )
	itemLeftBracket                  // [
	itemRightBracket                 // ]
	itemComma                        // ,
	itemDot                          // .
	itemPlus                         // +
	itemMinus                        // -
	itemEq                           // =
	itemNe                           // <>
	itemLt                           // <
	itemLe                           // <=
	itemGt                           // >
	itemGe                           // >=
	itemAdd                          // ADD; the keywords are case-insensitive
	itemAnd                          // AND
	itemBetween                      // BETWEEN
	itemDelete                       // DELETE
	itemIn                           // IN
	itemNot                          // NOT
	itemOr                           // OR
	itemRemove                       // REMOVE
	itemSet                          // SET
)

// keywords maps the upper-case keywords to their item types.
var keywords = [...]struct {
	word string
	typ  itemType
}{
	{"ADD", itemAdd}, {"AND", itemAnd}, {"BETWEEN", itemBetween}, {"DELETE", itemDelete},
	{"IN", itemIn}, {"NOT", itemNot}, {"OR", itemOr}, {"REMOVE", itemRemove}, {"SET", itemSet},
}

// punctuation maps the one-character tokens to their item types.
var punctuation = [...]itemType{
	'(': itemLeftParen, ')': itemRightParen, '[': itemLeftBracket, ']': itemRightBracket,
	',': itemComma, '.': itemDot, '+': itemPlus, '-': itemMinus, '=': itemEq,
}

const eof = -1

// stateFn is a state of the lexer, returning the next state.
type stateFn func(*lexer) stateFn

// lexer holds the state of the scanner. It runs synchronously to the end of
// the input and never fails: a character it does not recognise becomes an
// itemUnknown, which the parser reports as a syntax error with its context.
type lexer struct {
	input string
	start int // start of the current item
	pos   int // current position in the input
	width int // width of the last rune read by next
	items []item
}

// lex splits input into items. The last item is always itemEOF.
func lex(input string) []item {
	l := &lexer{input: input, items: make([]item, 0, len(input)/3+2)}
	for state := lexAny; state != nil; {
		state = state(l)
	}
	return l.items
}

// next returns the next rune of the input, or eof.
func (l *lexer) next() rune {
	if l.pos >= len(l.input) {
		l.width = 0
		return eof
	}
	r, w := utf8.DecodeRuneInString(l.input[l.pos:])
	l.width = w
	l.pos += w
	return r
}

// peek returns the next rune without consuming it.
func (l *lexer) peek() rune {
	r := l.next()
	l.backup()
	return r
}

// backup steps back one rune. It can be called only once per call of next.
func (l *lexer) backup() {
	l.pos -= l.width
}

// emit passes the text from start to pos to the parser as an item of type t.
func (l *lexer) emit(t itemType) {
	l.items = append(l.items, item{typ: t, pos: Pos(l.start), val: l.input[l.start:l.pos]})
	l.start = l.pos
}

// ignore skips the text from start to pos.
func (l *lexer) ignore() {
	l.start = l.pos
}

// accept consumes the next rune if it is r.
func (l *lexer) accept(r rune) bool {
	if l.next() == r {
		return true
	}
	l.backup()
	return false
}

// acceptRun consumes a run of runes for which valid is true.
func (l *lexer) acceptRun(valid func(rune) bool) {
	for valid(l.next()) {
	}
	l.backup()
}

// lexAny scans the item that starts at pos.
func lexAny(l *lexer) stateFn {
	switch r := l.next(); {
	case r == eof:
		l.emit(itemEOF)
		return nil
	case isSpace(r):
		l.acceptRun(isSpace)
		l.ignore()
	case isLetter(r):
		return lexName
	case r == '#' || r == ':':
		return lexPlaceholder
	case r == '0':
		l.emit(itemIndex) // "007" is three indexes, as in DynamoDB's lexer
	case isDigit(r):
		l.acceptRun(isDigit)
		l.emit(itemIndex)
	case r == '"' || r == '\'':
		return lexQuote
	case r == '<':
		switch {
		case l.accept('='):
			l.emit(itemLe)
		case l.accept('>'):
			l.emit(itemNe)
		default:
			l.emit(itemLt)
		}
	case r == '>':
		if l.accept('=') {
			l.emit(itemGe)
		} else {
			l.emit(itemGt)
		}
	case r < rune(len(punctuation)) && punctuation[r] != itemEOF:
		l.emit(punctuation[r])
	default:
		l.emit(itemUnknown)
	}
	return lexAny
}

// lexName scans a name or a keyword; the first letter has been read.
func lexName(l *lexer) stateFn {
	l.acceptRun(isNameChar)
	word := l.input[l.start:l.pos]
	for _, k := range keywords {
		if strings.EqualFold(word, k.word) {
			l.emit(k.typ)
			return lexAny
		}
	}
	l.emit(itemName)
	return lexAny
}

// lexPlaceholder scans a #name or :value placeholder; the sigil has been
// read. A sigil not followed by a name character is an item of its own.
func lexPlaceholder(l *lexer) stateFn {
	if !isNameChar(l.peek()) {
		l.emit(itemUnknown)
		return lexAny
	}
	l.acceptRun(isNameChar)
	if l.input[l.start] == '#' {
		l.emit(itemNameRef)
	} else {
		l.emit(itemValueRef)
	}
	return lexAny
}

// lexQuote scans a quoted string, which ends at the next quote of the same
// kind; the opening quote has been read. An unterminated quote is an item of
// its own.
func lexQuote(l *lexer) stateFn {
	if i := strings.IndexByte(l.input[l.pos:], l.input[l.start]); i >= 0 {
		l.pos += i + 1
		l.emit(itemString)
	} else {
		l.emit(itemUnknown)
	}
	return lexAny
}

// isSpace reports whether r is white space in DynamoDB's lexer.
func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r'
}

// isLetter reports whether r may start a bare name.
func isLetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

// isDigit reports whether r is a decimal digit.
func isDigit(r rune) bool {
	return '0' <= r && r <= '9'
}

// isNameChar reports whether r may follow the first letter of a name, or
// the sigil of a placeholder.
func isNameChar(r rune) bool {
	return isLetter(r) || isDigit(r) || r == '_'
}
