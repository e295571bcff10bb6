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
	assert.Empty(t, rec.errors)
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
	require.Len(t, rec.errors, 1, "one report per vector")
	lines := strings.Split(rec.errors[0], "\n\t")
	require.Len(t, lines, 4, rec.errors[0])
	assert.Regexp(t, `^conformance/org/cases.csv:\d+: org case terms \(org/trees/terms.csv as of 2025-06-30; rules ORG-TERM-`, lines[0])
	assert.Equal(t, `missing finding "overdue-1d" ORG-TERM-OVERDUE (error)`, lines[1])
	assert.Equal(t, `finding "due-4y" ORG-TERM-BRANCH-3: severity want error, got warning`, lines[2])
	assert.Equal(t, `unexpected finding "horizon-6m" ORG-TERM-DUE-SOON: the library reports none under that rule`, lines[3])
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
	require.Len(t, rec.errors, 1)
	assert.Contains(t, rec.errors[0], "org case approvals (org/trees/approvals.json as of 2025-06-30")
	assert.Contains(t, rec.errors[0], "cannot read JSON trees")

	// ErrSkip skips a case, counted in the log.
	rec = &recorder{TB: t}
	conformance.CheckOrgFindings(rec, func(c conformance.OrgCase) ([]conformance.OrgFlag, error) {
		if c.Format == "json" {
			return nil, conformance.ErrSkip
		}
		return libraryOrg(c)
	})
	assert.Empty(t, rec.errors)
	assert.Equal(t, []string{"conformance: 5 org vectors skipped"}, rec.logs)
}

// A function that flags nothing is reported once for every vector with
// findings, and never for a clean tree.
func TestCheckOrgFindingsNothing(t *testing.T) {
	rec := &recorder{TB: t}
	conformance.CheckOrgFindings(rec, func(conformance.OrgCase) ([]conformance.OrgFlag, error) { return nil, nil })
	cases, err := conformance.OrgCases()
	require.NoError(t, err)
	var want []string
	for _, c := range cases {
		if len(c.Want) > 0 {
			want = append(want, "org case "+c.Name+" ")
		}
	}
	require.Len(t, rec.errors, len(want))
	for i, e := range rec.errors {
		assert.Contains(t, e, want[i])
		assert.Contains(t, e, "not flagged; the library flags it under ORG-")
		assert.NotContains(t, e, "clean-")
	}
}
