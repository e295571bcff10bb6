package orgmodel

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// EncodeJSON writes recs to w as one JSON object, indented by two spaces
// and ended by a newline, with the lowerCamel keys of the record types.
// The output is stable: the same records always encode to the same bytes.
// IDs, dates and enums encode as strings (enums as their English codes),
// and floor areas as decimal strings ("120.5"), so no number passes
// through floating point. Nil Orgs encode as an empty list.
//
// EncodeJSON writes nothing if it fails: on an enum value that is not
// defined, or on a decimal whose exponent lies outside ±64 (such a number
// would print as hundreds of digits or more).
func EncodeJSON(w io.Writer, recs Records) error {
	for i := range recs.Sites {
		if a := recs.Sites[i].Area; !decimalInRange(a) {
			return fmt.Errorf("orgmodel: EncodeJSON: sites[%d].area: %w (%q)", i, errDecimalRange,
				a.Coefficient().String()+"e"+strconv.Itoa(int(a.Exponent())))
		}
	}
	if recs.Orgs == nil {
		recs.Orgs = []Org{}
	}
	enc := json.NewEncoder(w) // marshals fully before it writes
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(recs); err != nil {
		return fmt.Errorf("orgmodel: EncodeJSON: %w", err)
	}
	return nil
}

// DecodeJSON reads one JSON object encoding [Records] from r, strictly:
// keys must be the record types' keys, spelled exactly (case included) and
// not repeated; nothing but white space may follow the object; IDs, dates,
// enums (English code or Chinese label) and numbers must be valid for
// their fields, and a floor area is a decimal string or number with an
// exponent within ±64. Empty lists decode as nil, so that decoding what
// [EncodeJSON] wrote gives back the same value.
//
// DecodeJSON does not check the records against each other: [Build] does.
// A problem is returned as a *[JSONError] naming the field path, the
// offset, line and column, and the offending value; a read error is
// returned wrapped. DecodeJSON reads all of r before decoding.
func DecodeJSON(r io.Reader) (Records, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Records{}, fmt.Errorf("orgmodel: DecodeJSON: %w", err)
	}
	return decodeJSON(data)
}

func decodeJSON(data []byte) (Records, error) {
	start := skipJSONSpace(data, 0)
	switch {
	case start == len(data):
		return Records{}, newJSONError(data, "", start, "", errJSONEmpty)
	case len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF:
		return Records{}, newJSONError(data, "", 0, "", errJSONBOM)
	case data[start] != '{':
		end := start + 1
		for end < len(data) && !isJSONDelim(data[end]) {
			end++
		}
		return Records{}, newJSONError(data, "", start, jsonValueText(data[start:end]), errJSONNotObject)
	}
	var recs Records
	if err := json.Unmarshal(data, &recs); err != nil {
		return Records{}, locateJSONError(data, err)
	}
	w := jsonWalk{data: data, mode: walkCheck}
	if err := w.top(); err != nil {
		return Records{}, err
	}
	normalizeLists(&recs)
	return recs, nil
}

// normalizeLists makes every empty list nil, as omitempty encodes both
// alike.
func normalizeLists(r *Records) {
	r.Orgs = nilIfEmpty(r.Orgs)
	for i := range r.Orgs {
		r.Orgs[i].Approvals = nilIfEmpty(r.Orgs[i].Approvals)
	}
	r.People = nilIfEmpty(r.People)
	r.Posts = nilIfEmpty(r.Posts)
	r.Assignments = nilIfEmpty(r.Assignments)
	r.Bodies = nilIfEmpty(r.Bodies)
	for i := range r.Bodies {
		b := &r.Bodies[i]
		b.Members = nilIfEmpty(b.Members)
		b.MemberUnits = nilIfEmpty(b.MemberUnits)
		if b.Chair != nil {
			b.Chair.Order = nilIfEmpty(b.Chair.Order)
		}
	}
	r.Sites = nilIfEmpty(r.Sites)
	r.Grids = nilIfEmpty(r.Grids)
}

func nilIfEmpty[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}

// maxDecimalExp bounds the exponent of a decoded or encoded decimal: a
// decimal prints with about |exponent| digits, and "1e999999999" would
// print as a gigabyte.
const maxDecimalExp = 64

func decimalInRange(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -maxDecimalExp && e <= maxDecimalExp
}

// JSONError is a problem in the JSON input of [DecodeJSON]. Path is the
// field path of the offending key or value ("orgs[3].members.full"; "" for
// the input as a whole). Offset is its 0-based byte offset in the input,
// and Line and Column its 1-based line and column (counted in characters);
// all three are -1, 0 and 0 when the position is not known. Value is the
// offending key or value as written (a JSON string unquoted), cut to 64
// bytes. It unwraps to Err, which wraps [ErrInvalidValue] for a value or
// key that is not allowed, and is a *json.SyntaxError for input that is
// not JSON.
type JSONError struct {
	Path   string
	Offset int64
	Line   int
	Column int
	Value  string
	Err    error
}

