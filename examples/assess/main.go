// Command assess scores a cohort under an assessment scheme, grades it and
// prints the ranking, or one subject's full trace.
//
// Usage:
//
//	assess [-scheme NAME|scheme.json] [-input subjects.json|subjects.csv|-]
//	       [-policy policy.json] [-by-category] [-format text|json|csv] [-explain ID]
//	       [-encoding utf-8|gbk|gb18030]
//	       [-max-rows N] [-max-record-bytes N] [-max-problems N]
//	assess -test cases.json [-format text|json] [-max-problems N]
//
// The scheme is a reference scheme, one of [place.SchemeNames] (assess's
// jifen, minzhu-pingyi, xingji and the reference city's yanji-shuzhi), or
// a JSON file in the format of assess/SCHEME.md. The
// default is yanji-shuzhi, Yanji's 书记抓基层党建工作述职评议考核; without -input it scores a built-in sample
// cohort of Yanji secretaries (testdata/sample.json), so that
//
//	go run ./examples/assess
//
// prints a ranking and exits 0.
//
// The input is read as a stream, one subject at a time, with
// [assess.Scorer.ScoreSubjectsFunc] (a JSON array of subjects, or
// {"subjects": [...]}, as [assess.DecodeSubjectsFunc] reads it) or, when it
// does not start with [ or {, with [assess.DecodeSubjectsCSVFunc] as CSV:
// a header row with the column id, optionally category, then one column
// per value the scheme reads (a direct or ratio indicator's ID, a decision
// table's input name), flag:NAME columns for gates (true, false, 1, 0 or
// empty) and bonus:ITEM columns for bonus counts; one subject per row.
// CSV input needs a flat scheme: one whose leaves are all direct, ratio or
// table indicators (checklists, deductions and votes need JSON). -input -
// reads standard input. The scheme and the policy files are read whole,
// and each may be at most 16 MiB (maxFileBytes; a larger one is refused,
// exit 2).
//
// Every file read (the scheme, the policy, the input) is UTF-8, and text
// that is not is refused with its file, line and column (exit 2): a CSV
// that Excel on a Chinese Windows saved in GBK is never read as other
// text. -encoding gbk (or gb18030) reads the -input file (the subjects,
// the file a spreadsheet writes) in that encoding on purpose, through
// [textenc.NewReader]; a byte that is not of that encoding is refused too.
// The scheme and the policy stay UTF-8.
//
// Limits (see [dangjian.Limits]): -max-rows bounds the subjects of the
// -input (default 200,000,000), -max-record-bytes one subject's CSV record
// or JSON element (default 1 MiB), each a problem of kind limit that ends
// the input, exit 2; -max-problems bounds the problems listed (default
// 1,000): the list then ends with one problem counting the rest, on
// standard error or in -format json's problems. 0 means the default, -1 no
// limit. The whole -input may be at most 64 GiB.
//
// The cohort is graded with [assess.NewGrader]: under -policy, a
// [assess.GradePolicy] in JSON; otherwise under the reference scheme's
// policy ([place.Policy]); otherwise under a policy of the
// scheme's own grades, without quotas, ranking the whole cohort, or each
// category with -by-category. A scheme without bands is ranked by total
// only.
//
// Formats:
//
//   - text (default): the ranking as a table (order, rank, subject, total,
//     each component's score, bonus, grade, category, remarks: the gates
//     that applied, the values clamped to their indicator's max, the
//     cohort's grade changes), then the grade distribution and the quota
//     use of each group.
//   - json: the results, with the grading.
//   - csv: one row per subject in the cohort's order.
//
// -explain ID prints one subject's full trace instead: the indicator tree
// with the inputs read, the rule applied, the exact and the displayed
// values, notes and sources, then the values clamped, its gates and the
// steps of its grading
// (text), each node with the source of each number it used (weight, max,
// a clause's points or cap, …) where that differs from the node's source;
// the result with its trace and its grading (json); or one row per trace
// node (csv), whose last column, number_sources, gives the source of
// every number the node used.
//
// Every subject is scored before anything is printed: a cohort is graded
// whole, since a quota over part of a cohort would be wrong. The input
// is read one subject at a time, each scored as it is read. For the text
// and csv rankings each subject is kept in an [assess.Cohort], under 100
// bytes a subject (a million subjects rank in under 200 MB); for json and
// -explain its result is kept (without its trace but for the subject
// -explain names): memory follows the cohort, not the file. Exit status: 0
// when the cohort is scored, graded and printed; 2 for bad flags, a scheme
// that does not compile, input that cannot be read, or any subject that
// cannot be scored or graded (every problem is listed on standard error,
// one per line: file:line:column: path (id "ID"): message ("value"); a
// subject's scoring problem in a JSON input has the path
// subjects[i].values.colour, with i the subject's place in the file);
// 1 when the output cannot be written.
//
// -test cases.json runs a file of scheme test cases (assess/SCHEME.md §7,
// [assess.RunCases]): a scheme (a name -scheme knows, with its policy, or
// a scheme object), optionally a policy, and cases of subjects with the
// totals, grades and ranks they must get. It prints a line for each case,
// and under a failing one what differs and the subject's trace (text), or
// the report as JSON (-format json); -test takes no other flag but
// -max-problems. Exit
// status: 0 when every case passes, 1 when one fails (or the output cannot
// be written), 2 when the file cannot be read or has problems (listed as
// below). testdata/cases-jifen.json is a sample.
//
// With -format json, the problems of the input (scheme, policy, subjects,
// scoring and grading) print on standard output instead, as one JSON
// object {"problems": [...]}, each problem with the keys code, path, id,
// file, line, column, value, message and detail of [dangjian.Problem], and
// the exit status is 2 as well; bad flags and an unknown -explain ID are
// still reported on standard error.
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place"
	"github.com/dangjian-go/dangjian/textenc"
)

