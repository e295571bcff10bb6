package assess

import (
	"strconv"
)

// Layout is the positional form of a compiled scheme's inputs: every input
// the scheme reads has a [Slot] (a value, a text field, a checklist item,
// a deduction clause, a rater group's ballots and each of its levels, a
// bonus item, a flag). Callers look the slots up once, fill an [Input] by
// slot, and score it with [Scorer.ScoreInput] or [Scorer.ScoreInto]: the
// scorer then reads no map, which is what makes scoring fast. A Layout is
// immutable and safe for concurrent use.
type Layout struct {
	values   []string // value slot names (direct and ratio indicators, numeric table inputs)
	valueIdx map[string]int32
	fields   []string // text slot names (text table inputs)
	fieldIdx map[string]int32
	items    []itemRef   // checklist items, leaf by leaf, in scheme order
	clauses  []clauseRef // deduction clauses, leaf by leaf, in scheme order
	deds     []*cNode    // the deductions leaves; their events are kept per leaf
	groups   []groupRef  // rater groups, votes leaf by votes leaf
	levels   []levelRef  // vote counts: per group, its levels then the unknown level
	bonus    []string    // bonus items in scheme order
	bonusIdx map[string]int32
	flags    []string // the flags the gates read, in gate order
	flagIdx  map[string]int32
	ballots  []string // the vote levels' names over every votes indicator, for Result.Ballots
	leaves   map[string]*cNode
	nodes    int // the nodes of a trace: the total, components, indicators, the bonus pool
	pairs    int // the most inputs a trace shows, over all its nodes
	cites    int // the most sources a trace cites, over all its nodes
}

type itemRef struct {
	leaf *cNode
	id   string
	it   cItem
}

type clauseRef struct {
	leaf *cNode
	cl   *cClause
	ded  int32 // the leaf's index in Layout.deds
}

type groupRef struct {
	leaf *cNode
	g    int // index in the leaf's groups
}

type levelRef struct {
	group int32 // the group slot
	level int   // index in the leaf's levels; len(levels) is the unknown level
}

// layout numbers the slots of a compiled scheme. The slots of each leaf are
// contiguous: a checklist's items from m.item0, a deduction leaf's clauses
// from m.clause0, a votes leaf's groups from m.group0 and each group's
// level counts from its group slot's count0.
func (sc *Scorer) layout() *Layout {
	l := &Layout{valueIdx: map[string]int32{}, fieldIdx: map[string]int32{}, bonusIdx: map[string]int32{},
		flagIdx: map[string]int32{}, leaves: sc.leaves}
	value := func(name string) int32 {
		if i, ok := l.valueIdx[name]; ok {
			return i
		}
		i := int32(len(l.values))
		l.values = append(l.values, name)
		l.valueIdx[name] = i
		return i
	}
	ballot := map[string]int32{}
	l.nodes = 1 + len(sc.comps)
	l.pairs = 2 * len(sc.comps)
	for _, b := range sc.pools() {
		l.nodes++
		l.pairs += len(b.order)
		l.cites += len(b.cites) + b.citeRoom*len(b.order)
	}
	var walk func(n *cNode)
	walk = func(n *cNode) {
		l.nodes++
		for _, ch := range n.children {
			walk(ch)
		}
		m := n.m
		if m == nil {
			return
		}
		switch m.kind {
		case Direct, Ratio:
			l.pairs += 2
			m.vslot = value(n.id)
		case Checklist:
			l.pairs += len(m.iorder)
			l.cites += len(n.cites) + m.citeRoom*len(m.iorder)
			m.item0 = int32(len(l.items))
			for _, id := range m.iorder {
				l.items = append(l.items, itemRef{leaf: n, id: id, it: m.items[id]})
			}
		case Deductions:
			l.pairs += len(m.order)
			l.cites += len(n.cites) + m.citeRoom*len(m.order)
			m.ded = int32(len(l.deds))
			l.deds = append(l.deds, n)
			m.clause0 = int32(len(l.clauses))
			for _, cl := range m.order {
				l.clauses = append(l.clauses, clauseRef{leaf: n, cl: cl, ded: m.ded})
			}
		case Votes:
			l.pairs += len(m.groups)
			m.group0 = int32(len(l.groups))
			m.bslot = make([]int32, len(m.lorder))
			for i, name := range m.lorder {
				b, ok := ballot[name]
				if !ok {
					b = int32(len(l.ballots))
					l.ballots = append(l.ballots, name)
					ballot[name] = b
				}
				m.bslot[i] = b
			}
			m.count0 = int32(len(l.levels))
			for g := range m.groups {
				gs := int32(len(l.groups))
				l.groups = append(l.groups, groupRef{leaf: n, g: g})
				for li := 0; li <= len(m.lorder); li++ {
					l.levels = append(l.levels, levelRef{group: gs, level: li})
				}
			}
		case TableMethod:
			ct := m.table
			l.pairs += len(ct.inputs)
			l.cites += len(m.ruleSrc)
			ct.slots = make([]int32, len(ct.inputs))
			for k, in := range ct.inputs {
				switch {
				case !in.read:
					ct.slots[k] = -1
				case in.text:
					i, ok := l.fieldIdx[in.name]
					if !ok {
						i = int32(len(l.fields))
						l.fields = append(l.fields, in.name)
						l.fieldIdx[in.name] = i
					}
					ct.slots[k] = i
				default:
					ct.slots[k] = value(in.name)
				}
			}
		}
	}
	var leaves func(n *cNode, out []*cNode) []*cNode
	leaves = func(n *cNode, out []*cNode) []*cNode {
		if n.m != nil {
			return append(out, n)
		}
		for _, ch := range n.children {
			out = leaves(ch, out)
		}
		return out
	}
	for _, c := range sc.comps {
		for _, n := range c.nodes {
			walk(n)
			c.leaves = leaves(n, c.leaves)
		}
	}
	for _, b := range sc.pools() {
		b.base = int32(len(l.bonus))
		for _, id := range b.order {
			l.bonusIdx[id] = int32(len(l.bonus))
			l.bonus = append(l.bonus, id)
		}
	}
	for i := range sc.gates {
		g := &sc.gates[i]
		f, ok := l.flagIdx[g.Flag]
		if !ok {
			f = int32(len(l.flags))
			l.flags = append(l.flags, g.Flag)
			l.flagIdx[g.Flag] = f
		}
		g.flag = f
	}
	return l
}

