package assess

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
	"github.com/dangjian-go/dangjian/internal/rounding"
)

// Share is an exact share between 0 and 1 inclusive: a quota's ceiling
// ("1/3 of the members", "30%") or a vote-share threshold. It is parsed
// from a decimal ("0.3"), a fraction ("1/3") or a percentage ("30%"),
// never through a float, and held as an exact fraction, so 1/3 stays 1/3.
// The zero Share is 0 and not set (see [Share.IsSet]). A Share is a small
// immutable value.
type Share struct {
	r   rat.Rat
	set bool
}

// ParseShare parses a share: decimal text ("0.3"), a fraction of two
// non-negative integers ("1/3") or a percentage ("30%", "33.3%"). The
// result must lie in [0, 1]. An error is a *[dangjian.Problem] of kind
// [ErrInvalid] quoting s.
func ParseShare(s string) (Share, error) {
	r, err := parseShare(s)
	if err != nil {
		return Share{}, &dangjian.Problem{Kind: ErrInvalid, Value: s, Detail: err.Error()}
	}
	if r.Sign() < 0 || r.Cmp(rat.One) > 0 {
		return Share{}, &dangjian.Problem{Kind: ErrInvalid, Value: s, Detail: "a share lies between 0 and 1"}
	}
	return Share{r: r, set: true}, nil
}

func parseShare(s string) (rat.Rat, error) {
	bad := fmt.Errorf("want a decimal (0.3), a fraction (1/3) or a percentage (30%%)")
	switch {
	case s == "":
		return rat.Rat{}, bad
	case strings.HasSuffix(s, "%"):
		p, err := rat.Parse(s[:len(s)-1])
		if err != nil || strings.ContainsAny(s[:len(s)-1], "%/ ") {
			return rat.Rat{}, bad
		}
		return p.Quo(rat.Int(100))
	case strings.Contains(s, "/"):
		a, b, _ := strings.Cut(s, "/")
		n, err1 := parseCount(a)
		d, err2 := parseCount(b)
		if err1 != nil || err2 != nil {
			return rat.Rat{}, bad
		}
		if d == 0 {
			return rat.Rat{}, fmt.Errorf("a fraction's denominator is not 0")
		}
		return rat.New(n, d)
	}
	r, err := rat.Parse(s)
	if err != nil || strings.ContainsAny(s, " ") {
		return rat.Rat{}, bad
	}
	return r, nil
}

// parseCount accepts plain decimal digits only: no sign, no space.
func parseCount(s string) (int64, error) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseInt(s, 10, 64)
}

// MustShare is like [ParseShare] but panics on an error; it is meant for
// tests and static policy tables written in code.
func MustShare(s string) Share {
	v, err := ParseShare(s)
	if err != nil {
		panic(err)
	}
	return v
}

// IsSet reports whether the share was given (the zero Share was not).
func (s Share) IsSet() bool { return s.set }

func (s Share) rat() rat.Rat {
	if !s.set {
		return rat.Zero
	}
	return s.r
}

// String renders the share exactly: a decimal when it is one ("0.3"),
// otherwise a fraction ("1/3"). [ParseShare] reads it back.
func (s Share) String() string { return s.rat().String() }

