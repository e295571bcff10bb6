package orglife

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

// History says what the tree's snapshot cannot: when an organization was
// founded and dissolved, and how its full members changed, so that a
// branch reaching 7 full members mid-year owes the 支委会 only from then.
// Without a History an organization exists through the whole window with
// the tree's member counts.
type History struct {
	// Founded is the first day the organization exists (its 批复 date);
	// zero: before the window.
	Founded dangjian.Date `json:"founded,omitempty"`
	// Dissolved is the first day it no longer exists; zero: not dissolved.
	Dissolved dangjian.Date `json:"dissolved,omitempty"`
	// Full gives the number of full members from each date on, in date
	// order; the tree's count applies before the first step.
	Full []Step `json:"full,omitempty"`
	// CommitteeFrom is the day its committee was elected, if known: a
	// rule with a MinFull condition is owed only from then (the 支委会
	// duty begins with the committee's election, ORGLIFE-RULES §3.3).
	CommitteeFrom dangjian.Date `json:"committeeFrom,omitempty"`
}

// Step is a count of full members from a date on.
type Step struct {
	On   dangjian.Date `json:"on"`
	Full int64         `json:"full"`
}

// Options tune a [Checker].
type Options struct {
	// Histories are keyed by the caller's id of the organization, as
	// [orgmodel.Tree.Lookup] takes it.
	Histories map[string]History
}

// Checker counts meetings against a rule set over a tree for the window
// [from, to), one meeting at a time, in any order.
//
// A frequency rule is checked for each whole calendar period of its unit
// inside the window (a window from 2024-01-01 to 2025-01-01 has twelve
// months, four quarters, two half-years and one year); a period the
// window cuts is not checked. The version of a rule that applies to a
// period is the one in force on the period's last day.
//
// Memory: a counter of two bytes per organization, frequency rule and
// period (a year of a tree of 5.3 million organizations under the national
// rules: 5.3M × (4 + 12 + 12 + 12 + 1 + 1 + 1) × 2 bytes ≈ 460 MB), about
// 60 bytes per organization for an index of their IDs, kinds and member
// counts, and a compact record of each quorum failure (about 48 bytes and
// the meeting's ID; the finding is made when asked for). A counter stops
// at 65,535 meetings. Meetings themselves are not kept: the memory does
// not grow with the number of meetings read, only with the quorum
// failures found. [Checker.FindingsFunc] hands the findings over one at
// a time, so that a national run need not hold them.
//
// A Checker is not safe for concurrent use.
type Checker struct {
	tree     *orgmodel.Tree
	rules    []Rule
	from, to dangjian.Date
	index    map[uuid.UUID]int32
	kinds    []orgmodel.Kind
	full     []int64
	ids      []uuid.UUID
	hist     map[int32]*History

	freq   []freqRule
	byType [numTypes][]int // indexes into freq
	quorum [numTypes][]int // indexes into rules

	qfail    map[int64]int // org<<8 | type → quorum failures
	fails    []qFail
	meetings int64

	lastKey string
	lastPos int32
}

const numTypes = 9

// freqRule is a frequency rule with the periods of the window it is the
// version of, and their counters.
type freqRule struct {
	r      *Rule
	first  int      // the unit index of its first period
	n      int      // its periods
	counts []uint16 // orgs × n
	// labels and spans are the periods' labels and days, made once:
	// Periods yields them for every organization.
	labels   []string
	from, to []dangjian.Date
}

// qFail is a quorum failure, kept compact (about 48 bytes and the
// meeting's ID) until [Checker.FindingsFunc] makes it a finding: at
// national scale a Finding each (some 400 bytes with its message) would
// cost gigabytes.
type qFail struct {
	org               int32
	rule              int32 // index into c.rules
	date              dangjian.Date
	voting            bool
	line              int
	present, expected int64
	id                string
}

