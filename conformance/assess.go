package conformance

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"math/big"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The assessment vectors (conformance/assess; see its README.md).
//
//go:embed assess
var assessFS embed.FS

// AssessCase is one assessment vector: a cohort of subjects, as
// examples/assess reads them, scored under a scheme and graded under its
// reference policy.
type AssessCase struct {
	Name string
	// Line is the case's line in conformance/assess/cases.csv.
	Line int
	// Scheme names the scheme: a reference scheme of package assess
	// (jifen, minzhu-pingyi, xingji) or the reference city's,
	// yanji-shuzhi (place/yanji), as examples/assess -scheme takes it.
	Scheme string
	// Policy is "reference": assess.ReferencePolicy(Scheme), or
	// yanji.Policy() for yanji-shuzhi.
	Policy string
	// File is the subjects file's path under conformance/
	// (assess/subjects/xingji-quota-tie.json); Subjects its content, a
	// JSON array of subjects (assess/SCHEME.md §3).
	File     string
	Subjects []byte
	// Rules are the rule IDs the cohort exercises.
	Rules   []string
	RuleSet string
	Note    string
	// Want is each subject's expected result, in the cohort's order
	// (total, tie-break keys, ID).
	Want []AssessExpect
}

// Reader returns a reader of the subjects file.
func (c AssessCase) Reader() io.Reader { return bytes.NewReader(c.Subjects) }

// AssessExpect is one subject's expected result.
type AssessExpect struct {
	ID, Category string
	// Total is decimal text with the places of the scheme's total
	// rounding point ("87.63", "0.00").
	Total string
	// Grade is the final grade after gates and quotas; empty for a
	// subject the policy does not grade.
	Grade string
	// Rank is the competition rank within the cohort (or its category,
	// where the policy ranks per category); 0 for a subject not graded.
	Rank int
	// Rules are the rule IDs that decided the result.
	Rules []string
}

// AssessResult is a caller's answer for one subject. Total is decimal
// text, compared by value ("81.1" equals "81.10"); an empty Grade or a
// zero Rank is not compared.
type AssessResult struct {
	ID, Total, Grade string
	Rank             int
}

// AssessSchemes returns the names of the schemes the vectors cover, sorted.
func AssessSchemes() []string {
	cases, err := AssessCases("")
	if err != nil {
		return nil
	}
	var names []string
	for _, c := range cases {
		if !slices.Contains(names, c.Scheme) {
			names = append(names, c.Scheme)
		}
	}
	slices.Sort(names)
	return names
}

