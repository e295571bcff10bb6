package assess_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// grBranch is a branch of 10 full members all recommended 优秀 by the
// scheme's bands (totals 99 … 90) and 2 probationary members.
func grBranch() []assess.Result {
	var rs []assess.Result
	for i := 0; i < 10; i++ {
		rs = append(rs, grRes(fmt.Sprintf("m%02d", i), strconv.Itoa(99-i), "优秀"))
	}
	for i := 0; i < 2; i++ {
		r := grRes(fmt.Sprintf("p%02d", i), strconv.Itoa(98-i), "优秀")
		r.Category = "预备党员"
		rs = append(rs, r)
	}
	return rs
}

func TestDemocraticReview(t *testing.T) {
	p := assess.DemocraticReview()
	require.Equal(t, []string{"优秀", "合格", "基本合格", "不合格"}, p.Grades)
	require.Equal(t, dangjian.Usually, p.Quotas[0].Modality, "一般不超过: a normal ceiling")
	require.Equal(t, "1/3", p.Quotas[0].Max.String())
	out := grGrade(t, p, grBranch())
	assert.Equal(t, 3, grCount(out, "优秀"), "floor(10/3)")
	assert.Equal(t, 7, grCount(out, "合格"))
	u := out.Groups[0].Quotas[0]
	assert.Equal(t, assess.QuotaUse{Grade: "优秀", Max: assess.MustShare("1/3"), Count: assess.CountFloor, Ties: assess.TiesAllOut,
		Modality: dangjian.Usually, Base: 10, Of: assess.BaseGraded, Reading: p.Quotas[0].Reading, Allowed: 3, Demoted: 7, Recommended: 3, Final: 3, Source: u.Source, Cites: u.Cites}, u)
	require.NotNil(t, u.Source)
	// Each of the quota's numbers and readings cites its own source: the
	// 1/3 the verified text, the count rounding, the tie policy and the
	// base the library's own.
	for of, want := range map[string]dangjian.Confidence{"max": dangjian.Verified, "count": dangjian.LibraryChoice,
		"ties": dangjian.LibraryChoice, "base": dangjian.LibraryChoice} {
		src, ok := u.Cites.Of("优秀", of)
		require.True(t, ok, of)
		assert.Equal(t, want, src.Confidence, of)
	}
	assert.Equal(t, "共产党员网《民主评议党员》专题", u.Source.Doc)
	for _, s := range out.Subjects {
		if s.Category == "预备党员" {
			assert.True(t, s.Ungraded, s.Subject)
			assert.Empty(t, s.Grade)
			assert.Zero(t, s.Rank)
			assert.Equal(t, "预备党员参加民主评议，但不评定等次", s.Steps[0].Reason)
		}
	}
	// The preset is a fresh value each time.
	p.Grades[0] = "X"
	assert.Equal(t, "优秀", assess.DemocraticReview().Grades[0])
}

// TestDemocraticReviewBase: the 1/3 base is data (D18). The library's
// reading counts the 10 full members graded: floor(10/3) = 3 优秀. The
// literal reading, 党员总数, counts the 2 probationary members too:
// floor(12/3) = 4. Each quota use says which base it took.
func TestDemocraticReviewBase(t *testing.T) {
	p := assess.DemocraticReview()
	q := p.Quotas[0]
	require.NotNil(t, q.Reading)
	assert.Equal(t, assess.BaseGraded, q.Base)
	assert.Equal(t, assess.QuotaReading{Text: "党员总数", Literal: assess.BaseAll, Why: q.Reading.Why}, *q.Reading)
	assert.NotEmpty(t, q.Reading.Why)

	tests := []struct {
		name    string
		policy  assess.GradePolicy
		of      assess.QuotaBase
		base, n int
	}{
		{"the library's reading: the members graded", p, assess.BaseGraded, 10, 3},
		{"the literal reading: 党员总数", p.Literal(), assess.BaseAll, 12, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := grGrade(t, tt.policy, grBranch())
			u := out.Groups[0].Quotas[0]
			assert.Equal(t, tt.of, u.Of)
			assert.Equal(t, tt.base, u.Base)
			assert.Equal(t, tt.n, u.Allowed)
			assert.Equal(t, tt.n, grCount(out, "优秀"))
			assert.Equal(t, q.Reading, u.Reading, "the use carries the reading")
			b, err := json.Marshal(u)
			require.NoError(t, err)
			assert.Contains(t, string(b), `"of":"`+string(tt.of)+`"`)
			assert.Contains(t, string(b), `"reading":{"text":"党员总数","literal":"all"`)
		})
	}
	// Literal leaves the policy it was called on alone.
	assert.Equal(t, assess.BaseGraded, p.Quotas[0].Base)
}

