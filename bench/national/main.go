// Command national runs the library at national scale: it builds and
// validates a synthetic tree of 5.3 million organizations, computes a
// month of party dues for 100 million members in streaming batches, and
// scores 1 million duty reports, printing each stage's wall time, time per
// unit and peak memory, and the totals.
//
//	cd bench && go run ./national [-orgs 5300000] [-members 100000000] [-assessments 1000000] [-batch 1000000]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian/bench"
)

func main() {
	cfg := bench.DefaultNational
	flag.IntVar(&cfg.Orgs, "orgs", cfg.Orgs, "organizations in the synthetic tree (0: skip the stage)")
	flag.IntVar(&cfg.Members, "members", cfg.Members, "members whose month of dues is computed (0: skip)")
	flag.IntVar(&cfg.Assessments, "assessments", cfg.Assessments, "duty reports scored (0: skip)")
	flag.IntVar(&cfg.Batch, "batch", cfg.Batch, "members per dues batch")
	flag.IntVar(&cfg.AssessBatch, "abatch", cfg.AssessBatch, "subjects per assessment batch")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the synthetic data")
	flag.Parse()
	if _, err := bench.National(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "national:", err)
		os.Exit(1)
	}
}
