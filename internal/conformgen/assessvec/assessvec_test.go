package assessvec_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/internal/conformgen/assessvec"
)

// root is conformance/, from this package's directory.
const root = "../../../conformance"

// TestFilesUpToDate regenerates the family in memory and compares it byte
// for byte with conformance/assess (go run ./internal/conformgen writes it).
func TestFilesUpToDate(t *testing.T) {
	files, err := assessvec.Files(conformance.RuleSet())
	require.NoError(t, err)
	for p, b := range files {
		got, err := os.ReadFile(filepath.Join(root, p))
		if err != nil || !bytes.Equal(got, b) {
			t.Errorf("conformance/%s is out of date: run go run ./internal/conformgen", p)
		}
	}
	entries, err := os.ReadDir(filepath.Join(root, assessvec.SubjectsDir))
	require.NoError(t, err)
	for _, e := range entries {
		if _, ok := files[assessvec.SubjectsDir+"/"+e.Name()]; !ok {
			t.Errorf("conformance/%s/%s is no vector's subjects: remove it", assessvec.SubjectsDir, e.Name())
		}
	}
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err, path)
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// TestFilesConventions: unique cases, every rule ID in the catalogue, the
// current rule-set version, every subject of a cohort expected once.
func TestFilesConventions(t *testing.T) {
	b, err := os.ReadFile("../../../rules.json")
	require.NoError(t, err)
	var cat struct {
		Rules []struct {
			ID string `json:"id"`
		} `json:"rules"`
	}
	require.NoError(t, json.Unmarshal(b, &cat))
	ids := map[string]bool{}
	for _, r := range cat.Rules {
		ids[r.ID] = true
	}
	cohorts := map[string]int{}
	for _, c := range readCSV(t, filepath.Join(root, assessvec.CasesFile)) {
		require.Equal(t, conformance.RuleSet(), c["ruleset"])
		for _, r := range strings.Split(c["rules"], ";") {
			require.True(t, ids[r], "case %s: rule %s is not in rules.json", c["case"], r)
		}
		subs := readSubjects(t, filepath.Join(root, assessvec.Dir, c["subjects"]))
		cohorts[c["case"]] = len(subs)
	}
	seen := map[string]bool{}
	for _, e := range readCSV(t, filepath.Join(root, assessvec.ExpectedFile)) {
		require.False(t, seen[e["case"]])
		seen[e["case"]] = true
		require.Equal(t, e["cohort"]+":"+e["id"], e["case"])
		require.Equal(t, conformance.RuleSet(), e["ruleset"])
		for _, r := range strings.Split(e["rules"], ";") {
			require.True(t, ids[r], "case %s: rule %s is not in rules.json", e["case"], r)
		}
		cohorts[e["cohort"]]--
	}
	for c, n := range cohorts {
		require.Zero(t, n, "cohort %s: every subject has one expected row", c)
	}
}

// ---------------------------------------------------------------------
// The independent derivation: a second scorer, in math/big, reading the
// scheme's JSON (assess/schemes/*.json, place/yanji/yanji-shuzhi.json) and
// the subjects with encoding/json, following assess/SCHEME.md §2 and §3;
// and a second grader following the policies' texts (§5 and the
// reference policies' documentation). It calls nothing of package assess.
// ---------------------------------------------------------------------

type xLevel struct{ Name, Points string }

type xMethod struct {
	Kind, Target, Scale, Unknown string
	Items                        []struct{ ID, Points string }
	Clauses                      []struct {
		ID, Points, Cap, Threshold, PerPoint string
		Proportional                         bool
		Levels                               []xLevel
	}
	Levels []xLevel
	Groups []struct{ ID, Weight string }
}

type xInd struct {
	ID, Max  string
	Children []xInd
	Method   *xMethod
}

type xBonus struct {
	Cap   string
	Items []struct{ ID, Points, Cap string }
}

type xScheme struct {
	Rounding []struct {
		At     string
		Places int
		Mode   string
	}
	Components []struct {
		ID, Weight string
		Indicators []xInd
	}
	Bonus, Extra *xBonus
	Gates        []struct{ ID, Flag, Effect, Grade string }
	Bands        []struct{ Grade, From, To string }
}

