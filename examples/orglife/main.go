// Command orglife checks a year (or any window) of organizational life
// (三会一课, 主题党日, 组织生活会, 民主评议党员, 谈心谈话) of an organization
// tree against the national rules of package orglife.
//
// Usage:
//
//	orglife -tree tree.csv -in meetings.csv -from 2024-01-01 -to 2025-01-01 [-format text|json|csv]
//	        [-max-rows N] [-max-record-bytes N] [-max-problems N]
//
// The tree is a CSV file as examples/orgchart reads it ([orgmodel.ReadCSV]:
// id, parent_id, kind, domain, name, full_members, probationary_members,
// …, in English or Chinese); party groups (党小组) are organizations of
// kind party group under their branch. The meetings are a CSV file with
// the columns org_id, type, date, expected and present, and optionally
// voting_expected and voting_present (a vote), id, also (types the sitting
// was combined with) and year (the 年度 label), or their Chinese names
// (组织编号, 会议类型, 日期, 应到人数, 实到人数, 应到有表决权人数, 实到有表决权人数,
// 记录编号, 合并召开, 年度); types by English code or Chinese label
// ([orglife.ScanCSVWith]). A meetings file whose name ends in .json is a
// JSON array of meetings ([orglife.ScanJSONWith]). org_id matches the
// tree's id column. -in - reads the meetings from standard input.
//
// Every whole calendar period (month, quarter, half-year, year) of the
// window [-from, -to) is checked ([orglife.Checker]).
//
// With no flags at all, the program runs on a built-in sample
// (testdata/tree.csv and testdata/meetings.csv: a community committee with
// four branches and a year of meetings, some branches short, some quorums
// failed) for 2024.
//
// Formats:
//
//   - text (default): the findings, one per line, tab-separated: severity,
//     rule, organization, period or date, message; then a summary table per
//     organization and meeting type (required, held, short, quorum
//     failures, and the organization's name and the type's label); then a
//     line counting the findings per severity.
//   - json: one object {"from", "to", "findings", "summary", "problems"}:
//     the findings in the shared shape ([dangjian.Finding]: "subject" the
//     organization's id as the tree file writes it, "ref" the meeting type,
//     the period as "field": "period" with "value" its label, "2024-Q2",
//     and "on" its first day; a quorum failure has "field" "present" or
//     "voting_present", "value" "present/expected", "on" the meeting's
//     date and "line" its line in the meetings file), the summary rows,
//     and the problems of bad rows ([dangjian.Problem]).
//   - csv: the findings as CSV (rule, severity, subject, name, type,
//     field, value, on, line, message, source, article, confidence), text
//     cells guarded against spreadsheet formulas. line is the
//     organization's line in the tree file for a shortfall, the meeting's
//     line in the meetings file for a quorum failure.
//
// Bad rows of the meetings file are reported by line on standard error
// (with -format json, in "problems") while the good rows are counted.
//
// Exit status: 0 when no finding has severity error; 1 when at least one
// does, or when the meetings file has bad rows; 2 when the input cannot be
// read (a missing file, a tree that cannot be read or built, a bad
// meetings header, text that is not CSV or JSON, a limit met) or the flags
// are wrong.
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
)

var (
	//go:embed testdata/tree.csv
	sampleTree []byte
	//go:embed testdata/meetings.csv
	sampleMeetings []byte
)

// Exit statuses.
const (
	exitOK       = 0 // no error-severity finding
	exitFindings = 1 // error findings, or bad rows
	exitInput    = 2 // unreadable input or bad flags
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	tree, in, format string
	from, to         dangjian.Date
	lim              dangjian.Limits
}

