package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// runAll is the program as it was before it streamed: it reads the roster
// whole, computes it, and writes the output from slices. It is the
// reference the streaming program must equal, byte for byte.
func runAll(cfg config, in *input, jsonIn bool, stdout, stderr io.Writer) int {
	name := in.name
	r, err := in.open()
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitInput
	}
	defer r.Close()
	var problems dangjian.Problems
	failed := 0
	var rows []dues.RosterRow
	if jsonIn {
		rows, err = dues.DecodeRosterJSON(r)
	} else {
		rows, err = dues.ReadRosterWith(r, dues.ScanOptions{MaxIDBytes: cfg.maxIDs})
	}
	var warnings dangjian.Problems
	err, warnings = splitWarnings(err)
	if err != nil {
		ps, ok := err.(dangjian.Problems)
		if !ok {
			fmt.Fprintf(stderr, "dues: %s: %v\n", name, err)
			return exitInput
		}
		if fatal(err) {
			fmt.Fprintf(stderr, "dues: %v\n", inFile(err, name))
			if cfg.format == "json" {
				writeProblems(stdout, inFile(err, name).(dangjian.Problems), nil)
			}
			return exitInput
		}
		lines := map[int]bool{}
		for _, p := range ps {
			problems = append(problems, p)
			lines[p.Line] = true
		}
		failed += len(lines)
	}

	ledger := make([]dues.LedgerRow, 0, len(rows))
	results := make([]dues.Result, 0, len(rows))
	for _, r := range rows {
		d, err := cfg.rules.Monthly(r.Member, cfg.month)
		if err != nil {
			problems = append(problems, atLine(err, r.Line)...)
			failed++
			continue
		}
		ledger = append(ledger, dues.LedgerRow{Name: r.Member.Name, Dues: d})
		results = append(results, d)
	}

	slices.SortStableFunc(problems, func(a, b *dangjian.Problem) int { return a.Line - b.Line })
	problems = inFile(problems, name).(dangjian.Problems)
	printProblems(stderr, problems, inFile(warnings, name).(dangjian.Problems))
	if cfg.format == "json" && len(problems) > 0 {
		if err := writeProblems(stdout, problems, results); err != nil {
			fmt.Fprintf(stderr, "dues: %v\n", err)
		}
		if sum, err := dues.Summarize(results); err == nil {
			writeSummary(stderr, cfg, sum, failed)
		}
		return exitInput
	}

	switch cfg.format {
	case "csv":
		err = dues.WriteLedger(stdout, ledger, cfg.lang)
	case "json":
		err = writeJSON(stdout, results)
	}
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitRows
	}
	sum, err := dues.Summarize(results)
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitRows
	}
	writeSummary(stderr, cfg, sum, failed)
	if failed > 0 {
		return exitRows
	}
	return exitOK
}

func writeJSON(w io.Writer, results []dues.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(results) // never nil: an empty array, not null
}
