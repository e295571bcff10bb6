package bench

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// NationalConfig sizes the national-scale run.
type NationalConfig struct {
	Orgs        int // organizations in the synthetic tree (national: 5.3 million)
	Members     int // members whose month of dues is computed (national: 100 million)
	Assessments int // duty reports scored (1 million)
	Batch       int // members per dues batch
	AssessBatch int // subjects per assessment batch
	Seed        uint64
	Sample      time.Duration // memory sampling interval
}

// DefaultNational is the configuration of `go run ./national`.
var DefaultNational = NationalConfig{Orgs: 5_300_000, Members: 100_000_000, Assessments: 1_000_000,
	Batch: 1_000_000, AssessBatch: 10_000, Seed: 2024, Sample: 10 * time.Millisecond}

// NationalAsOf is the date the tree is validated as of.
const NationalAsOf = "2025-06-30"

// StageStats is one stage's cost. Of a streaming stage's wall time,
// GenTime is spent generating the input and WorkTime in the library's calls
// (DuesCalculator.Batch, Scorer.Score); the rest is accumulating the totals.
type StageStats struct {
	Name  string
	Units int64
	Unit  string
	Wall  time.Duration
	// Parts splits the wall time where a stage both generates its input
	// and computes (dues, assessments).
	GenTime, WorkTime time.Duration
	PeakSys           uint64        // largest sampled /memory/classes/total:bytes (MemStats.Sys)
	PeakHeap          uint64        // largest sampled heap in objects (MemStats.HeapAlloc)
	PeakHeld          uint64        // largest sampled memory the runtime holds from the OS: Sys less the heap released to it
	VmHWM             uint64        // peak resident set during the stage, from /proc/self/status (0 when unavailable)
	CPU               time.Duration // user and system time of the process during the stage (0 when unavailable)
	HWMReset          bool          // whether the peak was reset at the start of the stage (else it is the process's)
}

// NationalResult is what a national run measured and computed.
type NationalResult struct {
	Stages []StageStats

	OrgRecords, OrgMembers int64
	Findings, Errors       int
	Warnings, Infos        int

	DuesCount    int64
	DuesTotalFen int64
	DuesByCat    map[string]int64 // members per category
	DuesFenByCat map[string]int64

	Assessed     int64
	Grades       map[string]int64
	Ineligible   int64
	Vetoed       int64
	TotalsCents  int64 // the sum of the totals, exactly, in hundredths of a point
	AssessGrades []string
}

// memSampler records the largest memory figures seen while a stage runs.
type memSampler struct {
	mu                 sync.Mutex
	sys, heap, held    uint64
	stop               chan struct{}
	done               chan struct{}
	samples            []metrics.Sample
	iTotal, iObj, iRel int
}

func newMemSampler(every time.Duration) *memSampler {
	m := &memSampler{stop: make(chan struct{}), done: make(chan struct{})}
	m.samples = []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	m.iTotal, m.iObj, m.iRel = 0, 1, 2
	m.read()
	go func() {
		defer close(m.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-m.stop:
				return
			case <-t.C:
				m.read()
			}
		}
	}()
	return m
}

func (m *memSampler) read() {
	m.mu.Lock()
	defer m.mu.Unlock()
	metrics.Read(m.samples)
	v := func(i int) uint64 {
		if m.samples[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return m.samples[i].Value.Uint64()
	}
	m.sys = max(m.sys, v(m.iTotal))
	m.heap = max(m.heap, v(m.iObj))
	m.held = max(m.held, v(m.iTotal)-v(m.iRel))
}

func (m *memSampler) finish() (sys, heap, held uint64) {
	close(m.stop)
	<-m.done
	m.read()
	return m.sys, m.heap, m.held
}

// resetHWM asks Linux to reset the process's peak resident set (VmHWM) to
// its current resident set (writing 5 to /proc/self/clear_refs, Linux 4.0
// and later). It reports whether it could.
func resetHWM() bool {
	f, err := os.OpenFile("/proc/self/clear_refs", os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = f.WriteString("5")
	return err == nil
}

// vmHWM returns VmHWM from /proc/self/status in bytes, or 0.
func vmHWM() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			fs := strings.Fields(rest)
			if len(fs) >= 1 {
				kb, err := strconv.ParseUint(fs[0], 10, 64)
				if err == nil {
					return kb * 1024
				}
			}
		}
	}
	return 0
}

// stage runs f as a measured stage.
func stage(cfg NationalConfig, name string, units int64, unit string, f func(st *StageStats) error) (StageStats, error) {
	runtime.GC()
	debug.FreeOSMemory()
	st := StageStats{Name: name, Units: units, Unit: unit}
	st.HWMReset = resetHWM()
	m := newMemSampler(cfg.Sample)
	cpu0 := cpuTime()
	start := time.Now()
	err := f(&st)
	st.Wall = time.Since(start)
	if cpu0 > 0 {
		st.CPU = cpuTime() - cpu0
	}
	st.PeakSys, st.PeakHeap, st.PeakHeld = m.finish()
	st.VmHWM = vmHWM()
	return st, err
}

