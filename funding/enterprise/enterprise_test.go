package enterprise_test

import (
	"encoding/json"
	"errors"
	"github.com/dangjian-go/dangjian/internal/testkit"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/enterprise"
	"github.com/dangjian-go/dangjian/funding/remit"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// entLoad decodes a golden file of testdata.
func entLoad(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", path))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, v), path)
}

// entMoneyOrEmpty renders an optional amount as the golden files do.
func entMoneyOrEmpty(m *funding.Money) string {
	if m == nil {
		return ""
	}
	return m.String()
}

type entNonPublicCase struct {
	Name          string            `json:"name"`
	Rule          string            `json:"rule"`
	Derivation    string            `json:"derivation"`
	Year          int               `json:"year"`
	Payroll       funding.Money     `json:"payroll"`
	Spending      funding.Money     `json:"spending"`
	Rounding      *funding.Rounding `json:"rounding"`
	Jurisdiction  string            `json:"jurisdiction"`
	ProvisionRate funding.Rate      `json:"provisionRate"`
	WantErr       string            `json:"wantErr"`
	Want          struct {
		Cap           string `json:"cap"`
		Deductible    string `json:"deductible"`
		NonDeductible string `json:"nonDeductible"`
		Provision     string `json:"provision"`
	} `json:"want"`
}

func TestNonPublicDeductionGolden(t *testing.T) {
	var file struct {
		Cases []entNonPublicCase `json:"cases"`
	}
	entLoad(t, "enterprise/nonpublic.json", &file)
	require.NotEmpty(t, file.Cases)
	ids := entRuleIDs()
	for _, tc := range file.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			require.Contains(t, ids, tc.Rule, "every vector names a rule of the table")
			require.NotEmpty(t, tc.Derivation)
			p := enterprise.NonPublicPolicy{Jurisdiction: tc.Jurisdiction, ProvisionRate: tc.ProvisionRate}
			if tc.Rounding != nil {
				p.Rounding = *tc.Rounding
			}
			r, err := enterprise.NonPublicDeduction(tc.Year, tc.Payroll, tc.Spending, p)
			if tc.WantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.WantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.Want.Cap, r.Cap.String(), "cap")
			assert.Equal(t, tc.Want.Deductible, r.Deductible.String(), "deductible")
			assert.Equal(t, tc.Want.NonDeductible, r.NonDeductible.String(), "nonDeductible")
			assert.Equal(t, tc.Want.Provision, entMoneyOrEmpty(r.Provision), "provision")
			assert.Equal(t, enterprise.RuleNonPublicDeduction, r.Rule)
			cited := []string{r.Rule, r.ProvisionRule}
			assert.Contains(t, cited, tc.Rule)
			sum, err := r.Deductible.Add(r.NonDeductible)
			require.NoError(t, err)
			assert.Equal(t, tc.Spending, sum, "deductible + nonDeductible = spending")
		})
	}
}

type entSOEWant struct {
	Year                int    `json:"year"`
	Opening             string `json:"opening"`
	StopApplied         bool   `json:"stopApplied"`
	Allocation          string `json:"allocation"`
	OtherSourcesUsed    string `json:"otherSourcesUsed"`
	OtherSourcesUnspent string `json:"otherSourcesUnspent"`
	Charged             string `json:"charged"`
	Overspend           string `json:"overspend"`
	Closing             string `json:"closing"`
	DeductionCap        string `json:"deductionCap"`
	Deductible          string `json:"deductible"`
	NonDeductible       string `json:"nonDeductible"`
}

func entSOEGot(r enterprise.SOEYearResult) entSOEWant {
	return entSOEWant{
		Year: r.Year, Opening: r.Opening.String(), StopApplied: r.StopApplied, Allocation: r.Allocation.String(),
		OtherSourcesUsed: r.OtherSourcesUsed.String(), OtherSourcesUnspent: r.OtherSourcesUnspent.String(),
		Charged: r.Charged.String(), Overspend: r.Overspend.String(), Closing: r.Closing.String(),
		DeductionCap: entMoneyOrEmpty(r.DeductionCap), Deductible: entMoneyOrEmpty(r.Deductible), NonDeductible: entMoneyOrEmpty(r.NonDeductible),
	}
}