// NewChecker returns a checker of tree against rs for the window
// [from, to). It returns a [dangjian.Problems] when rs has problems
// ([RuleSet.Check]), the window is empty, or a history names an
// organization the tree does not have or gives steps out of order.
func NewChecker(tree *orgmodel.Tree, rs RuleSet, from, to dangjian.Date, opt Options) (*Checker, error) {
	if err := rs.Check(); err != nil {
		return nil, err
	}
	if from.IsZero() || to.IsZero() || !from.Before(to) {
		return nil, dangjian.Problems{{Kind: dangjian.ErrInvalid, Path: "period", Value: from.String() + ".." + to.String(),
			Detail: "the window [from, to) must not be empty"}}
	}
	c := &Checker{tree: tree, rules: rs.clone().Rules, from: from, to: to,
		index: make(map[uuid.UUID]int32, tree.Len()), qfail: map[int64]int{}}
	for _, o := range tree.All() {
		c.index[o.ID] = int32(len(c.ids))
		c.ids = append(c.ids, o.ID)
		c.kinds = append(c.kinds, o.Kind)
		c.full = append(c.full, o.Members.Full)
	}
	var ps dangjian.Problems
	for _, key := range sortedKeys(opt.Histories) {
		h := opt.Histories[key]
		u, ok := tree.Lookup(key)
		if !ok {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrUnknownRef, Path: "histories", ID: key, Value: key, Detail: "no organization with this id in the tree"})
			continue
		}
		if !slices.IsSortedFunc(h.Full, func(a, b Step) int { return a.On.Compare(b.On) }) {
			ps.Add(&dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "histories.full", ID: key, Detail: "steps must be in date order"})
			continue
		}
		if c.hist == nil {
			c.hist = map[int32]*History{}
		}
		h.Full = slices.Clone(h.Full)
		c.hist[c.index[u]] = &h
	}
	if len(ps) > 0 {
		return nil, ps
	}
	for i := range c.rules {
		r := &c.rules[i]
		switch r.Check {
		case Quorum:
			c.quorum[r.Type] = append(c.quorum[r.Type], i)
		case Frequency:
			first, last := r.Unit.index(from), r.Unit.index(to.AddDays(-1))
			if f, _ := r.Unit.span(first); f.Before(from) {
				first++
			}
			if _, t := r.Unit.span(last); t.After(to) {
				last--
			}
			// The periods this version owns: in force on their last day.
			lo, hi := -1, -1
			for p := first; p <= last; p++ {
				_, t := r.Unit.span(p)
				if r.Period.Contains(t.AddDays(-1)) {
					if lo < 0 {
						lo = p
					}
					hi = p
				}
			}
			if lo < 0 {
				continue
			}
			fr := freqRule{r: r, first: lo, n: hi - lo + 1}
			for p := lo; p <= hi; p++ {
				f, t := r.Unit.span(p)
				fr.labels, fr.from, fr.to = append(fr.labels, r.Unit.Label(p)), append(fr.from, f), append(fr.to, t)
			}
			fr.counts = make([]uint16, len(c.ids)*fr.n)
			c.byType[r.Type] = append(c.byType[r.Type], len(c.freq))
			c.freq = append(c.freq, fr)
		}
	}
	return c, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Check reports the problem of a meeting record that no counting can use:
// an invalid type, a missing date or organization, a count out of range,
// more present than expected. The readers report these per cell; Check is
// for records built in code.
func (m *Meeting) Check() *dangjian.Problem {
	bad := func(k *dangjian.Kind, path, value, detail string) *dangjian.Problem {
		return &dangjian.Problem{Kind: k, Path: path, ID: m.ID, Line: m.Line, Value: value, Detail: detail}
	}
	switch {
	case m.Org == "":
		return bad(dangjian.ErrMissing, "org_id", "", "a meeting names its organization")
	case !m.Type.IsValid():
		return bad(dangjian.ErrInvalid, "type", "", "a meeting has a type")
	case m.Date.IsZero():
		return bad(dangjian.ErrMissing, "date", "", "a meeting has a date")
	case m.Year < 0 || m.Year > 9999:
		return bad(dangjian.ErrInvalid, "year", strconv.Itoa(m.Year), "a 年度 is a year")
	}
	for _, a := range m.Also {
		if !a.IsValid() {
			return bad(dangjian.ErrInvalid, "also", "", "a combined type is a meeting type")
		}
	}
	for _, n := range []struct {
		path string
		v    int64
	}{{"expected", m.Expected}, {"present", m.Present}, {"voting_expected", m.VotingExpected}, {"voting_present", m.VotingPresent}} {
		switch {
		case n.v < 0:
			return bad(dangjian.ErrNegative, n.path, strconv.FormatInt(n.v, 10), "")
		case n.v > MaxCount:
			return bad(dangjian.ErrOverflow, n.path, strconv.FormatInt(n.v, 10), "at most 1,000,000,000")
		}
	}
	switch {
	case m.Expected == 0:
		return bad(dangjian.ErrInvalid, "expected", "0", "a meeting expects at least one member")
	case m.Present > m.Expected:
		return bad(dangjian.ErrInconsistent, "present", strconv.FormatInt(m.Present, 10), "more present than expected")
	case m.Voting && m.VotingPresent > m.VotingExpected:
		return bad(dangjian.ErrInconsistent, "voting_present", strconv.FormatInt(m.VotingPresent, 10), "more members with a vote present than expected")
	case m.Voting && m.VotingExpected > m.Expected:
		return bad(dangjian.ErrInconsistent, "voting_expected", strconv.FormatInt(m.VotingExpected, 10), "more members with a vote than members expected")
	case m.Voting && m.VotingExpected == 0:
		return bad(dangjian.ErrInvalid, "voting_expected", "0", "a vote expects at least one member with a vote")
	case m.Voting && m.VotingPresent > m.Present:
		return bad(dangjian.ErrInconsistent, "voting_present", strconv.FormatInt(m.VotingPresent, 10), "more members with a vote present than members present")
	}
	return nil
}

