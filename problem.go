package dangjian

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxValueLen is the most bytes of an offending value a [Problem] quotes;
// a longer value is cut on a character boundary and ends with "…".
const MaxValueLen = 64

// Problem is one thing wrong with an input, in the one shape every package
// of the module uses: what kind of problem, where (the file, line and
// column, the field path, the caller's own code or ID of the record), the
// offending value, the rule involved and a message.
//
// The zero Problem is not useful; build one with a [Kind] and whatever of
// the location is known. A Problem is a plain value: the packages return
// new ones and never change them after returning.
//
// A *Problem is an error. It unwraps to its Kind and, if set, to Err, so
// errors.Is(p, dangjian.ErrInvalid) and errors.As(p, &syntaxErr) both work.
// It encodes to JSON with stable lowerCamel keys:
//
//	{"code":"invalid","path":"base","id":"M001","file":"roster.csv","line":3,"column":4,
//	 "value":"3,000.00","message":"invalid value: grouping commas are not accepted"}
type Problem struct {
	// Kind is the kind of the problem (never nil in problems the library
	// returns).
	Kind *Kind
	// Path addresses the field: "orgs[3].parent" in a JSON document,
	// the column name ("base") in a CSV file, or "" for the record or the
	// input as a whole.
	Path string
	// ID is the caller's own code or ID of the record the problem is in
	// ("M001", "1001"), as the caller wrote it; "" when not known.
	ID string
	// File names the input, if the caller named it.
	File string
	// Line and Column are 1-based; 0 when not known. In a CSV file Column
	// is the field's position in its row; in JSON it is the character
	// position in the line.
	Line, Column int
	// Value is the offending value as written. Error and MarshalJSON quote
	// at most MaxValueLen bytes of it (see [Cut]).
	Value string
	// Rule is the ID of the rule involved, if any.
	Rule string
	// Detail explains the problem beyond the kind's text, without Go
	// names ("grouping commas are not accepted: write 3000.00").
	Detail string
	// Err is an underlying cause, if any (a *csv.ParseError, a narrower
	// sentinel); it is reachable through errors.Is and errors.As.
	Err error
}

// Cut returns s cut to MaxValueLen bytes on a character boundary, with
// "…" appended when it was cut.
func Cut(s string) string {
	if len(s) <= MaxValueLen {
		return s
	}
	n := MaxValueLen
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// Code returns the kind's machine code, or "invalid" for a problem
// without a kind.
func (p *Problem) Code() string {
	if p.Kind == nil {
		return ErrInvalid.code
	}
	return p.Kind.code
}

// Message returns the kind's text followed by the detail:
// "invalid value: grouping commas are not accepted".
func (p *Problem) Message() string {
	text := ErrInvalid.text
	if p.Kind != nil {
		text = p.Kind.text
	}
	if p.Detail == "" {
		return text
	}
	return text + ": " + p.Detail
}

// Where returns the location part of the message: "roster.csv:3:4: base",
// "line 3, column 4: base", "orgs[3].parent (id \"1001\")".
func (p *Problem) Where() string {
	var b strings.Builder
	switch {
	case p.File != "" && p.Line > 0:
		b.WriteString(p.File)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(p.Line))
		if p.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(p.Column))
		}
	case p.File != "":
		b.WriteString(p.File)
	case p.Line > 0:
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(p.Line))
		if p.Column > 0 {
			b.WriteString(", column ")
			b.WriteString(strconv.Itoa(p.Column))
		}
	}
	if p.Path != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(p.Path)
	}
	if p.ID != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("(id ")
		b.WriteString(strconv.Quote(p.ID))
		b.WriteByte(')')
	}
	return b.String()
}

// Error returns the location, the message, the quoted value and the rule:
//
//	roster.csv:3:4: base (id "M001"): invalid value: grouping commas are not accepted ("3,000.00")
func (p *Problem) Error() string {
	var b strings.Builder
	if w := p.Where(); w != "" {
		b.WriteString(w)
		b.WriteString(": ")
	}
	msg := p.Message()
	b.WriteString(msg)
	if p.Value != "" && !strings.Contains(msg, strconv.Quote(p.Value)) {
		b.WriteString(" (")
		b.WriteString(strconv.Quote(Cut(p.Value)))
		b.WriteByte(')')
	}
	if p.Rule != "" {
		b.WriteString(" [")
		b.WriteString(p.Rule)
		b.WriteByte(']')
	}
	return b.String()
}

// Unwrap returns the kind and the cause, for errors.Is and errors.As.
func (p *Problem) Unwrap() []error {
	var k error = ErrInvalid
	if p.Kind != nil {
		k = p.Kind
	}
	if p.Err == nil {
		return []error{k}
	}
	return []error{k, p.Err}
}

// problemJSON is the wire form of a Problem.
type problemJSON struct {
	Code    string `json:"code"`
	Path    string `json:"path,omitempty"`
	ID      string `json:"id,omitempty"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Value   string `json:"value,omitempty"`
	Rule    string `json:"rule,omitempty"`
	Message string `json:"message"`
	Detail  string `json:"detail,omitempty"`
}

// MarshalJSON encodes the problem with the keys code, path, id, file, line,
// column, value, rule, message (the kind's text and the detail) and
// detail; empty ones are left out, except code and message. The cause Err
// is not encoded: its text is in the detail where it matters.
func (p *Problem) MarshalJSON() ([]byte, error) {
	return json.Marshal(problemJSON{Code: p.Code(), Path: p.Path, ID: p.ID, File: p.File,
		Line: p.Line, Column: p.Column, Value: Cut(p.Value), Rule: p.Rule,
		Message: p.Message(), Detail: p.Detail})
}

// UnmarshalJSON decodes what MarshalJSON encodes. A code no package has
// registered decodes as [ErrInvalid], so that a newer producer's problems
// still decode.
func (p *Problem) UnmarshalJSON(b []byte) error {
	var w problemJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	k := KindOf(w.Code)
	if k == nil {
		k = ErrInvalid
	}
	*p = Problem{Kind: k, Path: w.Path, ID: w.ID, File: w.File, Line: w.Line, Column: w.Column,
		Value: w.Value, Rule: w.Rule, Detail: w.Detail}
	return nil
}

// AsProblem returns err as a *Problem: the Problem inside it if there is
// one (the first, for a list), else a new Problem of kind [ErrInvalid]
// whose detail is err's text. It returns nil for a nil error.
func AsProblem(err error) *Problem {
	if err == nil {
		return nil
	}
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	return &Problem{Kind: ErrInvalid, Detail: err.Error(), Err: err}
}
