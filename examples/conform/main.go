// Command conform compares another system's output with the library's
// answer for the same input, row by row: a platform team runs it in CI
// against its own export.
//
// Usage:
//
//	conform -kind dues|tax|assess|org -in INPUT -got GOT [-date YYYY-MM-DD] [-scheme NAME|file]
//	        [-format text|json|csv] [-rules 2008|2017] [-encoding utf-8|gbk|gb18030]
//	        [-max-rows N] [-max-record-bytes N] [-max-problems N]
//
// The kinds ([compare.Kind]):
//
//   - dues: INPUT is a roster as examples/dues reads it (CSV, or JSON if
//     its name ends in .json), computed for the month of -date by the
//     rule set -rules names (2008 or 2017; default: the one in force on
//     -date; a set not in force then is a flag error, as in
//     examples/dues); GOT has the columns id and dues (编号, 党费; a ledger
//     of examples/dues is a GOT). A member ID on two rows or more of
//     INPUT leaves every row of it out, with a problem on each (as
//     examples/dues does), and GOT's row of it is not compared: INPUT is
//     read twice to find such IDs (standard input is copied to a
//     temporary file for that).
//   - tax: INPUT is a payroll (id, month, gross, social_insurance,
//     special_deductions, and optionally first_wage_income_this_year and
//     prior_year_low_income), withheld by the cumulative method; GOT has
//     id, month and withheld.
//   - assess: INPUT is a subjects file as examples/assess reads it, scored
//     under -scheme (a reference scheme's name or a scheme JSON file);
//     GOT has id and total, and optionally grade.
//   - org: INPUT is a tree as examples/orgchart reads it, validated as of
//     -date; GOT has one row per organization the platform flagged, with
//     id and optionally rule (a library rule ID): without rule the sets
//     of flagged organizations are compared, with it the (id, rule)
//     pairs.
//
// In every GOT other columns are ignored, and the columns may be named
// in English (any case) or in Chinese. -in - reads INPUT from standard
// input (so may -got -, not both).
//
// INPUT and GOT are UTF-8: a byte that is not (an export Excel on a
// Chinese Windows saved in GBK) ends the comparison with a problem naming
// the file, line and column (exit 2). -encoding gbk (or gb18030) reads
// both files in that encoding on purpose, transcoded through
// [textenc.NewReader] as they are read; a byte that is not of that
// encoding is a problem with its line and column in the same way. The
// built-in sample is UTF-8 and takes no -encoding.
//
// For each difference, the output gives the row (GOT's line, or INPUT's
// when GOT lacks the row), the library's value, the platform's value,
// the rules that decided the library's value with their sources and,
// where a pattern of another system's arithmetic reproduces the
// platform's value exactly, the likely cause: for dues the float patterns
// new BigDecimal(double).setScale(2, HALF_UP) and Math.round(x*100)/100.0
// (written /100 without .0 it is Java's long division, which keeps whole
// yuan: no cause reproduces that), rounding up to the 角, truncation, half-even, the other bracket at a
// bound, the 2008 table instead of 2017, the gross pay as the base. When
// one cause reproduces every difference and no agreeing row contradicts
// it, a line names it. Then one summary line: "N of M differ".
//
// Formats (-format): text (default; the summary line last), csv (a
// header, then one row per difference: status, id, month, rule,
// got_line, input_line, library, platform, rules, causes, detail; text
// cells guarded against spreadsheet formulas) and json (one object:
// "differences", "compared", "differ", "causes", "problems"); with csv
// and json the summary line goes to standard error.
//
// Problems of rows (a cell of GOT that cannot be read, a key on two rows,
// a row of INPUT the library cannot compute) go to standard error with
// their file, line and the row's id; the other rows are compared.
//
// Limits ([dangjian.Limits], for INPUT and GOT alike; 0 is the default,
// -1 no limit): -max-rows (200,000,000), -max-record-bytes (one row, 1
// MiB) and -max-problems (the problems listed, 1,000, then one line
// counts the rest). GOT is kept in memory keyed by its rows (about 170
// bytes a row with IDs of 8 bytes); INPUT streams for dues and tax.
//
// Without flags, a built-in sample is compared: the roster of
// examples/dues (testdata/roster.csv) for June 2024 with an export
// (testdata/got.csv) that differs from it in the ways a platform does.
//
// When an input stops being readable part of the way (a limit met, text
// that is not CSV), the differences found before stay in the output, no
// summary line follows, and with -format json the object is closed with
// the problem in "problems".
//
// Exit status: 0 when no row differs; 1 when some do; 2 when an input
// cannot be read (a missing file, a bad header, text that is not CSV, a
// limit met), a row has a problem, or the flags are wrong.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/textenc"
)

