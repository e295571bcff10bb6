package assess

import (
	"strconv"

	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// fastDecoder decodes one subject's JSON, already checked by the stream,
// straight into a positional [Input], for the common case: every key
// known, written once and unescaped, every value of its expected type,
// every name one the scheme reads. Anything else makes it give up
// (decode returns false) and the caller decodes the subject the general
// way, which reports every problem with its path, line and column: the
// fast path never reports a problem itself, so it can only be faster,
// never different. A subject it decodes fills the Input exactly as
// [Scorer.Fill] fills it from the same subject decoded into a [Subject].
type fastDecoder struct {
	s    *Scorer
	l    *Layout
	in   *Input
	data []byte
	i    int

	leaves    []*cNode // the checklist, deductions and votes leaves named, to refuse a repeat
	flagsSeen []bool
}

func newFastDecoder(s *Scorer, in *Input) *fastDecoder {
	return &fastDecoder{s: s, l: s.lay, in: in, flagsSeen: make([]bool, len(s.lay.flags))}
}

// The keys of a subject, as bits of a mask.
const (
	fkID = 1 << iota
	fkCategory
	fkValues
	fkFields
	fkChecked
	fkEvents
	fkVotes
	fkBonus
	fkFlags
)

// decode fills d.in from data, one subject's JSON; false means the general
// path must decode it (d.in is then to be reset).
func (d *fastDecoder) decode(data []byte) bool {
	d.data, d.i = data, 0
	d.in.Reset("", "")
	d.leaves = d.leaves[:0]
	clear(d.flagsSeen)
	if !d.open('{') {
		return false
	}
	seen := 0
	for {
		key, more, ok := d.key()
		if !ok {
			return false
		}
		if !more {
			return d.end()
		}
		var bit int
		switch string(key) {
		case "id":
			bit = fkID
		case "category":
			bit = fkCategory
		case "values":
			bit = fkValues
		case "fields":
			bit = fkFields
		case "checked":
			bit = fkChecked
		case "events":
			bit = fkEvents
		case "votes":
			bit = fkVotes
		case "bonus":
			bit = fkBonus
		case "flags":
			bit = fkFlags
		default:
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		switch bit {
		case fkID, fkCategory:
			s, ok := d.text()
			if !ok {
				return false
			}
			if bit == fkID {
				d.in.ID = s
			} else {
				d.in.Category = s
			}
			ok = true
		case fkValues:
			ok = d.values()
		case fkFields:
			ok = d.fields()
		case fkChecked:
			ok = d.checked()
		case fkEvents:
			ok = d.events()
		case fkVotes:
			ok = d.votes()
		case fkBonus:
			ok = d.bonus()
		case fkFlags:
			ok = d.flags()
		}
		if !ok {
			return false
		}
	}
}

func (d *fastDecoder) space() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// open reads c ('{' or '[') after white space.
func (d *fastDecoder) open(c byte) bool {
	d.space()
	if d.i < len(d.data) && d.data[d.i] == c {
		d.i++
		return true
	}
	return false
}

// end is true when nothing but white space is left.
func (d *fastDecoder) end() bool {
	d.space()
	return d.i == len(d.data)
}

// next reads what follows a member or element: ',' (true) or the end of
// the container (false); ok is false for anything else.
func (d *fastDecoder) next(end byte) (more, ok bool) {
	d.space()
	if d.i >= len(d.data) {
		return false, false
	}
	switch d.data[d.i] {
	case ',':
		d.i++
		return true, true
	case end:
		d.i++
		return false, true
	}
	return false, false
}

// raw reads a string without escapes and returns its bytes, unquoted.
func (d *fastDecoder) raw() ([]byte, bool) {
	d.space()
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return nil, false
	}
	start := d.i + 1
	for j := start; j < len(d.data); j++ {
		switch d.data[j] {
		case '"':
			d.i = j + 1
			return d.data[start:j], true
		case '\\':
			return nil, false
		}
	}
	return nil, false
}

// text reads a string value, escapes included.
func (d *fastDecoder) text() (string, bool) {
	d.space()
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return "", false
	}
	start := d.i
scan:
	for j := start + 1; j < len(d.data); j++ {
		switch d.data[j] {
		case '"':
			d.i = j + 1
			return string(d.data[start+1 : j]), true
		case '\\':
			break scan
		}
	}
	// An escape: find the end as the scanner would and unquote.
	sc := strictjson.NewScanner(strictjson.NewSource(d.data[start:]))
	t, p := sc.Next()
	if p != nil || t.Kind != strictjson.String {
		return "", false
	}
	s, ok := strictjson.Unquote(t.Raw)
	d.i = start + len(t.Raw)
	return s, ok
}