// sample is the built-in cohort for the default scheme, yanji-shuzhi: the
// four subjects worked by hand in place/yanji/scheme_test.go and eight more
// secretaries of Yanji's streets, communities and villages.
//
//go:embed testdata/sample.json
var sample []byte

// defaultScheme is the scheme used without -scheme, and the only one the
// built-in sample fits.
const defaultScheme = "yanji-shuzhi"

// Exit statuses.
const (
	exitOK     = 0 // scored, graded and printed
	exitOutput = 1 // the output cannot be written
	exitInput  = 2 // bad flags, scheme or input
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	scheme, input, policy, format, explain string
	test                                   string // -test: a file of scheme test cases
	byCategory                             bool
	encoding                               textenc.Encoding
	limits                                 dangjian.Limits // -max-rows, -max-record-bytes, -max-problems
}

// cohort is everything the outputs read: the scheme, its scorer and the
// ranking (the results in input order, with a trace for the subject
// -explain names, and the grading, nil for a scheme without bands and no
// policy).
type cohort struct {
	scheme  assess.Scheme
	scorer  *assess.Scorer
	ranking *assess.Ranking
	// compact holds the cohort instead of ranking for the csv and text
	// rankings: a few dozen bytes a subject instead of its whole result.
	// policyName is then the policy's name ("" when ranked by total).
	compact    *assess.Cohort
	policyName string
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}
	if cfg.test != "" {
		return runTests(cfg, stdout, stderr)
	}
	c, ps := load(cfg, stdin)
	if len(ps) > 0 {
		if err := reportProblems(stdout, stderr, cfg.format, ps); err != nil {
			fmt.Fprintf(stderr, "assess: writing the output: %v\n", err)
			return exitOutput
		}
		return exitInput
	}
	for _, w := range c.scorer.Warnings() { // compiled, but likely a mistake
		fmt.Fprintf(stderr, "warning: scheme %s: %v\n", cfg.scheme, w)
	}
	w := bufio.NewWriter(stdout)
	var err error
	if cfg.explain != "" {
		err = writeExplain(w, cfg.format, c, cfg.explain)
	} else {
		err = writeCohort(w, cfg.format, c)
	}
	var ue unknownSubjectError
	if errors.As(err, &ue) {
		report(stderr, err)
		return exitInput
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "assess: writing the output: %v\n", err)
		return exitOutput
	}
	return exitOK
}

