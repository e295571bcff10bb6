package conformance

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
)

// The organization-tree vectors (conformance/org; see its README.md).
//
//go:embed org
var orgFS embed.FS

// OrgFlag is one organization flagged under one rule: the answer of a
// tree check for one finding.
type OrgFlag struct {
	// ID is the organization's id as the tree file writes it.
	ID string
	// Rule is the library rule ID (ORG-BRANCH-MIN-3, …). A platform that
	// does not map its checks onto rule IDs leaves it empty: its flags
	// are then compared by organization only.
	Rule string
	// Severity is "error", "warning" or "info" in a vector; in a caller's
	// answer, empty means "not compared".
	Severity string
}

func (f OrgFlag) String() string {
	s := fmt.Sprintf("%q %s", f.ID, f.Rule)
	if f.Severity != "" {
		s += " (" + f.Severity + ")"
	}
	return s
}

// OrgCase is one tree vector: a tree file as examples/orgchart reads it,
// the day it is validated on, and the findings the national rules give.
type OrgCase struct {
	Name string
	// Line is the case's line in conformance/org/cases.csv.
	Line int
	// File is the tree's path under conformance/ (org/trees/terms.csv).
	File string
	// Format is "csv" (orgmodel.ReadCSV's columns) or "json"
	// (orgmodel.DecodeJSON's object), after the file's extension.
	Format string
	// Tree is the file's content.
	Tree []byte
	// AsOf is the validation date.
	AsOf dangjian.Date
	// Rules are the rule IDs the case exercises, fired or not.
	Rules   []string
	RuleSet string
	Note    string
	// Want are the expected findings, in the library's order; none for a
	// clean tree.
	Want []OrgFlag
}

// Reader returns a reader of the tree file.
func (c OrgCase) Reader() io.Reader { return bytes.NewReader(c.Tree) }

// OrgCases returns the tree vectors of conformance/org, in file order. It
// reads only embedded files; an error means the embedded set is damaged
// or of another rule set than [RuleSet] (stale: regenerate it).
func OrgCases() ([]OrgCase, error) {
	read := func(name string) ([]byte, error) { return orgFS.ReadFile(path.Join("org", name)) }
	rows, err := readVectorsFrom(orgFS, "org/cases.csv", "tree", "as_of", "findings", "note")
	if err != nil {
		return nil, err
	}
	frows, err := readVectorsFrom(orgFS, "org/findings.csv", "tree_case", "id", "severity")
	if err != nil {
		return nil, err
	}
	want := map[string][]OrgFlag{}
	for _, f := range frows {
		want[f.cells["tree_case"]] = append(want[f.cells["tree_case"]], OrgFlag{ID: f.cells["id"], Rule: f.cells["rules"], Severity: f.cells["severity"]})
	}
	cases := make([]OrgCase, 0, len(rows))
	for _, r := range rows {
		c := OrgCase{Name: r.cells["case"], Line: r.line, File: path.Join("org", r.cells["tree"]), Rules: r.rules(),
			RuleSet: r.cells["ruleset"], Note: r.cells["note"], Want: want[r.cells["case"]], Format: "csv"}
		if strings.HasSuffix(c.File, ".json") {
			c.Format = "json"
		}
		if c.AsOf, err = dangjian.ParseDate(r.cells["as_of"]); err != nil {
			return nil, fmt.Errorf("%s: case %s: %w", r.where(), c.Name, err)
		}
		if c.Tree, err = read(r.cells["tree"]); err != nil {
			return nil, err
		}
		if strconv.Itoa(len(c.Want)) != r.cells["findings"] {
			return nil, fmt.Errorf("%s: case %s: %d findings listed, %s expected", r.where(), c.Name, len(c.Want), r.cells["findings"])
		}
		cases = append(cases, c)
	}
	return cases, nil
}

