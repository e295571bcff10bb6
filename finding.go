package dangjian

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// Finding is one rule applied to valid input, in the one shape every
// package of the module uses: which rule, how severe, which subject (by the
// caller's own code or ID), the value found, a message and the rule's
// source. orgmodel's formation findings, funding's dues arrears and pay
// floors, and assess's gate hits are all Findings.
//
// A Finding is a plain value. It encodes to JSON with stable lowerCamel
// keys; empty fields are left out, except rule, severity, message and
// source.
type Finding struct {
	// Rule is the ID of the rule applied.
	Rule string
	// Severity follows the rule's modality (see [SeverityOf]).
	Severity Severity
	// Subject is the caller's code or ID of what the finding is about: an
	// organization's code, a member's ID, a secretary's subject ID.
	Subject string
	// Ref names the part of the subject the finding is about, if any (a
	// site, body or assignment by its code; a grade a gate forbids).
	Ref string
	// Name names the subject for people ("延吉市委 / 某公司党支部").
	Name string
	// Field is the field the value was read from ("members.full").
	Field string
	// Value is the value found, as text.
	Value string
	// On is the date or month the finding is about, if it is about one
	// (the month of a late payment); the zero Date when not.
	On Date
	// Line is the line of the subject's record in the input file, when it
	// was read from one; 0 otherwise.
	Line int
	// Message says what was found, in words.
	Message string
	// Source cites the rule.
	Source Source
	// Approval is the approval record that downgraded the finding to
	// [Info], if any.
	Approval *Approval
}

// Approval records a decision of an upper organization that a rule's
// finding may rely on: who approved (by the caller's code, or by name),
// when, and the document number of the reply (批复文号).
type Approval struct {
	// Kind is the approval's kind as a stable code ("below_threshold").
	Kind string `json:"kind,omitempty"`
	// Rule, if set, limits the approval to the rule with that ID.
	Rule   string `json:"rule,omitempty"`
	By     string `json:"by,omitempty"`
	ByName string `json:"byName,omitempty"`
	On     Date   `json:"on"`
	Ref    string `json:"ref,omitempty"`
}

type findingJSON struct {
	Rule     string    `json:"rule"`
	Severity Severity  `json:"severity"`
	Subject  string    `json:"subject,omitempty"`
	Ref      string    `json:"ref,omitempty"`
	Name     string    `json:"name,omitempty"`
	Field    string    `json:"field,omitempty"`
	Value    string    `json:"value,omitempty"`
	On       *Date     `json:"on,omitempty"`
	Line     int       `json:"line,omitempty"`
	Message  string    `json:"message"`
	Source   Source    `json:"source"`
	Approval *Approval `json:"approval,omitempty"`
}

// MarshalJSON encodes the finding with the keys rule, severity, subject,
// ref, name, field, value, on, line, message, source and approval. The
// bytes are exactly those encoding/json writes for the finding's wire form
// (HTML-safe escaping included); they are written without reflection,
// since a validation of a large tree encodes hundreds of thousands of
// findings.
func (f Finding) MarshalJSON() ([]byte, error) {
	if (f.Severity != SeverityUnknown && !f.Severity.IsValid()) ||
		(f.Source.Confidence != ConfidenceUnknown && !f.Source.Confidence.IsValid()) {
		return json.Marshal(f.wire()) // the encoder's own error for an undefined value
	}
	return f.appendJSON(make([]byte, 0, f.sizeHint())), nil
}

// sizeHint is the length of the finding's JSON when nothing needs
// escaping: the buffer is allocated once for most findings.
func (f Finding) sizeHint() int {
	n := 160 + len(f.Rule) + len(f.Subject) + len(f.Ref) + len(f.Name) + len(f.Field) + len(f.Value) +
		len(f.Message) + len(f.Source.Doc) + len(f.Source.Article) + len(f.Source.URL) + len(f.Source.Note)
	if a := f.Approval; a != nil {
		n += 80 + len(a.Kind) + len(a.Rule) + len(a.By) + len(a.ByName) + len(a.Ref)
	}
	return n
}

// wire returns the finding's wire form, as encoding/json encodes it.
func (f Finding) wire() findingJSON {
	w := findingJSON{Rule: f.Rule, Severity: f.Severity, Subject: f.Subject, Ref: f.Ref,
		Name: f.Name, Field: f.Field, Value: f.Value, Line: f.Line, Message: f.Message,
		Source: f.Source, Approval: f.Approval}
	if !f.On.IsZero() {
		on := f.On
		w.On = &on
	}
	return w
}

// appendJSON appends the bytes encoding/json writes for f.wire(), for a
// finding whose severity and confidence are defined (or unset).
func (f Finding) appendJSON(b []byte) []byte { return f.appendJSONLayout(b, jsonLayout{}) }

// jsonLayout is how appendJSONLayout lays out a finding: compact when
// indented is false, else as json.Indent with prefix and indent does.
type jsonLayout struct {
	indented       bool
	prefix, indent string
	sources        *sourceCache // if not nil, the sources encoded by this layout
}

// line appends, when indented, a line break, the prefix and depth indents.
func (l jsonLayout) line(b []byte, depth int) []byte {
	if !l.indented {
		return b
	}
	b = append(b, '\n')
	b = append(b, l.prefix...)
	for range depth {
		b = append(b, l.indent...)
	}
	return b
}