// parseFlags returns the configuration, or false and the exit status.
func parseFlags(args []string, stderr io.Writer) (config, int, bool) {
	var cfg config
	fs := flag.NewFlagSet("assess", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.scheme, "scheme", defaultScheme, "a reference scheme `name` ("+strings.Join(place.SchemeNames(), ", ")+") or a scheme JSON file")
	fs.StringVar(&cfg.input, "input", "", "subjects `file`, JSON or CSV (- for standard input; default: the built-in sample, for "+defaultScheme+" only)")
	fs.StringVar(&cfg.policy, "policy", "", "grading policy JSON `file` (default: the reference scheme's policy, or the scheme's grades without quotas)")
	fs.BoolVar(&cfg.byCategory, "by-category", false, "without -policy or a reference policy, rank within categories")
	fs.StringVar(&cfg.format, "format", "text", "output `format`: text, json or csv")
	fs.StringVar(&cfg.explain, "explain", "", "print the full trace of the subject with this `ID` instead of the ranking")
	fs.StringVar(&cfg.test, "test", "", "run the scheme test cases of this JSON `file` (assess/SCHEME.md §7) instead of scoring a cohort")
	fs.Var(&cfg.encoding, "encoding", "`encoding` of the -input file: utf-8, gbk or gb18030 (scheme and policy files are UTF-8)")
	fs.Int64Var(&cfg.limits.MaxRecords, "max-rows", 0, "the most subjects the -input may hold (rows of a CSV, elements of a JSON array); 0: the default, 200,000,000; -1: no limit")
	fs.IntVar(&cfg.limits.MaxRecordBytes, "max-record-bytes", 0, "the most bytes one subject of the -input may take (a CSV record, a JSON element); 0: the default, 1 MiB; -1: no limit")
	fs.IntVar(&cfg.limits.MaxProblems, "max-problems", 0, "the most problems listed, the rest only counted; 0: the default, 1,000; -1: no limit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: assess [-scheme NAME|scheme.json] [-input subjects.json|subjects.csv|-] [-policy policy.json] [-by-category] [-format text|json|csv] [-explain ID] [-encoding utf-8|gbk|gb18030] [-max-rows N] [-max-record-bytes N] [-max-problems N]")
		fmt.Fprintln(stderr, "       assess -test cases.json [-format text|json] [-max-problems N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, exitOK, false
		}
		return cfg, exitInput, false
	}
	fail := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "assess: "+format+"\n", a...)
		fs.Usage()
		return cfg, exitInput, false
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q", fs.Arg(0))
	}
	switch cfg.format {
	case "text", "json", "csv":
	default:
		return fail("-format %q: want text, json or csv", cfg.format)
	}
	if cfg.test != "" {
		var other []string
		fs.Visit(func(f *flag.Flag) {
			if f.Name != "test" && f.Name != "format" && f.Name != "max-problems" {
				other = append(other, "-"+f.Name)
			}
		})
		if len(other) > 0 {
			return fail("-test takes only -format and -max-problems: the case file gives the scheme, the policy and the subjects (not %s)", strings.Join(other, ", "))
		}
		if cfg.format == "csv" {
			return fail("-test: -format text or json")
		}
		return cfg, exitOK, true
	}
	if cfg.scheme == "" {
		return fail("-scheme: empty")
	}
	if cfg.input == "" && cfg.scheme != defaultScheme {
		return fail("-input is required with -scheme %s: the built-in sample is for %s", cfg.scheme, defaultScheme)
	}
	return cfg, exitOK, true
}

// report prints an error to stderr, one problem per line.
func report(stderr io.Writer, err error) {
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintln(stderr, line)
	}
}

// reportProblems prints input problems: as {"problems": [...]} on stdout
// under -format json, otherwise one per line on stderr.
func reportProblems(stdout, stderr io.Writer, format string, ps dangjian.Problems) error {
	if format == "json" {
		w := bufio.NewWriter(stdout)
		if err := encodeJSON(w, struct {
			Problems dangjian.Problems `json:"problems"`
		}{ps}); err != nil {
			return err
		}
		return w.Flush()
	}
	for _, p := range ps {
		fmt.Fprintln(stderr, p.Error())
	}
	return nil
}

// inFile returns err's problems with the input's name as their file, for
// those that name none.
func inFile(file string, err error) dangjian.Problems {
	return dangjian.ProblemsOf(err).InFile(file)
}

// fileProblem is a problem with a whole input: it cannot be read, or it
// does not fit what the program needs.
func fileProblem(file string, k *dangjian.Kind, detail string) dangjian.Problems {
	return dangjian.Problems{{Kind: k, File: file, Detail: detail}}
}

