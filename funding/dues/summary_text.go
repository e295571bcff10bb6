package dues

import (
	"fmt"
	"io"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// WriteText writes the summary to w as text for a person, as
// examples/dues prints it: a line naming the month, the rule set (rules),
// the members computed and, when notComputed is above 0, the rows not
// computed; a line per category with its members, dues and voluntary
// payments; the total; the lump sums to remit to the Centre in full with
// their members; the ordinary dues; and the members capped, reduced or
// exempt, or not yet due, where there are any; and a line for each
// organization other than the roster's that collected members' dues
// (PaidElsewhere: mobile members paying at the inflow organization):
//
//	2024-06, rules 2017: 3 members computed, 1 rows not computed
//	  employed         2  dues      62.50  voluntary    1000.00
//	  student          1  dues       0.20  voluntary       0.00
//	dues 62.70 + voluntary 1000.00 = total 1062.70
//	lump sums to remit to the Centre in full: 1000.00 (A2)
//	ordinary dues (the total less the lump sums): 62.70
//
// It returns the error of w.
func (s LedgerSummary) WriteText(w io.Writer, month dangjian.Date, rules string, notComputed int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%04d-%02d, rules %s: %d members computed", month.Year(), int(month.Month()), rules, s.Members)
	if notComputed > 0 {
		fmt.Fprintf(&b, ", %d rows not computed", notComputed)
	}
	b.WriteString("\n")
	for _, c := range s.Categories {
		fmt.Fprintf(&b, "  %-14s %3d  dues %10s  voluntary %10s\n", c.Category, c.Members, c.Dues, c.Voluntary)
	}
	fmt.Fprintf(&b, "dues %s + voluntary %s = total %s\n", s.Dues, s.Voluntary, s.Total)
	fmt.Fprintf(&b, "lump sums to remit to the Centre in full: %s%s\n", s.LumpSum, memberList(s.LumpSumMembers))
	fmt.Fprintf(&b, "ordinary dues (the total less the lump sums): %s\n", s.Ordinary)
	for _, l := range []struct {
		what string
		ids  []string
	}{{"capped at the monthly cap", s.Capped}, {"reduced or exempt", s.Reduced}, {"not yet due", s.NotYetDue}} {
		if len(l.ids) > 0 {
			fmt.Fprintf(&b, "%s: %s\n", l.what, strings.Join(l.ids, ", "))
		}
	}
	for _, e := range s.PaidElsewhere {
		fmt.Fprintf(&b, "paid at %s, counted there and not above: %d members, dues %s + voluntary %s = total %s%s\n",
			e.Org, len(e.Members), e.Dues, e.Voluntary, e.Total, memberList(e.Members))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// memberList renders member ids as " (a, b)", or "" for none.
func memberList(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return " (" + strings.Join(ids, ", ") + ")"
}
