package bench

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// LifeConfig sizes the national-scale organizational-life run.
type LifeConfig struct {
	// Orgs is the size of the synthetic tree (orgmodel.Synthetic;
	// national: 5.3 million).
	Orgs int
	// MeetingsPerOrg is the average number of meeting records per
	// organization of the tree (national: 38, about 200 million); they
	// go to the organizations that hold meetings (branches and party
	// groups), each getting at least the meetings the national rules ask
	// of it, most more.
	MeetingsPerOrg int
	// CSV sends the meetings through orglife's CSV reader
	// (Checker.AddCSV) from a generated stream instead of Checker.Add.
	CSV    bool
	Year   int
	Seed   uint64
	Sample time.Duration // memory sampling interval
}

// DefaultLife is the configuration of `go run ./orglife-national`.
var DefaultLife = LifeConfig{Orgs: 5_300_000, MeetingsPerOrg: 38, Year: 2024, Seed: 2024, Sample: 10 * time.Millisecond}

// LifeResult is what an organizational-life run measured and counted.
type LifeResult struct {
	Stages []StageStats
	// Orgs is the tree's size; Holding the organizations that hold
	// meetings (branches, joint branches, party groups).
	Orgs, Holding int64
	// Generated is the meetings generated; Counted those the checker
	// accepted (Checker.Meetings); BadRows the CSV rows it refused.
	Generated, Counted, BadRows int64
	// Shortfalls and Quorum are the findings: periods short, quorum
	// failures; Errors and Warnings split them by severity.
	Shortfalls, Quorum int64
	Errors, Warnings   int64
	// CheckWall and CheckCPU are the wall and CPU time of the counting
	// pass (generating and checking), PeakRSS the process's VmHWM at the
	// end.
	CheckWall, CheckCPU time.Duration
	PeakRSS             uint64
}

// lifeGen generates an organization's year of meeting records,
// deterministically from the seed and the organization's position.
type lifeGen struct {
	src     *rand.PCG
	r       *rand.Rand
	seed    uint64
	year    int
	perOrg  int
	buf     []orglife.Meeting
	reviews []orglife.Type
}

func newLifeGen(seed uint64, year, perOrg int) *lifeGen {
	src := rand.NewPCG(seed, 0)
	return &lifeGen{src: src, r: rand.New(src), seed: seed, year: year, perOrg: perOrg, reviews: []orglife.Type{orglife.Review}}
}

// holds reports whether organizations of kind k hold meetings of their
// own under the national rules.
func holds(k orgmodel.Kind) bool {
	return k == orgmodel.Branch || k == orgmodel.JointBranch || k == orgmodel.PartyGroup
}

// org appends the year's meetings of the organization at position pos to
// g.buf: what the national rules ask of its kind (a 主题党日 and, with 7 or
// more full members, a 支委会 each month; a 党员大会 each quarter, the
// fourth with a vote; a 组织生活会 combined with the 民主评议党员 and a
// 谈心谈话 each year; a 党小组会 each month for a party group), less a few
// months for one organization in five (short), with a failed quorum for
// one in ten voting 党员大会 and one in forty 支委会, then 党课 and
// 谈心谈话 up to perOrg records.
func (g *lifeGen) org(pos int, o *orgmodel.Org, id string) {
	g.src.Seed(g.seed, uint64(pos))
	r := g.r
	start := len(g.buf)
	total := max(o.Members.Total(), 3)
	full := o.Members.Full
	add := func(ty orglife.Type, month, day int, expected int64) *orglife.Meeting {
		present := expected - r.Int64N(expected*3/10+1) // 70–100 %
		g.buf = append(g.buf, orglife.Meeting{Org: id, Type: ty, Date: dangjian.NewDate(g.year, time.Month(month), day),
			Expected: expected, Present: present})
		return &g.buf[len(g.buf)-1]
	}
	var skip [13]bool
	if r.IntN(5) == 0 {
		for range 1 + r.IntN(3) {
			skip[1+r.IntN(12)] = true
		}
	}
	switch o.Kind {
	case orgmodel.PartyGroup:
		for m := 1; m <= 12; m++ {
			if !skip[m] {
				add(orglife.GroupMeeting, m, 5+r.IntN(20), total)
			}
		}
	default:
		for m := 1; m <= 12; m++ {
			if skip[m] {
				continue
			}
			add(orglife.PartyDay, m, 10+r.IntN(10), total)
			if full >= 7 {
				c := add(orglife.Committee, m, 1+r.IntN(8), 5)
				if r.IntN(40) == 0 {
					c.Present = 2 // 2 of 5: below half
				}
			}
		}
		for q := range 4 {
			mm := add(orglife.MemberMeeting, q*3+2, 1+r.IntN(25), total)
			if q == 3 {
				mm.Voting, mm.VotingExpected = true, max(full, 1)
				mm.VotingPresent = mm.VotingExpected - r.Int64N(mm.VotingExpected*3/10+1)
				if r.IntN(10) == 0 {
					mm.VotingPresent = (mm.VotingExpected - 1) / 2 // fewer than half
				}
				mm.VotingPresent = min(mm.VotingPresent, mm.Present)
			}
		}
		life := add(orglife.LifeMeeting, 12, 15+r.IntN(10), total)
		life.Also = g.reviews
		add(orglife.Talk, 1+r.IntN(12), 1+r.IntN(28), total)
	}
	for i := 0; len(g.buf)-start < g.perOrg; i++ {
		ty := orglife.Lecture
		if i%2 == 1 {
			ty = orglife.Talk
		}
		add(ty, 1+i%12, 1+r.IntN(28), total)
	}
}