// SlotKind names what a [Slot] holds.
type SlotKind uint8

// The kinds of slots, with the [Input] setter each takes.
const (
	ValueSlot  SlotKind = iota + 1 // a number: [Input.SetNum]
	FieldSlot                      // a text: [Input.SetText]
	ItemSlot                       // a checklist item: [Input.SetBool]
	ClauseSlot                     // a deduction clause: [Input.AddEvent]
	GroupSlot                      // a rater group's ballots issued and returned: [Input.SetBallots]
	LevelSlot                      // a rater group's votes at one level: [Input.SetCount]
	BonusSlot                      // a bonus item's occurrences: [Input.SetCount]
	FlagSlot                       // a gate's flag: [Input.SetBool]
)

var slotKindNames = [...]string{"", "value", "field", "item", "clause", "group", "level", "bonus", "flag"}

func (k SlotKind) String() string {
	if int(k) < len(slotKindNames) && k > 0 {
		return slotKindNames[k]
	}
	return "SlotKind(" + strconv.Itoa(int(k)) + ")"
}

// Slot addresses one input of a [Layout]. The zero Slot addresses nothing:
// setters reject it.
type Slot struct {
	l    *Layout
	kind SlotKind
	i    int32
}

// Kind returns what the slot holds.
func (s Slot) Kind() SlotKind { return s.kind }

// Path returns the slot's path in the [Subject] form ("values.pinpai",
// "checked.yanshi.a", "votes.ceping.leaders.好"), as errors name it.
func (s Slot) Path() string {
	l := s.l
	if l == nil {
		return ""
	}
	switch s.kind {
	case ValueSlot:
		return "values." + l.values[s.i]
	case FieldSlot:
		return "fields." + l.fields[s.i]
	case ItemSlot:
		r := l.items[s.i]
		return "checked." + r.leaf.id + "." + r.id
	case ClauseSlot:
		r := l.clauses[s.i]
		return "events." + r.leaf.id + "." + r.cl.id
	case GroupSlot:
		r := l.groups[s.i]
		return "votes." + r.leaf.id + "." + r.leaf.m.groups[r.g].id
	case LevelSlot:
		lr := l.levels[s.i]
		g := l.groups[lr.group]
		return "votes." + g.leaf.id + "." + g.leaf.m.groups[g.g].id + ".counts." + g.leaf.m.levelName(lr.level)
	case BonusSlot:
		return "bonus." + l.bonus[s.i]
	case FlagSlot:
		return "flags." + l.flags[s.i]
	}
	return ""
}

func (s Slot) String() string { return s.kind.String() + " " + s.Path() }

// levelName returns a votes method's level by index; the index after the
// last level is the unknown level.
func (m *cMethod) levelName(i int) string {
	if i < len(m.lorder) {
		return m.lorder[i]
	}
	return m.unknown
}

func (l *Layout) slot(kind SlotKind, i int32) Slot { return Slot{l: l, kind: kind, i: i} }

func (l *Layout) leaf(id string, kind MethodKind) (*cNode, error) {
	n, ok := l.leaves[id]
	if !ok || n.m == nil || n.m.kind != kind {
		return nil, problemf(ErrInput, "%q is not a %s indicator of the scheme", id, kind)
	}
	return n, nil
}

