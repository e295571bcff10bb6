// How this alternative was written: the Yanji duty-report scheme as a
// hand-written float64 loop, the way a developer would code it after reading
// the scheme (place/yanji/yanji-shuzhi.json and assess/SCHEME.md): the
// scheme's numbers as Go tables built once (clauses with points, caps,
// severity levels and the per-percentage-point threshold; checklist items;
// rater groups), and per subject a direct pass over a plain struct: the
// deductions of each clause summed and capped, one deduction per case
// (同一案件不累计扣分), max less the deductions and never below 0 (扣完为止);
// checklists summed and capped; ratios actual/target×max clamped; direct
// points clamped; votes averaged per rater group with 不了解 left out, a void
// group (more ballots returned than issued) and a group without a valid vote
// dropped and the weights renormalised; components rounded to 2 places with
// math.Round(x*100)/100, weighted 0.7 / 0.3, the bonus capped per item and at
// 5, the veto gate, the total rounded the same way, the grade from the bands
// and the 不得评为好 gates. Every number is a float64. Nothing is deliberately
// slow: no maps on the per-subject path, no allocation.

package bench

import (
	"fmt"
	"math"
)

// FloatResult is a float alternative's score of one subject.
type FloatResult struct {
	Total, Daily, Review, Bonus float64
	Grade                       string
	Eligible                    bool
}

type fClause struct {
	id           string
	points       float64            // per occurrence
	levels       map[string]float64 // by severity (non-nil)
	perPoint     float64            // per percentage point below threshold (when > 0)
	threshold    float64
	cap          float64 // 0: no cap
	maxDeduction float64
}

type fDeductions struct {
	max     float64
	clauses []fClause
}

// FloatScorer is the Yanji scheme as a hand-written float64 loop.
type FloatScorer struct {
	yashi, zhendi, zaiti fDeductions
	yanshi, duiwu, fuwu  map[string]float64 // checklist item points
}

