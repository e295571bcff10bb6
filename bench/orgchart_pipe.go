package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"time"

	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

// OrgchartPipeConfig sizes the orgchart pipeline run (bench/orgchartpipe).
type OrgchartPipeConfig struct {
	Sizes []int  // organizations per generated tree
	Seed  uint64 // orgmodel.Synthetic's seed
	Reps  int    // timed runs of each program per size (the median is shown)
	AsOf  string // the -date the pipeline validates as of
	Dir   string // where the binaries, trees and outputs go ("": a new temporary directory, removed after)
	// Chain, if positive, adds a row for a chain of that many committees,
	// each under the previous one (WriteChainTree), validated with
	// -max-depth Chain: the deepest tree, against the shallow synthetic
	// one of about ten levels.
	Chain int
}

// DefaultOrgchartPipe is the configuration of `go run ./orgchartpipe`.
var DefaultOrgchartPipe = OrgchartPipeConfig{Sizes: []int{100_000, 1_000_000}, Seed: 2024, Reps: 3, AsOf: "2025-06-30"}

// ChildRun is one run of a program as a child process.
type ChildRun struct {
	Wall    time.Duration
	PeakRSS uint64 // the child's peak resident set in bytes (wait4 rusage ru_maxrss)
	Exit    int
}

// OrgchartPipeRow is what one size measured.
type OrgchartPipeRow struct {
	Tree      string // "synthetic" or "chain"
	Orgs      int
	FileBytes int64
	Floor     []ChildRun // the floor's runs, in order
	Pipeline  []ChildRun // examples/orgchart's runs, in order
	FloorRows int        // JSON lines the floor wrote
	Findings  int        // findings examples/orgchart wrote
}

// median returns the run with the median wall time and the largest peak
// RSS of all runs.
func median(runs []ChildRun) (wall time.Duration, rss uint64) {
	ws := make([]time.Duration, len(runs))
	for i, r := range runs {
		ws[i] = r.Wall
		rss = max(rss, r.PeakRSS)
	}
	slices.Sort(ws)
	return ws[len(ws)/2], rss
}

// benchDir is the directory of this package's source: the bench module.
func benchDir() (string, error) {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("cannot locate the bench module's source")
	}
	return filepath.Dir(file), nil
}

// BuildOrgchartBinaries builds examples/orgchart (the pipeline as users run
// it) and bench/orgchartfloor into dir and returns their paths.
func BuildOrgchartBinaries(dir string) (pipeline, floor string, err error) {
	bd, err := benchDir()
	if err != nil {
		return "", "", err
	}
	pipeline = filepath.Join(dir, "orgchart")
	floor = filepath.Join(dir, "orgchartfloor")
	for _, b := range []struct{ dir, out, pkg string }{
		{filepath.Dir(bd), pipeline, "./examples/orgchart"},
		{bd, floor, "./orgchartfloor"},
	} {
		cmd := exec.Command("go", "build", "-o", b.out, b.pkg)
		cmd.Dir = b.dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", "", fmt.Errorf("go build %s: %v\n%s", b.pkg, err, out)
		}
	}
	return pipeline, floor, nil
}

// WriteOrgchartTree writes a tree of n synthetic organizations
// (orgmodel.Synthetic with seed, built and written with orgmodel.WriteCSV,
// English header) to the file path and returns its size in bytes.
func WriteOrgchartTree(path string, n int, seed uint64) (int64, error) {
	tree, err := orgmodel.Build(orgmodel.Synthetic(n, seed))
	if err != nil {
		return 0, err
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	if err := orgmodel.WriteCSV(bw, tree, uuid.Nil, orgmodel.English); err != nil {
		f.Close()
		return 0, err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// WriteChainTree writes a chain of n committees, each under the previous
// one and with no members (so each has a finding), to the file path, with a
// Chinese header, and returns its size in bytes.
func WriteChainTree(path string, n int) (int64, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	bw.WriteString("编号,上级编号,组织类别,领域,名称,正式党员,预备党员,覆盖单位数,选举日期\n")
	for i := range n {
		parent := ""
		if i > 0 {
			parent = "c" + strconv.Itoa(i-1)
		}
		fmt.Fprintf(bw, "c%d,%s,党委,,第%d委员会,0,0,,\n", i, parent, i)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	if err := f.Close(); err != nil {
		return 0, err
	}
	st, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}

// RunChild runs bin with args as a child process, its standard output
// written to the file out, and returns its wall time (the file's creation
// included), peak RSS and exit status. A status other than 0 or 1, or a
// child that cannot start, is an error with its standard error.
//
// The peak RSS is the child's VmHWM, read from /proc/<pid>/status every
// millisecond while it runs (the last reading before it exits). wait4's
// ru_maxrss is not used: Go starts a child with vfork semantics, and Linux
// folds the memory the child shared with its parent before exec into
// ru_maxrss, so a child of a parent that held 68 MiB reports at least
// 68 MiB however little it uses itself.
func RunChild(out, bin string, args ...string) (ChildRun, error) {
	var stderr bytes.Buffer
	f, err := os.Create(out)
	if err != nil {
		return ChildRun{}, err
	}
	defer f.Close()
	cmd := exec.Command(bin, args...)
	cmd.Stdout = f
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return ChildRun{}, err
	}
	status := "/proc/" + strconv.Itoa(cmd.Process.Pid) + "/status"
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var hwm uint64
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if v := vmHWMOf(status); v > hwm {
				hwm = v
			}
			select {
			case <-done:
				peak <- hwm
				return
			case <-t.C:
			}
		}
	}()
	err = cmd.Wait()
	wall := time.Since(start)
	close(done)
	r := ChildRun{Wall: wall, Exit: cmd.ProcessState.ExitCode(), PeakRSS: <-peak}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return r, err
	}
	if r.Exit != 0 && r.Exit != 1 {
		return r, fmt.Errorf("%s: exit %d: %s", filepath.Base(bin), r.Exit, bytes.TrimSpace(stderr.Bytes()))
	}
	return r, nil
}