// key reads the next key of an object and its ':' (more is false at the
// object's end), after the object's '{' or a member.
func (d *fastDecoder) key() (key []byte, more, ok bool) {
	d.space()
	if d.i >= len(d.data) {
		return nil, false, false
	}
	switch d.data[d.i] {
	case '}':
		d.i++
		return nil, false, true
	case ',':
		d.i++
	}
	key, ok = d.raw()
	if !ok {
		return nil, false, false
	}
	d.space()
	if d.i >= len(d.data) || d.data[d.i] != ':' {
		return nil, false, false
	}
	d.i++
	return key, true, true
}

// object reads an object, calling member for each key with the reader at
// its value.
func (d *fastDecoder) object(member func(key []byte) bool) bool {
	if !d.open('{') {
		return false
	}
	d.space()
	if d.i < len(d.data) && d.data[d.i] == '}' {
		d.i++
		return true
	}
	for {
		key, ok := d.raw()
		if !ok {
			return false
		}
		d.space()
		if d.i >= len(d.data) || d.data[d.i] != ':' {
			return false
		}
		d.i++
		if !member(key) {
			return false
		}
		more, ok := d.next('}')
		if !ok {
			return false
		}
		if !more {
			return true
		}
	}
}

// array reads an array, calling elem for each element.
func (d *fastDecoder) array(elem func() bool) bool {
	if !d.open('[') {
		return false
	}
	d.space()
	if d.i < len(d.data) && d.data[d.i] == ']' {
		d.i++
		return true
	}
	for {
		if !elem() {
			return false
		}
		more, ok := d.next(']')
		if !ok {
			return false
		}
		if !more {
			return true
		}
	}
}

// number reads a JSON number's bytes.
func (d *fastDecoder) number() ([]byte, bool) {
	d.space()
	start := d.i
	for d.i < len(d.data) {
		c := d.data[d.i]
		if ('0' <= c && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
			d.i++
			continue
		}
		break
	}
	return d.data[start:d.i], d.i > start
}

// integer reads a JSON number that is a whole int.
func (d *fastDecoder) integer() (int, bool) {
	b, ok := d.number()
	if !ok {
		return 0, false
	}
	for _, c := range b {
		if c == '.' || c == 'e' || c == 'E' {
			return 0, false
		}
	}
	x, err := strconv.ParseInt(string(b), 10, 0)
	return int(x), err == nil
}

// num reads a Num: a string or a number, parsed exactly (null is left to
// the general path, but where nullOK: an event's unset value).
func (d *fastDecoder) num(nullOK bool) (Num, bool) {
	d.space()
	if d.i >= len(d.data) {
		return Num{}, false
	}
	var b []byte
	var ok bool
	switch c := d.data[d.i]; {
	case c == '"':
		b, ok = d.raw()
	case c == 'n' && nullOK:
		if len(d.data)-d.i >= 4 && string(d.data[d.i:d.i+4]) == "null" {
			d.i += 4
			return Num{}, true
		}
		return Num{}, false
	default:
		b, ok = d.number()
	}
	if !ok {
		return Num{}, false
	}
	v, err := ParseNum(string(b))
	return v, err == nil
}

// null reads null where a string, number or Num may be null.
func (d *fastDecoder) null() bool {
	d.space()
	if len(d.data)-d.i >= 4 && string(d.data[d.i:d.i+4]) == "null" {
		d.i += 4
		return true
	}
	return false
}

func (d *fastDecoder) values() bool {
	return d.object(func(key []byte) bool {
		k, ok := d.l.valueIdx[string(key)]
		if !ok || d.in.nums[k].set {
			return false
		}
		v, ok := d.num(false)
		d.in.nums[k] = v
		return ok
	})
}

func (d *fastDecoder) fields() bool {
	return d.object(func(key []byte) bool {
		k, ok := d.l.fieldIdx[string(key)]
		if !ok || d.in.textSet[k] {
			return false
		}
		s, ok := d.text()
		d.in.texts[k], d.in.textSet[k] = s, true
		return ok
	})
}

// leaf returns the leaf of kind named by key, the first time it is named.
func (d *fastDecoder) leaf(key []byte, kind MethodKind) *cNode {
	n, ok := d.l.leaves[string(key)]
	if !ok || n.m == nil || n.m.kind != kind {
		return nil
	}
	for _, x := range d.leaves {
		if x == n {
			return nil
		}
	}
	d.leaves = append(d.leaves, n)
	return n
}

func (d *fastDecoder) checked() bool {
	return d.object(func(key []byte) bool {
		n := d.leaf(key, Checklist)
		if n == nil {
			return false
		}
		m := n.m
		return d.array(func() bool {
			id, ok := d.raw()
			if !ok {
				return false
			}
			it, ok := m.items[string(id)]
			if !ok || d.in.checked[m.item0+it.idx] {
				return false
			}
			d.in.checked[m.item0+it.idx] = true
			return true
		})
	})
}

