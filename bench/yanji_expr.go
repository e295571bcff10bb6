// How this alternative was written: the Yanji duty-report scheme as
// github.com/expr-lang/expr expressions, the rule engine a Go developer
// reaches for when a scheme's formulas are to be data (stored in a database
// and edited without a release). Each indicator, composite, component, the
// bonus pool, the total and the grade is one expression, in the order of the
// scheme's tree; the expressions read the subject's plain struct (the same
// Plain as the hand-written float loop) and the results of the expressions
// before them (V.yashi, …). All are compiled once with expr.Compile and
// expr.Env (type-checked against the environment; numeric ones with
// expr.AsFloat64), and run per subject on one reused vm.VM with a pointer to
// one reused environment: the fast way the expr documentation describes
// (compile once, run many times). They use only expr's built-ins (filter,
// sum, groupBy, map, max, min, floor, round). Numbers are float64, rounding
// is round(x * 100) / 100. Input validation (an unknown clause, level or
// item, too few raters) is not expressed: a bad input gives an error or a
// wrong number, as on most platforms.

package bench

import (
	"fmt"
	"reflect"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/vm"
)

// yanjiExprs is the scheme as expressions, in evaluation order. A result is
// stored under its ID in V for the expressions after it.
var yanjiExprs = []struct {
	id, src string
	text    bool // a text result (the grade), not a number
}{
	{id: "yashi", src: `
let ev = Yashi;
let lv = {"诫勉": 1, "轻处分": 3, "重处分": 5, "移送司法机关": 8};
let disc = filter(ev, .Clause == "discipline");
let d = min(sum(filter(ev, .Clause == "leading_group"), .Count * 1.0), 3)
      + sum(filter(ev, .Clause == "secretary_project"), .Count * 3.0)
      + min(sum(filter(ev, .Clause == "contact_point"), .Count * 1.0), 2)
      + min(sum(filter(ev, .Clause == "work_day"), .Count * 0.5), 3)
      + min(sum(filter(ev, .Clause == "regular_meeting"), .Count * 0.5), 3)
      + sum(filter(ev, .Clause == "dual_duty"), .Count * 2.0)
      + sum(filter(disc, .Case == ""), lv[.Level] * .Count)
      + sum(values(groupBy(filter(disc, .Case != ""), .Case)), max(map(#, lv[.Level] * .Count)));
max(15 - d, 0)`},
	{id: "yanshi", src: `
let pts = {"documents": 2, "organs_in_community": 2, "four_lists": 2, "four_level": 2, "cadres_serve": 2};
min(sum(Yanshi, pts[#]), 10)`},
	{id: "jianshi", src: `min(max(Jianshi / 100 * 10, 0), 10)`},
	{id: "sanshi", src: `V.yashi + V.yanshi + V.jianshi`},
	{id: "zhendi", src: `
let ev = Zhendi;
let d = min(sum(filter(ev, .Clause == "venue_standard"), .Count * 3.0), 6)
      + sum(filter(ev, .Clause == "venue_misuse"), .Count * 2.0)
      + min(sum(filter(ev, .Clause == "platform_use"), floor(max(90 - .Value, 0)) * 0.2), 4);
max(10 - d, 0)`},
	{id: "duiwu", src: `
let pts = {"first_secretary": 4, "reserve_pool": 3, "community_workers": 4, "nonpublic_instructors": 4};
min(sum(Duiwu, pts[#]), 15)`},
	{id: "baozhang", src: `min(max(Baozhang / 100 * 10, 0), 10)`},
	{id: "sanqiang", src: `V.zhendi + V.duiwu + V.baozhang`},
	{id: "fuwu", src: `
let pts = {"creation_targets": 3, "service_posts": 3, "service_actions": 2, "joint_agreements": 2};
min(sum(Fuwu, pts[#]), 10)`},
	{id: "zaiti", src: `
let ev = Zaiti;
let d = min(sum(filter(ev, .Clause == "dangjian_plus"), .Count * 1.0), 4)
      + sum(filter(ev, .Clause == "five_step"), .Count * 2.0)
      + min(sum(filter(ev, .Clause == "three_heads"), .Count * 0.5), 2)
      + sum(filter(ev, .Clause == "love_market"), .Count * 2.0);
max(10 - d, 0)`},
	{id: "pinpai", src: `min(max(Pinpai, 0), 10)`},
	{id: "sanhua", src: `V.fuwu + V.zaiti + V.pinpai`},
	{id: "daily", src: `round((V.sanshi + V.sanqiang + V.sanhua) * 100) / 100`},
	{id: "ceping", src: `
let gs = [{"b": Leaders, "w": 0.3}, {"b": Members, "w": 0.4}, {"b": Masses, "w": 0.3}];
let counted = filter(gs, !(.b.Issued > 0 && .b.Returned > .b.Issued) && .b.Good + .b.Fair + .b.Average + .b.Poor > 0);
let wsum = sum(counted, .w);
wsum == 0 ? 0 : min(max(sum(counted, .w * (100 * .b.Good + 80 * .b.Fair + 60 * .b.Average + 40 * .b.Poor) / (.b.Good + .b.Fair + .b.Average + .b.Poor)) / wsum / 100 * 100, 0), 100)`},
	{id: "review", src: `round(V.ceping * 100) / 100`},
	{id: "bonus", src: `min(min(AwardCity * 1, 2) + min(AwardHigher * 2, 4) + min(Promoted * 1, 2), 5)`},
	{id: "total", src: `SeriousViolation ? 0 : round((V.daily * 0.7 + V.review * 0.3 + V.bonus) * 100) / 100`},
	{id: "grade", text: true, src: `
let g = V.total >= 90 ? "好" : V.total >= 80 ? "较好" : V.total >= 60 ? "一般" : "差";
(HeldAccountable || TeamDisunity) && g == "好" ? "较好" : g`},
}

