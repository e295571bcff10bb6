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

// WriteText prints the trace under n as an indented tree, one node a
// line ("daily 日常考核 = 88.11 of 100 (exact 88.105, indicator
// half_up)"), each indented by indent and two spaces a level, with its
// inputs, rule, notes and source on the lines below it (a source only
// where it differs from its parent's). A value that is not a decimal is
// written as its exact fraction. It returns the first error of w.
func (n *Node) WriteText(w io.Writer, indent string) error {
	ew := &errWriter{w: w}
	n.writeText(ew, indent, nil)
	return ew.err
}

// errWriter keeps the first error of w and writes nothing after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}

func (n *Node) writeText(w io.Writer, pad string, parent *dangjian.Source) {
	if n == nil {
		return
	}
	fmt.Fprintf(w, "%s%s", pad, n.ID)
	if n.Name != "" {
		fmt.Fprintf(w, " %s", n.Name)
	}
	exact, value := n.texts()
	fmt.Fprintf(w, " = %s", value)
	if n.Max != "" {
		fmt.Fprintf(w, " of %s", n.Max)
	}
	var tags []string
	if n.Method != "" {
		tags = append(tags, n.Method)
	}
	if exact != value {
		tags = append(tags, "exact "+exact)
	}
	if n.Rounding != "" {
		tags = append(tags, n.Rounding)
	}
	if len(tags) > 0 {
		fmt.Fprintf(w, " (%s)", strings.Join(tags, ", "))
	}
	fmt.Fprintln(w)
	if len(n.Inputs) > 0 {
		fmt.Fprintf(w, "%s  · inputs: %s\n", pad, n.Inputs.text())
	}
	if n.Rule != "" {
		fmt.Fprintf(w, "%s  · rule: %s\n", pad, n.Rule)
	}
	for _, note := range n.Notes {
		fmt.Fprintf(w, "%s  · note: %s\n", pad, note)
	}
	src := parent
	if n.Source != nil {
		if parent == nil || *n.Source != *parent {
			fmt.Fprintf(w, "%s  · source: %s\n", pad, n.Source)
		}
		src = n.Source
	}
	for _, ch := range n.Children {
		ch.writeText(w, pad+"  ", src)
	}
}

// text renders inputs sorted by key: "actual 97.5; target 100".
func (pairs Pairs) text() string {
	in := pairs.Map()
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + in[k]
	}
	return strings.Join(parts, "; ")
}

// WriteCSV writes the trace under n as CSV, one row per node, depth
// first, under the header depth, id, name, method, max, exact, value,
// rounding, rule, inputs, notes, source (the root at depth 0). A value
// that is not a decimal is written as its exact fraction. Text cells (id,
// name, rule, inputs, notes, source) that a spreadsheet would run as a
// formula are written with a single quote in front
// ([dangjian.GuardFormulas]), unless text says otherwise; the method, the
// rounding and the numbers are written as they are. A nil n writes the
// header only.
func (n *Node) WriteCSV(w io.Writer, text ...dangjian.CSVText) error {
	cw, err := csvtable.NewWriter(w, text...)
	if err != nil {
		return err
	}
	if err := cw.Write([]string{"depth", "id", "name", "method", "max", "exact", "value", "rounding", "rule", "inputs", "notes", "source"}); err != nil {
		return err
	}
	var walk func(n *Node, depth int) error
	walk = func(n *Node, depth int) error {
		src := ""
		if n.Source != nil {
			src = n.Source.String()
		}
		exact, value := n.texts()
		rec := []string{strconv.Itoa(depth), cw.Text(n.ID), cw.Text(n.Name), n.Method, n.Max, exact, value, n.Rounding, cw.Text(n.Rule),
			cw.Text(n.Inputs.text()), cw.Text(strings.Join(n.Notes, "; ")), cw.Text(src)}
		if err := cw.Write(rec); err != nil {
			return err
		}
		for _, ch := range n.Children {
			if err := walk(ch, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if n != nil {
		if err := walk(n, 0); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// texts returns a node's exact and displayed values for text and CSV: the
// exact value as a fraction when it is not a decimal (JSON has it in
// exactFraction).
func (n *Node) texts() (exact, value string) {
	exact, value = n.Exact, n.Value
	if n.ExactFraction != "" {
		if value == exact {
			value = n.ExactFraction
		}
		exact = n.ExactFraction
	}
	return exact, value
}
