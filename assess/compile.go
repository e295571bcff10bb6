package assess

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// Limits on a scheme's size, checked by [Compile].
const (
	MaxDepth      = 16    // levels of the indicator tree
	MaxIndicators = 10000 // indicators in all
)

type compiler struct {
	ps      problems
	s       *Scheme
	sources map[string]dangjian.Source
	ids     map[string]string // indicator and component IDs → path
	count   int
	leaves  map[string]*cNode
	reach   *reachBudget // the FIRST tables' reachability check's, shared
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
// FIRST tables' rules that can never fire are warnings ([Scorer.Warnings]),
// checked within a work budget ([WithReachBudget]).
func Compile(s Scheme, opts ...CompileOption) (*Scorer, error) {
	c := &compiler{s: &s, sources: map[string]dangjian.Source{}, ids: map[string]string{}, leaves: map[string]*cNode{}}
	c.reach = newReachBudget(compileConfigOf(opts).reach)
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
	wsum, wok := rat.Zero, true
	max, maxOK := rat.Zero, true // maxOK: max was summed without overflow
	for i, comp := range s.Components {
		p := "components[" + strconv.Itoa(i) + "]"
		cc := &cComp{id: comp.ID, name: comp.Name, max: comp.Max.rat(), maxText: comp.Max.rat().String(), weightText: comp.Weight.String(), source: c.source(p+".source", comp.Source)}
		c.claim(p+".id", comp.ID)
		cc.cites = c.numCites(p, comp.ID, cc.source, comp.Cites, compNums, num{"weight", comp.Weight.IsSet(), comp.Weight.String()}, num{"max", comp.Max.IsSet(), comp.Max.String()})
		cc.weight = comp.Weight.rat()
		if !comp.Weight.IsSet() || cc.weight.Sign() <= 0 {
			c.ps.addf(p+".weight", comp.Weight.String(), ErrWeights, "a component weight is positive")
		}
		wsum = c.add(p+".weight", wsum, cc.weight, &wok)
		if !comp.Max.IsSet() || cc.max.Sign() <= 0 {
			c.ps.addf(p+".max", comp.Max.String(), ErrPoints, "a component max is positive")
		}
		sum, sok := rat.Zero, true
		for j := range comp.Indicators {
			n := c.indicator(p+".indicators["+strconv.Itoa(j)+"]", &comp.Indicators[j], 1)
			cc.nodes = append(cc.nodes, n)
			sum = c.add(p, sum, n.max, &sok)
		}
		if len(comp.Indicators) == 0 {
			c.ps.addf(p+".indicators", "", ErrInvalid, "a component needs indicators")
		} else if sok && sum.Cmp(cc.max) != 0 {
			c.ps.addf(p+".max", comp.Max.String(), ErrPoints, "the indicators' maxima sum to %s", sum)
		}
		wm, err := cc.max.Mul(cc.weight)
		if err != nil {
			c.ps.addErr(p+".max", comp.Max.String(), ErrArithmetic, fmt.Errorf("max × weight %s: %w", comp.Weight, err))
			maxOK = false
		} else {
			max = c.add(p+".max", max, wm, &maxOK)
		}
		sc.comps = append(sc.comps, cc)
	}
	if len(s.Components) > 0 && wok && wsum.Cmp(rat.One) != 0 {
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
		cb.cites = c.numCites(pool.id, pool.id, cb.source, b.Cites, bonusNums, num{"cap", b.Cap.IsSet(), b.Cap.String()})
		c.items(pool.id+".items", b.Items, cb.items, false)
		cb.citeRoom = citeRoom(b.Items, cb.items)
		for i, it := range b.Items {
			if it.ID == pool.id {
				c.ps.addf(pool.id+".items["+strconv.Itoa(i)+"].id", it.ID, ErrDuplicate, "the pool's own ID: the trace cites the pool's cap as %s#cap", pool.id)
			}
			if sc.bonus != nil && pool.id == "extra" && hasKey(sc.bonus.items, it.ID) {
				c.ps.addf(pool.id+".items["+strconv.Itoa(i)+"].id", it.ID, ErrDuplicate, "also a bonus item: the subject counts both pools' items in one map")
			}
			cb.order = append(cb.order, it.ID)
		}
		*pool.into = cb
		max = c.add(pool.id+".cap", max, cb.cap, &maxOK)
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
		src := c.source(p+".source", g.Source)
		if src != nil {
			cg.source = *src
		}
		if gc := c.numCites(p, g.ID, src, g.Cites, gateNums, num{"grade", g.Grade != "", g.Grade}); len(gc) > 0 {
			cg.gradeSource = gc[0].Source
		}
		sc.gates = append(sc.gates, cg)
		sc.flags[g.Flag] = true
	}
	sc.bands, sc.grades = c.bands(s.Bands, max, maxOK)
	sc.cites = c.numCites("", "total", nil, s.Cites, schemeNums, num{"rounding", len(s.Rounding) > 0, ""}, num{"bands", len(s.Bands) > 0, ""})
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

// add returns a + b; on overflow it reports the problem at path, sets
// *ok to false (the checks that use the sum are then skipped: the sum is
// unknown) and returns a.
func (c *compiler) add(path string, a, b rat.Rat, ok *bool) rat.Rat {
	s, err := a.Add(b)
	if err != nil {
		c.ps.addErr(path, "", ErrArithmetic, fmt.Errorf("%s + %s: %w", a, b, err))
		*ok = false
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