func TestQuotaCitesProblems(t *testing.T) {
	tests := []struct {
		name  string
		cites map[string]string
		kind  error
		want  string
	}{
		{"unknown field", map[string]string{"share": "ours"}, dangjian.ErrUnknownField,
			`quotas[0].cites.share: unknown field: a quota cites only max, count, ties or base ("share")`},
		{"unknown source", map[string]string{"ties": "nowhere"}, dangjian.ErrUnknownRef,
			`quotas[0].cites.ties: refers to an unknown ID ("nowhere")`},
		{"empty source", map[string]string{"count": ""}, dangjian.ErrInvalid,
			`quotas[0].cites.count: invalid value: cite one of the policy's sources`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := assess.DemocraticReview()
			p.Quotas[0].Cites = tt.cites
			_, err := assess.NewGrader(p)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.kind)
			ps := dangjian.ProblemsOf(err)
			require.Len(t, ps, 1, "%v", err)
			assert.Equal(t, tt.want, ps[0].Error())
		})
	}
}

func TestPolicyCitesProblems(t *testing.T) {
	p := assess.StarRating()
	p.Cites = map[string]string{"bands": "nowhere", "grades": "ours"}
	_, err := assess.NewGrader(p)
	require.Error(t, err)
	var msgs []string
	for _, pr := range dangjian.ProblemsOf(err) {
		msgs = append(msgs, pr.Error())
	}
	assert.Equal(t, []string{`cites.bands: refers to an unknown ID ("nowhere")`,
		`cites.grades: unknown field: a policy cites only bands ("grades")`}, msgs)
	p = assess.DemocraticReview()
	p.Cites = map[string]string{"bands": "ours"}
	_, err = assess.NewGrader(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `cites.bands: invalid value: the policy sets no bands to cite ("bands")`)
}

func TestQuotaReadingProblems(t *testing.T) {
	p := assess.DemocraticReview()
	p.Quotas[0].Reading = &assess.QuotaReading{Text: "党员总数", Literal: "everyone"}
	_, err := assess.NewGrader(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `quotas[0].reading.literal: invalid value: want graded or all ("everyone")`)
	p.Quotas[0].Reading = &assess.QuotaReading{Literal: assess.BaseAll}
	_, err = assess.NewGrader(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `quotas[0].reading.text: invalid value: a reading quotes the base as its text words it`)
}

func TestStarRating(t *testing.T) {
	p := assess.StarRating()
	var rs []assess.Result
	for i, tot := range []string{"96", "93", "91", "90", "89.99", "85", "75", "70", "69.5", "40"} {
		rs = append(rs, grRes(fmt.Sprintf("b%d", i), tot, ""))
	}
	out := grGrade(t, p, rs)
	assert.Equal(t, map[string]string{"b0": "五星", "b1": "五星", "b2": "五星", "b3": "四星", "b4": "四星", "b5": "四星",
		"b6": "三星", "b7": "三星", "b8": "二星", "b9": "一星"}, grBy(out))
	assert.Equal(t, "五星", out.Subjects[3].Band, "b3 scored 五星 and fell by the quota")
	assert.Equal(t, dangjian.Must, out.Groups[0].Quotas[0].Modality)
}