// The built-in sample: a roster and a platform's export of its dues.
var (
	//go:embed testdata/roster.csv
	sampleRoster []byte
	//go:embed testdata/got.csv
	sampleGot []byte
)

// sampleDate is the month of the built-in sample.
const sampleDate = "2024-06-01"

// Exit statuses.
const (
	exitSame   = 0 // no row differs
	exitDiffer = 1 // some rows differ
	exitInput  = 2 // unreadable input, a row's problem, bad flags
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	kind    compare.Kind
	in, got string
	date    dangjian.Date
	scheme  string
	format  compare.Format
	limits  dangjian.Limits
	sample  bool
	enc     textenc.Encoding // -encoding, of INPUT and GOT
	rules   *dues.Rules      // -rules; nil: the set in force on -date
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}
	in := compare.Input{Kind: cfg.kind, Name: cfg.in, GotName: cfg.got}
	if cfg.sample {
		in.Name, in.GotName = "built-in sample roster", "built-in sample export"
		in.Open = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(sampleRoster)), nil }
		in.Got = bytes.NewReader(sampleGot)
	} else {
		// A dues roster is read twice (for repeated member IDs): standard
		// input is copied to a file first.
		open, cleanup, err := opener(cfg.in, stdin, cfg.enc, cfg.kind == compare.Dues)
		if err != nil {
			fmt.Fprintf(stderr, "conform: %v\n", err)
			return exitInput
		}
		defer cleanup()
		in.Open = open
		gotOpen, gotCleanup, err := opener(cfg.got, stdin, cfg.enc, false)
		if err != nil {
			fmt.Fprintf(stderr, "conform: %v\n", err)
			return exitInput
		}
		defer gotCleanup()
		g, err := gotOpen()
		if err != nil {
			fmt.Fprintf(stderr, "conform: %v\n", err)
			return exitInput
		}
		defer g.Close()
		in.Got = g
		if cfg.in == "-" {
			in.Name = "stdin"
		}
		if cfg.got == "-" {
			in.GotName = "stdin"
		}
	}
	opts := compare.Options{Date: cfg.date, Limits: cfg.limits, DuesRules: cfg.rules}
	if cfg.kind == compare.Assess {
		s, policy, err := compare.LoadScheme(cfg.scheme)
		if err != nil {
			fmt.Fprintf(stderr, "conform: -scheme %s: %v\n", cfg.scheme, err)
			return exitInput
		}
		opts.Scheme, opts.Policy = s, policy
	}
	w, err := compare.NewWriter(stdout, cfg.format, in.Name, in.GotName)
	if err != nil {
		fmt.Fprintf(stderr, "conform: %v\n", err)
		return exitInput
	}
	rep, err := compare.Compare(in, opts, w.Write)
	if err != nil {
		// The differences found before an input became unreadable (a
		// limit met) stay written; JSON is closed with the problem.
		fmt.Fprintf(stderr, "conform: %v\n", err)
		if ferr := w.Fail(err); ferr != nil {
			fmt.Fprintf(stderr, "conform: %v\n", ferr)
		}
		return exitInput
	}
	if err := w.Close(rep); err != nil {
		fmt.Fprintf(stderr, "conform: %v\n", err)
		return exitInput
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stderr, "%v\n", p)
	}
	if cfg.format != compare.Text {
		if s := rep.LikelyText(); s != "" {
			fmt.Fprintln(stderr, s)
		}
		fmt.Fprintln(stderr, rep.Summary())
	}
	switch {
	case len(rep.Problems) > 0:
		return exitInput
	case rep.Differ > 0:
		return exitDiffer
	}
	return exitSame
}

// opener returns a function that opens the file name (- for standard
// input: once, unless again says it is opened twice, when it is first
// copied to a temporary file), transcoded from enc to UTF-8, and a
// function that removes the copy.
func opener(name string, stdin io.Reader, enc textenc.Encoding, again bool) (open func() (io.ReadCloser, error), cleanup func(), err error) {
	cleanup = func() {}
	if name == "-" && !again {
		return func() (io.ReadCloser, error) { return io.NopCloser(textenc.NewReader(stdin, enc)), nil }, cleanup, nil
	}
	if name == "-" {
		f, err := os.CreateTemp("", "conform-input-*")
		if err != nil {
			return nil, cleanup, err
		}
		_, err = io.Copy(f, stdin)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return nil, cleanup, err
		}
		name, cleanup = f.Name(), func() { os.Remove(f.Name()) }
	}
	f, err := os.Open(name) // fail now, before any output, if it cannot be opened
	if err != nil {
		return nil, cleanup, err
	}
	f.Close()
	return func() (io.ReadCloser, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		return readCloser{textenc.NewReader(f, enc), f}, nil
	}, cleanup, nil
}

