package dues_test

import (
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/require"
)

// traceMember draws a member that rs accepts: any category, any source
// of the base its category and rs allow, and each option (a flat amount
// chosen by the branch, a probationary start, a hardship reduction or
// exemption, a voluntary payment below or above the lump-sum line) on or
// off.
func traceMember(r *rand.Rand, rs dues.Rules, month dangjian.Date) dues.Member {
	cats := dues.Categories()
	m := dues.Member{ID: "m", Category: cats[r.IntN(len(cats))]}
	money := func(maxFen int64) funding.Money { return funding.Fen(r.Int64N(maxFen + 1)) }
	switch {
	case m.Category == dues.Farmer:
		if r.IntN(2) == 0 {
			m.FlatAmount = funding.Fen(20 + r.Int64N(81)) // 0.20–1.00 元
		}
	case m.Category.IsFlat():
	default:
		switch k := r.IntN(3); {
		case k == 0 && m.Category == dues.Retired:
			m.Payslip = &dues.Payslip{Employer: dues.Pensioner, Items: []dues.PayItem{
				{Kind: dues.BasicPension, Amount: money(1_200_000)},
				{Kind: dues.PensionAllowance, Amount: money(200_000)},
			}}
		case k == 0:
			m.Payslip = &dues.Payslip{Employer: dues.Enterprise, Items: []dues.PayItem{
				{Kind: dues.PostWage, Amount: money(1_500_000)},
				{Kind: dues.BasicWage, Amount: money(500_000)},
				{Kind: dues.Overtime, Amount: money(50_000)},
			}, IncomeTax: money(50_000), Pension: money(80_000)}
		case k == 1 && (m.Category == dues.SelfEmployed || rs.AnnualFix):
			m.Months = make([]funding.Money, 1+r.IntN(12))
			for i := range m.Months {
				m.Months[i] = money(6_000_000)
			}
		default:
			m.Base = money(int64(1) << (10 + r.IntN(24)))
		}
	}
	if r.IntN(4) == 0 {
		// Admitted in the month, before it or after it.
		m.ProbationarySince = month.AddDays(r.IntN(120) - 60)
	}
	if r.IntN(3) == 0 {
		m.Reduction = &dues.Reduction{Amount: money(2_000), ApprovedBy: "某党工委", On: month.AddDays(-30), Ref: "〔2024〕1号"}
		if r.IntN(3) == 0 {
			m.Reduction.Amount = funding.Money{} // exempt
		}
	}
	switch r.IntN(4) {
	case 0:
		m.Voluntary = money(99_999) // below the lump-sum line
	case 1:
		m.Voluntary = funding.Fen(100_000 + r.Int64N(1_000_000)) // a lump sum
	}
	return m
}

// amountSetters are the step names by which Monthly sets or changes the
// amount; the value of the last of them is the final amount.
var amountSetters = map[string]bool{"amount": true, "flat amount": true, "rounded": true, "capped": true, "reduced": true, "exempt": true}