// Error returns the problem with its path, line, column and value:
//
//	orgmodel: orgs[3].kind (line 12, column 15): invalid value: ParseKind("x"): unknown kind
func (e *JSONError) Error() string {
	var b strings.Builder
	b.WriteString("orgmodel: ")
	if e.Path != "" {
		b.WriteString(e.Path)
	} else {
		b.WriteString("json")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, " (line %d, column %d)", e.Line, e.Column)
	}
	b.WriteString(": ")
	msg := "invalid input"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	b.WriteString(msg)
	if e.Value != "" && !strings.Contains(msg, strconv.Quote(e.Value)) {
		fmt.Fprintf(&b, " (%q)", e.Value)
	}
	return b.String()
}

// Unwrap returns Err.
func (e *JSONError) Unwrap() error { return e.Err }

var (
	errJSONEmpty      = fmt.Errorf("%w: empty input, want a JSON object", ErrInvalidValue)
	errJSONBOM        = fmt.Errorf("%w: a byte order mark is not allowed", ErrInvalidValue)
	errJSONNotObject  = fmt.Errorf("%w: want a JSON object", ErrInvalidValue)
	errDuplicateField = fmt.Errorf("%w: duplicate field", ErrInvalidValue)
	errDecimalRange   = fmt.Errorf("%w: decimal exponent out of range ±%d", ErrInvalidValue, maxDecimalExp)
)

// valueError is a value that does not decode into its field. It unwraps
// to both ErrInvalidValue and the decoder's error.
type valueError struct{ cause error }

func (e *valueError) Error() string {
	var te *json.UnmarshalTypeError
	if errors.As(e.cause, &te) {
		return "invalid value: want " + jsonTypeName(te.Type) + ", got " + te.Value
	}
	msg := e.cause.Error()
	for _, p := range []string{"orgmodel: ", "dangjian: ", "json: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return "invalid value: " + msg
}

func (e *valueError) Unwrap() []error { return []error{ErrInvalidValue, e.cause} }

// jsonTypeName names the JSON a Go type decodes from.
func jsonTypeName(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "a value"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if implementsText(t) {
			return "a string"
		}
		return "an integer"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "an array"
	case reflect.Struct, reflect.Map:
		if implementsText(t) {
			return "a string"
		}
		return "an object"
	case reflect.Array:
		if implementsText(t) {
			return "a string"
		}
		return "an array"
	}
	return "a value of type " + t.String()
}

func implementsText(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]())
}

func newJSONError(data []byte, path string, off int, value string, err error) *JSONError {
	e := &JSONError{Path: path, Offset: -1, Value: value, Err: err}
	if off >= 0 && off <= len(data) {
		e.Offset = int64(off)
		e.Line, e.Column = jsonLineColumn(data, off)
	}
	return e
}

// jsonLineColumn returns the 1-based line and character column of offset
// off in data.
func jsonLineColumn(data []byte, off int) (line, col int) {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

// jsonValueText returns the text of a JSON value for an error message: a
// string unquoted, anything else as written, cut to 64 bytes.
func jsonValueText(raw []byte) string {
	s := string(raw)
	if len(raw) >= 2 && raw[0] == '"' {
		var u string
		if json.Unmarshal(raw, &u) == nil {
			s = u
		}
	}
	if len(s) > 64 {
		cut := 64
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// locateJSONError turns an error of json.Unmarshal into a *JSONError.
func locateJSONError(data []byte, err error) *JSONError {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset) - 1
		if se.Offset >= int64(len(data)) && se.Error() == "unexpected end of JSON input" {
			off = len(data)
		}
		off = min(max(off, 0), len(data))
		w := jsonWalk{data: data, mode: walkFind, target: off}
		w.top()
		return newJSONError(data, w.found, off, "", se)
	}
	// The input is JSON, but a value does not fit its field: decode the
	// parts one by one to find which.
	w := jsonWalk{data: data, mode: walkLocate}
	if jerr := w.top(); jerr != nil {
		return jerr
	}
	return &JSONError{Offset: -1, Err: &valueError{err}}
}

// jsonShape describes the JSON of a Go type that [Records] holds.
type jsonShape struct {
	typ     reflect.Type
	kind    uint8             // shapeLeaf, shapeObject or shapeArray
	names   []string          // shapeObject: the keys, in field order
	index   map[string]int    // shapeObject: key → position in names
	lower   map[string]string // shapeObject: lower-case key → key
	fields  []*jsonShape      // shapeObject: the shape of each key's value
	elem    *jsonShape        // shapeArray
	decimal bool              // a decimal.Decimal leaf
}

const (
	shapeLeaf = iota
	shapeObject
	shapeArray
)

// recordsShape is the shape of Records, built once and read-only after.
var recordsShape = sync.OnceValue(func() *jsonShape {
	return shapeOf(reflect.TypeFor[Records](), map[reflect.Type]*jsonShape{})
})

func shapeOf(t reflect.Type, seen map[reflect.Type]*jsonShape) *jsonShape {
	if s, ok := seen[t]; ok {
		return s
	}
	s := &jsonShape{typ: t}
	seen[t] = s
	unmarshaler := reflect.TypeFor[json.Unmarshaler]()
	switch {
	case reflect.PointerTo(t).Implements(unmarshaler) || implementsText(t):
		s.decimal = t == reflect.TypeFor[decimal.Decimal]()
	case t.Kind() == reflect.Pointer:
		e := shapeOf(t.Elem(), seen)
		*s = *e
		s.typ = t
	case t.Kind() == reflect.Struct:
		s.kind = shapeObject
		s.index, s.lower = map[string]int{}, map[string]string{}
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			s.index[name] = len(s.names)
			s.lower[strings.ToLower(name)] = name
			s.names = append(s.names, name)
			s.fields = append(s.fields, shapeOf(f.Type, seen))
		}
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && t.Elem().Kind() != reflect.Uint8:
		s.kind = shapeArray
		s.elem = shapeOf(t.Elem(), seen)
	}
	return s
}

