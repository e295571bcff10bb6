package dues_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type vector struct {
	Name   string        `json:"name"`
	Rule   string        `json:"rule"`
	Rules  string        `json:"rules"`
	Month  dangjian.Date `json:"month"`
	Member dues.Member   `json:"member"`
	Want   struct {
		Amount    funding.Money  `json:"amount"`
		Base      *funding.Money `json:"base"`
		BaseExact string         `json:"baseExact"`
		Total     *funding.Money `json:"total"`
		Capped    bool           `json:"capped"`
		Reduced   bool           `json:"reduced"`
		NotYetDue bool           `json:"notYetDue"`
		LumpSum   bool           `json:"lumpSum"`
	} `json:"want"`
}

func loadVectors(t *testing.T) []vector {
	t.Helper()
	b, err := os.ReadFile("testdata/dues/vectors.json")
	require.NoError(t, err)
	var f struct {
		Vectors []vector `json:"vectors"`
	}
	require.NoError(t, json.Unmarshal(b, &f))
	require.NotEmpty(t, f.Vectors)
	return f.Vectors
}

func rulesNamed(t *testing.T, name string) dues.Rules {
	switch name {
	case "2008":
		return dues.Rules2008()
	case "2017":
		return dues.Rules2017()
	}
	t.Fatalf("no rule set %q", name)
	return dues.Rules{}
}

// The golden vectors, derived by hand from the rules, each naming the rule
// that sets its amount.
func TestDuesVectors(t *testing.T) {
	calc := map[string]*dues.Calculator{}
	for _, name := range []string{"2008", "2017"} {
		c, err := rulesNamed(t, name).Compile()
		require.NoError(t, err)
		calc[name] = c
	}
	for _, v := range loadVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			rs := rulesNamed(t, v.Rules)
			d, err := rs.Monthly(v.Member, v.Month)
			require.NoError(t, err)
			assert.Equal(t, v.Want.Amount.String(), d.Amount.String(), "amount")
			assert.Equal(t, v.Rule, d.Rule, "rule")
			assert.Equal(t, v.Want.Capped, d.Capped, "capped")
			assert.Equal(t, v.Want.Reduced, d.Reduced, "reduced")
			assert.Equal(t, v.Want.NotYetDue, d.NotYetDue, "not yet due")
			assert.Equal(t, v.Want.LumpSum, d.LumpSum, "lump sum")
			if v.Want.Base != nil {
				assert.Equal(t, v.Want.Base.String(), d.Base.String(), "base")
			}
			if v.Want.BaseExact != "" {
				assert.Equal(t, v.Want.BaseExact, d.BaseExact)
			}
			if v.Want.Total != nil {
				assert.Equal(t, v.Want.Total.String(), d.Total.String(), "total")
			}
			assert.Equal(t, rs.Rounding, d.Rounding)
			assert.NotEmpty(t, d.Steps)
			// The compiled batch path agrees wherever it applies.
			m := v.Member
			if m.Payslip == nil && len(m.Months) == 0 && m.Reduction == nil && m.ProbationarySince.IsZero() && m.FlatAmount.IsZero() {
				got, err := calc[v.Rules].Amount(m.Category, m.Base)
				require.NoError(t, err)
				assert.Equal(t, d.Amount, got, "batch path")
			}
		})
	}
}

// The same payslip gives a different base under the 2008 and 2017 rules.
func TestDues2008Versus2017(t *testing.T) {
	ps := &dues.Payslip{Employer: dues.PublicInstitution, Items: []dues.PayItem{
		{Kind: dues.PostWage, Amount: funding.MustParseMoney("3000")},
		{Kind: dues.IncentivePerformance, Amount: funding.MustParseMoney("2000")},
		{Kind: dues.BasicPerformance, Amount: funding.MustParseMoney("1500")},
	}, IncomeTax: funding.MustParseMoney("45"), Pension: funding.MustParseMoney("480")}
	m := dues.Member{Category: dues.Employed, Payslip: ps}
	d08, err := dues.Rules2008().Monthly(m, day("2016-12-01"))
	require.NoError(t, err)
	d17, err := dues.Rules2017().Monthly(m, day("2017-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "6455.00", d08.Base.String())
	assert.Equal(t, "3975.00", d17.Base.String())
	assert.Equal(t, "DUES-BASE-2008", d08.Steps[0].Rule)
	// January 2017 is under the 2017 rules by an assumed day: the trace says so first.
	assert.Equal(t, "rules", d17.Steps[0].What)
	assert.Contains(t, d17.Steps[0].Note, dues.AssumeFrom2017)
	assert.Equal(t, "DUES-BASE-2017", d17.Steps[1].Rule)
}

func day(s string) dangjian.Date { return dangjian.MustParseDate(s) }

func TestDuesRulesFor(t *testing.T) {
	tests := []struct {
		date, want string
	}{
		{"2008-04-01", "2008"}, {"2016-12-31", "2008"}, {"2017-01-01", "2017"}, {"2026-11-28", "2017"},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			rs, err := dues.RulesFor(day(tt.date))
			require.NoError(t, err)
			assert.Equal(t, tt.want, rs.Name)
		})
	}
	_, err := dues.RulesFor(day("2008-03-31"))
	require.ErrorIs(t, err, funding.ErrNoRules)
	assert.ErrorIs(t, err, dangjian.ErrNoRule)
	assert.EqualError(t, err, `no rule in force: no dues rules before 2008-04-01 (the older scale is not modelled) ("2008-03-31")`)
	_, err = dues.Rules2008().Monthly(dues.Member{Category: dues.Employed}, day("2018-01-01"))
	assert.ErrorIs(t, err, funding.ErrOutOfPeriod)
}