// Every rule that set or changed the amount appears in Steps, and the
// trace's last amount agrees with Amount. Each rule is found independently
// of the trace: the same member without the option, through Monthly, tells
// whether the option changed anything.
func TestDuesTraceRecordsEveryRule(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	n := 4000
	if testing.Short() {
		n = 800
	}
	seen := map[string]int{}
	for _, rs := range []dues.Rules{dues.Rules2008(), dues.Rules2017()} {
		months := []dangjian.Date{rs.Period.From, rs.Period.From.AddDays(400)}
		for k := 0; k < n; k++ {
			month := months[k%2]
			m := traceMember(r, rs, month)
			d, err := rs.Monthly(m, month)
			require.NoError(t, err, "%+v", m)

			rules := map[string]bool{}
			last := ""
			for _, s := range d.Steps {
				rules[s.Rule] = true
				if amountSetters[s.What] {
					last = s.Value
				}
			}
			require.True(t, rules[d.Rule], "the rule that set the amount, %s, is in the trace: %+v", d.Rule, d.Steps)
			require.True(t, strings.HasPrefix(last, d.Amount.String()+" ") || last == d.Amount.String(),
				"the trace's last amount %q is the amount %s: %+v", last, d.Amount, d.Steps)

			// Without the reduction: if the amount differs, the hardship rule changed it.
			plain := m
			plain.Reduction, plain.Voluntary = nil, funding.Money{}
			p, err := rs.Monthly(plain, month)
			require.NoError(t, err)
			if p.Amount != d.Amount {
				seen["hardship"]++
				require.True(t, d.Reduced)
				require.True(t, rules[rs.Provisions.Hardship.ID], "hardship in the trace: %+v", d.Steps)
			} else {
				require.False(t, rules[rs.Provisions.Hardship.ID], "no hardship step when nothing was reduced: %+v", d.Steps)
			}
			if p.Capped {
				seen["cap"]++
				require.True(t, rules[rs.Cap.ID], "the cap in the trace: %+v", d.Steps)
			}
			if p.NotYetDue {
				seen["probationary"]++
				require.True(t, rules[rs.Provisions.Probationary.ID])
			}
			if m.Category.IsFlat() && !p.NotYetDue {
				seen["flat"]++
			}

			// The voluntary payment and the lump sum change the total.
			if !m.Voluntary.IsZero() {
				seen["voluntary"]++
				require.True(t, hasStep(d.Steps, "", "voluntary", m.Voluntary.String()), "voluntary in the trace: %+v", d.Steps)
				sum, err := d.Amount.Add(m.Voluntary)
				require.NoError(t, err)
				require.Equal(t, sum, d.Total)
			}
			if m.Voluntary.Fen() >= rs.Provisions.LumpSum.N {
				seen["lump sum"]++
				require.True(t, d.LumpSum)
				require.True(t, rules[rs.Provisions.LumpSum.ID], "the lump sum in the trace: %+v", d.Steps)
			} else {
				require.False(t, rules[rs.Provisions.LumpSum.ID])
			}
		}
	}
	// The generator reached every rule.
	for _, what := range []string{"hardship", "cap", "probationary", "flat", "voluntary", "lump sum"} {
		require.Greater(t, seen[what], 10, what)
	}
}

func hasStep(steps []funding.Step, rule, what, value string) bool {
	for _, s := range steps {
		if s.Rule == rule && s.What == what && s.Value == value {
			return true
		}
	}
	return false
}

// In the JSON of a Result, a fraction appears only in the fields documented
// as exact (exact, baseExact), and a rate is spelled as a plain decimal,
// never as a percentage.
func TestDuesJSONHasNoFractionOutsideExact(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	fraction := regexp.MustCompile(`\d/\d`)
	fractions := 0
	for _, rs := range []dues.Rules{dues.Rules2008(), dues.Rules2017()} {
		for k := 0; k < 1500; k++ {
			month := rs.Period.From.AddDays(31 * (k % 12))
			d, err := rs.Monthly(traceMember(r, rs, month), month)
			require.NoError(t, err)
			b, err := json.Marshal(d)
			require.NoError(t, err)
			var v any
			require.NoError(t, json.Unmarshal(b, &v))
			var walk func(key string, v any)
			walk = func(key string, v any) {
				switch x := v.(type) {
				case map[string]any:
					for k, e := range x {
						walk(k, e)
					}
				case []any:
					for _, e := range x {
						walk(key, e)
					}
				case string:
					if fraction.MatchString(x) {
						require.Contains(t, []string{"exact", "baseExact"}, key, "a fraction in %q: %s", key, b)
						fractions++
					}
					require.False(t, strings.HasSuffix(x, "%"), "a percentage in %q: %s", key, b)
				}
			}
			walk("", v)
		}
	}
	require.Greater(t, fractions, 100, "averages were drawn")
}
