package bench

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// PipelineMonth is the month the dues pipelines compute (rules 2017).
const PipelineMonth = "2024-06-01"

// GenerateDuesRoster writes a roster of n members to w: the columns id,
// name, category, base and voluntary, every category, bases from 0 to
// 30,000 元 (a few annual salaries above the cap), a voluntary payment on
// one row in twenty and a lump sum on one in a thousand. The same n and
// seed write the same bytes.
func GenerateDuesRoster(w io.Writer, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 2024))
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("id,name,category,base,voluntary\n")
	rated := []string{"employed", "employed", "employed", "retired", "retired", "self_employed", "annual_salary"}
	flat := []string{"farmer", "student", "unemployed", "low_income"}
	var line []byte
	for i := 0; i < n; i++ {
		line = append(line[:0], 'M')
		line = strconv.AppendInt(line, int64(i), 10)
		line = append(line, ",member "...)
		line = strconv.AppendInt(line, int64(i), 10)
		line = append(line, ',')
		if r.IntN(10) == 0 {
			line = append(line, flat[r.IntN(len(flat))]...)
			line = append(line, ',')
		} else {
			cat := rated[r.IntN(len(rated))]
			fen := r.Int64N(3_000_000)
			if cat == "annual_salary" && r.IntN(10) == 0 {
				fen = 5_000_000 + r.Int64N(10_000_000)
			}
			line = append(line, cat...)
			line = append(line, ',')
			line = appendYuan(line, fen)
		}
		line = append(line, ',')
		switch {
		case r.IntN(1000) == 0:
			line = appendYuan(line, 100_000+r.Int64N(500_000))
		case r.IntN(20) == 0:
			line = appendYuan(line, 1+r.Int64N(20_000))
		}
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func appendYuan(b []byte, fen int64) []byte {
	b = strconv.AppendInt(b, fen/100, 10)
	b = append(b, '.', byte('0'+fen%100/10), byte('0'+fen%10))
	return b
}

// DuesLibrary is the library's streaming pipeline as an embedder writes
// it: dues.ScanRoster, the compiled dues.Calculator.Monthly and a
// dues.LedgerWriter, with a dues.Tally. Bad rows and members the rules
// refuse are counted, not written; it returns their number. The warning
// that the repeated-ID check reached its memory budget (10M rows) is
// dropped: DuesLibraryWith passes it on.
func DuesLibrary(in io.Reader, out io.Writer) (int, error) {
	return DuesLibraryWith(in, out, dues.ScanOptions{Warn: func(*dangjian.Problem) {}})
}

// DuesLibraryWith is DuesLibrary with the roster's scan options.
func DuesLibraryWith(in io.Reader, out io.Writer, opts dues.ScanOptions) (int, error) {
	calc, err := dues.Rules2017().Compile()
	if err != nil {
		return 0, err
	}
	month := dangjian.MustParseDate(PipelineMonth)
	lw, err := dues.NewLedgerWriter(out, dangjian.English)
	if err != nil {
		return 0, err
	}
	var tally dues.Tally
	bad := 0
	err = dues.ScanRosterWith(in, opts, func(r dues.RosterRow, ps dangjian.Problems) error {
		if ps != nil {
			bad++
			return nil
		}
		d, err := calc.Monthly(r.Member, month)
		if err != nil {
			bad++
			return nil
		}
		if err := tally.Add(d); err != nil {
			return err
		}
		return lw.Write(dues.LedgerRow{Name: r.Member.Name, Dues: d})
	})
	if err != nil {
		return bad, err
	}
	return bad, lw.Flush()
}

// PipelineRun is one program's runs on one roster.
type PipelineRun struct {
	Name    string
	Wall    time.Duration // the median of the runs
	Runs    []time.Duration
	PeakRSS int64  // the largest peak resident set (VmHWM, from the child's rusage) of the runs, in bytes
	Sum     string // sha256 of the ledger written
}

// PipelineConfig says what DuesPipelines measures.
type PipelineConfig struct {
	Rows []int  // roster sizes
	Reps int    // runs per program and size
	Dir  string // where the rosters, ledgers and programs go ("": a temporary directory)
}

// DuesPipelines builds the floor (./duesfloor), the library pipeline as an
// embedder writes it (./duesstream) and the example program users run
// (examples/dues), generates a roster of each size, runs the three on the
// same file in turn, Reps times each, checks the three ledgers are the same
// bytes, and prints a table to w: time per row, the ratio to the floor
// and the peak resident set of each.
func DuesPipelines(cfg PipelineConfig, w io.Writer) error {
	dir := cfg.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "dues-pipelines-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	progs := []struct{ name, pkg string }{
		{"floor (encoding/csv, int64 fen)", "github.com/dangjian-go/dangjian/bench/duesfloor"},
		{"library (ScanRoster → Calculator.Monthly → LedgerWriter)", "github.com/dangjian-go/dangjian/bench/duesstream"},
		{"examples/dues (the program)", "github.com/dangjian-go/dangjian/examples/dues"},
	}
	bins := make([]string, len(progs))
	for i, p := range progs {
		bins[i] = filepath.Join(dir, filepath.Base(p.pkg))
		cmd := exec.Command("go", "build", "-o", bins[i], p.pkg)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build %s: %w", p.pkg, err)
		}
	}
	fmt.Fprintf(w, "| rows | roster | program | wall (median of %d) | per row | × floor | peak RSS (VmHWM) |\n|---:|---:|---|---:|---:|---:|---:|\n", cfg.Reps)
	for _, n := range cfg.Rows {
		roster := filepath.Join(dir, "roster-"+strconv.Itoa(n)+".csv")
		f, err := os.Create(roster)
		if err != nil {
			return err
		}
		if err := GenerateDuesRoster(f, n, 1); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		st, err := os.Stat(roster)
		if err != nil {
			return err
		}
		runs := make([]PipelineRun, len(progs))
		for i := range progs {
			runs[i].Name = progs[i].name
		}
		// Interleaved: one run of each program in turn, so that a slow
		// moment of the machine falls on all of them.
		for rep := 0; rep < cfg.Reps; rep++ {
			for i, bin := range bins {
				args := []string{"-in", roster}
				if i == 2 {
					args = append(args, "-date", PipelineMonth)
				}
				out := filepath.Join(dir, "ledger.csv")
				wall, rss, err := runChild(bin, args, out)
				if err != nil {
					return fmt.Errorf("%s: %w", progs[i].name, err)
				}
				sum, err := fileSum(out)
				if err != nil {
					return err
				}
				if runs[i].Sum != "" && runs[i].Sum != sum {
					return fmt.Errorf("%s wrote different ledgers on two runs", progs[i].name)
				}
				runs[i].Sum = sum
				runs[i].Runs = append(runs[i].Runs, wall)
				runs[i].PeakRSS = max(runs[i].PeakRSS, rss)
			}
		}
		for i := range runs {
			if runs[i].Sum != runs[0].Sum {
				return fmt.Errorf("%d rows: %s wrote a ledger different from the floor's", n, runs[i].Name)
			}
			rs := slices.Clone(runs[i].Runs)
			slices.SortFunc(rs, cmp.Compare)
			runs[i].Wall = rs[len(rs)/2]
		}
		for _, r := range runs {
			fmt.Fprintf(w, "| %d | %.0f MB | %s | %.3f s | %.0f ns | %.2f | %.1f MB |\n", n, float64(st.Size())/1e6, r.Name,
				r.Wall.Seconds(), float64(r.Wall.Nanoseconds())/float64(n), r.Wall.Seconds()/runs[0].Wall.Seconds(), float64(r.PeakRSS)/(1<<20))
		}
		os.Remove(roster)
	}
	fmt.Fprintln(w, "\nThe three ledgers are the same bytes on every size (sha256 checked).")
	return nil
}

// runChild runs bin with args, standard output to the file out and
// standard error discarded, and returns its wall time and peak resident
// set in bytes (the child's ru_maxrss: its VmHWM).
func runChild(bin string, args []string, out string) (time.Duration, int64, error) {
	f, err := os.Create(out)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	cmd := exec.Command(bin, args...)
	cmd.Stdout = f
	var stderr bytes.Buffer
	cmd.Stderr = &limited{b: &stderr, n: 4096}
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return 0, 0, fmt.Errorf("%w: %s", err, stderr.String())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	return wall, rss, nil
}

// limited keeps the first n bytes written to it.
type limited struct {
	b *bytes.Buffer
	n int
}

func (l *limited) Write(p []byte) (int, error) {
	if room := l.n - l.b.Len(); room > 0 {
		l.b.Write(p[:min(room, len(p))])
	}
	return len(p), nil
}

func fileSum(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
