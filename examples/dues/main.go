// Command dues reads a branch's dues roster for a month, computes every
// member's party dues (党费) by the rules in force and writes the ledger.
//
// Usage:
//
//	dues [-in roster.csv|roster.json] [-date 2024-06-01] [-rules 2008|2017] [-format csv|json] [-lang en|zh]
//	     [-encoding utf-8|gbk|gb18030] [-max-id-memory bytes]
//
// A file whose name ends in .json is a JSON roster, read with
// [dues.DecodeRosterJSON]: an array of members ({"id": "01", "name":
// "张伟", "category": "在职", "base": "6234.50"}, with the optional months,
// payslip, flatAmount, probationarySince, reduction and voluntary of
// [dues.Member]); standard input is JSON when it starts with '['.
// Any other roster is CSV, read with [dues.ReadRoster]: a header row naming the
// columns in English or Chinese (编号, 姓名, 党员类别, 计算基数, 单位类型, the
// pay items and deductions of a payslip, 上季度月收入, 预备党员日期, 定额,
// 自愿多交, 减免后党费, …), then one member per row. -in - reads standard
// input; without -in, a built-in sample (testdata/sample.csv) is used: every
// category, payslips of each kind of employer, an annual-salary payout month
// above the cap, a probationary member not yet due, a farmer's amount chosen
// by the branch, a hardship reduction and a lump sum.
//
// The roster is UTF-8: a cell or a JSON string that is not (a file Excel on
// a Chinese Windows saved in GBK) is an input problem with its line and
// column and the advice to save the file as UTF-8. -encoding gbk (or
// gb18030) reads the roster in that encoding on purpose: it is transcoded
// through [textenc.NewReader] into a temporary UTF-8 copy before it is
// read, and a byte that is not of that encoding is an input problem with
// its line and column (exit 2).
//
// A member ID on two rows is an input problem. To find one, the program
// keeps the IDs read so far, within a memory budget: -max-id-memory bytes
// (default 40 MiB, a million IDs of 16 bytes; -1: no limit). A roster
// that outgrows it gets one warning, naming the line from which an ID not
// seen before is no longer checked for repeats, the budget and this flag;
// every row is still computed and written, and the warning alone changes
// no exit status.
//
// The dues are computed for the month containing -date (default: today)
// with the rule set in force then ([dues.RulesFor]); -rules names
// the rule set instead, and the date must fall in its period.
//
// Formats:
//
//   - csv (default): the ledger ([dues.WriteLedger]), with a header in
//     the language of -lang (en or zh).
//   - json: a JSON array of the dues ([dues.Result]) with their full
//     traces. When the input has a problem, standard output is instead one
//     JSON object: "problems", each with code, path, id, file, line,
//     column, value and message, and "dues", the members that were
//     computed; the exit status is then 2.
//
// A summary ([dues.Summarize]) goes to standard error: the members of
// each category, the dues, the voluntary payments, the lump sums to remit
// to the Centre, and who was capped, reduced or not yet due.
//
// Bad rows, and members the rules cannot compute, are printed to standard
// error with their line numbers; the other members are still computed and
// written.
//
// A CSV roster written as a CSV ledger is streamed: each row is read,
// computed ([dues.Calculator.Monthly]) and written as it comes
// ([dues.ScanRoster], [dues.LedgerWriter]), so that memory is the set of
// member IDs (for repeated IDs) and the problems, not the file. The ledger
// goes through a temporary file, since a row whose ID repeats later is
// left out of it; standard input is kept in a temporary file too. A JSON
// roster (at most 64 MiB) and JSON output, which holds every member's
// trace, are read whole.
//
// Exit status: 0 when every row was computed; 1 when a row was bad or could
// not be computed (with -format csv); 2 when the input cannot be read (a
// missing file, a bad header, text that is not CSV or not JSON), when the
// flags are wrong, or, with -format json, when any row has a problem.
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/textenc"
)

// sample is the built-in roster: no bad rows, on any date the rules cover.
//
//go:embed testdata/sample.csv
var sample []byte

