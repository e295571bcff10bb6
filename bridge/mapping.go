package bridge

import (
	"bytes"
	"io"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// Mapping is the declarative mapping from what the library finds about an
// organization to a scheme's input slots: data, read with [Decode] or
// written in Go, and checked against a scheme once by [Compile].
type Mapping struct {
	// Name names the mapping.
	Name string `json:"name"`
	// Scheme, if set, is the name of the scheme the mapping is written
	// for: [Compile] refuses another.
	Scheme string `json:"scheme,omitempty"`
	// Note says what the mapping reads and which of its choices are the
	// author's own.
	Note string `json:"note,omitempty"`
	// Lines are the mapping's lines, each one measure onto one slot.
	Lines []Line `json:"lines"`
}

// Measure names what a [Line] counts in a [Record].
type Measure string

// The measures.
const (
	// Findings: the number of findings whose rule is one of Rules
	// (ORG-TERM-OVERDUE: one per organization overdue for its 换届).
	Findings Measure = "findings"
	// Values: the sum of the values of the findings whose rule is one of
	// Rules, each a whole number without sign (DUES-LAPSE-6: the months
	// unpaid of each run).
	Values Measure = "values"
	// Shortfall: the meetings owed and not held, summed over the periods
	// of orglife's counts whose type is one of Types (all types when
	// Types is empty).
	Shortfall Measure = "shortfall"
)

// Line maps one measure onto one slot of the scheme's [assess.Layout].
//
// Target is the slot's path as [assess.Slot.Path] gives it: a deduction
// clause ("events.yashi.regular_meeting") takes one event of count
// units ÷ Per (rounded down) when that is above zero; a checklist item
// ("checked.yanshi.documents") is checked when the units of every line
// onto it are zero and unchecked otherwise; a gate's flag
// ("flags.censured") is set when they are above zero. Several lines may
// target one slot: their events add up.
type Line struct {
	ID     string   `json:"id"`
	Target string   `json:"target"`
	Count  Measure  `json:"count"`
	Rules  []string `json:"rules,omitempty"`
	Types  []string `json:"types,omitempty"`
	// Per is the units of the measure that make one event (3: one per
	// three months of arrears); 0 means 1.
	Per int `json:"per,omitempty"`
	// Clause quotes the scheme clause the line fills, and Note says why
	// the measure fits it: the line's citation.
	Clause string `json:"clause,omitempty"`
	Note   string `json:"note,omitempty"`
}

// MaxMappingBytes bounds the input [Decode] reads.
const MaxMappingBytes = 16 << 20

var (
	mappingFields = strictjson.NewFields("name", "scheme", "note", "lines")
	lineFields    = strictjson.NewFields("id", "target", "count", "rules", "types", "per", "clause", "note")
)

// Decode reads a mapping from JSON strictly: keys spelled exactly and
// written once, strings where strings are due, per a JSON integer. It
// reports every problem as a [dangjian.Problems], each with its path
// ("lines[2].per"), line and column, the value and the line's id; input
// that is not JSON (or not UTF-8, or larger than [MaxMappingBytes]) gives
// one problem. What the fields mean is checked by [Compile].
func Decode(r io.Reader) (Mapping, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxMappingBytes+1))
	if err != nil {
		return Mapping{}, err
	}
	if len(data) > MaxMappingBytes {
		return Mapping{}, dangjian.Problems{{Kind: dangjian.ErrLimit,
			Detail: "a mapping is at most " + strconv.Itoa(MaxMappingBytes) + " bytes"}}
	}
	d := decoder{src: strictjson.NewSource(data)}
	d.sc = strictjson.NewScanner(d.src)
	d.sc.SkipBOM = bytes.HasPrefix(data, []byte("\xef\xbb\xbf"))
	m, stop := d.mapping()
	if stop != nil {
		return Mapping{}, dangjian.Problems{stop}
	}
	if _, p := d.sc.Next(); p != nil {
		return Mapping{}, dangjian.Problems{p}
	}
	if err := d.ps.Err(); err != nil {
		return Mapping{}, err
	}
	return m, nil
}

type decoder struct {
	src *strictjson.Source
	sc  *strictjson.Scanner
	ps  dangjian.Problems
}

