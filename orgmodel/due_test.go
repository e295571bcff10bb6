package orgmodel_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTermDue(t *testing.T) {
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	require.NoError(t, err)
	d := dangjian.MustParseDate
	for _, tc := range []struct {
		name            string
		org             orgmodel.Org
		ok              bool
		due             string
		recorded        bool
		length, overdue string
	}{
		{"enterprise branch, 3 years", orgmodel.Org{Kind: orgmodel.Branch, Domain: orgmodel.Enterprise, Term: orgmodel.Term{Elected: d("2022-03-01")}},
			true, "2025-03-01", false, "ORG-TERM-BRANCH-3", "ORG-TERM-OVERDUE"},
		{"village branch, 5 years", orgmodel.Org{Kind: orgmodel.Branch, Domain: orgmodel.Village, Term: orgmodel.Term{Elected: d("2021-01-10")}},
			true, "2026-01-10", false, "ORG-TERM-VILLAGE-COMMUNITY-5", "ORG-TERM-OVERDUE"},
		{"elected on 29 February", orgmodel.Org{Kind: orgmodel.Branch, Domain: orgmodel.Village, Term: orgmodel.Term{Elected: d("2020-02-29")}},
			true, "2025-02-28", false, "ORG-TERM-VILLAGE-COMMUNITY-5", "ORG-TERM-OVERDUE"},
		{"elected before the 2017 constitution: 3 years max", orgmodel.Org{Kind: orgmodel.Branch, Domain: orgmodel.Enterprise, Term: orgmodel.Term{Elected: d("2016-05-01")}},
			true, "2019-05-01", false, "ORG-TERM-BRANCH-PRE2017", "ORG-TERM-OVERDUE"},
		{"recorded due date wins", orgmodel.Org{Kind: orgmodel.Branch, Domain: orgmodel.Enterprise, Term: orgmodel.Term{Elected: d("2022-03-01"), Due: d("2025-09-01")}},
			true, "2025-09-01", true, "ORG-TERM-BRANCH-3", "ORG-TERM-OVERDUE"},
		{"recorded due date, no election date", orgmodel.Org{Kind: orgmodel.Branch, Domain: orgmodel.Enterprise, Term: orgmodel.Term{Due: d("2025-09-01")}},
			true, "2025-09-01", true, "", "ORG-TERM-OVERDUE"},
		{"no term recorded", orgmodel.Org{Kind: orgmodel.Branch, Domain: orgmodel.Enterprise}, false, "", false, "", ""},
		{"a party group has no term rule", orgmodel.Org{Kind: orgmodel.PartyGroup, Term: orgmodel.Term{Elected: d("2022-03-01")}}, false, "", false, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			td, ok := v.TermDue(tc.org)
			require.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.due, td.Due.String())
			assert.Equal(t, tc.recorded, td.Recorded)
			assert.Equal(t, tc.length, td.Length.ID)
			assert.Equal(t, tc.overdue, td.Overdue.ID)
		})
	}
}

func TestDispatchDue(t *testing.T) {
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	require.NoError(t, err)
	d := dangjian.MustParseDate
	for _, tc := range []struct {
		name string
		a    orgmodel.Assignment
		ok   bool
		due  string
		rule string
	}{
		{"2021 rule: 2 years", orgmodel.Assignment{Role: orgmodel.FirstSecretary, Start: d("2023-07-01")}, true, "2025-07-01", "ORG-FIRSTSEC-TERM-2021"},
		{"2015 rule: 3 years", orgmodel.Assignment{Role: orgmodel.FirstSecretary, Start: d("2019-03-01")}, true, "2022-03-01", "ORG-FIRSTSEC-TERM-2015"},
		{"no start date", orgmodel.Assignment{Role: orgmodel.FirstSecretary}, false, "", ""},
		{"no rule for an instructor", orgmodel.Assignment{Role: orgmodel.Instructor, Start: d("2023-07-01")}, false, "", ""},
		{"before any rule", orgmodel.Assignment{Role: orgmodel.FirstSecretary, Start: d("2010-01-01")}, false, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dd, ok := v.DispatchDue(tc.a)
			require.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.due, dd.Due.String())
			assert.Equal(t, tc.rule, dd.Rule.ID)
		})
	}
}
