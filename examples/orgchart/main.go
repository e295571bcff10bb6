// Command orgchart reads an organization tree from a CSV file, validates it
// against the national rules and prints the findings or a chart.
//
// Usage:
//
//	orgchart [-in tree.csv] [-format text|json|mermaid|dot] [-date 2025-06-30] [-root ID] [-depth N]
//
// The CSV file is read with [orgmodel.ReadCSV]: a header row naming the
// columns in English or Chinese (编号, 上级编号, 组织类别, 领域, 名称, 正式党员,
// 预备党员, …), then one organization per row. -in - reads standard input;
// without -in, a built-in sample (testdata/tree.csv) is used.
//
// The tree is built with [orgmodel.Build] and validated with
// [orgmodel.NationalRules] as of -date (default: today). -root limits the
// output to the subtree under an organization, named by its id as written
// in the file (a UUID or the file's own code).
//
// Formats:
//
//   - text (default): one finding per line, tab-separated: severity, rule,
//     path, message; then a summary line with the count per severity.
//   - json: a JSON array of the findings ([orgmodel.Finding]).
//   - mermaid, dot: the chart, with kinds and member totals in the labels
//     ([orgmodel.WriteMermaid], [orgmodel.WriteDOT]); -depth limits its
//     depth. The summary line goes to standard error.
//
// Bad rows and build problems are printed to standard error with their
// line numbers.
//
// Exit status: 0 when no finding has severity error; 1 when at least one
// does, or when the file has bad rows or the tree cannot be built; 2 when
// the input cannot be read (a missing file, a bad CSV header, text that is
// not CSV) or the flags are wrong.
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
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
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}

	name, data, err := readInput(cfg.in, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
		return exitInput
	}

	failed := false
	recs, err := orgmodel.ReadCSV(bytes.NewReader(data))
	var badRows []*orgmodel.RowError
	if err != nil {
		var ce *orgmodel.CSVError
		if !errors.As(err, &ce) || errors.Is(err, orgmodel.ErrCSVHeader) {
			fmt.Fprintf(stderr, "orgchart: %s: %v\n", name, err)
			return exitInput
		}
		badRows = ce.Rows
		for _, r := range badRows {
			fmt.Fprintf(stderr, "%s:%d: %v\n", name, r.Line, r)
		}
		failed = true
	}

	tree, err := orgmodel.Build(recs)
	if err != nil {
		printBuildError(stderr, name, err, recordLines(data, badRows, len(recs.Orgs)))
		return exitFindings
	}

	root := uuid.Nil
	if cfg.root != "" {
		if root, ok = resolveRoot(tree, cfg.root); !ok {
			fmt.Fprintf(stderr, "orgchart: -root %q: no such organization in %s\n", cfg.root, name)
			return exitInput
		}
	}

	report, err := orgmodel.Validate(tree, orgmodel.NationalRules(), cfg.asOf)
	if err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
		return exitFindings
	}
	findings := inSubtree(tree, root, report.Findings)
	if counts(findings)[orgmodel.Error] > 0 {
		failed = true
	}

	switch cfg.format {
	case "text":
		err = writeText(stdout, findings, cfg.asOf)
	case "json":
		err = writeJSON(stdout, findings)
	case "mermaid", "dot":
		opt := orgmodel.ChartOptions{MaxDepth: cfg.depth, Kinds: true, Members: true}
		if cfg.format == "mermaid" {
			err = orgmodel.WriteMermaid(stdout, tree, root, opt)
		} else {
			err = orgmodel.WriteDOT(stdout, tree, root, opt)
		}
		fmt.Fprintln(stderr, summary(findings, cfg.asOf))
	}
	if err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
		return exitFindings
	}
	if failed {
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
	fs.StringVar(&cfg.in, "in", "", "CSV `file` of organizations (- for standard input; default: the built-in sample)")
	fs.StringVar(&cfg.format, "format", "text", "output `format`: text, json, mermaid or dot")
	fs.StringVar(&date, "date", "", "validate as of this `date`, YYYY-MM-DD (default: today)")
	fs.StringVar(&cfg.root, "root", "", "limit the output to the subtree under the organization with this `id`")
	fs.IntVar(&cfg.depth, "depth", 0, "chart at most `n` levels below the root (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: orgchart [-in tree.csv] [-format text|json|mermaid|dot] [-date YYYY-MM-DD] [-root ID] [-depth N]")
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

// readInput returns the input's name for messages and its bytes.
func readInput(in string, stdin io.Reader) (string, []byte, error) {
	switch in {
	case "":
		return "built-in sample", sample, nil
	case "-":
		b, err := io.ReadAll(stdin)
		return "stdin", b, err
	}
	b, err := os.ReadFile(in)
	return in, b, err
}

// resolveRoot finds the organization an id names: a UUID in the tree, or
// an id of the file that ReadCSV mapped to a UUID (see orgmodel.CSVID).
func resolveRoot(t *orgmodel.Tree, s string) (uuid.UUID, bool) {
	if id, err := uuid.Parse(s); err == nil && t.Has(id) {
		return id, true
	}
	id := orgmodel.CSVID(s)
	return id, t.Has(id)
}

// inSubtree returns the findings about organizations under root (all of
// them for uuid.Nil).
func inSubtree(t *orgmodel.Tree, root uuid.UUID, fs []orgmodel.Finding) []orgmodel.Finding {
	out := make([]orgmodel.Finding, 0, len(fs))
	for _, f := range fs {
		if root == uuid.Nil || f.Org == root || t.IsAncestor(root, f.Org) {
			out = append(out, f)
		}
	}
	return out
}

var problemIndex = regexp.MustCompile(`^orgs\[([0-9]+)\]`)

// printBuildError prints each build problem, with the line of the row it
// is about where lines (one per record) says.
func printBuildError(w io.Writer, name string, err error, lines []int) {
	var be *orgmodel.BuildError
	if !errors.As(err, &be) {
		fmt.Fprintf(w, "orgchart: %s: %v\n", name, err)
		return
	}
	for _, p := range be.Problems {
		if m := problemIndex.FindStringSubmatch(p.Path); m != nil && lines != nil {
			if i, err := strconv.Atoi(m[1]); err == nil && i < len(lines) {
				fmt.Fprintf(w, "%s:%d: %v\n", name, lines[i], p)
				continue
			}
		}
		fmt.Fprintf(w, "%s: %v\n", name, p)
	}
}

var severities = []orgmodel.Severity{orgmodel.Error, orgmodel.Warning, orgmodel.Info}

func counts(fs []orgmodel.Finding) map[orgmodel.Severity]int {
	m := map[orgmodel.Severity]int{}
	for _, f := range fs {
		m[f.Severity]++
	}
	return m
}

// summary returns the summary line: "3 findings as of 2025-06-30: error 1, warning 2, info 0".
func summary(fs []orgmodel.Finding, asOf dangjian.Date) string {
	c := counts(fs)
	s := fmt.Sprintf("%d findings as of %s:", len(fs), asOf)
	for i, sev := range severities {
		if i > 0 {
			s += ","
		}
		s += fmt.Sprintf(" %s %d", sev, c[sev])
	}
	return s
}

func writeText(w io.Writer, fs []orgmodel.Finding, asOf dangjian.Date) error {
	var b bytes.Buffer
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", f.Severity, f.Rule, oneLine(f.Path), oneLine(f.Message))
	}
	b.WriteString(summary(fs, asOf))
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

func writeJSON(w io.Writer, fs []orgmodel.Finding) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(fs) // fs is never nil: an empty array, not null
}

// oneLine replaces tabs, line breaks and other control characters with
// spaces, so that a field stays in its column and its line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
