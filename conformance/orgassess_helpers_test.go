package conformance_test

import (
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// The checks are run with recorder (money_test.go), a testing.TB that
// records what they report.

// libraryOrg answers an org vector with the library itself, as
// examples/orgchart does.
func libraryOrg(c conformance.OrgCase) ([]conformance.OrgFlag, error) {
	var tree *orgmodel.Tree
	var err error
	if c.Format == "json" {
		recs, derr := orgmodel.DecodeJSON(c.Reader())
		if derr != nil {
			return nil, derr
		}
		tree, err = orgmodel.Build(recs)
	} else {
		tree, err = orgmodel.ReadTreeCSV(c.Reader(), orgmodel.BuildOptions{})
	}
	if err != nil {
		return nil, err
	}
	rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), c.AsOf)
	if err != nil {
		return nil, err
	}
	flags := make([]conformance.OrgFlag, len(rep.Findings))
	for i, f := range rep.Findings {
		flags[i] = conformance.OrgFlag{ID: f.Subject, Rule: f.Rule, Severity: f.Severity.String()}
	}
	return flags, nil
}

// libraryAssess answers an assessment vector with the library itself, as
// examples/assess does; places is the number of decimals it writes the
// totals with (2 is right for every scheme of the set).
func libraryAssess(places int32) func(c conformance.AssessCase) ([]conformance.AssessResult, error) {
	return func(c conformance.AssessCase) ([]conformance.AssessResult, error) {
		var s assess.Scheme
		var p assess.GradePolicy
		var err error
		if c.Scheme == "yanji-shuzhi" {
			s, err = yanji.Scheme()
			p = yanji.Policy()
		} else if s, err = assess.Reference(c.Scheme); err == nil {
			p, err = assess.ReferencePolicy(c.Scheme)
		}
		if err != nil {
			return nil, err
		}
		sc, err := assess.Compile(s)
		if err != nil {
			return nil, err
		}
		subs, err := assess.DecodeSubjects(c.Reader())
		if err != nil {
			return nil, err
		}
		results := make([]assess.Result, len(subs))
		for i, sub := range subs {
			if results[i], err = sc.Score(sub); err != nil {
				return nil, err
			}
		}
		g, err := assess.NewGrader(p)
		if err != nil {
			return nil, err
		}
		gr, err := g.Grade(results)
		if err != nil {
			return nil, err
		}
		var out []conformance.AssessResult
		for _, gs := range gr.Subjects {
			out = append(out, conformance.AssessResult{ID: gs.Subject, Total: gs.Total.Fixed(places), Grade: gs.Grade, Rank: gs.Rank})
		}
		return out, nil
	}
}
