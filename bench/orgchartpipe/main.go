// Command orgchartpipe times the orgchart pipeline beside its floor, on the
// same file in the same run: for each size it writes a synthetic tree
// (orgmodel.Synthetic, written with orgmodel.WriteCSV), then runs, as child
// processes, alternately, bench/orgchartfloor (encoding/csv in, one JSON
// object per row out) and examples/orgchart -format json
// (orgmodel.ReadTreeCSVWith, then Validator.WriteFindings: JSON findings),
// both writing to a file, and prints the median wall time, the time per
// organization, the peak RSS of each (the child's VmHWM) and the ratios.
//
// A chain of -chain committees, each under the previous one, is timed the
// same way, with the pipeline's -max-depth raised to its depth.
//
//	cd bench && go run ./orgchartpipe [-sizes 100000,1000000] [-chain 30000] [-reps 3] [-seed 2024] [-date 2025-06-30]
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian/bench"
)

func main() {
	cfg := bench.DefaultOrgchartPipe
	sizes := flag.String("sizes", "100000,1000000", "comma-separated `counts` of organizations")
	flag.IntVar(&cfg.Reps, "reps", cfg.Reps, "timed runs of each program per size (the median is shown)")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the synthetic tree")
	flag.StringVar(&cfg.AsOf, "date", cfg.AsOf, "the pipeline validates as of this `date`")
	flag.IntVar(&cfg.Chain, "chain", 30_000, "add a chain of this many committees, validated with -max-depth as deep (0: none)")
	flag.StringVar(&cfg.Dir, "dir", "", "keep the binaries and files in this `directory` (default: a temporary one, removed)")
	flag.Parse()
	cfg.Sizes = nil
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "orgchartpipe: -sizes: %q is not a positive count\n", s)
			os.Exit(2)
		}
		cfg.Sizes = append(cfg.Sizes, n)
	}
	if cfg.Reps <= 0 || cfg.Chain < 0 {
		fmt.Fprintln(os.Stderr, "orgchartpipe: -reps must be positive, -chain not negative")
		os.Exit(2)
	}
	if _, err := bench.OrgchartPipe(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "orgchartpipe:", err)
		os.Exit(1)
	}
}
