package remit_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/remit"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type remitGoldenCase struct {
	Name       string   `json:"name"`
	Rules      []string `json:"rules"`
	Derivation string   `json:"derivation"`
	Shares     []string `json:"shares"`
	Overrides  []struct {
		Index int             `json:"index"`
		Rate  *funding.Rate   `json:"rate"`
		Base  remit.ShareBase `json:"base"`
	} `json:"overrides"`
	Rounding  *funding.Rounding `json:"rounding"`
	Year      int               `json:"year"`
	Collected funding.Money     `json:"collected"`
	LumpSums  funding.Money     `json:"lumpSums"`
	WantErr   string            `json:"wantErr"`
	Want      struct {
		Lines []struct {
			Rule   string `json:"rule"`
			Amount string `json:"amount"`
			Due    string `json:"due"`
		} `json:"lines"`
		Remainder string `json:"remainder"`
	} `json:"want"`
}

func TestRemitGolden(t *testing.T) {
	var file struct {
		Cases []remitGoldenCase `json:"cases"`
	}
	remitLoad(t, "remit/remit.json", &file)
	require.NotEmpty(t, file.Cases)
	ids := remitRuleIDs()
	for _, tc := range file.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			require.NotEmpty(t, tc.Rules, "every vector names its rules")
			require.NotEmpty(t, tc.Derivation)
			for _, id := range tc.Rules {
				require.Contains(t, ids, id)
			}
			p, err := remit.NewPolicy(tc.Name, tc.Shares...)
			require.NoError(t, err)
			for _, o := range tc.Overrides {
				if o.Rate != nil {
					p.Shares[o.Index].Rate = *o.Rate
				}
				if o.Base.IsValid() {
					p.Shares[o.Index].Base = o.Base
				}
			}
			if tc.Rounding != nil {
				p.Rounding = *tc.Rounding
			}
			r, err := remit.Split(tc.Collected, tc.LumpSums, p, tc.Year)
			if tc.WantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.WantErr)
				return
			}
			require.NoError(t, err)
			require.Len(t, r.Lines, len(tc.Want.Lines))
			for i, w := range tc.Want.Lines {
				assert.Equal(t, w.Rule, r.Lines[i].Rule, "line %d", i)
				assert.Equal(t, w.Amount, r.Lines[i].Amount.String(), "line %d", i)
				assert.Equal(t, w.Due, r.Lines[i].Due.String(), "line %d", i)
			}
			assert.Equal(t, tc.Want.Remainder, r.Remainder.String(), "remainder")
			var lines []string
			for _, l := range r.Lines {
				lines = append(lines, l.Rule)
			}
			for _, id := range tc.Rules {
				assert.Contains(t, lines, id, "the vector exercises the rule it names")
			}
			remitCheckInvariants(t, r)
		})
	}
}

// remitCheckInvariants checks what every result satisfies: the ordinary
// lines plus the remainder equal the dues collected, the lump-sum line
// equals the lump sums, nothing is negative, and each line is its exact
// share rounded once (or capped at what remained).
func remitCheckInvariants(t *testing.T, r remit.Result) {
	t.Helper()
	var ordinary, lump, all funding.Money
	var err error
	for _, l := range r.Lines {
		require.False(t, l.Amount.IsNegative(), "line %s", l.Rule)
		all, err = all.Add(l.Amount)
		require.NoError(t, err)
		if l.Kind == remit.LumpToCentre {
			lump, err = lump.Add(l.Amount)
		} else {
			ordinary, err = ordinary.Add(l.Amount)
		}
		require.NoError(t, err)
		exact := decimal.RequireFromString(l.Exact)
		require.True(t, exact.Equal(l.BaseAmount.Decimal().Mul(l.Share.Decimal())), "exact = base × share")
		if l.Kind == remit.LumpToCentre {
			require.Equal(t, l.BaseAmount, l.Amount, "a lump sum is passed on whole, never rounded")
			continue
		}
		rounded, err := r.Rounding.Money(exact)
		require.NoError(t, err)
		if l.Amount != rounded {
			require.Equal(t, 1, rounded.Cmp(l.Amount), "a line differs from its rounded share only when capped")
		}
	}
	require.False(t, r.Remainder.IsNegative())
	kept, err := ordinary.Add(r.Remainder)
	require.NoError(t, err)
	require.Equal(t, r.Collected, kept, "lines + remainder = collected, to the fen")
	require.Equal(t, r.LumpSums, lump, "lump sums go whole to the Centre")
	total, err := all.Add(r.Remainder)
	require.NoError(t, err)
	in, err := r.Collected.Add(r.LumpSums)
	require.NoError(t, err)
	require.Equal(t, in, total, "every line plus the remainder = the input")
}

