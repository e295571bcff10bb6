package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// row is one subject of the ranking, in the cohort's order.
type row struct {
	order, rank int // rank 0: not graded
	res         *assess.Result
	graded      *assess.Graded // nil without a grading
}

func (r row) grade() string {
	switch {
	case r.graded == nil:
		return r.res.Grade
	case r.graded.Ungraded:
		return "-"
	}
	return r.graded.Grade
}

// remarks are what a reader of the ranking needs besides the numbers: the
// gates that applied, the values clamped to [0, max], the grade changes of the cohort rules, and whether
// the subject is graded.
func (r row) remarks() []string {
	var out []string
	for _, g := range r.res.Gates {
		out = append(out, fmt.Sprintf("%s (%s)", g.Gate, g.Effect))
	}
	for _, c := range r.res.Clamped {
		out = append(out, c.String())
	}
	if r.graded == nil {
		return out
	}
	if r.graded.Ungraded {
		out = append(out, "not graded")
	}
	for _, st := range r.graded.Steps {
		if (st.Kind == assess.StepQuota || st.Kind == assess.StepDowngrade) && st.From != st.To {
			out = append(out, fmt.Sprintf("%s %s→%s", st.Rule, st.From, st.To))
		}
	}
	return out
}

// rows returns the cohort in its order.
func (c *cohort) rows() []row {
	byID := make(map[string]int, len(c.results))
	for i, r := range c.results {
		byID[r.Subject] = i
	}
	var out []row
	if c.grading != nil {
		for i := range c.grading.Subjects {
			g := &c.grading.Subjects[i]
			out = append(out, row{order: g.Order, rank: g.Rank, res: &c.results[byID[g.Subject]], graded: g})
		}
		return out
	}
	for i, rk := range c.ranks {
		out = append(out, row{order: i + 1, rank: rk.rank, res: &c.results[rk.index]})
	}
	return out
}

func writeCohort(w io.Writer, format string, c *cohort) error {
	switch format {
	case "json":
		return writeCohortJSON(w, c)
	case "csv":
		return writeCohortCSV(w, c)
	}
	return writeCohortText(w, c)
}