// appendCSV appends m as a row of the meetings CSV (org_id, type, date,
// expected, present, voting_expected, voting_present, also).
func appendCSV(b []byte, m *orglife.Meeting) []byte {
	b = append(b, m.Org...)
	b = append(b, ',')
	b = append(b, m.Type.String()...)
	b = append(b, ',')
	b = append(b, m.Date.String()...)
	b = append(b, ',')
	b = strconv.AppendInt(b, m.Expected, 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, m.Present, 10)
	b = append(b, ',')
	if m.Voting {
		b = strconv.AppendInt(b, m.VotingExpected, 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, m.VotingPresent, 10)
	} else {
		b = append(b, ',')
	}
	b = append(b, ',')
	for i, t := range m.Also {
		if i > 0 {
			b = append(b, ';')
		}
		b = append(b, t.String()...)
	}
	return append(b, '\n')
}

// lifeBatch is how many organizations' meetings are generated before they
// are counted.
const lifeBatch = 1024

// OrgLifeNational runs a year of meeting records for a synthetic tree
// through orglife's Checker in one streaming pass and prints the cost to
// w: build the tree (orgmodel.Synthetic and Build, the records dropped
// once built), then generate each organization's meetings and count them
// (Checker.Add, or with cfg.CSV Checker.AddCSV reading a CSV stream that
// a second goroutine writes into a pipe: no file), then hand over the
// findings (Checker.FindingsFunc, counted, not kept).
func OrgLifeNational(cfg LifeConfig, w io.Writer) (*LifeResult, error) {
	if cfg.Orgs <= 0 || cfg.MeetingsPerOrg < 0 || cfg.Sample <= 0 || cfg.Year < 1 || cfg.Year > 9998 {
		return nil, fmt.Errorf("bench: OrgLifeNational: bad configuration %+v", cfg)
	}
	res := &LifeResult{}
	path := "Checker.Add"
	if cfg.CSV {
		path = "Checker.AddCSV (a generated CSV stream through a pipe: two goroutines)"
	}
	fmt.Fprintf(w, "orglife national run: %d organizations, %d meetings per organization on average, year %d, %s (go %s, GOMAXPROCS %d)\n",
		cfg.Orgs, cfg.MeetingsPerOrg, cfg.Year, path, strings.TrimPrefix(runtime.Version(), "go"), runtime.GOMAXPROCS(0))
	add := func(st StageStats, err error) error {
		res.Stages = append(res.Stages, st)
		if err != nil {
			return fmt.Errorf("stage %s: %w", st.Name, err)
		}
		return nil
	}
	var tree *orgmodel.Tree
	if err := add(stage(cfg.nat(), "orgs: synthetic + build", int64(cfg.Orgs), "org", func(*StageStats) error {
		var err error
		tree, err = orgmodel.Build(orgmodel.Synthetic(cfg.Orgs, cfg.Seed))
		return err
	})); err != nil {
		return nil, err
	}
	res.Orgs = int64(tree.Len())
	for _, o := range tree.All() {
		if holds(o.Kind) {
			res.Holding++
		}
	}
	perHolding := 0
	if res.Holding > 0 {
		perHolding = int((int64(cfg.MeetingsPerOrg)*res.Orgs + res.Holding - 1) / res.Holding)
	}
	from, to := dangjian.NewDate(cfg.Year, 1, 1), dangjian.NewDate(cfg.Year+1, 1, 1)
	c, err := orglife.NewChecker(tree, orglife.NationalRules(), from, to, orglife.Options{})
	if err != nil {
		return nil, err
	}
	g := newLifeGen(cfg.Seed, cfg.Year, perHolding)
	// each calls f with the meetings of every lifeBatch organizations in
	// turn, in the tree's pre-order.
	var genTime, workTime time.Duration
	each := func(f func([]orglife.Meeting) error) error {
		pos, n := 0, 0
		g.buf = g.buf[:0]
		call := func() error {
			t0 := time.Now()
			err := f(g.buf)
			workTime += time.Since(t0)
			g.buf, n = g.buf[:0], 0
			return err
		}
		t0 := time.Now()
		for _, o := range tree.All() {
			if holds(o.Kind) {
				g.org(pos, &o, tree.IDText(o.ID))
				n++
			}
			pos++
			if n == lifeBatch {
				genTime += time.Since(t0)
				if err := call(); err != nil {
					return err
				}
				t0 = time.Now()
			}
		}
		genTime += time.Since(t0)
		return call()
	}
	if err := add(stage(cfg.nat(), "orglife: count a year", 0, "meeting", func(st *StageStats) error {
		if cfg.CSV {
			return countCSV(c, each, res)
		}
		return each(func(ms []orglife.Meeting) error {
			for i := range ms {
				if err := c.Add(ms[i]); err != nil {
					return err
				}
			}
			res.Generated += int64(len(ms))
			return nil
		})
	})); err != nil {
		return nil, err
	}
	res.Counted = c.Meetings()
	res.Stages[len(res.Stages)-1].Units = res.Generated
	res.CheckWall, res.CheckCPU = res.Stages[len(res.Stages)-1].Wall, res.Stages[len(res.Stages)-1].CPU
	if !cfg.CSV {
		// Generating and counting alternate on one goroutine; with -csv
		// they run side by side and are not split.
		res.Stages[len(res.Stages)-1].GenTime, res.Stages[len(res.Stages)-1].WorkTime = genTime, workTime
	}
	if err := add(stage(cfg.nat(), "orglife: findings (streamed)", res.Orgs, "org", func(*StageStats) error {
		return c.FindingsFunc(func(f *dangjian.Finding) error {
			if f.Field == "period" {
				res.Shortfalls++
			} else {
				res.Quorum++
			}
			switch f.Severity {
			case dangjian.Error:
				res.Errors++
			case dangjian.Warning:
				res.Warnings++
			}
			return nil
		})
	})); err != nil {
		return nil, err
	}
	res.PeakRSS = vmHWM()
	printLife(w, res)
	return res, nil
}

