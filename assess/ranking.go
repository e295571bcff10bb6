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

// Ranking is a scored cohort in its order, what a program prints: graded
// under a policy ([Grader.Grade]), or, without one, ordered by total (then
// subject ID) with competition ranks, as a scheme without bands is.
type Ranking struct {
	// Scheme and Max are the scheme's name and highest total.
	Scheme string
	Max    Score
	// Components are the scheme's component IDs, in scheme order: the
	// columns of [Ranking.WriteCSV].
	Components []string
	// Results are the cohort's results, in the order given.
	Results []Result
	// Grading is the cohort's grading; nil when ranked by total.
	Grading *Grading

	rows []RankedRow
}

// RankedRow is one subject of a [Ranking], in the cohort's order.
type RankedRow struct {
	Order  int     // 1-based place in the cohort's order
	Rank   int     // 0: not graded
	Result *Result // the subject's result
	Graded *Graded // the subject's grading; nil when ranked by total
}

// NewRanking ranks a cohort scored by sc: with g, it grades the results
// ([Grader.Grade], whose problems it returns); with a nil g, it orders
// them by total, highest first, then by subject ID, and ranks them with
// shared ranks (1, 1, 3). The results are read, never modified, and kept.
func NewRanking(sc *Scorer, results []Result, g *Grader) (*Ranking, error) {
	r := &Ranking{Scheme: sc.Name(), Max: sc.Max(), Results: results}
	for _, c := range sc.comps {
		r.Components = append(r.Components, c.id)
	}
	if g != nil {
		gr, err := g.Grade(results)
		if err != nil {
			return nil, err
		}
		r.Grading = gr
		byID := make(map[string]int, len(results))
		for i := range results {
			byID[results[i].Subject] = i
		}
		r.rows = make([]RankedRow, len(gr.Subjects))
		for i := range gr.Subjects {
			s := &gr.Subjects[i]
			r.rows[i] = RankedRow{Order: s.Order, Rank: s.Rank, Result: &results[byID[s.Subject]], Graded: s}
		}
		return r, nil
	}
	order := make([]int, len(results))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := results[b].Total.Cmp(results[a].Total); c != 0 {
			return c
		}
		return strings.Compare(results[a].Subject, results[b].Subject)
	})
	r.rows = make([]RankedRow, len(order))
	for i, k := range order {
		r.rows[i] = RankedRow{Order: i + 1, Rank: i + 1, Result: &results[k]}
		if i > 0 && results[k].Total.Cmp(r.rows[i-1].Result.Total) == 0 {
			r.rows[i].Rank = r.rows[i-1].Rank
		}
	}
	return r, nil
}

// Rows returns the cohort in its order. The slice is the ranking's own.
func (r *Ranking) Rows() []RankedRow { return r.rows }

// Row returns the row of the subject with the given ID.
func (r *Ranking) Row(id string) (RankedRow, bool) {
	for _, row := range r.rows {
		if row.Result.Subject == id {
			return row, true
		}
	}
	return RankedRow{}, false
}

// Grade returns the subject's final grade: the grading's ("-" when not
// graded), or, when ranked by total, the scorer's.
func (row RankedRow) Grade() string {
	switch {
	case row.Graded == nil:
		return row.Result.Grade
	case row.Graded.Ungraded:
		return "-"
	}
	return row.Graded.Grade
}

// Band returns the grade of the subject's total before the gates and the
// cohort's rules: the grading's band, or the scorer's grade.
func (row RankedRow) Band() string {
	if row.Graded != nil {
		return row.Graded.Band
	}
	return row.Result.Grade
}

// Remarks are what a reader of a ranking needs besides the numbers: the
// gates that applied ("veto (cap_grade)"), the values clamped to their
// indicator's [0, max], whether the subject is graded, and the grade
// changes of the cohort's rules ("quota:优秀 优秀→良好").
func (row RankedRow) Remarks() []string {
	var out []string
	for _, g := range row.Result.Gates {
		out = append(out, fmt.Sprintf("%s (%s)", g.Gate, g.Effect))
	}
	for _, c := range row.Result.Clamped {
		out = append(out, c.String())
	}
	if row.Graded == nil {
		return out
	}
	if row.Graded.Ungraded {
		out = append(out, "not graded")
	}
	for _, st := range row.Graded.Steps {
		if (st.Kind == StepQuota || st.Kind == StepDowngrade) && st.From != st.To {
			out = append(out, fmt.Sprintf("%s %s→%s", st.Rule, st.From, st.To))
		}
	}
	return out
}

// WriteCSV writes the ranking as CSV, one row per subject in the cohort's
// order, under the header order, rank, subject, category, total, each
// component's score (by its ID), bonus, band, grade, eligible, remarks (";
// " between them). A rank not given is "-". Text cells (subject, category,
// band, grade, remarks) that a spreadsheet would run as a formula are
// written with a single quote in front ([dangjian.GuardFormulas]); the
// numbers are written as they are, a negative one included; text says
// otherwise (at most one [dangjian.CSVText]: [dangjian.RawText] writes
// them as they are).
func (r *Ranking) WriteCSV(w io.Writer, text ...dangjian.CSVText) error {
	cw, err := csvtable.NewWriter(w, text...)
	if err != nil {
		return err
	}
	head := []string{"order", "rank", "subject", "category", "total"}
	head = append(head, r.Components...)
	head = append(head, "bonus", "band", "grade", "eligible", "remarks")
	if err := cw.Write(head); err != nil {
		return err
	}
	rec := make([]string, 0, len(head))
	for _, row := range r.rows {
		res := row.Result
		rec = append(rec[:0], strconv.Itoa(row.Order), rankText(row.Rank), cw.Text(res.Subject), cw.Text(res.Category), res.Total.String())
		for _, cr := range res.Components {
			rec = append(rec, cr.Score.String())
		}
		rec = append(rec, res.Bonus.String(), cw.Text(row.Band()), cw.Text(row.Grade()), strconv.FormatBool(res.Eligible),
			cw.Text(strings.Join(row.Remarks(), "; ")))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// rankText is a rank as a ranking prints it: "-" for none.
func rankText(rank int) string {
	if rank == 0 {
		return "-"
	}
	return strconv.Itoa(rank)
}