// Exit statuses.
const (
	exitOK    = 0 // every row computed
	exitRows  = 1 // bad rows, or rows the rules cannot compute
	exitInput = 2 // unreadable input or bad flags
)

func main() {
	// What the program keeps is the set of member IDs, in memory without
	// pointers that a collection need not scan: collecting when the heap
	// has grown by a quarter, not doubled, costs little time and keeps the
	// peak near the set (a million members: about 50 MB, not 65).
	debug.SetGCPercent(25)
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	in     string
	month  dangjian.Date
	rules  dues.Rules
	format string
	lang   dangjian.Lang
	enc    textenc.Encoding
	maxIDs int64 // -max-id-memory: the budget of the repeated-ID check
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}
	in, err := openInput(cfg.in, stdin, cfg.enc)
	if errors.Is(err, dangjian.ErrEncoding) {
		// The roster is not in -encoding: a problem of the input, with its
		// line and column.
		ps := inFile(dangjian.ProblemsOf(err), inputName(cfg.in)).(dangjian.Problems)
		fmt.Fprintf(stderr, "dues: %v\n", ps)
		if cfg.format == "json" {
			writeProblems(stdout, ps, nil)
		}
		return exitInput
	}
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitInput
	}
	defer in.close()
	jsonIn, err := in.isJSON(cfg.in)
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitInput
	}
	if jsonIn || cfg.format == "json" {
		return runAll(cfg, in, jsonIn, stdout, stderr)
	}
	return runStream(cfg, in, stdout, stderr)
}

// runAll is the program for a JSON roster (at most [dues.MaxRosterJSON])
// or JSON output (every member's trace): it reads the roster whole.
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

// fatal reports whether err is a problem that stops the reading: a bad
// header, text that is not CSV or JSON, a limit.
func fatal(err error) bool {
	return errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) || errors.Is(err, dangjian.ErrLimit)
}

// atLine returns the problems of err placed on line.
func atLine(err error, line int) dangjian.Problems {
	var out dangjian.Problems
	for _, p := range dangjian.ProblemsOf(err) {
		q := *p
		q.Line = line
		out = append(out, &q)
	}
	return out
}

// runStream is the program for a CSV roster and a CSV ledger: the roster
// is read, computed and written a row at a time ([dues.ScanRoster],
// [dues.Calculator.Monthly], [dues.LedgerWriter]), so that memory is the
// set of member IDs and the problems, not the file.
//
// The ledger goes to a temporary file first: a row whose ID repeats on a
// later row is left out of the ledger, as [dues.ReadRoster] leaves it
// out, and that is known only at the end. Without a repeated ID (the
// usual case) the file is copied to standard output; with one, the roster
// is read a second time, leaving out the rows of the repeated IDs.
func runStream(cfg config, in *input, stdout, stderr io.Writer) int {
	name := in.name
	monthly := cfg.rules.Monthly
	if calc, err := cfg.rules.Compile(); err == nil {
		monthly = calc.Monthly
	}
	tmp, err := os.CreateTemp("", "dues-ledger-*.csv")
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitInput
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()

	// computeBad is a problem of the rules with a member, and the member.
	type computeBad struct {
		id string
		ps dangjian.Problems
	}
	var inputBad, warnings dangjian.Problems
	var computed []computeBad
	repeated := map[string]bool{}
	pass := func(out io.Writer, skip map[string]bool) (dues.LedgerSummary, int, error) {
		lw, err := dues.NewLedgerWriter(out, cfg.lang)
		if err != nil {
			return dues.LedgerSummary{}, exitRows, err
		}
		var tally dues.Tally
		r, err := in.open()
		if err != nil {
			return dues.LedgerSummary{}, exitInput, err
		}
		defer r.Close()
		first := skip == nil
		opts := dues.ScanOptions{MaxIDBytes: cfg.maxIDs, Warn: func(p *dangjian.Problem) {
			if first {
				warnings = append(warnings, p)
			}
		}}
		err = dues.ScanRosterWith(r, opts, func(row dues.RosterRow, bad dangjian.Problems) error {
			if bad != nil {
				if first {
					inputBad = append(inputBad, bad...)
					for _, p := range bad {
						if p.Kind == dangjian.ErrDuplicate {
							repeated[row.Member.ID] = true
						}
					}
				}
				return nil
			}
			if skip[row.Member.ID] {
				return nil
			}
			d, err := monthly(row.Member, cfg.month)
			if err != nil {
				if first {
					computed = append(computed, computeBad{row.Member.ID, atLine(err, row.Line)})
				}
				return nil
			}
			if err := tally.Add(d); err != nil {
				return writeErr{err}
			}
			if err := lw.Write(dues.LedgerRow{Name: row.Member.Name, Dues: d}); err != nil {
				return writeErr{err}
			}
			return nil
		})
		if err == nil {
			if err = lw.Flush(); err != nil {
				err = writeErr{err}
			}
		}
		if err != nil {
			return dues.LedgerSummary{}, exitInput, err
		}
		sum, err := tally.Summary()
		if err != nil {
			return dues.LedgerSummary{}, exitRows, writeErr{err}
		}
		return sum, exitOK, nil
	}
	fail := func(status int, err error) int {
		var we writeErr
		switch {
		case errors.As(err, &we):
			fmt.Fprintf(stderr, "dues: %v\n", we.err)
			return exitRows
		case fatal(err):
			fmt.Fprintf(stderr, "dues: %v\n", inFile(err, name))
			return exitInput
		case status == exitInput:
			if _, ok := err.(dangjian.Problems); ok || in.opened {
				fmt.Fprintf(stderr, "dues: %s: %v\n", name, err)
			} else {
				fmt.Fprintf(stderr, "dues: %v\n", err)
			}
		default:
			fmt.Fprintf(stderr, "dues: %v\n", err)
		}
		return status
	}

	buf := bufio.NewWriterSize(tmp, 1<<16)
	sum, status, err := pass(buf, nil)
	if err != nil {
		return fail(status, err)
	}
	if err := buf.Flush(); err != nil {
		return fail(exitRows, writeErr{err})
	}

	// The problems, in line order as the roster had them; the rows of a
	// repeated ID are not computed, so their members' problems with the
	// rules are left out.
	slices.SortStableFunc(inputBad, func(a, b *dangjian.Problem) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	problems := inputBad
	lines := map[int]bool{}
	for _, p := range inputBad {
		lines[p.Line] = true
	}
	failed := len(lines)
	for _, c := range computed {
		if !repeated[c.id] {
			problems = append(problems, c.ps...)
			failed++
		}
	}
	slices.SortStableFunc(problems, func(a, b *dangjian.Problem) int { return a.Line - b.Line })
	printProblems(stderr, inFile(problems, name).(dangjian.Problems), inFile(warnings, name).(dangjian.Problems))

	if len(repeated) == 0 {
		if _, err := tmp.Seek(0, io.SeekStart); err != nil {
			return fail(exitRows, writeErr{err})
		}
		if _, err := io.Copy(stdout, tmp); err != nil {
			return fail(exitRows, writeErr{err})
		}
	} else if sum, status, err = pass(stdout, repeated); err != nil {
		return fail(status, err)
	}
	writeSummary(stderr, cfg, sum, failed)
	if failed > 0 {
		return exitRows
	}
	return exitOK
}

// splitWarnings returns the problems of err less the warning that the
// check for repeated IDs reached its budget ([dues.ErrIDsNotChecked]),
// and that warning: it is no problem of a row and stops nothing.
func splitWarnings(err error) (error, dangjian.Problems) {
	ps, ok := err.(dangjian.Problems)
	if !ok {
		return err, nil
	}
	var rest, warnings dangjian.Problems
	for _, p := range ps {
		if p.Kind == dues.ErrIDsNotChecked {
			warnings = append(warnings, p)
		} else {
			rest = append(rest, p)
		}
	}
	return rest.Err(), warnings
}

// printProblems prints the problems and the warnings to w, in line order.
func printProblems(w io.Writer, problems, warnings dangjian.Problems) {
	all := append(slices.Clip(problems), warnings...)
	slices.SortStableFunc(all, func(a, b *dangjian.Problem) int { return a.Line - b.Line })
	for _, p := range all {
		fmt.Fprintf(w, "%v\n", p)
	}
}

// writeErr is an error of writing the ledger or summing it.
type writeErr struct{ err error }

func (e writeErr) Error() string { return e.err.Error() }

// writeProblems writes the input problems as a JSON object: "problems",
// each with code, path, id, file, line, column, value and message, and
// "dues", the dues of the members that were computed (omitted when the
// input could not be read at all).
func writeProblems(w io.Writer, ps dangjian.Problems, results []dues.Result) error {
	out := struct {
		Problems dangjian.Problems `json:"problems"`
		Dues     []dues.Result     `json:"dues,omitempty"`
	}{ps, results}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// inFile returns err with each of its problems placed in the file name.
func inFile(err error, name string) error {
	ps, ok := err.(dangjian.Problems)
	if !ok {
		return err
	}
	out := make(dangjian.Problems, len(ps))
	for i, p := range ps {
		q := *p
		q.File = name
		out[i] = &q
	}
	return out
}

// parseFlags returns the configuration, or false and the exit status.
func parseFlags(args []string, stderr io.Writer) (config, int, bool) {
	var cfg config
	var date, rules, lang string
	fs := flag.NewFlagSet("dues", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.in, "in", "", "roster `file`: CSV, or JSON if it ends in .json (- for standard input; default: the built-in sample)")
	fs.StringVar(&date, "date", "", "compute the month containing this `date`, YYYY-MM-DD (default: today)")
	fs.StringVar(&rules, "rules", "", "the rule `set`, 2008 or 2017 (default: the one in force on -date)")
	fs.StringVar(&cfg.format, "format", "csv", "output `format`: csv (the ledger) or json (the dues with their traces; input problems as {\"problems\": [...]}, exit 2)")
	fs.StringVar(&lang, "lang", "en", "`language` of the ledger's header and categories: en or zh")
	fs.Var(&cfg.enc, "encoding", "`encoding` of the roster: utf-8, gbk or gb18030")
	fs.Int64Var(&cfg.maxIDs, "max-id-memory", 0, "memory `budget` in bytes of the check for repeated member IDs (0: the default, 40 MiB, a million IDs of 16 bytes; -1: no limit)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dues [-in roster.csv|roster.json] [-date YYYY-MM-DD] [-rules 2008|2017] [-format csv|json] [-lang en|zh] [-encoding utf-8|gbk|gb18030] [-max-id-memory bytes]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, exitOK, false
		}
		return cfg, exitInput, false
	}
	fail := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "dues: "+format+"\n", a...)
		fs.Usage()
		return cfg, exitInput, false
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q", fs.Arg(0))
	}
	switch cfg.format {
	case "csv", "json":
	default:
		return fail("-format %q: want csv or json", cfg.format)
	}
	switch lang {
	case "en":
		cfg.lang = dangjian.English
	case "zh":
		cfg.lang = dangjian.Chinese
	default:
		return fail("-lang %q: want en or zh", lang)
	}
	if date == "" {
		cfg.month = dangjian.DateOf(time.Now())
	} else {
		d, err := dangjian.ParseDate(date)
		if err != nil {
			return fail("-date: %v", err)
		}
		cfg.month = d
	}
	cfg.month = dangjian.NewDate(cfg.month.Year(), cfg.month.Month(), 1)
	switch rules {
	case "":
		rs, err := dues.RulesFor(cfg.month)
		if err != nil {
			return fail("-date %s: %v", cfg.month, err)
		}
		cfg.rules = rs
	case "2008", "2017":
		cfg.rules = dues.Rules2008()
		if rules == "2017" {
			cfg.rules = dues.Rules2017()
		}
		if !cfg.rules.Period.Contains(cfg.month) {
			return fail("-rules %s are in force for %s, not for %s", rules, cfg.rules.Period, cfg.month)
		}
	default:
		return fail("-rules %q: want 2008 or 2017", rules)
	}
	return cfg, exitOK, true
}

