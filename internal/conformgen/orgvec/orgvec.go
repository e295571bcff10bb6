// Package orgvec generates the organization-tree vectors of the
// conformance set (conformance/org/): the trees, as files
// examples/orgchart reads, and the findings the national rules give on
// each as of its date.
//
// Files is the whole family, keyed by path relative to conformance/; it
// is deterministic, so that a test can regenerate it and compare it byte
// for byte with the files on disk. The trees are written by hand (cases.go);
// the findings are the library's (orgmodel.Validate under
// orgmodel.NationalRules), and the package's test re-derives them from the
// rule texts without calling orgmodel.
package orgvec

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// Dir is the family's directory under conformance/.
const Dir = "org"

// The files of the family, relative to conformance/.
const (
	CasesFile    = Dir + "/cases.csv"
	FindingsFile = Dir + "/findings.csv"
	TreesDir     = Dir + "/trees"
)

// The columns of the files.
var (
	CasesHeader    = []string{"case", "tree", "as_of", "rules", "ruleset", "note"}
	FindingsHeader = []string{"case", "id", "rule", "severity", "ruleset"}
)

// Files returns the family's files, keyed by path relative to
// conformance/, with ruleset in every vector row.
func Files(ruleset string) (map[string][]byte, error) {
	if ruleset == "" {
		return nil, fmt.Errorf("orgvec: an empty rule-set version")
	}
	out := map[string][]byte{}
	var cs, fs []byte
	cs = row(cs, CasesHeader...)
	fs = row(fs, FindingsHeader...)
	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			return nil, fmt.Errorf("orgvec: case %q twice", c.name)
		}
		seen[c.name] = true
		asOf, err := dangjian.ParseDate(c.asOf)
		if err != nil {
			return nil, fmt.Errorf("orgvec: case %q: %w", c.name, err)
		}
		tree, file, err := build(c)
		if err != nil {
			return nil, fmt.Errorf("orgvec: case %q: %w", c.name, err)
		}
		rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), asOf)
		if err != nil {
			return nil, fmt.Errorf("orgvec: case %q: %w", c.name, err)
		}
		for _, f := range rep.Findings {
			if !contains(c.rules, f.Rule) {
				return nil, fmt.Errorf("orgvec: case %q: finding of %s on %q, a rule the case does not list", c.name, f.Rule, f.Subject)
			}
			fs = row(fs, c.name, f.Subject, f.Rule, f.Severity.String(), ruleset)
		}
		if c.csv != "" {
			out[TreesDir+"/"+file] = []byte(c.csv)
		} else {
			out[TreesDir+"/"+file] = []byte(c.json)
		}
		cs = row(cs, c.name, "trees/"+file, c.asOf, strings.Join(c.rules, ";"), ruleset, c.note)
	}
	out[CasesFile] = cs
	out[FindingsFile] = fs
	return out, nil
}

// build reads the case's tree as examples/orgchart does; any problem is an
// error (a vector tree is well formed).
func build(c treeCase) (*orgmodel.Tree, string, error) {
	if c.csv != "" {
		t, err := orgmodel.ReadTreeCSV(strings.NewReader(c.csv), orgmodel.BuildOptions{})
		return t, c.name + ".csv", err
	}
	recs, err := orgmodel.DecodeJSON(strings.NewReader(c.json))
	if err != nil {
		return nil, "", err
	}
	t, err := orgmodel.Build(recs)
	return t, c.name + ".json", err
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// row appends one CSV record (RFC 4180, "\n" line end) to b.
func row(b []byte, fields ...string) []byte {
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = csvtable.AppendField(b, f)
	}
	return append(b, '\n')
}
