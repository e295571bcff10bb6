package strictjson

import (
	"strconv"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// Kind is the kind of a [Token].
type Kind byte

// The kinds of token.
const (
	End         Kind = 0   // the end of the input, after the one value
	BeginObject Kind = '{' // {
	EndObject   Kind = '}' // }
	BeginArray  Kind = '[' // [
	EndArray    Kind = ']' // ]
	String      Kind = '"' // a string value or an object's key
	Number      Kind = '0' // a number, kept as written
	True        Kind = 't' // true
	False       Kind = 'f' // false
	Null        Kind = 'n' // null
)

// Token is one token of the input: its kind, the offset where it starts,
// and its bytes as written (a string with its quotes and escapes, a number
// as written). Raw is a slice of the input: it is valid as long as the
// input is.
type Token struct {
	Kind Kind
	Off  int
	Raw  []byte
	Key  bool // a String that is an object's key
}

// Text returns the token's text as a problem quotes it: a string
// unquoted, a number or a literal as written, a delimiter as itself.
func (t Token) Text() string {
	if t.Kind == String {
		s, _ := Unquote(t.Raw)
		return s
	}
	return string(t.Raw)
}

// Describe names the JSON type of a value that starts with t ("an
// object", "a string", "null"), for messages.
func (t Token) Describe() string {
	switch t.Kind {
	case BeginObject:
		return "an object"
	case BeginArray:
		return "an array"
	case String:
		return "a string"
	case Number:
		return "a number"
	case True, False:
		return "a boolean"
	case Null:
		return "null"
	}
	return "the end of the input"
}

// MaxDepth is the nesting of arrays and objects a [Scanner] accepts unless
// told otherwise.
const MaxDepth = 512

// Scanner reads the tokens of one JSON value followed by nothing but
// white space, checking the syntax as it goes. It keeps only the stack of
// open arrays and objects: its memory follows the nesting, not the input.
//
// The first syntax error ends the scanning: Next returns it, as a problem
// of kind [dangjian.ErrSyntax] (or [dangjian.ErrLimit] for nesting deeper
// than MaxDepth, [dangjian.ErrEncoding] for a byte order mark or for a
// string or key that is not UTF-8, at its first bad byte, with the
// detail [DetailNotUTF8]) with the
// path of the value being read, its line and column, and returns it again
// on every later call.
type Scanner struct {
	src *Source
	// Root is the path of the document's value ("" unless set).
	Root string
	// MaxDepth bounds the nesting; 0 means [MaxDepth].
	MaxDepth int
	// SkipBOM makes a leading byte order mark white space; without it, a
	// byte order mark is a problem of kind [dangjian.ErrEncoding].
	SkipBOM bool

	data   []byte
	pos    int
	state  uint8
	frames []frame
	err    *dangjian.Problem
}

// Scanner states: what the next token may be.
const (
	stStart      = iota // the document's value
	stValue             // a value (after a ':', or an array's ',')
	stKeyOrEnd          // an object's first key, or '}'
	stKey               // a key after ','
	stElemOrEnd         // an array's first element, or ']'
	stCommaOrEnd        // ',' or the end of the open container
	stDone              // nothing but white space
	stEnd               // End was returned
)

// NewScanner returns a scanner over src.
func NewScanner(src *Source) *Scanner { return &Scanner{src: src, data: src.data} }

// Source returns the scanner's source.
func (s *Scanner) Source() *Source { return s.src }

// Depth returns the number of open arrays and objects.
func (s *Scanner) Depth() int { return len(s.frames) }

// Path returns the path of the value being read: after a key, the key's
// field; after an array's '[' or ',', the element's.
func (s *Scanner) Path() string { return pathOf(s.Root, s.frames) }

// Offset returns the offset just after the last token read.
func (s *Scanner) Offset() int { return s.pos }

// More reports whether the open array or object has another element or
// field: whether the next token is not its end (nor a syntax error after
// which nothing more can be read).
func (s *Scanner) More() bool {
	if s.err != nil {
		return false
	}
	i := s.skipSpace(s.pos)
	return i < len(s.data) && s.data[i] != ']' && s.data[i] != '}'
}

func (s *Scanner) skipSpace(i int) int { return SkipSpace(s.data, i) }

func (s *Scanner) fail(kind *dangjian.Kind, off int, path, detail string) (Token, *dangjian.Problem) {
	line, col := s.src.Position(off)
	s.err = &dangjian.Problem{Kind: kind, Path: path, Line: line, Column: col, Detail: detail}
	return Token{}, s.err
}

func (s *Scanner) syntax(off int, detail string) (Token, *dangjian.Problem) {
	return s.fail(dangjian.ErrSyntax, off, s.Path(), detail)
}

// unexpected reports the character at pos, or the end of the input.
func (s *Scanner) unexpected(want string) (Token, *dangjian.Problem) {
	if s.pos >= len(s.data) {
		return s.syntax(s.pos, "unexpected end of input, want "+want)
	}
	r, _ := utf8.DecodeRune(s.data[s.pos:])
	return s.syntax(s.pos, "unexpected "+strconv.QuoteRune(r)+", want "+want)
}

// Next returns the next token, End after the document's value, or the
// syntax error that ends the input.
func (s *Scanner) Next() (Token, *dangjian.Problem) {
	if s.err != nil {
		return Token{}, s.err
	}
	if s.state == stStart && HasBOM(s.data) {
		if !s.SkipBOM {
			return s.fail(dangjian.ErrEncoding, 0, "", "a byte order mark is not allowed")
		}
		s.pos = 3
	}
	s.pos = s.skipSpace(s.pos)
	switch s.state {
	case stStart:
		if s.pos == len(s.data) {
			return s.syntax(s.pos, "empty input, want a JSON value")
		}
		return s.value()
	case stValue:
		return s.value()
	case stKeyOrEnd, stKey:
		if s.state == stKeyOrEnd && s.pos < len(s.data) && s.data[s.pos] == '}' {
			return s.close(EndObject)
		}
		if s.pos >= len(s.data) || s.data[s.pos] != '"' {
			return s.unexpected("a string key")
		}
		t, p := s.str()
		if p != nil {
			return t, p
		}
		t.Key = true
		s.pos = s.skipSpace(s.pos)
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			return s.unexpected(`":" after a key`)
		}
		s.pos++
		f := &s.frames[len(s.frames)-1]
		f.key, f.open = t.Raw, true
		s.state = stValue
		return t, nil
	case stElemOrEnd:
		if s.pos < len(s.data) && s.data[s.pos] == ']' {
			return s.close(EndArray)
		}
		s.frames[len(s.frames)-1].open = true
		return s.value()
	case stCommaOrEnd:
		f := &s.frames[len(s.frames)-1]
		end, want := byte(']'), `"," or "]"`
		if f.object {
			end, want = '}', `"," or "}"`
		}
		if s.pos < len(s.data) && s.data[s.pos] == ',' {
			s.pos++
			if f.object {
				s.state = stKey
				return s.Next()
			}
			f.index++
			f.open = true
			s.state = stValue
			return s.Next()
		}
		if s.pos < len(s.data) && s.data[s.pos] == end {
			return s.close(Kind(end))
		}
		return s.unexpected(want)
	case stDone:
		if s.pos < len(s.data) {
			return s.fail(dangjian.ErrSyntax, s.pos, "", "unexpected data after the JSON value")
		}
		s.state = stEnd
		return Token{Kind: End, Off: s.pos}, nil
	}
	return Token{Kind: End, Off: s.pos}, nil
}