// input is the roster: the built-in sample, a file, or standard input
// kept in a temporary file as it is read, so that it can be read again.
type input struct {
	name   string
	data   []byte // the built-in sample
	path   string // a file, or standard input's copy
	tmp    bool   // path is a temporary file
	opened bool   // the file was opened: a later error is the file's
}

// inputName is the name problems give the input -in names.
func inputName(in string) string {
	switch in {
	case "":
		return "built-in sample"
	case "-":
		return "stdin"
	}
	return in
}

// openInput returns the input -in names; standard input, and a roster in
// an encoding other than UTF-8, are copied (as UTF-8) to a temporary file.
// Text that is not in enc is an error of kind [dangjian.ErrEncoding].
func openInput(in string, stdin io.Reader, enc textenc.Encoding) (*input, error) {
	if in == "" {
		return &input{name: "built-in sample", data: sample}, nil
	}
	if in == "-" || enc != textenc.UTF8 {
		src := stdin
		if in != "-" {
			f, err := os.Open(in)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			src = f
		}
		f, err := os.CreateTemp("", "dues-input-*")
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(f, textenc.NewReader(src, enc))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return nil, err
		}
		return &input{name: inputName(in), path: f.Name(), tmp: true}, nil
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, err
	}
	f.Close()
	return &input{name: in, path: in}, nil
}

