package orgmodel_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
)

// findingsOf validates recs as of asOf and returns the findings of rule.
func findingsOf(t *testing.T, recs orgmodel.Records, asOf, rule string) []orgmodel.Finding {
	t.Helper()
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	rep, err := orgmodel.Validate(tree, orgmodel.NationalRules(), day(asOf))
	require.NoError(t, err)
	var out []orgmodel.Finding
	for _, f := range rep.Findings {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// The rules say what their texts say (issue 11: the fidelity audit's D2,
// D3, D5, D6, D7, D8).
func TestRulesAsTheTextsWordThem(t *testing.T) {
	rules := map[string]orgmodel.Rule{}
	for _, r := range orgmodel.NationalRules().Rules {
		rules[r.ID] = r
	}

	t.Run("D2: the 2018 terms opinion is in force from its publication on 2018-07-12", func(t *testing.T) {
		for _, id := range []string{"ORG-TERM-CMTE-5", "ORG-TERM-BRANCH-3", "ORG-TERM-VILLAGE-COMMUNITY-5"} {
			assert.Equal(t, "2018-07-12", rules[id].Period.From.String(), id)
			assert.Contains(t, rules[id].Source.Note, "本意见自发布之日起施行", id)
			assert.NotContains(t, rules[id].Source.Note, "assumed", id)
		}
		assert.Equal(t, "2018-07-12", rules["ORG-TERM-BRANCH-2017"].Period.To.String())
		// A branch elected on 2018-07-11 for 5 years is under the 2017
		// range (3 to 5 years); elected on 2018-07-12, under the 3-year rule.
		five := func(elected string) orgmodel.Records {
			return env(with(subject(orgmodel.Branch, orgmodel.School, 10, 0), term(elected, "")))
		}
		assert.Empty(t, findingsOf(t, five("2018-07-11"), "2020-01-01", "ORG-TERM-BRANCH-3"))
		assert.Len(t, findingsOf(t, five("2018-07-12"), "2022-01-01", "ORG-TERM-OVERDUE"), 1, "due after 3 years on 2021-07-12")
		assert.Empty(t, findingsOf(t, five("2018-07-11"), "2022-01-01", "ORG-TERM-OVERDUE"), "due after 5 years")
	})

	t.Run("D3: 超过100人…可以 is more than 100, and may", func(t *testing.T) {
		r := rules["ORG-CMTE-100"]
		assert.Equal(t, orgmodel.MoreThan, r.Cmp)
		assert.Equal(t, dangjian.May, r.Modality)
		assert.Contains(t, r.Text, "超过100人")
	})

	t.Run("D5: no escape clause borrowed into a village", func(t *testing.T) {
		fs := findingsOf(t, env(with(subject(orgmodel.Committee, orgmodel.Village, 80, 0), approved(orgmodel.Threshold))), "2025-06-30", "ORG-CMTE-BELOW-100-VILLAGE")
		require.Len(t, fs, 1)
		assert.Equal(t, orgmodel.Warning, fs[0].Severity, "an approval does not cover it")
		assert.Contains(t, fs[0].Message, "no approval covers it")
		assert.Nil(t, fs[0].Approval)
		for _, id := range []string{"ORG-GB-BELOW-50-OTHER", "ORG-CMTE-BELOW-100-OTHER"} {
			assert.Equal(t, dangjian.LibraryChoice, rules[id].Source.Confidence, "%s is the library's analogy, cited to the library", id)
		}
		assert.Equal(t, []orgmodel.Domain{orgmodel.Organ}, rules["ORG-GB-BELOW-50"].Domains)
		assert.Equal(t, []orgmodel.Domain{orgmodel.Organ, orgmodel.StateEnterprise}, rules["ORG-CMTE-BELOW-100"].Domains)
	})

	t.Run("D6: a village 党委 needs a county-level committee's approval", func(t *testing.T) {
		recs := env(with(subject(orgmodel.Committee, orgmodel.Village, 150, 0), func(o *orgmodel.Org) {
			o.Parent = townshipID
			o.Approvals = []orgmodel.Approval{{Kind: orgmodel.Formation, By: townshipID}}
		}))
		fs := findingsOf(t, recs, "2025-06-30", "ORG-VILLAGE-CMTE-APPROVAL")
		require.Len(t, fs, 1)
		assert.Equal(t, orgmodel.Error, fs[0].Severity)
		assert.Contains(t, fs[0].Message, "by a local committee (县级 or higher)")
	})

	t.Run("D7, D8: citations name the right document", func(t *testing.T) {
		assert.Equal(t, []orgmodel.Kind{orgmodel.WorkCommittee}, rules["ORG-DISPATCHED-NO-TERM"].Kinds)
		assert.Equal(t, dangjian.Reported, rules["ORG-TEMP-NO-TERM"].Source.Confidence)
		assert.NotContains(t, rules["ORG-SECRETARY"].Kinds, orgmodel.Committee)
		assert.Equal(t, "第三十一条", rules["ORG-SECRETARY-CMTE"].Source.Article)
		for _, id := range []string{"ORG-BRANCH-SEC-ONLY", "ORG-SECRETARY", "ORG-BRANCH-CMTE-POSTS", "ORG-BRANCH-DEPUTY-1"} {
			assert.Contains(t, rules[id].Source.Note, "article number reported", "D9: %s", id)
		}
	})
}

// The first-secretary opinions' days are assumed and are data: a finding
// whose rule an assumed day chose says so, and a caller who knows the day
// gets the rule that day gives, without the note (issue 11 item 2).
func TestAssumedFirstSecretaryDays(t *testing.T) {
	validate := func(rs orgmodel.RuleSet, recs orgmodel.Records, asOf string) []orgmodel.Finding {
		tree, err := orgmodel.Build(recs)
		require.NoError(t, err)
		rep, err := orgmodel.Validate(tree, rs, day(asOf))
		require.NoError(t, err)
		return rep.Findings
	}
	byRule := func(fs []orgmodel.Finding, id string) []orgmodel.Finding {
		var out []orgmodel.Finding
		for _, f := range fs {
			if f.Rule == id {
				out = append(out, f)
			}
		}
		return out
	}
	// A first secretary dispatched on 2021-05-10 and still serving in
	// mid-2023: 2 years and more than 1 month.
	recs := dispatch(orgmodel.FullMember, "2010-01-01", "2021-05-10", "")

	fs := byRule(validate(orgmodel.NationalRules(), recs, "2023-06-15"), "ORG-FIRSTSEC-TERM-2021")
	require.Len(t, fs, 1, "by the assumed 2021-05-01, the 2021 rule (2 years) applies")
	assert.Contains(t, fs[0].Message, "decided by an assumed date: 2021-05-01 ("+orgmodel.AssumeFirstSecretary2021+")")

	a := orgmodel.DefaultAssumptions()
	a.FirstSecretary2021 = dangjian.AssumedDate{ID: orgmodel.AssumeFirstSecretary2021, Date: day("2021-05-20")}
	rs := orgmodel.NationalRulesWith(a)
	all := validate(rs, recs, "2023-06-15")
	assert.Empty(t, byRule(all, "ORG-FIRSTSEC-TERM-2021"), "a known 2021-05-20: the dispatch is under the 2015 rule")
	assert.Empty(t, byRule(all, "ORG-FIRSTSEC-TERM-2015"), "3 years are not over")
	for _, f := range all {
		assert.NotContains(t, f.Message, "assumed date", f.Rule)
	}
	r, ok := rs.Rule("ORG-FIRSTSEC-TERM-2015")
	require.True(t, ok)
	assert.Equal(t, "2021-05-20", r.Period.To.String())

	// Outside the window, no note.
	fs = byRule(validate(orgmodel.NationalRules(), dispatch(orgmodel.FullMember, "2010-01-01", "2021-07-01", ""), "2023-08-15"), "ORG-FIRSTSEC-TERM-2021")
	require.Len(t, fs, 1)
	assert.NotContains(t, fs[0].Message, "assumed date")
}

// The missing rule of the ranked list, item 9 (issue 11): 支部条例 第五条,
// "为期6个月以上的工程、工作项目等，符合条件的，应当成立党支部", verified in the
// reference (ORG-RULES row 11): 以上 includes 6, 应当 is must, in force from
// the regulation's day, 2018-10-28.
func TestProjectBranchAsTheTextWordsIt(t *testing.T) {
	r, ok := orgmodel.NationalRules().Rule("ORG-PROJECT-BRANCH-6M")
	require.True(t, ok)
	assert.Contains(t, r.Text, "为期6个月以上")
	assert.Equal(t, orgmodel.AtLeast, r.Cmp, "以上 includes the bound")
	assert.Equal(t, int64(6), r.N)
	assert.Equal(t, int64(3), r.MinFull, "符合条件的: 3 full members (第四条)")
	assert.Equal(t, dangjian.Must, r.Modality, "应当")
	assert.Equal(t, dangjian.Verified, r.Source.Confidence)
	assert.Equal(t, "第五条", r.Source.Article)
	assert.Equal(t, "2018-10-28", r.Period.From.String())

	project := func(end string) orgmodel.Records {
		return env(with(subject(orgmodel.TempGeneralBranch, orgmodel.StateEnterprise, 3, 0), func(o *orgmodel.Org) {
			o.Parent = townshipID
			o.Project = &orgmodel.Project{Start: day("2025-01-01"), End: day(end)}
		}))
	}
	assert.Len(t, findingsOf(t, project("2025-06-30"), "2025-02-01", "ORG-PROJECT-BRANCH-6M"), 1, "exactly 6 months")
	assert.Empty(t, findingsOf(t, project("2025-06-29"), "2025-02-01", "ORG-PROJECT-BRANCH-6M"), "a day short: a temporary organization is enough")
}
