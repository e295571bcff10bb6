package assess_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/require"
)

// cohortPolicies are policies over the Yanji grades: the city's, and
// variations of what a Cohort must grade as Grade does.
func cohortPolicies() map[string]*assess.GradePolicy {
	p := yanji.Policy()
	whole := yanji.Policy()
	whole.PerCategory, whole.Ranking = false, assess.Dense
	whole.TieBreak = append(whole.TieBreak, assess.TieKey{By: assess.TieSubject})
	down := cohortDown()
	bands := yanji.Policy()
	bands.Bands = []assess.Band{{Grade: "好", From: assess.MustNum("90")}, {Grade: "较好", From: assess.MustNum("85"), To: assess.MustNum("90")},
		{Grade: "一般", From: assess.MustNum("80"), To: assess.MustNum("85")}, {Grade: "差", From: assess.MustNum("0"), To: assess.MustNum("80")}}
	nokeys := yanji.Policy()
	nokeys.TieBreak = nil
	quota := func(ties assess.TiePolicy, base assess.QuotaBase, per bool, down bool) *assess.GradePolicy {
		q := yanji.Policy()
		if down {
			q = *cohortDown()
		}
		q.PerCategory = per
		q.Sources = append(q.Sources, assess.Source{ID: "q", Source: dangjian.Source{Doc: "名额", Confidence: dangjian.Unverified}})
		q.Quotas = []assess.Quota{{Grade: "好", Max: assess.MustShare("1/5"), Count: assess.CountFloor, Ties: ties, Base: base, Modality: dangjian.Must, Source: "q"},
			{Grade: "较好", Max: assess.MustShare("5%"), Count: assess.CountCeil, Ties: ties, Modality: dangjian.Must, Source: "q"},
			{Grade: "一般", Max: assess.MustShare("40%"), Count: assess.CountHalfUp, Ties: ties, Base: base, Modality: dangjian.Must, Source: "q"}}
		return &q
	}
	return map[string]*assess.GradePolicy{"yanji": &p, "no tie-break keys": &nokeys,
		"quotas, all_out": quota(assess.TiesAllOut, assess.BaseGraded, true, false), "quotas, all_in, base all": quota(assess.TiesAllIn, assess.BaseAll, false, false),
		"quotas, break, downgrades": quota(assess.TiesBreak, assess.BaseGraded, true, true), "whole cohort, dense, by subject": &whole, "downgrades, ungraded": down,
		"bands": &bands, "no policy": nil}
}

// cohortDown is the Yanji policy with vote-share rules and ungraded
// subjects.
func cohortDown() *assess.GradePolicy {
	down := yanji.Policy()
	down.Sources = append(down.Sources, assess.Source{ID: "cha", Source: dangjian.Source{Doc: "差票", Confidence: dangjian.Unverified}})
	down.Downgrades = []assess.Downgrade{{ID: "cha-tenth",
		When:   assess.VoteShare{Level: "差", Share: assess.MustShare("1/10"), Compare: assess.MoreThan},
		Effect: assess.CapGrade, Grade: "一般", Reason: "差票超过十分之一", Source: "cha"},
		{ID: "hao-half", When: assess.VoteShare{Level: "好", Share: assess.MustShare("1/2"), Compare: assess.AtLeast},
			Effect: assess.NotGrade, Grade: "好", Reason: "好票过半", Source: "cha"}}
	down.Ungraded = &assess.Ungraded{Categories: []string{"街道"}, Subjects: []string{"s3"}, Reason: "新任"}
	return &down
}

// cohortOutputs are what a Ranking and a Cohort of the same results give.
type cohortOutputs struct {
	CSV    string
	Rows   []string
	Groups []assess.GroupSummary
	Err    string
}

const rowFormat = "%d|%d|%s|%s|%s|%q|%s|%s|%s|%t|%s"