// readCloser reads through a transcoder and closes the file under it.
type readCloser struct {
	io.Reader
	io.Closer
}

// parseFlags returns the configuration, or false and the exit status.
func parseFlags(args []string, stderr io.Writer) (config, int, bool) {
	var cfg config
	var kind, date, format, rules string
	fs := flag.NewFlagSet("conform", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&kind, "kind", "", "what is compared: `dues`, tax, assess or org (default: the built-in sample, dues)")
	fs.StringVar(&cfg.in, "in", "", "INPUT `file`: a roster, a payroll, subjects or a tree (- for standard input)")
	fs.StringVar(&cfg.got, "got", "", "GOT `file`: the other system's export, CSV (- for standard input)")
	fs.StringVar(&date, "date", "", "the `day` the answer is for, YYYY-MM-DD: the month of the dues, the day of the tree (default: today)")
	fs.StringVar(&cfg.scheme, "scheme", "", "assess: a reference scheme's `name` or a scheme JSON file")
	fs.StringVar(&format, "format", "text", "output `format`: text, json or csv")
	fs.StringVar(&rules, "rules", "", "dues: the rule `set`, 2008 or 2017 (default: the one in force on -date)")
	fs.Var(&cfg.enc, "encoding", "`encoding` of INPUT and GOT: utf-8, gbk or gb18030")
	fs.Int64Var(&cfg.limits.MaxRecords, "max-rows", 0, "the most `rows` INPUT or GOT may have (0: the default, 200,000,000; -1: no limit)")
	fs.IntVar(&cfg.limits.MaxRecordBytes, "max-record-bytes", 0, "the most `bytes` one row may take (0: the default, 1 MiB; -1: no limit)")
	fs.IntVar(&cfg.limits.MaxProblems, "max-problems", 0, "the most `problems` listed, then one line counts the rest (0: the default, 1,000; -1: no limit)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: conform -kind dues|tax|assess|org -in INPUT -got GOT [-date YYYY-MM-DD] [-scheme NAME|file] [-format text|json|csv]\n               [-rules 2008|2017] [-encoding utf-8|gbk|gb18030] [-max-rows N] [-max-record-bytes N] [-max-problems N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, exitSame, false
		}
		return cfg, exitInput, false
	}
	fail := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "conform: "+format+"\n", a...)
		fs.Usage()
		return cfg, exitInput, false
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q", fs.Arg(0))
	}
	f, err := compare.ParseFormat(format)
	if err != nil {
		return fail("-format %q: want text, json or csv", format)
	}
	cfg.format = f
	if kind == "" && cfg.in == "" && cfg.got == "" {
		cfg.sample, cfg.kind = true, compare.Dues
		if date == "" {
			date = sampleDate
		}
	} else {
		k, err := compare.ParseKind(kind)
		if err != nil {
			return fail("-kind %q: want dues, tax, assess or org", kind)
		}
		cfg.kind = k
		if cfg.in == "" || cfg.got == "" {
			return fail("-kind %s needs -in and -got", k)
		}
		if cfg.in == "-" && cfg.got == "-" {
			return fail("-in and -got cannot both be standard input")
		}
	}
	if cfg.kind == compare.Assess && cfg.scheme == "" {
		return fail("-kind assess needs -scheme")
	}
	if cfg.kind != compare.Assess && cfg.scheme != "" {
		return fail("-scheme is for -kind assess")
	}
	if cfg.sample && cfg.enc != textenc.UTF8 {
		return fail("-encoding is for -in and -got: the built-in sample is UTF-8")
	}
	if date == "" {
		cfg.date = dangjian.DateOf(time.Now())
	} else {
		d, err := dangjian.ParseDate(date)
		if err != nil {
			return fail("-date: %v", err)
		}
		cfg.date = d
	}
	if rules != "" {
		if cfg.kind != compare.Dues {
			return fail("-rules is for -kind dues")
		}
		month := dangjian.NewDate(cfg.date.Year(), cfg.date.Month(), 1)
		var rs dues.Rules
		switch rules {
		case "2008":
			rs = dues.Rules2008()
		case "2017":
			rs = dues.Rules2017()
		default:
			return fail("-rules %q: want 2008 or 2017", rules)
		}
		if !rs.Period.Contains(month) {
			return fail("-rules %s are in force for %s, not for %s", rules, rs.Period, month)
		}
		cfg.rules = &rs
	}
	return cfg, exitSame, true
}