func writeCohortText(w io.Writer, c *cohort) error {
	fmt.Fprintf(w, "scheme %s, max %s\n", c.scorer.Name(), c.scorer.Max())
	var parts []string
	for _, comp := range c.scheme.Components {
		parts = append(parts, fmt.Sprintf("%s %s × %s (max %s)", comp.ID, comp.Name, comp.Weight, comp.Max))
	}
	line := "components: " + strings.Join(parts, ", ")
	if c.scheme.Bonus != nil {
		line += "; bonus ≤ " + c.scheme.Bonus.Cap.String()
	}
	fmt.Fprintln(w, line)
	if c.grading != nil {
		fmt.Fprintf(w, "policy %s\n", c.grading.Policy)
	} else {
		fmt.Fprintln(w, "no bands: ranked by total")
	}
	fmt.Fprintf(w, "%d subjects\n\n", len(c.results))

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"order", "rank", "subject", "total"}
	for _, comp := range c.scheme.Components {
		head = append(head, comp.ID)
	}
	head = append(head, "bonus", "")
	fmt.Fprintln(tw, strings.Join(head, "\t")+"  grade  category  remarks")
	for _, r := range c.rows() {
		cells := []string{strconv.Itoa(r.order), rankText(r.rank), r.res.Subject, r.res.Total.String()}
		for _, cr := range r.res.Components {
			cells = append(cells, cr.Score.String())
		}
		cells = append(cells, r.res.Bonus.String(), "")
		tail := "  " + r.grade() + "  " + orDash(r.res.Category)
		if rm := r.remarks(); len(rm) > 0 {
			tail += "  " + strings.Join(rm, "; ")
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+tail)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if c.grading == nil {
		return nil
	}
	fmt.Fprintln(w, "\ngrades:")
	for _, g := range c.grading.Groups {
		var counts []string
		for _, gc := range g.Grades {
			counts = append(counts, fmt.Sprintf("%s %d", gc.Grade, gc.Count))
		}
		fmt.Fprintf(w, "  %s: %d subjects, %d graded: %s\n", groupName(g.Category), g.Subjects, g.Graded, strings.Join(counts, ", "))
		for _, q := range g.Quotas {
			fmt.Fprintf(w, "    quota %s ≤ %s of %d (%s, ties %s, %s): allowed %d, recommended %d, final %d, demoted %d",
				q.Grade, q.Max, q.Base, q.Count, q.Ties, q.Modality, q.Allowed, q.Recommended, q.Final, q.Demoted)
			if q.Over > 0 {
				fmt.Fprintf(w, ", over by %d", q.Over)
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}

// perCategory reports whether a grading ranked within categories: its
// groups are the categories.
func perCategory(gr *assess.Grading) bool {
	return slices.ContainsFunc(gr.Groups, func(g assess.GroupSummary) bool { return g.Category != "" })
}

func rankText(rank int) string {
	if rank == 0 {
		return "-"
	}
	return strconv.Itoa(rank)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func groupName(category string) string {
	if category == "" {
		return "cohort"
	}
	return category
}

// cohortJSON is the json output: the results in the cohort's order and the
// grading.
type cohortJSON struct {
	Scheme  string          `json:"scheme"`
	Max     assess.Score    `json:"max"`
	Results []assess.Result `json:"results"`
	Grading *assess.Grading `json:"grading,omitempty"`
	Ranks   []rankJSON      `json:"ranks,omitempty"`
}

type rankJSON struct {
	Subject string `json:"subject"`
	Rank    int    `json:"rank"`
}

func writeCohortJSON(w io.Writer, c *cohort) error {
	out := cohortJSON{Scheme: c.scorer.Name(), Max: c.scorer.Max(), Grading: c.grading, Results: []assess.Result{}}
	for _, r := range c.rows() {
		out.Results = append(out.Results, *r.res)
		if c.grading == nil {
			out.Ranks = append(out.Ranks, rankJSON{Subject: r.res.Subject, Rank: r.rank})
		}
	}
	return encodeJSON(w, out)
}

func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeCohortCSV writes the cohort as CSV. Text cells (subject, category,
// band, grade, remarks) that a spreadsheet would run as a formula are
// written with a single quote in front ([dangjian.GuardFormulas]); the
// numbers are written as they are, a negative one included.
func writeCohortCSV(w io.Writer, c *cohort) error {
	cw, err := csvtable.NewWriter(w)
	if err != nil {
		return err
	}
	head := []string{"order", "rank", "subject", "category", "total"}
	for _, comp := range c.scheme.Components {
		head = append(head, comp.ID)
	}
	head = append(head, "bonus", "band", "grade", "eligible", "remarks")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, r := range c.rows() {
		rec := []string{strconv.Itoa(r.order), rankText(r.rank), cw.Text(r.res.Subject), cw.Text(r.res.Category), r.res.Total.String()}
		for _, cr := range r.res.Components {
			rec = append(rec, cr.Score.String())
		}
		band := r.res.Grade
		if r.graded != nil {
			band = r.graded.Band
		}
		rec = append(rec, r.res.Bonus.String(), cw.Text(band), cw.Text(r.grade()), strconv.FormatBool(r.res.Eligible), cw.Text(strings.Join(r.remarks(), "; ")))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// unknownSubjectError is an -explain ID that is not in the input.
type unknownSubjectError struct{ id string }

func (e unknownSubjectError) Error() string {
	return fmt.Sprintf("assess: -explain %s: no such subject in the input", e.id)
}

func writeExplain(w io.Writer, format string, c *cohort, id string) error {
	var r *row
	for _, x := range c.rows() {
		if x.res.Subject == id {
			r = &x
			break
		}
	}
	if r == nil {
		return unknownSubjectError{id}
	}
	switch format {
	case "json":
		return encodeJSON(w, struct {
			Result  *assess.Result `json:"result"`
			Grading *assess.Graded `json:"grading,omitempty"`
		}{r.res, r.graded})
	case "csv":
		return writeTraceCSV(w, r.res.Trace)
	}
	return writeExplainText(w, c, r)
}

func writeExplainText(w io.Writer, c *cohort, r *row) error {
	res := r.res
	fmt.Fprintf(w, "subject %s", res.Subject)
	if res.Category != "" {
		fmt.Fprintf(w, " (%s)", res.Category)
	}
	fmt.Fprintf(w, " under %s\n", c.scorer.Name())
	fmt.Fprintf(w, "total %s of %s", res.Total, res.Max)
	if res.Grade != "" {
		fmt.Fprintf(w, ", grade %s", res.Grade)
	}
	if !res.Eligible {
		fmt.Fprint(w, ", not eligible for awards")
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "\ntrace:")
	writeNode(w, res.Trace, 1, nil)
	if len(res.Clamped) > 0 {
		fmt.Fprintln(w, "\nclamped:")
		for _, c := range res.Clamped {
			fmt.Fprintf(w, "  %s\n", c)
		}
	}
	if len(res.Gates) > 0 {
		fmt.Fprintln(w, "\ngates:")
		for _, g := range res.Gates {
			fmt.Fprintf(w, "  %s (%s", g.Gate, g.Effect)
			if g.Grade != "" {
				fmt.Fprintf(w, " %s", g.Grade)
			}
			fmt.Fprintf(w, "): %s\n", g.Reason)
			if !g.Source.IsZero() {
				fmt.Fprintf(w, "    source: %s\n", g.Source)
			}
		}
	}
	if r.graded != nil {
		g := r.graded
		fmt.Fprintf(w, "\ngrading (%s):", c.grading.Policy)
		switch {
		case g.Ungraded:
			fmt.Fprint(w, " not graded")
		default:
			fmt.Fprintf(w, " rank %d", g.Rank)
			if perCategory(c.grading) {
				fmt.Fprintf(w, " in %s", g.Category)
			}
			fmt.Fprintf(w, ", grade %s", g.Grade)
		}
		fmt.Fprintln(w)
		for _, st := range g.Steps {
			step := string(st.Kind)
			if st.Rule != "" {
				step += " " + st.Rule
			}
			switch {
			case st.From != "" && st.From != st.To:
				step += " " + st.From + " → " + st.To
			case st.To != "":
				step += " → " + st.To
			}
			fmt.Fprintf(w, "  %s: %s\n", step, st.Reason)
		}
	} else if r.rank > 0 {
		fmt.Fprintf(w, "\nrank %d by total\n", r.rank)
	}
	return nil
}

// writeNode prints a trace node and its children, indented by depth; a
// source is printed where it differs from the parent's.
func writeNode(w io.Writer, n *assess.Node, depth int, parent *dangjian.Source) {
	if n == nil {
		return
	}
	pad := strings.Repeat("  ", depth)
	fmt.Fprintf(w, "%s%s", pad, n.ID)
	if n.Name != "" {
		fmt.Fprintf(w, " %s", n.Name)
	}
	exact, value := nodeTexts(n)
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
		fmt.Fprintf(w, "%s  · inputs: %s\n", pad, inputsText(n.Inputs))
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
		writeNode(w, ch, depth+1, src)
	}
}

func inputsText(pairs assess.Pairs) string {
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

// writeTraceCSV writes one row per trace node, depth first. Text cells
// (id, name, rule, inputs, notes, source) are guarded against formulas as
// in writeCohortCSV; the method, the rounding and the numbers are not.
func writeTraceCSV(w io.Writer, root *assess.Node) error {
	cw, err := csvtable.NewWriter(w)
	if err != nil {
		return err
	}
	if err := cw.Write([]string{"depth", "id", "name", "method", "max", "exact", "value", "rounding", "rule", "inputs", "notes", "source"}); err != nil {
		return err
	}
	var walk func(n *assess.Node, depth int) error
	walk = func(n *assess.Node, depth int) error {
		src := ""
		if n.Source != nil {
			src = n.Source.String()
		}
		exact, value := nodeTexts(n)
		rec := []string{strconv.Itoa(depth), cw.Text(n.ID), cw.Text(n.Name), n.Method, n.Max, exact, value, n.Rounding, cw.Text(n.Rule),
			cw.Text(inputsText(n.Inputs)), cw.Text(strings.Join(n.Notes, "; ")), cw.Text(src)}
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
	if root != nil {
		if err := walk(root, 0); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// nodeTexts returns a trace node's exact and displayed values for text and
// CSV: the exact value as a fraction when it is not a decimal (JSON has it
// in exactFraction), as it always was in these formats.
func nodeTexts(n *assess.Node) (exact, value string) {
	exact, value = n.Exact, n.Value
	if n.ExactFraction != "" {
		if value == exact {
			value = n.ExactFraction
		}
		exact = n.ExactFraction
	}
	return exact, value
}
