package assess

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// csvColumns are what a flat scheme reads from a CSV row: the values
// (direct and ratio indicators, number inputs of tables), the text fields
// (text inputs of tables), the flags its gates read and its bonus items.
type csvColumns struct {
	values, fields, flags, bonus []string
}

// flatColumns returns the columns a CSV may have for s, or an error when
// s has a leaf CSV cannot feed.
func flatColumns(s Scheme) (csvColumns, error) {
	var c csvColumns
	var deep []string
	var walk func(ind Indicator)
	walk = func(ind Indicator) {
		for _, ch := range ind.Children {
			walk(ch)
		}
		m := ind.Method
		if m == nil {
			return
		}
		switch m.Kind {
		case Direct, Ratio:
			c.values = append(c.values, ind.ID)
		case TableMethod:
			if m.Table == nil {
				return
			}
			for _, in := range m.Table.Inputs {
				if in.Kind == TextInput {
					c.fields = append(c.fields, in.Name)
				} else {
					c.values = append(c.values, in.Name)
				}
			}
		default:
			deep = append(deep, fmt.Sprintf("%s (%s)", ind.ID, m.Kind))
		}
	}
	for _, comp := range s.Components {
		for _, ind := range comp.Indicators {
			walk(ind)
		}
	}
	if len(deep) > 0 {
		return c, fmt.Errorf("CSV input needs a scheme whose leaves are direct, ratio or table indicators; %s need JSON input", strings.Join(deep, ", "))
	}
	for _, g := range s.Gates {
		if !slices.Contains(c.flags, g.Flag) {
			c.flags = append(c.flags, g.Flag)
		}
	}
	if s.Bonus != nil {
		for _, it := range s.Bonus.Items {
			c.bonus = append(c.bonus, it.ID)
		}
	}
	return c, nil
}

// The fixed CSV columns; the others are the scheme's (csvColumns.kind).
const (
	colID = iota
	colCategory
)

// The kinds of a scheme's CSV column.
const (
	csvValue = iota + 1
	csvField
	csvFlag
	csvBonus
)

// kind returns what a CSV column of the scheme's own names: value, field,
// flag or bonus, and the name it reads (the flag or bonus item without its
// prefix); kind is 0 for a name the scheme does not read.
func (c csvColumns) kind(h string) (kind int, key string) {
	switch {
	case slices.Contains(c.values, h):
		return csvValue, h
	case slices.Contains(c.fields, h):
		return csvField, h
	case strings.HasPrefix(h, "flag:") && slices.Contains(c.flags, h[len("flag:"):]):
		return csvFlag, h[len("flag:"):]
	case strings.HasPrefix(h, "bonus:") && slices.Contains(c.bonus, h[len("bonus:"):]):
		return csvBonus, h[len("bonus:"):]
	}
	return 0, ""
}

func (c csvColumns) known() string {
	var out []string
	out = append(out, c.values...)
	out = append(out, c.fields...)
	for _, f := range c.flags {
		out = append(out, "flag:"+f)
	}
	for _, b := range c.bonus {
		out = append(out, "bonus:"+b)
	}
	return strings.Join(out, ", ")
}

// DecodeSubjectsCSVFunc reads subjects from CSV for a flat scheme s, one
// subject per row, as a stream: it calls fn with each row's subject that
// has no problem, in the input's order, and holds one row at a time.
//
// The header names the column id (required), optionally category, then
// one column per value the scheme reads (a direct or ratio indicator's
// ID, a decision table's input name), flag:NAME columns for gates (true,
// false, 1, 0, yes, no or empty) and bonus:ITEM columns for bonus counts;
// names are matched as written, case included. An empty value or bonus
// cell is not given. A flat scheme is one whose leaves are all direct,
// ratio or table indicators (checklists, deductions and votes need JSON):
// any other is a problem of kind [dangjian.ErrInvalid], before anything
// is read.
//
// The CSV is read with the module's table reader: UTF-8 only (a byte
// order mark is skipped; text that is not UTF-8 is a problem of kind
// [dangjian.ErrEncoding] at its line and column: to read GBK on purpose,
// wrap r with textenc.NewReader), every row as wide as the header. Every
// problem is reported with its line, its column (the field's position),
// the column's name as its path and the row's subject ID; a row with a
// problem is not passed to fn, and the rows after it go on. At the end,
// DecodeSubjectsCSVFunc returns every problem (up to
// [dangjian.DefaultMaxProblems], then a count of the rest), in a
// [dangjian.Problems], or nil; an error of fn stops the reading and is
// returned as it is. It reads within the default [dangjian.Limits]: see
// [DecodeSubjectsCSVFuncWith].
func DecodeSubjectsCSVFunc(r io.Reader, s Scheme, fn func(Subject) error) error {
	return DecodeSubjectsCSVFuncWith(r, s, dangjian.Limits{}, fn)
}

