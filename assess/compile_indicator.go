package assess

import (
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

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
		sum, sok := rat.Zero, true
		for i := range ind.Children {
			ch := c.indicator(p+".children["+strconv.Itoa(i)+"]", &ind.Children[i], depth+1)
			n.children = append(n.children, ch)
			sum = c.add(p, sum, ch.max, &sok)
		}
		if sok && sum.Cmp(n.max) != 0 {
			c.ps.addf(p+".max", ind.Max.String(), ErrPoints, "the children's maxima sum to %s", sum)
		}
	default:
		n.m = c.method(p+".method", ind.Method, n.max)
	}
	m := ind.Method
	if m == nil || len(ind.Children) > 0 {
		m = &Method{}
	}
	votes := m.Kind == Votes
	n.cites = c.numCites(p, ind.ID, n.source, ind.Cites, indNums, num{"max", ind.Max.IsSet(), ind.Max.String()},
		num{"target", m.Kind == Ratio && m.Target.IsSet(), m.Target.String()}, num{"levels", votes && len(m.Levels) > 0, ""},
		num{"scale", votes && m.Scale.IsSet(), m.Scale.String()}, num{"unknown", votes && m.Unknown != "", m.Unknown})
	if votes {
		for i, g := range m.Groups {
			gc := c.numCites(p+".method.groups["+strconv.Itoa(i)+"]", g.ID, n.source, g.Cites, groupNums,
				num{"weight", g.Weight.IsSet(), g.Weight.String()}, num{"minRaters", g.MinRaters != 0, strconv.Itoa(g.MinRaters)})
			n.cites = append(n.cites, gc...)
		}
		n.cites = slices.Clip(n.cites)
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
		cm.citeRoom = citeRoom(m.Items, cm.items)
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
				if k := btoi(cc.source != nil) + len(cc.cites); k > cm.citeRoom {
					cm.citeRoom = k
				}
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
		wsum, wok := rat.Zero, true
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
			wsum = c.add(gp+".weight", wsum, w, &wok)
			cm.groups = append(cm.groups, cGroup{id: g.ID, weight: w, weightText: w.String(), minRaters: g.MinRaters})
		}
		if len(m.Groups) > 0 && wok && wsum.Cmp(rat.One) != 0 {
			c.ps.addf(p+".groups", wsum.String(), ErrWeights, "group weights sum to %s, not exactly 1", wsum)
		}
		cm.wsum = wsum
		cm.wnum = intWeights(cm)
	case TableMethod:
		if m.Table == nil {
			c.ps.addf(p+".table", "", ErrInvalid, "a table method needs a table")
			break
		}
		ct, tps := m.Table.compileWith(p+".table", max, c.reach)
		c.ps.list = append(c.ps.list, tps...)
		c.warnings = append(c.warnings, ct.warnings...)
		for i, r := range m.Table.Rules {
			if src := c.source(p+".table.rules["+strconv.Itoa(i)+"].source", r.Source); src != nil {
				if cm.ruleSrc == nil {
					cm.ruleSrc = map[string]*dangjian.Source{}
				}
				cm.ruleSrc[r.ID] = src
			}
		}
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
		ci.cites = c.numCites(ip, it.ID, ci.source, it.Cites, itemNums, num{"points", it.Points.IsSet(), it.Points.String()}, num{"cap", it.Cap.IsSet(), it.Cap.String()})
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
	cc.cites = c.numCites(p, cl.ID, cc.source, cl.Cites, clauseNums, num{"points", cl.Points.IsSet(), cl.Points.String()}, num{"levels", len(cl.Levels) > 0, ""},
		num{"threshold", cl.Threshold.IsSet(), cl.Threshold.String()}, num{"perPoint", cl.PerPoint.IsSet(), cl.PerPoint.String()}, num{"cap", cl.Cap.IsSet(), cl.Cap.String()})
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
		var ok bool
		if den, ok = mul64(den/gcdInt(den, g.weight.D), g.weight.D); !ok || den > 1<<20 {
			return nil // checked: a wrapped product could look small
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

// citeRoom returns the most cites one applied item of items needs in a
// trace: its own source and its numbers'.
func citeRoom(items []Item, compiled map[string]cItem) int {
	room := 0
	for _, it := range items {
		if ci, ok := compiled[it.ID]; ok {
			room = max(room, btoi(ci.source != nil)+len(ci.cites))
		}
	}
	return room
}