// open opens the input from its start.
func (in *input) open() (io.ReadCloser, error) {
	if in.path == "" {
		return io.NopCloser(bytes.NewReader(in.data)), nil
	}
	f, err := os.Open(in.path)
	if err == nil {
		in.opened = true
	}
	return f, err
}

// close removes standard input's copy.
func (in *input) close() {
	if in.tmp {
		os.Remove(in.path)
	}
}

// isJSON reports whether the roster is JSON: a file whose name ends in
// .json, or standard input whose first character (after space and a byte
// order mark) is '['.
func (in *input) isJSON(flag string) (bool, error) {
	if flag != "-" {
		return strings.HasSuffix(strings.ToLower(flag), ".json"), nil
	}
	r, err := in.open()
	if err != nil {
		return false, err
	}
	defer r.Close()
	br := bufio.NewReader(r)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\uFEFF")) {
		br.Discard(3)
	}
	for {
		c, err := br.ReadByte()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c == '[', nil
	}
}

func writeJSON(w io.Writer, results []dues.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(results) // never nil: an empty array, not null
}

// writeSummary writes the summary of the month to w.
func writeSummary(w io.Writer, cfg config, s dues.LedgerSummary, failed int) {
	var b strings.Builder
	fmt.Fprintf(&b, "%04d-%02d, rules %s: %d members computed", cfg.month.Year(), int(cfg.month.Month()), cfg.rules.Name, s.Members)
	if failed > 0 {
		fmt.Fprintf(&b, ", %d rows not computed", failed)
	}
	b.WriteString("\n")
	for _, c := range s.Categories {
		fmt.Fprintf(&b, "  %-14s %3d  dues %10s  voluntary %10s\n", c.Category, c.Members, c.Dues, c.Voluntary)
	}
	fmt.Fprintf(&b, "dues %s + voluntary %s = total %s\n", s.Dues, s.Voluntary, s.Total)
	fmt.Fprintf(&b, "lump sums to remit to the Centre in full: %s%s\n", s.LumpSum, members(s.LumpSumMembers))
	fmt.Fprintf(&b, "ordinary dues (the total less the lump sums): %s\n", s.Ordinary)
	for _, l := range []struct {
		what string
		ids  []string
	}{{"capped at the monthly cap", s.Capped}, {"reduced or exempt", s.Reduced}, {"not yet due", s.NotYetDue}} {
		if len(l.ids) > 0 {
			fmt.Fprintf(&b, "%s: %s\n", l.what, strings.Join(l.ids, ", "))
		}
	}
	io.WriteString(w, b.String())
}

// members renders member ids as " (a, b)", or "" for none.
func members(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return " (" + strings.Join(ids, ", ") + ")"
}
