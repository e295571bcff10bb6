package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// Evaluating a compiled decision table on a subject's input.

// inputsRead returns the inputs the table reads, as the trace shows them.
func (ct *compiledTable) inputsRead(in *Input, out Pairs) Pairs {
	for k, ti := range ct.inputs {
		i := ct.slots[k]
		if i < 0 {
			continue
		}
		if ti.text {
			if in.textSet[i] {
				out = append(out, Pair{ti.name, strconv.Quote(in.texts[i])})
			}
		} else if v := in.nums[i]; v.IsSet() {
			out = append(out, Pair{ti.name, v.String()})
		}
	}
	return out
}

func (r *tableRule) match(ins []tableInput, nums []rat.Rat, txts []string) bool {
	for k := range r.cells {
		c := &r.cells[k]
		if c.Any {
			continue
		}
		if ins[k].text {
			if !c.MatchText(txts[k]) {
				return false
			}
		} else if !c.MatchNum(nums[k]) {
			return false
		}
	}
	return true
}

// eval scores a subject: the points of the leaf, the IDs of the rules hit
// (in the policy's order), and notes for the trace. The slices returned
// may be shared with the table: callers must not modify them. On the
// common path (a single-hit policy, one rule selected) eval does not
// allocate. Errors are *Problem values: a missing input ([ErrInput]), a
// UNIQUE table with two matching rules or an ANY table whose matching
// rules differ ([ErrTable]; both prevented by Compile), or an overflow
// ([ErrArithmetic]).
func (ct *compiledTable) eval(in *Input) (points rat.Rat, hit []string, notes []string, err error) {
	var nbuf [8]rat.Rat
	var tbuf [8]string
	nums, txts := nbuf[:], tbuf[:]
	if len(ct.inputs) > len(nbuf) {
		nums, txts = make([]rat.Rat, len(ct.inputs)), make([]string, len(ct.inputs))
	}
	for k, ti := range ct.inputs {
		i := ct.slots[k]
		if i < 0 {
			continue
		}
		if ti.text {
			if !in.textSet[i] {
				return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrInput, Path: "fields." + ti.name, Detail: fmt.Sprintf("no text for the table input %q at %s", ti.name, ct.path)}
			}
			txts[k] = in.texts[i]
		} else {
			v := in.nums[i]
			if !v.IsSet() {
				return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrInput, Path: "values." + ti.name, Detail: fmt.Sprintf("no value for the table input %q at %s", ti.name, ct.path)}
			}
			nums[k] = v.rat()
		}
	}

	switch ct.policy {
	case HitFirst:
		for i := range ct.rules {
			if r := &ct.rules[i]; r.match(ct.inputs, nums, txts) {
				return r.points, r.hit, nil, nil
			}
		}
		return rat.Zero, nil, ct.noMatch, nil
	case HitUnique, HitPriority, HitAny:
		return ct.single(nums, txts)
	}
	return ct.multi(nums, txts)
}

// single evaluates UNIQUE, PRIORITY and ANY.
func (ct *compiledTable) single(nums []rat.Rat, txts []string) (rat.Rat, []string, []string, error) {
	first, best := -1, -1
	var ids []string // every rule matched, in rule order, when there are several
	for i := range ct.rules {
		r := &ct.rules[i]
		if !r.match(ct.inputs, nums, txts) {
			continue
		}
		if first < 0 {
			first, best = i, i
			continue
		}
		b := &ct.rules[best]
		switch ct.policy {
		case HitUnique:
			return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrTable, Path: ct.path, Detail: fmt.Sprintf("UNIQUE rules %q and %q both match", b.id, r.id)}
		case HitAny:
			if r.points.Cmp(b.points) != 0 {
				return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrTable, Path: ct.path, Detail: fmt.Sprintf("ANY rules %q (%s points) and %q (%s points) both match", b.id, b.points, r.id, r.points)}
			}
		case HitPriority:
			if r.rank < b.rank {
				best = i
			}
		}
		if ids == nil {
			ids = append(ids, ct.rules[first].id)
		}
		ids = append(ids, r.id)
	}
	if best < 0 {
		return rat.Zero, nil, ct.noMatch, nil
	}
	b := &ct.rules[best]
	if ids == nil {
		return b.points, b.hit, nil, nil
	}
	if ct.policy == HitAny {
		return b.points, ids, []string{fmt.Sprintf("ANY: %d rules matched (%s), all with %s points", len(ids), strings.Join(ids, ", "), b.points)}, nil
	}
	note := fmt.Sprintf("PRIORITY: %d rules matched (%s); %s wins with %s points, first in the outputs list", len(ids), strings.Join(ids, ", "), b.id, b.points)
	return b.points, b.hit, []string{note}, nil
}

// multi evaluates COLLECT, RULE ORDER and OUTPUT ORDER.
func (ct *compiledTable) multi(nums []rat.Rat, txts []string) (rat.Rat, []string, []string, error) {
	var ibuf [16]int
	m := ibuf[:0]
	for i := range ct.rules {
		if ct.rules[i].match(ct.inputs, nums, txts) {
			m = append(m, i)
		}
	}
	if len(m) == 0 {
		return rat.Zero, nil, ct.noMatch, nil
	}
	if ct.policy == HitOutputOrder {
		slices.SortStableFunc(m, func(a, b int) int { return ct.rules[a].rank - ct.rules[b].rank })
	}
	var v rat.Rat
	var err error
	switch ct.agg {
	case AggCount:
		v = rat.Int(int64(len(m)))
	case AggMin, AggMax:
		v = ct.rules[m[0]].points
		for _, i := range m[1:] {
			if ct.agg == AggMin {
				v = v.Min(ct.rules[i].points)
			} else {
				v = v.Max(ct.rules[i].points)
			}
		}
	default:
		v = rat.Zero
		for _, i := range m {
			if v, err = v.Add(ct.rules[i].points); err != nil {
				return rat.Zero, nil, nil, &dangjian.Problem{Kind: ErrArithmetic, Path: ct.path, Detail: fmt.Sprintf("summing the rules' points: %v", err)}
			}
		}
	}
	var notes []string
	var hit []string
	if len(m) == 1 {
		hit = ct.rules[m[0]].hit
	} else {
		hit = make([]string, len(m))
		for j, i := range m {
			hit[j] = ct.rules[i].id
		}
		if ct.agg == AggNone {
			list := make([]string, len(m))
			for j, i := range m {
				list[j] = ct.rules[i].points.String()
			}
			notes = append(notes, fmt.Sprintf("%s: %d rules matched; the list of points [%s] is summed to %s", ct.policy, len(m), strings.Join(list, ", "), v))
		}
	}
	if v.Cmp(ct.max) > 0 {
		notes = append(notes, fmt.Sprintf("%s points exceed the max %s: clamped to %s", v, ct.max, ct.max))
		v = ct.max
	}
	return v, hit, notes, nil
}
