package bridge

import (
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/orglife"
)

// Bridge is a [Mapping] compiled against a scheme: every line's target
// found in the scheme's [assess.Layout] and of a kind a count can fill.
// It is immutable and safe for concurrent use.
type Bridge struct {
	name   string
	scorer *assess.Scorer
	lines  []cLine
	slots  []cSlot // distinct targets, in order of first use
}

type cLine struct {
	Line
	slot  int // into Bridge.slots
	rules map[string]bool
	types []orglife.Type // empty: all
	per   int
}

type cSlot struct {
	slot assess.Slot
	path string
}

// Compile compiles the scheme s (with opts) and checks m against it once:
// each line has an id, unique; a target that is a slot of the scheme
// (dangjian.ErrUnknownRef otherwise) and a deduction clause that deducts
// per occurrence, a checklist item or a gate's flag (dangjian.ErrInvalid
// for a clause that deducts by level or per percentage point, a value, a
// vote or a bonus item: a count of findings must never raise a score); a
// known measure with the rules (findings, values) or meeting types
// (shortfall) it reads; and a Per not below zero. Every problem is
// reported, each with its path ("lines[2].target") and the line's id as
// ID; m.Scheme, if set, must be s's name. A problem of the scheme itself
// is returned as [assess.Compile] gives it.
func Compile(m Mapping, s assess.Scheme, opts ...assess.CompileOption) (*Bridge, error) {
	sc, err := assess.Compile(s, opts...)
	if err != nil {
		return nil, err
	}
	var ps dangjian.Problems
	if m.Scheme != "" && m.Scheme != s.Name {
		ps.Add(&dangjian.Problem{Kind: dangjian.ErrInconsistent, Path: "scheme", Value: dangjian.Cut(m.Scheme),
			Detail: "the mapping is written for another scheme than " + strconv.Quote(s.Name)})
	}
	bySlot := map[string]assess.Slot{}
	for _, sl := range sc.Layout().Slots() {
		bySlot[sl.Path()] = sl
	}
	clauses := clauseIndex(s)
	b := &Bridge{name: m.Name, scorer: sc}
	slotIdx := map[string]int{}
	ids := map[string]bool{}
	for i, l := range m.Lines {
		at := "lines[" + strconv.Itoa(i) + "]"
		add := func(k *dangjian.Kind, field, value, detail string) {
			ps.Add(&dangjian.Problem{Kind: k, Path: at + "." + field, ID: l.ID, Value: dangjian.Cut(value), Detail: detail})
		}
		switch {
		case l.ID == "":
			add(dangjian.ErrMissing, "id", "", "a line has an id, which the trace's links name")
		case ids[l.ID]:
			add(dangjian.ErrDuplicate, "id", l.ID, "ids are unique within a mapping")
		}
		ids[l.ID] = true
		cl := cLine{Line: l, per: max(l.Per, 1), slot: -1}
		if l.Per < 0 {
			add(dangjian.ErrNegative, "per", strconv.Itoa(l.Per), "units per event are 1 or more (0 means 1)")
		}
		sl, ok := bySlot[l.Target]
		switch {
		case l.Target == "":
			add(dangjian.ErrMissing, "target", "", "a line names a slot: events.<indicator>.<clause>, checked.<indicator>.<item> or flags.<flag>")
		case !ok:
			add(dangjian.ErrUnknownRef, "target", l.Target, "the scheme has no such slot")
		default:
			switch sl.Kind() {
			case assess.ClauseSlot:
				if why := clauses[l.Target]; why != "" {
					add(dangjian.ErrInvalid, "target", l.Target, why)
					ok = false
				}
			case assess.ItemSlot, assess.FlagSlot:
			default:
				add(dangjian.ErrInvalid, "target", l.Target, "a "+sl.Kind().String()+" slot: a count of findings fills only a deduction clause, a checklist item or a gate's flag")
				ok = false
			}
			if ok {
				j, seen := slotIdx[l.Target]
				if !seen {
					j = len(b.slots)
					slotIdx[l.Target] = j
					b.slots = append(b.slots, cSlot{slot: sl, path: l.Target})
				}
				cl.slot = j
			}
		}
		switch l.Count {
		case Findings, Values:
			if len(l.Rules) == 0 {
				add(dangjian.ErrMissing, "rules", "", "a "+string(l.Count)+" line names the rule IDs it reads")
			}
			if len(l.Types) > 0 {
				add(dangjian.ErrInvalid, "types", strings.Join(l.Types, ","), "meeting types are read by a shortfall line only")
			}
			cl.rules = map[string]bool{}
			for j, r := range l.Rules {
				if r == "" {
					add(dangjian.ErrMissing, "rules["+strconv.Itoa(j)+"]", "", "a rule ID is not empty")
				}
				cl.rules[r] = true
			}
		case Shortfall:
			if len(l.Rules) > 0 {
				add(dangjian.ErrInvalid, "rules", strings.Join(l.Rules, ","), "a shortfall line reads meeting types, not rule IDs")
			}
			for j, t := range l.Types {
				ty, err := orglife.ParseType(t)
				if err != nil || t == "" {
					add(dangjian.ErrInvalid, "types["+strconv.Itoa(j)+"]", t, "not a meeting type (orglife.ParseType)")
					continue
				}
				cl.types = append(cl.types, ty)
			}
		case "":
			add(dangjian.ErrMissing, "count", "", "want findings, values or shortfall")
		default:
			add(dangjian.ErrInvalid, "count", string(l.Count), "want findings, values or shortfall")
		}
		b.lines = append(b.lines, cl)
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return b, nil
}

// clauseIndex gives, per clause slot path, why a count cannot fill it
// ("" when it can).
func clauseIndex(s assess.Scheme) map[string]string {
	out := map[string]string{}
	var walk func(ind []assess.Indicator)
	walk = func(ind []assess.Indicator) {
		for _, n := range ind {
			walk(n.Children)
			if n.Method == nil {
				continue
			}
			for _, c := range n.Method.Clauses {
				why := ""
				switch {
				case len(c.Levels) > 0:
					why = "the clause deducts by severity level: a count of findings cannot fill it"
				case c.PerPoint.IsSet() || c.Threshold.IsSet() || c.Proportional:
					why = "the clause deducts per percentage point: a count of findings cannot fill it"
				}
				out["events."+n.ID+"."+c.ID] = why
			}
		}
	}
	for _, c := range s.Components {
		walk(c.Indicators)
	}
	return out
}

// Scorer returns the compiled scheme the bridge fills inputs for.
func (b *Bridge) Scorer() *assess.Scorer { return b.scorer }

// Name returns the mapping's name.
func (b *Bridge) Name() string { return b.name }

// Lines returns the mapping's lines as compiled.
func (b *Bridge) Lines() []Line {
	out := make([]Line, len(b.lines))
	for i, l := range b.lines {
		out[i] = l.Line
	}
	return out
}