// MarshalJSON encodes the share as a JSON string ("1/3", "0.3").
func (s Share) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON accepts a JSON string in any form [ParseShare] reads, or a
// JSON number, read exactly.
func (s *Share) UnmarshalJSON(b []byte) error {
	t := string(b)
	if len(t) >= 2 && t[0] == '"' {
		if err := json.Unmarshal(b, &t); err != nil {
			return err
		}
	}
	v, err := ParseShare(t)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// CountRounding says how a quota's share of the cohort becomes a whole
// number of subjects.
type CountRounding string

const (
	// CountFloor rounds down: 30 % of 11 = 3.3 → 3. The default, and the
	// safe reading of 不超过 ("not more than").
	CountFloor CountRounding = "floor"
	// CountCeil rounds up: 3.3 → 4. Its code is "ceiling", as
	// [dangjian.Ceiling]'s; "ceil" is read as an alias.
	CountCeil CountRounding = "ceiling"
	// CountHalfUp rounds half up (四舍五入): 3.3 → 3, 3.5 → 4.
	CountHalfUp CountRounding = "half_up"
)

func (c CountRounding) mode() (dangjian.RoundingMode, bool) {
	switch c {
	case "", CountFloor:
		return dangjian.Floor, true
	case CountCeil, countCeilAlias:
		return dangjian.Ceiling, true
	case CountHalfUp:
		return dangjian.HalfUp, true
	}
	return dangjian.RoundingUnknown, false
}

// countCeilAlias is the old spelling of CountCeil, read as it.
const countCeilAlias CountRounding = "ceil"

func (c CountRounding) orDefault() CountRounding {
	switch c {
	case "":
		return CountFloor
	case countCeilAlias:
		return CountCeil
	}
	return c
}

// MarshalText encodes the code; the old spelling "ceil" encodes as
// "ceiling", [dangjian.RoundingMode]'s spelling.
func (c CountRounding) MarshalText() ([]byte, error) {
	if c == countCeilAlias {
		c = CountCeil
	}
	return []byte(c), nil
}

// UnmarshalText reads the code, and "ceil" as "ceiling".
func (c *CountRounding) UnmarshalText(b []byte) error {
	*c = CountRounding(b)
	if *c == countCeilAlias {
		*c = CountCeil
	}
	return nil
}

// TiePolicy says what happens when subjects tie at a quota's cut-off: the
// last subject let in and the first left out are equal on the total and
// on every tie-break key ([GradePolicy.TieBreak]). There is no default:
// a quota names its tie policy.
type TiePolicy string

const (
	// TiesBreak breaks the tie by the subject ID, after the total and the
	// tie-break keys: the quota is never exceeded, and the grade's reasons
	// say when the ID decided (an arbitrary but deterministic order).
	TiesBreak TiePolicy = "break"
	// TiesAllIn lets every subject tied with the last one in take the
	// grade: the quota is exceeded by the tied subjects beyond the
	// allowed count, and the grading's quota use reports by how many.
	TiesAllIn TiePolicy = "all_in"
	// TiesAllOut leaves every subject tied at the cut-off out: the quota
	// is never exceeded, and slots may stay unused.
	TiesAllOut TiePolicy = "all_out"
)

// QuotaBase names the count a quota's share is taken of.
type QuotaBase string

const (
	// BaseGraded counts the subjects being graded (the default): subjects
	// scored but not graded ([Ungraded]) are left out, which is the
	// smaller count and the safe reading of 不超过.
	BaseGraded QuotaBase = "graded"
	// BaseAll counts every subject of the cohort (or of its category),
	// graded or not.
	BaseAll QuotaBase = "all"
)

// orDefault returns the base, [BaseGraded] when unset.
func (b QuotaBase) orDefault() QuotaBase {
	if b == "" {
		return BaseGraded
	}
	return b
}

// QuotaReading records that a quota's base is the library's reading of a
// text that words it otherwise: Text quotes the base as the text words it
// ("党员总数"), Literal is the base the words read literally, Why says
// why the library reads it as Base. A caller takes the literal reading by
// setting Base to Literal ([GradePolicy.Literal] does it for every quota);
// each [QuotaUse] says which base was used (Of) and carries the reading.
type QuotaReading struct {
	Text    string    `json:"text"`
	Literal QuotaBase `json:"literal"`
	Why     string    `json:"why,omitempty"`
}

// Literal returns a copy of the policy in which every quota with a
// [QuotaReading] takes its literal base instead of the library's reading.
func (p GradePolicy) Literal() GradePolicy {
	p.Quotas = append([]Quota(nil), p.Quotas...)
	for i := range p.Quotas {
		if r := p.Quotas[i].Reading; r != nil {
			p.Quotas[i].Base = r.Literal
		}
	}
	return p
}

// Quota limits how many subjects may take a grade: at most Max of the
// cohort (of each category under [GradePolicy.PerCategory]), the count
// rounded by Count. Subjects over the quota, in the cohort's order (total,
// tie-break keys, subject ID), fall to the next lower grade they may take,
// whose own quota then applies in turn. Quotas are applied best grade
// first.
//
// A subject graded directly by a set_grade gate (直接定级) competes for
// the quota by its total like any other, so the quota holds; to keep a
// directly graded subject over the quota, record an [Override].
//
// Modality is how binding the ceiling is: [dangjian.Must] (不超过) or
// [dangjian.Usually] (一般不超过, a normal ceiling). The computed grades
// respect either; the modality decides whether an [Override] may take
// the grade beyond the ceiling (Usually, May) or not (Must).
type Quota struct {
	Grade string        `json:"grade"`
	Max   Share         `json:"max"`
	Count CountRounding `json:"count,omitempty"`
	Ties  TiePolicy     `json:"ties"`
	Base  QuotaBase     `json:"base,omitempty"`
	// Reading, when set, says that Base is a reading of a text that words
	// the base otherwise, and gives the literal base.
	Reading  *QuotaReading     `json:"reading,omitempty"`
	Modality dangjian.Modality `json:"modality"`
	// Source is the ID of one of the policy's sources; every quota cites
	// one.
	Source string `json:"source"`
	// Cites names the source of each of the quota's numbers and readings
	// that Source does not give: field name ("max", "count", "ties",
	// "base") → source ID, as a scheme's parts cite (SCHEME.md §2.2).
	Cites map[string]string `json:"cites,omitempty"`
	Note  string            `json:"note,omitempty"`
}

// quotaNums are the fields a quota's cites may name, in the order the
// grading cites them.
var quotaNums = []string{"max", "count", "ties", "base"}

// allowed returns how many subjects of a base may take the grade.
func (q *Quota) allowed(base int) (int, error) {
	mode, ok := q.Count.mode()
	if !ok {
		return 0, problemf(ErrInvalid, "count rounding %q", q.Count)
	}
	// ⌈max × base⌉ (or ⌊⌋, or half up) by the module's integer kernel:
	// max = N/D, so the count is N × base / D rounded, in 128 bits.
	r := q.Max.rat()
	n, ok := rounding.MulDivRound(r.N, int64(base), r.D, mode)
	if !ok {
		return 0, problemf(ErrArithmetic, "%s × %d: %v", q.Max, base, rat.ErrOverflow)
	}
	return int(n), nil
}

// QuotaUse reports one quota in one group of a grading: the rule, the
// count it allowed, how many it demoted, and how many subjects hold the
// grade as computed (Recommended) and after overrides (Final). Over is
// Final − Allowed when positive: a quota exceeded by [TiesAllIn] or by
// overrides of a normal ceiling. Of names the base the share was taken of
// (Base is its count), and Reading, when the quota's base is a reading,
// what the text says and the literal alternative.
type QuotaUse struct {
	Grade       string            `json:"grade"`
	Max         Share             `json:"max"`
	Count       CountRounding     `json:"count"`
	Ties        TiePolicy         `json:"ties"`
	Modality    dangjian.Modality `json:"modality"`
	Base        int               `json:"base"`
	Of          QuotaBase         `json:"of,omitempty"`
	Reading     *QuotaReading     `json:"reading,omitempty"`
	Allowed     int               `json:"allowed"`
	Demoted     int               `json:"demoted"`
	Recommended int               `json:"recommended"`
	Final       int               `json:"final"`
	Over        int               `json:"over,omitempty"`
	Source      *dangjian.Source  `json:"source,omitempty"`
	// Cites gives the source of each of the quota's numbers and readings
	// (Of: max, count, ties, base; ID: the grade), in a grading's summary.
	// They point into the grader: read them, do not change them.
	Cites Cites `json:"cites,omitempty"`
}

// rule renders the quota for a reason: "优秀 at most floor(1/3 × 10) = 3
// (usually, 一般)".
func (u *QuotaUse) rule() string {
	return fmt.Sprintf("%s at most %s(%s × %d) = %d (%s, %s)", u.Grade, u.Count, u.Max, u.Base, u.Allowed, u.Modality, u.Modality.Label())
}

// applyQuotas applies the quotas to one group, best grade first. members
// is the group in the cohort's order.
func (g *Grader) applyQuotas(members []*gsub, ps *problems) {
	graded, all := 0, len(members)
	for _, s := range members {
		if s.graded {
			graded++
		}
	}
	for gi, q := range g.quotas {
		if q == nil {
			continue
		}
		base := graded
		if q.Base == BaseAll {
			base = all
		}
		allowed, err := q.allowed(base)
		if err != nil {
			ps.addAt("quotas["+strconv.Itoa(g.quotaIdx[gi])+"].max", q.Max.String(), err)
			continue
		}
		use := QuotaUse{Grade: q.Grade, Max: q.Max, Count: q.Count.orDefault(), Ties: q.Ties, Modality: q.Modality, Base: base,
			Of: q.Base.orDefault(), Reading: q.Reading, Allowed: allowed}
		var pool []*gsub
		for _, s := range members {
			if s.graded && s.cur == gi {
				pool = append(pool, s)
			}
		}
		if len(pool) <= allowed {
			continue
		}
		keep := allowed
		if allowed > 0 && g.cmpKeys(pool[allowed-1], pool[allowed]) == 0 {
			last := pool[allowed-1]
			switch q.Ties {
			case TiesBreak:
				for i := allowed - 1; i >= 0 && g.cmpKeys(last, pool[i]) == 0; i-- {
					pool[i].step(GradeStep{Kind: StepQuota, Rule: "quota:" + q.Grade, From: q.Grade, To: q.Grade, Source: g.source(q.Source),
						Reason: fmt.Sprintf("%s; tied with %s at the cut-off on the total and every tie-break key, kept by the subject ID (break)", use.rule(), pool[allowed].id)})
				}
			case TiesAllIn:
				for keep < len(pool) && g.cmpKeys(last, pool[keep]) == 0 {
					pool[keep].step(GradeStep{Kind: StepQuota, Rule: "quota:" + q.Grade, From: q.Grade, To: q.Grade, Source: g.source(q.Source),
						Reason: fmt.Sprintf("%s; tied with %s at the cut-off, kept by all_in: the quota is exceeded", use.rule(), last.id)})
					keep++
				}
			case TiesAllOut:
				for keep > 0 && g.cmpKeys(last, pool[keep-1]) == 0 {
					keep--
				}
			}
		}
		for i := keep; i < len(pool); i++ {
			s := pool[i]
			why := g.cutWhy(s, pool, allowed, q.Ties)
			next := s.nextBelow(gi)
			if next < 0 {
				ps.addf("results["+strconv.Itoa(s.idx)+"]", s.id, ErrInput,
					"over the quota for %s, but the subject may take no lower grade", q.Grade)
				continue
			}
			s.step(GradeStep{Kind: StepQuota, Rule: "quota:" + q.Grade, From: q.Grade, To: g.p.Grades[next], Source: g.source(q.Source),
				Reason: fmt.Sprintf("%s; %s at %s by the cohort's order: %s", use.rule(), ordinal(i+1), q.Grade, why)})
			s.cur = next
		}
	}
}

// cutWhy says why s fell at the cut-off, compared with the last subject
// the quota allows (or, for that subject itself under all_out, the first
// one it does not).
func (g *Grader) cutWhy(s *gsub, pool []*gsub, allowed int, ties TiePolicy) string {
	if allowed == 0 {
		return "the quota allows none"
	}
	ref := pool[allowed-1]
	if ref == s {
		ref = pool[allowed]
	}
	if s.total.Cmp(ref.total) != 0 {
		return fmt.Sprintf("total %s below the cut-off (%s, %s)", s.total, ref.id, ref.total)
	}
	for k := range g.keys {
		if c := g.cmpKey(k, s, ref); c != 0 {
			return fmt.Sprintf("tied on the total %s with %s; the tie-break key %s decided", s.total, ref.id, g.keys[k].label())
		}
	}
	if ties == TiesAllOut {
		return fmt.Sprintf("tied with %s on the total %s and every tie-break key at the cut-off: all_out", ref.id, s.total)
	}
	return fmt.Sprintf("tied with %s on the total %s and every tie-break key; the subject ID decided (break)", ref.id, s.total)
}

func ordinal(n int) string { return "no. " + strconv.Itoa(n) }

// MarshalJSON encodes the quota use with its fields' keys; the share max
// as a decimal string (rounded half-up to JSONPlaces places when it is not
// a decimal), with "exactFractions" ({"max": "1/3"}) then.
func (u QuotaUse) MarshalJSON() ([]byte, error) {
	max, _ := Score{r: u.Max.rat()}.JSON()
	return json.Marshal(quotaUseJSON{Grade: u.Grade, Max: max, Count: u.Count, Ties: u.Ties, Modality: u.Modality,
		Base: u.Base, Of: u.Of, Reading: u.Reading, Allowed: u.Allowed, Demoted: u.Demoted, Recommended: u.Recommended, Final: u.Final,
		Over: u.Over, Source: u.Source, Cites: u.Cites, ExactFractions: fractions("max", Score{r: u.Max.rat()})})
}

// quotaUseJSON is the wire form of a QuotaUse.
type quotaUseJSON struct {
	Grade          string            `json:"grade"`
	Max            string            `json:"max"`
	Count          CountRounding     `json:"count"`
	Ties           TiePolicy         `json:"ties"`
	Modality       dangjian.Modality `json:"modality"`
	Base           int               `json:"base"`
	Of             QuotaBase         `json:"of,omitempty"`
	Reading        *QuotaReading     `json:"reading,omitempty"`
	Allowed        int               `json:"allowed"`
	Demoted        int               `json:"demoted"`
	Recommended    int               `json:"recommended"`
	Final          int               `json:"final"`
	Over           int               `json:"over,omitempty"`
	Source         *dangjian.Source  `json:"source,omitempty"`
	Cites          Cites             `json:"cites,omitempty"`
	ExactFractions map[string]string `json:"exactFractions,omitempty"`
}

// UnmarshalJSON decodes what MarshalJSON encodes, taking the exact share
// from "exactFractions".
func (u *QuotaUse) UnmarshalJSON(b []byte) error {
	type plain QuotaUse
	w := struct {
		*plain
		ExactFractions map[string]Share `json:"exactFractions"`
	}{plain: (*plain)(u)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if s, ok := w.ExactFractions["max"]; ok {
		u.Max = s
	}
	return nil
}
