package dues_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ledger(due string, months []string, paidOn []string) []dues.Payment {
	var out []dues.Payment
	for i, m := range months {
		p := dues.Payment{Month: day(m + "-01"), Due: funding.MustParseMoney(due)}
		if paidOn[i] != "" {
			p.Paid, p.On = p.Due, day(paidOn[i])
		}
		out = append(out, p)
	}
	return out
}

var year2024 = []string{"2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"}

func TestArrears(t *testing.T) {
	rs := dues.Rules2017()
	tests := []struct {
		name   string
		ledger []dues.Payment
		asOf   string
		want   []string // rule:months
	}{
		{"all paid on time", ledger("30", year2024[:6], []string{"2024-01-05", "2024-02-05", "2024-03-05", "2024-04-05", "2024-05-05", "2024-06-05"}), "2024-12-31", nil},
		{"5 months unpaid is not yet a lapse", ledger("30", year2024[:6], []string{"2024-01-05", "", "", "", "", ""}), "2024-06-30", nil},
		{"6 months unpaid", ledger("30", year2024[:7], []string{"2024-01-05", "", "", "", "", "", ""}), "2024-07-31", []string{"DUES-LAPSE-6:6"}},
		{"the run is counted only up to the date", ledger("30", year2024[:7], []string{"2024-01-05", "", "", "", "", "", ""}), "2024-06-30", nil},
		{"back pay after 6 months is fine", ledger("30", year2024[:2], []string{"2024-07-20", "2024-07-20"}), "2024-12-31", nil},
		{"back pay after 7 months", ledger("30", year2024[:2], []string{"2024-08-01", "2024-08-01"}), "2024-12-31", []string{"DUES-BACK-PAY-6:7"}},
		{"paid late but after the date counts as unpaid", ledger("30", year2024[:6], []string{"2024-12-01", "2024-12-01", "2024-12-01", "2024-12-01", "2024-12-01", "2024-12-01"}), "2024-06-30", []string{"DUES-LAPSE-6:6"}},
		{"nothing due breaks the run", append(ledger("30", year2024[:3], []string{"", "", ""}), ledger("0", year2024[3:4], []string{""})[0], ledger("30", year2024[4:7], []string{"", "", ""})[0], ledger("30", year2024[5:7], []string{"", ""})[0], ledger("30", year2024[6:7], []string{""})[0]), "2024-12-31", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rs.Arrears("M1", tt.ledger, day(tt.asOf))
			require.NoError(t, err)
			var ids []string
			for _, f := range got {
				ids = append(ids, f.Rule+":"+f.Value)
				assert.Equal(t, "M1", f.Subject)
				assert.False(t, f.On.IsZero())
				assert.Contains(t, []dangjian.Severity{dangjian.Warning, dangjian.Error}, f.Severity)
				assert.NotEmpty(t, f.Message)
				assert.NotEmpty(t, f.Source.Doc)
			}
			assert.Equal(t, tt.want, ids)
		})
	}
	_, err := rs.Arrears("M2", []dues.Payment{{Month: day("2024-02-01")}, {Month: day("2024-01-01")}, {Month: day("2024-03-01"), Paid: funding.MustParseMoney("1")}}, day("2024-12-31"))
	require.ErrorIs(t, err, dues.ErrBadLedger)
	assert.Contains(t, errText(err), `ledger[1].month (id "M2"): bad dues ledger: not after the month before it (2024-02-01) ("2024-01-01")`)
	assert.Contains(t, errText(err), `ledger[2].on (id "M2"): missing value: a payment has no date ("1.00")`)
	assert.ErrorIs(t, err, dangjian.ErrMissing)
	assert.Equal(t, "M2", dangjian.ProblemsOf(err)[0].ID)
}