// close ends the innermost array or object at pos.
func (s *Scanner) close(k Kind) (Token, *dangjian.Problem) {
	t := Token{Kind: k, Off: s.pos, Raw: s.data[s.pos : s.pos+1]}
	s.pos++
	s.frames = s.frames[:len(s.frames)-1]
	s.after()
	return t, nil
}

// after sets the state after a complete value.
func (s *Scanner) after() {
	if len(s.frames) == 0 {
		s.state = stDone
		return
	}
	s.frames[len(s.frames)-1].open = false
	s.state = stCommaOrEnd
}

// value reads the token that starts a value at pos.
func (s *Scanner) value() (Token, *dangjian.Problem) {
	if s.pos >= len(s.data) {
		return s.unexpected("a value")
	}
	start := s.pos
	switch c := s.data[s.pos]; {
	case c == '{' || c == '[':
		limit := s.MaxDepth
		if limit <= 0 {
			limit = MaxDepth
		}
		if len(s.frames) >= limit {
			return s.fail(dangjian.ErrLimit, s.pos, s.Path(),
				"arrays and objects nested deeper than "+strconv.Itoa(limit)+" levels")
		}
		s.pos++
		s.frames = append(s.frames, frame{object: c == '{'})
		if c == '{' {
			s.state = stKeyOrEnd
		} else {
			s.state = stElemOrEnd
		}
		return Token{Kind: Kind(c), Off: start, Raw: s.data[start:s.pos]}, nil
	case c == '"':
		t, p := s.str()
		if p != nil {
			return t, p
		}
		s.after()
		return t, nil
	case c == '-' || ('0' <= c && c <= '9'):
		if p := s.number(); p != nil {
			return Token{}, p
		}
		s.after()
		return Token{Kind: Number, Off: start, Raw: s.data[start:s.pos]}, nil
	default:
		for _, lit := range [...]string{"true", "false", "null"} {
			if len(s.data)-s.pos >= len(lit) && string(s.data[s.pos:s.pos+len(lit)]) == lit {
				s.pos += len(lit)
				s.after()
				return Token{Kind: Kind(lit[0]), Off: start, Raw: s.data[start:s.pos]}, nil
			}
		}
		return s.unexpected("a value")
	}
}

