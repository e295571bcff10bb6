package dtable

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// Item is one positive test of a cell: a comparison, an equality or an
// interval, against a number or (equality only, for text) a string.
type Item struct {
	Op         string // "=", "<", "<=", ">", ">=", or "..": an interval
	Str        bool   // the operand is a string (s), not a number (a)
	S          string
	A, B       rat.Rat // a: the operand or the interval's start; b: its end
	AOpen      bool    // the interval excludes its start
	BOpen      bool    // the interval excludes its end
	Start, End int     // the item's bytes in the cell
}

// Test is a parsed cell: any value, or a list of items, negated by
// not(...).
type Test struct {
	Any   bool
	Not   bool
	Items []Item
}

// CellError is a syntax or kind error in a cell, at a byte offset (or none
// when off < 0).
type CellError struct {
	Off int
	Msg string
}

func (e *CellError) Error() string {
	if e.Off < 0 {
		return e.Msg
	}
	return e.Msg + " at offset " + strconv.Itoa(e.Off)
}

type cellParser struct {
	s string
	i int
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func (p *cellParser) ws() {
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
	}
}

func (p *cellParser) fail(off int, format string, args ...any) *CellError {
	return &CellError{Off: off, Msg: fmt.Sprintf(format, args...)}
}

// unexpected reports the character at offset i.
func (p *cellParser) unexpected(i int) *CellError {
	r, size := utf8.DecodeRuneInString(p.s[i:])
	if r == utf8.RuneError && size <= 1 {
		return p.fail(i, "unexpected byte %#x", p.s[i])
	}
	return p.fail(i, "unexpected %q", r)
}

// Parse parses a cell. It never panics; the error is a *CellError.
func Parse(cell string) (Test, error) {
	p := cellParser{s: cell}
	p.ws()
	if p.i == len(p.s) {
		return Test{Any: true}, nil
	}
	if p.s[p.i] == '-' {
		j := p.i + 1
		for j < len(p.s) && isSpace(p.s[j]) {
			j++
		}
		if j == len(p.s) {
			return Test{Any: true}, nil
		}
	}
	var t Test
	if strings.HasPrefix(p.s[p.i:], "not") {
		p.i += 3
		p.ws()
		if p.i == len(p.s) || p.s[p.i] != '(' {
			return Test{}, p.fail(p.i, `want "(" after not`)
		}
		p.i++
		t.Not = true
	}
	items, err := p.list()
	if err != nil {
		return Test{}, err
	}
	t.Items = items
	p.ws()
	if t.Not {
		if p.i == len(p.s) || p.s[p.i] != ')' {
			if p.i == len(p.s) {
				return Test{}, p.fail(p.i, `want ")" to close not(`)
			}
			return Test{}, p.unexpected(p.i)
		}
		p.i++
		p.ws()
	}
	if p.i < len(p.s) {
		return Test{}, p.unexpected(p.i)
	}
	return t, nil
}

func (p *cellParser) list() ([]Item, error) {
	var items []Item
	for {
		it, err := p.item()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
			continue
		}
		return items, nil
	}
}

func (p *cellParser) item() (Item, error) {
	p.ws()
	start := p.i
	if p.i == len(p.s) || p.s[p.i] == ',' || p.s[p.i] == ')' {
		return Item{}, p.fail(p.i, "want a test")
	}
	var it Item
	var err error
	switch c := p.s[p.i]; {
	case c == '"':
		it.Op, it.Str = "=", true
		it.S, err = p.str()
	case c == '<' || c == '>' || c == '=':
		it.Op = string(c)
		p.i++
		if c != '=' && p.i < len(p.s) && p.s[p.i] == '=' {
			it.Op += "="
			p.i++
		}
		p.ws()
		switch {
		case p.i == len(p.s):
			return Item{}, p.fail(p.i, "want a number or a quoted string after %q", it.Op)
		case p.s[p.i] == '"':
			it.Str = true
			it.S, err = p.str()
		default:
			it.A, err = p.number()
		}
	case c == '[' || c == '(' || c == ']':
		it.Op = ".."
		it.AOpen = c != '['
		p.i++
		p.ws()
		if it.A, err = p.number(); err != nil {
			return Item{}, err
		}
		p.ws()
		if !strings.HasPrefix(p.s[p.i:], "..") {
			return Item{}, p.fail(p.i, `want ".." in the interval`)
		}
		p.i += 2
		p.ws()
		if it.B, err = p.number(); err != nil {
			return Item{}, err
		}
		p.ws()
		if p.i == len(p.s) || (p.s[p.i] != ']' && p.s[p.i] != ')' && p.s[p.i] != '[') {
			return Item{}, p.fail(p.i, `want "]", ")" or "[" to close the interval`)
		}
		it.BOpen = p.s[p.i] != ']'
		p.i++
	case c == '-' || isDigit(c):
		if c == '-' && (p.i+1 == len(p.s) || !isDigit(p.s[p.i+1])) {
			return Item{}, p.fail(p.i, `"-" (any value) stands alone`)
		}
		it.Op = "="
		it.A, err = p.number()
	case strings.HasPrefix(p.s[p.i:], "not"):
		return Item{}, p.fail(p.i, "not(...) takes a list of tests and cannot be nested")
	default:
		return Item{}, p.unexpected(p.i)
	}
	if err != nil {
		return Item{}, err
	}
	it.Start, it.End = start, p.i
	return it, nil
}

// number reads -?digits(.digits)? exactly.
func (p *cellParser) number() (rat.Rat, error) {
	start := p.i
	j := p.i
	if j < len(p.s) && p.s[j] == '-' {
		j++
	}
	d := j
	for j < len(p.s) && isDigit(p.s[j]) {
		j++
	}
	if j == d {
		return rat.Rat{}, p.fail(start, "want a number")
	}
	if j+1 < len(p.s) && p.s[j] == '.' && isDigit(p.s[j+1]) {
		j++
		for j < len(p.s) && isDigit(p.s[j]) {
			j++
		}
	}
	text := p.s[start:j]
	r, err := rat.Parse(text)
	if err != nil {
		return rat.Rat{}, p.fail(start, "number %s out of range", text)
	}
	p.i = j
	return r, nil
}

// str reads a quoted string with \" and \\ escapes.
func (p *cellParser) str() (string, error) {
	start := p.i
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		switch c := p.s[p.i]; c {
		case '"':
			p.i++
			return b.String(), nil
		case '\\':
			if p.i+1 < len(p.s) && (p.s[p.i+1] == '"' || p.s[p.i+1] == '\\') {
				b.WriteByte(p.s[p.i+1])
				p.i += 2
				continue
			}
			return "", p.fail(p.i, `bad escape (want \" or \\)`)
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return "", p.fail(start, "unterminated string")
}