// The keys of an event, as bits of a mask.
const (
	feClause = 1 << iota
	feCount
	feLevel
	feValue
	feCase
)

func (d *fastDecoder) events() bool {
	return d.object(func(key []byte) bool {
		n := d.leaf(key, Deductions)
		if n == nil {
			return false
		}
		m := n.m
		return d.array(func() bool {
			var e Event
			var cl *cClause
			seen := 0
			ok := d.object(func(key []byte) bool {
				var bit int
				switch string(key) {
				case "clause":
					bit = feClause
				case "count":
					bit = feCount
				case "level":
					bit = feLevel
				case "value":
					bit = feValue
				case "case":
					bit = feCase
				default:
					return false
				}
				if seen&bit != 0 {
					return false
				}
				seen |= bit
				var ok bool
				switch bit {
				case feClause:
					var id []byte
					if id, ok = d.raw(); ok {
						cl = m.clauses[string(id)]
						ok = cl != nil
					}
				case feCount:
					if d.null() {
						e.Count, ok = 0, true
					} else {
						e.Count, ok = d.integer()
					}
				case feLevel, feCase:
					var s string
					if d.null() {
						s, ok = "", true
					} else {
						s, ok = d.text()
					}
					if bit == feLevel {
						e.Level = s
					} else {
						e.Case = s
					}
				case feValue:
					e.Value, ok = d.num(true)
				}
				return ok
			})
			if !ok || cl == nil {
				return false
			}
			e.Clause = cl.id
			d.in.addEvent(inEvent{ded: m.ded, clause: m.clause0 + cl.idx, e: e})
			return true
		})
	})
}

// The keys of a rater group's ballots, as bits of a mask.
const (
	fbCounts = 1 << iota
	fbIssued
	fbReturned
)

func (d *fastDecoder) votes() bool {
	return d.object(func(key []byte) bool {
		n := d.leaf(key, Votes)
		if n == nil {
			return false
		}
		m := n.m
		per := int32(len(m.lorder) + 1)
		if per > 64 {
			return false
		}
		return d.object(func(key []byte) bool {
			gi := -1
			for k := range m.groups {
				if m.groups[k].id == string(key) {
					gi = k
					break
				}
			}
			if gi < 0 {
				return false
			}
			g := &d.in.groups[m.group0+int32(gi)]
			if g.given {
				return false
			}
			g.given = true
			counts := d.in.counts[m.count0+int32(gi)*per : m.count0+int32(gi+1)*per]
			seen := 0
			return d.object(func(key []byte) bool {
				var bit int
				switch string(key) {
				case "counts":
					bit = fbCounts
				case "issued":
					bit = fbIssued
				case "returned":
					bit = fbReturned
				default:
					return false
				}
				if seen&bit != 0 {
					return false
				}
				seen |= bit
				var ok bool
				switch bit {
				case fbIssued:
					g.issued, ok = d.integer()
				case fbReturned:
					g.returned, ok = d.integer()
				case fbCounts:
					var levels uint64
					ok = d.object(func(key []byte) bool {
						li := -1
						for k, name := range m.lorder {
							if name == string(key) {
								li = k
								break
							}
						}
						if li < 0 && m.unknown != "" && m.unknown == string(key) {
							li = len(m.lorder)
						}
						if li < 0 || levels&(1<<li) != 0 {
							return false
						}
						levels |= 1 << li
						var ok bool
						counts[li], ok = d.integer()
						return ok
					})
				}
				return ok
			})
		})
	})
}

func (d *fastDecoder) bonus() bool {
	return d.object(func(key []byte) bool {
		if d.s.bonus == nil && d.s.extra == nil {
			return false
		}
		k, ok := d.l.bonusIdx[string(key)]
		if !ok || d.in.bonusSet[k] {
			return false
		}
		d.in.bonus[k], ok = d.integer()
		d.in.bonusSet[k] = true
		return ok
	})
}

func (d *fastDecoder) flags() bool {
	return d.object(func(key []byte) bool {
		k, ok := d.l.flagIdx[string(key)]
		if !ok || d.flagsSeen[k] {
			return false
		}
		d.flagsSeen[k] = true
		d.space()
		switch {
		case len(d.data)-d.i >= 4 && string(d.data[d.i:d.i+4]) == "true":
			d.in.flags[k] = true
			d.i += 4
		case len(d.data)-d.i >= 5 && string(d.data[d.i:d.i+5]) == "false":
			d.in.flags[k] = false
			d.i += 5
		default:
			return false
		}
		return true
	})
}