// vmHWMOf returns VmHWM from the /proc status file path in bytes, or 0
// (no such process, or it has exited).
func vmHWMOf(path string) uint64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	_, rest, ok := bytes.Cut(b, []byte("VmHWM:"))
	if !ok {
		return 0
	}
	line, _, _ := bytes.Cut(rest, []byte("\n"))
	fs := bytes.Fields(line)
	if len(fs) == 0 {
		return 0
	}
	kb, err := strconv.ParseUint(string(fs[0]), 10, 64)
	if err != nil {
		return 0
	}
	return kb * 1024
}

// PipelineArgs are examples/orgchart's arguments: the tree in, JSON
// findings as of asOf (to standard output).
func PipelineArgs(in, asOf string) []string {
	return []string{"-in", in, "-format", "json", "-date", asOf}
}

// CountJSONFindings counts the elements of the JSON array in the file
// path, streaming it.
func CountJSONFindings(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<16))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return 0, fmt.Errorf("%s: not a JSON array (%v, %v)", path, tok, err)
	}
	n := 0
	for dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// countLines counts the newlines in the file path.
func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	buf := make([]byte, 1<<16)
	n := 0
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// OrgchartPipe builds both programs, and for each size generates the tree,
// runs the floor and the pipeline on it alternately cfg.Reps times each
// (after one untimed run of each that warms the page cache), checks their
// outputs, and prints the table to w.
func OrgchartPipe(cfg OrgchartPipeConfig, w io.Writer) ([]OrgchartPipeRow, error) {
	if cfg.Reps <= 0 {
		return nil, errors.New("reps must be positive")
	}
	dir := cfg.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "orgchartpipe-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	pipeBin, floorBin, err := BuildOrgchartBinaries(dir)
	if err != nil {
		return nil, err
	}
	type job struct {
		tree string
		n    int
	}
	var jobs []job
	for _, n := range cfg.Sizes {
		jobs = append(jobs, job{"synthetic", n})
	}
	if cfg.Chain > 0 {
		jobs = append(jobs, job{"chain", cfg.Chain})
	}
	var rows []OrgchartPipeRow
	for _, j := range jobs {
		n := j.n
		in := filepath.Join(dir, j.tree+"-"+strconv.Itoa(n)+".csv")
		args := PipelineArgs(in, cfg.AsOf)
		var size int64
		if j.tree == "chain" {
			size, err = WriteChainTree(in, n)
			args = append(args, "-max-depth", strconv.Itoa(n))
		} else {
			size, err = WriteOrgchartTree(in, n, cfg.Seed)
		}
		if err != nil {
			return rows, err
		}
		runtime.GC()
		debug.FreeOSMemory()
		row := OrgchartPipeRow{Tree: j.tree, Orgs: n, FileBytes: size}
		floorOut := filepath.Join(dir, "floor.jsonl")
		pipeOut := filepath.Join(dir, "findings.json")
		for i := -1; i < cfg.Reps; i++ {
			f, err := RunChild(floorOut, floorBin, "-in", in)
			if err != nil {
				return rows, err
			}
			p, err := RunChild(pipeOut, pipeBin, args...)
			if err != nil {
				return rows, err
			}
			if i >= 0 {
				row.Floor = append(row.Floor, f)
				row.Pipeline = append(row.Pipeline, p)
			}
		}
		if row.FloorRows, err = countLines(floorOut); err != nil {
			return rows, err
		}
		if row.FloorRows != n {
			return rows, fmt.Errorf("floor wrote %d rows of %d", row.FloorRows, n)
		}
		if row.Findings, err = CountJSONFindings(pipeOut); err != nil {
			return rows, err
		}
		os.Remove(in)
		rows = append(rows, row)
	}
	printOrgchartPipe(w, rows)
	return rows, nil
}

func printOrgchartPipe(w io.Writer, rows []OrgchartPipeRow) {
	fmt.Fprintf(w, "| tree | organizations | CSV | findings | floor | floor per org | floor peak RSS | pipeline | pipeline per org | pipeline peak RSS | ratio (time) | ratio (RSS) |\n")
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rows {
		fw, frss := median(r.Floor)
		pw, prss := median(r.Pipeline)
		fmt.Fprintf(w, "| %s | %d | %.1f MB | %d | %s | %s | %s | %s | %s | %s | %.2f× | %.1f× |\n",
			r.Tree, r.Orgs, float64(r.FileBytes)/1e6, r.Findings,
			fw.Round(time.Millisecond), perUnit(fw, int64(r.Orgs)), mib(frss),
			pw.Round(time.Millisecond), perUnit(pw, int64(r.Orgs)), mib(prss),
			float64(pw)/float64(fw), float64(prss)/float64(max(frss, 1)))
	}
	fmt.Fprintf(w, "\nruns (floor / pipeline wall, in order):\n")
	for _, r := range rows {
		fmt.Fprintf(w, "  %s %d:", r.Tree, r.Orgs)
		for i := range r.Floor {
			fmt.Fprintf(w, " %s/%s", r.Floor[i].Wall.Round(time.Millisecond), r.Pipeline[i].Wall.Round(time.Millisecond))
		}
		fmt.Fprintln(w)
	}
}

// mib formats a byte count in MiB.
func mib(b uint64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }
