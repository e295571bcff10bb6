// Command dues reads a branch's dues roster for a month, computes every
// member's party dues (党费) by the rules in force and writes the ledger.
//
// Usage:
//
//	dues [-in roster.csv|roster.json] [-date 2024-06-01] [-rules 2008|2017] [-format csv|json] [-lang en|zh]
//	     [-encoding utf-8|gbk|gb18030] [-max-rows N] [-max-record-bytes N] [-max-problems N]
//	     [-max-id-memory bytes] [-paying-org]
//
// A file whose name ends in .json is a JSON roster, read with
// [dues.ScanRosterJSON] as [dues.DecodeRosterJSON] reads it: an array of members ({"id": "01", "name":
// "张伟", "category": "在职", "base": "6234.50"}, with the optional months,
// payslip, flatAmount, probationarySince, reduction and voluntary of
// [dues.Member]); standard input is JSON when it starts with '['.
// Any other roster is CSV, read with [dues.ScanRosterWith] as
// [dues.ReadRoster] reads it: a header row naming the
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
// through [textenc.NewReader] as it is read, and a byte that is not of
// that encoding is an input problem with its line and column (exit 2; the
// rows before it were read, but nothing is written).
//
// The reading is bounded: -max-rows (rows of a CSV roster, members of a
// JSON one; default 200,000,000), -max-record-bytes (one row or member;
// default 1 MiB) and the input's size (64 GiB) each end the reading with
// one problem naming the limit (exit 2); -max-problems (default 1,000)
// lists that many problems, in text and in -format json, then one more
// that counts the rest. 0 is a flag's default and -1 no limit.
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
// A mobile member holding a 流动党员活动证 may pay at the inflow
// organization (DUES-MOBILE-INFLOW): the roster names it in the column
// paying_org (交纳党费组织, 流入地党组织; JSON payingOrg). Such a member is
// computed as any other, and the summary counts them at that organization,
// on a line of its own, not in the branch's totals. -paying-org adds the
// ledger's last column paying_org, which says who collected each row; a
// CSV ledger without it cannot record such a row: the program then writes
// nothing to standard output and exits 1, with the advice to add the flag.
//
// Bad rows, and members the rules cannot compute, are printed to standard
// error with their line numbers; the other members are still computed and
// written.
//
// Every roster is streamed: each row is read, computed
// ([dues.Calculator.Monthly], or [dues.Rules.Monthly] with its trace for
// -format json) and written as it comes ([dues.ScanRosterWith] or
// [dues.ScanRosterJSON], then [dues.LedgerWriter] or one JSON element per
// member), so that memory is the set of member IDs (for repeated IDs) and
// the problems, not the file. A row whose ID repeats later is left out of
// the output, which is known only at the end (the roster is then read a
// second time), and so is whether -format json writes the array of dues
// or the object of the problems: the output goes through a temporary file,
// or, for a ledger to a regular file, straight to that file, which a
// second reading, or a reading that fails, takes back to where it
// started. Standard input is kept in a temporary file for the second
// reading.
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
	"github.com/dangjian-go/dangjian/funding"
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
	limitMemory = true
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// limitMemory says that run may set the process's soft memory limit (the
// program, not its tests).
var limitMemory bool

// memoryHeadroom is what the program may hold beyond the set of member
// IDs before the collector works harder: one row, the buffers, the
// problems listed, the bits of the lines not computed, and the garbage
// between collections (with 12 MiB, a full set made the collector run
// 800 times on ten million rows, and 10 % slower; with 20 MiB, 80 times,
// and the peak stays under 64 MB).
const memoryHeadroom = 20 << 20

// setMemoryLimit sets a soft memory limit of the IDs' budget and the
// headroom, so that a roster that fills the budget (ten million members)
// stays under 64 MB: with the set full, the heap would otherwise grow by
// a quarter of it in garbage between collections. An unbounded set
// (-max-id-memory -1), or a limit the environment sets (GOMEMLIMIT), is
// left alone.
func setMemoryLimit(budget int64) {
	if !limitMemory || budget < 0 || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(budget + memoryHeadroom)
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
	limits dangjian.Limits
	paying bool // -paying-org: the ledger's paying_org column
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}
	setMemoryLimit(dues.ScanOptions{MaxIDBytes: cfg.maxIDs}.IDBudget())
	in, err := openInput(cfg.in, stdin, cfg.enc)
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
	return runStream(cfg, in, jsonIn, stdout, stderr)
}

