package assess_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/golden"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenFile compares got with testdata/<path>, rewriting it under -update:
//
//	go test ./assess -run 'TestReference' -update
func goldenFile(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, filepath.Join("testdata", path), got)
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

var referenceNames = []string{"jifen", "minzhu-pingyi", "xingji"}

func TestReferenceNames(t *testing.T) {
	assert.Equal(t, referenceNames, assess.ReferenceNames())
	files, err := filepath.Glob(filepath.Join("schemes", "*.json"))
	require.NoError(t, err)
	var fromFiles []string
	for _, f := range files {
		fromFiles = append(fromFiles, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	assert.Equal(t, fromFiles, assess.ReferenceNames(), "every embedded file is a reference scheme")
}

// Every reference scheme decodes strictly, compiles, documents its
// sources, says which numbers are the library's own, and cites a source
// on every component, indicator, clause, item and gate.
func TestReferenceSchemes(t *testing.T) {
	for _, name := range referenceNames {
		t.Run(name, func(t *testing.T) {
			s, err := assess.Reference(name)
			require.NoError(t, err)
			sc, err := assess.Compile(s)
			require.NoError(t, err)
			assert.NotEmpty(t, sc.Grades())
			assert.Contains(t, s.Note, "The library's own numbers:", "the note says plainly which numbers are ours")
			require.NotEmpty(t, s.Sources)
			ids := map[string]bool{}
			for _, src := range s.Sources {
				ids[src.ID] = true
				assert.True(t, src.Confidence.IsValid(), "source %s has a confidence", src.ID)
				assert.NotEmpty(t, src.Note, "source %s says what it supports", src.ID)
			}
			assert.True(t, ids["ours"], "the library's own numbers cite the source ours")
			cited := map[string]bool{}
			cite := func(what, id string) {
				assert.NotEmpty(t, id, "%s cites a source", what)
				cited[id] = true
			}
			cites := func(m map[string]string) { // a number's own source
				for _, id := range m {
					cited[id] = true
				}
			}
			var walk func(ind assess.Indicator)
			walk = func(ind assess.Indicator) {
				cite("indicator "+ind.ID, ind.Source)
				cites(ind.Cites)
				for _, ch := range ind.Children {
					walk(ch)
				}
				if m := ind.Method; m != nil {
					for _, it := range m.Items {
						cite("item "+ind.ID+"."+it.ID, it.Source)
						cites(it.Cites)
					}
					for _, cl := range m.Clauses {
						cite("clause "+ind.ID+"."+cl.ID, cl.Source)
						cites(cl.Cites)
					}
					for _, g := range m.Groups {
						cites(g.Cites)
					}
				}
			}
			for _, c := range s.Components {
				cite("component "+c.ID, c.Source)
				cites(c.Cites)
				for _, ind := range c.Indicators {
					walk(ind)
				}
			}
			if s.Bonus != nil {
				cite("bonus", s.Bonus.Source)
				cites(s.Bonus.Cites)
				for _, it := range s.Bonus.Items {
					cite("bonus item "+it.ID, it.Source)
					cites(it.Cites)
				}
			}
			for _, g := range s.Gates {
				cite("gate "+g.ID, g.Source)
				cites(g.Cites)
			}
			for id := range ids { // cited by a part, or by the note for a number without a source field (a band, a vote level)
				assert.True(t, cited[id] || strings.Contains(s.Note, "("+id+")"), "source %s is cited somewhere", id)
			}
			// The embedded JSON is canonical for the Go model: encoding the
			// decoded scheme and decoding it again gives the same scheme.
			b, err := json.Marshal(s)
			require.NoError(t, err)
			again, err := assess.DecodeScheme(bytes.NewReader(b))
			require.NoError(t, err)
			assert.Equal(t, s, again)
		})
	}
}

func TestReferenceUnknown(t *testing.T) {
	for _, name := range []string{"", "yanji", "../schemes/jifen", "jifen.json", "JIFEN"} {
		t.Run(name, func(t *testing.T) {
			_, err := assess.Reference(name)
			require.ErrorIs(t, err, assess.ErrUnknownRef)
			want := `refers to an unknown ID: not a reference scheme; known reference schemes are jifen, minzhu-pingyi, xingji`
			if name != "" {
				want += ` (` + strconv.Quote(name) + `)`
			}
			assert.Equal(t, want, err.Error())
			_, err = assess.ReferencePolicy(name)
			require.ErrorIs(t, err, assess.ErrUnknownRef)
			assert.Equal(t, want, err.Error())
		})
	}
}

// Reference and ReferencePolicy return fresh values: editing one does not
// change the next.
func TestReferenceFresh(t *testing.T) {
	for _, name := range referenceNames {
		t.Run(name, func(t *testing.T) {
			a, err := assess.Reference(name)
			require.NoError(t, err)
			want, err := assess.Reference(name)
			require.NoError(t, err)
			a.Components[0].Weight = n("0.5")
			a.Components[0].Indicators[0].Name = "x"
			a.Bands[0].Grade = "x"
			a.Sources[0].Note = "x"
			b, err := assess.Reference(name)
			require.NoError(t, err)
			assert.Equal(t, want, b)
			p, err := assess.ReferencePolicy(name)
			require.NoError(t, err)
			wantGrade := p.Grades[0]
			p.Grades[0] = "x"
			q, err := assess.ReferencePolicy(name)
			require.NoError(t, err)
			assert.Equal(t, wantGrade, q.Grades[0])
		})
	}
}

// Every reference policy compiles, and its grades are the scheme's, best
// first.
func TestReferencePolicies(t *testing.T) {
	for _, name := range referenceNames {
		t.Run(name, func(t *testing.T) {
			s, err := assess.Reference(name)
			require.NoError(t, err)
			sc, err := assess.Compile(s)
			require.NoError(t, err)
			p, err := assess.ReferencePolicy(name)
			require.NoError(t, err)
			g, err := assess.NewGrader(p)
			require.NoError(t, err)
			assert.Equal(t, sc.Grades(), g.Grades())
		})
	}
}

// refWant is a subject's result computed by hand.
type refWant struct {
	total, grade string
	// exact and score per component, after its rounding point, then
	// weighted.
	exact, score, weighted []string
	bonus                  string
	eligible               bool
	gates                  []string
	// leaves: indicator ID → value in the trace.
	leaves map[string]string
	notes  []string // substrings of the result's notes
}

// refCase is a reference scheme's worked example: its subjects, read from
// testdata/reference/<scheme>.subjects.json, and their results by hand.
type refCase struct {
	scheme string
	want   map[string]refWant
	// the cohort graded under the scheme's reference policy: subject →
	// rank (0: not graded) and final grade, and the grade counts.
	rank   map[string]int
	graded map[string]string
	counts map[string]int
}

func referenceCases() []refCase {
	return []refCase{
		// minzhu-pingyi: 民主测评 × 0.8 + 日常表现 × 0.2; components and
		// total rounded to 2 places half-up. Graded under DemocraticReview.
		{scheme: "minzhu-pingyi", want: map[string]refWant{
			// votes (8 × 100 + 80) / 9 = 880/9 = 97.777… → 97.78 × 0.8 =
			// 78.224; conduct 100 × 0.2 = 20; 98.224 → 98.22
			"M1": {total: "98.22", grade: "优秀", exact: []string{"880/9", "100"}, score: []string{"97.78", "100"}, weighted: []string{"78.224", "20"}, bonus: "0", eligible: true},
			// 860/9 = 95.555… → 95.56 × 0.8 = 76.448; conduct 100 − 10 = 90
			// × 0.2 = 18; 94.448 → 94.45
			"M2": {total: "94.45", grade: "优秀", exact: []string{"860/9", "90"}, score: []string{"95.56", "90"}, weighted: []string{"76.448", "18"}, bonus: "0", eligible: true},
			// 840/9 = 280/3 → 93.33 × 0.8 = 74.664; + 20 = 94.664 → 94.66
			"M3": {total: "94.66", grade: "优秀", exact: []string{"280/3", "100"}, score: []string{"93.33", "100"}, weighted: []string{"74.664", "20"}, bonus: "0", eligible: true},
			// (7 × 80 + 60) / 8 = 77.5 (不了解 out) × 0.8 = 62; conduct
			// 100 − 2 × 10 = 80 × 0.2 = 16; 78
			"M4": {total: "78", grade: "合格", exact: []string{"77.5", "80"}, score: []string{"77.5", "80"}, weighted: []string{"62", "16"}, bonus: "0", eligible: true},
			// (4 × 80 + 4 × 60 + 0) / 9 = 560/9 → 62.22 × 0.8 = 49.776;
			// 90 × 0.2 = 18; 67.776 → 67.78
			"M5": {total: "67.78", grade: "基本合格", exact: []string{"560/9", "90"}, score: []string{"62.22", "90"}, weighted: []string{"49.776", "18"}, bonus: "0", eligible: true},
			// 100; disciplined: no_award (the scorer's grade stays 优秀; the
			// policy bars 优秀)
			"M6": {total: "100", grade: "优秀", exact: []string{"100", "100"}, score: []string{"100", "100"}, weighted: []string{"80", "20"}, bonus: "0", eligible: false, gates: []string{"disciplined"}},
			// a probationary member: scored, not graded by the policy
			"M7": {total: "100", grade: "优秀", exact: []string{"100", "100"}, score: []string{"100", "100"}, weighted: []string{"80", "20"}, bonus: "0", eligible: true},
		},
			// 6 full members graded: 优秀 ≤ ⌊6 / 3⌋ = 2. M6 is barred from
			// 优秀 (no_award) and takes 合格 without using a slot; M1 and
			// M3 take the two; M2 (94.45) falls to 合格. M7 is not graded.
			rank:   map[string]int{"M6": 1, "M1": 2, "M3": 3, "M2": 4, "M4": 5, "M5": 6, "M7": 0},
			graded: map[string]string{"M1": "优秀", "M3": "优秀", "M2": "合格", "M6": "合格", "M4": "合格", "M5": "基本合格", "M7": ""},
			counts: map[string]int{"优秀": 2, "合格": 3, "基本合格": 1},
		},
		// xingji: 基础项 (less 减分项) × 0.7 + 评议项 × 0.3; components and
		// total rounded to 2 places half-up. Graded under StarRating.
		{scheme: "xingji", want: map[string]refWant{
			// banzi 10; zuzhi 10 + 5 + (5 − 1) + 5 + 5 = 29; duiwu (10 − 2)
			// + 98.5 / 10 + 10 = 27.85; zhidu 15 − 2 = 13; penalty 15
			// base 94.85 × 0.7 = 66.395
			// review 0.6 × (1800 + 140) / 20 + 0.4 × (1200 + 210 + 30) / 16
			//   = 0.6 × 97 + 0.4 × 90 = 94.2 × 0.3 = 28.26
			// total 94.655 → 94.66 (half-up): 五星
			"X1": {total: "94.66", grade: "五星", exact: []string{"94.85", "94.2"}, score: []string{"94.85", "94.2"}, weighted: []string{"66.395", "28.26"}, bonus: "0", eligible: true,
				leaves: map[string]string{"zuzhi": "29", "duiwu": "27.85", "dues_rate": "9.85", "zhidu": "13"}},
			// banzi 10 − 2 = 8; zuzhi (10 − 2) + (5 − 2) + 5 + (5 − 1) + 5
			// = 25; duiwu 10 + 10 + (2 + 5) = 27; zhidu 15; penalty 15 −
			// (case A: 重处分 5, 轻处分 not added; case B: 诫勉 1) = 9
			// base 84 × 0.7 = 58.8
			// review 0.6 × 1850 / 20 + 0.4 × 1500 / 20 = 55.5 + 30 = 85.5 ×
			//   0.3 = 25.65
			// total 84.45: band 四星; advanced_org: 直接定级 五星
			"X2": {total: "84.45", grade: "五星", exact: []string{"84", "85.5"}, score: []string{"84", "85.5"}, weighted: []string{"58.8", "25.65"}, bonus: "0", eligible: true,
				gates: []string{"advanced"}, leaves: map[string]string{"banzi": "8", "zuzhi": "25", "penalty": "9"}},
			// banzi 7; zuzhi 8 + 4 + 5 + 5 + 5 = 27; duiwu 8 + 9 + 5 = 22;
			// zhidu 13; penalty 15 − 3 = 12; base 81 × 0.7 = 56.7
			// review 0.6 × 85 + 0.4 × 910/12 = 51 + 91/3 = 244/3 = 81.333…
			//   → 81.33 × 0.3 = 24.399
			// total 81.099 → 81.10: band 四星; weak_org caps it at 二星
			"X3": {total: "81.1", grade: "二星", exact: []string{"81", "244/3"}, score: []string{"81", "81.33"}, weighted: []string{"56.7", "24.399"}, bonus: "0", eligible: true,
				gates: []string{"weak"}},
			// banzi 10 − (3 × 2 + 2) = 2; zuzhi 0 + 3 + 2 + 0 + 0 = 5
			// (general_meeting 10 − 5 × 2 = 0 exactly); duiwu 0 + 7.525 + 0
			// = 7.525; zhidu 15 − 8 = 7; penalty 15 − 2 (two cases) = 13
			// base 34.525 → 34.53 (half-up) × 0.7 = 24.171
			// review 0.6 × 600 / 10 + 0.4 × 300 / 6 = 36 + 20 = 56 × 0.3 = 16.8
			// total 40.971 → 40.97: 一星
			"X4": {total: "40.97", grade: "一星", exact: []string{"34.525", "56"}, score: []string{"34.53", "56"}, weighted: []string{"24.171", "16.8"}, bonus: "0", eligible: true,
				leaves: map[string]string{"banzi": "2", "zuzhi": "5", "general_meeting": "0", "duiwu": "7.525"}},
		},
			// 4 branches: 五星 ≤ ⌊0.3 × 4⌋ = 1. X1 (94.66) takes it; X2's
			// 直接定级 五星 is over the binding quota: 四星. X3 stays capped.
			rank:   map[string]int{"X1": 1, "X2": 2, "X3": 3, "X4": 4},
			graded: map[string]string{"X1": "五星", "X2": "四星", "X3": "二星", "X4": "一星"},
			counts: map[string]int{"五星": 1, "四星": 1, "二星": 1, "一星": 1},
		},
		// jifen: one component (weight 1) of 基础积分 70 + 民主评议 20,
		// plus 贡献积分 ≤ 10.
		{scheme: "jifen", want: map[string]refWant{
			// study: 8 sessions / 6 × 12 = 16, capped at 12 (每次2分 ≤ 12);
			//   notes 3.5; reflections 4 → 19.5
			// life: 三会一课 3 / 4 × 12 = 9; 主题党日 5 / 4 × 8 = 10 → 8 → 17
			// conduct 30 − 2 = 28; basic 64.5
			// review (500 + 320 + 60) / 10 = 88 / 100 × 20 = 17.6
			// annual 82.1; bonus volunteer 6 → 4, model_post 2, county 3 = 9
			// total 91.1: 优秀
			"J1": {total: "91.1", grade: "优秀", exact: []string{"82.1"}, score: []string{"82.1"}, weighted: []string{"82.1"}, bonus: "9", eligible: true,
				leaves: map[string]string{"study_sessions": "12", "study": "19.5", "party_day": "8", "life": "17", "conduct": "28", "basic": "64.5", "review": "17.6"},
				notes:  []string{"bonus volunteer: 6 capped at 4"}},
			// study 10 + 4 + 2 = 16; life 12 + 4 = 16; conduct 30 − 4 − 3 =
			// 23; basic 55; review (200 + 480 + 60) / 9 = 740/9 → × 20 / 100
			// = 148/9; annual 55 + 148/9 = 643/9 = 71.444… → 71.44
			// bonus 5 + 2 × 3 = 11 → 10; total 81.44: 合格
			"J2": {total: "81.44", grade: "合格", exact: []string{"643/9"}, score: []string{"71.44"}, weighted: []string{"71.44"}, bonus: "10", eligible: true,
				leaves: map[string]string{"review": "148/9", "basic": "55"}, notes: []string{"bonus pool 11 capped at 10"}},
			// every item full: 90 + bonus 2 × 5 = 10 = 100; crime: 一票否决 → 0
			"J3": {total: "0", grade: "不合格", exact: []string{"90"}, score: []string{"90"}, weighted: []string{"90"}, bonus: "10", eligible: true,
				gates: []string{"veto_crime"}},
			// study 2 + 1 + 0 = 3; life 3 + 0 = 3; conduct 30 − (12 + 10 + 9)
			// → 0 (扣完为止); basic 6; review (80 + 180 + 0) / 8 = 32.5 →
			// 6.5; total 12.5: 不合格
			"J4": {total: "12.5", grade: "不合格", exact: []string{"12.5"}, score: []string{"12.5"}, weighted: []string{"12.5"}, bonus: "0", eligible: true,
				leaves: map[string]string{"conduct": "0", "basic": "6", "review": "6.5"}, notes: []string{"deductions 31 exceed 30: 扣完为止 at 0"}},
		},
			rank:   map[string]int{"J1": 1, "J2": 2, "J4": 3, "J3": 4},
			graded: map[string]string{"J1": "优秀", "J2": "合格", "J4": "不合格", "J3": "不合格"},
			counts: map[string]int{"优秀": 1, "合格": 1, "不合格": 2},
		},
	}
}

func loadReference(t *testing.T, name string) (*assess.Scorer, []assess.Subject) {
	t.Helper()
	s, err := assess.Reference(name)
	require.NoError(t, err)
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	f, err := os.Open(filepath.Join("testdata", "reference", name+".subjects.json"))
	require.NoError(t, err)
	defer f.Close()
	subs, err := assess.DecodeSubjects(f)
	require.NoError(t, err)
	return sc, subs
}

func findNode(n *assess.Node, id string) *assess.Node {
	if n == nil {
		return nil
	}
	if n.ID == id {
		return n
	}
	for _, ch := range n.Children {
		if f := findNode(ch, id); f != nil {
			return f
		}
	}
	return nil
}

// TestReferenceWorked scores each reference scheme's subjects and checks
// them against the results computed by hand; the full Explain output is
// the golden file testdata/reference/<scheme>.explain.golden.
func TestReferenceWorked(t *testing.T) {
	for _, rc := range referenceCases() {
		t.Run(rc.scheme, func(t *testing.T) {
			sc, subs := loadReference(t, rc.scheme)
			require.Len(t, subs, len(rc.want))
			results := make([]assess.Result, 0, len(subs))
			for _, sub := range subs {
				w, ok := rc.want[sub.ID]
				require.True(t, ok, "no hand-computed result for %s", sub.ID)
				res, err := sc.Explain(sub)
				require.NoError(t, err, sub.ID)
				results = append(results, res)
				t.Run(sub.ID, func(t *testing.T) {
					assert.Equal(t, w.total, res.Total.String(), "total")
					assert.Equal(t, w.grade, res.Grade, "grade")
					assert.Equal(t, w.bonus, res.Bonus.String(), "bonus")
					assert.Equal(t, w.eligible, res.Eligible, "eligible")
					require.Len(t, res.Components, len(w.exact))
					for i, c := range res.Components {
						assert.Equal(t, w.exact[i], c.Exact.String(), "component %s exact", c.ID)
						assert.Equal(t, w.score[i], c.Score.String(), "component %s score", c.ID)
						assert.Equal(t, w.weighted[i], c.Weighted.String(), "component %s weighted", c.ID)
					}
					var gates []string
					for _, g := range res.Gates {
						gates = append(gates, g.Gate)
					}
					assert.Equal(t, w.gates, gates, "gates")
					for id, v := range w.leaves {
						nd := findNode(res.Trace, id)
						if assert.NotNil(t, nd, "trace node %s", id) {
							got := nd.Value
							if nd.ExactFraction != "" && nd.Value == nd.Exact {
								got = nd.ExactFraction // the value is the exact one, a fraction
							}
							assert.Equal(t, v, got, "trace node %s", id)
						}
					}
					joined := strings.Join(res.Notes, "\n")
					for _, note := range w.notes {
						assert.Contains(t, joined, note)
					}
					// Score gives the same numbers without the trace.
					plain, err := sc.Score(sub)
					require.NoError(t, err)
					assert.Nil(t, plain.Trace)
					assert.Equal(t, res.Total, plain.Total)
					assert.Equal(t, res.Grade, plain.Grade)
				})
			}
			goldenFile(t, filepath.Join("reference", rc.scheme+".explain.golden"), mustJSON(t, results))
		})
	}
}

// TestReferenceGrading grades each reference cohort under its reference
// policy; the grading is the golden file
// testdata/reference/<scheme>.grading.golden.
func TestReferenceGrading(t *testing.T) {
	for _, rc := range referenceCases() {
		t.Run(rc.scheme, func(t *testing.T) {
			sc, subs := loadReference(t, rc.scheme)
			results := make([]assess.Result, len(subs))
			for i, sub := range subs {
				var err error
				results[i], err = sc.Score(sub)
				require.NoError(t, err)
			}
			p, err := assess.ReferencePolicy(rc.scheme)
			require.NoError(t, err)
			g, err := assess.NewGrader(p)
			require.NoError(t, err)
			gr, err := g.Grade(results)
			require.NoError(t, err)
			require.Len(t, gr.Subjects, len(rc.rank))
			counts := map[string]int{}
			for _, s := range gr.Subjects {
				assert.Equal(t, rc.rank[s.Subject], s.Rank, "rank of %s", s.Subject)
				assert.Equal(t, rc.graded[s.Subject], s.Grade, "grade of %s", s.Subject)
				assert.Equal(t, s.Rank == 0, s.Ungraded, "%s graded", s.Subject)
				if s.Grade != "" {
					counts[s.Grade]++
				}
			}
			assert.Equal(t, rc.counts, counts)
			goldenFile(t, filepath.Join("reference", rc.scheme+".grading.golden"), gradingText(gr))
		})
	}
}

// gradingText renders a grading compactly: each subject's order, rank,
// total, band and grade, and its steps by kind, rule and grades. The
// reasons' wording and the policy's sources are left out: they belong to
// the grading policy, and the hand-checked numbers are what this golden
// file pins.
func gradingText(gr *assess.Grading) []byte {
	var b strings.Builder
	b.WriteString("policy " + gr.Policy + "\n")
	for _, s := range gr.Subjects {
		fmt.Fprintf(&b, "%d %s %s total %s rank %d band %s grade %s eligible %t\n", s.Order, s.Category, s.Subject, s.Total, s.Rank, s.Band, s.Grade, s.Eligible)
		for _, st := range s.Steps {
			fmt.Fprintf(&b, "    %s %s %s→%s\n", st.Kind, st.Rule, st.From, st.To)
		}
	}
	for _, grp := range gr.Groups {
		fmt.Fprintf(&b, "group %q: %d subjects, %d graded;", grp.Category, grp.Subjects, grp.Graded)
		for _, c := range grp.Grades {
			fmt.Fprintf(&b, " %s %d", c.Grade, c.Count)
		}
		b.WriteString("\n")
		for _, q := range grp.Quotas {
			fmt.Fprintf(&b, "    quota %s ≤ %s of %d (%s, ties %s): allowed %d, demoted %d, final %d\n", q.Grade, q.Max, q.Base, q.Count, q.Ties, q.Allowed, q.Demoted, q.Final)
		}
	}
	return []byte(b.String())
}

// The reference scorers are safe for concurrent use: scoring the same
// subjects from many goroutines gives the same results (run with -race).
func TestReferenceConcurrent(t *testing.T) {
	for _, name := range referenceNames {
		sc, subs := loadReference(t, name)
		want := make([]string, len(subs))
		for i, sub := range subs {
			res, err := sc.Explain(sub)
			require.NoError(t, err)
			want[i] = string(mustJSON(t, res))
		}
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i, sub := range subs {
					res, err := sc.Explain(sub)
					b, _ := json.MarshalIndent(res, "", "  ")
					if err != nil || string(append(b, '\n')) != want[i] {
						errs <- errors.New(name + ": " + sub.ID + " differs")
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
	}
}

// A subject's input outside a reference scheme is reported, never
// guessed: an unknown flag, an item not on the checklist.
func TestReferenceInputErrors(t *testing.T) {
	sc, subs := loadReference(t, "xingji")
	sub := cloneSubject(t, subs[0])
	sub.Flags = map[string]bool{"advanced_orgg": true}
	sub.Checked = map[string][]string{"development": {"plan", "no_such_item"}}
	_, err := sc.Score(sub)
	require.ErrorIs(t, err, assess.ErrInput)
	var ie dangjian.Problems
	require.ErrorAs(t, err, &ie)
	var paths []string
	for _, p := range ie {
		paths = append(paths, p.Path)
	}
	slices.Sort(paths)
	assert.Equal(t, []string{"checked.development[1]", "flags.advanced_orgg"}, paths)
}

// jsonBlocks returns the fenced ```json blocks of a Markdown file, in
// order.
func jsonBlocks(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var blocks []string
	var cur []string
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case !in && strings.TrimSpace(line) == "```json":
			in, cur = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			blocks = append(blocks, strings.Join(cur, "\n"))
		case in:
			cur = append(cur, line)
		}
	}
	require.False(t, in, "an unterminated ```json block in %s", path)
	return blocks
}

// TestSchemeDoc keeps SCHEME.md from rotting: its example scheme decodes
// strictly and compiles, its example subject scores as the document works
// it out by hand, and its example policy compiles.
func TestSchemeDoc(t *testing.T) {
	blocks := jsonBlocks(t, "SCHEME.md")
	require.Len(t, blocks, 4, "SCHEME.md has four json blocks: scheme, subjects, policy, test cases")
	s, err := assess.DecodeScheme(strings.NewReader(blocks[0]))
	require.NoError(t, err)
	sc, err := assess.Compile(s)
	require.NoError(t, err)
	assert.Equal(t, "105", sc.Max().String(), "SCHEME.md §2.1")
	assert.Equal(t, []string{"好", "较好", "一般", "差"}, sc.Grades())
	// Every field of the model is shown in the example, so a field added
	// to Scheme without documenting it fails here.
	for _, key := range []string{`"name"`, `"version"`, `"year"`, `"jurisdiction"`, `"note"`, `"sources"`, `"article"`, `"confidence"`,
		`"rounding"`, `"at"`, `"places"`, `"mode"`, `"components"`, `"weight"`, `"max"`, `"source"`, `"indicators"`, `"children"`,
		`"method"`, `"kind"`, `"items"`, `"points"`, `"cap"`, `"clauses"`, `"levels"`, `"threshold"`, `"perPoint"`, `"target"`,
		`"scale"`, `"unknown"`, `"groups"`, `"minRaters"`, `"table"`, `"hitPolicy"`, `"inputs"`, `"rules"`, `"when"`,
		`"bonus"`, `"cites"`, `"gates"`, `"flag"`, `"effect"`, `"grade"`, `"reason"`, `"bands"`, `"from"`, `"to"`} {
		assert.Contains(t, blocks[0], key)
	}
	subs, err := assess.DecodeSubjects(strings.NewReader(blocks[1]))
	require.NoError(t, err)
	require.Len(t, subs, 1)
	res, err := sc.Explain(subs[0])
	require.NoError(t, err)
	// The values SCHEME.md §3 works out by hand.
	assert.Equal(t, "87.63", res.Total.String())
	assert.Equal(t, "较好", res.Grade)
	assert.Equal(t, "80.4", res.Components[0].Exact.String())
	assert.Equal(t, "48.24", res.Components[0].Weighted.String())
	assert.Equal(t, "2898/31", res.Components[1].Exact.String())
	assert.Equal(t, "93.48", res.Components[1].Score.String())
	assert.Equal(t, "37.392", res.Components[1].Weighted.String())
	assert.Equal(t, "2", res.Bonus.String())
	for id, v := range map[string]string{"meetings": "14.9", "tasks": "15", "duty": "29.9", "coverage": "18.5", "project": "17", "venue": "15"} {
		assert.Equal(t, v, findNode(res.Trace, id).Value, id)
	}
	assert.Equal(t, "medium", findNode(res.Trace, "venue").Rule)
	assert.Empty(t, res.Gates)
	p, err := assess.DecodeGradePolicy(strings.NewReader(blocks[2]))
	require.NoError(t, err)
	g, err := assess.NewGrader(p)
	require.NoError(t, err)
	assert.Equal(t, sc.Grades(), g.Grades())
	gr, err := g.Grade([]assess.Result{res})
	require.NoError(t, err)
	assert.Equal(t, "较好", gr.Subjects[0].Grade)
	// §7: the test cases, "example" resolved as the scheme and the policy
	// above, pass.
	resolve := func(name string) (assess.Scheme, *assess.GradePolicy, error) {
		require.Equal(t, "example", name)
		return s, &p, nil
	}
	rep, err := assess.RunCases(strings.NewReader(blocks[3]), assess.CaseOptions{Resolve: resolve})
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Passed)
	assert.Zero(t, rep.Failed, "%+v", rep.Cases)
}

// cloneSubject deep-copies a subject through JSON, so that a mutation
// leaves the original alone.
func cloneSubject(t *testing.T, s assess.Subject) assess.Subject {
	t.Helper()
	b, err := json.Marshal(s)
	require.NoError(t, err)
	var out assess.Subject
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// TestReferenceMonotone checks, on every reference subject, that every
// single improvement of its input never lowers the total: one more
// checklist item, one deduction event fewer, one point more of a direct or
// ratio value, one more vote at the best level in any rater group, one
// bonus occurrence more. It also checks that the total lies in [0, max],
// that Score and Explain agree, and that a zero gate gives 0.
func TestReferenceMonotone(t *testing.T) {
	for _, name := range referenceNames {
		t.Run(name, func(t *testing.T) {
			s, err := assess.Reference(name)
			require.NoError(t, err)
			sc, subs := loadReference(t, name)
			var leaves []assess.Indicator
			var walk func(ind assess.Indicator)
			walk = func(ind assess.Indicator) {
				if ind.Method != nil {
					leaves = append(leaves, ind)
				}
				for _, ch := range ind.Children {
					walk(ch)
				}
			}
			for _, c := range s.Components {
				for _, ind := range c.Indicators {
					walk(ind)
				}
			}
			checks := 0
			for _, sub := range subs {
				base, err := sc.Score(sub)
				require.NoError(t, err)
				require.GreaterOrEqual(t, base.Total.Cmp(assess.Score{}), 0)
				require.LessOrEqual(t, base.Total.Cmp(sc.Max()), 0)
				ex, err := sc.Explain(sub)
				require.NoError(t, err)
				require.Equal(t, base.Total, ex.Total)
				better := func(what string, edit func(*assess.Subject)) {
					t.Helper()
					m := cloneSubject(t, sub)
					edit(&m)
					res, err := sc.Score(m)
					require.NoError(t, err, "%s %s", sub.ID, what)
					assert.GreaterOrEqual(t, res.Total.Cmp(base.Total), 0, "%s: %s lowered %s to %s", sub.ID, what, base.Total, res.Total)
					checks++
				}
				for _, leaf := range leaves {
					m := leaf.Method
					switch m.Kind {
					case assess.Checklist:
						for _, it := range m.Items {
							if !slices.Contains(sub.Checked[leaf.ID], it.ID) {
								better("checking "+leaf.ID+"."+it.ID, func(x *assess.Subject) {
									if x.Checked == nil {
										x.Checked = map[string][]string{}
									}
									x.Checked[leaf.ID] = append(x.Checked[leaf.ID], it.ID)
								})
							}
						}
					case assess.Deductions:
						for i := range sub.Events[leaf.ID] {
							better("dropping "+leaf.ID+" event", func(x *assess.Subject) {
								x.Events[leaf.ID] = slices.Delete(x.Events[leaf.ID], i, i+1)
							})
						}
					case assess.Direct, assess.Ratio:
						better("raising "+leaf.ID, func(x *assess.Subject) {
							v, _ := x.Values[leaf.ID].Decimal()
							x.Values[leaf.ID] = n(v.Add(dec1).String())
						})
					case assess.Votes:
						for _, g := range m.Groups {
							if _, ok := sub.Votes[leaf.ID][g.ID]; !ok {
								continue
							}
							better("one more "+m.Levels[0].Name+" vote in "+g.ID, func(x *assess.Subject) {
								b := x.Votes[leaf.ID][g.ID]
								b.Counts[m.Levels[0].Name]++
								if b.Issued > 0 && b.Returned == b.Issued {
									b.Issued++
								}
								if b.Returned > 0 {
									b.Returned++
								}
								x.Votes[leaf.ID][g.ID] = b
							})
						}
					}
				}
				if s.Bonus != nil {
					for _, it := range s.Bonus.Items {
						better("bonus "+it.ID, func(x *assess.Subject) {
							if x.Bonus == nil {
								x.Bonus = map[string]int{}
							}
							x.Bonus[it.ID]++
						})
					}
				}
				for _, g := range s.Gates {
					if g.Effect != assess.Zero {
						continue
					}
					m := cloneSubject(t, sub)
					if m.Flags == nil {
						m.Flags = map[string]bool{}
					}
					m.Flags[g.Flag] = true
					res, err := sc.Score(m)
					require.NoError(t, err)
					assert.Equal(t, "0", res.Total.String(), "%s: gate %s", sub.ID, g.ID)
				}
			}
			assert.GreaterOrEqual(t, checks, len(subs), "the property is exercised")
		})
	}
}

var dec1 = decimal.NewFromInt(1)
