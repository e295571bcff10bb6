package assess_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseShare(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: "0.3", want: "0.3"},
		{in: "1/3", want: "1/3"},
		{in: "2/6", want: "1/3"},
		{in: "30%", want: "0.3"},
		{in: "33.3%", want: "0.333"},
		{in: "100%", want: "1"},
		{in: "0", want: "0"},
		{in: "1", want: "1"},
		{in: "0/5", want: "0"},
		{in: "", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%)`},
		{in: "1.5", err: `invalid value: a share lies between 0 and 1 ("1.5")`},
		{in: "-0.1", err: `invalid value: a share lies between 0 and 1 ("-0.1")`},
		{in: "4/3", err: `invalid value: a share lies between 0 and 1 ("4/3")`},
		{in: "101%", err: `invalid value: a share lies between 0 and 1 ("101%")`},
		{in: "1/0", err: `invalid value: a fraction's denominator is not 0 ("1/0")`},
		{in: "-1/3", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) ("-1/3")`},
		{in: "+1/3", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) ("+1/3")`},
		{in: "1/3/4", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) ("1/3/4")`},
		{in: "0.5/1", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) ("0.5/1")`},
		{in: "1/3%", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) ("1/3%")`},
		{in: "30%%", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) ("30%%")`},
		{in: "3e-1", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) ("3e-1")`},
		{in: " 0.3", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) (" 0.3")`},
		{in: "三分之一", err: `invalid value: want a decimal (0.3), a fraction (1/3) or a percentage (30%) ("三分之一")`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, err := assess.ParseShare(tt.in)
			if tt.err != "" {
				assert.EqualError(t, err, tt.err)
				assert.False(t, s.IsSet())
				return
			}
			require.NoError(t, err)
			assert.True(t, s.IsSet())
			assert.Equal(t, tt.want, s.String())
		})
	}
	assert.Panics(t, func() { assess.MustShare("2") })
	assert.Equal(t, "0", assess.Share{}.String())
}

