package assess

import (
	"fmt"
	"slices"
	"sort"

	"github.com/dangjian-go/dangjian"
)

// Fill resets in and fills it from a subject: the positional form of the
// same data, which [Scorer.ScoreInput] scores as [Scorer.Score] scores the
// subject. What does not fit the scheme (an unknown indicator, item,
// clause, rater group, level, bonus item or flag, a repeated checklist
// item) is reported in a [dangjian.Problems] (each problem's ID is the
// subject's); a key of Values or Fields that nothing in the scheme reads
// is a problem of kind [dangjian.ErrUnknownField] at "values.<key>" or
// "fields.<key>", never ignored. The rest is filled. Values are checked
// when scored.
func (s *Scorer) Fill(in *Input, sub Subject) error {
	if err := s.checkLayout(in); err != nil {
		return err
	}
	var ps problems
	s.fill(in, &sub, &ps)
	if len(ps.list) > 0 {
		return withID(ps.list, sub.ID)
	}
	return nil
}

// fill converts a subject, in scheme order, into in (which it resets).
// Each map of the subject is walked only when it holds keys the scheme
// does not read.
func (s *Scorer) fill(in *Input, sub *Subject, ps *problems) {
	l := s.lay
	in.Reset(sub.ID, sub.Category)
	if len(sub.Values) > 0 {
		used := 0
		for i, name := range l.values {
			v, ok := sub.Values[name]
			in.nums[i] = v
			used += btoi(ok)
		}
		if used != len(sub.Values) {
			for _, k := range sortedKeys(sub.Values) {
				if !hasKey(l.valueIdx, k) {
					ps.addf("values."+k, k, dangjian.ErrUnknownField, "no indicator or table reads this value")
				}
			}
		}
	}
	if len(sub.Fields) > 0 {
		used := 0
		for i, name := range l.fields {
			in.texts[i], in.textSet[i] = sub.Fields[name]
			used += btoi(in.textSet[i])
		}
		if used != len(sub.Fields) {
			for _, k := range sortedKeys(sub.Fields) {
				if !hasKey(l.fieldIdx, k) {
					ps.addf("fields."+k, k, dangjian.ErrUnknownField, "no decision table reads this text field")
				}
			}
		}
	}
	var usedChecked, usedEvents, usedVotes int
	for _, c := range s.comps {
		for _, n := range c.nodes {
			s.fillNode(in, sub, n, ps, &usedChecked, &usedEvents, &usedVotes)
		}
	}
	if len(sub.Checked) != usedChecked {
		for _, k := range sortedKeys(sub.Checked) {
			s.known(ps, "checked."+k, k, Checklist)
		}
	}
	if len(sub.Events) != usedEvents {
		for _, k := range sortedKeys(sub.Events) {
			s.known(ps, "events."+k, k, Deductions)
		}
	}
	if len(sub.Votes) != usedVotes {
		for _, k := range sortedKeys(sub.Votes) {
			s.known(ps, "votes."+k, k, Votes)
		}
	}
	if len(sub.Bonus) > 0 {
		used := 0
		for i, id := range l.bonus {
			if k, ok := sub.Bonus[id]; ok {
				in.bonus[i], in.bonusSet[i] = k, true
				used++
			}
		}
		switch {
		case s.bonus == nil && s.extra == nil:
			ps.addf("bonus", "", ErrInput, "the scheme has no bonus pool")
		case used != len(sub.Bonus):
			for _, k := range sortedKeys(sub.Bonus) {
				if !hasKey(l.bonusIdx, k) {
					ps.addf("bonus."+k, k, ErrInput, "not a bonus item")
				}
			}
		}
	}
	if len(sub.Flags) > 0 {
		used := 0
		for i, f := range l.flags {
			if v, ok := sub.Flags[f]; ok {
				in.flags[i] = v
				used++
			}
		}
		if used != len(sub.Flags) {
			for _, k := range sortedKeys(sub.Flags) {
				if !s.flags[k] {
					ps.addf("flags."+k, k, ErrInput, "no gate reads this flag")
				}
			}
		}
	}
}

func (s *Scorer) fillNode(in *Input, sub *Subject, n *cNode, ps *problems, usedChecked, usedEvents, usedVotes *int) {
	for _, ch := range n.children {
		s.fillNode(in, sub, ch, ps, usedChecked, usedEvents, usedVotes)
	}
	m := n.m
	if m == nil {
		return
	}
	switch m.kind {
	case Checklist:
		checked, given := sub.Checked[n.id]
		if !given {
			return
		}
		*usedChecked++
		for i, id := range checked {
			it, ok := m.items[id]
			if !ok || in.checked[m.item0+it.idx] {
				ps.addf(fmt.Sprintf("checked.%s[%d]", n.id, i), id, ErrInput, "not an item of the checklist, or repeated")
				continue
			}
			in.checked[m.item0+it.idx] = true
		}
	case Deductions:
		events, given := sub.Events[n.id]
		if !given {
			return
		}
		*usedEvents++
		for i, e := range events {
			cl, ok := m.clauses[e.Clause]
			if !ok {
				ps.addf(evPath(n.id, i)+".clause", e.Clause, ErrInput, "not a clause of the indicator")
				in.addEvent(inEvent{ded: m.ded, clause: -1, e: e})
				continue
			}
			in.addEvent(inEvent{ded: m.ded, clause: m.clause0 + cl.idx, e: e})
		}
	case Votes:
		byGroup, given := sub.Votes[n.id]
		if !given {
			return
		}
		*usedVotes++
		per := int32(len(m.lorder) + 1)
		found := 0
		for gi := range m.groups {
			g := &m.groups[gi]
			b, ok := byGroup[g.id]
			if !ok {
				continue
			}
			found++
			in.groups[m.group0+int32(gi)] = inGroup{given: true, issued: b.Issued, returned: b.Returned}
			counts := in.counts[m.count0+int32(gi)*per : m.count0+int32(gi+1)*per]
			seen := 0
			for li, level := range m.lorder {
				if k, ok := b.Counts[level]; ok {
					counts[li] = k
					seen++
				}
			}
			if m.unknown != "" {
				if k, ok := b.Counts[m.unknown]; ok {
					counts[len(m.lorder)] = k
					seen++
				}
			}
			if seen != len(b.Counts) { // a level the indicator does not have
				for _, level := range sortedKeys(b.Counts) {
					if _, ok := m.levels[level]; !ok && level != m.unknown {
						ps.addf("votes."+n.id+"."+g.id+".counts."+level, level, ErrInput, "not a level of the indicator")
					}
				}
			}
		}
		if found != len(byGroup) {
			for _, g := range sortedKeys(byGroup) {
				if !slices.ContainsFunc(m.groups, func(cg cGroup) bool { return cg.id == g }) {
					ps.addf("votes."+n.id+"."+g, g, ErrInput, "not a rater group of the indicator")
				}
			}
		}
	}
}

func (s *Scorer) known(ps *problems, path, id string, kind MethodKind) {
	n, ok := s.leaves[id]
	if !ok || n.m == nil || n.m.kind != kind {
		ps.addf(path, id, ErrInput, "not a %s indicator of the scheme", kind)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