func TestOverride(t *testing.T) {
	g, err := assess.NewGrader(assess.DemocraticReview())
	require.NoError(t, err)
	rs := grBranch()
	rs[9].Gates = []assess.GateHit{{Gate: "G-award", Effect: assess.NoAward, Reason: "受到党纪处分"}}
	rec, err := g.Grade(rs)
	require.NoError(t, err)
	before := grMarshal(t, rec)

	dec, err := g.Override(rec, []assess.Override{
		{Subject: "m05", Grade: "优秀", Reason: "抗洪抢险中表现突出", By: "第一党支部党员大会 2024-12-20"},
		{Subject: "m00", Grade: "合格", Reason: "本人申请", By: "支委会"},
	})
	require.NoError(t, err)
	assert.Equal(t, before, grMarshal(t, rec), "the recommendation is not modified")
	by := map[string]assess.Graded{}
	for _, s := range dec.Subjects {
		by[s.Subject] = s
	}
	m05 := by["m05"]
	assert.Equal(t, "合格", m05.Recommended)
	assert.Equal(t, "优秀", m05.Grade)
	require.NotNil(t, m05.Override)
	assert.Equal(t, "第一党支部党员大会 2024-12-20", m05.Override.By)
	last := m05.Steps[len(m05.Steps)-1]
	assert.Equal(t, assess.GradeStep{Kind: assess.StepOverride, Rule: "override", From: "合格", To: "优秀",
		Reason: "抗洪抢险中表现突出 (decided by 第一党支部党员大会 2024-12-20)"}, last)
	for _, s := range rec.Subjects {
		if s.Subject == "m05" {
			assert.Equal(t, s.Rank, m05.Rank, "ranks do not move")
		}
	}
	assert.Equal(t, grOrder(rec), grOrder(dec), "the order does not move")
	u := dec.Groups[0].Quotas[0]
	assert.Equal(t, 3, u.Recommended)
	assert.Equal(t, 3, u.Final, "one in, one out")
	assert.Zero(t, u.Over)

	// A normal ceiling (一般不超过) may be exceeded by an override, and the
	// grading says by how much.
	dec2, err := g.Override(dec, []assess.Override{{Subject: "m06", Grade: "优秀", Reason: "表现突出", By: "党员大会"},
		{Subject: "m07", Grade: "优秀", Reason: "表现突出", By: "党员大会"}})
	require.NoError(t, err)
	u = dec2.Groups[0].Quotas[0]
	assert.Equal(t, 5, u.Final)
	assert.Equal(t, 2, u.Over)
	by2 := map[string]assess.Graded{}
	for _, s := range dec2.Subjects {
		by2[s.Subject] = s
	}
	assert.Equal(t, "优秀", by2["m05"].Grade, "earlier overrides stay")

	// Overriding again replaces the earlier decision.
	dec3, err := g.Override(dec2, []assess.Override{{Subject: "m05", Grade: "合格", Reason: "复议", By: "党员大会"}})
	require.NoError(t, err)
	for _, s := range dec3.Subjects {
		if s.Subject == "m05" {
			assert.Equal(t, "合格", s.Grade)
			assert.Equal(t, "复议", s.Override.Reason)
		}
	}
}