// Value returns the slot of a number: a direct or ratio indicator's value
// (by the indicator's ID) or a decision table's numeric input (by name).
func (l *Layout) Value(name string) (Slot, error) {
	if i, ok := l.valueIdx[name]; ok {
		return l.slot(ValueSlot, i), nil
	}
	return Slot{}, problemf(ErrInput, "no indicator or table reads the value %q", name)
}

// Field returns the slot of a decision table's text input.
func (l *Layout) Field(name string) (Slot, error) {
	if i, ok := l.fieldIdx[name]; ok {
		return l.slot(FieldSlot, i), nil
	}
	return Slot{}, problemf(ErrInput, "no table reads the text field %q", name)
}

// Item returns the slot of a checklist item.
func (l *Layout) Item(indicator, item string) (Slot, error) {
	n, err := l.leaf(indicator, Checklist)
	if err != nil {
		return Slot{}, err
	}
	for i, id := range n.m.iorder {
		if id == item {
			return l.slot(ItemSlot, n.m.item0+int32(i)), nil
		}
	}
	return Slot{}, problemf(ErrInput, "%q is not an item of the checklist %q", item, indicator)
}

// Clause returns the slot of a deduction clause, for [Input.AddEvent].
func (l *Layout) Clause(indicator, clause string) (Slot, error) {
	n, err := l.leaf(indicator, Deductions)
	if err != nil {
		return Slot{}, err
	}
	for i, cl := range n.m.order {
		if cl.id == clause {
			return l.slot(ClauseSlot, n.m.clause0+int32(i)), nil
		}
	}
	return Slot{}, problemf(ErrInput, "%q is not a clause of the indicator %q", clause, indicator)
}

// Group returns the slot of a rater group's ballots on a votes indicator,
// for [Input.SetBallots].
func (l *Layout) Group(indicator, group string) (Slot, error) {
	n, err := l.leaf(indicator, Votes)
	if err != nil {
		return Slot{}, err
	}
	for i, g := range n.m.groups {
		if g.id == group {
			return l.slot(GroupSlot, n.m.group0+int32(i)), nil
		}
	}
	return Slot{}, problemf(ErrInput, "%q is not a rater group of the indicator %q", group, indicator)
}

// Level returns the slot of a rater group's vote count at one level (the
// unknown level, 不了解, included), for [Input.SetCount].
func (l *Layout) Level(indicator, group, level string) (Slot, error) {
	g, err := l.Group(indicator, group)
	if err != nil {
		return Slot{}, err
	}
	n := l.groups[g.i].leaf
	per := int32(len(n.m.lorder) + 1)
	base := n.m.count0 + (g.i-n.m.group0)*per
	for i := range per {
		if n.m.levelName(int(i)) == level && level != "" {
			return l.slot(LevelSlot, base+i), nil
		}
	}
	return Slot{}, problemf(ErrInput, "%q is not a level of the indicator %q", level, indicator)
}

// Bonus returns the slot of a bonus item, for [Input.SetCount].
func (l *Layout) Bonus(item string) (Slot, error) {
	if i, ok := l.bonusIdx[item]; ok {
		return l.slot(BonusSlot, i), nil
	}
	return Slot{}, problemf(ErrInput, "%q is not a bonus item", item)
}

// Flag returns the slot of a gate's flag, for [Input.SetBool].
func (l *Layout) Flag(name string) (Slot, error) {
	if i, ok := l.flagIdx[name]; ok {
		return l.slot(FlagSlot, i), nil
	}
	return Slot{}, problemf(ErrInput, "no gate reads the flag %q", name)
}

// Slots returns every slot of the layout, in layout order: values, fields,
// items, clauses, groups, levels, bonus items, flags. With [Slot.Path] it
// names the columns of a positional input (a CSV header, say).
func (l *Layout) Slots() []Slot {
	var out []Slot
	add := func(kind SlotKind, n int) {
		for i := range n {
			out = append(out, l.slot(kind, int32(i)))
		}
	}
	add(ValueSlot, len(l.values))
	add(FieldSlot, len(l.fields))
	add(ItemSlot, len(l.items))
	add(ClauseSlot, len(l.clauses))
	add(GroupSlot, len(l.groups))
	add(LevelSlot, len(l.levels))
	add(BonusSlot, len(l.bonus))
	add(FlagSlot, len(l.flags))
	return out
}

// pools returns the scheme's bonus pools: the capped pool, then the extra
// pool (另行加分), where there are.
func (sc *Scorer) pools() []*cBonus {
	var out []*cBonus
	for _, b := range []*cBonus{sc.bonus, sc.extra} {
		if b != nil {
			out = append(out, b)
		}
	}
	return out
}