type xEvent struct {
	Clause, Level, Value, Case string
	Count                      int64
}

type xGroupVotes struct {
	Counts           map[string]int64
	Issued, Returned *int64
}

type xSubject struct {
	ID, Category string
	Values       map[string]string
	Checked      map[string][]string
	Events       map[string][]xEvent
	Votes        map[string]map[string]xGroupVotes
	Bonus        map[string]int64
	Flags        map[string]bool
}

func readSubjects(t *testing.T, path string) []xSubject {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var subs []xSubject
	require.NoError(t, json.Unmarshal(b, &subs), path)
	return subs
}

func schemeFile(name string) string {
	if name == assessvec.Yanji {
		return "../../../place/yanji/yanji-shuzhi.json"
	}
	return "../../../assess/schemes/" + name + ".json"
}

func r(t *testing.T, s string) *big.Rat {
	t.Helper()
	x, ok := new(big.Rat).SetString(s)
	require.True(t, ok, "number %q", s)
	return x
}

func ri(n int64) *big.Rat { return new(big.Rat).SetInt64(n) }

func clamp(x, lo, hi *big.Rat) *big.Rat {
	if x.Cmp(lo) < 0 {
		return new(big.Rat).Set(lo)
	}
	if x.Cmp(hi) > 0 {
		return new(big.Rat).Set(hi)
	}
	return x
}

func minRat(x, y *big.Rat) *big.Rat {
	if x.Cmp(y) <= 0 {
		return x
	}
	return y
}

// round rounds x to places decimals; only the modes the schemes use are
// derived (half_up: halves away from zero).
func round(t *testing.T, x *big.Rat, places int, mode string) *big.Rat {
	require.Equal(t, "half_up", mode, "a rounding mode the derivation does not know")
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	y := new(big.Rat).Mul(x, new(big.Rat).SetInt(scale))
	neg := y.Sign() < 0
	y.Abs(y)
	y.Add(y, big.NewRat(1, 2))
	q := new(big.Int).Quo(y.Num(), y.Denom()) // floor, y ≥ 0
	if neg {
		q.Neg(q)
	}
	return new(big.Rat).SetFrac(q, scale)
}

// scored is a subject's derived result.
type scored struct {
	id, category string
	total        *big.Rat
	comps        map[string]*big.Rat // rounded component scores
	bonus        *big.Rat
	ballots      map[string]int64 // valid votes per level
	gates        []int            // indices of the gates that apply
}

// score derives a subject's total from the scheme's JSON.
func score(t *testing.T, s *xScheme, sub xSubject) scored {
	rp := map[string]struct {
		places int
		mode   string
	}{}
	for _, p := range s.Rounding {
		rp[p.At] = struct {
			places int
			mode   string
		}{p.Places, p.Mode}
	}
	roundAt := func(at string, x *big.Rat) *big.Rat {
		if p, ok := rp[at]; ok {
			return round(t, x, p.places, p.mode)
		}
		return x
	}
	out := scored{id: sub.ID, category: sub.Category, comps: map[string]*big.Rat{}, ballots: map[string]int64{}}
	var leaf func(ind xInd) *big.Rat
	leaf = func(ind xInd) *big.Rat {
		max := r(t, ind.Max)
		if ind.Method == nil {
			sum := new(big.Rat)
			for _, c := range ind.Children {
				sum.Add(sum, leaf(c))
			}
			return sum
		}
		m := ind.Method
		var v *big.Rat
		switch m.Kind {
		case "direct": // the value, clamped to [0, max]
			v = clamp(r(t, sub.Values[ind.ID]), new(big.Rat), max)
		case "ratio": // value ÷ target × max, clamped
			v = new(big.Rat).Quo(r(t, sub.Values[ind.ID]), r(t, m.Target))
			v = clamp(v.Mul(v, max), new(big.Rat), max)
		case "checklist": // the points of the items checked, at most max
			v = new(big.Rat)
			for _, id := range sub.Checked[ind.ID] {
				for _, it := range m.Items {
					if it.ID == id {
						v.Add(v, r(t, it.Points))
					}
				}
			}
			v = minRat(v, max)
		case "deductions":
			v = deduct(t, m, max, sub.Events[ind.ID])
		case "votes":
			v = votes(t, m, max, sub.Votes[ind.ID], out.ballots)
		default:
			t.Fatalf("indicator %s: method %q is not derived", ind.ID, m.Kind)
		}
		return roundAt("indicator", v)
	}
	total := new(big.Rat)
	for _, c := range s.Components {
		sum := new(big.Rat)
		for _, ind := range c.Indicators {
			sum.Add(sum, leaf(ind))
		}
		sum = roundAt("component", sum)
		out.comps[c.ID] = sum
		total.Add(total, new(big.Rat).Mul(sum, r(t, c.Weight)))
	}
	out.bonus = new(big.Rat)
	for _, pool := range []*xBonus{s.Bonus, s.Extra} {
		if pool == nil {
			continue
		}
		p := new(big.Rat)
		for _, it := range pool.Items {
			x := new(big.Rat).Mul(r(t, it.Points), ri(sub.Bonus[it.ID]))
			if it.Cap != "" {
				x = minRat(x, r(t, it.Cap))
			}
			p.Add(p, x)
		}
		p = minRat(p, r(t, pool.Cap))
		out.bonus.Add(out.bonus, p)
	}
	total.Add(total, out.bonus)
	total = roundAt("total", total)
	for i, g := range s.Gates {
		if sub.Flags[g.Flag] {
			out.gates = append(out.gates, i)
			if g.Effect == "zero" { // 一票否决
				total = new(big.Rat)
			}
		}
	}
	out.total = total
	return out
}