func TestOverrideProblems(t *testing.T) {
	g, err := assess.NewGrader(assess.DemocraticReview())
	require.NoError(t, err)
	rs := grBranch()
	rs[9].Gates = []assess.GateHit{{Gate: "G-award", Effect: assess.NoAward, Reason: "受到党纪处分"}}
	rec, err := g.Grade(rs)
	require.NoError(t, err)
	_, err = g.Override(rec, []assess.Override{
		{Subject: "x", Grade: "合格", Reason: "r", By: "b"},
		{Subject: "p00", Grade: "合格", Reason: "r", By: "b"},
		{Subject: "m01", Grade: "良好", Reason: "r", By: "b"},
		{Subject: "m02", Grade: "合格", Reason: " ", By: ""},
		{Subject: "m09", Grade: "优秀", Reason: "r", By: "b"},
		{Subject: "m03", Grade: "合格", Reason: "r", By: "b"},
		{Subject: "m03", Grade: "基本合格", Reason: "r", By: "b"},
	})
	var ge dangjian.Problems
	require.ErrorAs(t, err, &ge)
	var got []string
	for _, p := range ge {
		got = append(got, p.Error())
	}
	assert.Equal(t, []string{
		`overrides[0].subject (id "x"): refers to an unknown ID: not a subject of the grading ("x")`,
		`overrides[1].subject (id "p00"): invalid input: the subject is scored but not graded ("p00")`,
		`overrides[2].grade (id "m01"): refers to an unknown ID: not a grade of the policy ("良好")`,
		`overrides[3].reason (id "m02"): invalid value: an override records its reason`,
		`overrides[3].by (id "m02"): invalid value: an override records who decided`,
		`overrides[4].grade (id "m09"): invalid value: barred to m09 by G-award ("优秀")`,
		`overrides[6].subject (id "m03"): duplicate ID: also overrides[5] ("m03")`,
	}, got)

	_, err = g.Override(&assess.Grading{Policy: "other"}, nil)
	assert.EqualError(t, err, `grading.policy: invalid input: graded under another policy than "民主评议党员" ("other")`)
	_, err = g.Override(nil, nil)
	assert.EqualError(t, err, `grading: invalid input: no grading`)
}

// A binding ceiling (must, 不超过) cannot be exceeded by an override.
func TestOverrideBindingQuota(t *testing.T) {
	g, err := assess.NewGrader(assess.StarRating())
	require.NoError(t, err)
	var rs []assess.Result
	for i := 0; i < 10; i++ {
		rs = append(rs, grRes(fmt.Sprintf("b%d", i), strconv.Itoa(99-i), ""))
	}
	rec, err := g.Grade(rs)
	require.NoError(t, err)
	require.Equal(t, 3, grCount(rec, "五星"))
	_, err = g.Override(rec, []assess.Override{{Subject: "b3", Grade: "五星", Reason: "先进基层党组织", By: "区委组织部"}})
	assert.EqualError(t, err, `overrides[0].grade (id "b3"): invalid value: the quota for 五星 is binding (must): 3 allowed, the overrides make 4 ("五星")`)
	// One in, one out keeps the count: allowed.
	_, err = g.Override(rec, []assess.Override{{Subject: "b3", Grade: "五星", Reason: "先进基层党组织", By: "区委组织部"},
		{Subject: "b2", Grade: "四星", Reason: "整改未完成", By: "区委组织部"}})
	assert.NoError(t, err)
}

// A grading stored as JSON and read back can still be overridden: the
// barred grades and the quota rules travel with it.
func TestOverrideDecodedGrading(t *testing.T) {
	g, err := assess.NewGrader(assess.DemocraticReview())
	require.NoError(t, err)
	rs := grBranch()
	rs[9].Gates = []assess.GateHit{{Gate: "G-award", Effect: assess.NoAward, Reason: "受到党纪处分"}}
	rec, err := g.Grade(rs)
	require.NoError(t, err)
	var back assess.Grading
	require.NoError(t, json.Unmarshal([]byte(grMarshal(t, rec)), &back))
	require.Equal(t, grMarshal(t, rec), grMarshal(t, &back))
	_, err = g.Override(&back, []assess.Override{{Subject: "m09", Grade: "优秀", Reason: "r", By: "b"}})
	assert.ErrorContains(t, err, "barred to m09 by G-award")
	dec, err := g.Override(&back, []assess.Override{{Subject: "m08", Grade: "优秀", Reason: "r", By: "b"}})
	require.NoError(t, err)
	assert.Equal(t, 1, dec.Groups[0].Quotas[0].Over)
}

// Grading reads its results and never writes to them.
func TestGradeLeavesResultsAlone(t *testing.T) {
	g, err := assess.NewGrader(assess.DemocraticReview())
	require.NoError(t, err)
	rs := grBranch()
	rs[3].Gates = []assess.GateHit{{Gate: "C", Effect: assess.CapGrade, Grade: "合格", Reason: "r"}}
	before := grMarshal(t, rs)
	_, err = g.Grade(rs)
	require.NoError(t, err)
	assert.Equal(t, before, grMarshal(t, rs))
}