func parseFlags(args []string, stderr io.Writer) (config, bool) {
	var cfg config
	fs := flag.NewFlagSet("orglife", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var from, to string
	fs.StringVar(&cfg.tree, "tree", "", "the organization tree, a CSV file")
	fs.StringVar(&cfg.in, "in", "", "the meetings, a CSV or .json file, or - for standard input")
	fs.StringVar(&from, "from", "", "the first day of the window, YYYY-MM-DD")
	fs.StringVar(&to, "to", "", "the day after the window, YYYY-MM-DD")
	fs.StringVar(&cfg.format, "format", "text", "output format: text, json or csv")
	fs.Int64Var(&cfg.lim.MaxRecords, "max-rows", 0, "most meeting rows read (0: the default, 200,000,000; -1: no limit)")
	fs.IntVar(&cfg.lim.MaxRecordBytes, "max-record-bytes", 0, "most bytes of one row (0: the default, 1 MiB; -1: no limit)")
	fs.IntVar(&cfg.lim.MaxProblems, "max-problems", 0, "most problems listed (0: the default, 1,000; -1: no limit)")
	if err := fs.Parse(args); err != nil {
		return cfg, false
	}
	bad := func(format string, a ...any) (config, bool) {
		fmt.Fprintf(stderr, "orglife: "+format+"\n", a...)
		return cfg, false
	}
	if fs.NArg() > 0 {
		return bad("unexpected argument %q", fs.Arg(0))
	}
	switch cfg.format {
	case "text", "json", "csv":
	default:
		return bad("-format %q: want text, json or csv", cfg.format)
	}
	if (cfg.tree == "") != (cfg.in == "") {
		return bad("give both -tree and -in, or neither for the built-in sample")
	}
	if cfg.tree == "" && from == "" && to == "" {
		from, to = "2024-01-01", "2025-01-01"
	}
	var err error
	if cfg.from, err = dangjian.ParseDate(from); err != nil {
		return bad("-from %q: want a YYYY-MM-DD date", from)
	}
	if cfg.to, err = dangjian.ParseDate(to); err != nil {
		return bad("-to %q: want a YYYY-MM-DD date", to)
	}
	if !cfg.from.Before(cfg.to) {
		return bad("-to %s must be after -from %s", cfg.to, cfg.from)
	}
	return cfg, true
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, ok := parseFlags(args, stderr)
	if !ok {
		return exitInput
	}
	treeName, inName := "tree.csv", "meetings.csv"
	// Both files are read as streams: the tree's records are kept, the
	// meetings only counted.
	var treeIn, in io.Reader = bytes.NewReader(sampleTree), bytes.NewReader(sampleMeetings)
	if cfg.tree != "" {
		treeName, inName = cfg.tree, cfg.in
		tf, err := os.Open(cfg.tree)
		if err != nil {
			fmt.Fprintf(stderr, "orglife: %v\n", err)
			return exitInput
		}
		defer tf.Close()
		treeIn = tf
		if cfg.in == "-" {
			inName, in = "stdin", stdin
		} else {
			mf, err := os.Open(cfg.in)
			if err != nil {
				fmt.Fprintf(stderr, "orglife: %v\n", err)
				return exitInput
			}
			defer mf.Close()
			in = mf
		}
	}

	tree, ps := readTree(treeIn)
	if ps != nil {
		for _, p := range ps {
			fmt.Fprintln(stderr, located(treeName, p))
		}
		return exitInput
	}
	c, err := orglife.NewChecker(tree, orglife.NationalRules(), cfg.from, cfg.to, orglife.Options{})
	if err != nil {
		fmt.Fprintf(stderr, "orglife: %v\n", err)
		return exitInput
	}
	var rows dangjian.Problems
	var stop error
	if strings.EqualFold(filepath.Ext(cfg.in), ".json") {
		rows, stop = c.AddJSON(in, cfg.lim)
	} else {
		rows, stop = c.AddCSV(in, cfg.lim)
	}
	if stop != nil {
		for _, p := range dangjian.ProblemsOf(stop) {
			fmt.Fprintln(stderr, located(inName, p))
		}
		return exitInput
	}
	if cfg.format != "json" {
		for _, p := range rows {
			fmt.Fprintln(stderr, located(inName, p))
		}
	}

	findings := c.Findings()
	w := bufio.NewWriter(stdout)
	switch cfg.format {
	case "json":
		err = writeJSON(w, cfg, findings, c.Summary(), rows, inName)
	case "csv":
		err = writeCSV(w, findings)
	default:
		err = writeText(w, findings, c.Summary())
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "orglife: %v\n", err)
		return exitInput
	}
	if len(rows) > 0 {
		return exitFindings
	}
	for _, f := range findings {
		if f.Severity == dangjian.Error {
			return exitFindings
		}
	}
	return exitOK
}