func viaRanking(t *testing.T, sc *assess.Scorer, g *assess.Grader, results []assess.Result) cohortOutputs {
	var out cohortOutputs
	r, err := assess.NewRanking(sc, results, g)
	if err != nil {
		out.Err = err.Error()
		return out
	}
	var b bytes.Buffer
	require.NoError(t, r.WriteCSV(&b))
	out.CSV = b.String()
	for _, row := range r.Rows() {
		var comps []string
		for _, cr := range row.Result.Components {
			comps = append(comps, cr.Score.String())
		}
		out.Rows = append(out.Rows, fmt.Sprintf(rowFormat, row.Order, row.Rank, row.Result.Subject, row.Result.Category, row.Result.Total.String(),
			comps, row.Result.Bonus.String(), row.Band(), row.Grade(), row.Result.Eligible, strings.Join(row.Remarks(), "; ")))
	}
	if r.Grading != nil {
		out.Groups = r.Grading.Groups
	}
	return out
}

func viaCohort(t *testing.T, sc *assess.Scorer, g *assess.Grader, results []assess.Result) cohortOutputs {
	var out cohortOutputs
	c, err := assess.NewCohort(sc, g)
	require.NoError(t, err)
	for i := range results {
		res := results[i] // reused by the caller in a real stream: the cohort keeps nothing of it
		c.Add(&res)
	}
	if err := c.Finish(); err != nil {
		out.Err = err.Error()
		return out
	}
	var b bytes.Buffer
	require.NoError(t, c.WriteCSV(&b))
	out.CSV = b.String()
	require.NoError(t, c.Rows(func(row assess.CohortRow) error {
		out.Rows = append(out.Rows, fmt.Sprintf(rowFormat, row.Order, row.Rank, row.Subject, row.Category, row.Total,
			row.Components, row.Bonus, row.Band, row.Grade, row.Eligible, row.Remarks))
		return nil
	}))
	out.Groups = c.Groups()
	return out
}

// A Cohort gives the rows, the CSV, the group counts and the problems of
// a Ranking of the same results, under every kind of policy without
// quotas, subject IDs repeated or not.
func TestCohortAsRanking(t *testing.T) {
	sc := yanjiScorer(t)
	for seed := range uint64(12) {
		rng := rand.New(rand.NewPCG(seed, 3))
		var results []assess.Result
		err := sc.ScoreSubjectsFunc(strings.NewReader(genSubjects(sc, rng, 300)), assess.StreamOptions{}, func(i int, res *assess.Result, err error) error {
			if err == nil {
				r := *res
				r.Components = append([]assess.ComponentResult(nil), r.Components...)
				r.Gates = append([]assess.GateHit(nil), r.Gates...)
				r.Ballots = append(assess.Tally(nil), r.Ballots...)
				r.Clamped = append([]assess.Clamp(nil), r.Clamped...)
				results = append(results, r)
			}
			return nil
		})
		_ = err // subjects that do not decode are left out
		if seed%4 == 1 && len(results) > 10 {
			results[7].Subject = results[2].Subject
			results[9].Subject = results[2].Subject
			results[5].Subject = ""
		}
		for name, p := range cohortPolicies() {
			var g *assess.Grader
			if p != nil {
				var err error
				g, err = assess.NewGrader(*p)
				require.NoError(t, err, name)
			}
			want := viaRanking(t, sc, g, results)
			got := viaCohort(t, sc, g, results)
			require.Equal(t, want, got, "%s, seed %d", name, seed)
		}
	}
}

