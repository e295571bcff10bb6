package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
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

// The inputs come from a hash of the organization's code, never from the
// date or the run: the same code gives the same subject, and the section
// is the same on any report date.
func TestAssessmentDeterministic(t *testing.T) {
	a, b := sampleSubject("village/01", "村"), sampleSubject("village/01", "村")
	assert.Equal(t, a, b)
	assert.NotEqual(t, a, sampleSubject("village/02", "村"))
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

func TestSampler(t *testing.T) {
	s := newSampler("community/01")
	seen := map[int]bool{}
	for range 1000 {
		v := s.next(7)
		require.True(t, v >= 0 && v < 7, "%d", v)
		seen[v] = true
	}
	assert.Len(t, seen, 7, "every value occurs")
	for range 200 {
		n := s.tenths(70, 30)
		d, ok := n.Decimal()
		require.True(t, ok)
		assert.True(t, d.GreaterThanOrEqual(dec("70")) && d.LessThanOrEqual(dec("100")), n.String())
	}
	// FNV-1a of the empty string is the offset basis.
	assert.Equal(t, uint64(14695981039346656037), newSampler("").state)
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