// Every rule table: unique IDs, sources present, no overlapping windows.
func TestDuesRuleTables(t *testing.T) {
	for _, rs := range []dues.Rules{dues.Rules2008(), dues.Rules2017()} {
		t.Run(rs.Name, func(t *testing.T) {
			require.NoError(t, dangjian.CheckRules(rs.Rules(), nil))
			for _, r := range rs.Rules() {
				assert.True(t, r.Period.Overlaps(rs.Period), "%s is in force during the set's period", r.ID)
			}
		})
	}
	// The two sets together: a rule ID names one rule.
	all := map[string]dangjian.Rule{}
	for _, rs := range []dues.Rules{dues.Rules2008(), dues.Rules2017()} {
		for _, r := range rs.Rules() {
			if prev, ok := all[r.ID]; ok {
				assert.Equal(t, prev, r, "%s differs between the sets", r.ID)
			}
			all[r.ID] = r
		}
	}
	// Fresh values: changing one set changes nothing else.
	a := dues.Rules2017()
	a.Brackets[0].Rate = funding.MustParseRate("0.5")
	a.Base.Items[0].Kinds[0] = dues.OneOffBonus
	b := dues.Rules2017()
	assert.Equal(t, "0.005", b.Brackets[0].Rate.String())
	assert.Equal(t, dues.PositionWage, b.Base.Items[0].Kinds[0])
}

func TestMonthlyRejectsBadInput(t *testing.T) {
	rs := dues.Rules2017()
	tests := []struct {
		name string
		m    dues.Member
		want []string
	}{
		{"unknown category", dues.Member{ID: "a"}, []string{`category (id "a"): bad member input: unknown category`}},
		{"negative base", dues.Member{ID: "a", Category: dues.Employed, Base: funding.MustParseMoney("-1")}, []string{`base (id "a"): must not be negative ("-1.00")`}},
		{"two bases", dues.Member{ID: "a", Category: dues.Employed, Base: funding.MustParseMoney("1"), Months: []funding.Money{funding.MustParseMoney("1")}},
			[]string{"give the base, a payslip or months, not several"}},
		{"farmer outside the range", dues.Member{ID: "a", Category: dues.Farmer, FlatAmount: funding.MustParseMoney("1.01")}, []string{`flatAmount (id "a"): bad member input: outside the range 0.20–1.00`}},
		{"chosen amount for a fixed flat", dues.Member{ID: "a", Category: dues.Student, FlatAmount: funding.MustParseMoney("0.5")}, []string{`flatAmount (id "a"): bad member input: DUES-FLAT-020 sets a fixed 0.20: the branch chooses no amount ("0.50")`}},
		{"flat amount for a wage", dues.Member{ID: "a", Category: dues.Employed, FlatAmount: funding.MustParseMoney("0.5")}, []string{"only flat categories"}},
		{"pension slip for the employed", dues.Member{ID: "a", Category: dues.Employed, Payslip: &dues.Payslip{Employer: dues.Pensioner}}, []string{"a pension slip is for retired members"}},
		{"reduction without approval", dues.Member{ID: "a", Category: dues.Employed, Reduction: &dues.Reduction{}}, []string{"a reduction needs the upper committee's approval"}},
		{"everything at once", dues.Member{ID: "a", Category: dues.Student, Base: funding.MustParseMoney("-2"), Voluntary: funding.MustParseMoney("-1")},
			[]string{"must not be negative", "a flat category takes no base", `voluntary (id "a"): must not be negative ("-1.00")`}},
		{"negative pay item", dues.Member{ID: "a", Category: dues.Employed, Payslip: &dues.Payslip{Employer: dues.Organ,
			Items: []dues.PayItem{{Kind: dues.GradeWage, Amount: funding.MustParseMoney("-5")}}}}, []string{`payslip.items[0].amount (id "a"): must not be negative ("-5.00")`}},
		{"employer not in the policy", dues.Member{ID: "a", Category: dues.Employed, Payslip: &dues.Payslip{}}, []string{`payslip.employer (id "a"): bad payslip: policy DUES-BASE-2017 has no item list`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rs.Monthly(tt.m, day("2024-06-01"))
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
		})
	}
}

func TestMonthsNeedAnAveragingRule(t *testing.T) {
	m := dues.Member{ID: "a", Category: dues.Employed, Months: []funding.Money{funding.MustParseMoney("4000"), funding.MustParseMoney("5000")}}
	_, err := dues.Rules2008().Monthly(m, day("2016-01-01"))
	require.ErrorIs(t, err, dues.ErrBadMember)
	assert.Contains(t, err.Error(), `rules "2008" set the base month by month (DUES-REFIX-ON-CHANGE)`)
	d, err := dues.Rules2017().Monthly(m, day("2018-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "45.00", d.Amount.String(), "the average 4500.00 at 1%")
	m.Category = dues.SelfEmployed
	_, err = dues.Rules2008().Monthly(m, day("2016-01-01"))
	require.NoError(t, err)
}