// countCSV writes the meetings as CSV into a pipe from a second goroutine
// and counts them with Checker.AddCSV, within no limit on rows or bytes.
func countCSV(c *orglife.Checker, each func(func([]orglife.Meeting) error) error, res *LifeResult) error {
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		bw := bufio.NewWriterSize(pw, 1<<16)
		var row []byte
		_, err := bw.WriteString("org_id,type,date,expected,present,voting_expected,voting_present,also\n")
		if err == nil {
			err = each(func(ms []orglife.Meeting) error {
				for i := range ms {
					row = appendCSV(row[:0], &ms[i])
					if _, err := bw.Write(row); err != nil {
						return err
					}
				}
				res.Generated += int64(len(ms))
				return nil
			})
		}
		if err == nil {
			err = bw.Flush()
		}
		pw.CloseWithError(err)
		done <- err
	}()
	rows, stop := c.AddCSV(pr, dangjian.Limits{MaxBytes: -1, MaxRecords: -1})
	pr.CloseWithError(io.ErrClosedPipe) // stops the writer if the reader stopped first
	werr := <-done
	res.BadRows = int64(len(rows))
	if stop != nil {
		return stop
	}
	if werr != nil && werr != io.ErrClosedPipe {
		return werr
	}
	return nil
}

func (cfg LifeConfig) nat() NationalConfig { return NationalConfig{Sample: cfg.Sample} }

func printLife(w io.Writer, res *LifeResult) {
	fmt.Fprintf(w, "\n| stage | units | wall | per unit | CPU (user+sys) | CPU per unit | peak heap objects | peak held from the OS | peak RSS (VmHWM) |\n")
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, st := range res.Stages {
		fmt.Fprintf(w, "| %s | %d %ss | %.2f s | %s/%s | %.2f s | %s/%s | %s | %s | %s |\n", st.Name, st.Units, st.Unit, st.Wall.Seconds(),
			perUnit(st.Wall, st.Units), st.Unit, st.CPU.Seconds(), perUnit(st.CPU, st.Units), st.Unit, gib(st.PeakHeap), gib(st.PeakHeld), gib(st.VmHWM))
	}
	rate := 0.0
	if res.CheckWall > 0 {
		rate = float64(res.Counted) / res.CheckWall.Seconds()
	}
	fmt.Fprintf(w, "\norganizations %d (%d hold meetings); meetings generated %d, counted %d, bad rows %d\n",
		res.Orgs, res.Holding, res.Generated, res.Counted, res.BadRows)
	fmt.Fprintf(w, "findings %d: periods short %d, quorum failures %d (errors %d, warnings %d)\n",
		res.Shortfalls+res.Quorum, res.Shortfalls, res.Quorum, res.Errors, res.Warnings)
	for _, st := range res.Stages {
		if st.WorkTime > 0 {
			fmt.Fprintf(w, "%s: generating %.2f s, Checker.Add %.2f s (%s/%s, %.0f meetings/s) of the wall time\n", st.Name,
				st.GenTime.Seconds(), st.WorkTime.Seconds(), perUnit(st.WorkTime, st.Units), st.Unit, float64(st.Units)/st.WorkTime.Seconds())
		}
	}
	cpuRate := 0.0
	if res.CheckCPU > 0 {
		cpuRate = float64(res.Counted) / res.CheckCPU.Seconds()
	}
	fmt.Fprintf(w, "counting pass %.2f s wall, %.0f meetings/s; %.2f s CPU, %.0f meetings per CPU second (generating included); process peak RSS (VmHWM) %s\n",
		res.CheckWall.Seconds(), rate, res.CheckCPU.Seconds(), cpuRate, gib(res.PeakRSS))
}
