// Command orgchart reads an organization tree from a CSV or JSON file,
// validates it against the national rules and prints the findings or a
// chart.
//
// Usage:
//
//	orgchart [-in tree.csv|tree.json] [-format text|json|mermaid|dot] [-date 2025-06-30] [-root ID] [-depth N] [-max-depth N]
//	         [-encoding utf-8|gbk|gb18030] [-max-rows N] [-max-record-bytes N] [-max-problems N]
//
// The input's format follows its extension: a file whose name ends in
// .json (any case) is read with [orgmodel.DecodeJSON] (an object with an
// "orgs" array; ids may be UUIDs or any string or integer, "1001"), any
// other file, and standard input (-in -), with [orgmodel.ReadCSV]: a
// header row naming the columns in English or Chinese (编号, 上级编号,
// 组织类别, 领域, 名称, 正式党员, 预备党员, …), then one organization per
// row. Without -in, a built-in sample (testdata/tree.csv) is used.
//
// The input is UTF-8: a cell, a JSON string or a key that is not (a file
// Excel on a Chinese Windows saved in GBK) is an input problem with its
// line and column and the advice to save the file as UTF-8. -encoding gbk
// (or gb18030) reads the input in that encoding on purpose, through
// [textenc.NewReader]; a byte that is not of that encoding is an input
// problem too (exit 2).
//
// The tree is built with [orgmodel.BuildWith] and validated with
// [orgmodel.NationalRules] as of -date (default: today). -root limits the
// output to the subtree under an organization, named by its id as written
// in the file (a UUID or the file's own code). A tree deeper than -max-depth
// levels below its root (default [orgmodel.DefaultMaxDepth], 1000; real
// trees have about ten) cannot be built: it is refused at once with one
// problem naming the limit. Raise -max-depth to validate a deeper tree; a
// finding's path then lists at most [orgmodel.NameLevels] names, the middle
// of a deeper path left out.
//
// The input is streamed, never held whole in memory: a CSV tree is read
// with [orgmodel.ReadTreeCSVWith], which holds the records once, in the
// tree; a JSON tree is read whole by [orgmodel.DecodeJSONWith] (see there
// why it is not streamed). The findings are written as they come
// ([orgmodel.Validator.WriteFindings]), never held together.
//
// Limits ([dangjian.Limits]; 0 means the default, -1 no limit):
// -max-rows bounds the rows of a CSV table or the elements of each table
// of a JSON tree (default 200,000,000), -max-record-bytes one CSV row, all
// its lines (default 1 MiB), and -max-problems the input problems listed
// (default 1,000): the rest are counted in one last problem, "N more
// problems not listed", in the text and the JSON output alike. A row or
// table over its limit stops the reading with one problem naming the
// limit and how to raise it (exit 2).
//
// Formats:
//
//   - text (default): one finding per line, tab-separated: severity, rule,
//     path, message; then a summary line with the count per severity.
//   - json: a JSON array of the findings ([dangjian.Finding]: "subject" is
//     the organization's id as the file writes it, "line" its line).
//   - mermaid, dot: the chart, with kinds and member totals in the labels
//     ([orgmodel.WriteMermaid], [orgmodel.WriteDOT]); -depth limits its
//     depth. The summary line goes to standard error.
//
// Input problems (a bad header, bad rows, JSON that does not decode,
// records the tree cannot be built from, member totals beyond
// 9223372036854775807) are printed to standard error,
// one per line with the file's name, line and column, the column or field,
// and the record's id. With -format json they are printed instead to
// standard output as one JSON object, {"problems":[...]}, each problem
// with the keys code, path, id, line, column, value and message (see
// [dangjian.Problem]), and the program exits with status 2.
//
// Exit status: 0 when no finding has severity error; 1 when at least one
// does, or when the file has bad rows or the tree cannot be built; 2 when
// the input cannot be read (a missing file, a bad CSV header, text that is
// not CSV, JSON that does not decode), when -format json reports input
// problems, or when the flags are wrong.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/textenc"
	"github.com/google/uuid"
)

// sample is the built-in tree: warnings, no errors, on any date.
//
//go:embed testdata/tree.csv
var sample []byte

