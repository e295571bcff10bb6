package assess

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// Pair is a named value of a trace node: an input read ("value": "7.5"), a
// checklist item's points, a clause's deduction.
type Pair struct {
	Key, Value string
}

// Pairs are a trace node's inputs in the order the scorer read them. In
// JSON they are an object, keys sorted, as a map would encode.
type Pairs []Pair

// Get returns the value under key.
func (ps Pairs) Get(key string) (string, bool) {
	for _, p := range ps {
		if p.Key == key {
			return p.Value, true
		}
	}
	return "", false
}

// Map returns the pairs as a map.
func (ps Pairs) Map() map[string]string {
	m := make(map[string]string, len(ps))
	for _, p := range ps {
		m[p.Key] = p.Value
	}
	return m
}

// MarshalJSON encodes the pairs as an object with sorted keys.
func (ps Pairs) MarshalJSON() ([]byte, error) {
	return marshalSorted(len(ps), func(i int) string { return ps[i].Key }, func(i int) any { return ps[i].Value })
}

// UnmarshalJSON decodes an object, keys sorted.
func (ps *Pairs) UnmarshalJSON(b []byte) error {
	out, err := unmarshalSorted(b, func(k string, v string) Pair { return Pair{k, v} })
	if err != nil {
		return err
	}
	*ps = out
	return nil
}

// Cite is the source of a clause or item a trace node applied (Of empty),
// or of one number the node used (Of names it: "weight", "max", "points",
// "cap", "threshold", "perPoint", "levels", "scale", "target",
// "minRaters", "unknown"), where ID is the node's, the clause's, the
// item's or the rater group's. Like [Node.Source] it points into the
// compiled scheme: read it, do not change it.
type Cite struct {
	ID string
	Of string
	// Value is the number cited as the scheme gives it ("0.3", "100"; a
	// grade for a gate's grade, the level for a votes indicator's
	// unknown), for the text and CSV traces; empty for a list or a table
	// (levels, bands, rounding points) and for a clause or item. JSON
	// does not carry it: its sources are keyed by [Cite.Key].
	Value  string
	Source *dangjian.Source
}

// Key returns the cite's key in JSON: ID, or ID#Of for a number
// ("work_day#cap").
func (c Cite) Key() string {
	if c.Of == "" {
		return c.ID
	}
	return c.ID + "#" + c.Of
}

// Cites are a trace node's sources in the order applied. In JSON they are
// an object keyed by [Cite.Key], keys sorted.
type Cites []Cite

// Get returns the source cited for the clause or item id.
func (cs Cites) Get(id string) (dangjian.Source, bool) { return cs.Of(id, "") }

// Of returns the source cited for the number of (a field name, as in
// SCHEME.md) of the part id; of "" asks for the part's own source, as Get.
func (cs Cites) Of(id, of string) (dangjian.Source, bool) {
	for _, c := range cs {
		if c.ID == id && c.Of == of && c.Source != nil {
			return *c.Source, true
		}
	}
	return dangjian.Source{}, false
}

// MarshalJSON encodes the cites as an object keyed by [Cite.Key], keys
// sorted.
func (cs Cites) MarshalJSON() ([]byte, error) {
	return marshalSorted(len(cs), func(i int) string { return cs[i].Key() }, func(i int) any { return cs[i].Source })
}

// UnmarshalJSON decodes an object keyed by [Cite.Key], keys sorted.
func (cs *Cites) UnmarshalJSON(b []byte) error {
	out, err := unmarshalSorted(b, func(k string, v dangjian.Source) Cite {
		if i := strings.LastIndexByte(k, '#'); i >= 0 {
			return Cite{ID: k[:i], Of: k[i+1:], Source: &v}
		}
		return Cite{ID: k, Source: &v}
	})
	if err != nil {
		return err
	}
	*cs = out
	return nil
}

// marshalSorted writes n key/value entries as a JSON object in key order,
// escaped as encoding/json escapes a map. A repeated key is an error.
func marshalSorted(n int, key func(int) string, val func(int) any) ([]byte, error) {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(key(a), key(b)) })
	var buf bytes.Buffer
	buf.WriteByte('{')
	for j, i := range idx {
		if j > 0 {
			if key(idx[j-1]) == key(i) {
				return nil, &dangjian.Problem{Kind: ErrDuplicate, Value: key(i), Detail: "a key is written once"}
			}
			buf.WriteByte(',')
		}
		k, err := json.Marshal(key(i))
		if err != nil {
			return nil, err
		}
		v, err := json.Marshal(val(i))
		if err != nil {
			return nil, err
		}
		buf.Write(k)
		buf.WriteByte(':')
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// LevelVotes is a count of valid votes at one level.
type LevelVotes struct {
	Level string
	Count int
}

// Tally is the valid votes per level, in the scheme's level order (a level
// without votes is left out). In JSON it is an object keyed by level, keys
// sorted, as a map would encode.
type Tally []LevelVotes

// Get returns the votes at level (0 when the tally has none).
func (t Tally) Get(level string) int {
	for _, v := range t {
		if v.Level == level {
			return v.Count
		}
	}
	return 0
}

// Map returns the tally as a map.
func (t Tally) Map() map[string]int {
	m := make(map[string]int, len(t))
	for _, v := range t {
		m[v.Level] = v.Count
	}
	return m
}

// MarshalJSON encodes the tally as an object keyed by level, keys sorted.
func (t Tally) MarshalJSON() ([]byte, error) {
	return marshalSorted(len(t), func(i int) string { return t[i].Level }, func(i int) any { return t[i].Count })
}

// UnmarshalJSON decodes an object keyed by level, keys sorted.
func (t *Tally) UnmarshalJSON(b []byte) error {
	out, err := unmarshalSorted(b, func(k string, v int) LevelVotes { return LevelVotes{k, v} })
	if err != nil {
		return err
	}
	*t = out
	return nil
}

// unmarshalSorted decodes a JSON object into entries made by mk, sorted by
// key (nil on an error).
func unmarshalSorted[V, E any](b []byte, mk func(string, V) E) ([]E, error) {
	var m map[string]V
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	keys := slices.Sorted(maps.Keys(m))
	out := make([]E, len(keys))
	for i, k := range keys {
		out[i] = mk(k, m[k])
	}
	return out, nil
}
