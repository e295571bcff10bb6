package assess

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian/internal/dtable"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// Compiling a decision table: checking it and building its cells.

type tableInput struct {
	name string
	text bool
	read bool // some rule tests it
}

type tableRule struct {
	id     string
	hit    []string // []string{id}, shared, capacity 1
	points rat.Rat
	rank   int // index of points in the outputs list
	cells  []dtable.Cell
}

// compiledTable is a checked table. It is immutable and safe for
// concurrent use.
type compiledTable struct {
	path    string
	policy  HitPolicy
	agg     Aggregation
	max     rat.Rat
	inputs  []tableInput
	rules   []tableRule
	noMatch []string
	slots   []int32 // per input: its value or field slot in the layout; -1 when no rule reads it
	// warnings are what compiles but is likely a mistake: FIRST rules
	// that can never fire.
	warnings []*Problem
}

func policyOf(h HitPolicy) (HitPolicy, Aggregation, bool) {
	switch h {
	case "", "U", HitUnique:
		return HitUnique, AggNone, true
	case "F", HitFirst:
		return HitFirst, AggNone, true
	case "P", HitPriority:
		return HitPriority, AggNone, true
	case "A", HitAny:
		return HitAny, AggNone, true
	case "C", HitCollect:
		return HitCollect, AggNone, true
	case "C+":
		return HitCollect, AggSum, true
	case "C<":
		return HitCollect, AggMin, true
	case "C>":
		return HitCollect, AggMax, true
	case "C#":
		return HitCollect, AggCount, true
	case "R", HitRuleOrder:
		return HitRuleOrder, AggNone, true
	case "O", HitOutputOrder:
		return HitOutputOrder, AggNone, true
	}
	return "", "", false
}

func aggregationOf(a Aggregation) (Aggregation, bool) {
	switch a {
	case AggNone:
		return AggNone, true
	case "+", AggSum:
		return AggSum, true
	case "<", AggMin:
		return AggMin, true
	case ">", AggMax:
		return AggMax, true
	case "#", AggCount:
		return AggCount, true
	}
	return "", false
}

// maxOverlapReports bounds the overlapping pairs listed one by one.
const maxOverlapReports = 20

// compile checks the table of a leaf whose maximum is max; path is the
// table's own path ("components[0].indicators[1].method.table"). It
// returns every problem found; the compiled table is usable only when
// there are none. A FIRST table's reachability check has the default
// budget to itself.
func (t *Table) compile(path string, max rat.Rat) (*compiledTable, []*Problem) {
	return t.compileWith(path, max, newReachBudget(DefaultReachBudget))
}