// Add counts one meeting. It returns a problem, and counts nothing, for a
// record [Meeting.Check] refuses (kind [dangjian.ErrInvalid] or narrower)
// or whose organization the tree does not have ([dangjian.ErrUnknownRef],
// Path "org_id"). A meeting dated outside the window counts for nothing
// (unless its 年度 label puts it in a yearly period of the window for a
// rule that counts by the label).
//
// For a meeting dated in the window, each quorum rule of a type the
// meeting counts as (its type, or one it was combined with), in force on
// its date, for the organization's kind, is checked: a failure is a finding, and a rule that voids the sitting
// makes it count for nothing. The meeting then counts once for each
// frequency rule it may discharge (its own type, or a type it was combined
// with whose rule accepts its type).
func (c *Checker) Add(m Meeting) error {
	if p := m.Check(); p != nil {
		return p
	}
	o, ok := c.lookup(m.Org)
	if !ok {
		return &dangjian.Problem{Kind: dangjian.ErrUnknownRef, Path: "org_id", ID: m.ID, Line: m.Line, Value: m.Org,
			Detail: "no organization with this id in the tree"}
	}
	c.meetings++
	void := false
	inWindow := !m.Date.Before(c.from) && m.Date.Before(c.to)
	for t := Type(1); inWindow && t < numTypes; t++ {
		if len(c.quorum[t]) == 0 || !m.has(t) {
			continue
		}
		for _, i := range c.quorum[t] {
			r := &c.rules[i]
			if !r.Period.Contains(m.Date) || !r.appliesTo(c.kinds[o]) {
				continue
			}
			present, expected, field := m.Present, m.Expected, "present"
			if r.Basis == Voting {
				if !m.Voting {
					continue
				}
				present, expected, field = m.VotingPresent, m.VotingExpected, "voting_present"
			}
			if r.meets(present, expected) {
				continue
			}
			void = void || r.Voids
			c.qfail[int64(o)<<8|int64(t)]++
			c.fails = append(c.fails, qFail{org: o, rule: int32(i), date: m.Date, voting: field == "voting_present", line: m.Line,
				present: present, expected: expected, id: strings.Clone(m.ID)})
		}
	}
	if void {
		return nil
	}
	for t := Type(1); t < numTypes; t++ {
		if !m.has(t) {
			continue
		}
		for _, i := range c.byType[t] {
			fr := &c.freq[i]
			if !fr.r.countsFor(&m) || !fr.r.appliesTo(c.kinds[o]) {
				continue
			}
			d := m.Date
			if fr.r.ByYearLabel && m.Year != 0 {
				d = dangjian.NewDate(m.Year, 1, 1)
			}
			p := fr.r.Unit.index(d) - fr.first
			if p < 0 || p >= fr.n {
				continue
			}
			if k := int(o)*fr.n + p; fr.counts[k] < 0xFFFF {
				fr.counts[k]++
			}
		}
	}
	return nil
}

// lookup returns the position of the organization the caller's id names.
// The last id looked up is kept: meeting records usually come grouped by
// organization, and an id that is not a UUID is hashed to find it.
func (c *Checker) lookup(id string) (int32, bool) {
	if id == c.lastKey && id != "" {
		return c.lastPos, true
	}
	u, ok := c.tree.Lookup(id)
	if !ok {
		return 0, false
	}
	o := c.index[u]
	c.lastKey, c.lastPos = strings.Clone(id), o
	return o, true
}

// Tree returns the tree the checker counts over.
func (c *Checker) Tree() *orgmodel.Tree { return c.tree }

// Window returns the checker's window [from, to).
func (c *Checker) Window() (from, to dangjian.Date) { return c.from, c.to }

// Meetings returns the number of meetings counted (those Add accepted).
func (c *Checker) Meetings() int64 { return c.meetings }