func TestSOEFundsGolden(t *testing.T) {
	var file struct {
		Cases []struct {
			Name       string               `json:"name"`
			Rules      []string             `json:"rules"`
			Derivation string               `json:"derivation"`
			Rounding   *funding.Rounding    `json:"rounding"`
			Years      []enterprise.SOEYear `json:"years"`
			Want       []entSOEWant         `json:"want"`
		} `json:"cases"`
	}
	entLoad(t, "enterprise/soe_ledger.json", &file)
	require.NotEmpty(t, file.Cases)
	ids := entRuleIDs()
	for _, tc := range file.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			require.NotEmpty(t, tc.Rules, "every ledger names its rules")
			require.NotEmpty(t, tc.Derivation)
			var applied []string
			var p enterprise.SOEPolicy
			if tc.Rounding != nil {
				p.Rounding = *tc.Rounding
			}
			res, err := enterprise.SOEFunds(tc.Years, p)
			require.NoError(t, err)
			require.Len(t, res, len(tc.Want))
			for i, r := range res {
				assert.Equal(t, tc.Want[i], entSOEGot(r), "year %d", r.Year)
				applied = append(applied, r.Rules...)
				entCheckSOEIdentities(t, tc.Years[i], r)
			}
			for _, id := range tc.Rules {
				assert.Contains(t, ids, id)
				assert.Contains(t, applied, id, "the ledger applies the rule it names")
			}
		})
	}
}

// entCheckSOEIdentities checks the identities every year of a ledger
// satisfies, whatever its numbers.
func entCheckSOEIdentities(t *testing.T, in enterprise.SOEYear, r enterprise.SOEYearResult) {
	t.Helper()
	add := func(a, b funding.Money) funding.Money {
		s, err := a.Add(b)
		require.NoError(t, err)
		return s
	}
	sub := func(a, b funding.Money) funding.Money {
		s, err := a.Sub(b)
		require.NoError(t, err)
		return s
	}
	assert.Equal(t, in.OtherSources, add(r.OtherSourcesUsed, r.OtherSourcesUnspent), "used + unspent = other sources")
	assert.Equal(t, in.Spending, add(r.OtherSourcesUsed, r.Charged), "used + charged = spending")
	assert.False(t, r.Closing.IsNegative(), "closing never negative")
	met := sub(r.Charged, r.Overspend)
	if r.Deductible == nil { // the 1989 rule
		assert.True(t, r.Closing.IsZero())
		assert.Equal(t, r.Charged, r.Allocation)
		return
	}
	assert.Equal(t, r.Closing, sub(add(r.Opening, r.Allocation), met), "closing = opening + allocation − met")
	assert.Equal(t, r.Charged, add(*r.Deductible, *r.NonDeductible), "deductible + nonDeductible = charged")
	assert.LessOrEqual(t, r.Deductible.Cmp(*r.DeductionCap), 0)
	threshold := in.PriorPayroll.Decimal().Mul(decimal.RequireFromString("0.02"))
	assert.Equal(t, r.Opening.Decimal().Cmp(threshold) > 0, r.StopApplied, "stop iff opening > 2%% of prior wages")
	if r.StopApplied {
		assert.True(t, r.Allocation.IsZero())
	} else {
		exact := in.PriorPayroll.Decimal().Mul(decimal.RequireFromString("0.01"))
		want, err := r.Rounding.Money(exact)
		require.NoError(t, err)
		assert.Equal(t, want, r.Allocation, "allocation is %s rounded once (%s)", exact, r.Rounding)
	}
}

