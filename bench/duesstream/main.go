// Command duesstream is the library's streaming dues pipeline as an
// embedder writes it (see bench.DuesLibrary): it reads a CSV roster and
// writes the June 2024 ledger to standard output.
//
//	duesstream -in roster.csv > ledger.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/bench"
	"github.com/dangjian-go/dangjian/funding/dues"
)

func main() {
	in := flag.String("in", "", "roster `file`")
	flag.Parse()
	f, err := os.Open(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "duesstream:", err)
		os.Exit(2)
	}
	defer f.Close()
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	warn := func(p *dangjian.Problem) { fmt.Fprintln(os.Stderr, "duesstream:", p) }
	bad, err := bench.DuesLibraryWith(f, out, dues.ScanOptions{Warn: warn})
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "duesstream:", err)
		os.Exit(2)
	}
	if bad > 0 {
		fmt.Fprintf(os.Stderr, "duesstream: %d rows not computed\n", bad)
		os.Exit(1)
	}
}
