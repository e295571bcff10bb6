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

	"github.com/dangjian-go/dangjian/assess"
)

// decodeSubjects reads the subjects: JSON when the input starts with [ or
// {, CSV otherwise.
func decodeSubjects(name string, data []byte, s assess.Scheme) ([]assess.Subject, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		subs, err := assess.DecodeSubjects(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
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

// readCSV reads one subject per row. Every problem is reported, by line
// and column.
func readCSV(name string, data []byte, s assess.Scheme) ([]assess.Subject, error) {
	cols, err := flatColumns(s)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.TrimLeadingSpace = true
	header, err := r.Read()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: empty input", name)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	type column struct {
		kind, key string // id, category, value, field, flag, bonus
	}
	var bad []error
	parsed := make([]column, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if seen[h] {
			bad = append(bad, fmt.Errorf("%s:1: column %q appears twice", name, h))
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
			bad = append(bad, fmt.Errorf("%s:1: unknown column %q: want id, category, %s", name, h, known(cols)))
		}
	}
	if !seen["id"] {
		bad = append(bad, fmt.Errorf("%s:1: no id column", name))
	}
	if len(bad) > 0 {
		return nil, &problemsError{list: bad}
	}
	var subs []assess.Subject
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			bad = append(bad, fmt.Errorf("%s: %v", name, err))
			var pe *csv.ParseError
			if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
				continue
			}
			break
		}
		line, _ := r.FieldPos(0)
		sub := assess.Subject{}
		for i, cell := range rec {
			cell = strings.TrimSpace(cell)
			col := parsed[i]
			at := fmt.Sprintf("%s:%d: column %s", name, line, header[i])
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
					bad = append(bad, fmt.Errorf("%s: %q is not a decimal number", at, cell))
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
					bad = append(bad, fmt.Errorf("%s: %q: want true, false, 1, 0 or empty", at, cell))
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
					bad = append(bad, fmt.Errorf("%s: %q: want a count", at, cell))
					continue
				}
				if sub.Bonus == nil {
					sub.Bonus = map[string]int{}
				}
				sub.Bonus[col.key] = k
			}
		}
		if sub.ID == "" {
			bad = append(bad, fmt.Errorf("%s:%d: no id", name, line))
		}
		subs = append(subs, sub)
	}
	if len(bad) > 0 {
		return nil, &problemsError{list: bad}
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