// compileWith compiles a table, taking the work of its reachability check
// (FIRST) from budget.
func (t *Table) compileWith(path string, max rat.Rat, budget *reachBudget) (*compiledTable, []*Problem) {
	var ps problems
	ct := &compiledTable{path: path, max: max, noMatch: []string{"no rule matched: 0 points (DMN's result is null)"}}

	pol, impliedAgg, ok := policyOf(t.HitPolicy)
	if !ok {
		ps.addf(path+".hitPolicy", string(t.HitPolicy), ErrInvalid, "want UNIQUE, FIRST, PRIORITY, ANY, COLLECT, RULE ORDER or OUTPUT ORDER (or U, F, P, A, C, C+, C<, C>, C#, R, O)")
	}
	agg, aggOK := aggregationOf(t.Aggregation)
	switch {
	case !aggOK:
		ps.addf(path+".aggregation", string(t.Aggregation), ErrInvalid, "want SUM, MIN, MAX or COUNT (or +, <, >, #)")
	case ok && agg != AggNone && pol != HitCollect:
		ps.addf(path+".aggregation", string(t.Aggregation), ErrTable, "an aggregation needs the COLLECT hit policy, not %s", pol)
	case ok && agg != AggNone && impliedAgg != AggNone && agg != impliedAgg:
		ps.addf(path+".aggregation", string(t.Aggregation), ErrTable, "hit policy %s already aggregates by %s", t.HitPolicy, impliedAgg)
	}
	if impliedAgg != AggNone {
		agg = impliedAgg
	}
	ct.policy, ct.agg = pol, agg

	// Inputs.
	if len(t.Inputs) == 0 {
		ps.addf(path+".inputs", "", ErrInvalid, "a table needs at least one input")
	}
	kindOK := make([]bool, len(t.Inputs))
	names := map[string]int{}
	for i, in := range t.Inputs {
		ip := path + ".inputs[" + strconv.Itoa(i) + "]"
		switch prev, dup := names[in.Name]; {
		case in.Name == "":
			ps.addf(ip+".name", "", ErrInvalid, "an input needs a name")
		case dup:
			ps.addf(ip+".name", in.Name, ErrDuplicate, "also at inputs[%d]", prev)
		default:
			names[in.Name] = i
		}
		switch in.Kind {
		case NumberInput, TextInput:
			kindOK[i] = true
		default:
			ps.addf(ip+".kind", in.Kind, ErrInvalid, `want "number" or "text"`)
		}
		ct.inputs = append(ct.inputs, tableInput{name: in.Name, text: in.Kind == TextInput})
	}

	// Outputs.
	ranks := make([]rat.Rat, 0, len(t.Outputs))
	for i, o := range t.Outputs {
		op := path + ".outputs[" + strconv.Itoa(i) + "]"
		v := o.rat()
		if !o.IsSet() || v.Sign() < 0 || v.Cmp(max) > 0 {
			ps.addf(op, o.String(), ErrPoints, "outputs lie in [0, %s]", max)
		}
		if j := slices.IndexFunc(ranks, func(r rat.Rat) bool { return r.Cmp(v) == 0 }); j >= 0 {
			ps.addf(op, o.String(), ErrDuplicate, "also at outputs[%d]", j)
		}
		ranks = append(ranks, v)
	}
	if len(t.Outputs) == 0 && (pol == HitPriority || pol == HitOutputOrder) {
		ps.addf(path+".outputs", "", ErrTable, "%s needs the outputs list, in priority order", pol)
	}

	// Rules.
	switch {
	case len(t.Rules) == 0:
		ps.addf(path+".rules", "", ErrInvalid, "a table needs at least one rule")
	case len(t.Rules) > MaxTableRules:
		ps.addf(path+".rules", strconv.Itoa(len(t.Rules)), ErrLimit, "more than %d rules", MaxTableRules)
		return ct, ps.list
	}
	ids := make([]string, len(t.Rules))
	for i := range t.Rules {
		ids[i] = t.Rules[i].ID
	}
	// The overlap check needs every cell compiled.
	cellsOK := len(t.Inputs) > 0 && !slices.Contains(kindOK, false)
	seen := map[string]int{}
	for i := range t.Rules {
		r := &t.Rules[i]
		rp := path + ".rules[" + strconv.Itoa(i) + "]"
		label := r.ID
		switch prev, dup := seen[r.ID]; {
		case r.ID == "":
			ps.addf(rp+".id", "", ErrInvalid, "empty ID")
			label = "rules[" + strconv.Itoa(i) + "]"
		case dup:
			ps.addf(rp+".id", r.ID, ErrDuplicate, "also at rules[%d]", prev)
		default:
			seen[r.ID] = i
		}
		cr := tableRule{id: r.ID, hit: ids[i : i+1 : i+1], points: r.Points.rat(), cells: make([]dtable.Cell, len(t.Inputs))}
		if len(r.When) != len(t.Inputs) {
			ps.addf(rp+".when", "", ErrTable, "rule %q has %d tests for %d inputs", label, len(r.When), len(t.Inputs))
			cellsOK = false
		}
		for k, src := range r.When {
			cp := rp + ".when[" + strconv.Itoa(k) + "]"
			ut, err := dtable.Parse(src)
			if err != nil {
				if k < len(t.Inputs) && t.Inputs[k].Name != "" {
					ps.addf(cp, src, ErrInvalid, "rule %q, input %q: %v", label, t.Inputs[k].Name, err)
				} else {
					ps.addf(cp, src, ErrInvalid, "rule %q: %v", label, err)
				}
				cellsOK = false
				continue
			}
			if k >= len(t.Inputs) || !kindOK[k] {
				continue
			}
			in := t.Inputs[k]
			var c dtable.Cell
			var cerr *dtable.CellError
			if in.Kind == TextInput {
				c, cerr = dtable.TextCell(src, ut)
			} else {
				c, cerr = dtable.NumberCell(src, ut)
			}
			if cerr != nil {
				ps.addf(cp, src, ErrInvalid, "rule %q, input %q: %v", label, in.Name, cerr)
				cellsOK = false
				continue
			}
			cr.cells[k] = c
			if !c.Any {
				ct.inputs[k].read = true
			}
		}
		switch {
		case !r.Points.IsSet():
			if agg != AggCount {
				ps.addf(rp+".points", "", ErrPoints, "rule %q gives no points", label)
			}
		case cr.points.Sign() < 0 || cr.points.Cmp(max) > 0:
			ps.addf(rp+".points", r.Points.String(), ErrPoints, "rule %q: points lie in [0, %s]", label, max)
		case len(ranks) > 0:
			cr.rank = slices.IndexFunc(ranks, func(o rat.Rat) bool { return o.Cmp(cr.points) == 0 })
			if cr.rank < 0 {
				ps.addf(rp+".points", r.Points.String(), ErrTable, "rule %q: points %s are not in the outputs list", label, r.Points)
			}
		}
		ct.rules = append(ct.rules, cr)
	}
	if cellsOK && (pol == HitUnique || pol == HitAny) {
		ct.overlaps(&ps)
	}
	if cellsOK && pol == HitFirst {
		var ws problems
		ct.unreachable(&ws, budget)
		ct.warnings = ws.list
	}
	return ct, ps.list
}

