package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
)

// decodeSubjects reads the subjects: JSON when the input starts with [ or
// {, CSV otherwise.
func decodeSubjects(name string, data []byte, s assess.Scheme) ([]assess.Subject, dangjian.Problems) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		subs, err := assess.DecodeSubjects(bytes.NewReader(data))
		if err != nil {
			return nil, inFile(name, err)
		}
		return subs, nil
	}
	return readCSV(name, data, s)
}

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

// readCSV reads one subject per row. Every problem is reported, by line,
// column (the field's position) and column name, with the subject's ID.
func readCSV(name string, data []byte, s assess.Scheme) ([]assess.Subject, dangjian.Problems) {
	cols, err := flatColumns(s)
	if err != nil {
		return nil, fileProblem(name, dangjian.ErrInvalid, err.Error())
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fileProblem(name, dangjian.ErrSyntax, "empty input")
		}
		return nil, csvProblem(name, err)
	}
	type column struct {
		kind, key string // id, category, value, field, flag, bonus
	}
	var bad dangjian.Problems
	headerProblem := func(i int, h, detail string) {
		bad = append(bad, &dangjian.Problem{Kind: dangjian.ErrHeader, File: name, Line: 1, Column: i + 1, Path: h, Value: h, Detail: detail})
	}
	parsed := make([]column, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if seen[h] {
			headerProblem(i, h, "the column appears twice")
		}
		seen[h] = true
		switch {
		case h == "id" || h == "category":
			parsed[i] = column{kind: h}
		case slices.Contains(cols.values, h):
			parsed[i] = column{kind: "value", key: h}
		case slices.Contains(cols.fields, h):
			parsed[i] = column{kind: "field", key: h}
		case strings.HasPrefix(h, "flag:") && slices.Contains(cols.flags, h[len("flag:"):]):
			parsed[i] = column{kind: "flag", key: h[len("flag:"):]}
		case strings.HasPrefix(h, "bonus:") && slices.Contains(cols.bonus, h[len("bonus:"):]):
			parsed[i] = column{kind: "bonus", key: h[len("bonus:"):]}
		default:
			headerProblem(i, h, "unknown column: want id, category, "+known(cols))
		}
	}
	if !seen["id"] {
		bad = append(bad, &dangjian.Problem{Kind: dangjian.ErrHeader, File: name, Line: 1, Detail: "no id column"})
	}
	if len(bad) > 0 {
		return nil, bad
	}
	var subs []assess.Subject
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			bad = append(bad, csvProblem(name, err)...)
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		line, _ := r.FieldPos(0)
		first := len(bad)
		sub := assess.Subject{}
		for i, cell := range rec {
			cell = strings.TrimSpace(cell)
			col := parsed[i]
			cellProblem := func(detail string) {
				bad = append(bad, &dangjian.Problem{Kind: dangjian.ErrInvalid, File: name, Line: line, Column: i + 1,
					Path: header[i], Value: cell, Detail: detail})
			}
			switch col.kind {
			case "id":
				sub.ID = cell
			case "category":
				sub.Category = cell
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
			bad = append(bad, &dangjian.Problem{Kind: dangjian.ErrMissing, File: name, Line: line, Path: "id", Detail: "a row names its subject"})
		}
		for _, p := range bad[first:] {
			p.ID = sub.ID
		}
		subs = append(subs, sub)
	}
	if len(bad) > 0 {
		return nil, bad
	}
	return subs, nil
}

// csvProblem is a row that is not well-formed CSV.
func csvProblem(name string, err error) dangjian.Problems {
	p := &dangjian.Problem{Kind: dangjian.ErrSyntax, File: name, Detail: err.Error(), Err: err}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		p.Line, p.Column, p.Detail = pe.Line, pe.Column, pe.Err.Error()
	}
	return dangjian.Problems{p}
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
