package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dangjian-go/dangjian/assess"
)

func writeCohort(w io.Writer, format string, c *cohort) error {
	switch format {
	case "json":
		return writeCohortJSON(w, c)
	case "csv":
		if c.compact != nil {
			return c.compact.WriteCSV(w)
		}
		return c.ranking.WriteCSV(w)
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
	policy, graded := c.policy()
	if graded {
		fmt.Fprintf(w, "policy %s\n", policy)
	} else {
		fmt.Fprintln(w, "no bands: ranked by total")
	}
	fmt.Fprintf(w, "%d subjects\n\n", c.size())

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	head := []string{"order", "rank", "subject", "total"}
	for _, comp := range c.scheme.Components {
		head = append(head, comp.ID)
	}
	head = append(head, "bonus", "")
	fmt.Fprintln(tw, strings.Join(head, "\t")+"  grade  category  remarks")
	err := c.rows(func(r assess.CohortRow) error {
		cells := append([]string{strconv.Itoa(r.Order), rankText(r.Rank), r.Subject, r.Total}, r.Components...)
		cells = append(cells, r.Bonus, "")
		tail := "  " + r.Grade + "  " + orDash(r.Category)
		if r.Remarks != "" {
			tail += "  " + r.Remarks
		}
		_, err := fmt.Fprintln(tw, strings.Join(cells, "\t")+tail)
		return err
	})
	if err != nil {
		return err
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if !graded {
		return nil
	}
	fmt.Fprintln(w, "\ngrades:")
	for _, g := range c.groups() {
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

// policy returns the grading policy's name, and false when the cohort is
// ranked by total.
func (c *cohort) policy() (string, bool) {
	if c.compact != nil {
		return c.policyName, c.policyName != ""
	}
	if c.ranking.Grading == nil {
		return "", false
	}
	return c.ranking.Grading.Policy, true
}

// size returns the number of subjects.
func (c *cohort) size() int {
	if c.compact != nil {
		return c.compact.Len()
	}
	return len(c.ranking.Results)
}

// groups returns the grade counts of each group.
func (c *cohort) groups() []assess.GroupSummary {
	if c.compact != nil {
		return c.compact.Groups()
	}
	return c.ranking.Grading.Groups
}

// rows calls fn with each subject in the cohort's order, as text.
func (c *cohort) rows(fn func(assess.CohortRow) error) error {
	if c.compact != nil {
		return c.compact.Rows(fn)
	}
	for _, r := range c.ranking.Rows() {
		row := assess.CohortRow{Order: r.Order, Rank: r.Rank, Subject: r.Result.Subject, Category: r.Result.Category,
			Total: r.Result.Total.String(), Bonus: r.Result.Bonus.String(), Band: r.Band(), Grade: r.Grade(),
			Eligible: r.Result.Eligible, Remarks: strings.Join(r.Remarks(), "; ")}
		for _, cr := range r.Result.Components {
			row.Components = append(row.Components, cr.Score.String())
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}

// perCategory reports whether a grading ranked within categories: its
// groups are the categories.
func perCategory(gr *assess.Grading) bool {
	return slices.ContainsFunc(gr.Groups, func(g assess.GroupSummary) bool { return g.Category != "" })
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
	out := cohortJSON{Scheme: c.scorer.Name(), Max: c.scorer.Max(), Grading: c.ranking.Grading, Results: []assess.Result{}}
	for _, r := range c.ranking.Rows() {
		out.Results = append(out.Results, *r.Result)
		if c.ranking.Grading == nil {
			out.Ranks = append(out.Ranks, rankJSON{Subject: r.Result.Subject, Rank: r.Rank})
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

// unknownSubjectError is an -explain ID that is not in the input.
type unknownSubjectError struct{ id string }

func (e unknownSubjectError) Error() string {
	return fmt.Sprintf("assess: -explain %s: no such subject in the input", e.id)
}

func writeExplain(w io.Writer, format string, c *cohort, id string) error {
	r, ok := c.ranking.Row(id)
	if !ok {
		return unknownSubjectError{id}
	}
	switch format {
	case "json":
		return encodeJSON(w, struct {
			Result  *assess.Result `json:"result"`
			Grading *assess.Graded `json:"grading,omitempty"`
		}{r.Result, r.Graded})
	case "csv":
		return r.Result.Trace.WriteCSV(w)
	}
	return writeExplainText(w, c, r)
}

func writeExplainText(w io.Writer, c *cohort, r assess.RankedRow) error {
	res := r.Result
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
	if err := res.Trace.WriteText(w, "  "); err != nil {
		return err
	}
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
	if r.Graded != nil {
		g := r.Graded
		fmt.Fprintf(w, "\ngrading (%s):", c.ranking.Grading.Policy)
		switch {
		case g.Ungraded:
			fmt.Fprint(w, " not graded")
		default:
			fmt.Fprintf(w, " rank %d", g.Rank)
			if perCategory(c.ranking.Grading) {
				fmt.Fprintf(w, " in %s", g.Category)
			}
			fmt.Fprintf(w, ", grade %s", g.Grade)
		}
		fmt.Fprintln(w)
		for _, st := range g.Steps {
			fmt.Fprintf(w, "  %s\n", st)
		}
	} else if r.Rank > 0 {
		fmt.Fprintf(w, "\nrank %d by total\n", r.Rank)
	}
	return nil
}

// rankText is a rank as the ranking prints it: "-" for none.
func rankText(rank int) string {
	if rank == 0 {
		return "-"
	}
	return strconv.Itoa(rank)
}