func TestRemitRuleTable(t *testing.T) {
	shares := remit.Rules()
	require.NoError(t, dangjian.CheckRules(shares, func(s remit.Share) string { return s.Topic }))
	byID := map[string]remit.Share{}
	for _, s := range shares {
		byID[s.ID] = s
		assert.True(t, s.Kind.IsValid(), s.ID)
		assert.True(t, s.Base.IsValid(), s.ID)
		assert.NotEmpty(t, s.To, s.ID)
		assert.NotEmpty(t, s.Topic, s.ID)
		if s.Kind == remit.ReturnDown && s.ID != remit.RuleReturnEnterprise {
			assert.Equal(t, dangjian.LocalPractice, s.Source.Confidence, "%s: the national basis sets no rate; a return at a rate is local", s.ID)
		}
	}
	c := byID[remit.RuleCentre]
	assert.True(t, c.Rate.Equal(funding.MustParseRate("5%")))
	assert.Equal(t, remit.OfTotal, c.Base)
	assert.Equal(t, 4, c.DueMonth, "次年4月底")
	assert.Equal(t, "第十五条", c.Source.Article)
	assert.Equal(t, "2008-04-01", c.Period.From.String())
	assert.Equal(t, "第十一条", byID[remit.RuleLumpSumCentre].Source.Article)
	assert.Equal(t, "第十六条", byID[remit.RuleRailAviation].Source.Article)
	assert.True(t, byID[remit.RuleRailAviation].Rate.Equal(funding.MustParseRate("10%")))
	assert.Equal(t, 3, byID[remit.RuleCentralOrgans].DueMonth, "first quarter")
	assert.Equal(t, dangjian.Verified, byID[remit.RuleCentralOrgans].Source.Confidence)
	assert.Equal(t, dangjian.LocalPractice, byID[remit.RuleSichuan].Source.Confidence)
	assert.Equal(t, dangjian.LocalPractice, byID[remit.RuleEnterpriseGroup].Source.Confidence)
	assert.True(t, byID[remit.RuleReturnChengdu].Rate.Equal(funding.MustParseRate("100%")))
	assert.Equal(t, dangjian.Must, byID[remit.RuleReturnChengdu].Binding(), "由其…全额返还: no 可")

	// D11: 第十六条's financial-sector share.
	fin := byID[remit.RuleFinance]
	assert.True(t, fin.Rate.Equal(funding.MustParseRate("5%")))
	assert.Equal(t, remit.Up, fin.Kind)
	assert.Equal(t, "第十六条", fin.Source.Article)
	assert.Equal(t, "2008-04-01", fin.Period.From.String())
	assert.Contains(t, fin.Text, "5%向所在地方党委上缴党费")
	// D10: the national basis for returns, permissive up to the full amount.
	ret := byID[remit.RuleReturnEnterprise]
	assert.Equal(t, remit.ReturnDown, ret.Kind)
	assert.Equal(t, dangjian.May, ret.Binding())
	assert.True(t, ret.Rate.Equal(funding.MustParseRate("100%")), "可全额返还: the full amount is the most")
	assert.Equal(t, dangjian.Reported, ret.Source.Confidence)
	assert.Contains(t, ret.Source.Doc, "中办发〔2012〕11号")
	assert.Contains(t, ret.Text, "可全额返还")
	for _, s := range shares {
		if s.ID != remit.RuleReturnEnterprise {
			assert.Equal(t, dangjian.Must, s.Binding(), s.ID)
		}
	}

	a := remit.Rules()
	a[0].Rate = funding.MustParseRate("50%")
	assert.True(t, remit.Rules()[0].Rate.Equal(funding.MustParseRate("5%")), "a fresh table on each call")
}