// AssessCases returns the assessment vectors of the scheme called scheme,
// or of every scheme when scheme is "", in file order. An unknown scheme
// is an error naming the known ones; so is an embedded set that is
// damaged or of another rule set than [RuleSet].
func AssessCases(scheme string) ([]AssessCase, error) {
	read := func(name string) ([]byte, error) { return assessFS.ReadFile(path.Join("assess", name)) }
	rows, err := readVectorsFrom(assessFS, "assess/cases.csv", "scheme", "policy", "subjects", "note")
	if err != nil {
		return nil, err
	}
	erows, err := readVectorsFrom(assessFS, "assess/expected.csv", "cohort", "id", "category", "total", "grade", "rank")
	if err != nil {
		return nil, err
	}
	want := map[string][]AssessExpect{}
	for _, e := range erows {
		x := AssessExpect{ID: e.cells["id"], Category: e.cells["category"], Total: e.cells["total"], Grade: e.cells["grade"], Rules: e.rules()}
		if e.cells["rank"] != "" {
			if x.Rank, err = strconv.Atoi(e.cells["rank"]); err != nil {
				return nil, fmt.Errorf("%s: case %s: rank: %w", e.where(), e.cells["case"], err)
			}
		}
		want[e.cells["cohort"]] = append(want[e.cells["cohort"]], x)
	}
	var cases []AssessCase
	var known []string
	for _, row := range rows {
		r := row.cells
		if !slices.Contains(known, r["scheme"]) {
			known = append(known, r["scheme"])
		}
		if scheme != "" && r["scheme"] != scheme {
			continue
		}
		c := AssessCase{Name: r["case"], Line: row.line, Scheme: r["scheme"], Policy: r["policy"], File: path.Join("assess", r["subjects"]),
			Rules: row.rules(), RuleSet: r["ruleset"], Note: r["note"], Want: want[r["case"]]}
		if c.Subjects, err = read(r["subjects"]); err != nil {
			return nil, err
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 && scheme != "" {
		return nil, fmt.Errorf("conformance: no assessment vectors for scheme %q; the vectors cover %s", scheme, strings.Join(known, ", "))
	}
	return cases, nil
}

// CheckAssess runs fn on every assessment vector of the scheme called
// scheme ("" for every scheme) and reports each vector that differs with
// one t.Errorf, naming the case (and its line in
// conformance/assess/cases.csv), the scheme and the subjects file, then
// each difference on a line of its own ([AssessDiff]): the subject, the
// field (total, grade, rank), want and got, and the rule IDs that decided
// the library's value; a subject fn leaves out or one the cohort does not
// have is reported too. An error of fn is reported for its case, and the other cases go
// on; [ErrSkip] skips the case, and the skipped cases are counted with
// t.Logf. At most [MaxReported] vectors are reported one by one, the
// rest counted in one more error. CheckAssess calls only t's Helper,
// Errorf, Fatalf and Logf.
func CheckAssess(t testing.TB, scheme string, fn func(c AssessCase) ([]AssessResult, error)) {
	t.Helper()
	cases, err := AssessCases(scheme)
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	rep := &reporter{t: t, file: "assess/cases.csv", total: len(cases)}
	skipped := 0
	for _, c := range cases {
		got, err := fn(c)
		if errors.Is(err, ErrSkip) {
			skipped++
			continue
		}
		where := fmt.Sprintf("conformance/assess/cases.csv:%d: assess case %s (scheme %s, %s)", c.Line, c.Name, c.Scheme, c.File)
		if err != nil {
			rep.fail("%s: %v", where, err)
			continue
		}
		if d := AssessDiff(c.Want, got); len(d) > 0 {
			rep.fail("%s:\n\t%s", where, strings.Join(d, "\n\t"))
		}
	}
	rep.done()
	if skipped > 0 {
		t.Logf("conformance: %d assessment vectors skipped", skipped)
	}
}

// AssessDiff compares a caller's results with a vector's expected ones
// and returns one line per difference, in the order of want then got.
func AssessDiff(want []AssessExpect, got []AssessResult) []string {
	gotBy := map[string]AssessResult{}
	for _, g := range got {
		gotBy[g.ID] = g
	}
	var out []string
	for _, w := range want {
		g, ok := gotBy[w.ID]
		rules := "rules " + strings.Join(w.Rules, ";")
		if !ok {
			out = append(out, fmt.Sprintf("subject %q missing (want total %s, grade %s, rank %d; %s)", w.ID, w.Total, w.Grade, w.Rank, rules))
			continue
		}
		wt, _ := assessDecimal(w.Total)
		if gt, ok := assessDecimal(g.Total); !ok || wt == nil || gt.Cmp(wt) != 0 {
			out = append(out, fmt.Sprintf("subject %q: total want %s, got %q (%s)", w.ID, w.Total, g.Total, rules))
		}
		if g.Grade != "" && g.Grade != w.Grade {
			out = append(out, fmt.Sprintf("subject %q: grade want %q, got %q (total %s; %s)", w.ID, w.Grade, g.Grade, w.Total, rules))
		}
		if g.Rank != 0 && g.Rank != w.Rank {
			out = append(out, fmt.Sprintf("subject %q: rank want %d, got %d (total %s; %s)", w.ID, w.Rank, g.Rank, w.Total, rules))
		}
	}
	for _, g := range got {
		if !slices.ContainsFunc(want, func(w AssessExpect) bool { return w.ID == g.ID }) {
			out = append(out, fmt.Sprintf("subject %q is not in the cohort", g.ID))
		}
	}
	return out
}

// assessDecimal parses a plain decimal ("87.63", "0", "-1.5") exactly; no
// exponent, fraction or space.
func assessDecimal(s string) (*big.Rat, bool) {
	t := strings.TrimPrefix(s, "-")
	if t == "" || t[0] == '.' || t[len(t)-1] == '.' || strings.Count(t, ".") > 1 || strings.Trim(t, "0123456789.") != "" {
		return nil, false
	}
	return new(big.Rat).SetString(s)
}