// load reads the scheme, the policy and the subjects, scores every subject
// and grades the cohort. Every problem of the input is returned, each
// naming its file.
func load(cfg config, stdin io.Reader) (*cohort, dangjian.Problems) {
	// capped lists at most -max-problems problems, then a count of the
	// rest (the subject readers cap their own).
	capped := func(ps dangjian.Problems) dangjian.Problems {
		c := dangjian.NewProblemCap(cfg.limits.Problems())
		c.AddAll(ps)
		return c.Problems()
	}
	s, ref, ps := readScheme(cfg.scheme)
	if len(ps) > 0 {
		return nil, capped(ps)
	}
	sc, err := assess.Compile(s)
	if err != nil {
		return nil, capped(inFile(cfg.scheme, err))
	}
	policy, graded, ps := readPolicy(cfg, ref, sc)
	if len(ps) > 0 {
		return nil, capped(ps)
	}
	name, in, err := openInput(cfg.input, stdin, cfg.encoding)
	if in != nil {
		defer in.Close()
	}
	if err != nil {
		return nil, readProblem(name, err)
	}
	json, err := startsJSON(in)
	if err != nil {
		return nil, readProblem(name, err)
	}
	var g *assess.Grader
	if graded {
		g, err = assess.NewGrader(policy)
		if err != nil {
			file := cfg.policy
			if file == "" {
				file = "policy"
			}
			return nil, capped(inFile(file, err))
		}
	}
	c := &cohort{scheme: s, scorer: sc}
	if cfg.explain == "" && cfg.format != "json" {
		// The ranking alone is printed: keep each subject compactly (a
		// policy of more than 64 grades needs the whole results).
		if c.compact, err = assess.NewCohort(sc, g); err == nil && g != nil {
			c.policyName = policy.Name
		}
	}
	var results []assess.Result                          // in input order, unless compact
	bad := dangjian.NewProblemCap(cfg.limits.Problems()) // the subjects' scoring problems
	// score scores a subject of a CSV input: only its result is kept
	// (with its trace for the subject -explain names).
	score := func(sub assess.Subject) {
		var res assess.Result
		var err error
		if cfg.explain != "" && sub.ID == cfg.explain {
			res, err = sc.Explain(sub)
		} else {
			res, err = sc.Score(sub)
		}
		if err != nil {
			bad.AddAll(inFile(name, err))
			return
		}
		if bad.Len() == 0 { // once a subject fails, only the problems matter
			if c.compact != nil {
				c.compact.Add(&res)
			} else {
				results = append(results, res)
			}
		}
	}
	if json {
		// One subject at a time, each scored as it is read: memory follows
		// the results, not the file. A subject that does not decode is
		// reported alone with the others that do not (their scoring
		// problems are not), as before.
		opt := assess.StreamOptions{Explain: cfg.explain, Limits: cfg.limits}
		err := sc.ScoreSubjectsFunc(in, opt, func(i int, res *assess.Result, err error) error {
			if err != nil {
				bad.AddAll(inFile(name, err))
				return nil
			}
			if bad.Len() == 0 { // once a subject fails, only the problems matter
				if c.compact != nil {
					c.compact.Add(res)
				} else {
					results = append(results, keep(res))
				}
			}
			return nil
		})
		if err != nil {
			return nil, inFile(name, err)
		}
	} else {
		// One row at a time, each scored as it is read. A row that does
		// not decode is reported alone with the others that do not.
		err := assess.DecodeSubjectsCSVFuncWith(in, s, cfg.limits, func(sub assess.Subject) error {
			score(sub)
			return nil
		})
		if err != nil {
			return nil, inFile(name, err)
		}
	}
	if bad.Len() > 0 {
		return nil, bad.Problems()
	}
	if c.compact != nil {
		if err := c.compact.Finish(); err != nil {
			return nil, capped(inFile(name, err))
		}
		return c, nil
	}
	c.ranking, err = assess.NewRanking(sc, results, g)
	if err != nil {
		return nil, capped(inFile(name, err))
	}
	return c, nil
}

// keep returns a copy of a result that ScoreSubjectsFunc will reuse.
func keep(res *assess.Result) assess.Result {
	r := *res
	r.Components = slices.Clone(r.Components)
	r.Gates = slices.Clone(r.Gates)
	r.Ballots = slices.Clone(r.Ballots)
	r.Clamped = slices.Clone(r.Clamped)
	return r
}

