package csvtable

import (
	"unicode"
	"unicode/utf8"
)

// AppendField appends field to b exactly as encoding/csv's Writer writes
// it with its defaults (comma ',', LF line ends): as it is, or enclosed in
// double quotes, with each quote doubled, when it holds a comma, a quote,
// CR or LF, starts with a space character, or is `\.`. A writer that
// renders a record into one reused buffer (a dues ledger row) writes the
// bytes a csv.Writer would, without a string per cell;
// FuzzAppendField checks it against encoding/csv.
func AppendField(b []byte, field string) []byte {
	if !needsQuotes(field) {
		return append(b, field...)
	}
	b = append(b, '"')
	for i := 0; i < len(field); i++ {
		c := field[i]
		if c == '"' {
			b = append(b, '"')
		}
		b = append(b, c)
	}
	return append(b, '"')
}

// needsQuotes is encoding/csv's rule for a field that must be quoted,
// with comma ','.
func needsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ {
		switch field[i] {
		case '\n', '\r', '"', ',':
			return true
		}
	}
	c := field[0]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\v' || c == '\f' // CR and LF were found above
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}
