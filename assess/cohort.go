package assess

import (
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/dangjian-go/dangjian/internal/rat"
)

// Cohort is a scored cohort kept compactly, for a ranking as large as a
// country's: of each subject it keeps only what the ranking prints and
// what ordering it needs (its ID, category, total, tie-break keys and the
// text of its row: its components' scores, bonus, band, grade,
// eligibility and remarks), under 100 bytes a subject, not its [Result].
// Add the results as they are scored, then [Cohort.Finish] grades and
// ranks them; [Cohort.Rows] and [Cohort.WriteCSV] give the same rows as a
// [Ranking] of the same results.
//
// A Cohort grades under a policy as [Grader.Grade] does: each subject's
// own grading (band, gates, vote-share rules) as it is added, then the
// quotas over the cohort's order, keeping only the demotions; with no
// policy it ranks by total as [NewRanking] does. It keeps no steps'
// reasons, so it gives rows, not a [Grading]: for the steps, the grades
// barred and overrides, grade the results with [NewRanking].
type Cohort struct {
	sc *Scorer
	g  *Grader
	nk int // tie-break keys

	n       int
	recs    [][]crec  // blocks of cohortBlock records
	keys    [][]int64 // blocks of cohortBlock×nk tie-break values, ×fixedScale
	exact   map[int32]*exactVals
	text    [][]byte // blocks of the IDs' and the rows' bytes
	cats    []string
	catIdx  map[string]uint32
	names   []string // the bands' and grades' names; names[0] is ""
	nameIdx map[string]uint16

	seen    map[string]int // prepare's duplicate check, emptied after each subject
	ps      problems
	psAt    []int32 // the subject index of each problem in ps
	ungSeen map[string]bool

	bars    map[int32]uint64  // the grades barred to a subject (bit gi), where some are
	demoted map[int32][]qstep // the quota demotions of a subject, where it has some

	order  []int32
	groups []GroupSummary
	done   bool
}

const (
	cohortBlock = 4096
	textBlock   = 1 << 20
	// fixedScale is the scale of a total or a key kept as an integer:
	// one that is not a whole number of millionths is kept exact in
	// Cohort.exact.
	fixedScale = 1_000_000
)

// crec is one subject of a Cohort.
type crec struct {
	total       int64 // ×fixedScale, unless flagExact
	text        tref  // the ID, then the row's cells after the total
	cat         uint32
	rank        int32
	idLen       uint32
	band, grade uint16 // in Cohort.names
	flags       uint8
}

const (
	flagGraded = 1 << iota
	flagEligible
	flagExact // the total and the keys are in Cohort.exact
)

// qstep is a quota's demotion of a subject: from the quota's grade to a
// lower one (grade indices).
type qstep struct{ from, to uint8 }

// exactVals are a subject's total and keys that are not whole millionths.
type exactVals struct {
	total rat.Rat
	keys  []rat.Rat
}

// tref is text in a Cohort's blocks.
type tref struct {
	block, off, n uint32
}

const rowSep = "\x1f"

// toFixed returns r × fixedScale, when that is a whole int64.
func toFixed(r rat.Rat) (int64, bool) {
	if r.D <= 0 || fixedScale%r.D != 0 {
		return 0, false
	}
	m := fixedScale / r.D
	v := r.N * m
	if v/m != r.N {
		return 0, false
	}
	return v, true
}

func fromFixed(v int64) rat.Rat {
	r, _ := rat.New(v, fixedScale)
	return r
}

// NewCohort returns an empty cohort scored by sc, graded by g or, with a
// nil g, ranked by total. A policy of more than 64 grades is a problem of
// kind [ErrInput]: use [NewRanking].
func NewCohort(sc *Scorer, g *Grader) (*Cohort, error) {
	c := &Cohort{sc: sc, g: g, catIdx: map[string]uint32{}, seen: map[string]int{}, ungSeen: map[string]bool{},
		names: []string{""}, nameIdx: map[string]uint16{"": 0}, exact: map[int32]*exactVals{},
		bars: map[int32]uint64{}, demoted: map[int32][]qstep{}}
	if g != nil {
		if len(g.p.Grades) > 64 {
			return nil, problemf(ErrInput, "a policy of more than 64 grades needs the whole results: use NewRanking")
		}
		c.nk = len(g.keys)
	}
	return c, nil
}

