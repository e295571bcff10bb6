// Command orgchart reads an organization tree from a CSV or JSON file,
// validates it against the national rules and prints the findings or a
// chart.
//
// Usage:
//
//	orgchart [-in tree.csv|tree.json] [-format text|json|mermaid|dot] [-date 2025-06-30] [-root ID] [-depth N] [-max-depth N]
//	         [-encoding utf-8|gbk|gb18030]
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
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

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
}

// run is the program: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, status, ok := parseFlags(args, stderr)
	if !ok {
		return status
	}

	name, data, err := readInput(cfg.in, stdin, cfg.enc)
	if errors.Is(err, dangjian.ErrEncoding) {
		// Text that is not in -encoding: a problem of the input, with
		// its line and column.
		ps := dangjian.ProblemsOf(err)
		if cfg.format == "json" {
			if err := writeProblems(stdout, cfg.in, ps); err != nil {
				fmt.Fprintf(stderr, "orgchart: %v\n", err)
			}
			return exitInput
		}
		for _, p := range ps {
			fmt.Fprintln(stderr, located(name, p))
		}
		return exitInput
	}
	if err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
		return exitInput
	}

	failed := false
	recs, stop, problems, fatal := readRecords(cfg.in, data)
	if fatal != nil {
		fmt.Fprintf(stderr, "orgchart: %s: %v\n", name, fatal)
		return exitInput
	}
	var tree *orgmodel.Tree
	if !stop {
		var err error
		if tree, err = orgmodel.BuildWith(recs, orgmodel.BuildOptions{MaxDepth: cfg.maxDepth}); err != nil {
			problems = append(problems, dangjian.ProblemsOf(err)...)
		}
	}
	if len(problems) > 0 {
		if cfg.format == "json" {
			if err := writeProblems(stdout, cfg.in, problems); err != nil {
				fmt.Fprintf(stderr, "orgchart: %v\n", err)
			}
			return exitInput
		}
		for _, p := range problems {
			fmt.Fprintln(stderr, located(name, p))
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

	report, err := orgmodel.Validate(tree, orgmodel.NationalRules(), cfg.asOf)
	if err != nil {
		fmt.Fprintf(stderr, "orgchart: %v\n", err)
		return exitFindings
	}
	findings := inSubtree(tree, root, report.Findings)
	if counts(findings)[dangjian.Error] > 0 {
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
	fs.StringVar(&cfg.in, "in", "", "CSV or JSON (*.json) `file` of organizations (- for standard input, as CSV; default: the built-in sample)")
	fs.StringVar(&cfg.format, "format", "text", "output `format`: text, json, mermaid or dot")
	fs.StringVar(&date, "date", "", "validate as of this `date`, YYYY-MM-DD (default: today)")
	fs.StringVar(&cfg.root, "root", "", "limit the output to the subtree under the organization with this `id`")
	fs.IntVar(&cfg.depth, "depth", 0, "chart at most `n` levels below the root (0: all)")
	fs.IntVar(&cfg.maxDepth, "max-depth", orgmodel.DefaultMaxDepth, "refuse a tree deeper than `n` levels below its root")
	fs.Var(&cfg.enc, "encoding", "`encoding` of the input: utf-8, gbk or gb18030")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: orgchart [-in tree.csv|tree.json] [-format text|json|mermaid|dot] [-date YYYY-MM-DD] [-root ID] [-depth N] [-max-depth N] [-encoding utf-8|gbk|gb18030]")
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

// readInput returns the input's name for messages and its bytes, as
// UTF-8 from encoding enc (the built-in sample is UTF-8). Text that is
// not in enc is an error of kind [dangjian.ErrEncoding].
func readInput(in string, stdin io.Reader, enc textenc.Encoding) (string, []byte, error) {
	switch in {
	case "":
		return "built-in sample", sample, nil
	case "-":
		b, err := io.ReadAll(textenc.NewReader(stdin, enc))
		return "stdin", b, err
	}
	f, err := os.Open(in)
	if err != nil {
		return in, nil, err
	}
	defer f.Close()
	// Sized to the file once, rather than doubled as io.ReadAll would,
	// which held up to twice the file at its peak.
	// (bytes.Buffer.Grow would allocate the size twice.)
	var size int64
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() < 1<<40 {
		size = st.Size()
	}
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err = buf.ReadFrom(textenc.NewReader(f, enc))
	return in, buf.Bytes(), err
}

// readRecords reads the records from data, as JSON if the input's name
// ends in .json and as CSV otherwise. problems are the input's problems;
// stop says that they leave no records to go on with (a CSV header or text
// that is not CSV, JSON that does not decode), else the records of the
// good rows come with them. fatal is an error that is not a problem of the
// input (a read error).
func readRecords(in string, data []byte) (recs orgmodel.Records, stop bool, problems dangjian.Problems, fatal error) {
	var err error
	fromJSON := isJSON(in)
	if fromJSON {
		recs, err = orgmodel.DecodeJSON(bytes.NewReader(data))
	} else {
		recs, err = orgmodel.ReadCSV(bytes.NewReader(data))
	}
	if err == nil {
		return recs, false, nil, nil
	}
	var ps dangjian.Problems
	if !errors.As(err, &ps) {
		var p *dangjian.Problem
		if !errors.As(err, &p) {
			return recs, true, nil, err
		}
		ps = dangjian.Problems{p}
	}
	// DecodeJSON stops at its first problem; ReadCSV stops at a header
	// problem or at text that is not CSV, and goes on past bad rows.
	stop = fromJSON || errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) && !errors.Is(err, dangjian.ErrEncoding)
	return recs, stop, ps, nil
}

// isJSON reports whether the input named in is a JSON file.
func isJSON(in string) bool { return strings.EqualFold(filepath.Ext(in), ".json") }

// located returns the problem's message with the input's name in front of
// its line and column ("tree.csv:3:6: full_members (id \"a.1\"): …").
func located(name string, p *dangjian.Problem) string {
	q := *p
	q.File = name
	return q.Error()
}

// writeProblems writes the input's problems as one JSON object:
// {"problems":[...]}. The file is named only when it is one.
func writeProblems(w io.Writer, in string, ps dangjian.Problems) error {
	out := make(dangjian.Problems, len(ps))
	for i, p := range ps {
		q := *p
		if in != "" && in != "-" {
			q.File = in
		}
		out[i] = &q
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Problems dangjian.Problems `json:"problems"`
	}{out})
}

// inSubtree returns the findings about organizations under root (all of
// them, the slice itself, for uuid.Nil).
func inSubtree(t *orgmodel.Tree, root uuid.UUID, fs []dangjian.Finding) []dangjian.Finding {
	if root == uuid.Nil {
		return fs
	}
	out := make([]dangjian.Finding, 0, len(fs))
	for _, f := range fs {
		id, _ := t.Lookup(f.Subject)
		if root == uuid.Nil || id == root || t.IsAncestor(root, id) {
			out = append(out, f)
		}
	}
	return out
}

var severities = []dangjian.Severity{dangjian.Error, dangjian.Warning, dangjian.Info}

func counts(fs []dangjian.Finding) map[dangjian.Severity]int {
	m := map[dangjian.Severity]int{}
	for _, f := range fs {
		m[f.Severity]++
	}
	return m
}

// summary returns the summary line: "3 findings as of 2025-06-30: error 1, warning 2, info 0".
func summary(fs []dangjian.Finding, asOf dangjian.Date) string {
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

func writeText(w io.Writer, fs []dangjian.Finding, asOf dangjian.Date) error {
	var b bytes.Buffer
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", f.Severity, f.Rule, oneLine(f.Name), oneLine(f.Message))
	}
	b.WriteString(summary(fs, asOf))
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}

// writeJSON writes the findings as an indented JSON array, the bytes
// json.Encoder (SetEscapeHTML(false), SetIndent("  ", "  ")) would write
// for the slice, one finding at a time: the output is never held whole in
// memory. Each finding is marshalled by its MarshalJSON, whose output is
// compact, and indented by indentJSON: the encoder would compact and
// validate it again and indent it through its scanner, which took more
// than half the pipeline's time on a 1M-organization tree.
func writeJSON(w io.Writer, fs []dangjian.Finding) error {
	if len(fs) == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	var one []byte
	bw.WriteString("[\n")
	for i := range fs {
		b, err := fs[i].MarshalJSON()
		if err != nil {
			return err
		}
		one = indentJSON(append(one[:0], "  "...), b, "  ", "  ")
		if i < len(fs)-1 {
			one = append(one, ',')
		}
		one = append(one, '\n')
		if _, err := bw.Write(one); err != nil {
			return err
		}
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// indentJSON appends src, compact JSON as json.Marshal writes it, to dst
// indented as json.Indent(dst, src, prefix, indent) would: a new line,
// prefix and one indent per level after an opening bracket and each comma,
// ": " after a key, and empty objects and arrays kept as {} and []. It does
// not validate src.
func indentJSON(dst, src []byte, prefix, indent string) []byte {
	depth := 0
	newline := func() {
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch c {
		case '"':
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			dst = append(dst, src[i:min(j+1, len(src))]...)
			i = j
		case '{', '[':
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				dst = append(dst, c, src[i+1])
				i++
				continue
			}
			dst = append(dst, c)
			depth++
			newline()
		case '}', ']':
			depth--
			newline()
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		default:
			dst = append(dst, c)
		}
	}
	return dst
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