// deduct: max less the events' deductions, never below 0 (扣完为止);
// events of one case count once, the largest; a clause's cap limits its
// total.
func deduct(t *testing.T, m *xMethod, max *big.Rat, events []xEvent) *big.Rat {
	type ded struct {
		clause string
		x      *big.Rat
	}
	var ds []ded
	byCase := map[string]int{}
	for _, e := range events {
		n := e.Count
		if n == 0 {
			n = 1
		}
		var x *big.Rat
		for _, c := range m.Clauses {
			if c.ID != e.Clause {
				continue
			}
			switch {
			case c.Points != "":
				x = new(big.Rat).Mul(r(t, c.Points), ri(n))
			case len(c.Levels) > 0:
				for _, l := range c.Levels {
					if l.Name == e.Level {
						x = new(big.Rat).Mul(r(t, l.Points), ri(n))
					}
				}
			case c.Threshold != "":
				below := new(big.Rat).Sub(r(t, c.Threshold), r(t, e.Value))
				x = new(big.Rat)
				if below.Sign() > 0 {
					if !c.Proportional { // every whole percentage point
						below.SetInt(new(big.Int).Quo(below.Num(), below.Denom()))
					}
					x.Mul(below, r(t, c.PerPoint))
				}
			}
		}
		require.NotNil(t, x, "event %+v", e)
		if e.Case != "" {
			if i, ok := byCase[e.Case]; ok {
				if x.Cmp(ds[i].x) > 0 {
					ds[i] = ded{e.Clause, x}
				}
				continue
			}
			byCase[e.Case] = len(ds)
		}
		ds = append(ds, ded{e.Clause, x})
	}
	left := new(big.Rat).Set(max)
	for _, c := range m.Clauses {
		sum := new(big.Rat)
		for _, d := range ds {
			if d.clause == c.ID {
				sum.Add(sum, d.x)
			}
		}
		if c.Cap != "" {
			sum = minRat(sum, r(t, c.Cap))
		}
		left.Sub(left, sum)
	}
	if left.Sign() < 0 {
		return new(big.Rat)
	}
	return left
}