// readScheme returns the scheme named by -scheme: a reference scheme, or a
// JSON file. ref reports a reference scheme.
func readScheme(name string) (s assess.Scheme, ref bool, ps dangjian.Problems) {
	if slices.Contains(place.SchemeNames(), name) {
		s, err := place.Scheme(name)
		if err != nil {
			return s, true, inFile(name, err)
		}
		return s, true, nil
	}
	data, err := readFile(name)
	if errors.Is(err, errTooLarge) {
		return s, false, fileProblem(name, dangjian.ErrLimit, errTooLarge.Error())
	}
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && !strings.ContainsAny(name, `./\`) {
			return s, false, fileProblem(name, dangjian.ErrUnknownRef, "-scheme names neither a reference scheme ("+strings.Join(place.SchemeNames(), ", ")+") nor a file")
		}
		return s, false, fileProblem(name, dangjian.ErrInvalid, "-scheme cannot be read: "+err.Error())
	}
	s, err = assess.DecodeScheme(bytes.NewReader(data))
	if err != nil {
		return s, false, inFile(name, err)
	}
	return s, false, nil
}

// maxFileBytes bounds a scheme or policy file, which is read whole.
const maxFileBytes = 16 << 20

var errTooLarge = errors.New("larger than 16 MiB, the most a scheme or policy file may hold")

// readFile reads a scheme or policy file of at most maxFileBytes.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err == nil && len(data) > maxFileBytes {
		return nil, errTooLarge
	}
	return data, err
}

// readPolicy returns the grading policy, and false when the cohort is
// ranked by total only (a scheme without bands and no -policy).
func readPolicy(cfg config, ref bool, sc *assess.Scorer) (assess.GradePolicy, bool, dangjian.Problems) {
	switch {
	case cfg.policy != "":
		data, err := readFile(cfg.policy)
		if errors.Is(err, errTooLarge) {
			return assess.GradePolicy{}, false, fileProblem(cfg.policy, dangjian.ErrLimit, errTooLarge.Error())
		}
		if err != nil {
			return assess.GradePolicy{}, false, fileProblem(cfg.policy, dangjian.ErrInvalid, "-policy cannot be read: "+err.Error())
		}
		p, err := assess.DecodeGradePolicy(bytes.NewReader(data))
		if err != nil {
			return p, false, inFile(cfg.policy, err)
		}
		return p, true, nil
	case ref:
		p, err := place.Policy(cfg.scheme)
		if err != nil {
			return p, false, inFile(cfg.scheme, err)
		}
		return p, true, nil
	}
	p, graded := sc.OwnPolicy(cfg.byCategory)
	return p, graded, nil
}

// openInput returns the input's name for messages and a reader of it, as
// UTF-8 from encoding enc (the built-in sample is UTF-8): text that is not
// in enc is an error of kind [dangjian.ErrEncoding] when it is read.
func openInput(in string, stdin io.Reader, enc textenc.Encoding) (string, *input, error) {
	switch in {
	case "":
		return "built-in sample", newInput(bytes.NewReader(sample), nil), nil
	case "-":
		return "stdin", newInput(textenc.NewReader(stdin, enc), nil), nil
	}
	f, err := os.Open(in)
	if err != nil {
		return in, nil, err
	}
	return in, newInput(textenc.NewReader(f, enc), f), nil
}

// input is the subjects' reader, buffered so that its start can be seen
// before it is read.
type input struct {
	*bufio.Reader
	f *os.File // closed by Close; nil for the sample and stdin
}

func newInput(r io.Reader, f *os.File) *input { return &input{bufio.NewReaderSize(r, 64<<10), f} }

func (in *input) Close() error {
	if in.f == nil {
		return nil
	}
	return in.f.Close()
}

// readProblem is the problem of an input that cannot be read: its
// encoding problem, or the error.
func readProblem(name string, err error) dangjian.Problems {
	if errors.Is(err, dangjian.ErrEncoding) {
		return inFile(name, err)
	}
	return fileProblem(name, dangjian.ErrInvalid, "cannot be read: "+err.Error())
}

// startsJSON reports whether the input is JSON: its first byte after
// white space and byte order marks is [ or {. Nothing is consumed.
func startsJSON(in *input) (bool, error) {
	for n := 64; ; n *= 2 {
		b, err := in.Peek(min(n, in.Size()))
		t := bytes.TrimLeft(b, " \t\r\n\ufeff")
		end := err != nil || n >= in.Size() // no more to see
		if len(t) >= 3 || (len(t) > 0 && t[0] != 0xEF) || end {
			if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
				return false, err
			}
			return len(t) > 0 && (t[0] == '[' || t[0] == '{'), nil
		}
	}
}