// The reference policies, quotas included, grade in a Cohort as in a
// Ranking (their schemes' own subjects: the grades are theirs).
func TestCohortReferencePolicies(t *testing.T) {
	for _, name := range []string{"minzhu-pingyi", "xingji", "jifen"} {
		s, err := assess.Reference(name)
		require.NoError(t, err)
		sc, err := assess.Compile(s)
		require.NoError(t, err)
		p, err := assess.ReferencePolicy(name)
		require.NoError(t, err)
		g, err := assess.NewGrader(p)
		require.NoError(t, err)
		for seed := range uint64(4) {
			rng := rand.New(rand.NewPCG(seed, 9))
			var results []assess.Result
			_ = sc.ScoreSubjectsFunc(strings.NewReader(genSubjects(sc, rng, 200)), assess.StreamOptions{}, func(i int, res *assess.Result, err error) error {
				if err == nil {
					r := *res
					r.Components = append([]assess.ComponentResult(nil), r.Components...)
					r.Gates = append([]assess.GateHit(nil), r.Gates...)
					r.Ballots = append(assess.Tally(nil), r.Ballots...)
					r.Clamped = append([]assess.Clamp(nil), r.Clamped...)
					results = append(results, r)
				}
				return nil
			})
			require.Equal(t, viaRanking(t, sc, g, results), viaCohort(t, sc, g, results), "%s, seed %d, %d results", name, seed, len(results))
		}
	}
}

// A Cohort keeps under 100 bytes a subject (a Result alone takes about
// 600): measured on 50,000 Yanji subjects, after a collection.
func TestCohortCompact(t *testing.T) {
	sc := yanjiScorer(t)
	g, err := assess.NewGrader(yanji.Policy())
	require.NoError(t, err)
	var one assess.Result
	require.NoError(t, sc.ScoreSubjectsFunc(strings.NewReader(`[{"id":"s1","category":"社区","values":{"baozhang":"97.66","jianshi":"97.5","pinpai":"9"},"votes":{"ceping":{"leaders":{"counts":{"一般":1,"好":3,"差":2,"较好":4},"issued":10,"returned":10},"masses":{"counts":{"一般":2,"好":6,"较好":2}},"members":{"counts":{"一般":2,"好":6,"较好":2}}}}}]`),
		assess.StreamOptions{}, func(i int, res *assess.Result, err error) error {
			require.NoError(t, err)
			one = *res
			one.Components = append([]assess.ComponentResult(nil), res.Components...)
			one.Ballots = append(assess.Tally(nil), res.Ballots...)
			return nil
		}))
	live := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	const n = 50000
	before := live()
	c, err := assess.NewCohort(sc, g)
	require.NoError(t, err)
	for i := range n {
		one.Subject = "s" + strconv.Itoa(i)
		c.Add(&one)
	}
	require.NoError(t, c.Finish())
	per := float64(live()-before) / n
	runtime.KeepAlive(c)
	t.Logf("%.0f bytes a subject", per)
	require.Less(t, per, 100.0)
}

// A Cohort ranks any generated cohort as a Ranking does.
func FuzzCohortAsRanking(f *testing.F) {
	sc := yanjiScorer(f)
	f.Add(uint64(1), uint64(2), uint8(0))
	f.Fuzz(func(t *testing.T, a, b uint64, which uint8) {
		rng := rand.New(rand.NewPCG(a, b))
		var results []assess.Result
		_ = sc.ScoreSubjectsFunc(strings.NewReader(genSubjects(sc, rng, 40)), assess.StreamOptions{}, func(i int, res *assess.Result, err error) error {
			if err == nil {
				r := *res
				r.Components = append([]assess.ComponentResult(nil), r.Components...)
				r.Gates = append([]assess.GateHit(nil), r.Gates...)
				r.Ballots = append(assess.Tally(nil), r.Ballots...)
				r.Clamped = append([]assess.Clamp(nil), r.Clamped...)
				results = append(results, r)
			}
			return nil
		})
		if len(results) > 3 && which%3 == 1 {
			results[len(results)-1].Subject = results[int(which)%len(results)].Subject
		}
		policies := cohortPolicies()
		names := make([]string, 0, len(policies))
		for name := range policies {
			names = append(names, name)
		}
		slices.Sort(names)
		p := policies[names[int(which)%len(names)]]
		var g *assess.Grader
		if p != nil {
			var err error
			g, err = assess.NewGrader(*p)
			require.NoError(t, err)
		}
		require.Equal(t, viaRanking(t, sc, g, results), viaCohort(t, sc, g, results))
	})
}
