// Command pipeline-assess measures the assess pipeline beside its floor:
// on one file of n Yanji subjects (generated if missing), in one run, it
// times the floor (the encoding/json streaming decode of the file into
// plain structs, [bench.FloorDecode]) and the pipeline (the built
// examples/assess, -input FILE -format csv, writing the graded CSV to a
// file), each as a child process, best of -reps, and prints the time per
// subject, the ratio and each one's CPU time (user + system) and peak
// RSS (wait4's rusage).
//
//	cd bench && go run ./pipeline-assess [-n 100000] [-file /tmp/subjects-100k.json] [-reps 3]
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"time"

	"github.com/dangjian-go/dangjian/bench"
)

func main() {
	n := flag.Int("n", 100000, "subjects in the file")
	file := flag.String("file", "", "the subjects JSON (default: /tmp/dangjian-subjects-N.json, generated if missing)")
	seed := flag.Uint64("seed", 1, "seed of the synthetic subjects")
	reps := flag.Int("reps", 3, "runs of each, the fastest is shown")
	assessBin := flag.String("assess", "", "the built examples/assess (default: built into a temporary directory)")
	floor := flag.String("floor", "", "internal: decode this file as the floor and exit")
	flag.Parse()
	if *floor != "" {
		f, err := os.Open(*floor)
		if err != nil {
			fail(err)
		}
		k, err := bench.FloorDecode(f)
		if err != nil {
			fail(err)
		}
		fmt.Println(k)
		return
	}
	if *file == "" {
		*file = fmt.Sprintf("/tmp/dangjian-subjects-%d.json", *n)
	}
	if _, err := os.Stat(*file); err != nil {
		fmt.Fprintf(os.Stderr, "generating %s (%d subjects)\n", *file, *n)
		if err := bench.WriteSubjectsFile(*file, *n, *seed); err != nil {
			fail(err)
		}
	}
	st, err := os.Stat(*file)
	if err != nil {
		fail(err)
	}
	if *assessBin == "" {
		dir, err := os.MkdirTemp("", "pipeline-assess")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(dir)
		*assessBin = filepath.Join(dir, "assess")
		build := exec.Command("go", "build", "-o", *assessBin, "./examples/assess")
		build.Dir = ".."
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			fail(fmt.Errorf("building examples/assess: %w", err))
		}
	}
	self, err := os.Executable()
	if err != nil {
		fail(err)
	}
	out := *file + ".graded.csv"
	fl := best(*reps, func() *exec.Cmd { return exec.Command(self, "-floor", *file) })
	pl := best(*reps, func() *exec.Cmd {
		c := exec.Command(*assessBin, "-input", *file, "-format", "csv")
		o, err := os.Create(out)
		if err != nil {
			fail(err)
		}
		c.Stdout = o
		return c
	})
	fmt.Printf("file %s: %d subjects, %.1f MB; GOMAXPROCS %d, %d CPUs\n", *file, *n, float64(st.Size())/1e6, runtime.GOMAXPROCS(0), runtime.NumCPU())
	fmt.Printf("%-9s %10s %12s %10s %12s\n", "", "time", "per subject", "cpu", "peak RSS")
	for _, r := range []struct {
		name string
		m    measure
	}{{"floor", fl}, {"pipeline", pl}} {
		fmt.Printf("%-9s %10s %9.2f µs %10s %9.1f MB\n", r.name, r.m.wall.Round(time.Millisecond), float64(r.m.wall.Nanoseconds())/float64(*n)/1e3,
			r.m.cpu.Round(time.Millisecond), float64(r.m.maxRSS)/1024)
	}
	fmt.Printf("ratio pipeline/floor: %.2f× wall, %.2f× cpu (user+system)\n", float64(pl.wall)/float64(fl.wall), float64(pl.cpu)/float64(fl.cpu))
}

type measure struct {
	wall   time.Duration
	cpu    time.Duration // user + system time of the fastest run
	maxRSS int64         // KiB
}

// best runs the command reps times and returns the fastest run, with the
// largest peak RSS seen.
func best(reps int, cmd func() *exec.Cmd) measure {
	var m measure
	for i := 0; i < reps; i++ {
		c := cmd()
		if c.Stderr == nil {
			c.Stderr = os.Stderr
		}
		start := time.Now()
		err := c.Run()
		wall := time.Since(start)
		if f, ok := c.Stdout.(*os.File); ok {
			f.Close()
		}
		if err != nil {
			fail(fmt.Errorf("%s: %w", c.Path, err))
		}
		ru := c.ProcessState.SysUsage().(*syscall.Rusage)
		if m.wall == 0 || wall < m.wall {
			m.wall = wall
			m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		}
		m.maxRSS = max(m.maxRSS, ru.Maxrss)
	}
	return m
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "pipeline-assess:", err)
	os.Exit(1)
}
