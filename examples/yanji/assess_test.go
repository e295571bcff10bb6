package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The assessment covers the article's 6 streets, 70 communities and 56
// villages, each category ranked on its own, every secretary graded.
func TestAssessmentCohort(t *testing.T) {
	c, err := build(dangjian.NewDate(2025, 6, 30))
	require.NoError(t, err)
	a := c.assessment
	want := map[string]int{"街道": 6, "社区": 70, "村": 56}
	got := map[string]int{}
	for _, grp := range a.grading.Groups {
		got[grp.Category] = grp.Subjects
		assert.Equal(t, grp.Subjects, grp.Graded, "%s: everyone is graded", grp.Category)
		n := 0
		for _, gc := range grp.Grades {
			n += gc.Count
		}
		assert.Equal(t, grp.Subjects, n, "%s: the distribution covers the category", grp.Category)
	}
	assert.Equal(t, want, got)
	// Ranks restart in each category and run from 1, competition style.
	prev := map[string]int{}
	for _, g := range a.grading.Subjects {
		if p, ok := prev[g.Category]; ok {
			assert.GreaterOrEqual(t, g.Rank, p, g.Subject)
		} else {
			assert.Equal(t, 1, g.Rank, "%s starts %s", g.Subject, g.Category)
		}
		prev[g.Category] = g.Rank
		res := a.results[g.Subject]
		assert.LessOrEqual(t, res.Total.Cmp(a.scorer.Max()), 0)
		assert.NotEmpty(t, a.orgs[g.Subject].Name)
	}
}

// The inputs come from the records of the scheme's year and the one
// stand-in, never from the report date: the section is the same on any
// report date.
func TestAssessmentDeterministic(t *testing.T) {
	assert.Equal(t, standIn("village/01", "村"), standIn("village/01", "村"))
	section := func(date string) string {
		var out bytes.Buffer
		require.Equal(t, 0, run([]string{"-date", date}, &out, &bytes.Buffer{}))
		s := out.String()
		i := strings.Index(s, "\n== 述职评议考核 Assessment ==\n")
		require.GreaterOrEqual(t, i, 0)
		return s[i:]
	}
	assert.Equal(t, section("2025-06-30"), section("2026-12-31"))
}

// Every secretary's score differs from the stand-in's only by what the
// records show, and each deduction is linked to the findings under the
// secretary's organization that caused it.
func TestAssessmentFromRecords(t *testing.T) {
	c, err := build(dangjian.NewDate(2025, 6, 30))
	require.NoError(t, err)
	a := c.assessment
	clean, err := a.scorer.Score(standIn("x", "村"))
	require.NoError(t, err)
	withRecords := 0
	for code, res := range a.results {
		applied := a.applied[code]
		if len(applied) == 0 {
			assert.Equal(t, clean.Total.String(), res.Total.String(), "%s: nothing found, the stand-in's score", code)
			continue
		}
		withRecords++
		assert.Less(t, res.Total.Cmp(clean.Total), 0, "%s: a deduction lowers the score", code)
		o := a.orgs[code]
		for _, ap := range applied {
			units := 0
			for _, l := range ap.Links {
				units += l.Units
				assert.NotEmpty(t, l.Rule)
				assert.False(t, l.Source.IsZero(), "%s %s: the link cites its rule", code, l.Rule)
				if !strings.HasPrefix(l.Rule, "DUES-") {
					id, ok := c.tree.Lookup(l.Subject)
					require.True(t, ok, l.Subject)
					assert.True(t, id == o.ID || c.tree.IsAncestor(o.ID, id), "%s: %s is under the secretary", code, l.Subject)
				}
			}
			assert.Equal(t, ap.Units, units, "%s %s", code, ap.Line)
		}
	}
	assert.Greater(t, withRecords, 10)
	assert.Less(t, withRecords, len(a.results))
}

func TestLifeSection(t *testing.T) {
	var out bytes.Buffer
	require.Equal(t, 0, run(nil, &out, &bytes.Buffer{}))
	s := out.String()
	i := strings.Index(s, "\n== 组织生活 Organizational life ==\n")
	require.GreaterOrEqual(t, i, 0)
	for _, want := range []string{"支部党员大会 member_meeting", "主题党日 party_day", "DUES-LAPSE-6", "not from the records"} {
		assert.Contains(t, s[i:], want)
	}
	assert.NotContains(t, s, "hash")
}
