package assess

import (
	"math"
	"math/bits"
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
	if tn == nil && n.m.wnum != nil {
		if v, ok := r.votesInt(n); ok {
			return v
		}
	}
	m := n.m
	in := r.in
	per := int32(len(m.lorder) + 1)
	sum, wsum := rat.Zero, rat.Zero
	if tn != nil {
		tn.Inputs = r.pairs(len(m.groups))
	}
	for gi := range m.groups {
		g := &m.groups[gi]
		gs := m.group0 + int32(gi)
		b := in.groups[gs]
		if !b.given {
			if r.trace {
				r.note(tn, "%s: rater group %s has no ballots", n.id, g.id)
			}
			continue
		}
		if b.issued < 0 || b.returned < 0 {
			r.ps.addf("votes."+n.id+"."+g.id, "", ErrInput, "ballots issued and returned are not negative")
			continue
		}
		if b.issued > 0 && b.returned > b.issued {
			if r.trace {
				r.note(tn, "%s: rater group %s is void: %d ballots returned, %d issued", n.id, g.id, b.returned, b.issued)
			}
			continue
		}
		counts := in.counts[m.count0+int32(gi)*per : m.count0+int32(gi+1)*per]
		valid, raters, pts := int64(0), int64(0), rat.Zero
		var ipts int64 // the points summed as an integer, when every level's points are whole
		overflow := false
		for li, k := range counts[:len(m.lorder)] {
			if k == 0 {
				continue
			}
			if k < 0 {
				r.ps.addf("votes."+n.id+"."+g.id+".counts."+m.lorder[li], strconv.Itoa(k), ErrInput, "a count is not negative")
				continue
			}
			var ok1, ok2 bool
			raters, ok1 = add64(raters, int64(k))
			valid, ok2 = add64(valid, int64(k))
			if !ok1 || !ok2 || !r.count(m.bslot[li], k) {
				r.ps.addf("votes."+n.id+"."+g.id+".counts."+m.lorder[li], strconv.Itoa(k), ErrArithmetic, "the vote count overflows the total")
				overflow = true
				break
			}
			small := m.ipoints != nil && k <= 1<<20 && m.ipoints[li] <= 1<<30 // k × points < 2^50: exact
			if s, ok := add64(ipts, int64(k)*pick(small, m.ipoints, li)); small && ok {
				ipts = s
			} else {
				v, err := m.lpoints[li].MulInt(int64(k))
				if err != nil {
					r.ps.addErr("votes."+n.id, "", ErrArithmetic, err)
					continue
				}
				pts = r.add(n.id, pts, v)
			}
		}
		if overflow {
			continue
		}
		if ipts != 0 {
			pts = r.add(n.id, pts, rat.Int(ipts))
		}
		ok := true
		if k := counts[len(m.lorder)]; k != 0 && m.unknown != "" {
			if k < 0 {
				r.ps.addf("votes."+n.id+"."+g.id+".counts."+m.unknown, strconv.Itoa(k), ErrInput, "a count is not negative")
			} else if raters, ok = add64(raters, int64(k)); !ok {
				r.ps.addf("votes."+n.id+"."+g.id+".counts."+m.unknown, strconv.Itoa(k), ErrArithmetic, "the vote count overflows the total")
				continue
			}
		}
		if raters < int64(g.minRaters) {
			r.ps.addf("votes."+n.id+"."+g.id, strconv.FormatInt(raters, 10), ErrInput,
				"%d raters, fewer than the group's minimum of %d: the 测评 must be held again", raters, g.minRaters)
			continue
		}
		if valid == 0 {
			if r.trace {
				r.note(tn, "%s: rater group %s has no valid votes (all 不了解)", n.id, g.id)
			}
			continue
		}
		avg, err := pts.Quo(rat.Int(valid))
		if err == nil {
			avg, err = avg.Mul(g.weight)
		}
		if err != nil {
			r.ps.addErr("votes."+n.id, "", ErrArithmetic, err)
			continue
		}
		sum = r.add(n.id, sum, avg)
		wsum = r.add(n.id, wsum, g.weight)
		if tn != nil {
			tn.Inputs = append(tn.Inputs, Pair{Key: g.id})
			start := len(r.text)
			r.text = strconv.AppendInt(r.text, valid, 10)
			r.text = append(r.text, " valid votes, "...)
			r.appendRat(pts)
			r.text = append(r.text, " points, weight "...)
			r.text = append(r.text, g.weightText...)
			r.cut(&tn.Inputs[len(tn.Inputs)-1].Value, start)
		}
	}
	if wsum.IsZero() {
		if r.trace {
			r.note(tn, "%s: no rater group counts: the indicator scores 0", n.id)
		}
		return rat.Zero
	}
	v := sum
	var err error
	if wsum.Cmp(rat.One) != 0 {
		v, err = v.Quo(wsum)
	}
	if err == nil {
		v, err = v.Mul(m.maxPerScale)
	}
	if err != nil {
		r.ps.addErr("votes."+n.id, "", ErrArithmetic, err)
		return rat.Zero
	}
	if tn != nil {
		tn.Rule = "Σ weight × (Σ votes × points / valid votes) / Σ weight / scale × max"
	}
	return v.Clamp(rat.Zero, n.max)
}

