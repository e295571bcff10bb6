package strictjson

import (
	"strconv"
	"strings"
)

// Fields is the set of keys an object of some shape accepts, for checking
// keys strictly: spelled exactly (case included) and written once.
type Fields struct {
	names []string
	index map[string]int
	lower map[string]string
	want  string
}

// NewFields returns the set of the given keys, in the order messages list
// them. A repeated name counts once, at its first place.
func NewFields(names ...string) *Fields {
	f := &Fields{index: make(map[string]int, len(names)), lower: make(map[string]string, len(names))}
	for _, n := range names {
		if _, dup := f.index[n]; dup {
			continue
		}
		f.index[n] = len(f.names)
		f.names = append(f.names, n)
		if _, dup := f.lower[strings.ToLower(n)]; !dup {
			f.lower[strings.ToLower(n)] = n
		}
	}
	switch len(f.names) {
	case 0:
		f.want = "want no field"
	case 1:
		f.want = "want " + f.names[0]
	default:
		f.want = "want " + strings.Join(f.names[:len(f.names)-1], ", ") + " or " + f.names[len(f.names)-1]
	}
	return f
}

// Len returns the number of keys.
func (f *Fields) Len() int { return len(f.names) }

// Name returns key i.
func (f *Fields) Name(i int) string { return f.names[i] }

// Names returns the keys, in order.
func (f *Fields) Names() []string { return f.names }

// Lookup returns the position of key, which must match exactly.
func (f *Fields) Lookup(key string) (int, bool) {
	i, ok := f.index[key]
	return i, ok
}

// LookupBytes is Lookup of a key as bytes, without allocating.
func (f *Fields) LookupBytes(key []byte) (int, bool) {
	i, ok := f.index[string(key)]
	return i, ok
}

// Unknown returns the detail of the problem (of kind
// [dangjian.ErrUnknownField]) for a key the set does not hold: which key
// was meant, if it differs from one only in case; the accepted keys
// otherwise.
//
//	keys are case-sensitive: the field is "parent"
//	want id, name or max
func (f *Fields) Unknown(key string) string {
	if want, ok := f.lower[strings.ToLower(key)]; ok {
		return "keys are case-sensitive: the field is " + strconv.Quote(want)
	}
	return f.want
}

// Seen records which keys of one object were read, to find a repeated
// one. The zero Seen is empty and allocates nothing for the first 64 keys.
type Seen struct {
	bits uint64
	more map[int]bool
}

// Add records key i and reports whether it was already recorded.
func (s *Seen) Add(i int) (repeated bool) {
	if i < 64 {
		repeated = s.bits&(1<<uint(i)) != 0
		s.bits |= 1 << uint(i)
		return repeated
	}
	if s.more == nil {
		s.more = map[int]bool{}
	}
	repeated = s.more[i]
	s.more[i] = true
	return repeated
}

// Has reports whether key i was recorded.
func (s *Seen) Has(i int) bool {
	if i < 64 {
		return s.bits&(1<<uint(i)) != 0
	}
	return s.more[i]
}

// LookupToken is Lookup of a key token, without allocating when the key
// has no escapes.
func (f *Fields) LookupToken(t Token) (int, bool) {
	raw := t.Raw
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' && !hasBackslash(raw) {
		return f.LookupBytes(raw[1 : len(raw)-1])
	}
	s, _ := Unquote(raw)
	return f.Lookup(s)
}

func hasBackslash(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}
