package assess

import ()

// Input is one subject's input in the positional form of a compiled scheme
// (its [Layout]): filled slot by slot, scored by [Scorer.ScoreInto],
// [Scorer.ScoreInput], [Scorer.ExplainInto] or [Scorer.ExplainInput]
// without a map lookup. It holds the same data as a [Subject] and scores
// the same: [Scorer.Fill] converts one into the other. The zero Input
// belongs to no scheme: make one with [Scorer.NewInput].
//
// An Input is reusable: [Input.Reset] clears it for the next subject and
// keeps its memory, so a loop that fills and scores one Input per
// goroutine does not allocate. An Input is not safe for concurrent use;
// scoring only reads it.
type Input struct {
	ID, Category string

	l        *Layout
	nums     []Num
	texts    []string
	textSet  []bool
	checked  []bool
	events   []inEvent // every deduction event, in the order added
	mixed    bool      // events were not added leaf by leaf in layout order
	counts   []int
	groups   []inGroup
	bonus    []int
	bonusSet []bool
	flags    []bool
}

type inEvent struct {
	ded    int32 // the deductions leaf (Layout.deds)
	clause int32 // clause slot; -1 marks an event that named no clause of the leaf (reported by Fill)
	e      Event
}

type inGroup struct {
	given            bool // ballots were given for the group
	issued, returned int
}

// NewInput returns an empty Input for the scorer's layout. Its slots share
// a few blocks of memory (the numbers, the counts, the flags), which keeps
// a cohort of Inputs compact and cheap for the garbage collector.
func (s *Scorer) NewInput() *Input {
	l := s.lay
	in := &Input{l: l, nums: make([]Num, len(l.values)), groups: make([]inGroup, len(l.groups))}
	if len(l.fields) > 0 {
		in.texts = make([]string, len(l.fields))
	}
	ints := make([]int, len(l.levels)+len(l.bonus))
	in.counts, in.bonus = ints[:len(l.levels):len(l.levels)], ints[len(l.levels):]
	bools := make([]bool, len(l.fields)+len(l.items)+len(l.bonus)+len(l.flags))
	cut := func(n int) []bool {
		b := bools[:n:n]
		bools = bools[n:]
		return b
	}
	in.textSet, in.checked, in.bonusSet, in.flags = cut(len(l.fields)), cut(len(l.items)), cut(len(l.bonus)), cut(len(l.flags))
	return in
}

// Layout returns the scheme's input layout.
func (s *Scorer) Layout() *Layout { return s.lay }

// Reset clears the input for another subject, keeping its memory.
func (in *Input) Reset(id, category string) {
	in.ID, in.Category = id, category
	clear(in.nums)
	clear(in.texts)
	clear(in.textSet)
	clear(in.checked)
	clear(in.events) // drop the strings they hold
	in.events, in.mixed = in.events[:0], false
	clear(in.counts)
	clear(in.groups)
	clear(in.bonus)
	clear(in.bonusSet)
	clear(in.flags)
}

func (in *Input) check(s Slot, kinds ...SlotKind) error {
	if s.l == nil {
		return problemf(ErrInput, "the zero Slot addresses no input")
	}
	if s.l != in.l {
		return problemf(ErrInput, "slot %s belongs to another scheme's layout", s)
	}
	for _, k := range kinds {
		if s.kind == k {
			return nil
		}
	}
	return problemf(ErrInput, "slot %s is of kind %s, not %s", s, s.kind, kinds[0])
}

// release drops what the input holds of a subject's memory (its IDs and
// the events' strings) before it goes back to the pool; the next fill
// resets the rest.
func (in *Input) release() {
	clear(in.events)
	in.events, in.ID, in.Category = in.events[:0], "", ""
}

// SetNum sets a value slot: a direct indicator's points, a ratio
// indicator's actual value, a decision table's numeric input.
func (in *Input) SetNum(s Slot, v Num) error {
	if err := in.check(s, ValueSlot); err != nil {
		return err
	}
	in.nums[s.i] = v
	return nil
}

// SetText sets a decision table's text input.
func (in *Input) SetText(s Slot, v string) error {
	if err := in.check(s, FieldSlot); err != nil {
		return err
	}
	in.texts[s.i], in.textSet[s.i] = v, true
	return nil
}

// SetBool checks or unchecks a checklist item, or sets a gate's flag.
func (in *Input) SetBool(s Slot, on bool) error {
	if err := in.check(s, ItemSlot, FlagSlot); err != nil {
		return err
	}
	if s.kind == ItemSlot {
		in.checked[s.i] = on
	} else {
		in.flags[s.i] = on
	}
	return nil
}

// SetCount sets a rater group's vote count at one level, which marks the
// group's ballots as given, or a bonus item's occurrences. Counts are
// checked when scored: a negative one is an input error there.
func (in *Input) SetCount(s Slot, k int) error {
	if err := in.check(s, LevelSlot, BonusSlot); err != nil {
		return err
	}
	if s.kind == LevelSlot {
		in.counts[s.i] = k
		in.groups[in.l.levels[s.i].group].given = true
	} else {
		in.bonus[s.i], in.bonusSet[s.i] = k, true
	}
	return nil
}

// SetBallots sets the ballots issued to and returned by a rater group (0
// for not recorded), which marks the group's ballots as given.
func (in *Input) SetBallots(s Slot, issued, returned int) error {
	if err := in.check(s, GroupSlot); err != nil {
		return err
	}
	in.groups[s.i] = inGroup{given: true, issued: issued, returned: returned}
	return nil
}

// AddEvent adds a deduction event under the slot's clause. The event's
// Clause is the slot's: it must be empty or name the same clause. Its
// count, level and value are checked when scored.
func (in *Input) AddEvent(s Slot, e Event) error {
	if err := in.check(s, ClauseSlot); err != nil {
		return err
	}
	r := in.l.clauses[s.i]
	if e.Clause != "" && e.Clause != r.cl.id {
		return problemf(ErrInput, "event names clause %q but the slot is %s", e.Clause, s)
	}
	e.Clause = r.cl.id
	in.addEvent(inEvent{ded: r.ded, clause: s.i, e: e})
	return nil
}

// addEvent appends an event, noting when the events stop being grouped
// leaf by leaf in layout order (the scorer then scans them all per leaf).
func (in *Input) addEvent(e inEvent) {
	if n := len(in.events); n > 0 && in.events[n-1].ded > e.ded {
		in.mixed = true
	}
	in.events = append(in.events, e)
}
