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
	"slices"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/conformgen/vecfile"
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

// The columns of the files (see conformance/org/README.md).
var (
	CasesHeader    = []string{"case", "tree", "as_of", "findings", "rules", "ruleset", "note"}
	FindingsHeader = []string{"case", "tree_case", "id", "rules", "severity", "ruleset"}
)

// Files returns the family's files, keyed by path relative to
// conformance/, with ruleset in every vector row.
func Files(ruleset string) (map[string][]byte, error) {
	out := map[string][]byte{}
	cs := vecfile.NewTable(ruleset, CasesHeader...)
	fs := vecfile.NewTable(ruleset, FindingsHeader...)
	for _, c := range cases {
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
			if !slices.Contains(c.rules, f.Rule) {
				return nil, fmt.Errorf("orgvec: case %q: finding of %s on %q, a rule the case does not list", c.name, f.Rule, f.Subject)
			}
			fs.Row(map[string]string{"case": c.name + ":" + f.Subject + ":" + f.Rule, "tree_case": c.name,
				"id": f.Subject, "severity": f.Severity.String()}, f.Rule)
		}
		if c.csv != "" {
			out[TreesDir+"/"+file] = []byte(c.csv)
		} else {
			out[TreesDir+"/"+file] = []byte(c.json)
		}
		cs.Row(map[string]string{"case": c.name, "tree": "trees/" + file, "as_of": c.asOf,
			"findings": strconv.Itoa(len(rep.Findings)), "note": c.note}, c.rules...)
	}
	var err error
	if out[CasesFile], err = cs.Bytes(); err != nil {
		return nil, err
	}
	if out[FindingsFile], err = fs.Bytes(); err != nil {
		return nil, err
	}
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
