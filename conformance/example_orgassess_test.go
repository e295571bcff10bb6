package conformance_test

import (
	"fmt"
	"testing"

	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// The tree vectors, each with its date and expected findings.
func ExampleOrgCases() {
	cases, err := conformance.OrgCases()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range cases[:2] {
		fmt.Println(c.Name, c.File, c.AsOf, len(c.Want), "findings")
		for _, w := range c.Want {
			fmt.Println(" ", w)
		}
	}
	// Output:
	// branch-min-3 org/trees/branch-min-3.csv 2025-06-30 3 findings
	//   "b2" ORG-BRANCH-MIN-3 (error)
	//   "j2" ORG-BRANCH-MIN-3 (error)
	//   "j2" ORG-JOINT-UNITS-5 (warning)
	// branch-softcap-50 org/trees/branch-softcap-50.csv 2025-06-30 2 findings
	//   "n51" ORG-BRANCH-SOFTCAP-50 (warning)
	//   "o51" ORG-GB-ORGAN-50 (error)
}

// CheckOrgFindings in a test of a platform's own tree checks: here a
// platform whose only check flags, by organization, every branch with
// fewer than 3 full members, reading the tree with orgmodel.ReadCSV. It
// misses every other rule (and cannot read JSON trees), and each miss is
// reported with the case, the tree, the date and the rules. (In a real
// test, pass the test's t; the recorder here counts the reports.)
func ExampleCheckOrgFindings() {
	rec := &recorder{}
	conformance.CheckOrgFindings(rec, func(c conformance.OrgCase) ([]conformance.OrgFlag, error) {
		if c.Format != "csv" {
			return nil, fmt.Errorf("only CSV trees")
		}
		recs, err := orgmodel.ReadCSV(c.Reader())
		if err != nil {
			return nil, err
		}
		var flags []conformance.OrgFlag
		for _, o := range recs.Orgs {
			if (o.Kind == orgmodel.Branch || o.Kind == orgmodel.JointBranch) && o.Members.Full < 3 {
				flags = append(flags, conformance.OrgFlag{ID: o.Key})
			}
		}
		return flags, nil
	})
	fmt.Println(len(rec.errors), "vectors differ; the first:")
	fmt.Println(rec.errors[0])
	// Output:
	// 15 vectors differ; the first:
	// conformance/org/cases.csv:3: org case branch-softcap-50 (org/trees/branch-softcap-50.csv as of 2025-06-30; rules ORG-BRANCH-SOFTCAP-50;ORG-GB-ORGAN-50):
	// 	organization "n51" not flagged; the library flags it under ORG-BRANCH-SOFTCAP-50
	// 	organization "o51" not flagged; the library flags it under ORG-GB-ORGAN-50
}

// OrgDiff compares one answer with one vector, for a caller that drives
// its own loop.
func ExampleOrgDiff() {
	cases, _ := conformance.OrgCases()
	c := cases[0] // branch-min-3
	got := []conformance.OrgFlag{
		{ID: "b2", Rule: "ORG-BRANCH-MIN-3"},
		{ID: "j2", Rule: "ORG-BRANCH-MIN-3", Severity: "warning"},
	}
	for _, d := range conformance.OrgDiff(c.Want, got) {
		fmt.Println(d)
	}
	// Output:
	// finding "j2" ORG-BRANCH-MIN-3: severity want error, got warning
	// missing finding "j2" ORG-JOINT-UNITS-5 (warning)
}

func ExampleAssessSchemes() {
	fmt.Println(conformance.AssessSchemes())
	// Output:
	// [jifen minzhu-pingyi xingji yanji-shuzhi]
}

// The assessment vectors of one scheme: the subjects file and each
// subject's expected total, grade and rank.
func ExampleAssessCases() {
	cases, err := conformance.AssessCases("xingji")
	if err != nil {
		fmt.Println(err)
		return
	}
	c := cases[2]
	fmt.Println(c.Name, c.File)
	for _, w := range c.Want[:4] {
		fmt.Println(w.ID, w.Total, w.Grade, w.Rank)
	}
	// Output:
	// xingji-quota-tie assess/subjects/xingji-quota-tie.json
	// X1 94.66 四星 1
	// X1b 94.66 四星 1
	// X1c 94.66 四星 1
	// X4 40.97 一星 4
}

// CheckAssess in a test of a platform's own scoring: here the library's
// scoring and grading, written by a platform that keeps one decimal of
// the total. Every cohort with a total whose second decimal is not 0 is
// reported, each such total on a line with the rules that decided it. (In
// a real test, pass the test's t.)
func ExampleCheckAssess() {
	rec := &recorder{}
	conformance.CheckAssess(rec, "minzhu-pingyi", libraryAssess(1))
	fmt.Println(len(rec.errors), "vectors differ; the first:")
	fmt.Println(rec.errors[0])
	// Output:
	// 3 vectors differ; the first:
	// conformance/assess/cases.csv:4: assess case minzhu-pingyi-worked (scheme minzhu-pingyi, assess/subjects/minzhu-pingyi-worked.json):
	// 	subject "M1": total want 98.22, got "98.2" (rules minzhu-pingyi/bands;minzhu-pingyi/ceping;minzhu-pingyi/policy/quota/优秀;minzhu-pingyi/policy/ranking;minzhu-pingyi/richang;minzhu-pingyi/rounding)
	// 	subject "M3": total want 94.66, got "94.7" (rules minzhu-pingyi/bands;minzhu-pingyi/ceping;minzhu-pingyi/policy/quota/优秀;minzhu-pingyi/policy/ranking;minzhu-pingyi/richang;minzhu-pingyi/rounding)
	// 	subject "M2": total want 94.45, got "94.5" (rules minzhu-pingyi/bands;minzhu-pingyi/ceping;minzhu-pingyi/policy/quota/优秀;minzhu-pingyi/policy/ranking;minzhu-pingyi/richang;minzhu-pingyi/rounding)
	// 	subject "M5": total want 67.78, got "67.8" (rules minzhu-pingyi/bands;minzhu-pingyi/ceping;minzhu-pingyi/policy/ranking;minzhu-pingyi/richang;minzhu-pingyi/rounding)
}

// AssessDiff compares one cohort's answer with its vector, for a caller
// that drives its own loop: a platform that ranks ties densely.
func ExampleAssessDiff() {
	cases, _ := conformance.AssessCases("jifen")
	c := cases[1] // jifen-tie
	got := []conformance.AssessResult{
		{ID: "T2", Total: "90", Rank: 1}, {ID: "T1", Total: "90", Rank: 2}, {ID: "T3", Total: "90", Rank: 2},
		{ID: "T4", Total: "85", Rank: 3}, {ID: "J4", Total: "12.5", Rank: 4},
	}
	for _, d := range conformance.AssessDiff(c.Want, got) {
		fmt.Println(d)
	}
	// Output:
	// subject "T4": rank want 4, got 3 (total 85.00; rules jifen/annual;jifen/bands;jifen/policy/ranking;jifen/rounding)
	// subject "J4": rank want 5, got 4 (total 12.50; rules jifen/annual;jifen/bands;jifen/policy/ranking;jifen/rounding)
}

var _ testing.TB = (*recorder)(nil)