// Exit statuses.
const (
	exitOK       = 0 // no error-severity finding
	exitFindings = 1 // error findings, bad rows or build problems
	exitInput    = 2 // unreadable input or bad flags
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	in     string
	format string
	asOf   dangjian.Date
	root   string
	depth  int
	// maxDepth is the deepest tree that may be built (BuildOptions.MaxDepth).
	maxDepth int
	enc      textenc.Encoding
	// lim bounds the reading (-max-rows, -max-record-bytes, -max-problems).
	lim dangjian.Limits
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}

	name, src, closeInput, err := openInput(cfg.in, stdin, cfg.enc)
	if err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
		return exitInput
	}
	tree, stop, problems, fatal := readTree(cfg, src)
	closeInput()
	if errors.Is(src.err, dangjian.ErrEncoding) {
		// Text that is not in -encoding: a problem of the input, with
		// its line and column, whatever the reading made of the text
		// before it.
		problems, stop, fatal = dangjian.ProblemsOf(src.err), true, nil
	}
	if fatal != nil {
		fmt.Fprintf(stderr, "orgchart: %s: %v\n", name, fatal)
		return exitInput
	}
	failed := false
	if len(problems) > 0 {
		writeProblems(cfg, name, stdout, stderr, problems)
		if cfg.format == "json" {
			return exitInput
		}
		if stop {
			return exitInput
		}
		if tree == nil {
			return exitFindings
		}
		failed = true
	}

	root := uuid.Nil
	if cfg.root != "" {
		if root, ok = tree.Lookup(cfg.root); !ok {
			fmt.Fprintf(stderr, "orgchart: -root %q: no such organization in %s\n", cfg.root, name)
			return exitInput
		}
	}

	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	if err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
		return exitFindings
	}
	// The findings are written as they come, never held together.
	format := orgmodel.TextFindings
	out := stdout
	switch cfg.format {
	case "json":
		format = orgmodel.JSONFindings
	case "mermaid", "dot":
		out = io.Discard // counted only
	}
	var keep func(*dangjian.Finding) bool
	if root != uuid.Nil {
		keep = func(f *dangjian.Finding) bool { return inSubtree(tree, root, f) }
	}
	sum, err := v.WriteFindings(out, tree, cfg.asOf, format, keep)
	if err == nil && (cfg.format == "mermaid" || cfg.format == "dot") {
		opt := orgmodel.ChartOptions{MaxDepth: cfg.depth, Kinds: true, Members: true}
		if cfg.format == "mermaid" {
			err = orgmodel.WriteMermaid(stdout, tree, root, opt)
		} else {
			err = orgmodel.WriteDOT(stdout, tree, root, opt)
		}
		fmt.Fprintln(stderr, sum.String())
	}
	if err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
		return exitFindings
	}
	if failed || sum.Count(dangjian.Error) > 0 {
		return exitFindings
	}
	return exitOK
}

// parseFlags returns the configuration, or false and the exit status.
func parseFlags(args []string, stderr io.Writer) (config, int, bool) {
	var cfg config
	var date string
	fs := flag.NewFlagSet("orgchart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.in, "in", "", "CSV or JSON (*.json) `file` of organizations (- for standard input, as CSV; default: the built-in sample)")
	fs.StringVar(&cfg.format, "format", "text", "output `format`: text, json, mermaid or dot")
	fs.StringVar(&date, "date", "", "validate as of this `date`, YYYY-MM-DD (default: today)")
	fs.StringVar(&cfg.root, "root", "", "limit the output to the subtree under the organization with this `id`")
	fs.IntVar(&cfg.depth, "depth", 0, "chart at most `n` levels below the root (0: all)")
	fs.IntVar(&cfg.maxDepth, "max-depth", orgmodel.DefaultMaxDepth, "refuse a tree deeper than `n` levels below its root")
	fs.Var(&cfg.enc, "encoding", "`encoding` of the input: utf-8, gbk or gb18030")
	fs.Int64Var(&cfg.lim.MaxRecords, "max-rows", 0, "refuse an input of more than `n` rows (JSON: elements of a table); 0: the default, 200,000,000; -1: no limit")
	fs.IntVar(&cfg.lim.MaxRecordBytes, "max-record-bytes", 0, "refuse a CSV row longer than `n` bytes; 0: the default, 1 MiB; -1: no limit")
	fs.IntVar(&cfg.lim.MaxProblems, "max-problems", 0, "list at most `n` input problems and count the rest; 0: the default, 1,000; -1: no limit")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: orgchart [-in tree.csv|tree.json] [-format text|json|mermaid|dot] [-date YYYY-MM-DD] [-root ID] [-depth N] [-max-depth N] [-encoding utf-8|gbk|gb18030] [-max-rows N] [-max-record-bytes N] [-max-problems N]")
		fmt.Fprintln(stderr, "A file named *.json is read as a JSON tree, any other file and standard input as CSV.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return cfg, exitOK, false
		}
		return cfg, exitInput, false
	}
	fail := func(format string, a ...any) (config, int, bool) {
		fmt.Fprintf(stderr, "orgchart: "+format+"\n", a...)
		fs.Usage()
		return cfg, exitInput, false
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q", fs.Arg(0))
	}
	switch cfg.format {
	case "text", "json", "mermaid", "dot":
	default:
		return fail("-format %q: want text, json, mermaid or dot", cfg.format)
	}
	if cfg.depth < 0 {
		return fail("-depth %q: must not be negative", strconv.Itoa(cfg.depth))
	}
	if cfg.maxDepth < 1 {
		return fail("-max-depth %q: must be positive", strconv.Itoa(cfg.maxDepth))
	}
	if date == "" {
		cfg.asOf = dangjian.DateOf(time.Now())
	} else {
		d, err := dangjian.ParseDate(date)
		if err != nil {
			return fail("-date: %v", err)
		}
		cfg.asOf = d
	}
	return cfg, exitOK, true
}

