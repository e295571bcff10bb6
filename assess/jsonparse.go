package assess

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// maxJSONNesting bounds the nesting of arrays and objects the decoders
// read; a scheme at MaxDepth needs far fewer levels.
const maxJSONNesting = 512

// jnode is a parsed JSON value and where it starts in the input.
type jnode struct {
	kind  byte // '{', '[', '"', '0' (a number), 't', 'f' or 'n' (null)
	off   int
	raw   []byte   // the value's bytes as written
	keys  []jkey   // an object's members, in input order
	elems []*jnode // an array's elements
}

// jkey is an object member: the key (decoded), where the key starts, and
// the value.
type jkey struct {
	name string
	off  int
	val  *jnode
}

// jparser parses JSON into jnodes, keeping offsets. It stops at the first
// syntax error, which it reports with its line, column and the path of
// the value being read.
type jparser struct {
	data  []byte
	pos   int
	depth int
	root  string   // the path of the document itself
	segs  []string // the path to the value being read
	lines []int    // offsets where lines start, made on first use
}

func (p *jparser) ws() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

// lineCol returns the 1-based line and character column of offset off.
func (p *jparser) lineCol(off int) (int, int) {
	if p.lines == nil {
		p.lines = []int{0}
		for i, c := range p.data {
			if c == '\n' {
				p.lines = append(p.lines, i+1)
			}
		}
	}
	off = min(max(off, 0), len(p.data))
	l := sort.Search(len(p.lines), func(i int) bool { return p.lines[i] > off }) - 1
	return l + 1, utf8.RuneCount(p.data[p.lines[l]:off]) + 1
}

// path renders the path of the value being read.
func (p *jparser) path() string {
	s := p.root
	for _, seg := range p.segs {
		if (len(seg) > 0 && seg[0] == '[') || s == "" {
			s += seg
		} else {
			s += "." + seg
		}
	}
	return s
}

func (p *jparser) syntax(off int, detail string) *dangjian.Problem {
	line, col := p.lineCol(off)
	return &dangjian.Problem{Kind: dangjian.ErrSyntax, Path: p.path(), Line: line, Column: col, Detail: detail}
}

// unexpected reports the character at p.pos, or the end of the input.
func (p *jparser) unexpected(want string) *dangjian.Problem {
	if p.pos >= len(p.data) {
		return p.syntax(p.pos, "unexpected end of input, want "+want)
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	return p.syntax(p.pos, "unexpected "+strconv.QuoteRune(r)+", want "+want)
}

// parseDocument parses one JSON value followed by nothing but white space.
func (p *jparser) parseDocument() (*jnode, *dangjian.Problem) {
	if len(p.data) >= 3 && p.data[0] == 0xEF && p.data[1] == 0xBB && p.data[2] == 0xBF {
		return nil, &dangjian.Problem{Kind: dangjian.ErrEncoding, Line: 1, Column: 1, Detail: "a byte order mark is not allowed"}
	}
	p.ws()
	if p.pos == len(p.data) {
		return nil, &dangjian.Problem{Kind: dangjian.ErrSyntax, Detail: "empty input, want a JSON value"}
	}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.pos < len(p.data) {
		prob := p.syntax(p.pos, "unexpected data after the JSON value")
		prob.Path = ""
		return nil, prob
	}
	return n, nil
}

func (p *jparser) value() (*jnode, *dangjian.Problem) {
	p.ws()
	if p.pos >= len(p.data) {
		return nil, p.unexpected("a value")
	}
	start := p.pos
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		if err := p.str(); err != nil {
			return nil, err
		}
		return &jnode{kind: '"', off: start, raw: p.data[start:p.pos]}, nil
	case c == '-' || ('0' <= c && c <= '9'):
		if err := p.number(); err != nil {
			return nil, err
		}
		return &jnode{kind: '0', off: start, raw: p.data[start:p.pos]}, nil
	default:
		for _, lit := range []string{"true", "false", "null"} {
			if len(p.data)-p.pos >= len(lit) && string(p.data[p.pos:p.pos+len(lit)]) == lit {
				p.pos += len(lit)
				return &jnode{kind: lit[0], off: start, raw: p.data[start:p.pos]}, nil
			}
		}
		return nil, p.unexpected("a value")
	}
}

func (p *jparser) enter() *dangjian.Problem {
	p.depth++
	if p.depth > maxJSONNesting {
		line, col := p.lineCol(p.pos)
		return &dangjian.Problem{Kind: dangjian.ErrLimit, Path: p.path(), Line: line, Column: col,
			Detail: "arrays and objects nested deeper than " + strconv.Itoa(maxJSONNesting) + " levels"}
	}
	return nil
}

