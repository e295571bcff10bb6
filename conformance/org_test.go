package conformance_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
)

func TestOrgCases(t *testing.T) {
	cases, err := conformance.OrgCases()
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(cases), 10)
	clean, formats := 0, map[string]int{}
	for _, c := range cases {
		assert.Equal(t, conformance.RuleSet(), c.RuleSet, c.Name)
		assert.NotEmpty(t, c.Tree, c.Name)
		assert.NotEmpty(t, c.Rules, c.Name)
		assert.False(t, c.AsOf.IsZero(), c.Name)
		for _, w := range c.Want {
			assert.Contains(t, c.Rules, w.Rule, c.Name)
			assert.Contains(t, []string{"error", "warning", "info"}, w.Severity, c.Name)
		}
		if len(c.Want) == 0 {
			clean++
		}
		formats[c.Format]++
	}
	assert.GreaterOrEqual(t, clean, 2, "clean trees")
	assert.Positive(t, formats["csv"])
	assert.Positive(t, formats["json"])
}

// The library passes its own vectors.
func TestCheckOrgFindingsLibrary(t *testing.T) {
	rec := &recorder{TB: t}
	conformance.CheckOrgFindings(rec, libraryOrg)
	assert.Empty(t, rec.errs)
}

// A function that drops a finding, adds one, and changes a severity is
// reported for each, with the case, its file and date, the organization
// and the rule.
func TestCheckOrgFindingsReportsWrong(t *testing.T) {
	rec := &recorder{TB: t}
	conformance.CheckOrgFindings(rec, func(c conformance.OrgCase) ([]conformance.OrgFlag, error) {
		got, err := libraryOrg(c)
		if err != nil || c.Name != "terms" {
			return got, err
		}
		var out []conformance.OrgFlag
		for _, f := range got {
			switch {
			case f.ID == "overdue-1d": // a platform that counts the due day as overdue only after it
				continue
			case f.ID == "due-4y":
				f.Severity = "warning"
			}
			out = append(out, f)
		}
		out = append(out, conformance.OrgFlag{ID: "horizon-6m", Rule: "ORG-TERM-DUE-SOON"})
		return out, nil
	})
	require.False(t, rec.fatal)
	require.Len(t, rec.errs, 3, strings.Join(rec.errs, "\n"))
	prefix := "org case terms (org/trees/terms.csv as of 2025-06-30; rules "
	assert.Contains(t, rec.errs[0], prefix)
	assert.Contains(t, rec.errs[0], `missing finding "overdue-1d" ORG-TERM-OVERDUE (error)`)
	assert.Contains(t, rec.errs[1], `finding "due-4y" ORG-TERM-BRANCH-3: severity want error, got warning`)
	assert.Contains(t, rec.errs[2], `unexpected finding "horizon-6m" ORG-TERM-DUE-SOON: the library reports none under that rule`)
}

func TestCheckOrgFindingsError(t *testing.T) {
	rec := &recorder{TB: t}
	n := 0
	conformance.CheckOrgFindings(rec, func(c conformance.OrgCase) ([]conformance.OrgFlag, error) {
		n++
		if c.Name == "approvals" {
			return nil, errors.New("cannot read JSON trees")
		}
		return libraryOrg(c)
	})
	cases, _ := conformance.OrgCases()
	assert.Equal(t, len(cases), n, "the other cases go on")
	require.Len(t, rec.errs, 1)
	assert.Contains(t, rec.errs[0], "org case approvals (org/trees/approvals.json as of 2025-06-30")
	assert.Contains(t, rec.errs[0], "cannot read JSON trees")
}

func TestOrgDiff(t *testing.T) {
	want := []conformance.OrgFlag{
		{ID: "b2", Rule: "ORG-BRANCH-MIN-3", Severity: "error"},
		{ID: "j2", Rule: "ORG-BRANCH-MIN-3", Severity: "error"},
		{ID: "j2", Rule: "ORG-JOINT-UNITS-5", Severity: "warning"},
	}
	for _, tc := range []struct {
		name string
		got  []conformance.OrgFlag
		diff []string
	}{
		{"same", want, nil},
		{"same, severity not given, twice", []conformance.OrgFlag{{ID: "j2", Rule: "ORG-JOINT-UNITS-5"}, {ID: "b2", Rule: "ORG-BRANCH-MIN-3"},
			{ID: "j2", Rule: "ORG-BRANCH-MIN-3"}, {ID: "j2", Rule: "ORG-BRANCH-MIN-3"}}, nil},
		{"by organization, same set", []conformance.OrgFlag{{ID: "j2"}, {ID: "b2"}}, nil},
		{"by organization, one missed, one extra", []conformance.OrgFlag{{ID: "j2"}, {ID: "b3"}}, []string{
			`organization "b2" not flagged; the library flags it under ORG-BRANCH-MIN-3`,
			`organization "b3" flagged; the library reports no finding on it`}},
		{"nothing", nil, []string{
			`organization "b2" not flagged; the library flags it under ORG-BRANCH-MIN-3`,
			`organization "j2" not flagged; the library flags it under ORG-BRANCH-MIN-3, ORG-JOINT-UNITS-5`}},
		{"by rule", []conformance.OrgFlag{{ID: "b2", Rule: "ORG-BRANCH-MIN-3", Severity: "warning"}, {ID: "j2", Rule: "ORG-BRANCH-MIN-3"}}, []string{
			`finding "b2" ORG-BRANCH-MIN-3: severity want error, got warning`,
			`missing finding "j2" ORG-JOINT-UNITS-5 (warning)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.diff, conformance.OrgDiff(want, tc.got))
		})
	}
}