// readTree reads and builds the tree; any problem of the file makes it
// unusable.
func readTree(r io.Reader) (*orgmodel.Tree, dangjian.Problems) {
	recs, err := orgmodel.ReadCSV(r)
	if err != nil {
		return nil, dangjian.ProblemsOf(err)
	}
	tree, err := orgmodel.Build(recs)
	if err != nil {
		return nil, dangjian.ProblemsOf(err)
	}
	return tree, nil
}

// located renders a problem with the file's name.
func located(name string, p *dangjian.Problem) string {
	q := *p
	if q.Line > 0 {
		q.File = name
	}
	return q.Error()
}

// period returns where a finding is in time: the period's label, or the
// meeting's date.
func period(f dangjian.Finding) string {
	if f.Field == "period" {
		return f.Value
	}
	return f.On.String()
}

func writeText(w io.Writer, findings []dangjian.Finding, summary []orglife.Tally) error {
	count := map[dangjian.Severity]int{}
	for _, f := range findings {
		count[f.Severity]++
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", f.Severity, f.Rule, f.Subject, period(f), f.Message)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	// Chinese text last, so that the columns line up (tabwriter counts
	// characters, not display width).
	fmt.Fprintln(tw, "organization\ttype\trequired\theld\tshort\tquorum failures\tname")
	for _, s := range summary {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s %s\n", s.Org, s.Type, s.Required, s.Held, s.Shortfall, s.QuorumFailures,
			lastName(s.Name), s.Type.Label())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%d findings: %d error, %d warning, %d info\n", len(findings),
		count[dangjian.Error], count[dangjian.Warning], count[dangjian.Info])
	return err
}

// lastName returns the last name of a path "a / b / c".
func lastName(path string) string {
	if i := strings.LastIndex(path, " / "); i >= 0 {
		return path[i+3:]
	}
	return path
}

func writeJSON(w io.Writer, cfg config, findings []dangjian.Finding, summary []orglife.Tally, rows dangjian.Problems, inName string) error {
	if findings == nil {
		findings = []dangjian.Finding{}
	}
	if summary == nil {
		summary = []orglife.Tally{}
	}
	problems := make(dangjian.Problems, len(rows))
	for i, p := range rows {
		q := *p
		if q.Line > 0 {
			q.File = inName
		}
		problems[i] = &q
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		From     dangjian.Date      `json:"from"`
		To       dangjian.Date      `json:"to"`
		Findings []dangjian.Finding `json:"findings"`
		Summary  []orglife.Tally    `json:"summary"`
		Problems dangjian.Problems  `json:"problems"`
	}{cfg.from, cfg.to, findings, summary, problems})
}

func writeCSV(w io.Writer, findings []dangjian.Finding) error {
	cw, err := csvtable.NewWriter(w)
	if err != nil {
		return err
	}
	if err := cw.Write([]string{"rule", "severity", "subject", "name", "type", "field", "value", "on", "line",
		"message", "source", "article", "confidence"}); err != nil {
		return err
	}
	for _, f := range findings {
		line := ""
		if f.Line > 0 {
			line = strconv.Itoa(f.Line)
		}
		if err := cw.Write([]string{f.Rule, f.Severity.String(), cw.Text(f.Subject), cw.Text(f.Name), f.Ref, f.Field,
			cw.Text(f.Value), f.On.String(), line, cw.Text(f.Message), cw.Text(f.Source.Doc), cw.Text(f.Source.Article),
			f.Source.Confidence.String()}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
