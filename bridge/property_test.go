package bridge_test

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/bridge"
	"github.com/dangjian-go/dangjian/orglife"
)

// randomRecord draws a record of up to 8 periods and 8 findings, of
// mapped and unmapped rules and types.
func randomRecord(r *rand.Rand) bridge.Record {
	var rec bridge.Record
	for range r.IntN(9) {
		rec.Periods = append(rec.Periods, randomPeriod(r))
	}
	for range r.IntN(9) {
		rec.Findings = append(rec.Findings, randomFinding(r))
	}
	return rec
}

var propTypes = []string{"member_meeting", "committee_meeting", "group_meeting", "party_lecture", "party_day", "life_meeting"}

func randomPeriod(r *rand.Rand) orglife.PeriodCount {
	req := r.IntN(4)
	held := r.IntN(4)
	return orglife.PeriodCount{Org: "B", Type: typeOf(propTypes[r.IntN(len(propTypes))]), Period: "2024-Q" + strconv.Itoa(1+r.IntN(4)),
		Required: req, Held: held, Shortfall: max(req-held, 0)}
}

var propRules = []string{"ORG-TERM-OVERDUE", "DUES-LAPSE-6", "DUES-BACK-PAY-6", "ORG-BRANCH-MIN-3"}

func randomFinding(r *rand.Rand) dangjian.Finding {
	return dangjian.Finding{Rule: propRules[r.IntN(len(propRules))], Subject: "M" + strconv.Itoa(r.IntN(50)), Value: strconv.Itoa(6 + r.IntN(30))}
}

// score fills the inputs the records cannot give, applies rec, and
// returns the total.
func score(t *testing.T, b *bridge.Bridge, in *assess.Input, rec bridge.Record, project string, plan bool) assess.Score {
	t.Helper()
	lay := b.Scorer().Layout()
	in.Reset("B", "")
	pj, _ := lay.Value("project")
	pl, _ := lay.Item("duty", "plan")
	require.NoError(t, in.SetNum(pj, assess.MustNum(project)))
	require.NoError(t, in.SetBool(pl, plan))
	_, err := b.Apply(in, rec)
	require.NoError(t, err)
	res, err := b.Scorer().ScoreInput(in)
	require.NoError(t, err)
	return res.Total
}

// TestMoreShortfallsNeverRaise: adding a shortfall, a finding or a
// month of arrears to what the records show never raises a score.
func TestMoreShortfallsNeverRaise(t *testing.T) {
	b := testBridge(t)
	in := b.Scorer().NewInput()
	r := rand.New(rand.NewPCG(13, 2026))
	for i := range 3000 {
		rec := randomRecord(r)
		project := strconv.Itoa(r.IntN(31))
		plan := r.IntN(2) == 0
		before := score(t, b, in, rec, project, plan)
		more := bridge.Record{Periods: append([]orglife.PeriodCount(nil), rec.Periods...), Findings: append([]dangjian.Finding(nil), rec.Findings...)}
		switch r.IntN(3) {
		case 0: // one more period short
			p := randomPeriod(r)
			p.Required, p.Held, p.Shortfall = p.Required+1, 0, p.Required+1
			more.Periods = append(more.Periods, p)
		case 1: // one more finding
			more.Findings = append(more.Findings, randomFinding(r))
		case 2: // a period already counted falls further short
			if len(more.Periods) == 0 {
				more.Periods = append(more.Periods, randomPeriod(r))
				break
			}
			k := r.IntN(len(more.Periods))
			more.Periods[k].Required++
			more.Periods[k].Shortfall = max(more.Periods[k].Required-more.Periods[k].Held, 0)
		}
		after := score(t, b, in, more, project, plan)
		require.LessOrEqual(t, after.Cmp(before), 0, "case %d: %s after more findings, %s before\n%+v\n%+v", i, after, before, rec, more)
	}
}