// ExprEnv is the expressions' environment: the subject's fields, and the
// results of the expressions evaluated so far by ID.
type ExprEnv struct {
	Plain
	V map[string]float64
}

type exprProgram struct {
	id   string
	prog *vm.Program
	text bool
}

// ExprScorer is the Yanji scheme as compiled expr programs.
type ExprScorer struct {
	progs []exprProgram
}

// NewExprScorer compiles every expression once.
func NewExprScorer() (*ExprScorer, error) {
	s := &ExprScorer{}
	for _, e := range yanjiExprs {
		opts := []expr.Option{expr.Env(ExprEnv{})}
		if e.text {
			opts = append(opts, expr.AsKind(reflect.String))
		} else {
			opts = append(opts, expr.AsFloat64())
		}
		p, err := expr.Compile(e.src, opts...)
		if err != nil {
			return nil, fmt.Errorf("bench: expression %s: %w", e.id, err)
		}
		s.progs = append(s.progs, exprProgram{id: e.id, prog: p, text: e.text})
	}
	return s, nil
}

// ExprRunner scores subjects with an ExprScorer's programs; it holds the
// reused VM and environment, so it is not safe for concurrent use (one
// runner per goroutine).
type ExprRunner struct {
	s   *ExprScorer
	vm  vm.VM
	env ExprEnv
}

// NewRunner returns a runner for the scorer's programs.
func (s *ExprScorer) NewRunner() *ExprRunner {
	return &ExprRunner{s: s, env: ExprEnv{V: make(map[string]float64, len(s.progs))}}
}

// Score scores one subject.
func (r *ExprRunner) Score(p *Plain) (FloatResult, error) {
	r.env.Plain = *p
	var grade string
	for _, pr := range r.s.progs {
		out, err := r.vm.Run(pr.prog, &r.env)
		if err != nil {
			return FloatResult{}, fmt.Errorf("bench: subject %s: expression %s: %w", p.ID, pr.id, err)
		}
		if pr.text {
			grade = out.(string)
			continue
		}
		r.env.V[pr.id] = out.(float64)
	}
	v := r.env.V
	return FloatResult{Total: v["total"], Daily: v["daily"], Review: v["review"], Bonus: v["bonus"], Grade: grade, Eligible: !p.Censured}, nil
}