// name returns the index of a band's or grade's name.
func (c *Cohort) name(s string) uint16 {
	if i, ok := c.nameIdx[s]; ok {
		return i
	}
	c.names = append(c.names, s)
	c.nameIdx[s] = uint16(len(c.names) - 1)
	return uint16(len(c.names) - 1)
}

// put stores b in the text blocks.
func (c *Cohort) put(b []byte) tref {
	k := len(c.text) - 1
	if k < 0 || len(c.text[k])+len(b) > cap(c.text[k]) {
		c.text = append(c.text, make([]byte, 0, max(textBlock, len(b))))
		k++
	}
	off := len(c.text[k])
	c.text[k] = append(c.text[k], b...)
	return tref{block: uint32(k), off: uint32(off), n: uint32(len(b))}
}

func (c *Cohort) bytesOf(t tref) []byte { return c.text[t.block][t.off : t.off+t.n] }

func (c *Cohort) rec(i int) *crec { return &c.recs[i/cohortBlock][i%cohortBlock] }

// id returns a subject's ID, as bytes of the cohort's text.
func (c *Cohort) id(i int) []byte {
	r := c.rec(i)
	return c.bytesOf(r.text)[:r.idLen]
}

func (c *Cohort) keyv(i int) []int64 {
	b := c.keys[i/cohortBlock]
	j := (i % cohortBlock) * c.nk
	return b[j : j+c.nk : j+c.nk]
}

// total returns a subject's total.
func (c *Cohort) total(i int) rat.Rat {
	r := c.rec(i)
	if r.flags&flagExact != 0 {
		return c.exact[int32(i)].total
	}
	return fromFixed(r.total)
}

// cmpTotal compares the totals of subjects a and b.
func (c *Cohort) cmpTotal(a, b int) int {
	ra, rb := c.rec(a), c.rec(b)
	if (ra.flags|rb.flags)&flagExact == 0 {
		return cmpInt(ra.total, rb.total)
	}
	return c.total(a).Cmp(c.total(b))
}

// cmpKey compares key k of subjects a and b.
func (c *Cohort) cmpKey(k, a, b int) int {
	ra, rb := c.rec(a), c.rec(b)
	if (ra.flags|rb.flags)&flagExact == 0 {
		return cmpInt(c.keyv(a)[k], c.keyv(b)[k])
	}
	return c.keyRat(k, a).Cmp(c.keyRat(k, b))
}