// fatal reports whether err is a problem that stops the reading: a bad
// header, text that is not CSV or JSON, a limit, text not in -encoding.
func fatal(err error) bool {
	return errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) || errors.Is(err, dangjian.ErrLimit) ||
		errors.Is(err, dangjian.ErrEncoding)
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

// runStream is the program: the roster, CSV or JSON, is read, computed and
// written a row at a time ([dues.ComputeMonth]: [dues.ScanRosterWith] or
// [dues.ScanRosterJSONWith], [dues.Calculator.Monthly], then
// [dues.LedgerWriter] or one JSON element per member), so that memory is
// the set of member IDs and the problems, not the file.
//
// The output goes to a [spool] first: a row whose ID repeats on a later
// row is left out, as [dues.ReadRoster] leaves it out, and that is known
// only at the end; so is whether -format json writes the array of dues
// or, when a row had a problem, the object of the problems and the dues.
// Without a repeated ID (the usual case) the spool is the output (a
// temporary file is copied to standard output); with one, the roster is
// read a second time, leaving out the rows of the repeated IDs.
func runStream(cfg config, in *input, jsonIn bool, stdout, stderr io.Writer) int {
	name := in.name
	sp, err := newSpool(stdout, cfg.format)
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitInput
	}
	defer sp.close()
	tmp := sp.f
	em, err := newEmitter(tmp, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitRows
	}
	opts := dues.MonthOptions{Rules: cfg.rules, Month: cfg.month, Trace: cfg.format == "json", JSON: jsonIn,
		Scan: dues.ScanOptions{Limits: cfg.limits, MaxIDBytes: cfg.maxIDs}}
	reset := func() error {
		if err := sp.reset(); err != nil {
			return writeErr{err}
		}
		return em.reset(tmp) // the ledger's header again
	}
	out := func(r dues.LedgerRow) error {
		if err := em.emit(r.Name, r.Dues); err != nil {
			return writeErr{err}
		}
		return nil
	}
	rep, err := dues.ComputeMonth(in.open, reset, opts, out)
	if err == nil {
		if err = em.flush(); err != nil {
			err = writeErr{err}
		}
	}
	if err != nil {
		sp.discard() // standard output stays as it was
		var we writeErr
		switch {
		case errors.As(err, &we):
			fmt.Fprintf(stderr, "dues: %v\n", we.err)
			return exitRows
		case errors.Is(err, funding.ErrOverflow):
			fmt.Fprintf(stderr, "dues: %v\n", err) // a sum out of range
			return exitRows
		case fatal(err):
			ps := inFile(asProblems(err), name).(dangjian.Problems)
			fmt.Fprintf(stderr, "dues: %v\n", ps)
			if cfg.format == "json" {
				writeProblems(stdout, ps, nil)
			}
		case isProblems(err) || in.opened:
			fmt.Fprintf(stderr, "dues: %s: %v\n", name, err)
		default:
			fmt.Fprintf(stderr, "dues: %v\n", err)
		}
		return exitInput
	}
	problems := inFile(rep.Problems, name).(dangjian.Problems)
	printProblems(stderr, problems, inFile(rep.Warnings, name).(dangjian.Problems))

	if !sp.direct {
		if _, err := tmp.Seek(0, io.SeekStart); err != nil {
			fmt.Fprintf(stderr, "dues: %v\n", err)
			return exitRows
		}
	}
	switch {
	case cfg.format == "json" && len(problems) > 0:
		if err := writeProblemsFrom(stdout, problems, tmp); err != nil {
			fmt.Fprintf(stderr, "dues: %v\n", err)
		}
		writeSummary(stderr, cfg, rep.Summary, rep.NotComputed)
		return exitInput
	case cfg.format == "json":
		err = writeArrayFrom(stdout, tmp)
	case !sp.direct:
		_, err = io.Copy(stdout, tmp)
	}
	if err != nil {
		fmt.Fprintf(stderr, "dues: %v\n", err)
		return exitRows
	}
	writeSummary(stderr, cfg, rep.Summary, rep.NotComputed)
	if rep.NotComputed > 0 {
		return exitRows
	}
	return exitOK
}

