package orgmodel

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
)

// jsonShape describes the JSON of a Go type that [Records] holds.
type jsonShape struct {
	typ     reflect.Type
	kind    uint8              // shapeLeaf, shapeObject or shapeArray
	names   []string           // shapeObject: the keys, in field order
	keys    *strictjson.Fields // shapeObject: the keys, for lookups and messages
	fields  []*jsonShape       // shapeObject: the shape of each key's value
	elem    *jsonShape         // shapeArray
	decimal bool               // a decimal.Decimal leaf
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
			s.names = append(s.names, name)
			s.fields = append(s.fields, shapeOf(f.Type, seen))
		}
		s.keys = strictjson.NewFields(s.names...)
	case (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && t.Elem().Kind() != reflect.Uint8:
		s.kind = shapeArray
		s.elem = shapeOf(t.Elem(), seen)
	}
	return s
}

// Modes of a jsonWalk.
const (
	walkCheck  = iota // decoding: check the syntax, the keys and decimal ranges, and find the IDs
	walkLocate        // decoding JSON that failed to decode: find the value that fails
	walkEncode        // encoding: find the IDs to write as the caller wrote them
)

// jsonWalk walks JSON input along the shape of Records with the module's
// strict scanner. It never panics and always ends, whatever the input.
type jsonWalk struct {
	data    []byte
	sc      *strictjson.Scanner
	mode    int
	segs    []jsonSeg
	err     *jsonProblem         // the first problem with a key or a value
	syntax  *dangjian.Problem    // the syntax error that ended the walk
	subs    []jsonSub            // the IDs to replace
	orgAt   []int                // the offset of each organization's object
	keys    []string             // the text of orgs[i].id, "" for a UUID
	refs    []jsonRef            // the text of other IDs that are not UUIDs
	buf     []byte               // scratch for ID derivation
	parents []string             // the text of orgs[i].parent, "" for a UUID
	names   map[uuid.UUID]string // walkEncode: the caller's text of IDs
}

// jsonSeg is one step of a path: an object key, or an array index when
// key is "".
type jsonSeg struct {
	key   string
	index int
}

func (w *jsonWalk) path() string {
	p := ""
	for _, s := range w.segs {
		if s.key == "" {
			p = strictjson.Elem(p, s.index)
		} else {
			p = strictjson.Field(p, s.key)
		}
	}
	return p
}

// walk walks data, whose first non-space byte is '{', and returns the
// walk: its syntax error, its first problem, the IDs it found.
func walk(data []byte, mode int, names map[uuid.UUID]string) *jsonWalk {
	w := &jsonWalk{data: data, mode: mode, names: names, sc: strictjson.NewScanner(strictjson.NewSource(data))}
	if t, ok := w.next(); ok {
		w.value(t, recordsShape())
		w.next() // the end of the input, or data after the object
	}
	return w
}

// done reports whether the walk is over: the input is not JSON, or (when
// locating) the failing value was found.
func (w *jsonWalk) done() bool { return w.syntax != nil || (w.mode == walkLocate && w.err != nil) }

// next reads a token; false on a syntax error, which ends the walk.
func (w *jsonWalk) next() (strictjson.Token, bool) {
	t, p := w.sc.Next()
	if p != nil {
		if w.syntax == nil {
			w.syntax = p
		}
		return t, false
	}
	return t, true
}

// skip reads the rest of a value whose first token was t.
func (w *jsonWalk) skip(t strictjson.Token) {
	if p := w.sc.Skip(t); p != nil && w.syntax == nil {
		w.syntax = p
	}
}

// fail records a problem at offset off, unless one was recorded.
func (w *jsonWalk) fail(off int, value string, f jsonFault) {
	if w.err != nil || w.mode == walkEncode {
		return
	}
	p := newJSONProblem(w.data, w.path(), off, value, f)
	w.err = &p
}

func (w *jsonWalk) object(s *jsonShape) {
	var seen strictjson.Seen
	for w.sc.More() && !w.done() {
		kt, ok := w.next()
		if !ok {
			return
		}
		i, known := s.keys.LookupToken(kt)
		if !known {
			key := kt.Text()
			w.segs = append(w.segs, jsonSeg{key: key})
			w.fail(kt.Off, key, fault(dangjian.ErrUnknownField, s.keys.Unknown(key)))
			if t, ok := w.next(); ok {
				w.skip(t)
			}
		} else {
			w.segs = append(w.segs, jsonSeg{key: s.names[i]})
			repeated := seen.Add(i)
			if repeated {
				w.fail(kt.Off, s.names[i], faultDuplicateField)
			}
			t, ok := w.next()
			if !ok {
				return
			}
			if repeated {
				w.skip(t)
			} else {
				w.value(t, s.fields[i])
			}
		}
		if w.done() {
			return
		}
		w.segs = w.segs[:len(w.segs)-1]
	}
	w.next() // }
}

func (w *jsonWalk) array(s *jsonShape) {
	for i := 0; w.sc.More() && !w.done(); i++ {
		w.segs = append(w.segs, jsonSeg{index: i})
		t, ok := w.next()
		if !ok {
			return
		}
		w.value(t, s.elem)
		if w.done() {
			return
		}
		w.segs = w.segs[:len(w.segs)-1]
	}
	w.next() // ]
}

// end returns the offset just after the value that starts with t, which
// the walk has not read further: for an array or an object, a scanner of
// its own reads to its end.
func (w *jsonWalk) end(t strictjson.Token) int {
	if t.Kind != strictjson.BeginObject && t.Kind != strictjson.BeginArray {
		return t.Off + len(t.Raw)
	}
	sc := strictjson.NewScanner(strictjson.NewSource(w.data[t.Off:]))
	for {
		if _, p := sc.Next(); p != nil || sc.Depth() == 0 {
			return t.Off + sc.Offset()
		}
	}
}

// value walks the value that starts with token t, of shape s.
func (w *jsonWalk) value(t strictjson.Token, s *jsonShape) {
	if w.mode != walkLocate && len(w.segs) == 2 && w.segs[0].key == "orgs" && w.segs[1].key == "" {
		w.orgAt = append(w.orgAt, t.Off)
	}
	object := s.kind == shapeObject && t.Kind == strictjson.BeginObject
	array := s.kind == shapeArray && t.Kind == strictjson.BeginArray
	switch {
	case w.mode != walkLocate && s.typ == uuidType:
		w.skip(t)
		if t.Kind == strictjson.String || t.Kind == strictjson.Number {
			w.idLeaf(t)
		}
		return
	case w.mode == walkLocate && !array:
		end := w.end(t)
		err := json.Unmarshal(w.data[t.Off:end], reflect.New(s.typ).Interface())
		if err == nil {
			w.skip(t)
			return
		}
		if !object {
			w.fail(t.Off, jsonValueText(w.data[t.Off:end]), valueFault(err))
			return
		}
		// find what in the object fails
	}
	switch {
	case object:
		w.object(s)
	case array:
		w.array(s)
	default:
		w.skip(t)
		if w.mode == walkCheck && s.decimal && (t.Kind == strictjson.String || t.Kind == strictjson.Number) {
			var d decimal.Decimal
			if d.UnmarshalJSON(t.Raw) == nil && !decimalInRange(d) {
				w.fail(t.Off, jsonValueText(t.Raw), faultDecimalRange)
			}
		}
	}
}