func (c *Cohort) keyRat(k, i int) rat.Rat {
	if c.rec(i).flags&flagExact != 0 {
		return c.exact[int32(i)].keys[k]
	}
	return fromFixed(c.keyv(i)[k])
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Len returns the number of subjects added.
func (c *Cohort) Len() int { return c.n }

// Add keeps what the ranking needs of a subject's result, which may be
// reused afterwards. Under a policy the subject's own grading (its band,
// gates and vote-share rules) is worked out now; its problems are
// [Cohort.Finish]'s.
func (c *Cohort) Add(res *Result) {
	i := c.n
	c.n++
	if i%cohortBlock == 0 {
		c.recs = append(c.recs, make([]crec, 0, cohortBlock))
		if c.nk > 0 {
			c.keys = append(c.keys, make([]int64, cohortBlock*c.nk))
		}
	}
	var r crec
	cat, ok := c.catIdx[res.Category]
	if !ok {
		cat = uint32(len(c.cats))
		c.cats = append(c.cats, res.Category)
		c.catIdx[res.Category] = cat
	}
	r.cat = cat
	if res.Eligible {
		r.flags |= flagEligible
	}
	total := res.Total.rat()
	var keys []rat.Rat
	band, grade := res.Grade, res.Grade
	rm := RankedRow{Result: res}
	if c.g != nil {
		first := len(c.ps.list)
		s := c.g.prepare(i, res, c.seen, &c.ps)
		delete(c.seen, res.Subject)
		for range c.ps.list[first:] {
			c.psAt = append(c.psAt, int32(i))
		}
		if c.g.ungSub[res.Subject] {
			c.ungSeen[res.Subject] = true
		}
		keys = s.keyv
		var bars uint64
		for gi, rule := range s.bars {
			if rule != "" {
				bars |= 1 << gi
			}
		}
		if bars != 0 {
			c.bars[int32(i)] = bars
		}
		band, grade = "", "-"
		if s.graded {
			r.flags |= flagGraded
			band, grade = c.g.p.Grades[s.band], c.g.p.Grades[s.cur]
		}
		rm.Graded = &Graded{Ungraded: !s.graded, Steps: s.steps}
	}
	r.band, r.grade = c.name(band), c.name(grade)
	exact := false
	if r.total, ok = toFixed(total); !ok {
		exact = true
	}
	for k, v := range keys {
		if c.keyv(i)[k], ok = toFixed(v); !ok {
			exact = true
		}
	}
	if exact {
		r.flags |= flagExact
		c.exact[int32(i)] = &exactVals{total: total, keys: slices.Clone(keys)}
	}
	text := []byte(res.Subject)
	r.idLen = uint32(len(text))
	for _, cr := range res.Components {
		text = append(append(text, cr.Score.String()...), rowSep...)
	}
	text = append(append(text, res.Bonus.String()...), rowSep...)
	text = append(text, strings.Join(rm.Remarks(), "; ")...)
	r.text = c.put(text)
	c.recs[len(c.recs)-1] = append(c.recs[len(c.recs)-1], r)
}

// Finish grades and ranks the cohort, once every result is added, as
// [Grader.Grade] (or, without a policy, [NewRanking]) does, with the same
// problems.
func (c *Cohort) Finish() error {
	if c.done {
		return nil
	}
	c.done = true
	if c.g != nil {
		if err := c.check(); err != nil {
			return err
		}
	}
	c.order = make([]int32, c.n)
	for i := range c.order {
		c.order[i] = int32(i)
	}
	if c.g == nil {
		slices.SortStableFunc(c.order, func(a, b int32) int {
			if x := c.cmpTotal(int(b), int(a)); x != 0 {
				return x
			}
			return bytes.Compare(c.id(int(a)), c.id(int(b)))
		})
		for k, i := range c.order {
			r := c.rec(int(i))
			r.rank = int32(k + 1)
			if k > 0 && c.cmpTotal(int(i), int(c.order[k-1])) == 0 {
				r.rank = c.rec(int(c.order[k-1])).rank
			}
		}
		return nil
	}
	var ps problems
	slices.SortFunc(c.order, func(a, b int32) int {
		if c.g.p.PerCategory {
			if x := strings.Compare(c.cats[c.rec(int(a)).cat], c.cats[c.rec(int(b)).cat]); x != 0 {
				return x
			}
		}
		if x := c.cmpKeys(int(a), int(b)); x != 0 {
			return x
		}
		return bytes.Compare(c.id(int(a)), c.id(int(b)))
	})
	for lo := 0; lo < len(c.order); {
		hi := lo + 1
		if c.g.p.PerCategory {
			cat := c.cats[c.rec(int(c.order[lo])).cat]
			for hi < len(c.order) && c.cats[c.rec(int(c.order[hi])).cat] == cat {
				hi++
			}
		} else {
			hi = len(c.order)
		}
		c.applyQuotas(c.order[lo:hi], &ps)
		c.rankGroup(c.order[lo:hi])
		lo = hi
	}
	if len(ps.list) > 0 {
		return ps.withIDs("results", func(i int) string { return string(c.id(i)) })
	}
	c.summarize()
	return nil
}

// gradeIdx returns a graded subject's current grade index.
func (c *Cohort) gradeIdx(r *crec) int { return c.g.index[c.names[r.grade]] }

// applyQuotas applies the quotas to one group in the cohort's order, as
// [Grader.applyQuotas] does, keeping only the demotions (the steps that
// keep a tied subject change no grade, remark or count).
func (c *Cohort) applyQuotas(members []int32, ps *problems) {
	g := c.g
	graded, all := 0, len(members)
	for _, i := range members {
		if c.rec(int(i)).flags&flagGraded != 0 {
			graded++
		}
	}
	var pool []int32
	for gi, q := range g.quotas {
		if q == nil {
			continue
		}
		base := graded
		if q.Base == BaseAll {
			base = all
		}
		allowed, err := q.allowed(base)
		if err != nil {
			ps.addAt("quotas["+strconv.Itoa(g.quotaIdx[gi])+"].max", q.Max.String(), err)
			continue
		}
		pool = pool[:0]
		for _, i := range members {
			if r := c.rec(int(i)); r.flags&flagGraded != 0 && c.gradeIdx(r) == gi {
				pool = append(pool, i)
			}
		}
		if len(pool) <= allowed {
			continue
		}
		keep := allowed
		if allowed > 0 && c.cmpKeys(int(pool[allowed-1]), int(pool[allowed])) == 0 {
			last := int(pool[allowed-1])
			switch q.Ties {
			case TiesAllIn:
				for keep < len(pool) && c.cmpKeys(last, int(pool[keep])) == 0 {
					keep++
				}
			case TiesAllOut:
				for keep > 0 && c.cmpKeys(last, int(pool[keep-1])) == 0 {
					keep--
				}
			}
		}
		for _, i := range pool[keep:] {
			next := -1
			for j := gi + 1; j < len(g.p.Grades); j++ {
				if c.bars[i]&(1<<j) == 0 {
					next = j
					break
				}
			}
			if next < 0 {
				ps.addf("results["+strconv.Itoa(int(i))+"]", string(c.id(int(i))), ErrInput,
					"over the quota for %s, but the subject may take no lower grade", q.Grade)
				continue
			}
			c.demoted[i] = append(c.demoted[i], qstep{from: uint8(gi), to: uint8(next)})
			c.rec(int(i)).grade = c.name(g.p.Grades[next])
		}
	}
}

// check reports what Grade's checks report: the subjects' own problems,
// a subject ID repeated, an ungraded subject not in the cohort.
func (c *Cohort) check() error {
	byID := make([]int32, c.n)
	for i := range byID {
		byID[i] = int32(i)
	}
	slices.SortFunc(byID, func(a, b int32) int {
		if x := bytes.Compare(c.id(int(a)), c.id(int(b))); x != 0 {
			return x
		}
		return int(a - b)
	})
	dup := map[int32]int32{} // a repeated subject → its first
	for k := 1; k < len(byID); k++ {
		a, b := c.id(int(byID[k-1])), c.id(int(byID[k]))
		if len(b) > 0 && bytes.Equal(a, b) {
			first := byID[k-1]
			if f, ok := dup[first]; ok {
				first = f
			}
			dup[byID[k]] = first
		}
	}
	byID = nil
	if len(dup) == 0 && len(c.ps.list) == 0 && (c.g.p.Ungraded == nil || len(c.ungSeen) == len(c.g.ungSub)) {
		return nil
	}
	var ps problems
	dups := make([]int32, 0, len(dup))
	for i := range dup {
		dups = append(dups, i)
	}
	slices.Sort(dups)
	k := 0
	for _, i := range dups {
		for k < len(c.ps.list) && c.psAt[k] < i {
			ps.list = append(ps.list, c.ps.list[k])
			k++
		}
		ps.addf("results["+strconv.Itoa(int(i))+"].subject", string(c.id(int(i))), ErrDuplicate, "also results[%d]", dup[i])
	}
	ps.list = append(ps.list, c.ps.list[k:]...)
	if u := c.g.p.Ungraded; u != nil {
		for k, id := range u.Subjects {
			if !c.ungSeen[id] {
				ps.addf("ungraded.subjects["+strconv.Itoa(k)+"]", id, ErrUnknownRef, "not a subject of the cohort")
			}
		}
	}
	if len(ps.list) == 0 {
		return nil
	}
	return ps.withIDs("results", func(i int) string { return string(c.id(i)) })
}

// cmpKeys compares subjects a and b as [Grader.cmpKeys] does.
func (c *Cohort) cmpKeys(a, b int) int {
	if x := c.cmpTotal(b, a); x != 0 {
		return x
	}
	for k, key := range c.g.keys {
		var x int
		if key.By == TieSubject {
			x = bytes.Compare(c.id(a), c.id(b))
		} else {
			x = c.cmpKey(k, a, b)
			if key.Order != Asc {
				x = -x
			}
		}
		if x != 0 {
			return x
		}
	}
	return 0
}

// rankGroup ranks the graded members of one group, as [Grader.rank].
func (c *Cohort) rankGroup(members []int32) {
	prev := -1
	n, distinct, r := 0, 0, 0
	for _, i := range members {
		s := c.rec(int(i))
		if s.flags&flagGraded == 0 {
			continue
		}
		n++
		if prev < 0 || c.cmpKeys(prev, int(i)) != 0 {
			distinct++
			r = n
			if c.g.p.Ranking == Dense {
				r = distinct
			}
		}
		s.rank = int32(r)
		prev = int(i)
	}
}

// summarize counts the grades and the quotas' use of each group, as
// [Grader.summarize] does.
func (c *Cohort) summarize() {
	g := c.g
	grades := g.p.Grades
	for lo := 0; lo < len(c.order); {
		hi := lo + 1
		cat := ""
		if g.p.PerCategory {
			cat = c.cats[c.rec(int(c.order[lo])).cat]
			for hi < len(c.order) && c.cats[c.rec(int(c.order[hi])).cat] == cat {
				hi++
			}
		} else {
			hi = len(c.order)
		}
		sum := GroupSummary{Category: cat, Subjects: hi - lo}
		final := make([]int, len(grades))
		demoted := make([]int, len(grades))
		for _, i := range c.order[lo:hi] {
			r := c.rec(int(i))
			if r.flags&flagGraded == 0 {
				continue
			}
			sum.Graded++
			final[c.gradeIdx(r)]++
			for _, d := range c.demoted[i] {
				demoted[d.from]++
			}
		}
		for gi, gr := range grades {
			sum.Grades = append(sum.Grades, GradeCount{Grade: gr, Count: final[gi]})
			q := g.quotas[gi]
			if q == nil {
				continue
			}
			base := sum.Graded
			if q.Base == BaseAll {
				base = sum.Subjects
			}
			allowed, _ := q.allowed(base) // an error was Finish's already
			u := QuotaUse{Grade: gr, Max: q.Max, Count: q.Count.orDefault(), Ties: q.Ties, Modality: q.Modality, Base: base,
				Of: q.Base.orDefault(), Reading: q.Reading, Allowed: allowed, Demoted: demoted[gi], Recommended: final[gi], Final: final[gi],
				Source: g.source(q.Source), Cites: g.quotaCites[gi]}
			u.Over = max(u.Final-u.Allowed, 0)
			sum.Quotas = append(sum.Quotas, u)
		}
		c.groups = append(c.groups, sum)
		lo = hi
	}
	if c.groups == nil {
		c.groups = []GroupSummary{}
	}
}

// Groups returns the grade counts of each group (the cohort, or each
// category under PerCategory), as [Grading].Groups has them; nil without a
// policy.
func (c *Cohort) Groups() []GroupSummary { return c.groups }

// CohortRow is one subject of a [Cohort], in the cohort's order, as text.
type CohortRow struct {
	Order, Rank int // rank 0: not graded
	Subject     string
	Category    string
	Total       string
	Components  []string // each component's score
	Bonus       string
	Band, Grade string // Grade "-" for a subject not graded
	Eligible    bool
	Remarks     string // "; " between them
}

// Rows calls fn with each subject in the cohort's order, after
// [Cohort.Finish]; an error of fn stops it and is returned.
func (c *Cohort) Rows(fn func(CohortRow) error) error {
	ncomp := len(c.sc.comps)
	for k, i := range c.order {
		r := c.rec(int(i))
		text := c.bytesOf(r.text)
		cells := strings.SplitN(string(text[r.idLen:]), rowSep, ncomp+2)
		row := CohortRow{Order: k + 1, Rank: int(r.rank), Subject: string(text[:r.idLen]), Category: c.cats[r.cat],
			Total: c.total(int(i)).String(), Components: cells[:ncomp], Bonus: cells[ncomp], Band: c.names[r.band],
			Grade: c.names[r.grade], Eligible: r.flags&flagEligible != 0, Remarks: cells[ncomp+1]}
		for _, d := range c.demoted[i] {
			rm := "quota:" + c.g.p.Grades[d.from] + " " + c.g.p.Grades[d.from] + "→" + c.g.p.Grades[d.to]
			if row.Remarks != "" {
				rm = "; " + rm
			}
			row.Remarks += rm
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}

// WriteCSV writes the cohort as [Ranking.WriteCSV] writes a ranking of the
// same results: the same header, rows and guarded text cells.
func (c *Cohort) WriteCSV(w io.Writer, text ...dangjian.CSVText) error {
	cw, err := csvtable.NewWriter(w, text...)
	if err != nil {
		return err
	}
	head := []string{"order", "rank", "subject", "category", "total"}
	for _, comp := range c.sc.comps {
		head = append(head, comp.id)
	}
	head = append(head, "bonus", "band", "grade", "eligible", "remarks")
	if err := cw.Write(head); err != nil {
		return err
	}
	rec := make([]string, 0, len(head))
	err = c.Rows(func(row CohortRow) error {
		rec = append(rec[:0], strconv.Itoa(row.Order), rankText(row.Rank), cw.Text(row.Subject), cw.Text(row.Category), row.Total)
		rec = append(rec, row.Components...)
		rec = append(rec, row.Bonus, cw.Text(row.Band), cw.Text(row.Grade), strconv.FormatBool(row.Eligible), cw.Text(row.Remarks))
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}
