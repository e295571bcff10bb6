package orgmodel

import (
	"bytes"
	"encoding"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// EncodeJSON writes recs to w as one JSON object, indented by two spaces
// and ended by a newline, with the lowerCamel keys of the record types.
// The output is stable: the same records always encode to the same bytes.
// IDs, dates and enums encode as strings (enums as their English codes),
// and floor areas as decimal strings ("120.5"), so no number passes
// through floating point. Nil Orgs encode as an empty list.
//
// IDs are written as the caller wrote them where that is known: an
// organization's [Org.Key], and the text [DecodeJSON] or [ReadCSV] read a
// reference from, when [CSVID] maps it back to the same UUID; other IDs as
// UUIDs. Decoding the output thus gives back the same records, keys
// included.
//
// EncodeJSON writes nothing if it fails: on an enum value that is not
// defined ([dangjian.ErrInvalid]), or on a decimal whose exponent lies
// outside ±64 ([dangjian.ErrOverflow]: such a number would print as
// hundreds of digits or more); both are a *[dangjian.Problem].
func EncodeJSON(w io.Writer, recs Records) error {
	for i := range recs.Sites {
		if a := recs.Sites[i].Area; !decimalInRange(a) {
			return &dangjian.Problem{Kind: dangjian.ErrOverflow, Path: fmt.Sprintf("sites[%d].area", i),
				ID: recs.idText(recs.Sites[i].ID), Value: a.Coefficient().String() + "e" + strconv.Itoa(int(a.Exponent())),
				Detail: faultDecimalRange.detail}
		}
	}
	if recs.Orgs == nil {
		recs.Orgs = []Org{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(recs); err != nil {
		var u *enum.Unknown
		if errors.As(err, &u) {
			return &dangjian.Problem{Kind: dangjian.ErrInvalid, Detail: u.Error(), Err: err}
		}
		return err
	}
	out := buf.Bytes()
	if names := callerNames(&recs); names != nil {
		iw := jsonWalk{data: out, mode: walkIDs, names: names}
		iw.top()
		out = iw.rewrite()
	}
	_, err := w.Write(out)
	return err
}

// callerNames returns the caller's text of every ID that DecodeJSON would
// map back to it (an organization's Key, the text of another derived ID),
// or nil if there is none.
func callerNames(recs *Records) map[uuid.UUID]string {
	var names map[uuid.UUID]string
	add := func(id uuid.UUID, text string) {
		if text == "" || CSVID(text) != id {
			return
		}
		if looksLikeUUID(text) {
			if _, err := uuid.Parse(text); err == nil {
				return
			}
		}
		if names == nil {
			names = map[uuid.UUID]string{}
		}
		names[id] = text
	}
	for id, text := range recs.ids {
		add(id, text)
	}
	for i := range recs.Orgs {
		add(recs.Orgs[i].ID, recs.Orgs[i].Key)
		add(recs.Orgs[i].Parent, recs.Orgs[i].ParentKey)
	}
	return names
}

// DecodeJSON reads one JSON object encoding [Records] from r, strictly:
// keys must be the record types' keys, spelled exactly (case included) and
// not repeated; nothing but white space may follow the object; IDs, dates,
// enums (English code or Chinese label) and numbers must be valid for
// their fields, and a floor area is a decimal string or number with an
// exponent within ±64. Empty lists decode as nil, so that decoding what
// [EncodeJSON] wrote gives back the same value.
//
// # IDs
//
// An ID or a reference to one (id, parent, org, by, body, person, from,
// to, members, chair.order, grid) is any JSON string or integer, read as
// [ReadCSV] reads an id cell: a string that is a UUID is used as it is; any
// other text, and an integer as written ("1001" or 1001), is mapped to
// [CSVID] of its text. An organization keeps the text as its [Org.Key] and
// the line its object starts on as its [Org.Line]; the text of other IDs is
// kept for problems and findings ([Org.ParentKey] for a parent). (Unlike
// ReadCSV, DecodeJSON does not copy the text into [Org.Code].) An empty
// string is not an ID.
//
// # Errors
//
// DecodeJSON does not check the records against each other: [Build] does.
// It stops at the first problem and returns it as a [dangjian.Problems] of
// one: the field path ("orgs[3].members.full"; "" for the input as a
// whole), the 1-based line and column (in characters), the caller's ID of
// the record the path is in, and the offending key or value as written (a
// string unquoted). Its kind is [dangjian.ErrSyntax] for input that is not
// JSON (wrapping the *json.SyntaxError), [dangjian.ErrUnknownField] for an
// unknown key, [dangjian.ErrOverflow] for a decimal out of range, and
// [dangjian.ErrInvalid] otherwise. A read error is returned as it is.
// DecodeJSON reads all of r before decoding.
func DecodeJSON(r io.Reader) (Records, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return Records{}, err
	}
	recs, p := decodeJSON(data)
	if p != nil {
		return Records{}, dangjian.Problems{p}
	}
	return recs, nil
}

func decodeJSON(data []byte) (Records, *dangjian.Problem) {
	start := skipJSONSpace(data, 0)
	switch {
	case start == len(data):
		return Records{}, newJSONError(data, "", start, "", fault(dangjian.ErrSyntax, "empty input, want a JSON object"))
	case len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF:
		return Records{}, newJSONError(data, "", 0, "", fault(dangjian.ErrSyntax, "a byte order mark is not allowed"))
	case data[start] != '{':
		end := start + 1
		for end < len(data) && !isJSONDelim(data[end]) {
			end++
		}
		return Records{}, newJSONError(data, "", start, jsonValueText(data[start:end]), fault(dangjian.ErrInvalid, "want a JSON object"))
	}
	var recs Records
	if !json.Valid(data) {
		err := json.Unmarshal(data, &recs)
		return Records{}, withRecordID(data, locateJSONError(data, err).Problem)
	}
	ids := jsonWalk{data: data, mode: walkIDs}
	ids.top()
	text := ids.rewrite()
	if err := json.Unmarshal(text, &recs); err != nil {
		p := locateJSONError(text, err)
		if len(ids.subs) > 0 && p.Line > 0 {
			// Locate the problem in the input as the caller wrote it.
			off := ids.original(p.off)
			p.Line, p.Column = jsonLineColumn(data, off)
		}
		return Records{}, withRecordID(data, p.Problem)
	}
	w := jsonWalk{data: data, mode: walkCheck}
	if p := w.top(); p != nil {
		return Records{}, withRecordID(data, p.Problem)
	}
	normalizeLists(&recs)
	ids.keep(&recs)
	return recs, nil
}

// withRecordID sets the problem's ID to the caller's ID of the record its
// path is in ("orgs[3].kind": the id of orgs[3]), when the input is JSON
// and the record has one.
func withRecordID(data []byte, p *dangjian.Problem) *dangjian.Problem {
	name, rest, ok := strings.Cut(p.Path, "[")
	if !ok {
		return p
	}
	num, _, _ := strings.Cut(rest, "]")
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 {
		return p
	}
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return p
	}
	var list []map[string]json.RawMessage
	if json.Unmarshal(top[name], &list) != nil || i >= len(list) {
		return p
	}
	raw := list[i]["id"]
	var s string
	switch {
	case len(raw) > 0 && raw[0] == '"' && json.Unmarshal(raw, &s) == nil:
		p.ID = s
	case isJSONInteger(raw):
		p.ID = string(raw)
	}
	return p
}

// isJSONInteger reports whether raw is a JSON number without a fraction
// or an exponent.
func isJSONInteger(raw []byte) bool {
	if len(raw) > 0 && raw[0] == '-' {
		raw = raw[1:]
	}
	if len(raw) == 0 {
		return false
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
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

// jsonFault is what is wrong at a place of the input: the kind, the
// detail and the underlying error, if any.
type jsonFault struct {
	kind   *dangjian.Kind
	detail string
	cause  error
}

func fault(k *dangjian.Kind, detail string) jsonFault { return jsonFault{kind: k, detail: detail} }

// jsonProblem is a problem with the offset it was found at (-1: none).
type jsonProblem struct {
	*dangjian.Problem
	off int
}

var (
	faultDuplicateField = fault(dangjian.ErrInvalid, "duplicate field")
	faultDecimalRange   = fault(dangjian.ErrOverflow, "decimal exponent out of range ±"+strconv.Itoa(maxDecimalExp))
)

// valueFault describes a value that does not decode into its field, in
// words without Go names: "want an integer, got string".
func valueFault(err error) jsonFault {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return jsonFault{kind: dangjian.ErrInvalid, detail: "want " + jsonTypeName(te.Type) + ", got " + te.Value, cause: err}
	}
	var p *dangjian.Problem
	if errors.As(err, &p) {
		return jsonFault{kind: p.Kind, detail: p.Detail, cause: err}
	}
	return jsonFault{kind: dangjian.ErrInvalid, detail: plainMessage(err.Error()), cause: err}
}

// plainMessage strips package prefixes and a leading Go call from an
// error message: `dangjian: ParseDate("x"): want YYYY-MM-DD` becomes
// "want YYYY-MM-DD".
func plainMessage(msg string) string {
	for _, p := range []string{"orgmodel: ", "dangjian: ", "json: ", "decimal: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	if i := strings.IndexByte(msg, '('); i > 0 && isGoName(msg[:i]) {
		if j := strings.Index(msg, "): "); j > i {
			return msg[j+3:]
		}
	}
	return msg
}

func isGoName(s string) bool {
	for i, c := range s {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c == '_', c == '.', i > 0 && c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

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

func newJSONError(data []byte, path string, off int, value string, f jsonFault) *dangjian.Problem {
	return newJSONProblem(data, path, off, value, f).Problem
}

func newJSONProblem(data []byte, path string, off int, value string, f jsonFault) jsonProblem {
	p := &dangjian.Problem{Kind: f.kind, Path: path, Value: value, Detail: f.detail, Err: f.cause}
	if off < 0 || off > len(data) {
		return jsonProblem{p, -1}
	}
	p.Line, p.Column = jsonLineColumn(data, off)
	return jsonProblem{p, off}
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

// locateJSONError turns an error of json.Unmarshal into a problem.
func locateJSONError(data []byte, err error) jsonProblem {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset) - 1
		if se.Offset >= int64(len(data)) && se.Error() == "unexpected end of JSON input" {
			off = len(data)
		}
		off = min(max(off, 0), len(data))
		w := jsonWalk{data: data, mode: walkFind, target: off}
		w.top()
		return newJSONProblem(data, w.found, off, "", jsonFault{kind: dangjian.ErrSyntax, detail: se.Error(), cause: se})
	}
	// The input is JSON, but a value does not fit its field: decode the
	// parts one by one to find which.
	w := jsonWalk{data: data, mode: walkLocate}
	if p := w.top(); p != nil {
		return *p
	}
	f := valueFault(err)
	return jsonProblem{&dangjian.Problem{Kind: f.kind, Detail: f.detail, Err: f.cause}, -1}
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
	walkIDs           // find the IDs that are not UUIDs, and the organizations' offsets
)

// uuidType is the type of IDs and references.
var uuidType = reflect.TypeFor[uuid.UUID]()

// jsonSub is an ID of the input to replace: the bytes [start, end) of
// the input, and the UUID it maps to (decoding) or the caller's text to
// write instead (encoding: repl).
type jsonSub struct {
	start, end int
	newStart   int    // where the replacement starts in the rewritten input
	repl       []byte // encoding: the replacement; decoding: nil, the UUID
	id         uuid.UUID
}

// jsonRef is the caller's text of a reference that is not a UUID.
type jsonRef struct {
	id   uuid.UUID
	text string
}

// idLeaf handles the ID value at [start, end): when decoding, an ID that
// is not a UUID is recorded for replacement, with its text; when encoding,
// a UUID whose caller's text is known is.
func (w *jsonWalk) idLeaf(start, end int) {
	raw := w.data[start:end]
	var body []byte // the text of the ID
	switch {
	case len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' && bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw):
		body = raw[1 : len(raw)-1]
	// Otherwise decode the string as encoding/json does (escapes, and
	// U+FFFD for bytes that are not UTF-8), so that the text is the one a
	// string field would hold.
	case len(raw) >= 2 && raw[0] == '"':
		var t string
		if json.Unmarshal(raw, &t) != nil {
			return
		}
		body = []byte(t)
	case isJSONInteger(raw):
		body = raw
	default:
		return // null, or not an ID: the decoder reports it
	}
	if len(body) == 0 {
		return
	}
	if looksLikeUUID(string(body)) { // no allocation: only the length is read
		if u, err := uuid.ParseBytes(body); err == nil {
			// Encoding: write the caller's text of the ID, if known.
			if name, ok := w.names[u]; ok {
				q, _ := json.Marshal(name)
				w.subs = append(w.subs, jsonSub{start: start, end: end, repl: q, id: u})
			}
			return
		}
	}
	if w.names != nil {
		return
	}
	w.buf = append(append(w.buf[:0], csvSpace[:]...), body...)
	id := sha1UUID(w.buf)
	w.subs = append(w.subs, jsonSub{start: start, end: end, id: id})
	if len(w.segs) == 3 && w.segs[0].key == "orgs" && w.segs[1].key == "" {
		switch w.segs[2].key {
		case "id":
			i := w.segs[1].index
			for len(w.keys) <= i {
				w.keys = append(w.keys, "")
			}
			w.keys[i] = string(body)
			return
		case "parent":
			i := w.segs[1].index
			for len(w.parents) <= i {
				w.parents = append(w.parents, "")
			}
			w.parents[i] = string(body)
			return
		}
	}
	w.refs = append(w.refs, jsonRef{id, string(body)})
}

// subLen is the length of the replacement of s.
func subLen(s *jsonSub) int {
	if s.repl != nil {
		return len(s.repl)
	}
	return 38 // a quoted UUID
}

// rewrite returns the input with every ID recorded by a walkIDs walk
// replaced: by the UUID it maps to, as a JSON string, when decoding; by the
// caller's text when encoding.
func (w *jsonWalk) rewrite() []byte {
	if len(w.subs) == 0 {
		return w.data
	}
	n := len(w.data)
	for i := range w.subs {
		n += subLen(&w.subs[i]) - (w.subs[i].end - w.subs[i].start)
	}
	out := make([]byte, 0, n)
	prev := 0
	for i := range w.subs {
		r := &w.subs[i]
		out = append(out, w.data[prev:r.start]...)
		r.newStart = len(out)
		if r.repl != nil {
			out = append(out, r.repl...)
		} else {
			out = appendQuotedUUID(out, r.id)
		}
		prev = r.end
	}
	return append(out, w.data[prev:]...)
}

// appendQuotedUUID appends the canonical text of u in quotes.
func appendQuotedUUID(b []byte, u uuid.UUID) []byte {
	var t [38]byte
	t[0], t[37] = '"', '"'
	hex.Encode(t[1:9], u[0:4])
	t[9] = '-'
	hex.Encode(t[10:14], u[4:6])
	t[14] = '-'
	hex.Encode(t[15:19], u[6:8])
	t[19] = '-'
	hex.Encode(t[20:24], u[8:10])
	t[24] = '-'
	hex.Encode(t[25:37], u[10:16])
	return append(b, t[:]...)
}

// original maps an offset of the rewritten input back to the input.
func (w *jsonWalk) original(off int) int {
	if off < 0 {
		return off
	}
	shift := 0 // rewritten minus original offset so far
	for i := range w.subs {
		r := &w.subs[i]
		newEnd := r.newStart + subLen(r)
		switch {
		case off < r.newStart:
			return off - shift
		case off < newEnd:
			return r.start
		}
		shift = newEnd - r.end
	}
	return off - shift
}

// keep gives the decoded organizations their keys and lines, and the
// records the text of their other derived IDs.
func (w *jsonWalk) keep(recs *Records) {
	line, at := 1, 0
	for i, off := range w.orgAt {
		if i >= len(recs.Orgs) {
			break
		}
		line += bytes.Count(w.data[at:off], []byte{'\n'})
		at = off
		recs.Orgs[i].Line = line
		if i < len(w.keys) {
			recs.Orgs[i].Key = w.keys[i]
		}
		if i < len(w.parents) {
			recs.Orgs[i].ParentKey = w.parents[i]
		}
	}
	for _, r := range w.refs {
		recs.setIDText(r.id, r.text)
	}
}

// strict reports whether the walk reports unknown and repeated keys.
func (w *jsonWalk) strict() bool { return w.mode == walkCheck || w.mode == walkLocate }

// jsonWalk walks JSON input along the shape of Records. It never panics
// and always ends, whatever the input: a walkFind walk goes through input
// that is not JSON, loosely.
type jsonWalk struct {
	data    []byte
	pos     int
	mode    int
	target  int
	segs    []jsonSeg
	err     *jsonProblem
	subs    []jsonSub            // walkIDs: the IDs to replace
	orgAt   []int                // walkIDs: the offset of each organization's object
	keys    []string             // walkIDs: the text of orgs[i].id, "" for a UUID
	refs    []jsonRef            // walkIDs: the text of other IDs that are not UUIDs
	buf     []byte               // walkIDs: scratch for ID derivation
	parents []string             // walkIDs: the text of orgs[i].parent, "" for a UUID
	names   map[uuid.UUID]string // walkIDs when encoding: the caller's text of IDs
	found   string
	done    bool
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
func (w *jsonWalk) top() *jsonProblem {
	w.ws()
	if w.pos < len(w.data) && w.data[w.pos] == '{' {
		w.object(recordsShape())
	}
	return w.err
}

func (w *jsonWalk) fail(off int, value string, f jsonFault) {
	p := newJSONProblem(w.data, w.path(), off, value, f)
	w.err = &p
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
			if w.strict() {
				w.fail(keyAt, jsonValueText(w.data[keyAt:keyEnd]), unknownField(s, string(key)))
				return
			}
			w.value(nil)
		} else {
			if i < 64 && seen&(1<<i) != 0 && w.strict() {
				w.segs = append(w.segs, jsonSeg{key: s.names[i]})
				w.fail(keyAt, s.names[i], faultDuplicateField)
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

func unknownField(s *jsonShape, key string) jsonFault {
	if s != nil {
		if want, ok := s.lower[strings.ToLower(key)]; ok {
			return fault(dangjian.ErrUnknownField, fmt.Sprintf("keys are case-sensitive: the field is %q", want))
		}
	}
	return fault(dangjian.ErrUnknownField, "")
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
	if w.mode == walkIDs {
		if len(w.segs) == 2 && w.segs[0].key == "orgs" && w.segs[1].key == "" {
			w.orgAt = append(w.orgAt, start)
		}
		if s != nil && s.typ == uuidType {
			w.skipValue()
			w.idLeaf(start, w.pos)
			return
		}
	}
	if w.mode == walkLocate && s != nil && !array {
		w.skipValue()
		err := json.Unmarshal(w.data[start:w.pos], reflect.New(s.typ).Interface())
		if err == nil {
			return
		}
		if !object {
			w.fail(start, jsonValueText(w.data[start:w.pos]), valueFault(err))
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
				w.fail(start, jsonValueText(w.data[start:w.pos]), faultDecimalRange)
			}
		}
	}
}