// str reads the string that starts at pos (a '"').
func (s *Scanner) str() (Token, *dangjian.Problem) {
	start := s.pos
	s.pos++
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			return Token{Kind: String, Off: start, Raw: s.data[start:s.pos]}, nil
		case c == '\\':
			if s.pos+1 >= len(s.data) {
				return s.syntax(start, "unterminated string")
			}
			switch s.data[s.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos += 2
			case 'u':
				if s.pos+6 > len(s.data) {
					return s.syntax(s.pos, "invalid escape in a string")
				}
				for _, h := range s.data[s.pos+2 : s.pos+6] {
					if !isHex(h) {
						return s.syntax(s.pos, "invalid escape in a string")
					}
				}
				s.pos += 6
			default:
				return s.syntax(s.pos, "invalid escape in a string")
			}
		case c < 0x20:
			return s.syntax(s.pos, "control character in a string")
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRune(s.data[s.pos:])
			if r == utf8.RuneError && n <= 1 {
				return s.notUTF8(start)
			}
			s.pos += n
		default:
			s.pos++
		}
	}
	return s.syntax(start, "unterminated string")
}

// DetailNotUTF8 is the detail of the problem, of kind
// [dangjian.ErrEncoding], for a string or key that is not UTF-8: most
// often a file saved in GBK.
const DetailNotUTF8 = "save the file as UTF-8, not GBK"

// notUTF8 reports the string that starts at start, whose byte at pos is
// not UTF-8: at that byte, with the string as written (cut) as the value.
func (s *Scanner) notUTF8(start int) (Token, *dangjian.Problem) {
	end := s.pos
	for end < len(s.data) && s.data[end] != '"' && end-start < 4*dangjian.MaxValueLen {
		end++
	}
	t, p := s.fail(dangjian.ErrEncoding, s.pos, s.Path(), DetailNotUTF8)
	p.Value = dangjian.Cut(string(s.data[start+1 : end]))
	return t, p
}

// number reads the number that starts at pos.
func (s *Scanner) number() *dangjian.Problem {
	start := s.pos
	digits := func() bool {
		d := s.pos
		for s.pos < len(s.data) && '0' <= s.data[s.pos] && s.data[s.pos] <= '9' {
			s.pos++
		}
		return s.pos > d
	}
	if s.data[s.pos] == '-' {
		s.pos++
	}
	intStart := s.pos
	if !digits() {
		_, p := s.syntax(start, "invalid number")
		return p
	}
	if s.data[intStart] == '0' && s.pos-intStart > 1 {
		_, p := s.syntax(start, "invalid number: a leading zero")
		return p
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		if !digits() {
			_, p := s.syntax(start, "invalid number")
			return p
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if !digits() {
			_, p := s.syntax(start, "invalid number")
			return p
		}
	}
	return nil
}

// Skip reads the rest of a value whose first token t was read: nothing
// for a scalar, up to the matching end for an array or object.
func (s *Scanner) Skip(t Token) *dangjian.Problem {
	if t.Kind != BeginObject && t.Kind != BeginArray {
		return nil
	}
	for depth := len(s.frames) - 1; len(s.frames) > depth; {
		if _, p := s.Next(); p != nil {
			return p
		}
	}
	return nil
}