// Modes of a jsonWalk.
const (
	walkCheck  = iota // check keys and decimal ranges of JSON that decoded
	walkLocate        // find the value that failed to decode
	walkFind          // find the path at offset target of input that is not JSON
)

// jsonWalk walks JSON input along the shape of Records. It never panics
// and always ends, whatever the input: a walkFind walk goes through input
// that is not JSON, loosely.
type jsonWalk struct {
	data   []byte
	pos    int
	mode   int
	target int
	segs   []jsonSeg
	err    *JSONError
	found  string
	done   bool
}

// jsonSeg is one step of a path: an object key, or an array index when
// key is "".
type jsonSeg struct {
	key   string
	index int
}

func (w *jsonWalk) path() string {
	var b strings.Builder
	for i, s := range w.segs {
		if s.key == "" {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(s.index))
			b.WriteByte(']')
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// top walks the top-level object and returns the problem found, if any.
func (w *jsonWalk) top() *JSONError {
	w.ws()
	if w.pos < len(w.data) && w.data[w.pos] == '{' {
		w.object(recordsShape())
	}
	return w.err
}

func (w *jsonWalk) fail(off int, value string, err error) {
	w.err = newJSONError(w.data, w.path(), off, value, err)
	w.done = true
}

// reached reports, in a walkFind walk, whether the walk has reached the
// target offset, and records the path there.
func (w *jsonWalk) reached() bool {
	if w.mode == walkFind && w.pos >= w.target {
		w.found = w.path()
		w.done = true
	}
	return w.done
}

func (w *jsonWalk) ws() { w.pos = skipJSONSpace(w.data, w.pos) }

func skipJSONSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

func isJSONDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '[', ']', '{', '}', '"':
		return true
	}
	return false
}

// skipString moves past the string that starts at pos (or to the end of
// the input if it is not closed) and reports whether it had an escape.
func (w *jsonWalk) skipString() (escaped bool) {
	w.pos++
	for w.pos < len(w.data) {
		switch w.data[w.pos] {
		case '\\':
			escaped = true
			w.pos += 2
		case '"':
			w.pos++
			return escaped
		default:
			w.pos++
		}
	}
	w.pos = len(w.data)
	return escaped
}

// skipValue moves past one value, loosely: it stops at the end of the
// input or at a delimiter that closes an enclosing container.
func (w *jsonWalk) skipValue() {
	depth := 0
	for {
		w.ws()
		if w.pos >= len(w.data) {
			return
		}
		switch c := w.data[w.pos]; c {
		case '"':
			w.skipString()
		case '{', '[':
			depth++
			w.pos++
			continue
		case '}', ']':
			if depth == 0 {
				return
			}
			depth--
			w.pos++
		case ',', ':':
			if depth == 0 {
				return
			}
			w.pos++
			continue
		default:
			for w.pos < len(w.data) && !isJSONDelim(w.data[w.pos]) {
				w.pos++
			}
		}
		if depth == 0 {
			return
		}
	}
}

