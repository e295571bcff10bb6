package assess

import (
	"encoding/json"

	"github.com/dangjian-go/dangjian"
)

// StepKind names a step of a subject's grading.
type StepKind string

const (
	StepBand      StepKind = "band"      // the band of the total (policy bands)
	StepScored    StepKind = "scored"    // the scorer's grade, taken as it is
	StepGate      StepKind = "gate"      // a gate of the subject's result
	StepDowngrade StepKind = "downgrade" // a vote-share rule
	StepQuota     StepKind = "quota"     // a quota's cut-off
	StepUngraded  StepKind = "ungraded"  // scored, not graded
	StepOverride  StepKind = "override"  // a recorded decision
)

// GradeStep is one reason of a subject's grade: what applied (the gate or
// rule ID, "quota:优秀"), the grade before and after, why, and the source.
// From equals To when the rule applied without changing the grade.
type GradeStep struct {
	Kind   StepKind         `json:"kind"`
	Rule   string           `json:"rule,omitempty"`
	From   string           `json:"from,omitempty"`
	To     string           `json:"to,omitempty"`
	Reason string           `json:"reason"`
	Source *dangjian.Source `json:"source,omitempty"`
}

// String renders the step on one line as the text reports print it: the
// kind, the rule, the change of grade ("良好 → 一般", or "→ 优秀" from no
// grade) and the reason: "quota quota:优秀 优秀 → 良好: …".
func (st GradeStep) String() string {
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
	return step + ": " + st.Reason
}

// BarredGrade is a grade a subject may not take, and the gate or rule
// that bars it.
type BarredGrade struct {
	Grade string `json:"grade"`
	Rule  string `json:"rule"`
}

// Graded is one subject of a grading: its total, its place in the
// cohort's order (1-based, over the whole output), its rank (within its
// category under PerCategory; 0 when not graded), the starting grade
// (Band: the band of the total under policy bands, otherwise the scorer's
// grade), the computed grade (Recommended), the final grade (Grade: the
// recommendation or an override), the grades barred to it, and every
// step, in order. A subject scored but not graded has Ungraded set and no
// grade.
type Graded struct {
	Subject     string        `json:"subject"`
	Category    string        `json:"category,omitempty"`
	Total       Score         `json:"total"`
	Order       int           `json:"order"`
	Rank        int           `json:"rank,omitempty"`
	Ungraded    bool          `json:"ungraded,omitempty"`
	Band        string        `json:"band,omitempty"`
	Recommended string        `json:"recommended,omitempty"`
	Grade       string        `json:"grade,omitempty"`
	Eligible    bool          `json:"eligible"`
	Barred      []BarredGrade `json:"barred,omitempty"`
	Steps       []GradeStep   `json:"steps"`
	Override    *Override     `json:"override,omitempty"`
}

// GradeCount is how many subjects of a group hold a grade.
type GradeCount struct {
	Grade string `json:"grade"`
	Count int    `json:"count"`
}

// GroupSummary is one group of a grading (the cohort, or one category
// under PerCategory): its size, how many were graded, the final count per
// grade, and the use of each quota.
type GroupSummary struct {
	Category string       `json:"category,omitempty"`
	Subjects int          `json:"subjects"`
	Graded   int          `json:"graded"`
	Grades   []GradeCount `json:"grades"`
	Quotas   []QuotaUse   `json:"quotas,omitempty"`
}

// Grading is the graded cohort: the subjects in the cohort's order
// (category under PerCategory, total descending, tie-break keys, subject
// ID), whatever the order of the input, and a summary per group. A
// Grading is a plain value; [Grader.Override] returns a new one and
// leaves its argument unchanged.
type Grading struct {
	Policy   string         `json:"policy"`
	Groups   []GroupSummary `json:"groups"`
	Subjects []Graded       `json:"subjects"`
}

// MarshalJSON encodes the graded subject with its fields' keys, the total
// as a decimal string, and "exactFractions" ({"total": "2898/31"}) when
// the total is not a decimal.
func (g Graded) MarshalJSON() ([]byte, error) {
	type plain Graded
	return json.Marshal(struct {
		plain
		ExactFractions map[string]string `json:"exactFractions,omitempty"`
	}{plain(g), fractions("total", g.Total)})
}

// UnmarshalJSON decodes what MarshalJSON encodes, taking the exact total
// from "exactFractions".
func (g *Graded) UnmarshalJSON(b []byte) error {
	type plain Graded
	w := struct {
		*plain
		ExactFractions map[string]Score `json:"exactFractions"`
	}{plain: (*plain)(g)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if s, ok := w.ExactFractions["total"]; ok {
		g.Total = s
	}
	return nil
}
