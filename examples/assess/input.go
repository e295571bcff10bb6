package main

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// columns are what a flat scheme reads from a CSV row: the values (direct
// and ratio indicators, number inputs of tables), the text fields (text
// inputs of tables), the flags its gates read and its bonus items.
type columns struct {
	values, fields, flags, bonus []string
}

// flatColumns returns the columns a CSV may have for s, or an error when
// s has a leaf CSV cannot feed.
func flatColumns(s assess.Scheme) (columns, error) {
	var c columns
	var deep []string
	var walk func(ind assess.Indicator)
	walk = func(ind assess.Indicator) {
		for _, ch := range ind.Children {
			walk(ch)
		}
		m := ind.Method
		if m == nil {
			return
		}
		switch m.Kind {
		case assess.Direct, assess.Ratio:
			c.values = append(c.values, ind.ID)
		case assess.TableMethod:
			if m.Table == nil {
				return
			}
			for _, in := range m.Table.Inputs {
				if in.Kind == assess.TextInput {
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

// The fixed CSV columns; the others are the scheme's (columns.kind).
const (
	colID = iota
	colCategory
)

// kind returns what a CSV column of the scheme's own names: value, field,
// flag or bonus, and the name it reads (the flag or bonus item without its
// prefix); ok is false for a name the scheme does not read.
func (c columns) kind(h string) (kind, key string, ok bool) {
	switch {
	case slices.Contains(c.values, h):
		return "value", h, true
	case slices.Contains(c.fields, h):
		return "field", h, true
	case strings.HasPrefix(h, "flag:") && slices.Contains(c.flags, h[len("flag:"):]):
		return "flag", h[len("flag:"):], true
	case strings.HasPrefix(h, "bonus:") && slices.Contains(c.bonus, h[len("bonus:"):]):
		return "bonus", h[len("bonus:"):], true
	}
	return "", "", false
}

// readCSV reads one subject per row. Every problem is reported, by line,
// column (the field's position) and column name, with the subject's ID.
// Column names are matched as written.
func readCSV(name string, data []byte, s assess.Scheme) ([]assess.Subject, dangjian.Problems) {
	cols, err := flatColumns(s)
	if err != nil {
		return nil, fileProblem(name, dangjian.ErrInvalid, err.Error())
	}
	spec := csvtable.Spec{
		Columns:   []csvtable.Column{colID: {Name: "id", Required: true}, colCategory: {Name: "category"}},
		ID:        "id",
		ExactCase: true,
		Extra: func(h string) (string, bool) {
			_, _, ok := cols.kind(h)
			return h, ok
		},
	}
	t, err := csvtable.Open(bytes.NewReader(data), &spec)
	if err != nil {
		ps := inFile(name, err)
		for _, p := range ps {
			if p.Detail == csvtable.DetailUnknownColumn {
				p.Detail += ": want id, category, " + known(cols)
			}
		}
		return nil, ps
	}
	type column struct {
		field     int
		name      string
		kind, key string // value, field, flag, bonus
	}
	var extra []column
	for _, x := range t.Header().Extras() {
		kind, key, _ := cols.kind(x.Name)
		extra = append(extra, column{x.Field, x.Name, kind, key})
	}
	var bad dangjian.Problems
	var subs []assess.Subject
	for t.Next() {
		if p := t.WidthProblem(); p != nil {
			bad.Add(p)
			continue
		}
		if ps := t.EncodingProblems(); ps != nil {
			bad = append(bad, ps...)
			continue
		}
		sub := assess.Subject{ID: t.Cell(colID), Category: t.Cell(colCategory)}
		for _, col := range extra {
			cell := t.At(col.field)
			cellProblem := func(detail string) {
				bad.Add(t.FieldProblem(col.field, col.name, cell, dangjian.ErrInvalid, detail))
			}
			switch col.kind {
			case "value":
				if cell == "" {
					continue
				}
				v, err := assess.ParseNum(cell)
				if err != nil {
					cellProblem("not a decimal number")
					continue
				}
				if sub.Values == nil {
					sub.Values = map[string]assess.Num{}
				}
				sub.Values[col.key] = v
			case "field":
				if cell == "" {
					continue
				}
				if sub.Fields == nil {
					sub.Fields = map[string]string{}
				}
				sub.Fields[col.key] = cell
			case "flag":
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
			case "bonus":
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
		}
		subs = append(subs, sub)
	}
	if err := t.Err(); err != nil {
		bad = append(bad, dangjian.ProblemsOf(err)...)
	}
	if len(bad) > 0 {
		return nil, inFile(name, bad)
	}
	return subs, nil
}

func known(c columns) string {
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
