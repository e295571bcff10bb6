// Command ratios runs each workload of the comparison once at a fixed size
// and prints, side by side, how the library's time compares with each
// alternative's and how many results each alternative gets wrong.
//
//	cd bench && go run ./ratios [-members 1048576] [-subjects 100000] [-reps 5]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian/bench"
)

func main() {
	cfg := bench.DefaultRatios
	flag.IntVar(&cfg.Members, "members", cfg.Members, "members in the dues batch")
	flag.IntVar(&cfg.Subjects, "subjects", cfg.Subjects, "subjects in the Yanji cohort")
	flag.IntVar(&cfg.Reps, "reps", cfg.Reps, "timed passes per implementation (the median is shown)")
	flag.Int64Var(&cfg.SweepFen, "sweep", cfg.SweepFen, "the dues sweep covers every base from 0 to this many fen")
	flag.IntVar(&cfg.Examples, "examples", cfg.Examples, "differing cases shown per alternative")
	flag.Parse()
	if cfg.Members <= 0 || cfg.Subjects <= 0 || cfg.Reps <= 0 || cfg.SweepFen < 0 {
		fmt.Fprintln(os.Stderr, "ratios: sizes must be positive")
		os.Exit(2)
	}
	if _, err := bench.Ratios(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "ratios:", err)
		os.Exit(1)
	}
}