// CheckOrgFindings runs fn on every tree vector and reports each vector
// that differs with one t.Errorf, naming the case (and its line in
// conformance/org/cases.csv), its tree file, date and rules, then each
// difference on a line of its own ([OrgDiff]), with the organization and
// the rule: a finding fn misses, one it reports that the vector does not
// have, or a severity that differs. fn answers with the organizations
// it flags; when none of its flags names a rule, the sets of flagged
// organizations are compared instead of the (id, rule) pairs. A flag
// given twice counts once. An error of fn is reported for its case, and
// the other cases go on; [ErrSkip] skips the case (a platform that cannot
// read JSON trees), and the skipped cases are counted with t.Logf. At most
// [MaxReported] vectors are reported one by one, the rest counted in one
// more error. CheckOrgFindings calls only t's Helper, Errorf, Fatalf
// and Logf.
func CheckOrgFindings(t testing.TB, fn func(c OrgCase) ([]OrgFlag, error)) {
	t.Helper()
	cases, err := OrgCases()
	if err != nil {
		t.Fatalf("%v", err)
		return
	}
	rep := &reporter{t: t, file: "org/cases.csv", total: len(cases)}
	skipped := 0
	for _, c := range cases {
		got, err := fn(c)
		if errors.Is(err, ErrSkip) {
			skipped++
			continue
		}
		where := fmt.Sprintf("conformance/org/cases.csv:%d: org case %s (%s as of %s; rules %s)", c.Line, c.Name, c.File, c.AsOf, strings.Join(c.Rules, ";"))
		if err != nil {
			rep.fail("%s: %v", where, err)
			continue
		}
		if d := OrgDiff(c.Want, got); len(d) > 0 {
			rep.fail("%s:\n\t%s", where, strings.Join(d, "\n\t"))
		}
	}
	rep.done()
	if skipped > 0 {
		t.Logf("conformance: %d org vectors skipped", skipped)
	}
}

// OrgDiff compares a caller's flags with a vector's expected findings and
// returns one line per difference, in the order of want then got: a
// finding missed, one not expected, a severity that differs. Without any
// rule in got, organizations are compared instead (a platform that does
// not map its checks onto rule IDs).
func OrgDiff(want, got []OrgFlag) []string {
	byRule := slices.ContainsFunc(got, func(f OrgFlag) bool { return f.Rule != "" })
	key := func(f OrgFlag) string {
		if byRule {
			return f.ID + "\x00" + f.Rule
		}
		return f.ID
	}
	gotBy := map[string]OrgFlag{}
	var gotKeys []string
	for _, f := range got {
		k := key(f)
		if _, ok := gotBy[k]; !ok {
			gotKeys = append(gotKeys, k)
			gotBy[k] = f
		}
	}
	wantBy := map[string][]OrgFlag{}
	var wantKeys []string
	for _, f := range want {
		k := key(f)
		if _, ok := wantBy[k]; !ok {
			wantKeys = append(wantKeys, k)
		}
		wantBy[k] = append(wantBy[k], f)
	}
	var out []string
	for _, k := range wantKeys {
		w := wantBy[k]
		g, ok := gotBy[k]
		switch {
		case !ok && byRule:
			out = append(out, fmt.Sprintf("missing finding %s", w[0]))
		case !ok:
			out = append(out, fmt.Sprintf("organization %q not flagged; the library flags it under %s", w[0].ID, orgRulesOf(w)))
		case byRule && g.Severity != "" && g.Severity != w[0].Severity:
			out = append(out, fmt.Sprintf("finding %q %s: severity want %s, got %s", w[0].ID, w[0].Rule, w[0].Severity, g.Severity))
		}
	}
	for _, k := range gotKeys {
		if _, ok := wantBy[k]; !ok {
			g := gotBy[k]
			if byRule {
				out = append(out, fmt.Sprintf("unexpected finding %s: the library reports none under that rule", g))
			} else {
				out = append(out, fmt.Sprintf("organization %q flagged; the library reports no finding on it", g.ID))
			}
		}
	}
	return out
}

func orgRulesOf(fs []OrgFlag) string {
	rs := make([]string, len(fs))
	for i, f := range fs {
		rs[i] = f.Rule
	}
	return strings.Join(rs, ", ")
}
