package conformance

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// moneyFiles are the vector files of the money families, with the dues
// rosters and payroll files the vectors' members are read from.
//
//go:embed dues/*.csv dues/roster/*.csv tax/*.csv tax/payroll/*.csv remit/*.csv enterprise/*.csv
var moneyFiles embed.FS

// MaxReported is how many failing vectors of one file a Check function
// reports one by one; the rest of the file's failures are counted in one
// more error.
const MaxReported = 20

// ErrSkip, returned by a caller's function, skips the vector: the
// function does not cover it (a platform without payslips). A Check
// function counts the vectors skipped and logs the count; a skipped vector
// is not a failure.
var ErrSkip = errors.New("conformance: vector skipped")

// vecRow is one row of a vector file: where it is and its cells by
// column name.
type vecRow struct {
	file  string
	line  int
	cols  []string // the header, in file order
	cells map[string]string
}

func (r vecRow) where() string { return fmt.Sprintf("conformance/%s:%d", r.file, r.line) }

// rules splits the row's rules column.
func (r vecRow) rules() []string { return strings.Split(r.cells["rules"], ";") }

// readVectors reads one embedded vector file with the shared CSV reader:
// the columns case, rules and ruleset are required, every other column is
// kept by name. A case named twice, a row without rules, or a ruleset
// other than RuleSet() is an error: the set is stale or damaged.
func readVectors(name string, required ...string) ([]vecRow, error) {
	return readVectorsFrom(moneyFiles, name, required...)
}

// readVectorsFrom is [readVectors] for a vector file of fsys (the money,
// organization or assessment files).
func readVectorsFrom(fsys fs.FS, name string, required ...string) ([]vecRow, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return parseVectors(name, data, required...)
}

func parseVectors(name string, data []byte, required ...string) ([]vecRow, error) {
	req := append([]string{"case", "rules", "ruleset"}, required...)
	spec := csvtable.Spec{ID: "case", ExactCase: true, Extra: func(n string) (string, bool) { return n, true }}
	for _, c := range req {
		spec.Columns = append(spec.Columns, csvtable.Column{Name: c, Required: true})
	}
	t, err := csvtable.Open(bytes.NewReader(data), &spec)
	if err != nil {
		return nil, inFile(name, err)
	}
	h := t.Header()
	cols := make([]string, h.Width)
	for c := range req {
		cols[h.Field(c)] = req[c]
	}
	for _, x := range h.Extras() {
		cols[x.Field] = x.Name
	}
	var rows []vecRow
	var bad dangjian.Problems
	seen := map[string]bool{}
	for t.Next() {
		if p := t.WidthProblem(); p != nil {
			bad.Add(p)
			continue
		}
		if ps := t.EncodingProblems(); len(ps) > 0 {
			bad = append(bad, ps...)
			continue
		}
		r := vecRow{file: name, line: t.Line(), cols: cols, cells: make(map[string]string, len(cols))}
		for i, c := range cols {
			r.cells[c] = t.At(i)
		}
		switch c := r.cells["case"]; {
		case c == "":
			bad.Add(t.Problem(0, "", dangjian.ErrMissing, "every vector has a case name"))
		case seen[c]:
			bad.Add(t.Problem(0, c, dangjian.ErrDuplicate, "case named twice"))
		case r.cells["rules"] == "":
			bad.Add(t.Problem(1, "", dangjian.ErrMissing, "every vector names its rules"))
		case r.cells["ruleset"] != RuleSet():
			bad.Add(t.Problem(2, r.cells["ruleset"], dangjian.ErrInvalid, "the vectors are of rule set "+r.cells["ruleset"]+", the library's is "+RuleSet()+": run go run ./internal/conformgen"))
		default:
			seen[c] = true
			rows = append(rows, r)
		}
	}
	if err := t.Err(); err != nil {
		bad = append(bad, problemsOf(err)...)
		if len(bad) == 0 {
			return nil, inFile(name, err)
		}
	}
	if len(bad) > 0 {
		return nil, inFile(name, bad)
	}
	return rows, nil
}

func problemsOf(err error) dangjian.Problems {
	var ps dangjian.Problems
	errors.As(err, &ps)
	return ps
}

// inFile names the vector file in err's problems, or wraps err with it.
func inFile(name string, err error) error {
	ps := problemsOf(err)
	if len(ps) == 0 {
		return fmt.Errorf("conformance/%s: %w", name, err)
	}
	for _, p := range ps {
		p.File = "conformance/" + name
	}
	return ps
}

// filesOf lists the embedded vector files of a family directory, sorted,
// or checks the caller's list against it.
func filesOf(dir string, only []string) ([]string, error) {
	all, err := fs.Glob(moneyFiles, dir+"/*.csv")
	if err != nil {
		return nil, err
	}
	sort.Strings(all)
	if len(only) == 0 {
		return all, nil
	}
	for _, f := range only {
		if !slices.Contains(all, f) {
			return nil, fmt.Errorf("conformance: no vector file %s (the %s files are %s)", f, path.Base(dir), strings.Join(all, ", "))
		}
	}
	return only, nil
}

// casesIn reads the vectors of the named files of dir (all of them when
// none is named) with read, in file order.
func casesIn[T any](dir string, files []string, read func(name string) ([]T, error)) ([]T, error) {
	names, err := filesOf(dir, files)
	if err != nil {
		return nil, err
	}
	var out []T
	for _, name := range names {
		cs, err := read(name)
		if err != nil {
			return nil, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

// reporter reports the failing vectors of one file to t, at most
// MaxReported of them one by one.
type reporter struct {
	t       interface{ Errorf(string, ...any) }
	file    string
	failed  int
	total   int
	skipped int
}

func (r *reporter) fail(format string, args ...any) {
	r.failed++
	if r.failed <= MaxReported {
		r.t.Errorf(format, args...)
	}
}

func (r *reporter) done() {
	if r.failed > MaxReported {
		r.t.Errorf("conformance/%s: %d more of its %d vectors differ (the first %d are above)", r.file, r.failed-MaxReported, r.total, MaxReported)
	}
}