func (c *Checker) quorumFinding(q *qFail) dangjian.Finding {
	r := &c.rules[q.rule]
	field, present, expected := "present", q.present, q.expected
	if q.voting {
		field = "voting_present"
	}
	what := "members"
	if r.Basis == Voting {
		what = "members with a vote"
	}
	cmpText := "at least"
	if r.Cmp == dangjian.MoreThan {
		cmpText = "more than"
	}
	msg := fmt.Sprintf("%s on %s: %d of %d %s present, the quorum is %s %d/%d", r.Type.Label(), q.date, present, expected, what, cmpText, r.Num, r.Den)
	if r.Voids {
		msg += "; the sitting is not held"
	}
	if q.id != "" {
		msg += " (meeting " + strconv.Quote(q.id) + ")"
	}
	return dangjian.Finding{Rule: r.ID, Severity: dangjian.SeverityOf(r.Modality), Subject: c.tree.IDText(c.ids[q.org]),
		Ref: r.Type.String(), Field: field, Value: strconv.FormatInt(present, 10) + "/" + strconv.FormatInt(expected, 10),
		On: q.date, Line: q.line, Message: msg, Source: r.Source}
}

// PeriodCount is what one organization owed and held under one frequency
// rule in one period: the per-period counts a bridge into a scoring scheme
// reads.
type PeriodCount struct {
	// Org is the caller's id of the organization; Pos its position in the
	// tree's pre-order.
	Org  string
	Pos  int
	Rule string
	Type Type
	// Unit is the rule's unit and Source its citation.
	Unit   Unit
	Source dangjian.Source
	// Period is the period's label ("2024-03", "2024-Q1", "2024-H2",
	// "2024"); [From, To) its days.
	Period   string
	From, To dangjian.Date
	Required int
	Held     int
	// Shortfall is Required − Held, or 0 when as many or more were held:
	// one period's surplus never covers another's shortfall.
	Shortfall int
}

// Periods yields, for each organization in the tree's pre-order and each
// frequency rule that applies to it (in rule-set order), each period of
// the window in which something was owed or held.
func (c *Checker) Periods() iter.Seq[PeriodCount] {
	return func(yield func(PeriodCount) bool) {
		for o := range c.ids {
			key := ""
			for i := range c.freq {
				fr := &c.freq[i]
				if !fr.r.appliesTo(c.kinds[o]) {
					continue
				}
				for p := range fr.n {
					req := c.required(int32(o), fr, p)
					held := int(fr.counts[o*fr.n+p])
					if req == 0 && held == 0 {
						continue
					}
					if key == "" {
						key = c.tree.IDText(c.ids[o])
					}
					pc := PeriodCount{Org: key, Pos: o, Rule: fr.r.ID, Type: fr.r.Type, Unit: fr.r.Unit, Source: fr.r.Source, Period: fr.labels[p],
						From: fr.from[p], To: fr.to[p], Required: req, Held: held, Shortfall: max(req-held, 0)}
					if !yield(pc) {
						return
					}
				}
			}
		}
	}
}

// required returns what organization o owes under fr in its p-th period.
func (c *Checker) required(o int32, fr *freqRule, p int) int {
	from, to := fr.from[p], fr.to[p]
	h := c.hist[o]
	if h == nil {
		if fr.r.MinFull > 0 && c.full[o] < fr.r.MinFull {
			return 0
		}
		return fr.r.Count
	}
	n, q := 0, 0
	last := false
	for d := from; d.Before(to); d = d.AddDays(1) {
		n++
		ok := c.qualifies(o, h, fr.r.MinFull, d)
		if ok {
			q++
		}
		last = ok
	}
	return fr.r.Partial.required(fr.r.Count, q, n, last)
}

// qualifies reports whether organization o exists on d and meets minFull.
func (c *Checker) qualifies(o int32, h *History, minFull int64, d dangjian.Date) bool {
	if (!h.Founded.IsZero() && d.Before(h.Founded)) || (!h.Dissolved.IsZero() && !d.Before(h.Dissolved)) {
		return false
	}
	if minFull == 0 {
		return true
	}
	if !h.CommitteeFrom.IsZero() && d.Before(h.CommitteeFrom) {
		return false
	}
	full := c.full[o]
	for _, s := range h.Full {
		if s.On.After(d) {
			break
		}
		full = s.Full
	}
	return full >= minFull
}

// Tally sums one organization's periods of one type over the window.
type Tally struct {
	Org            string `json:"org"`
	Name           string `json:"name,omitempty"`
	Type           Type   `json:"type"`
	Required       int    `json:"required"`
	Held           int    `json:"held"`
	Shortfall      int    `json:"shortfall"`
	QuorumFailures int    `json:"quorumFailures"`
}

// Summary returns per organization (in the tree's pre-order) and per type
// (in type order) the meetings required, held and short over the window,
// summed over periods, and the quorum failures; organizations and types
// with none of these are left out. Only types a frequency rule asks for
// are counted as held.
func (c *Checker) Summary() []Tally {
	type key struct {
		o int
		t Type
	}
	sums := map[key]*Tally{}
	var order []key
	get := func(o int, org string, t Type) *Tally {
		k := key{o, t}
		if s := sums[k]; s != nil {
			return s
		}
		s := &Tally{Org: org, Name: c.tree.PathString(c.ids[o]), Type: t}
		sums[k] = s
		order = append(order, k)
		return s
	}
	for pc := range c.Periods() {
		s := get(pc.Pos, pc.Org, pc.Type)
		s.Required += pc.Required
		s.Held += pc.Held
		s.Shortfall += pc.Shortfall
	}
	for k, n := range c.qfail {
		o, t := int(k>>8), Type(k&0xFF)
		get(o, c.tree.IDText(c.ids[o]), t).QuorumFailures += n
	}
	slices.SortFunc(order, func(a, b key) int { return cmp.Or(cmp.Compare(a.o, b.o), cmp.Compare(a.t, b.t)) })
	out := make([]Tally, len(order))
	for i, k := range order {
		out[i] = *sums[k]
	}
	return out
}

// Findings returns the findings: per organization, in the tree's
// pre-order, first one per period with a shortfall (in rule-set order,
// then period order), then one per quorum failure (by date, then line).
//
// A shortfall finding carries the frequency rule's ID, severity and
// source; Subject is the organization's id as the tree file writes it,
// Name its path and Line its line in the tree file; Ref is the meeting
// type's code; the period is carried as Field "period" with Value its
// label ("2024-Q1") and On its first day. A quorum finding carries the
// quorum rule; Ref the type, Field "present" or "voting_present", Value
// "present/expected", On the meeting's date and Line the meeting's line in
// the meetings file.
func (c *Checker) Findings() []dangjian.Finding {
	var out []dangjian.Finding
	_ = c.FindingsFunc(func(f *dangjian.Finding) error {
		out = append(out, *f)
		return nil
	})
	return out
}

// QuorumFailures returns the number of quorum failures counted so far:
// the quorum findings [Checker.Findings] will give.
func (c *Checker) QuorumFailures() int { return len(c.fails) }

// FindingsFunc is [Checker.Findings] for a caller that handles each
// finding as it comes (writes it out, counts it) rather than keeping
// them all: it calls each with every finding in turn, in the order of
// Findings, and keeps none of them, so that its memory does not grow with
// the shortfalls (beyond one name per organization at a time and a sorted
// copy of the quorum failures' compact records). The finding each is
// given is valid only during the call. An error of each stops the
// findings and is returned.
func (c *Checker) FindingsFunc(each func(*dangjian.Finding) error) error {
	nameOrg, nameText := -1, ""
	name := func(o int) string {
		if o != nameOrg {
			nameOrg, nameText = o, c.tree.PathString(c.ids[o])
		}
		return nameText
	}
	qs := slices.Clone(c.fails)
	slices.SortStableFunc(qs, func(a, b qFail) int {
		return cmp.Or(cmp.Compare(a.org, b.org), a.date.Compare(b.date), cmp.Compare(a.line, b.line))
	})
	q := 0
	flush := func(upTo int) error {
		for ; q < len(qs) && int(qs[q].org) <= upTo; q++ {
			f := c.quorumFinding(&qs[q])
			f.Name = name(int(qs[q].org))
			if err := each(&f); err != nil {
				return err
			}
		}
		return nil
	}
	for pc := range c.Periods() {
		if err := flush(pc.Pos - 1); err != nil {
			return err
		}
		if pc.Shortfall == 0 {
			continue
		}
		r, _ := c.rule(pc.Rule)
		org, _ := c.tree.Org(c.ids[pc.Pos])
		f := dangjian.Finding{Rule: r.ID, Severity: dangjian.SeverityOf(r.Modality), Subject: pc.Org,
			Name: name(pc.Pos), Ref: r.Type.String(), Field: "period", Value: pc.Period, On: pc.From, Line: org.Line,
			Message: fmt.Sprintf("%s: %d held in %s, %d required (short %d)", r.Type.Label(), pc.Held, pc.Period, pc.Required, pc.Shortfall),
			Source:  r.Source}
		if err := each(&f); err != nil {
			return err
		}
	}
	return flush(len(c.ids))
}

func (c *Checker) rule(id string) (*Rule, bool) {
	for i := range c.rules {
		if c.rules[i].ID == id {
			return &c.rules[i], true
		}
	}
	return nil, false
}
