package assess_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assess's kinds are the root kinds, or narrower kinds under them, with
// stable codes.
func TestKinds(t *testing.T) {
	tests := []struct {
		kind   *dangjian.Kind
		code   string
		parent *dangjian.Kind
	}{
		{assess.ErrInvalid, "invalid", nil},
		{assess.ErrDuplicate, "duplicate", nil},
		{assess.ErrUnknownRef, "unknown_ref", nil},
		{assess.ErrLimit, "limit", nil},
		{assess.ErrWeights, "weights", dangjian.ErrInconsistent},
		{assess.ErrPoints, "points", dangjian.ErrInconsistent},
		{assess.ErrBands, "bands", dangjian.ErrInconsistent},
		{assess.ErrTable, "decision_table", dangjian.ErrInconsistent},
		{assess.ErrUnreachable, "unreachable_rule", nil},
		{assess.ErrInput, "invalid_input", dangjian.ErrInvalid},
		{assess.ErrArithmetic, "arithmetic", dangjian.ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			assert.Equal(t, tt.code, tt.kind.Code())
			assert.Same(t, tt.kind, dangjian.KindOf(tt.code))
			assert.Equal(t, tt.parent, tt.kind.Parent())
		})
	}
	assert.True(t, errors.Is(assess.ErrArithmetic, dangjian.ErrInvalid), "overflow is an invalid value")
}

// Compile, Score and NewGrader report every problem as a dangjian.Problems;
// a subject's input problems carry the subject's ID, and all of them
// encode to JSON with the root keys.
func TestProblemsAreRootProblems(t *testing.T) {
	s := workedScheme()
	s.Components[0].Weight = n("0.5")
	s.Bands[0].Grade = "较好"
	_, err := assess.Compile(s)
	var ps dangjian.Problems
	require.ErrorAs(t, err, &ps)
	require.Len(t, ps, 3)
	assert.ErrorIs(t, err, assess.ErrWeights)
	assert.ErrorIs(t, err, dangjian.ErrInconsistent)
	b, err := json.Marshal(ps[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"weights","path":"components","value":"0.9","message":"weights do not sum to 1: component weights sum to 0.9, not exactly 1","detail":"component weights sum to 0.9, not exactly 1"}`, string(b))

	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	sub := workedSubject()
	delete(sub.Values, "project")
	sub.Flags = map[string]bool{"typo": true}
	_, err = sc.Score(sub)
	ps = dangjian.ProblemsOf(err)
	require.Len(t, ps, 2)
	for _, p := range ps {
		assert.Equal(t, "S1", p.ID)
		assert.ErrorIs(t, p, assess.ErrInput)
		assert.ErrorIs(t, p, dangjian.ErrInvalid)
	}
	assert.Equal(t, `flags.typo (id "S1"): invalid input: no gate reads this flag ("typo") (and 1 more problems)`, err.Error())
	b, err = json.Marshal(ps)
	require.NoError(t, err)
	assert.JSONEq(t, `[{"code":"invalid_input","path":"flags.typo","id":"S1","value":"typo","message":"invalid input: no gate reads this flag","detail":"no gate reads this flag"},
		{"code":"invalid_input","path":"values.project","id":"S1","message":"invalid input: no value for direct indicator \"project\"","detail":"no value for direct indicator \"project\""}]`, string(b))
}

// No message names a Go function or repeats a package prefix.
func TestMessagesWithoutGoNames(t *testing.T) {
	_, err := assess.ParseNum("abc")
	assert.EqualError(t, err, `invalid value: want a decimal number ("abc")`)
	_, err = assess.ParseShare("4/3")
	assert.EqualError(t, err, `invalid value: a share lies between 0 and 1 ("4/3")`)
	_, err = assess.Reference("nope")
	assert.NotContains(t, err.Error(), "Reference(")
	for _, msg := range []string{err.Error()} {
		assert.False(t, strings.HasPrefix(msg, "assess: "), msg)
	}
}

// The quota count rounding is spelled as dangjian.RoundingMode spells it,
// "ceiling"; "ceil" is read as an alias and written as "ceiling".
func TestCountRoundingSpelling(t *testing.T) {
	var q assess.Quota
	require.NoError(t, json.Unmarshal([]byte(`{"grade":"好","max":"0.3","count":"ceil","ties":"break","modality":"must","source":"s"}`), &q))
	assert.Equal(t, assess.CountCeil, q.Count)
	b, err := json.Marshal(q)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"count":"ceiling"`)
	b, err = json.Marshal(assess.Quota{Count: "ceil"})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"count":"ceiling"`)

	p := assess.StarRating()
	p.Quotas[0].Count = "ceil" // the old spelling, set in Go
	g, err := assess.NewGrader(p)
	require.NoError(t, err)
	p.Quotas[0].Count = assess.CountCeil
	g2, err := assess.NewGrader(p)
	require.NoError(t, err)
	results := make([]assess.Result, 11)
	for i := range results {
		results[i] = assess.Result{Subject: string(rune('a' + i)), Total: scoreOf(t, "95"), Eligible: true}
	}
	a, err := g.Grade(results)
	require.NoError(t, err)
	b2, err := g2.Grade(results)
	require.NoError(t, err)
	assert.Equal(t, a.Groups, b2.Groups)
	assert.Equal(t, 4, a.Groups[0].Quotas[0].Allowed, "30 %% of 11 = 3.3, ceiling 4")
}

// A vote-share comparison is a dangjian.Comparison with the same JSON codes.
func TestComparisonIsRoot(t *testing.T) {
	var v assess.VoteShare
	require.NoError(t, json.Unmarshal([]byte(`{"level":"差","share":"1/3","compare":"more_than"}`), &v))
	assert.Equal(t, dangjian.MoreThan, v.Compare)
	b, err := json.Marshal(assess.VoteShare{Level: "差", Share: assess.MustShare("1/3"), Compare: dangjian.AtLeast})
	require.NoError(t, err)
	assert.JSONEq(t, `{"level":"差","share":"1/3","compare":"at_least"}`, string(b))
}

// A gate hit is a dangjian.Finding about the subject.
func TestGateHitFinding(t *testing.T) {
	sc, err := assess.Compile(workedScheme())
	require.NoError(t, err)
	sub := workedSubject()
	sub.Flags = map[string]bool{"not_good": true}
	res, err := sc.Score(sub)
	require.NoError(t, err)
	fs := res.Findings()
	require.Len(t, fs, 1)
	assert.Equal(t, dangjian.Finding{Rule: "cap", Severity: dangjian.Error, Subject: "S1", Ref: "好", Value: "not_grade", Message: "不得评为好"}, fs[0])
	b, err := json.Marshal(fs[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"rule":"cap","severity":"error","subject":"S1","ref":"好","value":"not_grade","message":"不得评为好","source":{"doc":"","confidence":""}}`, string(b))
	res, err = sc.Score(workedSubject())
	require.NoError(t, err)
	assert.Nil(t, res.Findings())
}

func scoreOf(t *testing.T, s string) assess.Score {
	t.Helper()
	var sc assess.Score
	require.NoError(t, json.Unmarshal([]byte(`"`+s+`"`), &sc))
	return sc
}