func TestShareJSON(t *testing.T) {
	var v struct {
		A, B, C assess.Share
	}
	require.NoError(t, json.Unmarshal([]byte(`{"A":"1/3","B":0.3,"C":"30%"}`), &v))
	assert.Equal(t, "1/3", v.A.String())
	assert.Equal(t, "0.3", v.B.String())
	assert.Equal(t, "0.3", v.C.String())
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"A":"1/3","B":"0.3","C":"0.3"}`, string(b))
	assert.Error(t, json.Unmarshal([]byte(`{"A":1.5}`), &v))
	assert.Error(t, json.Unmarshal([]byte(`{"A":3e-1}`), &v), "no exponent: a float's spelling is refused")
	assert.Error(t, json.Unmarshal([]byte(`{"A":true}`), &v))
}

// ParseShare never panics; what it accepts lies in [0, 1] and reads back
// from its own rendering.
func FuzzParseShare(f *testing.F) {
	for _, s := range []string{"0.3", "1/3", "30%", "33.3%", "1", "0", "1/0", "-1", "9223372036854775807/9223372036854775807",
		"0.0000000000000000001", "99.99999999999999999%", "1/9223372036854775807"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, err := assess.ParseShare(in)
		if err != nil {
			return
		}
		back, err := assess.ParseShare(s.String())
		require.NoError(t, err, "%q renders as %q", in, s.String())
		require.Equal(t, s.String(), back.String())
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var j assess.Share
		require.NoError(t, json.Unmarshal(b, &j))
		require.Equal(t, s.String(), j.String())
	})
}

// grCohort is n results all starting at 好 with distinct totals 100, 99, …
func grCohort(n int) []assess.Result {
	rs := make([]assess.Result, n)
	for i := range rs {
		rs[i] = grRes(fmt.Sprintf("s%02d", i), strconv.Itoa(100-i), "")
	}
	return rs
}

// How the allowed count rounds: 30 % of 10 = 3; of 11 = 3.3 → 3 floor, 4
// ceil, 3 half-up; 1/3 of 9 = 3; 35 % of 10 = 3.5 → 3, 4, 4.
func TestQuotaCountRounding(t *testing.T) {
	tests := []struct {
		share string
		n     int
		count assess.CountRounding
		want  int
	}{
		{"0.3", 10, "", 3},
		{"0.3", 10, assess.CountFloor, 3},
		{"0.3", 10, assess.CountCeil, 3},
		{"0.3", 10, assess.CountHalfUp, 3},
		{"0.3", 11, assess.CountFloor, 3},
		{"0.3", 11, assess.CountCeil, 4},
		{"0.3", 11, assess.CountHalfUp, 3},
		{"1/3", 9, assess.CountFloor, 3},
		{"1/3", 9, assess.CountCeil, 3},
		{"1/3", 9, assess.CountHalfUp, 3},
		{"1/3", 10, assess.CountFloor, 3},
		{"1/3", 10, assess.CountCeil, 4},
		{"1/3", 11, assess.CountHalfUp, 4},
		{"0.35", 10, assess.CountFloor, 3},
		{"0.35", 10, assess.CountCeil, 4},
		{"0.35", 10, assess.CountHalfUp, 4},
		{"0.05", 10, assess.CountHalfUp, 1},
		{"0.05", 10, assess.CountFloor, 0},
		{"0.3", 1, assess.CountFloor, 0},
		{"0.3", 1, assess.CountCeil, 1},
		{"1", 7, assess.CountFloor, 7},
		{"0", 7, assess.CountCeil, 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s of %d %s", tt.share, tt.n, tt.count), func(t *testing.T) {
			p := grFour()
			q := grQuota("好", tt.share, assess.TiesBreak)
			q.Count = tt.count
			p.Quotas = []assess.Quota{q}
			out := grGrade(t, p, grCohort(tt.n))
			assert.Equal(t, tt.want, grCount(out, "好"))
			u := out.Groups[0].Quotas[0]
			assert.Equal(t, tt.want, u.Allowed)
			assert.Equal(t, tt.n-tt.want, u.Demoted)
			if tt.count == "" {
				assert.Equal(t, assess.CountFloor, u.Count, "floor is the default")
			}
		})
	}
}

// Ties at the cut-off under each policy: 5 subjects, 好 at most 2 (0.4),
// totals 95, 90, 90, 90, 85: b, c, d tie for the second place.
func TestQuotaTiesAtCutOff(t *testing.T) {
	results := func() []assess.Result {
		rs := []assess.Result{grRes("d", "90", ""), grRes("a", "95", ""), grRes("c", "90", ""), grRes("e", "85", ""), grRes("b", "90", "")}
		for i, daily := range map[string]string{"a": "1", "b": "1", "c": "3", "d": "2", "e": "0"} {
			for k := range rs {
				if rs[k].Subject == i {
					rs[k].Components = []assess.ComponentResult{{ID: "daily", Score: grTotal(daily)}}
				}
			}
		}
		return rs
	}
	tests := []struct {
		name  string
		ties  assess.TiePolicy
		keys  []assess.TieKey
		good  []string
		over  int
		cause string
	}{
		{"break by subject ID", assess.TiesBreak, nil, []string{"a", "b"}, 0, "the subject ID decided (break)"},
		{"all_in", assess.TiesAllIn, nil, []string{"a", "b", "c", "d"}, 2, ""},
		{"all_out", assess.TiesAllOut, nil, []string{"a"}, 0, "all_out"},
		{"break by a component", assess.TiesBreak, []assess.TieKey{{By: assess.TieComponent, Component: "daily"}}, []string{"a", "c"}, 0,
			"the tie-break key component daily decided"},
		{"keys separate, all_in adds nobody", assess.TiesAllIn, []assess.TieKey{{By: assess.TieComponent, Component: "daily"}}, []string{"a", "c"}, 0, ""},
		{"keys separate, all_out removes nobody", assess.TiesAllOut, []assess.TieKey{{By: assess.TieComponent, Component: "daily"}}, []string{"a", "c"}, 0, ""},
		{"ascending key", assess.TiesBreak, []assess.TieKey{{By: assess.TieComponent, Component: "daily", Order: assess.Asc}}, []string{"a", "b"}, 0,
			"the tie-break key component daily decided"},
		{"subject key: no ties at all", assess.TiesAllOut, []assess.TieKey{{By: assess.TieSubject}}, []string{"a", "b"}, 0, "the tie-break key subject decided"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := grFour()
			p.TieBreak = tt.keys
			p.Quotas = []assess.Quota{grQuota("好", "0.4", tt.ties)}
			out := grGrade(t, p, results())
			var good []string
			for _, s := range out.Subjects {
				if s.Grade == "好" {
					good = append(good, s.Subject)
				}
			}
			assert.ElementsMatch(t, tt.good, good)
			u := out.Groups[0].Quotas[0]
			assert.Equal(t, 2, u.Allowed)
			assert.Equal(t, tt.over, u.Over)
			if tt.cause != "" {
				found := false
				for _, s := range out.Subjects {
					for _, st := range s.Steps {
						if st.Kind == assess.StepQuota && st.From != st.To {
							found = found || strings.Contains(st.Reason, tt.cause)
						}
					}
				}
				assert.True(t, found, "a demotion names its cause %q", tt.cause)
			}
		})
	}
}

// The base of a quota: the graded subjects (default) or all of them.
func TestQuotaBase(t *testing.T) {
	rs := grCohort(9)
	rs[7].Category, rs[8].Category = "预备党员", "预备党员"
	for _, tt := range []struct {
		base assess.QuotaBase
		want int
	}{{"", 2}, {assess.BaseGraded, 2}, {assess.BaseAll, 3}} {
		t.Run(string(tt.base), func(t *testing.T) {
			p := grFour()
			q := grQuota("好", "1/3", assess.TiesBreak)
			q.Base = tt.base
			p.Quotas = []assess.Quota{q}
			p.Ungraded = &assess.Ungraded{Categories: []string{"预备党员"}, Reason: "预备党员参加民主评议，但不评定等次"}
			out := grGrade(t, p, rs)
			assert.Equal(t, tt.want, grCount(out, "好"))
			assert.Equal(t, 7, out.Groups[0].Graded)
			assert.Equal(t, 9, out.Groups[0].Subjects)
		})
	}
}

// Under PerCategory each category has its own quota and ranks.
func TestQuotaPerCategory(t *testing.T) {
	var rs []assess.Result
	for i := 0; i < 5; i++ {
		a := grRes(fmt.Sprintf("v%d", i), strconv.Itoa(99-i), "")
		a.Category = "村"
		b := grRes(fmt.Sprintf("c%d", i), strconv.Itoa(94-i), "")
		b.Category = "社区"
		rs = append(rs, a, b)
	}
	p := grFour()
	p.Quotas = []assess.Quota{grQuota("好", "0.4", assess.TiesBreak)}
	p.PerCategory = true
	out := grGrade(t, p, rs)
	require.Len(t, out.Groups, 2)
	assert.Equal(t, "村", out.Groups[0].Category)
	assert.Equal(t, "社区", out.Groups[1].Category)
	assert.Equal(t, []string{"v0", "v1", "v2", "v3", "v4", "c0", "c1", "c2", "c3", "c4"}, grOrder(out))
	assert.Equal(t, []int{1, 2, 3, 4, 5, 1, 2, 3, 4, 5}, grRanks(out))
	assert.Equal(t, map[string]string{"v0": "好", "v1": "好", "v2": "较好", "v3": "较好", "v4": "较好",
		"c0": "好", "c1": "好", "c2": "较好", "c3": "较好", "c4": "较好"}, grBy(out))
	p.PerCategory = false
	out = grGrade(t, p, rs)
	assert.Equal(t, 4, grCount(out, "好"))
	assert.Equal(t, []string{"v0", "v1", "v2", "v3", "v4", "c0", "c1", "c2", "c3", "c4"}[:4], grOrder(out)[:4])
}

// A quota is never exceeded under break and all_out, whatever the cohort:
// random sizes, totals from a range of six values (many ties), random
// categories, starting grades, gates and ballots, every count rounding,
// per category or not. Under all_in it is exceeded exactly by the subjects
// tied (on the total and every key) with the last one allowed, beyond the
// allowed count, and never otherwise.
func TestQuotaNeverExceededProperty(t *testing.T) {
	grades := []string{"好", "较好", "一般", "差"}
	r := rand.New(rand.NewPCG(11, 12))
	for trial := 0; trial < 600; trial++ {
		ties := []assess.TiePolicy{assess.TiesBreak, assess.TiesAllIn, assess.TiesAllOut}[trial%3]
		p := grFour()
		p.Bands = nil
		p.PerCategory = r.IntN(2) == 0
		count := []assess.CountRounding{assess.CountFloor, assess.CountCeil, assess.CountHalfUp}[r.IntN(3)]
		shares := []string{"0.3", "1/3", "0.25", "0.5", "0.1", "0"}
		p.Quotas = []assess.Quota{grQuota("好", shares[r.IntN(len(shares))], ties), grQuota("较好", shares[r.IntN(len(shares))], ties)}
		p.Quotas[0].Count, p.Quotas[1].Count = count, count
		if r.IntN(2) == 0 {
			p.TieBreak = []assess.TieKey{{By: assess.TieComponent, Component: "daily"}}
		}
		rs := grRandomCohort(r, 1+r.IntN(40), grades, true)
		out := grGrade(t, p, rs)
		for _, grp := range out.Groups {
			for _, u := range grp.Quotas {
				held := 0
				for _, s := range out.Subjects {
					if s.Grade == u.Grade && (!p.PerCategory || s.Category == grp.Category) {
						held++
					}
				}
				require.Equal(t, held, u.Final)
				if ties != assess.TiesAllIn {
					require.LessOrEqual(t, held, u.Allowed, "trial %d: %s quota exceeded under %s", trial, u.Grade, ties)
					continue
				}
				require.Equal(t, max(held-u.Allowed, 0), u.Over)
				if held <= u.Allowed {
					continue
				}
				// Exceeded: every subject beyond the allowed count was kept by
				// all_in and ties the last one allowed.
				kept := 0
				for _, s := range out.Subjects {
					if s.Grade != u.Grade || (p.PerCategory && s.Category != grp.Category) {
						continue
					}
					for _, st := range s.Steps {
						if st.Kind == assess.StepQuota && st.From == u.Grade && st.To == u.Grade {
							kept++
							require.Contains(t, st.Reason, "kept by all_in: the quota is exceeded")
						}
					}
				}
				require.Equal(t, held-u.Allowed, kept, "trial %d: the excess is exactly the tied subjects kept", trial)
			}
		}
	}
}

// A share whose product with the cohort size leaves int64 is reported,
// never wrapped or panicked over.
// A share with a denominator near 2^63 used to fail with an arithmetic
// overflow (N × base did not fit an int64); the count is now N × base / D
// in 128 bits, exact: (2^63 − 2)/(2^63 − 1) × 3 = 2.99… → 2 (floor).
// No count can overflow: a share is at most 1.
func TestQuotaArithmeticWide(t *testing.T) {
	p := grFour()
	p.Quotas = []assess.Quota{grQuota("好", "9223372036854775806/9223372036854775807", assess.TiesBreak)}
	g, err := assess.NewGrader(p)
	require.NoError(t, err)
	out, err := g.Grade(grCohort(3))
	require.NoError(t, err)
	assert.Equal(t, 2, out.Groups[0].Quotas[0].Allowed)
}
