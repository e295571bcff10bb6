package assess

import (
	"encoding/json"

	"github.com/dangjian-go/dangjian"
)

// Result is one subject's score: the total, the component scores, the
// bonus, the gates that applied, the grade from the bands after the gates,
// and, when asked for, the trace.
type Result struct {
	Subject  string `json:"subject"`
	Category string `json:"category,omitempty"`
	// Total is the final score, rounded where the scheme declares.
	Total Score `json:"total"`
	// Max is the most a subject can score: the components' weighted
	// maxima plus the bonus cap.
	Max        Score             `json:"max"`
	Components []ComponentResult `json:"components"`
	Bonus      Score             `json:"bonus"`
	// Extra is the extra pool's points (另行加分, outside the bonus cap),
	// when the scheme has one.
	Extra *Score    `json:"extra,omitempty"`
	Gates []GateHit `json:"gates,omitempty"`
	// Grade is the band's grade after the gates (empty when the scheme has
	// no bands). Cohort rules (quotas, downgrades) apply later.
	Grade string `json:"grade,omitempty"`
	// Eligible reports whether the subject may receive awards (评优).
	Eligible bool `json:"eligible"`
	// Ballots totals the valid votes per level over every votes indicator
	// (不了解 and void groups excluded), for vote-share rules.
	Ballots Tally `json:"ballots,omitempty"`
	// Clamped lists the values of direct indicators that lay outside
	// [0, max] and were clamped into it, in scheme order: recorded by
	// every scoring entry point (Score, ScoreInto, Explain), never only in
	// the trace. Empty when nothing was clamped.
	Clamped []Clamp `json:"clamped,omitempty"`
	// Notes record what the scorer had to decide (a void rater group, a
	// value clamped to the maximum). Like the trace, they are recorded by
	// [Scorer.Explain] only; a clamped value is also in Clamped.
	Notes []string `json:"notes,omitempty"`
	Trace *Node    `json:"trace,omitempty"`

	mem *traceMem // the trace's memory, for ExplainInto to reuse
}

// Clamp is a direct indicator's value that lay outside [0, max]: the
// value given and the bound applied (0 or the indicator's max).
type Clamp struct {
	Indicator string `json:"indicator"`
	Value     Score  `json:"value"`
	To        Score  `json:"to"`
}

// String returns "x: 120 clamped to 100".
func (c Clamp) String() string {
	return c.Indicator + ": " + c.Value.String() + " clamped to " + c.To.String()
}

// ComponentResult is a component's score: exact, after its rounding point,
// and weighted.
type ComponentResult struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Exact    Score  `json:"exact"`
	Score    Score  `json:"score"`
	Weight   string `json:"weight"`
	Weighted Score  `json:"weighted"`
}

// GateHit is a gate that applied. In the module's finding shape it is a
// [dangjian.Finding] (see [GateHit.Finding]); Result keeps GateHit so that
// the scoring path stays free of allocations and the grader reads the
// effect and grade as typed fields.
type GateHit struct {
	Gate   string          `json:"gate"`
	Effect GateEffect      `json:"effect"`
	Grade  string          `json:"grade,omitempty"`
	Reason string          `json:"reason"`
	Source dangjian.Source `json:"source"`
	// GradeSource cites the grade the gate sets, caps or forbids, where
	// it has one: the gate's Source, or the source its scheme names for
	// the grade (Gate.Cites). It points into the compiled scheme: read
	// it, do not change it.
	GradeSource *dangjian.Source `json:"gradeSource,omitempty"`
}

// Finding returns the gate hit as a [dangjian.Finding] about the subject
// with ID subject: Rule is the gate's ID, Severity [dangjian.Error] (a gate
// is binding: 一票否决, 不得评为, 不得评优), Subject the subject's ID, Ref the
// grade the gate sets, caps or forbids (empty for zero and no_award),
// Value the effect's code ("cap_grade"), Message the
// reason code, and Source the gate's source.
func (h GateHit) Finding(subject string) dangjian.Finding {
	return dangjian.Finding{Rule: h.Gate, Severity: dangjian.Error, Subject: subject, Ref: h.Grade, Value: string(h.Effect), Message: h.Reason, Source: h.Source}
}

// Findings returns the result's gate hits as [dangjian.Finding] values
// about the result's subject, in the order the gates applied (see
// [GateHit.Finding]); nil when no gate applied.
func (r *Result) Findings() []dangjian.Finding {
	if len(r.Gates) == 0 {
		return nil
	}
	out := make([]dangjian.Finding, len(r.Gates))
	for i, h := range r.Gates {
		out[i] = h.Finding(r.Subject)
	}
	return out
}

