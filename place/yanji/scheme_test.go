package yanji_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The scheme's tests are those assess runs on its own reference schemes:
// the same checks of the data, the same worked results by hand, the same
// properties. Golden files: testdata/scheme.explain.golden and
// testdata/scheme.grading.golden, regenerated with
//
//	go test ./place/yanji -run 'TestScheme' -update

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	require.NoError(t, err)
	return append(b, '\n')
}

func n(s string) assess.Num { return assess.MustNum(s) }

// loadScheme returns the scheme, compiled, and the worked subjects of
// testdata/subjects.json.
func loadScheme(tb testing.TB) (assess.Scheme, *assess.Scorer, []assess.Subject) {
	tb.Helper()
	s, err := yanji.Scheme()
	require.NoError(tb, err)
	sc, err := assess.Compile(s)
	require.NoError(tb, err)
	f, err := os.Open(filepath.Join("testdata", "subjects.json"))
	require.NoError(tb, err)
	defer f.Close()
	subs, err := assess.DecodeSubjects(f)
	require.NoError(tb, err)
	return s, sc, subs
}

// The scheme decodes strictly, compiles, documents its
// sources, says which numbers are the library's own, and cites a source
// on every component, indicator, clause, item and gate.
func TestScheme(t *testing.T) {
	for _, name := range []string{yanji.SchemeName} {
		t.Run(name, func(t *testing.T) {
			s, err := yanji.Scheme()
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
			var walk func(ind assess.Indicator)
			walk = func(ind assess.Indicator) {
				cite("indicator "+ind.ID, ind.Source)
				for _, ch := range ind.Children {
					walk(ch)
				}
				if m := ind.Method; m != nil {
					for _, it := range m.Items {
						cite("item "+ind.ID+"."+it.ID, it.Source)
					}
					for _, cl := range m.Clauses {
						cite("clause "+ind.ID+"."+cl.ID, cl.Source)
					}
				}
			}
			for _, c := range s.Components {
				cite("component "+c.ID, c.Source)
				for _, ind := range c.Indicators {
					walk(ind)
				}
			}
			if s.Bonus != nil {
				cite("bonus", s.Bonus.Source)
				for _, it := range s.Bonus.Items {
					cite("bonus item "+it.ID, it.Source)
				}
			}
			for _, g := range s.Gates {
				cite("gate "+g.ID, g.Source)
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

// Scheme and Policy return fresh values: editing one does not change the next.
func TestSchemeFresh(t *testing.T) {
	a, err := yanji.Scheme()
	require.NoError(t, err)
	a.Components[0].Weight = n("0.5")
	a.Components[0].Indicators[0].Children[0].Method.Clauses[0].Points = n("9")
	a.Bands[0].Grade = "优"
	b, err := yanji.Scheme()
	require.NoError(t, err)
	assert.Equal(t, "0.7", b.Components[0].Weight.String())
	assert.Equal(t, "1", b.Components[0].Indicators[0].Children[0].Method.Clauses[0].Points.String())
	assert.Equal(t, "好", b.Bands[0].Grade)
	p := yanji.Policy()
	p.Grades[0] = "x"
	q := yanji.Policy()
	assert.Equal(t, "好", q.Grades[0])
}

// The policy compiles, and its grades are the scheme's, best first.
func TestPolicy(t *testing.T) {
	_, sc, _ := loadScheme(t)
	g, err := assess.NewGrader(yanji.Policy())
	require.NoError(t, err)
	assert.Equal(t, sc.Grades(), g.Grades())
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

// refCase is the scheme's worked example: its subjects, read from
// testdata/subjects.json, and their results by hand.
type refCase struct {
	scheme string
	want   map[string]refWant
	// the cohort graded under the scheme's reference policy: subject →
	// rank (0: not graded) and final grade, and the grade counts.
	rank   map[string]int
	graded map[string]string
	counts map[string]int
}

// workedCase is the scheme's worked example: 日常考核 × 0.7 + 述职评议 ×
// 0.3 + bonus (≤ 5); components and the total rounded to 2 places half-up.
func workedCase() refCase {
	return refCase{scheme: "yanji-shuzhi", want: map[string]refWant{
		// yashi 15 − (regular_meeting 2 × 0.5 = 1; work_day 8 × 0.5 = 4,
		//   capped at 3; discipline case A: 轻处分 3 and 诫勉 1, counted
		//   once: 3) = 15 − 7 = 8
		// yanshi 2 + 2 + 2 + 2 = 8; jianshi 87.5 / 100 × 10 = 8.75
		// zhendi 10 − (platform_use ⌊90 − 85.5⌋ = 4 points × 0.2 = 0.8;
		//   venue_misuse 2) = 7.2
		// duiwu 4 + 3 + 4 = 11; baozhang 96 / 100 × 10 = 9.6
		// fuwu 3 + 3 + 2 = 8; zaiti 10 − (1 + 3 × 0.5) = 7.5; pinpai 7.5
		// daily 8 + 8 + 8.75 + 7.2 + 11 + 9.6 + 8 + 7.5 + 7.5 = 75.55
		//   × 0.7 = 52.885
		// ceping: leaders (3 × 100 + 2 × 80) / 5 = 92; members
		//   (1200 + 480 + 120) / 20 = 90 (不了解 out); masses
		//   (1000 + 640 + 180 + 40) / 22 = 930/11 (22 returned of 25);
		//   0.3 × 92 + 0.4 × 90 + 0.3 × 930/11 = 63.6 + 279/11
		//   = 4893/55 = 88.9636… → 88.96 × 0.3 = 26.688
		// bonus: project_award_city 3 × 1 = 3, capped at 2; experience 1;
		//   3 (pool ≤ 5)
		// total 52.885 + 26.688 + 3 = 82.573 → 82.57: 较好
		"community-1": {total: "82.57", grade: "较好", exact: []string{"75.55", "4893/55"}, score: []string{"75.55", "88.96"},
			weighted: []string{"52.885", "26.688"}, bonus: "3", eligible: true,
			leaves: map[string]string{"yashi": "8", "yanshi": "8", "jianshi": "8.75", "zhendi": "7.2", "duiwu": "11", "baozhang": "9.6",
				"fuwu": "8", "zaiti": "7.5", "pinpai": "7.5", "sanshi": "24.75", "sanqiang": "27.8", "sanhua": "23", "ceping": "4893/55"},
			notes: []string{`case "A" counted once: 1 not added`, "clause work_day deducts 4, capped at 3", "bonus project_award_city: 3 capped at 2"}},
		// every 日常考核 indicator at its max but pinpai 9.5 (jianshi
		//   104 % is clamped to 10; platform_use 92 is above 90: no
		//   deduction): daily 99.5 × 0.7 = 69.65
		// ceping 0.3 × 100 + 0.4 × (1800 + 160) / 20 + 0.3 × (1500 + 320
		//   + 60) / 20 = 30 + 39.2 + 28.2 = 97.4 × 0.3 = 29.22
		// bonus 1 + 2 × 2 + 1 = 6, capped at 5
		// total 69.65 + 29.22 + 5 = 103.87: band 好, but held_accountable:
		//   不得评定为好 → 较好 (team_disunity is given as false)
		"street-1": {total: "103.87", grade: "较好", exact: []string{"99.5", "97.4"}, score: []string{"99.5", "97.4"},
			weighted: []string{"69.65", "29.22"}, bonus: "5", eligible: true, gates: []string{"accountable"},
			leaves: map[string]string{"jianshi": "10", "zhendi": "10", "pinpai": "9.5", "ceping": "97.4"},
			notes:  []string{"bonus pool 6 capped at 5"}},
		// yashi 15 − (2 + 3) = 10; yanshi 2; jianshi 6; zhendi 10 −
		//   (3 × 3 = 9, capped at 6) = 4; duiwu 0 (nothing checked);
		//   baozhang 8; fuwu 2; zaiti 10 − 4 = 6; pinpai 4
		// daily 42 × 0.7 = 29.4
		// ceping 0.3 × 160/3 + 0.4 × 52 + 0.3 × 58 = 16 + 20.8 + 17.4
		//   = 54.2 × 0.3 = 16.26
		// 45.66 before the gates; serious_violation: 一票否决 → 0: 差;
		//   censured: not eligible for awards
		"village-1": {total: "0", grade: "差", exact: []string{"42", "54.2"}, score: []string{"42", "54.2"},
			weighted: []string{"29.4", "16.26"}, bonus: "0", eligible: false, gates: []string{"veto", "censure"},
			leaves: map[string]string{"yashi": "10", "zhendi": "4", "duiwu": "0", "zaiti": "6"}},
		// yashi 15 − (5 × 1, capped at 3) = 12; yanshi 6; jianshi 9.15
		// zhendi 10 − (⌊90 − 70⌋ × 0.2 = 4, cap 4; venue_standard 3) = 3
		// duiwu 15; baozhang 10; fuwu 10; zaiti 10; pinpai 5
		// daily 80.15 × 0.7 = 56.105
		// ceping: leaders all 不了解 (3 raters, no valid vote): out;
		//   masses void (20 returned, 10 issued); members 1800 / 20 = 90
		//   alone: 90 × 0.3 = 27
		// total 56.105 + 27 = 83.105 → 83.11 (half-up; half-even would
		//   give 83.10): 较好
		"community-2": {total: "83.11", grade: "较好", exact: []string{"80.15", "90"}, score: []string{"80.15", "90"},
			weighted: []string{"56.105", "27"}, bonus: "0", eligible: true,
			leaves: map[string]string{"yashi": "12", "jianshi": "9.15", "zhendi": "3", "ceping": "90"},
			notes:  []string{"rater group leaders has no valid votes (all 不了解)", "rater group masses is void: 20 ballots returned, 10 issued"}},
	},
		// per category (村, 社区, 街道), no quota: the grades stay
		rank:   map[string]int{"village-1": 1, "community-2": 1, "community-1": 2, "street-1": 1},
		graded: map[string]string{"village-1": "差", "community-2": "较好", "community-1": "较好", "street-1": "较好"},
		counts: map[string]int{"较好": 3, "差": 1},
	}
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

// TestSchemeWorked scores the worked subjects and checks them against the
// results computed by hand; the full Explain output is the golden file
// testdata/scheme.explain.golden.
func TestSchemeWorked(t *testing.T) {
	for _, rc := range []refCase{workedCase()} {
		t.Run(rc.scheme, func(t *testing.T) {
			_, sc, subs := loadScheme(t)
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
			golden.Check(t, filepath.Join("testdata", "scheme.explain.golden"), mustJSON(t, results))
		})
	}
}

// TestSchemeGrading grades the worked cohort under [yanji.Policy]; the
// grading is the golden file testdata/scheme.grading.golden.
func TestSchemeGrading(t *testing.T) {
	for _, rc := range []refCase{workedCase()} {
		t.Run(rc.scheme, func(t *testing.T) {
			_, sc, subs := loadScheme(t)
			results := make([]assess.Result, len(subs))
			for i, sub := range subs {
				var err error
				results[i], err = sc.Score(sub)
				require.NoError(t, err)
			}
			g, err := assess.NewGrader(yanji.Policy())
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
			golden.Check(t, filepath.Join("testdata", "scheme.grading.golden"), gradingText(gr))
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

// The scheme's scorer is safe for concurrent use: scoring the same
// subjects from many goroutines gives the same results (run with -race).
func TestSchemeConcurrent(t *testing.T) {
	for _, name := range []string{yanji.SchemeName} {
		_, sc, subs := loadScheme(t)
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

// A subject's input outside the scheme is reported, never
// guessed: an unknown flag, an item not on the checklist.
func TestSchemeInputErrors(t *testing.T) {
	_, sc, subs := loadScheme(t)
	sub := subs[0]
	sub.Flags = map[string]bool{"serious_violaton": true}
	sub.Checked = map[string][]string{"yanshi": {"documents", "four_lists", "no_such_item"}, "duiwu": sub.Checked["duiwu"], "fuwu": sub.Checked["fuwu"]}
	_, err := sc.Score(sub)
	require.ErrorIs(t, err, assess.ErrInput)
	var ie dangjian.Problems
	require.ErrorAs(t, err, &ie)
	var paths []string
	for _, p := range ie {
		paths = append(paths, p.Path)
	}
	slices.Sort(paths)
	assert.Equal(t, []string{"checked.yanshi[2]", "flags.serious_violaton"}, paths)
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

// TestSchemeMonotone checks, on every worked subject, that every
// single improvement of its input never lowers the total: one more
// checklist item, one deduction event fewer, one point more of a direct or
// ratio value, one more vote at the best level in any rater group, one
// bonus occurrence more. It also checks that the total lies in [0, max],
// that Score and Explain agree, and that a zero gate gives 0.
func TestSchemeMonotone(t *testing.T) {
	for _, name := range []string{yanji.SchemeName} {
		t.Run(name, func(t *testing.T) {
			s, sc, subs := loadScheme(t)
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

var benchResult assess.Result

// Scoring a secretary under the scheme, with and without
// the trace.
func BenchmarkScheme(b *testing.B) {
	_, sc, subs := loadScheme(b)
	var err error
	for _, mode := range []string{"Score", "Explain"} {
		b.Run(mode, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				sub := subs[i%len(subs)]
				if mode == "Score" {
					benchResult, err = sc.Score(sub)
				} else {
					benchResult, err = sc.Explain(sub)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("Scheme+Compile", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			s, err := yanji.Scheme()
			if err != nil {
				b.Fatal(err)
			}
			if _, err := assess.Compile(s); err != nil {
				b.Fatal(err)
			}
		}
	})
}
