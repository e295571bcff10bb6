package assess

import (
	"fmt"
	"slices"
	"strconv"
	"sync"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// Limits on a scheme's size, checked by [Compile].
const (
	MaxDepth      = 16    // levels of the indicator tree
	MaxIndicators = 10000 // indicators in all
)

// Scorer is a compiled scheme. Build it once with [Compile] and score many
// subjects with [Scorer.Score] or [Scorer.Explain]. A Scorer is immutable
// and safe for concurrent use by multiple goroutines.
type Scorer struct {
	name    string
	version string
	year    int
	comps   []*cComp
	bonus   *cBonus
	extra   *cBonus // 另行加分, outside the bonus cap
	gates   []cGate
	bands   []cBand // best first
	grades  []string
	round   map[string]RoundPoint
	rounds  [3]roundAt // indicator, component, total
	max     rat.Rat
	leaves  map[string]*cNode // every indicator by ID
	flags   map[string]bool   // the flags gates read
	sources map[string]dangjian.Source
	lay     *Layout
	inputs  sync.Pool // *Input, for scoring a Subject
	// warnings: what compiled but is likely a mistake
	warnings []*Problem
}

// roundAt is a declared rounding point.
type roundAt struct {
	at  string
	rp  RoundPoint
	ok  bool
	how string // for the trace
}

const (
	atIndicator = iota
	atComponent
	atTotal
)

type cComp struct {
	id, name   string
	weight     rat.Rat
	weightText string
	max        rat.Rat
	maxText    string
	nodes      []*cNode
	leaves     []*cNode // the leaf indicators, in scheme order
	source     *dangjian.Source
}

type cNode struct {
	id, name string
	max      rat.Rat
	maxText  string
	children []*cNode
	m        *cMethod
	source   *dangjian.Source
}

// The methods, as a small integer for the scorer's switch.
const (
	opNone uint8 = iota
	opDirect
	opChecklist
	opDeductions
	opRatio
	opVotes
	opTable
)

var methodOps = map[MethodKind]uint8{Direct: opDirect, Checklist: opChecklist, Deductions: opDeductions, Ratio: opRatio, Votes: opVotes, TableMethod: opTable}

type cMethod struct {
	kind       MethodKind
	op         uint8
	items      map[string]cItem
	clauses    map[string]*cClause
	order      []*cClause // clauses in scheme order
	lorder     []string   // vote levels in scheme order
	ipoints    []int64    // the levels' points as integers, when they all are
	target     rat.Rat
	targetText string
	levels     map[string]rat.Rat
	unknown    string
	scale      rat.Rat
	groups     []cGroup
	wsum       rat.Rat
	table      *compiledTable

	iorder      []string  // checklist items in scheme order
	ipts        []int64   // their points, when all are whole and small
	lpoints     []rat.Rat // the vote levels' points, in lorder
	maxPerScale rat.Rat   // a votes indicator's max / scale
	wnum        []int64   // the groups' weights × wden, when whole with the levels' points (see votesInt)
	maxPerTgt   rat.Rat   // a ratio indicator's max / target
	// Slots of the layout (see layout.go).
	vslot, item0, ded, clause0, group0, count0 int32
	bslot                                      []int32 // per vote level: its Layout.ballots index
}

type cItem struct {
	points, cap rat.Rat
	pointsText  string
	hasCap      bool
	idx         int32 // index in the checklist's or the bonus pool's items
	source      *dangjian.Source
}

type cClause struct {
	id                  string
	idx                 int32 // index in the method's clauses
	points              rat.Rat
	levels              map[string]rat.Rat
	threshold, perPoint rat.Rat
	perPointKind        bool
	proportional        bool
	cap                 rat.Rat
	hasCap              bool
	source              *dangjian.Source
}

type cGroup struct {
	id         string
	weight     rat.Rat
	weightText string
	minRaters  int
}

type cBonus struct {
	id, name string // "bonus" (加分) or "extra" (另行加分)
	base     int32  // the slot of its first item: the extra pool's follow the bonus pool's
	cap      rat.Rat
	capText  string
	items    map[string]cItem
	order    []string // item IDs in scheme order
	source   *dangjian.Source
}

type cGate struct {
	Gate
	source dangjian.Source
	flag   int32 // the flag's slot
}

type cBand struct {
	grade    string
	from, to rat.Rat
	open     bool
}

type compiler struct {
	ps      problems
	s       *Scheme
	sources map[string]dangjian.Source
	ids     map[string]string // indicator and component IDs → path
	count   int
	leaves  map[string]*cNode
	// warnings: what compiles but is likely a mistake
	warnings []*Problem
}

// Compile checks a scheme and compiles it. Every static check happens here,
// and every problem is reported, with its path, in a [dangjian.Problems]:
// unique and resolvable IDs; component weights, and rater-group weights,
// summing exactly to 1; a composite's max equal to the sum of its
// children's and a component's to the sum of its indicators'; method
// parameters present and within range; decision tables consistent (UNIQUE
// tables without overlapping rows); bands half-open with no gap or overlap
// over the whole score range [0, max + bonus caps]; declared rounding
// points valid; depth and size within [MaxDepth] and [MaxIndicators].
func Compile(s Scheme) (*Scorer, error) {
	c := &compiler{s: &s, sources: map[string]dangjian.Source{}, ids: map[string]string{}, leaves: map[string]*cNode{}}
	sc := &Scorer{name: s.Name, version: s.Version, year: s.Year, round: map[string]RoundPoint{}, flags: map[string]bool{}}
	if s.Name == "" {
		c.ps.addf("name", "", ErrInvalid, "a scheme needs a name")
	}
	for i, src := range s.Sources {
		p := "sources[" + strconv.Itoa(i) + "]"
		switch {
		case src.ID == "":
			c.ps.addf(p+".id", "", ErrInvalid, "empty")
		case hasKey(c.sources, src.ID):
			c.ps.add(p+".id", src.ID, ErrDuplicate)
		default:
			c.sources[src.ID] = src.Source
		}
		if src.Doc == "" {
			c.ps.addf(p+".doc", src.ID, ErrInvalid, "a source names its document")
		}
	}
	for i, rp := range s.Rounding {
		p := "rounding[" + strconv.Itoa(i) + "]"
		switch rp.At {
		case "indicator", "component", "total":
		default:
			c.ps.addf(p+".at", rp.At, ErrInvalid, "want indicator, component or total")
		}
		if _, dup := sc.round[rp.At]; dup {
			c.ps.addf(p+".at", rp.At, ErrDuplicate, "one rounding point per level")
		}
		if !rp.Mode.IsValid() {
			c.ps.addf(p+".mode", rp.Mode.String(), ErrInvalid, "a rounding point names its mode")
		}
		if rp.Places < 0 || rp.Places > 6 {
			c.ps.addf(p+".places", strconv.Itoa(int(rp.Places)), ErrInvalid, "want 0 to 6")
		}
		sc.round[rp.At] = rp
	}
	if len(s.Components) == 0 {
		c.ps.addf("components", "", ErrInvalid, "a scheme needs at least one component")
	}
	wsum := rat.Zero
	max := rat.Zero
	for i, comp := range s.Components {
		p := "components[" + strconv.Itoa(i) + "]"
		cc := &cComp{id: comp.ID, name: comp.Name, max: comp.Max.rat(), maxText: comp.Max.rat().String(), weightText: comp.Weight.String(), source: c.source(p+".source", comp.Source)}
		c.claim(p+".id", comp.ID)
		cc.weight = comp.Weight.rat()
		if !comp.Weight.IsSet() || cc.weight.Sign() <= 0 {
			c.ps.addf(p+".weight", comp.Weight.String(), ErrWeights, "a component weight is positive")
		}
		wsum = c.add(p+".weight", wsum, cc.weight)
		if !comp.Max.IsSet() || cc.max.Sign() <= 0 {
			c.ps.addf(p+".max", comp.Max.String(), ErrPoints, "a component max is positive")
		}
		sum := rat.Zero
		for j := range comp.Indicators {
			n := c.indicator(p+".indicators["+strconv.Itoa(j)+"]", &comp.Indicators[j], 1)
			cc.nodes = append(cc.nodes, n)
			sum = c.add(p, sum, n.max)
		}
		if len(comp.Indicators) == 0 {
			c.ps.addf(p+".indicators", "", ErrInvalid, "a component needs indicators")
		} else if sum.Cmp(cc.max) != 0 {
			c.ps.addf(p+".max", comp.Max.String(), ErrPoints, "the indicators' maxima sum to %s", sum)
		}
		wm, err := cc.max.Mul(cc.weight)
		if err == nil {
			max = c.add(p, max, wm)
		}
		sc.comps = append(sc.comps, cc)
	}
	if len(s.Components) > 0 && wsum.Cmp(rat.One) != 0 {
		c.ps.addf("components", wsum.String(), ErrWeights, "component weights sum to %s, not exactly 1", wsum)
	}
	for _, pool := range []struct {
		id, name string
		b        *Bonus
		into     **cBonus
	}{{"bonus", "加分", s.Bonus, &sc.bonus}, {"extra", "另行加分", s.Extra, &sc.extra}} {
		b := pool.b
		if b == nil {
			continue
		}
		cb := &cBonus{id: pool.id, name: pool.name, cap: b.Cap.rat(), capText: b.Cap.rat().String(), items: map[string]cItem{},
			source: c.source(pool.id+".source", b.Source)}
		if !b.Cap.IsSet() || cb.cap.Sign() < 0 {
			c.ps.addf(pool.id+".cap", b.Cap.String(), ErrPoints, "a bonus pool has a cap (%s ≤ N)", pool.name)
		}
		c.items(pool.id+".items", b.Items, cb.items, false)
		for i, it := range b.Items {
			if sc.bonus != nil && pool.id == "extra" && hasKey(sc.bonus.items, it.ID) {
				c.ps.addf(pool.id+".items["+strconv.Itoa(i)+"].id", it.ID, ErrDuplicate, "also a bonus item: the subject counts both pools' items in one map")
			}
			cb.order = append(cb.order, it.ID)
		}
		*pool.into = cb
		max = c.add(pool.id+".cap", max, cb.cap)
	}
	sc.max = max
	for i, g := range s.Gates {
		p := "gates[" + strconv.Itoa(i) + "]"
		c.claim(p+".id", g.ID)
		if g.Flag == "" {
			c.ps.addf(p+".flag", "", ErrInvalid, "a gate reads a flag")
		}
		switch g.Effect {
		case Zero, NoAward:
		case CapGrade, NotGrade, SetGrade:
			if !slices.ContainsFunc(s.Bands, func(b Band) bool { return b.Grade == g.Grade }) {
				c.ps.addf(p+".grade", g.Grade, ErrUnknownRef, "not a grade of the bands")
			}
		default:
			c.ps.addf(p+".effect", string(g.Effect), ErrInvalid, "want zero, cap_grade, not_grade, no_award or set_grade")
		}
		if g.Reason == "" {
			c.ps.addf(p+".reason", g.ID, ErrInvalid, "a gate gives its reason code")
		}
		cg := cGate{Gate: g}
		if src := c.source(p+".source", g.Source); src != nil {
			cg.source = *src
		}
		sc.gates = append(sc.gates, cg)
		sc.flags[g.Flag] = true
	}
	sc.bands, sc.grades = c.bands(s.Bands, max)
	for i, g := range s.Gates {
		if g.Effect == NotGrade && len(sc.grades) > 0 && g.Grade == sc.grades[len(sc.grades)-1] {
			c.ps.addf("gates["+strconv.Itoa(i)+"].grade", g.Grade, ErrInvalid, "the lowest grade cannot be forbidden: there is none below it")
		}
	}
	sc.leaves = c.leaves
	sc.sources = c.sources
	sc.warnings = c.warnings
	if len(c.ps.list) > 0 {
		return nil, c.ps.list
	}
	for i, at := range [...]string{"indicator", "component", "total"} {
		if rp, ok := sc.round[at]; ok {
			sc.rounds[i] = roundAt{at: at, rp: rp, ok: true, how: rp.Mode.String() + " to " + strconv.Itoa(int(rp.Places)) + " places"}
		}
	}
	sc.lay = sc.layout()
	return sc, nil
}

func hasKey[V any](m map[string]V, k string) bool { _, ok := m[k]; return ok }

func (c *compiler) add(path string, a, b rat.Rat) rat.Rat {
	s, err := a.Add(b)
	if err != nil {
		c.ps.addf(path, "", ErrArithmetic, "%v", err)
		return a
	}
	return s
}

func (c *compiler) claim(path, id string) {
	if id == "" {
		c.ps.addf(path, "", ErrInvalid, "empty ID")
		return
	}
	if prev, dup := c.ids[id]; dup {
		c.ps.addf(path, id, ErrDuplicate, "also at %s", prev)
		return
	}
	c.ids[id] = path
}

func (c *compiler) source(path, id string) *dangjian.Source {
	if id == "" {
		return nil
	}
	s, ok := c.sources[id]
	if !ok {
		c.ps.add(path, id, ErrUnknownRef)
		return nil
	}
	return &s
}

func (c *compiler) indicator(p string, ind *Indicator, depth int) *cNode {
	c.count++
	if c.count == MaxIndicators+1 {
		c.ps.addf(p, "", ErrLimit, "more than %d indicators", MaxIndicators)
	}
	if depth > MaxDepth {
		c.ps.addf(p, ind.ID, ErrLimit, "deeper than %d levels", MaxDepth)
		return &cNode{id: ind.ID, max: ind.Max.rat(), maxText: ind.Max.rat().String()}
	}
	c.claim(p+".id", ind.ID)
	n := &cNode{id: ind.ID, name: ind.Name, max: ind.Max.rat(), maxText: ind.Max.rat().String(), source: c.source(p+".source", ind.Source)}
	if ind.ID != "" {
		c.leaves[ind.ID] = n
	}
	if !ind.Max.IsSet() || n.max.Sign() <= 0 {
		c.ps.addf(p+".max", ind.Max.String(), ErrPoints, "an indicator's max is positive")
	}
	switch {
	case len(ind.Children) > 0 && ind.Method != nil:
		c.ps.addf(p+".method", ind.ID, ErrInvalid, "a composite indicator has no method of its own")
	case len(ind.Children) == 0 && ind.Method == nil:
		c.ps.addf(p+".method", ind.ID, ErrInvalid, "a leaf indicator needs a method")
	case len(ind.Children) > 0:
		sum := rat.Zero
		for i := range ind.Children {
			ch := c.indicator(p+".children["+strconv.Itoa(i)+"]", &ind.Children[i], depth+1)
			n.children = append(n.children, ch)
			sum = c.add(p, sum, ch.max)
		}
		if sum.Cmp(n.max) != 0 {
			c.ps.addf(p+".max", ind.Max.String(), ErrPoints, "the children's maxima sum to %s", sum)
		}
	default:
		n.m = c.method(p+".method", ind.Method, n.max)
	}
	return n
}

func (c *compiler) method(p string, m *Method, max rat.Rat) *cMethod {
	cm := &cMethod{kind: m.Kind, op: methodOps[m.Kind]}
	switch m.Kind {
	case Direct:
	case Checklist:
		cm.items = map[string]cItem{}
		if len(m.Items) == 0 {
			c.ps.addf(p+".items", "", ErrInvalid, "a checklist needs items")
		}
		c.items(p+".items", m.Items, cm.items, true)
		for _, it := range m.Items {
			cm.iorder = append(cm.iorder, it.ID)
		}
		cm.ipts = make([]int64, len(cm.iorder))
		for i, id := range cm.iorder {
			p := cm.items[id].points
			if p.D != 1 || p.N < 0 || p.N > 1<<40 || len(cm.iorder) > 1<<16 {
				cm.ipts = nil
				break
			}
			cm.ipts[i] = p.N
		}
	case Deductions:
		cm.clauses = map[string]*cClause{}
		if len(m.Clauses) == 0 {
			c.ps.addf(p+".clauses", "", ErrInvalid, "a deduction method needs clauses")
		}
		for i, cl := range m.Clauses {
			cp := p + ".clauses[" + strconv.Itoa(i) + "]"
			cc := c.clause(cp, cl)
			if cl.ID == "" {
				c.ps.addf(cp+".id", "", ErrInvalid, "empty ID")
			} else if hasKey(cm.clauses, cl.ID) {
				c.ps.add(cp+".id", cl.ID, ErrDuplicate)
			} else {
				cc.idx = int32(len(cm.order))
				cm.clauses[cl.ID] = cc
				cm.order = append(cm.order, cc)
			}
		}
	case Ratio:
		cm.target = m.Target.rat()
		cm.targetText = cm.target.String()
		if cm.target.Sign() > 0 {
			mt, err := max.Quo(cm.target)
			if err != nil {
				c.ps.addf(p+".target", m.Target.String(), ErrArithmetic, "max / target: %v", err)
			}
			cm.maxPerTgt = mt
		}
		if !m.Target.IsSet() || cm.target.Sign() <= 0 {
			c.ps.addf(p+".target", m.Target.String(), ErrInvalid, "a ratio needs a positive target")
		}
	case Votes:
		cm.levels, cm.unknown, cm.scale = map[string]rat.Rat{}, m.Unknown, m.Scale.rat()
		if !m.Scale.IsSet() || cm.scale.Sign() <= 0 {
			c.ps.addf(p+".scale", m.Scale.String(), ErrPoints, "votes need a positive scale (e.g. 100)")
		}
		if len(m.Levels) == 0 {
			c.ps.addf(p+".levels", "", ErrInvalid, "votes need levels")
		}
		for i, l := range m.Levels {
			lp := p + ".levels[" + strconv.Itoa(i) + "]"
			if l.Name == "" || l.Name == m.Unknown {
				c.ps.addf(lp+".name", l.Name, ErrInvalid, "a level needs a name other than the unknown level")
				continue
			}
			if hasKey(cm.levels, l.Name) {
				c.ps.add(lp+".name", l.Name, ErrDuplicate)
			}
			v := l.Points.rat()
			if !l.Points.IsSet() || v.Sign() < 0 || v.Cmp(cm.scale) > 0 {
				c.ps.addf(lp+".points", l.Points.String(), ErrPoints, "a level's points lie in [0, scale]")
			}
			cm.levels[l.Name] = v
			cm.lorder = append(cm.lorder, l.Name)
			cm.lpoints = append(cm.lpoints, v)
		}
		if cm.scale.Sign() > 0 {
			mp, err := max.Quo(cm.scale)
			if err != nil {
				c.ps.addf(p+".scale", m.Scale.String(), ErrArithmetic, "max / scale: %v", err)
			}
			cm.maxPerScale = mp
		}
		for _, l := range cm.lorder {
			if v := cm.levels[l]; v.D == 1 {
				cm.ipoints = append(cm.ipoints, v.N)
			} else {
				cm.ipoints = nil
				break
			}
		}
		if len(m.Groups) == 0 {
			c.ps.addf(p+".groups", "", ErrInvalid, "votes need at least one rater group")
		}
		seen := map[string]bool{}
		wsum := rat.Zero
		for i, g := range m.Groups {
			gp := p + ".groups[" + strconv.Itoa(i) + "]"
			if g.ID == "" || seen[g.ID] {
				c.ps.addf(gp+".id", g.ID, ErrDuplicate, "group IDs are unique and not empty")
			}
			seen[g.ID] = true
			w := g.Weight.rat()
			if !g.Weight.IsSet() || w.Sign() <= 0 {
				c.ps.addf(gp+".weight", g.Weight.String(), ErrWeights, "a group weight is positive")
			}
			if g.MinRaters < 0 {
				c.ps.addf(gp+".minRaters", strconv.Itoa(g.MinRaters), ErrInvalid, "not negative")
			}
			wsum = c.add(gp+".weight", wsum, w)
			cm.groups = append(cm.groups, cGroup{id: g.ID, weight: w, weightText: w.String(), minRaters: g.MinRaters})
		}
		if len(m.Groups) > 0 && wsum.Cmp(rat.One) != 0 {
			c.ps.addf(p+".groups", wsum.String(), ErrWeights, "group weights sum to %s, not exactly 1", wsum)
		}
		cm.wsum = wsum
		cm.wnum = intWeights(cm)
	case TableMethod:
		if m.Table == nil {
			c.ps.addf(p+".table", "", ErrInvalid, "a table method needs a table")
			break
		}
		ct, tps := m.Table.compile(p+".table", max)
		c.ps.list = append(c.ps.list, tps...)
		c.warnings = append(c.warnings, ct.warnings...)
		m.Table.sourceRefs(p+".table", func(path, id string) { c.source(path, id) })
		cm.table = ct
	default:
		c.ps.addf(p+".kind", string(m.Kind), ErrInvalid, "want direct, checklist, deductions, ratio, votes or table")
	}
	return cm
}

func (c *compiler) items(p string, items []Item, into map[string]cItem, checklist bool) {
	for i, it := range items {
		ip := p + "[" + strconv.Itoa(i) + "]"
		if it.ID == "" || hasKey(into, it.ID) {
			c.ps.addf(ip+".id", it.ID, ErrDuplicate, "item IDs are unique and not empty")
			continue
		}
		ci := cItem{points: it.Points.rat(), pointsText: it.Points.rat().String(), cap: it.Cap.rat(), hasCap: it.Cap.IsSet(),
			idx: int32(i), source: c.source(ip+".source", it.Source)}
		if !it.Points.IsSet() || ci.points.Sign() <= 0 {
			c.ps.addf(ip+".points", it.Points.String(), ErrPoints, "an item's points are positive")
		}
		if ci.hasCap && (checklist || ci.cap.Sign() <= 0) {
			c.ps.addf(ip+".cap", it.Cap.String(), ErrPoints, "only bonus items take a positive cap")
		}
		into[it.ID] = ci
	}
}

func (c *compiler) clause(p string, cl Clause) *cClause {
	cc := &cClause{id: cl.ID, points: cl.Points.rat(), threshold: cl.Threshold.rat(), perPoint: cl.PerPoint.rat(),
		proportional: cl.Proportional, cap: cl.Cap.rat(), hasCap: cl.Cap.IsSet(), source: c.source(p+".source", cl.Source)}
	forms := 0
	if cl.Points.IsSet() {
		forms++
		if cc.points.Sign() <= 0 {
			c.ps.addf(p+".points", cl.Points.String(), ErrPoints, "positive")
		}
	}
	if len(cl.Levels) > 0 {
		forms++
		cc.levels = map[string]rat.Rat{}
		for i, l := range cl.Levels {
			v := l.Points.rat()
			if l.Name == "" || hasKey(cc.levels, l.Name) || !l.Points.IsSet() || v.Sign() <= 0 {
				c.ps.addf(p+".levels["+strconv.Itoa(i)+"]", l.Name, ErrInvalid, "a severity level has a unique name and positive points")
			}
			cc.levels[l.Name] = v
		}
	}
	if cl.PerPoint.IsSet() || cl.Threshold.IsSet() {
		forms++
		cc.perPointKind = true
		if !cl.PerPoint.IsSet() || !cl.Threshold.IsSet() || cc.perPoint.Sign() <= 0 {
			c.ps.addf(p+".perPoint", cl.PerPoint.String(), ErrInvalid, "a per-point clause has a threshold and positive points per percentage point")
		}
	}
	if forms != 1 {
		c.ps.addf(p, cl.ID, ErrInvalid, "a clause deducts per occurrence (points), by severity (levels) or per percentage point (threshold, perPoint): exactly one")
	}
	if cc.hasCap && cc.cap.Sign() <= 0 {
		c.ps.addf(p+".cap", cl.Cap.String(), ErrPoints, "a cap is positive")
	}
	return cc
}

// bands checks that the bands are half-open and cover [0, max] exactly
// once, and returns them best first with the grade order.
func (c *compiler) bands(bs []Band, max rat.Rat) ([]cBand, []string) {
	if len(bs) == 0 {
		return nil, nil
	}
	out := make([]cBand, 0, len(bs))
	grades := map[string]bool{}
	for i, b := range bs {
		p := "bands[" + strconv.Itoa(i) + "]"
		if b.Grade == "" || grades[b.Grade] {
			c.ps.addf(p+".grade", b.Grade, ErrBands, "each band has its own grade")
		}
		grades[b.Grade] = true
		cb := cBand{grade: b.Grade, from: b.From.rat(), to: b.To.rat(), open: !b.To.IsSet()}
		if !b.From.IsSet() {
			c.ps.addf(p+".from", "", ErrBands, "a band has a lower bound")
		}
		if !cb.open && cb.to.Cmp(cb.from) <= 0 {
			c.ps.addf(p+".to", b.To.String(), ErrBands, "[%s, %s) is empty", cb.from, cb.to)
		}
		out = append(out, cb)
	}
	sorted := slices.Clone(out)
	slices.SortStableFunc(sorted, func(a, b cBand) int { return a.from.Cmp(b.from) })
	if sorted[0].from.Sign() > 0 {
		c.ps.addf("bands", sorted[0].from.String(), ErrBands, "scores from 0 to %s have no band", sorted[0].from)
	}
	for i := 1; i < len(sorted); i++ {
		prev, cur := sorted[i-1], sorted[i]
		switch {
		case prev.open:
			c.ps.addf("bands", cur.grade, ErrBands, "band %q is open above but %q starts at %s", prev.grade, cur.grade, cur.from)
		case prev.to.Cmp(cur.from) < 0:
			c.ps.addf("bands", fmt.Sprintf("[%s, %s)", prev.to, cur.from), ErrBands, "a gap between %q and %q", prev.grade, cur.grade)
		case prev.to.Cmp(cur.from) > 0:
			c.ps.addf("bands", fmt.Sprintf("[%s, %s)", cur.from, prev.to), ErrBands, "%q and %q overlap", prev.grade, cur.grade)
		}
	}
	if last := sorted[len(sorted)-1]; !last.open && last.to.Cmp(max) <= 0 {
		c.ps.addf("bands", last.to.String(), ErrBands, "scores from %s to the maximum %s have no band", last.to, max)
	}
	slices.Reverse(sorted)
	grades2 := make([]string, len(sorted))
	for i, b := range sorted {
		grades2[i] = b.grade
	}
	return sorted, grades2
}

// intWeights returns a votes method's group weights as whole numbers over
// their common denominator, when every level's points are whole too and
// the numbers stay small; nil otherwise (the scorer then works in
// fractions throughout).
func intWeights(m *cMethod) []int64 {
	if m.ipoints == nil || len(m.groups) == 0 {
		return nil
	}
	for _, p := range m.ipoints {
		if p < 0 || p > 1<<20 {
			return nil
		}
	}
	den := int64(1)
	for _, g := range m.groups {
		if g.weight.Sign() <= 0 {
			return nil
		}
		d := g.weight.D
		den = den / gcdInt(den, d) * d
		if den > 1<<20 {
			return nil
		}
	}
	out := make([]int64, len(m.groups))
	for i, g := range m.groups {
		if g.weight.N > 1<<20 {
			return nil
		}
		out[i] = g.weight.N * (den / g.weight.D)
	}
	return out
}

func gcdInt(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// Warnings lists what compiled but is likely a mistake, with its path in
// the scheme: a FIRST decision-table rule that can never fire, because the
// rules before it match everything it matches (DMN allows it; it is dead).
// Each wraps [ErrUnreachable].
func (s *Scorer) Warnings() []*Problem { return slices.Clone(s.warnings) }