func (p *jparser) object() (*jnode, *dangjian.Problem) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	n := &jnode{kind: '{', off: p.pos}
	p.pos++ // {
	p.ws()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		n.raw = p.data[n.off:p.pos]
		p.depth--
		return n, nil
	}
	for {
		p.ws()
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.unexpected("a string key")
		}
		koff := p.pos
		if err := p.str(); err != nil {
			return nil, err
		}
		name, _ := unquote(p.data[koff:p.pos])
		p.ws()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.unexpected(`":" after a key`)
		}
		p.pos++
		p.segs = append(p.segs, name)
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.segs = p.segs[:len(p.segs)-1]
		n.keys = append(n.keys, jkey{name: name, off: koff, val: v})
		p.ws()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			n.raw = p.data[n.off:p.pos]
			p.depth--
			return n, nil
		}
		return nil, p.unexpected(`"," or "}"`)
	}
}

func (p *jparser) array() (*jnode, *dangjian.Problem) {
	if err := p.enter(); err != nil {
		return nil, err
	}
	n := &jnode{kind: '[', off: p.pos}
	p.pos++ // [
	p.ws()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		n.raw = p.data[n.off:p.pos]
		p.depth--
		return n, nil
	}
	for i := 0; ; i++ {
		p.segs = append(p.segs, "["+strconv.Itoa(i)+"]")
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.segs = p.segs[:len(p.segs)-1]
		n.elems = append(n.elems, v)
		p.ws()
		if p.pos < len(p.data) && p.data[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			n.raw = p.data[n.off:p.pos]
			p.depth--
			return n, nil
		}
		return nil, p.unexpected(`"," or "]"`)
	}
}

// str scans a string starting at p.pos (a '"').
func (p *jparser) str() *dangjian.Problem {
	start := p.pos
	p.pos++
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return nil
		case c == '\\':
			if p.pos+1 >= len(p.data) {
				return p.syntax(start, "unterminated string")
			}
			switch p.data[p.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				p.pos += 2
			case 'u':
				if p.pos+6 > len(p.data) {
					return p.syntax(p.pos, "invalid escape in a string")
				}
				for _, h := range p.data[p.pos+2 : p.pos+6] {
					if !isHex(h) {
						return p.syntax(p.pos, "invalid escape in a string")
					}
				}
				p.pos += 6
			default:
				return p.syntax(p.pos, "invalid escape in a string")
			}
		case c < 0x20:
			return p.syntax(p.pos, "control character in a string")
		default:
			p.pos++
		}
	}
	return p.syntax(start, "unterminated string")
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// number scans a JSON number.
func (p *jparser) number() *dangjian.Problem {
	start := p.pos
	digits := func() bool {
		s := p.pos
		for p.pos < len(p.data) && '0' <= p.data[p.pos] && p.data[p.pos] <= '9' {
			p.pos++
		}
		return p.pos > s
	}
	if p.data[p.pos] == '-' {
		p.pos++
	}
	intStart := p.pos
	if !digits() {
		return p.syntax(start, "invalid number")
	}
	if p.data[intStart] == '0' && p.pos-intStart > 1 {
		return p.syntax(start, "invalid number: a leading zero")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if !digits() {
			return p.syntax(start, "invalid number")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if !digits() {
			return p.syntax(start, "invalid number")
		}
	}
	return nil
}

// unquote decodes a scanned JSON string; ok is false for invalid UTF-8.
func unquote(raw []byte) (string, bool) {
	inner := raw[1 : len(raw)-1]
	simple := true
	for _, c := range inner {
		if c == '\\' {
			simple = false
			break
		}
	}
	if simple {
		if !utf8.Valid(inner) {
			return strings.ToValidUTF8(string(inner), "\uFFFD"), false
		}
		return string(inner), true
	}
	var b []byte
	ok := true
	for i := 0; i < len(inner); {
		c := inner[i]
		if c != '\\' {
			r, size := utf8.DecodeRune(inner[i:])
			if r == utf8.RuneError && size == 1 {
				ok = false
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, inner[i:i+size]...)
			}
			i += size
			continue
		}
		switch inner[i+1] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r := hex4(inner[i+2 : i+6])
			i += 6
			if 0xD800 <= r && r < 0xDC00 && i+6 <= len(inner) && inner[i] == '\\' && inner[i+1] == 'u' {
				if r2 := hex4(inner[i+2 : i+6]); 0xDC00 <= r2 && r2 < 0xE000 {
					r = (r-0xD800)<<10 | (r2 - 0xDC00) + 0x10000
					i += 6
				}
			}
			if 0xD800 <= r && r < 0xE000 {
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
			continue
		default: // '"', '\\', '/'
			b = append(b, inner[i+1])
		}
		i += 2
	}
	return string(b), ok
}

func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		default:
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}