// overlaps reports UNIQUE rules that can match the same subject, and ANY
// rules that can with different points.
func (ct *compiledTable) overlaps(ps *problems) {
	listed, more := 0, 0
	for j := 1; j < len(ct.rules); j++ {
		b := &ct.rules[j]
		for i := 0; i < j; i++ {
			a := &ct.rules[i]
			if ct.policy == HitAny && a.points.Cmp(b.points) == 0 {
				continue
			}
			shared, ok := ct.shared(a, b)
			if !ok {
				continue
			}
			if listed == maxOverlapReports {
				more++
				continue
			}
			listed++
			rp := ct.path + ".rules[" + strconv.Itoa(j) + "]"
			if ct.policy == HitAny {
				ps.addf(rp, "", ErrTable, "ANY rules %q (%s points) and %q (%s points) overlap: both match %s", a.id, a.points, b.id, b.points, shared)
			} else {
				ps.addf(rp, "", ErrTable, "UNIQUE rules %q and %q overlap: both match %s", a.id, b.id, shared)
			}
		}
	}
	if more > 0 {
		ps.addf(ct.path+".rules", strconv.Itoa(more), ErrTable, "%d more overlapping pairs", more)
	}
}

// shared reports whether two rules can match the same subject and
// describes such a subject.
func (ct *compiledTable) shared(a, b *tableRule) (string, bool) {
	for k := range ct.inputs {
		if !dtable.Meet(&a.cells[k], &b.cells[k]) {
			return "", false
		}
	}
	var parts []string
	for k := range ct.inputs {
		ca, cb := &a.cells[k], &b.cells[k]
		if ca.Any && cb.Any {
			continue
		}
		ok, w := dtable.Overlap(ca, cb)
		if !ok {
			return "", false
		}
		parts = append(parts, ct.inputs[k].name+" "+w)
	}
	if len(parts) == 0 {
		return "every subject", true
	}
	return strings.Join(parts, ", "), true
}