// Node is a node of a score's trace: keyed by indicator (or component, or
// "total"), with the inputs read, the rule applied, the exact and the
// displayed value, the source, and the children.
type Node struct {
	ID     string `json:"id"`
	Name   string `json:"name,omitempty"`
	Method string `json:"method,omitempty"`
	Max    string `json:"max,omitempty"`
	Inputs Pairs  `json:"inputs,omitempty"`
	Rule   string `json:"rule,omitempty"`
	// Exact is the node's exact value as a decimal: exactly when it is
	// one, otherwise rounded half-up to JSONPlaces places, and then
	// ExactFraction holds it exactly ("2898/31").
	Exact         string `json:"exact"`
	ExactFraction string `json:"exactFraction,omitempty"`
	// Value is the displayed value: after the node's rounding point, if
	// it has one, otherwise Exact.
	Value string `json:"value"`
	// Rounding names the rounding point applied, if any.
	Rounding string `json:"rounding,omitempty"`
	// Source, and the Sources cited, point into the compiled scheme:
	// read them, do not change them.
	Source *dangjian.Source `json:"source,omitempty"`
	// Sources cite the clauses and items applied (deduction clauses,
	// checklist and bonus items), by their ID, where they name a source.
	Sources  Cites    `json:"sources,omitempty"`
	Notes    []string `json:"notes,omitempty"`
	Children []*Node  `json:"children,omitempty"`
}

// cite records the source of a clause or item applied in a trace node
// and the sources of its numbers (nums). room is the most cites the
// node's clauses or items add in all: the node's own cites, shared with
// the compiled scheme, are copied into room for them at the first.
func (r *run) cite(tn *Node, id string, src *dangjian.Source, nums []Cite, room int) {
	if tn == nil {
		return
	}
	need := btoi(src != nil) + len(nums)
	if need == 0 {
		return
	}
	if cap(tn.Sources)-len(tn.Sources) < need {
		own := tn.Sources
		tn.Sources = append(r.cites(len(own)+max(room, need)), own...)
	}
	if src != nil {
		tn.Sources = append(tn.Sources, Cite{ID: id, Source: src})
	}
	tn.Sources = append(tn.Sources, nums...)
}

// JSONPlaces is the number of decimal places at which a value that is not
// a decimal appears in JSON: a [Score], a trace node's exact value, a vote
// average in a trace's inputs. Such a value is rounded half-up
// ([JSONRounding]) and written with all six places ("93.483871"); a value
// that is a decimal is written exactly, with the places it has ("86.5").
// The exact fraction of a rounded value is given beside it in a member
// documented as exact: "exactFractions" of a Result, ComponentResult,
// Graded or QuotaUse (field name → "n/d"), and "exactFraction" of a trace
// Node. Decoding a Result restores the exact values from it.
const JSONPlaces = 6

// JSONRounding is how a value that is not a decimal is written in JSON:
// half-up to [JSONPlaces] places.
var JSONRounding = dangjian.Rounding{Places: JSONPlaces, Mode: dangjian.HalfUp}

// fractions collects the exact fractions of an object's scores that are
// not decimals, by JSON field name; nil when there are none.
func fractions(kv ...any) map[string]string {
	var m map[string]string
	for i := 0; i+1 < len(kv); i += 2 {
		if f := kv[i+1].(Score).fraction(); f != "" {
			if m == nil {
				m = map[string]string{}
			}
			m[kv[i].(string)] = f
		}
	}
	return m
}

// MarshalJSON encodes the result with its fields' keys, every score as a
// decimal string, and "exactFractions" ({"total": "2898/31"}) when the
// total is not a decimal.
func (r Result) MarshalJSON() ([]byte, error) {
	type plain Result
	return json.Marshal(struct {
		plain
		ExactFractions map[string]string `json:"exactFractions,omitempty"`
	}{plain(r), fractions("total", r.Total)})
}

// UnmarshalJSON decodes what MarshalJSON encodes, taking the exact total
// from "exactFractions" when it is there.
func (r *Result) UnmarshalJSON(b []byte) error {
	type plain Result
	w := struct {
		*plain
		ExactFractions map[string]Score `json:"exactFractions"`
	}{plain: (*plain)(r)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if s, ok := w.ExactFractions["total"]; ok {
		r.Total = s
	}
	return nil
}

// MarshalJSON encodes the component with its fields' keys, its scores as
// decimal strings, and "exactFractions" ({"exact": "640/7", …}) for those
// that are not decimals.
func (c ComponentResult) MarshalJSON() ([]byte, error) {
	type plain ComponentResult
	return json.Marshal(struct {
		plain
		ExactFractions map[string]string `json:"exactFractions,omitempty"`
	}{plain(c), fractions("exact", c.Exact, "score", c.Score, "weighted", c.Weighted)})
}

// UnmarshalJSON decodes what MarshalJSON encodes, taking exact scores from
// "exactFractions".
func (c *ComponentResult) UnmarshalJSON(b []byte) error {
	type plain ComponentResult
	w := struct {
		*plain
		ExactFractions map[string]Score `json:"exactFractions"`
	}{plain: (*plain)(c)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	for k, s := range w.ExactFractions {
		switch k {
		case "exact":
			c.Exact = s
		case "score":
			c.Score = s
		case "weighted":
			c.Weighted = s
		}
	}
	return nil
}
