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
// where it differs from its parent's), then the source of each number the
// node used whose source differs from the node's ("· source of weight
// 0.7, max 100: dangjian 参考方案：本库自拟取值 [library_choice]"; a clause's
// or item's number after its ID: "· source of work_day cap 3: …"),
// numbers of one source on one line. A value that is not a decimal is
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
	for _, g := range n.numberSources(src, true) {
		fmt.Fprintf(w, "%s  · source of %s: %s\n", pad, strings.Join(g.nums, ", "), g.source)
	}
	for _, ch := range n.Children {
		ch.writeText(w, pad+"  ", src)
	}
}

// numGroup is the numbers of a node cited to one source, as text.
type numGroup struct {
	source string
	nums   []string // "weight 0.7", "work_day cap 3"
}

// numberSources groups the node's number cites by source, in the order
// cited; with differing, only those whose source differs from src (the
// node's source, or its parent's: the source the text trace shows for
// the node). A number is named by its field, after its part's ID when the
// part is a clause, item or rater group of the node, and followed by its
// value when it has one.
func (n *Node) numberSources(src *dangjian.Source, differing bool) []numGroup {
	var out []numGroup
	for _, c := range n.Sources {
		if c.Of == "" || c.Source == nil {
			continue
		}
		if differing && src != nil && *src == *c.Source {
			continue
		}
		label := c.Of
		if c.ID != n.ID {
			label = c.ID + " " + c.Of
		}
		if c.Value != "" {
			label += " " + c.Value
		}
		text := c.Source.String()
		i := slices.IndexFunc(out, func(g numGroup) bool { return g.source == text })
		if i < 0 {
			out = append(out, numGroup{source: text})
			i = len(out) - 1
		}
		out[i].nums = append(out[i].nums, label)
	}
	return out
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
// rounding, rule, inputs, notes, source, number_sources (the root at
// depth 0). number_sources gives the source of every number the node
// used, grouped by source and separated by " | ": "weight 0.7, max 100:
// dangjian 参考方案：本库自拟取值 [library_choice] | …" (a clause's or item's
// number after its ID: "work_day cap 3"), so that a reader of the
// spreadsheet sees which number came from where, the numbers of the
// node's own source included. A value
// that is not a decimal is written as its exact fraction. Text cells (id,
// name, rule, inputs, notes, source, number_sources) that a spreadsheet would run as a
// formula are written with a single quote in front
// ([dangjian.GuardFormulas]), unless text says otherwise; the method, the
// rounding and the numbers are written as they are. A nil n writes the
// header only.
func (n *Node) WriteCSV(w io.Writer, text ...dangjian.CSVText) error {
	cw, err := csvtable.NewWriter(w, text...)
	if err != nil {
		return err
	}
	if err := cw.Write([]string{"depth", "id", "name", "method", "max", "exact", "value", "rounding", "rule", "inputs", "notes", "source", "number_sources"}); err != nil {
		return err
	}
	var walk func(n *Node, depth int, parent *dangjian.Source) error
	walk = func(n *Node, depth int, parent *dangjian.Source) error {
		src, own := "", parent
		if n.Source != nil {
			src, own = n.Source.String(), n.Source
		}
		var nums []string
		for _, g := range n.numberSources(own, false) {
			nums = append(nums, strings.Join(g.nums, ", ")+": "+g.source)
		}
		exact, value := n.texts()
		rec := []string{strconv.Itoa(depth), cw.Text(n.ID), cw.Text(n.Name), n.Method, n.Max, exact, value, n.Rounding, cw.Text(n.Rule),
			cw.Text(n.Inputs.text()), cw.Text(strings.Join(n.Notes, "; ")), cw.Text(src), cw.Text(strings.Join(nums, " | "))}
		if err := cw.Write(rec); err != nil {
			return err
		}
		for _, ch := range n.Children {
			if err := walk(ch, depth+1, own); err != nil {
				return err
			}
		}
		return nil
	}
	if n != nil {
		if err := walk(n, 0, nil); err != nil {
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