// NewFloatScorer builds the scheme's tables.
func NewFloatScorer() *FloatScorer {
	return &FloatScorer{
		yashi: fDeductions{max: 15, clauses: []fClause{
			{id: "leading_group", points: 1, cap: 3},
			{id: "secretary_project", points: 3},
			{id: "contact_point", points: 1, cap: 2},
			{id: "work_day", points: 0.5, cap: 3},
			{id: "regular_meeting", points: 0.5, cap: 3},
			{id: "dual_duty", points: 2},
			{id: "discipline", levels: map[string]float64{"诫勉": 1, "轻处分": 3, "重处分": 5, "移送司法机关": 8}},
		}},
		zhendi: fDeductions{max: 10, clauses: []fClause{
			{id: "venue_standard", points: 3, cap: 6},
			{id: "venue_misuse", points: 2},
			{id: "platform_use", threshold: 90, perPoint: 0.2, cap: 4},
		}},
		zaiti: fDeductions{max: 10, clauses: []fClause{
			{id: "dangjian_plus", points: 1, cap: 4},
			{id: "five_step", points: 2},
			{id: "three_heads", points: 0.5, cap: 2},
			{id: "love_market", points: 2},
		}},
		yanshi: map[string]float64{"documents": 2, "organs_in_community": 2, "four_lists": 2, "four_level": 2, "cadres_serve": 2},
		duiwu:  map[string]float64{"first_secretary": 4, "reserve_pool": 3, "community_workers": 4, "nonpublic_instructors": 4},
		fuwu:   map[string]float64{"creation_targets": 3, "service_posts": 3, "service_actions": 2, "joint_agreements": 2},
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func clamp(x, lo, hi float64) float64 { return math.Min(math.Max(x, lo), hi) }

// deductions: max less the capped clause deductions, 扣完为止.
func (d *fDeductions) score(evs []PlainEvent) (float64, error) {
	type caseDed struct {
		cas    string
		clause int
		v      float64
	}
	var sums [8]float64
	var cases [8]caseDed
	nc := 0
	for _, e := range evs {
		ci := -1
		for i := range d.clauses {
			if d.clauses[i].id == e.Clause {
				ci = i
				break
			}
		}
		if ci < 0 {
			return 0, fmt.Errorf("clause %q", e.Clause)
		}
		cl := &d.clauses[ci]
		var v float64
		switch {
		case cl.levels != nil:
			p, ok := cl.levels[e.Level]
			if !ok {
				return 0, fmt.Errorf("level %q", e.Level)
			}
			v = p * float64(e.Count)
		case cl.perPoint > 0:
			if below := cl.threshold - e.Value; below > 0 {
				v = math.Floor(below) * cl.perPoint
			}
		default:
			v = cl.points * float64(e.Count)
		}
		if e.Case != "" {
			j := -1
			for k := 0; k < nc; k++ {
				if cases[k].cas == e.Case {
					j = k
					break
				}
			}
			if j >= 0 {
				if v > cases[j].v {
					cases[j].clause, cases[j].v = ci, v
				}
				continue
			}
			if nc == len(cases) {
				return 0, fmt.Errorf("more than %d cases", len(cases))
			}
			cases[nc] = caseDed{cas: e.Case, clause: ci, v: v}
			nc++
			continue
		}
		sums[ci] += v
	}
	for k := 0; k < nc; k++ {
		sums[cases[k].clause] += cases[k].v
	}
	total := 0.0
	for i := range d.clauses {
		v := sums[i]
		if c := d.clauses[i].cap; c > 0 && v > c {
			v = c
		}
		total += v
	}
	return math.Max(d.max-total, 0), nil
}

func checklist(items []string, points map[string]float64, max float64) (float64, error) {
	sum := 0.0
	for _, it := range items {
		p, ok := points[it]
		if !ok {
			return 0, fmt.Errorf("item %q", it)
		}
		sum += p
	}
	return math.Min(sum, max), nil
}

// votes: Σ weight × average of the valid votes / Σ weight of the groups
// that count, on the scale of 100, scaled to the indicator's max of 100.
func votes(groups *[3]Ballots) (float64, error) {
	weights := [3]float64{0.3, 0.4, 0.3}
	minRaters := [3]int{3, 10, 10}
	sum, wsum := 0.0, 0.0
	for i := range groups {
		b := &groups[i]
		if b.Issued > 0 && b.Returned > b.Issued {
			continue // void
		}
		valid := b.Good + b.Fair + b.Average + b.Poor
		if valid+b.Unknown < minRaters[i] {
			return 0, fmt.Errorf("group %d: %d raters, fewer than %d", i, valid+b.Unknown, minRaters[i])
		}
		if valid == 0 {
			continue
		}
		avg := float64(100*b.Good+80*b.Fair+60*b.Average+40*b.Poor) / float64(valid)
		sum += weights[i] * avg
		wsum += weights[i]
	}
	if wsum == 0 {
		return 0, nil
	}
	return clamp(sum/wsum/100*100, 0, 100), nil
}

// Score scores one subject.
func (f *FloatScorer) Score(p *Plain) (FloatResult, error) {
	yashi, err := f.yashi.score(p.Yashi)
	if err != nil {
		return FloatResult{}, err
	}
	yanshi, err := checklist(p.Yanshi, f.yanshi, 10)
	if err != nil {
		return FloatResult{}, err
	}
	jianshi := clamp(p.Jianshi/100*10, 0, 10)
	zhendi, err := f.zhendi.score(p.Zhendi)
	if err != nil {
		return FloatResult{}, err
	}
	duiwu, err := checklist(p.Duiwu, f.duiwu, 15)
	if err != nil {
		return FloatResult{}, err
	}
	baozhang := clamp(p.Baozhang/100*10, 0, 10)
	fuwu, err := checklist(p.Fuwu, f.fuwu, 10)
	if err != nil {
		return FloatResult{}, err
	}
	zaiti, err := f.zaiti.score(p.Zaiti)
	if err != nil {
		return FloatResult{}, err
	}
	pinpai := clamp(p.Pinpai, 0, 10)
	groups := [3]Ballots{p.Leaders, p.Members, p.Masses}
	ceping, err := votes(&groups)
	if err != nil {
		return FloatResult{}, err
	}

	sanshi := yashi + yanshi + jianshi
	sanqiang := zhendi + duiwu + baozhang
	sanhua := fuwu + zaiti + pinpai
	daily := round2(sanshi + sanqiang + sanhua)
	review := round2(ceping)
	bonus := math.Min(math.Min(float64(p.AwardCity)*1, 2)+math.Min(float64(p.AwardHigher)*2, 4)+math.Min(float64(p.Promoted)*1, 2), 5)
	total := daily*0.7 + review*0.3 + bonus
	if p.SeriousViolation {
		total = 0
	}
	total = round2(total)
	return FloatResult{Total: total, Daily: daily, Review: review, Bonus: bonus,
		Grade: floatGrade(total, p.HeldAccountable || p.TeamDisunity), Eligible: !p.Censured}, nil
}

// floatGrade: 好 ≥ 90, 较好 [80, 90), 一般 [60, 80), 差 < 60; a 不得评为好
// gate moves 好 to 较好.
func floatGrade(total float64, notGood bool) string {
	g := "差"
	switch {
	case total >= 90:
		g = "好"
	case total >= 80:
		g = "较好"
	case total >= 60:
		g = "一般"
	}
	if notGood && g == "好" {
		g = "较好"
	}
	return g
}