// spool is where the output goes until it is known whole: a temporary
// file, or standard output itself when it is a regular file and the
// output a CSV ledger (direct), so that a ledger of any size is written
// once, not written and then copied. A second reading, or a reading that
// fails, takes standard output back to where it started.
type spool struct {
	f      *os.File
	start  int64 // direct: where standard output was
	direct bool
}

// newSpool returns the spool of the output to stdout in format.
func newSpool(stdout io.Writer, format string) (*spool, error) {
	if f, ok := stdout.(*os.File); ok && format == "csv" {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			if start, err := f.Seek(0, io.SeekCurrent); err == nil {
				return &spool{f: f, start: start, direct: true}, nil
			}
		}
	}
	f, err := os.CreateTemp("", "dues-output-*")
	if err != nil {
		return nil, err
	}
	return &spool{f: f}, nil
}

// reset empties the spool for a second reading.
func (s *spool) reset() error {
	if err := s.f.Truncate(s.start); err != nil {
		return err
	}
	_, err := s.f.Seek(s.start, io.SeekStart)
	return err
}

// discard empties a direct spool: standard output is as it was.
func (s *spool) discard() {
	if s.direct {
		s.reset()
	}
}

// close removes a temporary file.
func (s *spool) close() {
	if !s.direct {
		s.f.Close()
		os.Remove(s.f.Name())
	}
}

// emitter writes one computed member to the output in its format: for csv
// a row of the ledger ([dues.LedgerWriter], its header first); for json
// the member's dues as one line of compact JSON, which [writeArrayFrom] or
// [writeProblemsFrom] indents into the output at the end.
type emitter struct {
	cfg config
	lw  *dues.LedgerWriter // csv
	bw  *bufio.Writer      // json
	enc *json.Encoder
}

// newEmitter returns the emitter of the output format to out.
func newEmitter(out io.Writer, cfg config) (*emitter, error) {
	e := &emitter{cfg: cfg}
	return e, e.reset(out)
}

// reset starts the output to out again (a new ledger's header), dropping
// what is buffered: the spool was emptied for a second reading.
func (e *emitter) reset(out io.Writer) error {
	if e.cfg.format == "csv" {
		lw, err := dues.NewLedgerWriterWith(out, dues.LedgerOptions{Lang: e.cfg.lang, PayingOrg: e.cfg.paying})
		e.lw = lw
		return err
	}
	e.bw = bufio.NewWriterSize(out, 64<<10)
	e.enc = json.NewEncoder(e.bw)
	e.enc.SetEscapeHTML(false)
	return nil
}

// emit writes the member named name, whose dues are d. (d is a value:
// a pointer would make every row's Result escape to the heap, for the
// JSON encoder.)
func (e *emitter) emit(name string, d dues.Result) error {
	if e.lw != nil {
		return e.lw.Write(dues.LedgerRow{Name: name, Dues: d})
	}
	return e.enc.Encode(d)
}

// flush writes what is buffered.
func (e *emitter) flush() error {
	if e.lw != nil {
		return e.lw.Flush()
	}
	return e.bw.Flush()
}

// writeArrayFrom writes the members' JSON lines of r as one indented JSON
// array, as encoding/json indents a []dues.Result ("[]" for none).
func writeArrayFrom(w io.Writer, r io.Reader) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	n, err := indentLines(bw, r, "  ", "[\n", ",\n")
	if err != nil {
		return err
	}
	if n == 0 {
		bw.WriteString("[]\n")
	} else {
		bw.WriteString("\n]\n")
	}
	return bw.Flush()
}

// writeProblemsFrom writes the problems and the members' JSON lines of r as
// [writeProblems] writes the problems and the dues.
func writeProblemsFrom(w io.Writer, ps dangjian.Problems, r io.Reader) error {
	var head bytes.Buffer
	if err := writeProblems(&head, ps, nil); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	// head ends "\n}\n": the dues go in before the brace.
	bw.Write(bytes.TrimSuffix(head.Bytes(), []byte("\n}\n")))
	n, err := indentLines(bw, r, "    ", ",\n  \"dues\": [\n", ",\n")
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n  ]")
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// indentLines writes each line of compact JSON of r to w, indented at
// prefix, the first after open and the next after sep; it returns their
// number.
func indentLines(w *bufio.Writer, r io.Reader, prefix, open, sep string) (int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf bytes.Buffer
	n := 0
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			if n == 0 {
				w.WriteString(open)
			} else {
				w.WriteString(sep)
			}
			buf.Reset()
			if err := json.Indent(&buf, bytes.TrimSuffix(line, []byte("\n")), prefix, "  "); err != nil {
				return n, err
			}
			w.WriteString(prefix)
			w.Write(buf.Bytes())
			n++
		}
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// isProblems reports whether err is a list of problems.
func isProblems(err error) bool {
	_, ok := err.(dangjian.Problems)
	return ok
}

