package dues_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

// A hardship reduction takes the branch's study and the upper committee's
// approval (规定 第七条); from the 2017 notice a retired member's needs the
// branch's consent only (issue 11: two-step approval vs branch-only).
func TestHardshipApprovals(t *testing.T) {
	upper := func(r *dues.Reduction) { r.ApprovedBy, r.On = "某街道党工委", day("2024-03-15") }
	branch := func(r *dues.Reduction) { r.BranchOn = day("2024-03-01") }
	late := func(r *dues.Reduction) { r.BranchOn = day("2024-04-01") }
	tests := []struct {
		name     string
		rules    dues.Rules
		cat      dues.Category
		base     string
		month    string
		set      []func(*dues.Reduction)
		wantErr  string
		wantRule string
	}{
		{"2017, employed, both steps", dues.Rules2017(), dues.Employed, "6000", "2024-06-01", []func(*dues.Reduction){branch, upper}, "", "DUES-HARDSHIP"},
		{"2017, employed, upper approval only", dues.Rules2017(), dues.Employed, "6000", "2024-06-01", []func(*dues.Reduction){upper}, "", "DUES-HARDSHIP"},
		{"2017, employed, branch only: not enough", dues.Rules2017(), dues.Employed, "6000", "2024-06-01", []func(*dues.Reduction){branch}, "needs the upper committee's approval", ""},
		{"2017, retired, branch only", dues.Rules2017(), dues.Retired, "4000", "2024-06-01", []func(*dues.Reduction){branch}, "", "DUES-HARDSHIP-RETIREE-2017"},
		{"2017, retired, upper approval too", dues.Rules2017(), dues.Retired, "4000", "2024-06-01", []func(*dues.Reduction){branch, upper}, "", "DUES-HARDSHIP"},
		{"2017, retired, nothing", dues.Rules2017(), dues.Retired, "4000", "2024-06-01", nil, "needs the branch's consent", ""},
		{"2008, retired, branch only: not enough", dues.Rules2008(), dues.Retired, "4000", "2016-06-01", []func(*dues.Reduction){func(r *dues.Reduction) { r.BranchOn = day("2016-03-01") }}, "needs the upper committee's approval", ""},
		{"branch study after the approval", dues.Rules2017(), dues.Employed, "6000", "2024-06-01", []func(*dues.Reduction){upper, late}, "the branch studies a reduction before the upper committee approves it", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &dues.Reduction{Amount: funding.MustParseMoney("1.00")}
			for _, f := range tt.set {
				f(r)
			}
			m := dues.Member{ID: "m", Category: tt.cat, Base: funding.MustParseMoney(tt.base), Reduction: r}
			d, err := tt.rules.Monthly(m, day(tt.month))
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.True(t, d.Reduced)
			assert.Equal(t, "1.00", d.Amount.String())
			assert.Equal(t, tt.wantRule, d.Rule)
			last := d.Steps[len(d.Steps)-1]
			assert.Equal(t, tt.wantRule, last.Rule)
			if r.BranchOn.IsZero() {
				assert.NotContains(t, last.Value, "branch")
			} else {
				assert.Contains(t, last.Value, r.BranchOn.String())
			}
		})
	}
	assert.Empty(t, dues.Rules2008().Provisions.HardshipRetiree.ID, "the 2008 rules have no branch-only reduction")
}

// The roster takes the branch's day in reduction_branch_on (减免支部研究日期);
// a branch-only row reads, and the rules decide whether it suffices.
func TestRosterBranchOnlyReduction(t *testing.T) {
	in := "编号,姓名,党员类别,计算基数,减免后党费,减免支部研究日期\n" +
		"01,张三,离退休,4000,0,2024-03-01\n" +
		"02,李四,在职,6000,1.00,2024-03-01\n"
	rows, err := dues.ReadRoster(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, rows, 2)
	rs := dues.Rules2017()
	d, err := rs.Monthly(rows[0].Member, day("2024-06-01"))
	require.NoError(t, err)
	assert.True(t, d.Reduced && d.Amount.IsZero(), "exempt")
	assert.Equal(t, "DUES-HARDSHIP-RETIREE-2017", d.Rule)
	_, err = rs.Monthly(rows[1].Member, day("2024-06-01"))
	assert.ErrorContains(t, err, "needs the upper committee's approval")

	// A half-given upper approval is still a row problem.
	_, err = dues.ReadRoster(strings.NewReader("编号,姓名,党员类别,计算基数,减免后党费,减免批准单位,减免批准日期,减免支部研究日期\n01,张三,离退休,4000,0,某党委,,2024-03-01\n"))
	assert.ErrorContains(t, err, "a reduction needs its approval")
}

// A reduction takes effect from the month of its approval: an approval
// dated in July does not reduce June, which stays due in full with a step
// in the trace saying why; the month of the approval itself is reduced.
func TestHardshipApprovedAfterTheMonth(t *testing.T) {
	tests := []struct {
		name        string
		cat         dues.Category
		base        string
		set         func(*dues.Reduction)
		month       string
		wantReduced bool
		wantAmount  string
		wantRule    string
	}{
		{"approved the month after", dues.Employed, "6000", func(r *dues.Reduction) { r.ApprovedBy, r.On = "某街道党工委", day("2024-07-01") }, "2024-06-01", false, "90.00", "DUES-HARDSHIP"},
		{"approved on the month's last day", dues.Employed, "6000", func(r *dues.Reduction) { r.ApprovedBy, r.On = "某街道党工委", day("2024-06-30") }, "2024-06-01", true, "1.00", "DUES-HARDSHIP"},
		{"approved mid-month", dues.Employed, "6000", func(r *dues.Reduction) { r.ApprovedBy, r.On = "某街道党工委", day("2024-07-15") }, "2024-07-01", true, "1.00", "DUES-HARDSHIP"},
		{"retired, branch consent the month after", dues.Retired, "4000", func(r *dues.Reduction) { r.BranchOn = day("2024-07-01") }, "2024-06-01", false, "20.00", "DUES-HARDSHIP-RETIREE-2017"},
		{"retired, branch consent in the month", dues.Retired, "4000", func(r *dues.Reduction) { r.BranchOn = day("2024-06-01") }, "2024-06-01", true, "1.00", "DUES-HARDSHIP-RETIREE-2017"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &dues.Reduction{Amount: funding.MustParseMoney("1.00")}
			tt.set(r)
			m := dues.Member{ID: "m", Category: tt.cat, Base: funding.MustParseMoney(tt.base), Reduction: r}
			d, err := dues.Rules2017().Monthly(m, day(tt.month))
			require.NoError(t, err)
			assert.Equal(t, tt.wantReduced, d.Reduced)
			assert.Equal(t, tt.wantAmount, d.Amount.String())
			last := d.Steps[len(d.Steps)-1]
			assert.Equal(t, tt.wantRule, last.Rule)
			if !tt.wantReduced {
				assert.Equal(t, "reduction not yet in force", last.What)
				assert.Contains(t, last.Value, "after this month")
			}
		})
	}
}
