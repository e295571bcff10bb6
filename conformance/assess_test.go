package conformance_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
)

func TestAssessCases(t *testing.T) {
	assert.Equal(t, []string{"jifen", "minzhu-pingyi", "xingji", "yanji-shuzhi"}, conformance.AssessSchemes())
	all, err := conformance.AssessCases("")
	require.NoError(t, err)
	n := 0
	for _, s := range conformance.AssessSchemes() {
		cases, err := conformance.AssessCases(s)
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(cases), 2, s)
		for _, c := range cases {
			assert.Equal(t, s, c.Scheme)
			assert.Equal(t, conformance.RuleSet(), c.RuleSet, c.Name)
			assert.NotEmpty(t, c.Want, c.Name)
			assert.Equal(t, byte('['), c.Subjects[0], c.Name)
		}
		n += len(cases)
	}
	assert.Equal(t, len(all), n)
	_, err = conformance.AssessCases("nope")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `no assessment vectors for scheme "nope"; the vectors cover jifen, minzhu-pingyi, xingji, yanji-shuzhi`)
}

func TestCheckAssessLibrary(t *testing.T) {
	for _, s := range append([]string{""}, conformance.AssessSchemes()...) {
		rec := &recorder{TB: t}
		conformance.CheckAssess(rec, s, libraryAssess(2))
		assert.Empty(t, rec.errors, s)
	}
	// Totals are compared by value: one place where the second is 0 is
	// the same total.
	rec := &recorder{TB: t}
	conformance.CheckAssess(rec, "jifen", func(c conformance.AssessCase) ([]conformance.AssessResult, error) {
		got, err := libraryAssess(2)(c)
		for i := range got {
			got[i].Total = strings.TrimSuffix(strings.TrimSuffix(got[i].Total, "0"), ".0")
		}
		return got, err
	})
	assert.Empty(t, rec.errors)
}

// A platform that rounds the totals to one place, ranks with dense
// ranks, ignores the quota, or leaves a subject out is reported per
// subject and field, with the rule IDs.
func TestCheckAssessReportsWrong(t *testing.T) {
	rec := &recorder{TB: t}
	conformance.CheckAssess(rec, "xingji", func(c conformance.AssessCase) ([]conformance.AssessResult, error) {
		got, err := libraryAssess(2)(c)
		if err != nil || c.Name != "xingji-quota-tie" {
			return got, err
		}
		got[0].Total = "94.7" // rounded to one place
		got[1].Grade = "五星"   // the quota ignored
		got[3].Rank = 2       // dense ranks
		return got[:6], nil   // X4d left out
	})
	require.Len(t, rec.errors, 1, "one report per vector")
	lines := strings.Split(rec.errors[0], "\n\t")
	require.Len(t, lines, 5, rec.errors[0])
	assert.Equal(t, "conformance/assess/cases.csv:9: assess case xingji-quota-tie (scheme xingji, assess/subjects/xingji-quota-tie.json):", lines[0])
	for _, l := range lines[1:] {
		assert.Contains(t, l, "xingji/bands;xingji/base;", l)
	}
	assert.Contains(t, lines[1], `subject "X1": total want 94.66, got "94.7"`)
	assert.Contains(t, lines[2], `subject "X1b": grade want "四星", got "五星" (total 94.66; rules`)
	assert.Contains(t, lines[2], "xingji/policy/quota/五星")
	assert.Contains(t, lines[3], `subject "X4": rank want 4, got 2`)
	assert.Contains(t, lines[4], `subject "X4d" missing (want total 40.97, grade 一星, rank 4;`)
}

func TestCheckAssessErrors(t *testing.T) {
	rec := &recorder{TB: t}
	conformance.CheckAssess(rec, "nope", libraryAssess(2))
	assert.True(t, rec.fatal)

	rec = &recorder{TB: t}
	conformance.CheckAssess(rec, "jifen", func(c conformance.AssessCase) ([]conformance.AssessResult, error) {
		if c.Name == "jifen-tie" {
			return nil, errors.New("no votes method")
		}
		return libraryAssess(2)(c)
	})
	require.Len(t, rec.errors, 1)
	assert.Contains(t, rec.errors[0], "assess case jifen-tie (scheme jifen, assess/subjects/jifen-tie.json): no votes method")

	// ErrSkip skips a case, counted in the log.
	rec = &recorder{TB: t}
	conformance.CheckAssess(rec, "", func(c conformance.AssessCase) ([]conformance.AssessResult, error) {
		if c.Scheme == "yanji-shuzhi" {
			return nil, conformance.ErrSkip
		}
		return libraryAssess(2)(c)
	})
	assert.Empty(t, rec.errors)
	assert.Equal(t, []string{"conformance: 3 assessment vectors skipped"}, rec.logs)
}

func TestAssessDiff(t *testing.T) {
	want := []conformance.AssessExpect{{ID: "a", Total: "90.00", Grade: "优秀", Rank: 1, Rules: []string{"jifen/bands"}}}
	for _, tc := range []struct {
		name string
		got  []conformance.AssessResult
		diff []string
	}{
		{"same", []conformance.AssessResult{{ID: "a", Total: "90", Grade: "优秀", Rank: 1}}, nil},
		{"grade and rank not given", []conformance.AssessResult{{ID: "a", Total: "90.0"}}, nil},
		{"not a decimal", []conformance.AssessResult{{ID: "a", Total: "9e1"}}, []string{`subject "a": total want 90.00, got "9e1" (rules jifen/bands)`}},
		{"a fraction", []conformance.AssessResult{{ID: "a", Total: "180/2"}}, []string{`subject "a": total want 90.00, got "180/2" (rules jifen/bands)`}},
		{"extra", []conformance.AssessResult{{ID: "a", Total: "90"}, {ID: "b", Total: "1"}}, []string{`subject "b" is not in the cohort`}},
		{"off by a fen", []conformance.AssessResult{{ID: "a", Total: "89.99", Grade: "合格", Rank: 2}}, []string{
			`subject "a": total want 90.00, got "89.99" (rules jifen/bands)`,
			`subject "a": grade want "优秀", got "合格" (total 90.00; rules jifen/bands)`,
			`subject "a": rank want 1, got 2 (total 90.00; rules jifen/bands)`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.diff, conformance.AssessDiff(want, tc.got))
		})
	}
}