// key reads the object key at pos and returns it unescaped.
func (w *jsonWalk) key() []byte {
	start := w.pos
	escaped := w.skipString()
	raw := w.data[start:w.pos]
	if !escaped {
		if len(raw) >= 2 && raw[len(raw)-1] == '"' {
			return raw[1 : len(raw)-1]
		}
		return raw[1:]
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return raw
	}
	return []byte(s)
}

func (w *jsonWalk) object(s *jsonShape) {
	w.pos++ // '{'
	var seen uint64
	for !w.done {
		w.ws()
		if w.reached() || w.pos >= len(w.data) {
			return
		}
		switch w.data[w.pos] {
		case '}':
			w.pos++
			return
		case ',':
			w.pos++
			continue
		case '"':
		default: // not JSON: only a walkFind walk gets here
			start := w.pos
			w.skipValue()
			if w.pos == start {
				w.pos++
			}
			continue
		}
		keyAt := w.pos
		key := w.key()
		keyEnd := w.pos
		w.ws()
		if w.pos < len(w.data) && w.data[w.pos] == ':' {
			w.pos++
		}
		i, known := -1, false
		if s != nil {
			i, known = s.index[string(key)]
		}
		if !known {
			w.segs = append(w.segs, jsonSeg{key: string(key)})
			if w.mode != walkFind {
				w.fail(keyAt, jsonValueText(w.data[keyAt:keyEnd]), unknownField(s, string(key)))
				return
			}
			w.value(nil)
		} else {
			if i < 64 && seen&(1<<i) != 0 && w.mode != walkFind {
				w.segs = append(w.segs, jsonSeg{key: s.names[i]})
				w.fail(keyAt, s.names[i], errDuplicateField)
				return
			}
			seen |= 1 << (i & 63)
			w.segs = append(w.segs, jsonSeg{key: s.names[i]})
			w.value(s.fields[i])
		}
		if w.done {
			return
		}
		w.segs = w.segs[:len(w.segs)-1]
	}
}

func unknownField(s *jsonShape, key string) error {
	if s != nil {
		if want, ok := s.lower[strings.ToLower(key)]; ok {
			return fmt.Errorf("%w: unknown field (keys are case-sensitive: the field is %q)", ErrInvalidValue, want)
		}
	}
	return fmt.Errorf("%w: unknown field", ErrInvalidValue)
}

func (w *jsonWalk) array(s *jsonShape) {
	w.pos++ // '['
	for i := 0; !w.done; {
		w.ws()
		if w.reached() || w.pos >= len(w.data) {
			return
		}
		switch w.data[w.pos] {
		case ']', '}':
			w.pos++
			return
		case ',', ':':
			w.pos++
			continue
		}
		w.segs = append(w.segs, jsonSeg{index: i})
		var elem *jsonShape
		if s != nil {
			elem = s.elem
		}
		w.value(elem)
		if w.done {
			return
		}
		w.segs = w.segs[:len(w.segs)-1]
		i++
	}
}

// leafHoldsTarget reports, in a walkFind walk that has just skipped the
// leaf value starting at start, whether the target lies inside the leaf or
// just after it, or the input ends inside it.
func (w *jsonWalk) leafHoldsTarget(start int) bool {
	switch {
	case w.pos > w.target:
		return true
	case w.pos == len(w.data):
		return !json.Valid(w.data[start:]) // cut off, not complete
	}
	return w.pos == w.target
}

// value walks the value at pos, of shape s (nil: any value).
func (w *jsonWalk) value(s *jsonShape) {
	w.ws()
	if w.reached() || w.pos >= len(w.data) {
		return
	}
	start := w.pos
	c := w.data[start]
	object := s != nil && s.kind == shapeObject && c == '{'
	array := s != nil && s.kind == shapeArray && c == '['
	if w.mode == walkLocate && s != nil && !array {
		w.skipValue()
		err := json.Unmarshal(w.data[start:w.pos], reflect.New(s.typ).Interface())
		if err == nil {
			return
		}
		if !object {
			w.fail(start, jsonValueText(w.data[start:w.pos]), &valueError{err})
			return
		}
		w.pos = start // find what in the object fails
	}
	switch {
	case object:
		w.object(s)
	case array:
		w.array(s)
	default:
		w.skipValue()
		if w.pos == start {
			return
		}
		// The target lies inside or just after this value, or the input
		// ends in it.
		if w.mode == walkFind && w.leafHoldsTarget(start) {
			w.found = w.path()
			w.done = true
			return
		}
		if w.mode == walkCheck && s != nil && s.decimal {
			var d decimal.Decimal
			if d.UnmarshalJSON(w.data[start:w.pos]) == nil && !decimalInRange(d) {
				w.fail(start, jsonValueText(w.data[start:w.pos]), errDecimalRange)
			}
		}
	}
}