// votes: each group's valid votes' points ÷ its valid votes (不了解 left
// out); a group with more ballots returned than issued is void, one with
// no valid vote does not count; the weights of the groups that count are
// renormalised; the result on the scale is scaled to max.
func votes(t *testing.T, m *xMethod, max *big.Rat, groups map[string]xGroupVotes, ballots map[string]int64) *big.Rat {
	sum, weights := new(big.Rat), new(big.Rat)
	for _, g := range m.Groups {
		gv, ok := groups[g.ID]
		if !ok || gv.Issued != nil && gv.Returned != nil && *gv.Returned > *gv.Issued {
			continue
		}
		var valid int64
		pts := new(big.Rat)
		for _, l := range m.Levels {
			n := gv.Counts[l.Name]
			valid += n
			pts.Add(pts, new(big.Rat).Mul(r(t, l.Points), ri(n)))
		}
		if valid == 0 {
			continue
		}
		for _, l := range m.Levels {
			ballots[l.Name] += gv.Counts[l.Name]
		}
		w := r(t, g.Weight)
		sum.Add(sum, new(big.Rat).Mul(w, pts.Quo(pts, ri(valid))))
		weights.Add(weights, w)
	}
	if weights.Sign() == 0 {
		return new(big.Rat)
	}
	sum.Quo(sum, weights)
	return sum.Mul(sum, new(big.Rat).Quo(max, r(t, m.Scale)))
}

// policy is a reference grading policy as its documentation states it:
// the quota (grade, share, floored, ties at the cut-off all out), the
// ungraded category, the grades a no_award gate bars, the tie-break keys
// and whether ranks are per category.
type policy struct {
	quotaGrade  string
	quotaShare  *big.Rat
	ungraded    string
	awardGrades []string
	tieBonus    bool   // jifen: the bonus, descending
	tieComp     string // yanji-shuzhi: the review component, descending…
	tieBallot   string // …then the 好 votes, descending
	perCategory bool
}

var policies = map[string]policy{
	// 党员积分年度排名: no quota; ties broken by the bonus.
	"jifen": {tieBonus: true},
	// 民主评议党员: 优秀 一般不超过 1/3 of the members graded (floor, ties
	// all out); 预备党员 not graded; 不得评优 bars 优秀.
	"minzhu-pingyi": {quotaGrade: "优秀", quotaShare: big.NewRat(1, 3), ungraded: "预备党员", awardGrades: []string{"优秀"}},
	// 党支部评星定级: 五星 不超过总数的30% (floor, ties all out).
	"xingji": {quotaGrade: "五星", quotaShare: big.NewRat(3, 10)},
	// 延吉: ranks within categories; ties by 述职评议, then 好 votes.
	assessvec.Yanji: {tieComp: "review", tieBallot: "好", perCategory: true},
}

type graded struct {
	scored
	grade   string
	rank    int
	ungrade bool
}

// ahead compares two subjects by the policy's order: the total, then the
// tie-break keys; 0 when they tie.
func (p policy) cmp(a, b *graded) int {
	if c := b.total.Cmp(a.total); c != 0 {
		return c
	}
	if p.tieBonus {
		if c := b.bonus.Cmp(a.bonus); c != 0 {
			return c
		}
	}
	if p.tieComp != "" {
		if c := b.comps[p.tieComp].Cmp(a.comps[p.tieComp]); c != 0 {
			return c
		}
	}
	if p.tieBallot != "" {
		if c := b.ballots[p.tieBallot] - a.ballots[p.tieBallot]; c != 0 {
			return int(c)
		}
	}
	return 0
}

