package dues

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
)

// CheckInflow compares a month's roster of a member's home organization
// with the same month's roster of org, an organization where mobile
// members may pay (the inflow organization, DUES-MOBILE-INFLOW), and
// returns a warning for each member counted twice or by no one:
//
//   - a member on both rosters whose home row does not name org as its
//     paying_org: the home organization counts the dues, and so does org;
//   - a member whose home row names org as its paying_org but who is not
//     on org's roster: the home organization leaves the dues to org, which
//     does not count them.
//
// Each finding cites DUES-MOBILE-INFLOW, names the member (Subject), the
// home row's line (Line) and the paying_org cell (Field, Value), in the
// order of the home roster. A member the home roster sends to another
// organization than org is not this check's business.
//
// The check needs both rosters: one roster is one organization's month
// and names no organization of its own, so a single stream cannot tell a
// home row from an inflow row (the same member twice within one roster is
// already a repeated ID, [dangjian.ErrDuplicate]). It holds the IDs of
// inflow in a map, memory linear in that roster; it does not change its
// arguments and may run concurrently.
func (rs Rules) CheckInflow(home []RosterRow, org string, inflow []RosterRow) []dangjian.Finding {
	at := make(map[string]int, len(inflow))
	for _, r := range inflow {
		if _, seen := at[r.Member.ID]; !seen {
			at[r.Member.ID] = r.Line
		}
	}
	p := rs.Provisions.Mobile
	var out []dangjian.Finding
	for _, r := range home {
		m := r.Member
		line, listed := at[m.ID]
		var msg string
		switch {
		case listed && m.PayingOrg != org:
			where := "at home"
			if m.PayingOrg != "" {
				where = "at " + m.PayingOrg
			}
			msg = fmt.Sprintf("%s is on the home roster, paying %s, and on the roster of %s (line %d): the month's dues are counted twice", m.ID, where, org, line)
		case !listed && m.PayingOrg == org:
			msg = fmt.Sprintf("the home roster says %s pays at %s, whose roster does not list them: no one counts the month's dues", m.ID, org)
		default:
			continue
		}
		out = append(out, dangjian.Finding{Rule: p.ID, Severity: dangjian.Warning, Subject: m.ID, Name: m.Name,
			Field: "paying_org", Value: m.PayingOrg, Line: r.Line, Message: msg, Source: p.Source})
	}
	return out
}
