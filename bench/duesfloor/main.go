// Command duesfloor is the floor of the dues pipeline (see
// bench.DuesFloor): it reads a roster written by bench.GenerateDuesRoster
// and writes the June 2024 ledger to standard output, the plainest way.
//
//	duesfloor -in roster.csv > ledger.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian/bench"
)

func main() {
	in := flag.String("in", "", "roster `file`")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "duesfloor:", err)
		os.Exit(2)
	}
	defer f.Close()
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	if err := bench.DuesFloor(bufio.NewReaderSize(f, 1<<16), out); err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "duesfloor:", err)
		os.Exit(1)
	}
}
