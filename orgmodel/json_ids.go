package orgmodel

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"reflect"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/google/uuid"
)

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
func (w *jsonWalk) idLeaf(t strictjson.Token) {
	raw := t.Raw
	start, end := t.Off, t.Off+len(t.Raw)
	var body []byte // the text of the ID
	switch {
	case t.Kind == strictjson.String && bytes.IndexByte(raw, '\\') < 0 && utf8.Valid(raw):
		body = raw[1 : len(raw)-1]
	// Otherwise decode the string as encoding/json does (escapes, and
	// U+FFFD for bytes that are not UTF-8), so that the text is the one a
	// string field would hold.
	case t.Kind == strictjson.String:
		text, _ := strictjson.Unquote(raw)
		body = []byte(text)
	case strictjson.IsInteger(raw):
		body = raw
	default:
		return // not an ID: the decoder reports it
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