// object reads an object's fields, calling field for each known one
// (read once); a problem that ends the input is returned.
func (d *decoder) object(path, what string, fs *strictjson.Fields, field func(name string, v strictjson.Token, at string) *dangjian.Problem) *dangjian.Problem {
	t, p := d.sc.Next()
	if p != nil {
		return p
	}
	if t.Kind != strictjson.BeginObject {
		d.ps.Add(d.src.Problem(dangjian.ErrInvalid, t.Off, path, t.Text(), "want "+what+", got "+t.Describe()))
		return d.sc.Skip(t)
	}
	var seen strictjson.Seen
	for d.sc.More() {
		k, p := d.sc.Next()
		if p != nil {
			return p
		}
		f, ok := fs.LookupToken(k)
		at := strictjson.Field(path, k.Text())
		if !ok || seen.Has(f) {
			if !ok {
				d.ps.Add(d.src.Problem(dangjian.ErrUnknownField, k.Off, at, k.Text(), fs.Unknown(k.Text())))
			} else {
				d.ps.Add(d.src.Problem(dangjian.ErrInvalid, k.Off, at, k.Text(), strictjson.DetailRepeated))
			}
			v, p := d.sc.Next()
			if p != nil {
				return p
			}
			if p := d.sc.Skip(v); p != nil {
				return p
			}
			continue
		}
		seen.Add(f)
		v, p := d.sc.Next()
		if p != nil {
			return p
		}
		if p := field(fs.Name(f), v, at); p != nil {
			return p
		}
	}
	_, p = d.sc.Next() // '}'
	return p
}

// str reads a string value; a value of another type is a problem.
func (d *decoder) str(v strictjson.Token, at string, dst *string) *dangjian.Problem {
	if v.Kind != strictjson.String {
		d.ps.Add(d.src.Problem(dangjian.ErrInvalid, v.Off, at, v.Text(), "want a string, got "+v.Describe()))
		return d.sc.Skip(v)
	}
	*dst = v.Text()
	return nil
}

// strs reads an array of strings.
func (d *decoder) strs(v strictjson.Token, at string, dst *[]string) *dangjian.Problem {
	if v.Kind != strictjson.BeginArray {
		d.ps.Add(d.src.Problem(dangjian.ErrInvalid, v.Off, at, v.Text(), "want an array of strings, got "+v.Describe()))
		return d.sc.Skip(v)
	}
	out := []string{}
	for i := 0; d.sc.More(); i++ {
		e, p := d.sc.Next()
		if p != nil {
			return p
		}
		var s string
		if e.Kind == strictjson.String {
			s = e.Text()
			out = append(out, s)
			continue
		}
		if p := d.str(e, strictjson.Elem(at, i), &s); p != nil {
			return p
		}
	}
	*dst = out
	_, p := d.sc.Next() // ']'
	return p
}

func (d *decoder) mapping() (Mapping, *dangjian.Problem) {
	var m Mapping
	p := d.object("", "a mapping object", mappingFields, func(name string, v strictjson.Token, at string) *dangjian.Problem {
		switch name {
		case "name":
			return d.str(v, at, &m.Name)
		case "scheme":
			return d.str(v, at, &m.Scheme)
		case "note":
			return d.str(v, at, &m.Note)
		}
		// lines
		if v.Kind != strictjson.BeginArray {
			d.ps.Add(d.src.Problem(dangjian.ErrInvalid, v.Off, at, v.Text(), "want an array of lines, got "+v.Describe()))
			return d.sc.Skip(v)
		}
		m.Lines = []Line{}
		for i := 0; d.sc.More(); i++ {
			mark := len(d.ps)
			l, p := d.line(strictjson.Elem(at, i))
			if p != nil {
				return p
			}
			strictjson.FillID(d.ps[mark:], l.ID)
			m.Lines = append(m.Lines, l)
		}
		_, p := d.sc.Next() // ']'
		return p
	})
	return m, p
}

func (d *decoder) line(path string) (Line, *dangjian.Problem) {
	var l Line
	p := d.object(path, "a line object", lineFields, func(name string, v strictjson.Token, at string) *dangjian.Problem {
		switch name {
		case "id":
			return d.str(v, at, &l.ID)
		case "target":
			return d.str(v, at, &l.Target)
		case "count":
			var s string
			p := d.str(v, at, &s)
			l.Count = Measure(s)
			return p
		case "rules":
			return d.strs(v, at, &l.Rules)
		case "types":
			return d.strs(v, at, &l.Types)
		case "per":
			if v.Kind != strictjson.Number || !strictjson.IsInteger(v.Raw) {
				d.ps.Add(d.src.Problem(dangjian.ErrInvalid, v.Off, at, v.Text(), "want a whole JSON number, got "+v.Describe()))
				return d.sc.Skip(v)
			}
			n, err := strconv.Atoi(v.Text())
			if err != nil {
				d.ps.Add(d.src.Problem(dangjian.ErrOverflow, v.Off, at, v.Text(), "too large"))
				return nil
			}
			l.Per = n
			return nil
		case "clause":
			return d.str(v, at, &l.Clause)
		}
		return d.str(v, at, &l.Note)
	})
	return l, p
}