// input is the input as the program reads it, UTF-8 from -encoding, with
// the error of its reading kept: text that is not in -encoding is an error
// of kind [dangjian.ErrEncoding], which the program reports as such
// whatever the reader above it makes of it.
type input struct {
	r   io.Reader
	err error
}

func (in *input) Read(b []byte) (int, error) {
	n, err := in.r.Read(b)
	if err != nil && err != io.EOF && in.err == nil {
		in.err = err
	}
	return n, err
}

// openInput opens the input and returns its name for messages, the input
// and the function that closes it. The input is streamed: it is never held
// whole in memory (the built-in sample is UTF-8 and read as it is).
func openInput(in string, stdin io.Reader, enc textenc.Encoding) (string, *input, func(), error) {
	switch in {
	case "":
		return "built-in sample", &input{r: bytes.NewReader(sample)}, func() {}, nil
	case "-":
		return "stdin", &input{r: textenc.NewReader(stdin, enc)}, func() {}, nil
	}
	f, err := os.Open(in)
	if err != nil {
		return in, nil, nil, err
	}
	return in, &input{r: textenc.NewReader(f, enc)}, func() { f.Close() }, nil
}

// readTree reads the records from src, as JSON if the input's name ends in
// .json and as CSV otherwise, and builds the tree. problems are the
// input's problems; stop says that they leave no records to go on with (a
// CSV header or text that is not CSV, JSON that does not decode), else the
// tree is built from the good rows (nil when it cannot be built). fatal is
// an error that is not a problem of the input (a read error).
func readTree(cfg config, src io.Reader) (tree *orgmodel.Tree, stop bool, problems dangjian.Problems, fatal error) {
	opt := orgmodel.BuildOptions{MaxDepth: cfg.maxDepth}
	var err error
	if isJSON(cfg.in) {
		recs, err := orgmodel.DecodeJSONWith(src, cfg.lim)
		if err != nil {
			// DecodeJSON stops at its first problem.
			ps, ok := problemsIn(err)
			if !ok {
				return nil, true, nil, err
			}
			return nil, true, ps, nil
		}
		tree, err = orgmodel.BuildWith(recs, opt)
		if err != nil {
			pc := dangjian.NewProblemCap(cfg.lim.Problems())
			pc.AddAll(dangjian.ProblemsOf(err))
			return nil, false, pc.Problems(), nil
		}
		return tree, false, nil, nil
	}
	tree, err = orgmodel.ReadTreeCSVWith(src, opt, cfg.lim)
	if err == nil {
		return tree, false, nil, nil
	}
	ps, ok := problemsIn(err)
	if !ok {
		return nil, true, nil, err
	}
	// ReadTreeCSV stops at a header problem, at text that is not CSV and
	// at a limit of the reading (its one problem, about no field), and
	// goes on past bad rows.
	readLimit := len(ps) == 1 && errors.Is(ps[0], dangjian.ErrLimit) && ps[0].Path == ""
	stop = tree == nil && (readLimit || errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) && !errors.Is(err, dangjian.ErrEncoding))
	return tree, stop, ps, nil
}

// problemsIn returns the problems err holds; false when it is not a
// problem of the input (a read error).
func problemsIn(err error) (dangjian.Problems, bool) {
	var ps dangjian.Problems
	if errors.As(err, &ps) {
		return ps, true
	}
	var p *dangjian.Problem
	if errors.As(err, &p) {
		return dangjian.Problems{p}, true
	}
	return nil, false
}

// isJSON reports whether the input named in is a JSON file.
func isJSON(in string) bool { return strings.EqualFold(filepath.Ext(in), ".json") }

// writeProblems writes the input's problems: in text to stderr, each with
// the input's name in front of its line and column; as JSON ({"problems":
// [...]}) to stdout, naming the file only when it is one.
func writeProblems(cfg config, name string, stdout, stderr io.Writer, ps dangjian.Problems) {
	w, format := stderr, orgmodel.TextFindings
	if cfg.format == "json" {
		w, format, name = stdout, orgmodel.JSONFindings, ""
		if cfg.in != "-" {
			name = cfg.in
		}
	}
	if err := orgmodel.WriteProblems(w, name, ps, format); err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
	}
}

// inSubtree reports whether the finding f is about an organization under
// root, or root itself.
func inSubtree(t *orgmodel.Tree, root uuid.UUID, f *dangjian.Finding) bool {
	id, _ := t.Lookup(f.Subject)
	return id == root || t.IsAncestor(root, id)
}