func entRuleIDs() []string {
	var ids []string
	for _, r := range enterprise.Rules() {
		ids = append(ids, r.ID)
	}
	for _, r := range remit.Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

func TestEnterpriseRuleTable(t *testing.T) {
	rules := enterprise.Rules()
	require.NoError(t, dangjian.CheckRules(rules, func(r enterprise.Rule) string { return r.Topic }))
	byID := map[string]enterprise.Rule{}
	for _, r := range rules {
		byID[r.ID] = r
		assert.True(t, r.Kind.IsValid(), r.ID)
		assert.True(t, r.Modality.IsValid(), r.ID)
		assert.NotEmpty(t, r.Text, r.ID)
		if r.Jurisdiction != "" {
			assert.Equal(t, dangjian.LocalPractice, r.Source.Confidence, "%s is local practice", r.ID)
		}
	}
	np := byID[enterprise.RuleNonPublicDeduction]
	assert.Equal(t, "2014-12-05", np.Period.From.String())
	assert.True(t, np.Rate.Equal(funding.MustParseRate("1%")))
	soe := byID[enterprise.RuleSOEAllocation]
	assert.Equal(t, "2017-01-01", soe.Period.From.String())
	assert.Contains(t, soe.Source.Note, "assumed", "the day of 38号 is not in the reference")
	assert.Equal(t, dangjian.Usually, soe.Modality, "一般按照…1%")
	old := byID[enterprise.RuleDuesFirst1989]
	assert.Equal(t, soe.Period.From, old.Period.To, "the 1989 rule ends when 38号 starts")
	assert.True(t, byID[enterprise.RuleSOECarryStop].Rate.Equal(funding.MustParseRate("2%")))
	cd := byID[enterprise.RuleChengduProvision]
	assert.Equal(t, "成都市", cd.Jurisdiction)
	assert.LessOrEqual(t, cd.Rate.Cmp(np.Rate), 0, "the local ceiling is within the national cap")

	t.Run("fresh copy", func(t *testing.T) {
		a := enterprise.Rules()
		a[0].Rate = funding.MustParseRate("50%")
		a[0].ID = "CHANGED"
		b := enterprise.Rules()
		assert.Equal(t, enterprise.RuleNonPublicDeduction, b[0].ID)
		assert.True(t, b[0].Rate.Equal(funding.MustParseRate("1%")))
	})
	t.Run("the table check can fail", func(t *testing.T) {
		bad := enterprise.Rules()
		for i := range bad {
			if bad[i].ID == enterprise.RuleDuesFirst1989 {
				bad[i].Period.To = dangjian.MustParseDate("2018-01-01")
			}
		}
		err := dangjian.CheckRules(bad, func(r enterprise.Rule) string { return r.Topic })
		require.ErrorIs(t, err, dangjian.ErrBadRuleTable)
		assert.Contains(t, err.Error(), "soe/funding-regime")
	})
}

func TestEnterpriseRuleKind(t *testing.T) {
	for _, in := range []string{"soe_carry_stop", "SOE_CARRY_STOP", "累计结转停止安排", "停止安排"} {
		k, err := enterprise.ParseRuleKind(in)
		require.NoError(t, err, in)
		assert.Equal(t, enterprise.SOECarryStop, k, in)
	}
	_, err := enterprise.ParseRuleKind("nope")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown enterprise rule kind: want `)
	assert.Contains(t, err.Error(), `("nope")`)
	b, err := json.Marshal(enterprise.DuesFirst)
	require.NoError(t, err)
	assert.Equal(t, `"dues_first"`, string(b))
	var k enterprise.RuleKind
	require.NoError(t, json.Unmarshal([]byte(`"先党费后管理费"`), &k))
	assert.Equal(t, enterprise.DuesFirst, k)
	assert.False(t, enterprise.RuleUnknown.IsValid())
	_, err = json.Marshal(enterprise.RuleKind(99))
	assert.Error(t, err)
}

func TestNonPublicDeductionErrors(t *testing.T) {
	m := funding.MustParseMoney
	overlap := append(enterprise.Rules(), enterprise.Rule{
		Rule:  dangjian.Rule{ID: "X-NP", Period: dangjian.Period{From: dangjian.MustParseDate("2020-01-01")}, Source: dangjian.Source{Doc: "x", Confidence: dangjian.Unverified}},
		Topic: "nonpublic/deduction-cap", Kind: enterprise.NonPublicDeductionCap, Rate: funding.MustParseRate("2%"),
	})
	zeroRate := enterprise.Rules()
	zeroRate[0].Rate = funding.Rate{}
	tests := []struct {
		name   string
		year   int
		pay    string
		spend  string
		policy enterprise.NonPublicPolicy
		want   []string
		is     error
	}{
		{"negatives reported together", 2024, "-1", "-2", enterprise.NonPublicPolicy{},
			[]string{`payroll ("-1.00"): must not be negative`, `spending ("-2.00"): must not be negative`}, funding.ErrNegativeAmount},
		{"year out of range", 0, "1", "1", enterprise.NonPublicPolicy{}, []string{`year ("0"): year out of range`}, funding.ErrYearOutOfRange},
		{"bad rounding", 2024, "1", "1", enterprise.NonPublicPolicy{Rounding: funding.Rounding{Places: 4, Mode: dangjian.HalfUp}},
			[]string{`policy.rounding`}, funding.ErrBadPolicy},
		{"rate without jurisdiction", 2024, "1", "1", enterprise.NonPublicPolicy{ProvisionRate: funding.MustParseRate("0.5%")},
			[]string{`policy.jurisdiction ("")`}, funding.ErrBadPolicy},
		{"jurisdiction without rate", 2024, "1", "1", enterprise.NonPublicPolicy{Jurisdiction: "成都市"},
			[]string{`policy.provisionRate ("0")`}, funding.ErrRateOutOfRange},
		{"negative rate", 2024, "1", "1", enterprise.NonPublicPolicy{Jurisdiction: "成都市", ProvisionRate: funding.MustParseRate("-0.5%")},
			[]string{`policy.provisionRate ("-0.005")`}, funding.ErrRateOutOfRange},
		{"unknown jurisdiction", 2024, "1", "1", enterprise.NonPublicPolicy{Jurisdiction: "火星市", ProvisionRate: funding.MustParseRate("0.5%")},
			[]string{`policy.jurisdiction ("火星市"): no rule in force: no local_provision_rate rule (火星市)`}, funding.ErrNoRuleInForce},
		{"overlapping rules", 2024, "1", "1", enterprise.NonPublicPolicy{Rules: overlap},
			[]string{`policy.rules`, `overlap on topic "nonpublic/deduction-cap"`}, funding.ErrBadPolicy},
		{"zero rate in a rule", 2024, "1", "1", enterprise.NonPublicPolicy{Rules: zeroRate},
			[]string{`policy.rules[0].rate ("0")`}, funding.ErrRateOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := enterprise.NonPublicDeduction(tt.year, m(tt.pay), m(tt.spend), tt.policy)
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.is)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
			assert.NotContains(t, err.Error(), "NonPublicDeduction")
			var fe *funding.FundsError
			require.True(t, errors.As(err, &fe))
			assert.NotEmpty(t, fe.Path)
		})
	}
}

func TestSOEFundsErrors(t *testing.T) {
	m := funding.MustParseMoney
	ok := func(y int) enterprise.SOEYear {
		return enterprise.SOEYear{Year: y, PriorPayroll: m("100000"), Payroll: m("100000"), Spending: m("100")}
	}
	with := func(y enterprise.SOEYear, f func(*enterprise.SOEYear)) enterprise.SOEYear { f(&y); return y }
	tests := []struct {
		name  string
		years []enterprise.SOEYear
		want  []string
		is    error
	}{
		{"every negative field", []enterprise.SOEYear{{Year: 2020, PriorPayroll: m("-1"), Payroll: m("-2"), Spending: m("-3"), OtherSources: m("-4"), Opening: entMoneyPtr("-5")}},
			[]string{"years[0].priorPayroll", "years[0].payroll", "years[0].spending", "years[0].otherSources", "years[0].opening"}, funding.ErrNegativeAmount},
		{"gap between years", []enterprise.SOEYear{ok(2020), ok(2022)}, []string{`years[1].year ("2022"): breaks the ledger chain: want 2021`}, enterprise.ErrLedgerChain},
		{"years out of order", []enterprise.SOEYear{ok(2021), ok(2020)}, []string{`years[1].year ("2020")`}, enterprise.ErrLedgerChain},
		{"opening differs from the closing", []enterprise.SOEYear{ok(2020), with(ok(2021), func(y *enterprise.SOEYear) { y.Opening = entMoneyPtr("1") })},
			[]string{`years[1].opening ("1.00"): breaks the ledger chain: the closing of years[0] is 900.00`}, enterprise.ErrLedgerChain},
		{"opening under the 1989 rule", []enterprise.SOEYear{with(ok(2016), func(y *enterprise.SOEYear) { y.Opening = entMoneyPtr("10") })},
			[]string{`years[0].opening ("10.00")`, "keeps no carry-forward"}, enterprise.ErrLedgerChain},
		{"no rule before 1989", []enterprise.SOEYear{ok(1988)}, []string{`years[0].year ("1988"): no rule in force`}, funding.ErrNoRuleInForce},
		{"year zero", []enterprise.SOEYear{ok(0)}, []string{`years[0].year ("0")`}, funding.ErrYearOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := enterprise.SOEFunds(tt.years, enterprise.SOEPolicy{})
			require.Error(t, err)
			assert.Nil(t, res)
			assert.ErrorIs(t, err, tt.is)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
		})
	}
	t.Run("empty ledger", func(t *testing.T) {
		res, err := enterprise.SOEFunds(nil, enterprise.SOEPolicy{})
		require.NoError(t, err)
		assert.Empty(t, res)
	})
	t.Run("an opening equal to the closing is accepted", func(t *testing.T) {
		res, err := enterprise.SOEFunds([]enterprise.SOEYear{ok(2020), with(ok(2021), func(y *enterprise.SOEYear) { y.Opening = entMoneyPtr("900") })}, enterprise.SOEPolicy{})
		require.NoError(t, err)
		assert.Equal(t, "given", res[1].Trace[1].Note)
	})
	t.Run("the input is not modified", func(t *testing.T) {
		years := []enterprise.SOEYear{ok(2020), ok(2021)}
		before, _ := json.Marshal(years)
		_, err := enterprise.SOEFunds(years, enterprise.SOEPolicy{})
		require.NoError(t, err)
		after, _ := json.Marshal(years)
		assert.Equal(t, string(before), string(after))
		assert.Nil(t, years[1].Opening)
	})
}

// TestSOEFundsProperties runs random ledgers and checks the identities of
// every year and the chaining of openings.
func TestSOEFundsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(38, 2017))
	amount := func(max int64) funding.Money {
		if rng.IntN(5) == 0 {
			return funding.Money{}
		}
		return funding.Fen(rng.Int64N(max))
	}
	for n := 0; n < 500; n++ {
		start := 2012 + rng.IntN(10)
		years := make([]enterprise.SOEYear, 1+rng.IntN(8))
		for i := range years {
			years[i] = enterprise.SOEYear{Year: start + i, PriorPayroll: amount(1e10), Payroll: amount(1e10),
				Spending: amount(3e8), OtherSources: amount(1e8)}
		}
		res, err := enterprise.SOEFunds(years, enterprise.SOEPolicy{})
		require.NoError(t, err)
		require.Len(t, res, len(years))
		for i, r := range res {
			entCheckSOEIdentities(t, years[i], r)
			if i > 0 {
				assert.Equal(t, res[i-1].Closing, r.Opening, "the opening is the previous closing")
			}
			steps := map[string]bool{}
			for _, s := range r.Trace {
				steps[s.What] = true
			}
			for _, k := range []string{"on", "opening", "allocation", "charged", "closing", "deductible"} {
				assert.True(t, steps[k], "trace step %q", k)
			}
		}
	}
}

func TestNonPublicDeductionProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 2014))
	modes := []dangjian.RoundingMode{dangjian.HalfUp, dangjian.HalfEven, dangjian.Down, dangjian.Up, dangjian.Floor, dangjian.Ceiling}
	for n := 0; n < 2000; n++ {
		pay, spend := funding.Fen(rng.Int64N(1e12)), funding.Fen(rng.Int64N(1e10))
		rnd := funding.Rounding{Places: 2, Mode: modes[rng.IntN(len(modes))]}
		r, err := enterprise.NonPublicDeduction(2015+rng.IntN(10), pay, spend, enterprise.NonPublicPolicy{Rounding: rnd})
		require.NoError(t, err)
		sum, _ := r.Deductible.Add(r.NonDeductible)
		require.Equal(t, spend, sum)
		require.LessOrEqual(t, r.Deductible.Cmp(r.Cap), 0)
		require.LessOrEqual(t, r.Deductible.Cmp(spend), 0)
		exact := pay.Decimal().Mul(decimal.RequireFromString("0.01"))
		diff := r.Cap.Decimal().Sub(exact)
		require.True(t, diff.Abs().LessThan(decimal.RequireFromString("0.01")), "cap within a fen of the exact 1%%")
		if rnd.Mode == dangjian.Down || rnd.Mode == dangjian.Floor {
			require.LessOrEqual(t, diff.Sign(), 0, "truncation never exceeds the exact 1%%")
		}
		require.Equal(t, rnd, r.Rounding, "the result says which rounding it applied")
	}
}

func TestEnterpriseConcurrent(t *testing.T) {
	rules := enterprise.Rules()
	years := []enterprise.SOEYear{
		{Year: 2019, PriorPayroll: funding.MustParseMoney("1000000"), Payroll: funding.MustParseMoney("1000000")},
		{Year: 2020, PriorPayroll: funding.MustParseMoney("1000000"), Payroll: funding.MustParseMoney("1000000"), Spending: funding.MustParseMoney("3000")},
	}
	want, err := enterprise.SOEFunds(years, enterprise.SOEPolicy{Rules: rules})
	require.NoError(t, err)
	wantNP, err := enterprise.NonPublicDeduction(2024, funding.MustParseMoney("123456.78"), funding.MustParseMoney("2000"), enterprise.NonPublicPolicy{Rules: rules})
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				got, err := enterprise.SOEFunds(years, enterprise.SOEPolicy{Rules: rules})
				assert.NoError(t, err)
				assert.Equal(t, want, got)
				np, err := enterprise.NonPublicDeduction(2024, funding.MustParseMoney("123456.78"), funding.MustParseMoney("2000"), enterprise.NonPublicPolicy{Rules: rules})
				assert.NoError(t, err)
				assert.Equal(t, wantNP, np)
			}
		}()
	}
	wg.Wait()
}

// entJSONKeys checks v's JSON keys and that its money is strings (see
// testkit.AssertMoneyJSON).
func entJSONKeys(t *testing.T, name string, v any) {
	t.Helper()
	testkit.AssertMoneyJSON(t, name, v, "year", "places", "dueMonth")
}

func TestEnterpriseJSON(t *testing.T) {
	np, err := enterprise.NonPublicDeduction(2024, funding.MustParseMoney("1000000"), funding.MustParseMoney("12000"),
		enterprise.NonPublicPolicy{Jurisdiction: "成都市", ProvisionRate: funding.MustParseRate("0.5%")})
	require.NoError(t, err)
	entJSONKeys(t, "FundResult", np)
	soe, err := enterprise.SOEFunds([]enterprise.SOEYear{
		{Year: 2016, PriorPayroll: funding.MustParseMoney("1"), Payroll: funding.MustParseMoney("1")},
		{Year: 2017, PriorPayroll: funding.MustParseMoney("1000000"), Payroll: funding.MustParseMoney("1000000")},
	}, enterprise.SOEPolicy{})
	require.NoError(t, err)
	entJSONKeys(t, "SOEYearResult", soe)
	entJSONKeys(t, "EnterpriseRules", enterprise.Rules())
	entJSONKeys(t, "SOEYear", []enterprise.SOEYear{{Year: 2020, Opening: entMoneyPtr("1")}})

	t.Run("round trip", func(t *testing.T) {
		b, err := json.Marshal(np)
		require.NoError(t, err)
		var back enterprise.FundResult
		require.NoError(t, json.Unmarshal(b, &back))
		b2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(b), string(b2))
		assert.Contains(t, string(b), `"cap":"10000.00"`)
		assert.Contains(t, string(b), `"rounding":{"places":2,"mode":"half_up"}`)
	})
	t.Run("1989 years omit the deduction", func(t *testing.T) {
		keys := func(v any) map[string]json.RawMessage {
			b, err := json.Marshal(v)
			require.NoError(t, err)
			var m map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(b, &m))
			return m
		}
		y1989, y2017 := keys(soe[0]), keys(soe[1])
		for _, k := range []string{"deductionCap", "deductible", "nonDeductible"} {
			assert.NotContains(t, y1989, k)
			assert.Contains(t, y2017, k)
		}
		assert.Equal(t, `"0.00"`, string(y2017["deductible"]))
	})
}

// TestEnterpriseTraceCitesRules checks that every computed amount of a
// result has a trace step, and that each money step names a rule.
func TestEnterpriseTraceCitesRules(t *testing.T) {
	np, err := enterprise.NonPublicDeduction(2024, funding.MustParseMoney("1000000"), funding.MustParseMoney("12000"),
		enterprise.NonPublicPolicy{Jurisdiction: "成都市", ProvisionRate: funding.MustParseRate("0.5%")})
	require.NoError(t, err)
	steps := map[string]funding.Step{}
	for _, s := range np.Trace {
		steps[s.What] = s
	}
	for _, k := range []string{"cap", "deductible", "nonDeductible", "provision"} {
		require.Contains(t, steps, k)
		assert.NotEmpty(t, steps[k].Rule, k)
	}
	assert.Equal(t, enterprise.RuleChengduProvision, steps["provision"].Rule)
	require.NotNil(t, steps["cap"].Rounding)
	assert.Equal(t, "10000", steps["cap"].Exact)

	soe, err := enterprise.SOEFunds([]enterprise.SOEYear{{Year: 2020, PriorPayroll: funding.MustParseMoney("1000000"), Payroll: funding.MustParseMoney("1000000"), Opening: entMoneyPtr("20000.01")}}, enterprise.SOEPolicy{})
	require.NoError(t, err)
	for _, s := range soe[0].Trace {
		if s.What == "on" || s.What == "opening" {
			continue
		}
		assert.NotEmpty(t, s.Rule, s.What)
	}
	assert.Equal(t, "true", entStep(soe[0].Trace, "stop").Value)
	assert.Equal(t, "20000", entStep(soe[0].Trace, "stop").Exact)
	assert.Equal(t, enterprise.RuleSOECarryStop, entStep(soe[0].Trace, "allocation").Rule)
}

func entStep(trace []funding.Step, name string) funding.Step {
	for _, s := range trace {
		if s.What == name {
			return s
		}
	}
	return funding.Step{}
}
