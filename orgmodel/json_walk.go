package orgmodel

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

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
