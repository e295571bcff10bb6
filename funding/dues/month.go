package dues

import (
	"io"
	"math/bits"
	"slices"

	"github.com/dangjian-go/dangjian"
)

// MonthOptions are the options of [ComputeMonth].
type MonthOptions struct {
	// Rules is the rule set, and Month a day of the month computed.
	Rules Rules
	Month dangjian.Date
	// Trace keeps each Result's trace ([Rules.Monthly]); without it the
	// rules' compiled [Calculator] computes the same amounts faster, with
	// no trace.
	Trace bool
	// JSON says the roster is JSON ([ScanRosterJSONWith]); else it is CSV
	// ([ScanRosterWith]).
	JSON bool
	// Scan are the options of the reading: its limits (MaxProblems bounds
	// the problems of the report) and the budget of the check for repeated
	// IDs. Scan.Warn is not used: the warning is in the report.
	Scan ScanOptions
}

// MonthReport is what [ComputeMonth] found beside the results.
type MonthReport struct {
	// Summary sums the results given to out (the last reading's).
	Summary LedgerSummary
	// Problems are the problems of the input and of the rules, in line
	// order (within a line, the input's in column order, then the
	// rules'), at most Scan.Limits.MaxProblems of them, then one problem
	// of kind [dangjian.ErrLimit] counting the rest
	// ([dangjian.ProblemCap]).
	Problems dangjian.Problems
	// Warnings holds the warning that the check for repeated IDs reached
	// its budget ([ErrIDsNotChecked]), if it did: no problem of a row.
	Warnings dangjian.Problems
	// NotComputed is the number of rows not computed: bad rows (every row
	// of a repeated ID among them) and rows the rules refused.
	NotComputed int
}

// ComputeMonth reads a roster, computes each member's month and gives each
// result, with the member's name, to out, in roster order: what
// [ReadRoster] (or [DecodeRosterJSON]) and [Rules.Monthly] give for the
// whole roster, in the memory of one row and the set of IDs. A bad row, a
// row the rules refuse and every row of an ID that repeats are left out,
// their problems in the report.
//
// A repeat is known only when its later row is read, after the earlier
// one went to out: the roster is then read a second time, leaving out the
// rows of the repeated IDs. open opens the roster from its start (it is
// called once, or twice); reset is called before the second reading and
// must undo what out was given (empty a buffer, truncate a file back).
//
// ComputeMonth returns the report, or the error that stopped it: a
// problem that ends the reading (a bad header, text that is not CSV, JSON
// or UTF-8, a limit), an error of open, of the reader, of reset or of out
// (as it is), or a sum out of range ([Tally.Add]).
func ComputeMonth(open func() (io.ReadCloser, error), reset func() error, opts MonthOptions, out func(LedgerRow) error) (MonthReport, error) {
	var calc *Calculator
	if !opts.Trace {
		if c, err := opts.Rules.Compile(); err == nil {
			calc = c
		}
	}
	m := monthRun{opts: opts, calc: calc, out: out, max: opts.Scan.Limits.Problems(), repeated: map[string]bool{}}
	m.inputBad = dangjian.NewProblemCap(m.max)
	if err := m.read(open, nil); err != nil {
		return MonthReport{}, err
	}
	if len(m.repeated) > 0 {
		if err := reset(); err != nil {
			return MonthReport{}, err
		}
		if err := m.read(open, m.repeated); err != nil {
			return MonthReport{}, err
		}
	}
	sum, err := m.tally.Summary()
	if err != nil {
		return MonthReport{}, err
	}
	return MonthReport{Summary: sum, Problems: m.problems(), Warnings: m.warnings,
		NotComputed: m.inputLines.union(m.computedLines)}, nil
}

// monthRun is the state of one ComputeMonth.
type monthRun struct {
	opts MonthOptions
	calc *Calculator
	out  func(LedgerRow) error
	max  int // problems listed

	// The problems of the input (the first reading) and of the rules (the
	// last reading), each kept up to max and then counted, and the lines
	// they are on, a bit a line, to count the rows not computed.
	inputBad, computed        *dangjian.ProblemCap
	inputLines, computedLines lineSet
	warnings                  dangjian.Problems
	repeated                  map[string]bool
	tally                     Tally
}

// read reads the roster once, leaving out the rows of the IDs in skip (nil
// on the first reading, which records the input's problems).
func (m *monthRun) read(open func() (io.ReadCloser, error), skip map[string]bool) error {
	r, err := open()
	if err != nil {
		return err
	}
	defer r.Close()
	first := skip == nil
	m.tally = Tally{}
	m.computed, m.computedLines = dangjian.NewProblemCap(m.max), nil
	each := func(row RosterRow, bad dangjian.Problems) error {
		if bad != nil {
			if first {
				m.inputBad.AddAll(bad)
				for _, p := range bad {
					m.inputLines.add(p.Line)
					if p.Kind == dangjian.ErrDuplicate {
						m.repeated[row.Member.ID] = true
					}
				}
			}
			return nil
		}
		if skip[row.Member.ID] {
			return nil
		}
		var d Result
		var err error
		if m.calc != nil {
			d, err = m.calc.Monthly(row.Member, m.opts.Month)
		} else {
			d, err = m.opts.Rules.Monthly(row.Member, m.opts.Month)
		}
		if err != nil {
			for _, p := range dangjian.ProblemsOf(err) {
				q := *p
				q.Line = row.Line
				m.computed.Add(&q)
			}
			m.computedLines.add(row.Line)
			return nil
		}
		if err := m.tally.Add(d); err != nil {
			return err
		}
		return m.out(LedgerRow{Name: row.Member.Name, Dues: d})
	}
	opts := m.opts.Scan
	opts.Warn = func(p *dangjian.Problem) {
		if first {
			m.warnings = append(m.warnings, p)
		}
	}
	if m.opts.JSON {
		return ScanRosterJSONWith(r, opts, each)
	}
	return ScanRosterWith(r, opts, each)
}

// problems returns the problems of the input and of the rules, in line
// order, capped as one list.
func (m *monthRun) problems() dangjian.Problems {
	kept := func(c *dangjian.ProblemCap) dangjian.Problems {
		ps := c.Problems()
		if c.More() > 0 {
			ps = ps[:len(ps)-1] // counted again below
		}
		return ps
	}
	problems := kept(m.inputBad)
	sortProblems(problems)
	problems = append(problems, kept(m.computed)...)
	slices.SortStableFunc(problems, func(a, b *dangjian.Problem) int { return a.Line - b.Line })
	// One cap over both: the problems only counted by either are counted
	// by it too, after the ones it keeps.
	all := dangjian.NewProblemCap(m.max)
	all.AddAll(problems)
	for range m.inputBad.More() + m.computed.More() {
		all.Add(countedOnly)
	}
	return all.Problems()
}

// countedOnly stands for a problem a first cap only counted, added to a
// full cap to be counted again.
var countedOnly = &dangjian.Problem{Kind: dangjian.ErrLimit}

// lineSet is a set of lines, a bit a line.
type lineSet []uint64

func (s *lineSet) add(line int) {
	if line < 0 {
		return
	}
	for line/64 >= len(*s) {
		*s = append(*s, 0)
	}
	(*s)[line/64] |= 1 << (line % 64)
}

// union returns the number of lines in s or t.
func (s lineSet) union(t lineSet) int {
	n := 0
	for i := range max(len(s), len(t)) {
		var w uint64
		if i < len(s) {
			w = s[i]
		}
		if i < len(t) {
			w |= t[i]
		}
		n += bits.OnesCount64(w)
	}
	return n
}