// votesInt is the votes method in integer arithmetic for the common case:
// whole points per level, group weights whole multiples of 1/wden, and
// every group given, valid, at or above its minimum, with valid votes.
// Then Σ w·pts/valid / Σ w = Σ a·pts·(V/valid) / (V·Σ a), with a = w·wden
// and V the product of the valid counts: one fraction, reduced once. It
// returns false, having changed nothing, for anything else (a note or a
// problem to report, a count out of range), and the general path scores
// the indicator. Both give the same exact value (tests compare them).
func (r *run) votesInt(n *cNode) (rat.Rat, bool) {
	m := n.m
	if len(m.groups) > 8 {
		return rat.Rat{}, false
	}
	in := r.in
	per := int32(len(m.lorder) + 1)
	if len(m.lorder) > 8 {
		return rat.Rat{}, false
	}
	var pts, valid [8]int64
	var byLevel [8]int // valid votes per level over the groups, for Result.Ballots
	prod, asum := int64(1), int64(0)
	for gi := range m.groups {
		g := &m.groups[gi]
		b := in.groups[m.group0+int32(gi)]
		if !b.given || b.issued < 0 || b.returned < 0 || (b.issued > 0 && b.returned > b.issued) {
			return rat.Rat{}, false
		}
		counts := in.counts[m.count0+int32(gi)*per : m.count0+int32(gi+1)*per]
		var p, v int64
		for li, k := range counts[:len(m.lorder)] {
			if k < 0 || k > 1<<24 {
				return rat.Rat{}, false
			}
			v += int64(k)
			p += int64(k) * m.ipoints[li]
			byLevel[li] += k
		}
		raters := v
		if u := counts[len(m.lorder)]; u != 0 && m.unknown != "" {
			if u < 0 || u > 1<<24 {
				return rat.Rat{}, false
			}
			raters += int64(u)
		}
		if raters < int64(g.minRaters) || v == 0 {
			return rat.Rat{}, false
		}
		pts[gi], valid[gi] = p, v
		var ok bool
		if prod, ok = mul64(prod, v); !ok {
			return rat.Rat{}, false
		}
		asum += m.wnum[gi]
	}
	num := int64(0)
	for gi := range m.groups {
		t, ok := mul64(m.wnum[gi], pts[gi])
		if ok {
			t, ok = mul64(t, prod/valid[gi])
		}
		if ok {
			num, ok = add64(num, t)
		}
		if !ok {
			return rat.Rat{}, false
		}
	}
	den, ok := mul64(prod, asum)
	if !ok {
		return rat.Rat{}, false
	}
	v, err := rat.New(num, den)
	if err == nil {
		v, err = v.Mul(m.maxPerScale)
	}
	if err != nil {
		return rat.Rat{}, false
	}
	for li, k := range byLevel[:len(m.lorder)] {
		if k > 0 {
			r.count(m.bslot[li], k) // cannot overflow: at most 8 × 2^24 per indicator, MaxIndicators indicators
		}
	}
	return v.Clamp(rat.Zero, n.max), true
}

// mul64 and add64 are int64 arithmetic for non-negative operands, false on
// overflow.
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	return int64(lo), true
}

func add64(a, b int64) (int64, bool) {
	s := a + b
	return s, s >= a
}

// pick returns p[i] if ok, else 0 (p may then be nil).
func pick(ok bool, p []int64, i int) int64 {
	if ok {
		return p[i]
	}
	return 0
}
