// Command orglife-national checks a year of meeting records for a
// national-scale synthetic tree in one streaming pass through orglife's
// Checker: it builds the tree (orgmodel.Synthetic, 5.3 million
// organizations), generates about 200 million meeting records on the fly
// (deterministic; some organizations short of meetings, some quorums
// failed) and counts them with Checker.Add — or, with -csv, through the
// CSV reader from a generated stream (a pipe, no file) — then counts the
// findings as they are handed over. It prints each stage's wall time and
// peak memory (VmHWM from /proc/self/status), the organizations,
// meetings, findings and meetings per second.
//
//	cd bench && go run ./orglife-national [-orgs 5300000] [-meetings-per-org 38] [-csv] [-year 2024] [-seed 2024]
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian/bench"
)

func main() {
	cfg := bench.DefaultLife
	flag.IntVar(&cfg.Orgs, "orgs", cfg.Orgs, "organizations in the synthetic tree")
	flag.IntVar(&cfg.MeetingsPerOrg, "meetings-per-org", cfg.MeetingsPerOrg, "meeting records per organization of the tree, on average")
	flag.BoolVar(&cfg.CSV, "csv", cfg.CSV, "read the meetings through the CSV reader from a generated stream")
	flag.IntVar(&cfg.Year, "year", cfg.Year, "the year of the meetings")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the synthetic data")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "orglife-national: unexpected argument %q\n", flag.Arg(0))
		os.Exit(2)
	}
	if _, err := bench.OrgLifeNational(cfg, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "orglife-national:", err)
		os.Exit(1)
	}
}
