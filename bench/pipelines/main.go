// Command pipelines measures the dues pipeline beside its floor: it
// generates rosters of the sizes asked, runs the floor, the library's
// streaming pipeline and examples/dues on each file as child processes,
// checks they write the same ledger, and prints time per row, the ratio
// to the floor and each one's peak RSS.
//
//	cd bench && go run ./pipelines [-rows 1000000,10000000] [-reps 3]
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
	rows := flag.String("rows", "1000000,10000000", "roster sizes, comma-separated")
	reps := flag.Int("reps", 3, "runs per program and size (the median is shown)")
	dir := flag.String("dir", "", "directory for the rosters and programs (default: a temporary one)")
	flag.Parse()
	cfg := bench.PipelineConfig{Reps: *reps, Dir: *dir}
	for _, s := range strings.Split(*rows, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			fmt.Fprintf(os.Stderr, "pipelines: -rows %q: want positive counts\n", *rows)
			os.Exit(2)
		}
		cfg.Rows = append(cfg.Rows, n)
	}
	if cfg.Reps <= 0 {
		fmt.Fprintln(os.Stderr, "pipelines: -reps must be positive")
		os.Exit(2)
	}
	if err := bench.DuesPipelines(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pipelines:", err)
		os.Exit(1)
	}
}
