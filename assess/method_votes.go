package assess

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// votes: each rater group's valid votes (the unknown level, 不了解, not
// counted) are converted to points and averaged; groups are weighted; the
// weighted average on the levels' scale is scaled to the indicator's max.
// A group with more ballots returned than issued is void; a group with
// fewer valid votes than its minimum does not count; the weights of the
// groups that count are renormalised. A group with fewer raters (ballots
// counted, 不了解 included) than its minimum is an input error: the 测评 is
// not valid and must be held again; the library does not reweight around
// it, which would let one more 好 vote lower a score. A group whose votes
// are all 不了解 does not count. With no group counting the indicator
// scores 0, and a note says so.
func (r *run) votes(n *cNode, tn *Node) rat.Rat {
	m := n.m
	byGroup, given := r.sub.Votes[n.id]
	if given {
		r.usedVotes++
	}
	found := 0
	defer func() {
		if found == len(byGroup) {
			return
		}
		for g := range byGroup {
			if !containsGroup(m.groups, g) {
				r.ps.add("votes."+n.id+"."+g, g, fmt.Errorf("%w: not a rater group of the indicator", ErrInput))
			}
		}
	}()
	sum, wsum := rat.Zero, rat.Zero
	if tn != nil {
		tn.Inputs = map[string]string{}
	}
	for _, g := range m.groups {
		b, ok := byGroup[g.id]
		if !ok {
			r.note(tn, "%s: rater group %s has no ballots", n.id, g.id)
			continue
		}
		found++
		if b.Issued < 0 || b.Returned < 0 {
			r.ps.add("votes."+n.id+"."+g.id, "", fmt.Errorf("%w: ballots issued and returned are not negative", ErrInput))
			continue
		}
		if b.Issued > 0 && b.Returned > b.Issued {
			r.note(tn, "%s: rater group %s is void: %d ballots returned, %d issued", n.id, g.id, b.Returned, b.Issued)
			continue
		}
		valid, raters, pts := int64(0), int64(0), rat.Zero
		var ipts int64 // the points summed as an integer, when every level's points are whole
		intPoints := m.ipoints != nil
		seen := 0
		for li, level := range m.lorder {
			k, ok := b.Counts[level]
			if !ok {
				continue
			}
			seen++
			if k < 0 {
				r.ps.add("votes."+n.id+"."+g.id+".counts."+level, strconv.Itoa(k), fmt.Errorf("%w: a count is not negative", ErrInput))
				continue
			}
			raters += int64(k)
			valid += int64(k)
			if intPoints && k <= 1<<20 && m.ipoints[li] <= 1<<30 {
				ipts += int64(k) * m.ipoints[li]
			} else {
				v, err := m.levels[level].MulInt(int64(k))
				if err != nil {
					r.ps.add("votes."+n.id, "", fmt.Errorf("%w: %v", ErrArithmetic, err))
					continue
				}
				pts = r.add(n.id, pts, v)
			}
			if k > 0 {
				if r.ballots == nil {
					r.ballots = map[string]int{}
				}
				r.ballots[level] += k
			}
		}
		if ipts != 0 {
			pts = r.add(n.id, pts, rat.Int(ipts))
		}
		if k, ok := b.Counts[m.unknown]; ok && m.unknown != "" {
			seen++
			if k < 0 {
				r.ps.add("votes."+n.id+"."+g.id+".counts."+m.unknown, strconv.Itoa(k), fmt.Errorf("%w: a count is not negative", ErrInput))
			} else {
				raters += int64(k)
			}
		}
		if seen != len(b.Counts) { // a level the indicator does not have
			for level := range b.Counts {
				if _, ok := m.levels[level]; !ok && level != m.unknown {
					r.ps.add("votes."+n.id+"."+g.id+".counts."+level, level, fmt.Errorf("%w: not a level of the indicator", ErrInput))
				}
			}
		}
		if raters < int64(g.minRaters) {
			r.ps.add("votes."+n.id+"."+g.id, strconv.FormatInt(raters, 10),
				fmt.Errorf("%w: %d raters, fewer than the group's minimum of %d: the 测评 must be held again", ErrInput, raters, g.minRaters))
			continue
		}
		if valid == 0 {
			r.note(tn, "%s: rater group %s has no valid votes (all 不了解)", n.id, g.id)
			continue
		}
		avg, err := pts.Quo(rat.Int(valid))
		if err == nil {
			avg, err = avg.Mul(g.weight)
		}
		if err != nil {
			r.ps.add("votes."+n.id, "", fmt.Errorf("%w: %v", ErrArithmetic, err))
			continue
		}
		sum = r.add(n.id, sum, avg)
		wsum = r.add(n.id, wsum, g.weight)
		if tn != nil {
			tn.Inputs[g.id] = fmt.Sprintf("%s valid votes, %s points, weight %s", strconv.FormatInt(valid, 10), pts, g.weight)
		}
	}
	if wsum.IsZero() {
		r.note(tn, "%s: no rater group counts: the indicator scores 0", n.id)
		return rat.Zero
	}
	v, err := sum.Quo(wsum)
	if err == nil {
		v, err = v.Quo(m.scale)
	}
	if err == nil {
		v, err = v.Mul(n.max)
	}
	if err != nil {
		r.ps.add("votes."+n.id, "", fmt.Errorf("%w: %v", ErrArithmetic, err))
		return rat.Zero
	}
	if tn != nil {
		tn.Rule = "Σ weight × (Σ votes × points / valid votes) / Σ weight / scale × max"
	}
	return v.Clamp(rat.Zero, n.max)
}

func containsGroup(gs []cGroup, id string) bool {
	for _, g := range gs {
		if g.id == id {
			return true
		}
	}
	return false
}