// National runs the national-scale job and prints each stage's cost and the
// totals to w: build and validate a synthetic tree of cfg.Orgs
// organizations with the national rules as of 2025-06-30; compute a month
// of dues for cfg.Members members in streaming batches of cfg.Batch (each
// batch generated, computed and accumulated into reused buffers); score
// cfg.Assessments duty reports on the Yanji scheme in batches of
// cfg.AssessBatch. Everything runs on one goroutine.
func National(cfg NationalConfig, w io.Writer) (*NationalResult, error) {
	if cfg.Orgs < 0 || cfg.Members < 0 || cfg.Assessments < 0 || cfg.Batch <= 0 || cfg.AssessBatch <= 0 || cfg.Sample <= 0 {
		return nil, fmt.Errorf("bench: National: bad configuration %+v", cfg)
	}
	res := &NationalResult{DuesByCat: map[string]int64{}, DuesFenByCat: map[string]int64{}, Grades: map[string]int64{}}
	asOf, err := dangjian.ParseDate(NationalAsOf)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w, "national run: %d organizations, %d members, %d assessments (go %s, GOMAXPROCS %d, one goroutine)\n",
		cfg.Orgs, cfg.Members, cfg.Assessments, strings.TrimPrefix(runtime.Version(), "go"), runtime.GOMAXPROCS(0))
	add := func(st StageStats, err error) error {
		res.Stages = append(res.Stages, st)
		if err != nil {
			return fmt.Errorf("stage %s: %w", st.Name, err)
		}
		return nil
	}

	// 1. The organization tree.
	if cfg.Orgs > 0 {
		var recs orgmodel.Records
		var tree *orgmodel.Tree
		if err := add(stage(cfg, "orgs: synthetic", int64(cfg.Orgs), "org", func(*StageStats) error {
			recs = orgmodel.Synthetic(cfg.Orgs, cfg.Seed)
			return nil
		})); err != nil {
			return nil, err
		}
		res.OrgRecords = int64(len(recs.Orgs))
		for i := range recs.Orgs {
			res.OrgMembers += recs.Orgs[i].Members.Total()
		}
		if err := add(stage(cfg, "orgs: build", res.OrgRecords, "org", func(*StageStats) error {
			tree, err = orgmodel.Build(recs)
			return err
		})); err != nil {
			return nil, err
		}
		recs = orgmodel.Records{} // the tree holds its own copy
		var rep orgmodel.Report
		if err := add(stage(cfg, "orgs: validate", res.OrgRecords, "org", func(*StageStats) error {
			rep, err = orgmodel.Validate(tree, orgmodel.NationalRules(), asOf)
			return err
		})); err != nil {
			return nil, err
		}
		res.Findings = len(rep.Findings)
		res.Errors, res.Warnings, res.Infos = rep.Count(orgmodel.Error), rep.Count(orgmodel.Warning), rep.Count(orgmodel.Info)
		tree, rep = nil, orgmodel.Report{}
		_, _ = tree, rep
	}

	// 2. A month of dues.
	if cfg.Members > 0 {
		lib, err := NewLibraryDues(DuesRulesDate)
		if err != nil {
			return nil, err
		}
		if err := add(stage(cfg, "dues: 1 month", int64(cfg.Members), "member", func(st *StageStats) error {
			r := rand.New(rand.NewPCG(cfg.Seed, 6))
			in := make([]dues.BatchInput, min(cfg.Batch, cfg.Members))
			out := make([]funding.Money, len(in))
			var byCat, fenByCat [16]int64
			for done := 0; done < cfg.Members; {
				k := min(len(in), cfg.Members-done)
				t0 := time.Now()
				GenMembers(r, in[:k])
				t1 := time.Now()
				if err := lib.Batch(in[:k], out[:k]); err != nil {
					return err
				}
				st.GenTime += t1.Sub(t0)
				st.WorkTime += time.Since(t1)
				for i := 0; i < k; i++ {
					fenByCat[in[i].Category&15] += out[i].Fen()
					byCat[in[i].Category&15]++
				}
				done += k
			}
			for c := range byCat {
				if byCat[c] == 0 {
					continue
				}
				name := dues.Category(c).Label()
				res.DuesByCat[name] += byCat[c]
				res.DuesFenByCat[name] += fenByCat[c]
				res.DuesCount += byCat[c]
				res.DuesTotalFen += fenByCat[c]
			}
			return nil
		})); err != nil {
			return nil, err
		}
	}

	// 3. Duty reports.
	if cfg.Assessments > 0 {
		sc, err := NewLibraryScorer()
		if err != nil {
			return nil, err
		}
		res.AssessGrades = sc.S.Grades()
		if err := add(stage(cfg, "assess: yanji-shuzhi", int64(cfg.Assessments), "subject", func(st *StageStats) error {
			g := NewCohortGen(cfg.Seed)
			recs := make([]Record, min(cfg.AssessBatch, cfg.Assessments))
			subs := make([]assess.Subject, len(recs))
			results := make([]assess.Result, len(recs))
			for done := 0; done < cfg.Assessments; {
				k := min(len(recs), cfg.Assessments-done)
				t0 := time.Now()
				for i := 0; i < k; i++ {
					g.Next(&recs[i])
					s, err := recs[i].Subject()
					if err != nil {
						return err
					}
					subs[i] = s
				}
				t1 := time.Now()
				for i := 0; i < k; i++ {
					if results[i], err = sc.Score(subs[i]); err != nil {
						return err
					}
				}
				st.GenTime += t1.Sub(t0)
				st.WorkTime += time.Since(t1)
				for i := 0; i < k; i++ {
					r := &results[i]
					res.Grades[r.Grade]++
					if !r.Eligible {
						res.Ineligible++
					}
					if len(r.Gates) > 0 && r.Total.Cmp(assess.Score{}) == 0 {
						for _, gh := range r.Gates {
							if gh.Effect == assess.Zero {
								res.Vetoed++
								break
							}
						}
					}
					cents, err := centsOf(r.Total.Fixed(2))
					if err != nil {
						return err
					}
					res.TotalsCents += cents
				}
				res.Assessed += int64(k)
				done += k
			}
			return nil
		})); err != nil {
			return nil, err
		}
	}
	printNational(w, res)
	return res, nil
}