// asProblems returns err as a list of problems: a problem alone (an
// encoding error of textenc's reader) becomes a list of one.
func asProblems(err error) dangjian.Problems {
	if p, ok := err.(*dangjian.Problem); ok {
		return dangjian.Problems{p}
	}
	return dangjian.ProblemsOf(err)
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

// printProblems prints the problems and the warnings to w, in line order;
// a last problem counting the problems not listed stays last.
func printProblems(w io.Writer, problems, warnings dangjian.Problems) {
	var more *dangjian.Problem
	if n := len(problems); n > 0 && problems[n-1].Kind == dangjian.ErrLimit && problems[n-1].Line == 0 {
		problems, more = problems[:n-1], problems[n-1]
	}
	all := append(slices.Clip(problems), warnings...)
	slices.SortStableFunc(all, func(a, b *dangjian.Problem) int { return a.Line - b.Line })
	if more != nil {
		all = append(all, more)
	}
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
	return ps.InFile(name)
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
	fs.Int64Var(&cfg.limits.MaxRecords, "max-rows", 0, "the most `rows` (or JSON members) the roster may have (0: the default, 200,000,000; -1: no limit)")
	fs.IntVar(&cfg.limits.MaxRecordBytes, "max-record-bytes", 0, "the most `bytes` one row (or one JSON member) may take (0: the default, 1 MiB; -1: no limit)")
	fs.IntVar(&cfg.limits.MaxProblems, "max-problems", 0, "the most `problems` listed, then one line counts the rest (0: the default, 1,000; -1: no limit)")
	fs.Int64Var(&cfg.maxIDs, "max-id-memory", 0, "memory `budget` in bytes of the check for repeated member IDs (0: the default, 40 MiB, a million IDs of 16 bytes; -1: no limit)")
	fs.BoolVar(&cfg.paying, "paying-org", false, "add the ledger's last column paying_org (交纳党费组织): the organization that collected a mobile member's dues (the roster's paying_org column); needed when the roster has one")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: dues [-in roster.csv|roster.json] [-date YYYY-MM-DD] [-rules 2008|2017] [-format csv|json] [-lang en|zh] [-encoding utf-8|gbk|gb18030]\n            [-max-rows N] [-max-record-bytes N] [-max-problems N] [-max-id-memory bytes] [-paying-org]")
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
	enc    textenc.Encoding
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

// openInput returns the input -in names, read in the encoding enc;
// standard input is copied to a temporary file as it is read, since a
// roster with a repeated ID is read twice. A roster in another encoding
// than UTF-8 is transcoded as it is read ([textenc.NewReader]), each time.
func openInput(in string, stdin io.Reader, enc textenc.Encoding) (*input, error) {
	if in == "" {
		return &input{name: "built-in sample", data: sample, enc: enc}, nil
	}
	if in == "-" {
		f, err := os.CreateTemp("", "dues-input-*")
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(f, stdin)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return nil, err
		}
		return &input{name: inputName(in), path: f.Name(), tmp: true, enc: enc}, nil
	}
	f, err := os.Open(in)
	if err != nil {
		return nil, err
	}
	f.Close()
	return &input{name: in, path: in, enc: enc}, nil
}

// open opens the input from its start, transcoded to UTF-8.
func (in *input) open() (io.ReadCloser, error) {
	if in.path == "" {
		return io.NopCloser(textenc.NewReader(bytes.NewReader(in.data), in.enc)), nil
	}
	f, err := os.Open(in.path)
	if err != nil {
		return nil, err
	}
	in.opened = true
	return readCloser{textenc.NewReader(f, in.enc), f}, nil
}

// readCloser reads through a transcoder and closes the file under it.
type readCloser struct {
	io.Reader
	io.Closer
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

// writeSummary writes the summary of the month to w
// ([dues.LedgerSummary.WriteText]).
func writeSummary(w io.Writer, cfg config, s dues.LedgerSummary, failed int) {
	s.WriteText(w, cfg.month, cfg.rules.Name, failed)
}
