package catalogue

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian/orglife"
)

// orglife catalogues the national rules of organizational life and the
// local presets a rule set adds with With.
func (c *collector) orglife() {
	national := orglife.NationalRules()
	if err := national.Check(); err != nil {
		c.fail("orglife.NationalRules: %w", err)
	}
	for _, r := range national.Rules {
		c.add(lifeRule(r, "orglife.NationalRules"))
	}
	for _, p := range []struct {
		table string
		rule  orglife.Rule
	}{
		{"orglife.LectureQuarterly", orglife.LectureQuarterly()},
		{"orglife.LectureTwiceYearly", orglife.LectureTwiceYearly()},
		{"orglife.LectureMonthly", orglife.LectureMonthly()},
		{"orglife.StrictVoteQuorum", orglife.StrictVoteQuorum()},
		{"orglife.CommitteeQuorumTwoThirds", orglife.CommitteeQuorumTwoThirds()},
		{"orglife.PartyDayAttendance", orglife.PartyDayAttendance()},
	} {
		c.add(lifeRule(p.rule, p.table))
	}
}

// lifeRule renders a rule of organizational life.
func lifeRule(r orglife.Rule, table string) Entry {
	family := "Meeting frequencies"
	if r.Check == orglife.Quorum {
		family = "Quorums"
	}
	e := header(Entry{Area: "orglife", Family: family, Table: table, Modality: modality(r.Modality), Wording: r.Text}, r.Rule)
	switch r.Check {
	case orglife.Frequency:
		e.Value = fmt.Sprintf("%s: %d per %s", r.Type, r.Count, r.Unit)
		if r.MinFull > 0 {
			e.Value += fmt.Sprintf(", where full members at_least %d", r.MinFull)
		}
		if r.ByYearLabel {
			e.Value += ", by the 年度 label"
		}
		if len(r.CombinedWith) > 0 {
			e.Value += ", also held as " + list(r.CombinedWith)
		}
		e.Value += ", partial period: " + r.Partial.String()
		if r.Reading != nil {
			e.Value += " (" + strings.TrimSpace(r.Reading.Doc) + ")"
		}
	case orglife.Quorum:
		e.Value = fmt.Sprintf("%s: %s present %s %d/%d", r.Type, r.Basis, r.Cmp, r.Num, r.Den)
		if r.Reading != nil {
			e.Value += " (半数以上 read inclusively: " + strings.TrimSpace(r.Reading.Doc) + ")"
		}
		if r.Voids {
			e.Value += ", else not held"
		}
	}
	e.Scope = labelled("kinds", list(r.Kinds))
	return e
}