// centsOf parses a total with two decimals ("87.63") into hundredths.
func centsOf(s string) (int64, error) {
	whole, frac, ok := strings.Cut(s, ".")
	if !ok || len(frac) != 2 {
		return 0, fmt.Errorf("bench: total %q: want two decimals", s)
	}
	return strconv.ParseInt(whole+frac, 10, 64)
}

func gib(b uint64) string {
	if b < 1<<30 {
		return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
	}
	return fmt.Sprintf("%.2f GiB", float64(b)/(1<<30))
}

func perUnit(d time.Duration, n int64) string {
	if n == 0 {
		return "—"
	}
	ns := float64(d.Nanoseconds()) / float64(n)
	if ns >= 1000 {
		return fmt.Sprintf("%.1f µs", ns/1000)
	}
	return fmt.Sprintf("%.1f ns", ns)
}

func printNational(w io.Writer, res *NationalResult) {
	fmt.Fprintf(w, "\n| stage | units | wall | per unit | of which generating input | of which the library (Batch / Score) | peak heap objects | peak held from the OS | Sys | peak RSS (VmHWM) |\n")
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, st := range res.Stages {
		gen, work := "—", "—"
		if st.GenTime > 0 || st.WorkTime > 0 {
			gen = fmt.Sprintf("%.2f s (%s/%s)", st.GenTime.Seconds(), perUnit(st.GenTime, st.Units), st.Unit)
			work = fmt.Sprintf("%.2f s (%s/%s)", st.WorkTime.Seconds(), perUnit(st.WorkTime, st.Units), st.Unit)
		}
		hwm := "n/a"
		if st.VmHWM > 0 {
			hwm = gib(st.VmHWM)
			if !st.HWMReset {
				hwm += " (process)"
			}
		}
		fmt.Fprintf(w, "| %s | %d %ss | %.2f s | %s/%s | %s | %s | %s | %s | %s | %s |\n", st.Name, st.Units, st.Unit, st.Wall.Seconds(),
			perUnit(st.Wall, st.Units), st.Unit, gen, work, gib(st.PeakHeap), gib(st.PeakHeld), gib(st.PeakSys), hwm)
	}
	var peak uint64
	for _, st := range res.Stages {
		peak = max(peak, st.VmHWM)
	}
	if peak > 0 {
		fmt.Fprintf(w, "\nprocess peak RSS: %s (the largest stage peak; each stage resets VmHWM through /proc/self/clear_refs, which also resets what getrusage and /usr/bin/time report)\n", gib(peak))
	}
	if res.OrgRecords > 0 {
		fmt.Fprintf(w, "orgs: %d organizations, %d members in them; as of %s: %d findings (%d errors, %d warnings, %d infos)\n",
			res.OrgRecords, res.OrgMembers, NationalAsOf, res.Findings, res.Errors, res.Warnings, res.Infos)
	}
	if res.DuesCount > 0 {
		fmt.Fprintf(w, "dues: %d members, total %s 元 for the month", res.DuesCount, funding.Fen(res.DuesTotalFen).String())
		for _, name := range []string{"在职", "离退休", "农民"} {
			if n := res.DuesByCat[name]; n > 0 {
				fmt.Fprintf(w, "; %s %d members, %s 元", name, n, funding.Fen(res.DuesFenByCat[name]).String())
			}
		}
		fmt.Fprintln(w)
	}
	if res.Assessed > 0 {
		fmt.Fprintf(w, "assess: %d subjects;", res.Assessed)
		for _, g := range res.AssessGrades {
			fmt.Fprintf(w, " %s %d", g, res.Grades[g])
		}
		whole, frac := res.TotalsCents/100, res.TotalsCents%100
		fmt.Fprintf(w, "; not eligible for awards %d; vetoed %d; sum of totals %d.%02d\n", res.Ineligible, res.Vetoed, whole, frac)
	}
}