// grade derives the cohort's grades and ranks.
func grade(t *testing.T, s *xScheme, p policy, subs []scored) []*graded {
	grades := make([]string, len(s.Bands))
	for i, b := range s.Bands { // the bands are listed best first
		grades[i] = b.Grade
	}
	idx := func(g string) int { return slices.Index(grades, g) }
	var all []*graded
	barred := map[*graded]map[string]bool{}
	for _, sc := range subs {
		g := &graded{scored: sc}
		all = append(all, g)
		if p.ungraded != "" && sc.category == p.ungraded {
			g.ungrade = true
			continue
		}
		for _, b := range s.Bands { // [from, to)
			if sc.total.Cmp(r(t, b.From)) >= 0 && (b.To == "" || sc.total.Cmp(r(t, b.To)) < 0) {
				g.grade = b.Grade
			}
		}
		require.NotEmpty(t, g.grade, "%s: the total %s falls in no band", sc.id, sc.total.FloatString(2))
		bar := map[string]bool{}
		set, capTo := "", ""
		for _, i := range sc.gates {
			gt := s.Gates[i]
			switch gt.Effect {
			case "set_grade": // 直接定级: of several, the lowest
				if set == "" || idx(gt.Grade) > idx(set) {
					set = gt.Grade
				}
			case "cap_grade":
				if capTo == "" || idx(gt.Grade) > idx(capTo) {
					capTo = gt.Grade
				}
			case "not_grade":
				bar[gt.Grade] = true
			case "no_award":
				for _, a := range p.awardGrades {
					bar[a] = true
				}
			}
		}
		if set != "" {
			g.grade = set
		}
		if capTo != "" && idx(g.grade) < idx(capTo) {
			g.grade = capTo
		}
		for bar[g.grade] && idx(g.grade) < len(grades)-1 {
			g.grade = grades[idx(g.grade)+1]
		}
		barred[g] = bar
	}
	groups := map[string][]*graded{}
	for _, g := range all {
		if g.ungrade {
			continue
		}
		key := ""
		if p.perCategory {
			key = g.category
		}
		groups[key] = append(groups[key], g)
	}
	for _, grp := range groups {
		slices.SortStableFunc(grp, func(a, b *graded) int {
			if c := p.cmp(a, b); c != 0 {
				return c
			}
			return strings.Compare(a.id, b.id)
		})
		// Competition ranks: 1 + the number strictly ahead.
		for _, g := range grp {
			g.rank = 1
			for _, h := range grp {
				if p.cmp(h, g) < 0 {
					g.rank++
				}
			}
		}
		if p.quotaGrade == "" {
			continue
		}
		allowed := new(big.Rat).Mul(p.quotaShare, ri(int64(len(grp))))
		n := int(new(big.Int).Quo(allowed.Num(), allowed.Denom()).Int64()) // floored
		var holders []*graded
		for _, g := range grp {
			if g.grade == p.quotaGrade {
				holders = append(holders, g)
			}
		}
		if len(holders) <= n {
			continue
		}
		keep := n
		// Ties at the cut-off: all out.
		for keep > 0 && p.cmp(holders[keep-1], holders[n]) == 0 {
			keep--
		}
		for _, g := range holders[keep:] {
			for i := idx(g.grade) + 1; i < len(grades); i++ {
				if !barred[g][grades[i]] {
					g.grade = grades[i]
					break
				}
			}
		}
	}
	return all
}

// TestExpectedDerived re-derives every total, grade and rank of
// conformance/assess/expected.csv and fails on any disagreement.
func TestExpectedDerived(t *testing.T) {
	want := map[string]map[string]string{}
	for _, e := range readCSV(t, filepath.Join(root, assessvec.ExpectedFile)) {
		want[e["case"]] = e
	}
	n := 0
	for _, c := range readCSV(t, filepath.Join(root, assessvec.CasesFile)) {
		b, err := os.ReadFile(schemeFile(c["scheme"]))
		require.NoError(t, err)
		var s xScheme
		require.NoError(t, json.Unmarshal(b, &s))
		places := -1
		for _, p := range s.Rounding {
			if p.At == "total" {
				places = p.Places
			}
		}
		require.GreaterOrEqual(t, places, 0)
		p, ok := policies[c["scheme"]]
		require.True(t, ok, "no derived policy for %s", c["scheme"])
		var subs []scored
		for _, sub := range readSubjects(t, filepath.Join(root, assessvec.Dir, c["subjects"])) {
			subs = append(subs, score(t, &s, sub))
		}
		for _, g := range grade(t, &s, p, subs) {
			w, ok := want[c["case"]+":"+g.id]
			require.True(t, ok, "%s:%s has no expected row", c["case"], g.id)
			rank := ""
			if !g.ungrade {
				rank = strconv.Itoa(g.rank)
			}
			require.Equal(t, []string{w["total"], w["grade"], w["rank"]}, []string{g.total.FloatString(places), g.grade, rank},
				"case %s: total, grade, rank (rules %s)", w["case"], w["rules"])
			n++
		}
	}
	require.Equal(t, len(want), n, "every expected row derived")
}