// DecodeSubjectsCSVFuncWith is [DecodeSubjectsCSVFunc] within lim: an
// input over lim.MaxBytes, more rows than lim.MaxRecords, or one record
// (all its lines) longer than lim.MaxRecordBytes, is a problem of kind
// [dangjian.ErrLimit] that ends the input at the line where the refused
// record starts, naming the limit; the problems beyond lim.MaxProblems are
// counted, not listed ([dangjian.ProblemCap]).
func DecodeSubjectsCSVFuncWith(r io.Reader, s Scheme, lim dangjian.Limits, fn func(Subject) error) error {
	cols, err := flatColumns(s)
	if err != nil {
		return dangjian.Problems{{Kind: dangjian.ErrInvalid, Detail: err.Error()}}
	}
	spec := csvtable.Spec{
		Columns:   []csvtable.Column{colID: {Name: "id", Required: true}, colCategory: {Name: "category"}},
		ID:        "id",
		ExactCase: true,
		Extra: func(h string) (string, bool) {
			k, _ := cols.kind(h)
			return h, k != 0
		},
	}
	t, err := csvtable.OpenWith(r, &spec, lim)
	if err != nil {
		ps := dangjian.ProblemsOf(err)
		for _, p := range ps {
			if p.Detail == csvtable.DetailUnknownColumn {
				p.Detail += ": want id, category, " + cols.known()
			}
		}
		return ps.Err()
	}
	type column struct {
		field int
		name  string
		kind  int
		key   string
	}
	var extra []column
	for _, x := range t.Header().Extras() {
		kind, key := cols.kind(x.Name)
		extra = append(extra, column{x.Field, x.Name, kind, key})
	}
	bad := dangjian.NewProblemCap(lim.Problems())
	for t.Next() {
		if p := t.WidthProblem(); p != nil {
			bad.Add(p)
			continue
		}
		if ps := t.EncodingProblems(); ps != nil {
			bad.AddAll(ps)
			continue
		}
		sub := Subject{ID: t.Cell(colID), Category: t.Cell(colCategory)}
		ok := true
		for _, col := range extra {
			cell := t.At(col.field)
			cellProblem := func(detail string) {
				bad.Add(t.FieldProblem(col.field, col.name, cell, dangjian.ErrInvalid, detail))
				ok = false
			}
			switch col.kind {
			case csvValue:
				if cell == "" {
					continue
				}
				v, err := ParseNum(cell)
				if err != nil {
					cellProblem("not a decimal number")
					continue
				}
				if sub.Values == nil {
					sub.Values = map[string]Num{}
				}
				sub.Values[col.key] = v
			case csvField:
				if cell == "" {
					continue
				}
				if sub.Fields == nil {
					sub.Fields = map[string]string{}
				}
				sub.Fields[col.key] = cell
			case csvFlag:
				var set bool
				switch strings.ToLower(cell) {
				case "", "0", "false", "no":
				case "1", "true", "yes":
					set = true
				default:
					cellProblem("want true, false, 1, 0 or empty")
				}
				if set {
					if sub.Flags == nil {
						sub.Flags = map[string]bool{}
					}
					sub.Flags[col.key] = true
				}
			case csvBonus:
				if cell == "" {
					continue
				}
				k, err := strconv.Atoi(cell)
				if err != nil || k < 0 {
					cellProblem("want a count")
					continue
				}
				if sub.Bonus == nil {
					sub.Bonus = map[string]int{}
				}
				sub.Bonus[col.key] = k
			}
		}
		if sub.ID == "" {
			bad.Add(t.ProblemAt(t.Line(), -1, "id", "", dangjian.ErrMissing, "a row names its subject"))
			ok = false
		}
		if !ok {
			continue
		}
		if err := fn(sub); err != nil {
			return err
		}
	}
	if err := t.Err(); err != nil {
		bad.AddAll(dangjian.ProblemsOf(err))
	}
	return bad.Err()
}