func TestShareEnums(t *testing.T) {
	for in, want := range map[string]remit.ShareKind{"remit": remit.Up, "上缴": remit.Up, "RETURN": remit.ReturnDown,
		"返还": remit.ReturnDown, "拨返": remit.ReturnDown, "大额党费": remit.LumpToCentre, "lump_sum": remit.LumpToCentre} {
		k, err := remit.ParseShareKind(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, k, in)
	}
	for in, want := range map[string]remit.ShareBase{"total": remit.OfTotal, "实交总数": remit.OfTotal, "Remainder": remit.OfRemainder, "余额": remit.OfRemainder} {
		b, err := remit.ParseShareBase(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, b, in)
	}
	_, err := remit.ParseShareKind("gift")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown share kind: want `)
	assert.Contains(t, err.Error(), `("gift")`)
	_, err = remit.ParseShareBase("half")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown share base: want `)
	assert.Contains(t, err.Error(), `("half")`)
	var s remit.Share
	require.NoError(t, json.Unmarshal([]byte(`{"kind":"返还","base":"余额"}`), &s))
	assert.Equal(t, remit.ReturnDown, s.Kind)
	assert.Equal(t, remit.OfRemainder, s.Base)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"kind":"return"`)
	assert.Contains(t, string(b), `"base":"remainder"`)
	assert.Error(t, json.Unmarshal([]byte(`{"kind":"gift"}`), &s))
}

func TestRemitErrors(t *testing.T) {
	m := funding.MustParseMoney
	centre, err := remit.NewPolicy("centre", remit.RuleCentre)
	require.NoError(t, err)
	mod := func(f func(*remit.Share)) remit.Policy {
		p, _ := remit.NewPolicy("x", remit.RuleCentre)
		f(&p.Shares[0])
		return p
	}
	twoVersions := func(gap bool) remit.Policy {
		p, _ := remit.NewPolicy("x", remit.RuleCentre, remit.RuleCentre)
		p.Shares[0].ID, p.Shares[0].Period.To = "OLD", dangjian.MustParseDate("2020-01-01")
		p.Shares[1].ID, p.Shares[1].Period.From = "NEW", dangjian.MustParseDate("2020-01-01")
		if gap {
			p.Shares[1].Period.From = dangjian.MustParseDate("2022-01-01")
		}
		return p
	}
	tests := []struct {
		name      string
		collected string
		lump      string
		policy    remit.Policy
		year      int
		want      []string
		is        error
	}{
		{"negatives together", "-1", "-1000", centre, 2024, []string{`collected ("-1.00")`, `lumpSums ("-1000.00")`}, funding.ErrNegativeAmount},
		{"lump sum one fen below 1000", "0", "999.99", centre, 2024, []string{`lumpSums ("999.99")`}, remit.ErrLumpSumTooSmall},
		{"year out of range", "1", "0", centre, 9999, []string{`year ("9999")`}, funding.ErrYearOutOfRange},
		{"rate above 100%", "1", "0", mod(func(s *remit.Share) { s.Rate = funding.MustParseRate("101%") }), 2024,
			[]string{`policy.shares[0].rate ("1.01")`}, funding.ErrRateOutOfRange},
		{"negative rate", "1", "0", mod(func(s *remit.Share) { s.Rate = funding.MustParseRate("-1%") }), 2024,
			[]string{`policy.shares[0].rate ("-0.01")`}, funding.ErrRateOutOfRange},
		{"no kind, base or recipient", "1", "0", mod(func(s *remit.Share) { s.Kind, s.Base, s.To = 0, 0, "" }), 2024,
			[]string{"policy.shares[0].kind", "policy.shares[0].base", "policy.shares[0].to"}, funding.ErrBadPolicy},
		{"due month 13", "1", "0", mod(func(s *remit.Share) { s.DueMonth = 13 }), 2024, []string{`policy.shares[0].dueMonth ("13")`}, funding.ErrBadPolicy},
		{"bad rounding", "1", "0", remit.Policy{Rounding: funding.Rounding{Places: 3, Mode: dangjian.HalfUp}}, 2024, []string{"policy.rounding"}, funding.ErrBadPolicy},
		{"before the regulation", "1", "0", centre, 2007, []string{`policy.shares[0] ("DUES-REMIT-CENTRE-5PCT"): no rule in force: 0 shares of topic "centre" in force on 2007-12-31`}, funding.ErrNoRuleInForce},
		{"gap between dated versions", "1", "0", twoVersions(true), 2021, []string{`0 shares of topic "centre" in force on 2021-12-31`}, funding.ErrNoRuleInForce},
		{"duplicate IDs", "1", "0", remit.Policy{Shares: append(centre.Shares, centre.Shares...)}, 2024, []string{"policy.shares", "ID also used"}, funding.ErrBadPolicy},
		{"overdrawn by remainder order", "1", "0", func() remit.Policy {
			p, _ := remit.NewPolicy("x", remit.RuleReturnPucheng, remit.RuleCentre)
			p.Shares[0].Base = remit.OfRemainder
			return p
		}(), 2024, []string{`policy.shares[1] ("DUES-REMIT-CENTRE-5PCT"): shares take more than the dues collected: after this share -5% of the total is left`}, remit.ErrOverdrawn},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := remit.Split(m(tt.collected), m(tt.lump), tt.policy, tt.year)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.is)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
			assert.NotContains(t, err.Error(), "Remit")
			var fe *funding.FundsError
			assert.True(t, errors.As(err, &fe))
		})
	}
	t.Run("dated versions are chosen by year", func(t *testing.T) {
		p := twoVersions(false)
		for year, id := range map[int]string{2019: "OLD", 2020: "NEW", 2024: "NEW"} {
			r, err := remit.Split(m("100"), funding.Money{}, p, year)
			require.NoError(t, err)
			require.Len(t, r.Lines, 1)
			assert.Equal(t, id, r.Lines[0].Rule, "%d", year)
		}
	})
	t.Run("unknown ID", func(t *testing.T) {
		_, err := remit.NewPolicy("x", remit.RuleCentre, "NOPE", "ALSO-NOPE")
		require.Error(t, err)
		assert.Contains(t, errText(err), `ids[1] ("NOPE")`)
		assert.Contains(t, errText(err), `ids[2] ("ALSO-NOPE")`)
		assert.ErrorIs(t, err, dangjian.ErrUnknownRef)
	})
	t.Run("lump sums exactly 1000 and an empty policy", func(t *testing.T) {
		r, err := remit.Split(m("10"), m("1000"), remit.Policy{}, 2024)
		require.NoError(t, err)
		require.Len(t, r.Lines, 1)
		assert.Equal(t, remit.LumpToCentre, r.Lines[0].Kind)
		assert.Equal(t, "10.00", r.Remainder.String())
	})
	t.Run("lump sums before the regulation", func(t *testing.T) {
		_, err := remit.Split(m("10"), m("1000"), remit.Policy{}, 2007)
		assert.ErrorIs(t, err, funding.ErrNoRuleInForce)
	})
	t.Run("a policy lump-sum share replaces the national one", func(t *testing.T) {
		p, _ := remit.NewPolicy("x", remit.RuleLumpSumCentre)
		p.Shares[0].ID, p.Shares[0].DueMonth = "LOCAL-LUMP", 6
		r, err := remit.Split(m("10"), m("2000"), p, 2024)
		require.NoError(t, err)
		assert.Equal(t, "LOCAL-LUMP", r.Lines[0].Rule)
		assert.Equal(t, "2025-06-30", r.Lines[0].Due.String())
		p.Shares[0].Rate = funding.MustParseRate("50%")
		_, err = remit.Split(m("10"), m("2000"), p, 2024)
		assert.ErrorIs(t, err, funding.ErrBadPolicy)
	})
}

// TestRemitProperties splits many random amounts by random policies, with
// every rounding, and checks the invariants of every result.
func TestRemitProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(2008, 15))
	table := remit.Rules()
	modes := []dangjian.RoundingMode{dangjian.HalfUp, dangjian.HalfEven, dangjian.Down, dangjian.Up, dangjian.Floor, dangjian.Ceiling}
	var ok, overdrawn int
	for n := 0; n < 20000; n++ {
		p := remit.Policy{Rounding: funding.Rounding{Places: int32(rng.IntN(3)), Mode: modes[rng.IntN(len(modes))]}}
		for i, k := 0, rng.IntN(5); i < k; i++ {
			s := table[rng.IntN(len(table))]
			if s.Kind == remit.LumpToCentre {
				continue
			}
			s.ID = s.ID + "-" + string(rune('a'+i))
			s.Topic = s.ID
			s.Period = dangjian.Period{}
			s.Rate = funding.RateOf(decimal.New(rng.Int64N(10001), -4)) // 0.00 % to 100.00 %
			s.Base = remit.ShareBase(1 + rng.IntN(2))
			p.Shares = append(p.Shares, s)
		}
		var collected funding.Money
		switch rng.IntN(4) {
		case 0:
			collected = funding.Fen(rng.Int64N(100))
		case 1:
			collected = funding.Fen(rng.Int64N(1e6))
		default:
			collected = funding.Fen(rng.Int64N(1e13))
		}
		var lump funding.Money
		if rng.IntN(3) == 0 {
			lump = funding.Fen(100000 + rng.Int64N(1e9))
		}
		r, err := remit.Split(collected, lump, p, 2008+rng.IntN(30))
		if err != nil {
			require.ErrorIs(t, err, remit.ErrOverdrawn, "%v", err)
			overdrawn++
			continue
		}
		ok++
		remitCheckInvariants(t, r)
		// The remainder differs from the exact keeper's share by at most
		// half a rounding unit per line (a whole unit for directed modes).
		last := remitStep(r.Trace, "remainder")
		exactKept := decimal.RequireFromString(last.Exact)
		unit := decimal.New(1, -p.Rounding.Places)
		bound := unit.Mul(decimal.NewFromInt(int64(len(p.Shares))))
		require.True(t, r.Remainder.Decimal().Sub(exactKept).Abs().LessThanOrEqual(bound),
			"remainder %s vs exact %s", r.Remainder, exactKept)
	}
	t.Logf("%d splits checked, %d overdrawn policies refused", ok, overdrawn)
	require.Greater(t, ok, 10000)
	require.Greater(t, overdrawn, 100)
}

func FuzzRemit(f *testing.F) {
	f.Add(int64(12345678), int64(0), uint16(500), uint16(6000), true, false, uint8(0), uint8(2))
	f.Add(int64(3), int64(100000), uint16(5000), uint16(5000), true, true, uint8(1), uint8(2))
	f.Add(int64(math.MaxInt64), int64(math.MaxInt64), uint16(10000), uint16(10000), false, true, uint8(5), uint8(0))
	f.Add(int64(-1), int64(99999), uint16(20000), uint16(0), true, true, uint8(9), uint8(7))
	centre := remit.Rules()[0]
	f.Fuzz(func(t *testing.T, collected, lump int64, r1, r2 uint16, total1, total2 bool, mode, places uint8) {
		s1, s2 := centre, centre
		s2.ID, s2.Topic = "SECOND", "second"
		s1.Rate = funding.RateOf(decimal.New(int64(r1), -4))
		s2.Rate = funding.RateOf(decimal.New(int64(r2), -4))
		s1.Base, s2.Base = remit.OfRemainder, remit.OfRemainder
		if total1 {
			s1.Base = remit.OfTotal
		}
		if total2 {
			s2.Base = remit.OfTotal
		}
		p := remit.Policy{Shares: []remit.Share{s1, s2},
			Rounding: funding.Rounding{Places: int32(places), Mode: dangjian.RoundingMode(mode)}}
		res, err := remit.Split(funding.Fen(collected), funding.Fen(lump), p, 2024)
		if err != nil {
			var fe *funding.FundsError
			if !errors.As(err, &fe) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if collected > math.MaxInt64-lump {
			// The invariant check adds the inputs; skip sums that overflow.
			return
		}
		remitCheckInvariants(t, res)
	})
}

func TestRemitConcurrent(t *testing.T) {
	p, err := remit.NewPolicy("shared", remit.RuleCentre, remit.RuleEnterpriseGroup)
	require.NoError(t, err)
	p.Shares[1].Base = remit.OfRemainder
	before, _ := json.Marshal(p)
	want, err := remit.Split(funding.MustParseMoney("98765.43"), funding.MustParseMoney("1500"), p, 2024)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				got, err := remit.Split(funding.MustParseMoney("98765.43"), funding.MustParseMoney("1500"), p, 2024)
				assert.NoError(t, err)
				assert.Equal(t, want, got)
			}
		}()
	}
	wg.Wait()
	after, _ := json.Marshal(p)
	assert.Equal(t, string(before), string(after), "Remit never modifies the policy")
}

func TestRemitJSONAndTrace(t *testing.T) {
	p, err := remit.NewPolicy("四川", remit.RuleCentre, remit.RuleSichuan)
	require.NoError(t, err)
	r, err := remit.Split(funding.MustParseMoney("1234.56"), funding.MustParseMoney("1000"), p, 2024)
	require.NoError(t, err)
	remitJSONKeys(t, "RemitResult", r)
	remitJSONKeys(t, "RemitPolicy", p)
	remitJSONKeys(t, "RemitRules", remit.Rules())

	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back remit.Result
	require.NoError(t, json.Unmarshal(b, &back))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2), "a result decodes to itself")
	assert.Equal(t, r.Lines[1].Amount, back.Lines[1].Amount)
	assert.Contains(t, string(b), `"due":"2025-04-30"`)
	assert.Contains(t, string(b), `"due":""`)

	// The trace has a step per line, each naming its rule and rounding,
	// and a remainder step stating the residue given to the keeper.
	require.Len(t, r.Trace, 1+len(r.Lines)+1)
	for i, l := range r.Lines {
		s := remitStep(r.Trace, "lines["+string(rune('0'+i))+"]")
		assert.Equal(t, l.Rule, s.Rule)
		assert.Equal(t, l.Amount.String(), s.Value)
	}
	rem := remitStep(r.Trace, "remainder")
	// 1234.56 × 5% = 61.728 → 61.73; × 20% = 246.912 → 246.91; exact kept
	// 925.92, kept 925.92; residue −0.002 + 0.002 = 0.
	assert.Equal(t, "925.92", rem.Exact)
	assert.Equal(t, "925.92", rem.Value)
	assert.Contains(t, rem.Note, "rounding residue")
	assert.Equal(t, "61.73", r.Lines[0].Amount.String())
	assert.Equal(t, "246.91", r.Lines[1].Amount.String())
}

func remitLoad(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v), path)
}

func remitRuleIDs() []string {
	var ids []string
	for _, r := range remit.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

func remitStep(trace []funding.Step, name string) funding.Step {
	for _, s := range trace {
		if s.What == name {
			return s
		}
	}
	return funding.Step{}
}

// NewPolicyFrom looks the IDs up in the table it is given, reports every
// unknown one with its index, and NewPolicy is NewPolicyFrom over Rules.
func TestNewPolicyFrom(t *testing.T) {
	own := remit.Share{Rule: dangjian.Rule{ID: "X-OWN"}, Topic: "own", Kind: remit.Up, To: "上级", Rate: funding.MustParseRate("1%"), Base: remit.OfTotal}
	table := append(remit.Rules(), own)
	tests := []struct {
		name    string
		table   []remit.Share
		ids     []string
		want    []string
		wantErr []string
	}{
		{"national", remit.Rules(), []string{remit.RuleCentre}, []string{remit.RuleCentre}, nil},
		{"extended", table, []string{"X-OWN", remit.RuleSichuan}, []string{"X-OWN", remit.RuleSichuan}, nil},
		{"none", table, nil, nil, nil},
		{"unknown in the national table", remit.Rules(), []string{remit.RuleCentre, "X-OWN", "X-NONE"}, nil,
			[]string{`ids[1]: refers to an unknown ID: no share with this ID in the table ("X-OWN")`, `ids[2]: refers to an unknown ID: no share with this ID in the table ("X-NONE")`}},
		{"nil table", nil, []string{remit.RuleCentre}, nil, []string{`ids[0]`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := remit.NewPolicyFrom(tt.table, "p", tt.ids...)
			if tt.wantErr != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, dangjian.ErrUnknownRef)
				assert.Len(t, dangjian.ProblemsOf(err), len(tt.wantErr))
				for _, w := range tt.wantErr {
					assert.Contains(t, errText(err), w)
				}
				assert.Equal(t, remit.Policy{}, p)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, "p", p.Name)
			var got []string
			for _, s := range p.Shares {
				got = append(got, s.ID)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	a, errA := remit.NewPolicy("p", remit.RuleCentre, remit.RuleLumpSumCentre)
	b, errB := remit.NewPolicyFrom(remit.Rules(), "p", remit.RuleCentre, remit.RuleLumpSumCentre)
	require.NoError(t, errA)
	require.NoError(t, errB)
	assert.Equal(t, a, b)
}