// key appends a member's key after its comma (unless first), its line
// and the colon.
func (l jsonLayout) key(b []byte, depth int, key string, first bool) []byte {
	if !first {
		b = append(b, ',')
	}
	b = l.line(b, depth)
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	if l.indented {
		b = append(b, ' ')
	}
	return b
}

// field appends the member key: s unless s is empty (omitempty).
func (l jsonLayout) field(b []byte, depth int, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(l.key(b, depth, key, false), s)
}

// appendSource appends the source member of a finding, its comma first.
func (l jsonLayout) appendSource(b []byte, src *Source) []byte {
	b = append(l.key(b, 1, "source", false), '{')
	b = appendJSONString(l.key(b, 2, "doc", true), src.Doc)
	b = l.field(b, 2, "article", src.Article)
	b = l.field(b, 2, "url", src.URL)
	conf := ""
	if src.Confidence != ConfidenceUnknown {
		conf = src.Confidence.String()
	}
	b = appendJSONString(l.key(b, 2, "confidence", false), conf)
	b = l.field(b, 2, "note", src.Note)
	return append(l.line(b, 1), '}')
}

// appendJSONLayout appends f as appendJSON does, laid out by l.
func (f Finding) appendJSONLayout(b []byte, l jsonLayout) []byte {
	b = append(b, '{')
	b = appendJSONString(l.key(b, 1, "rule", true), f.Rule)
	b = appendJSONString(l.key(b, 1, "severity", false), f.Severity.code())
	b = l.field(b, 1, "subject", f.Subject)
	b = l.field(b, 1, "ref", f.Ref)
	b = l.field(b, 1, "name", f.Name)
	b = l.field(b, 1, "field", f.Field)
	b = l.field(b, 1, "value", f.Value)
	if !f.On.IsZero() {
		b = appendJSONString(l.key(b, 1, "on", false), f.On.String())
	}
	if f.Line != 0 {
		b = strconv.AppendInt(l.key(b, 1, "line", false), int64(f.Line), 10)
	}
	b = appendJSONString(l.key(b, 1, "message", false), f.Message)
	if l.sources != nil {
		b = l.sources.appendSource(b, l, &f.Source)
	} else {
		b = l.appendSource(b, &f.Source)
	}
	if a := f.Approval; a != nil {
		b = append(l.key(b, 1, "approval", false), '{')
		n := len(b)
		b = l.field(b, 2, "kind", a.Kind)
		b = l.field(b, 2, "rule", a.Rule)
		b = l.field(b, 2, "by", a.By)
		b = l.field(b, 2, "byName", a.ByName)
		b = appendJSONString(l.key(b, 2, "on", false), a.On.String())
		b = l.field(b, 2, "ref", a.Ref)
		if b[n] == ',' { // the first member needs no comma
			b = append(b[:n], b[n+1:]...)
		}
		b = append(l.line(b, 1), '}')
	}
	return append(l.line(b, 0), '}')
}

// code returns the severity's code, "" when unset.
func (v Severity) code() string {
	if v == SeverityUnknown {
		return ""
	}
	return v.String()
}

// appendJSONField appends ,"key":"s" unless s is empty (omitempty).
func appendJSONField(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	b = append(b, ',', '"')
	b = append(b, key...)
	b = append(b, '"', ':')
	return appendJSONString(b, s)
}

// appendJSONString appends s quoted as encoding/json quotes it with its
// default HTML-safe escaping: '"' and '\\' escaped, \b \f \n \r \t by
// name, other control characters and '<', '>', '&' as \u00XX, U+2028 and
// U+2029 as \u2028 and \u2029, and each invalid UTF-8 byte as \ufffd.
// FuzzFindingJSON holds it to encoding/json byte for byte.
func appendJSONString(b []byte, s string) []byte {
	// Most strings are valid UTF-8: they are copied in runs between the
	// bytes to escape, found with a table. In valid UTF-8 a byte from
	// 0x80 is part of a character, and only U+2028 and U+2029 (E2 80 A8,
	// E2 80 A9) of those are escaped.
	if !utf8.ValidString(s) {
		return appendJSONStringSlow(b, s)
	}
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if jsonPlain[c] {
			i++
			continue
		}
		if c == 0xE2 {
			if s[i+1] == 0x80 && s[i+2]&^1 == 0xA8 {
				b = append(b, s[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hex[s[i+2]&0xF])
				start = i + 3
			}
			i += 3
			continue
		}
		b = append(b, s[start:i]...)
		b = appendEscapedByte(b, c)
		i++
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscapedByte appends the JSON escape of the ASCII byte c: '"' and
// '\\' with a backslash, the common controls by their letter, any other as
// \u00XX.
func appendEscapedByte(b []byte, c byte) []byte {
	const hex = "0123456789abcdef"
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
}

// jsonPlain holds the bytes that appendJSONString copies as they are in
// valid UTF-8: printable ASCII but '"', '\\', '<', '>' and '&', and every
// byte from 0x80 but 0xE2 (the first byte of U+2028 and U+2029).
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = true
	}
	for _, c := range []byte{'"', '\\', '<', '>', '&', 0xE2} {
		t[c] = false
	}
	return t
}()

// appendJSONStringSlow is appendJSONString for any string, a byte or a
// character at a time.
func appendJSONStringSlow(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscapedByte(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
