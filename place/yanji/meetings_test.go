package yanji_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/bridge"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

func cityTree(t *testing.T) *orgmodel.Tree {
	t.Helper()
	tree, err := orgmodel.Build(yanji.Records())
	require.NoError(t, err)
	return tree
}

// The generated year is deterministic, every record is valid, and the
// national rules find some branches short and some quorums failed, but
// not most.
func TestMeetings(t *testing.T) {
	tree := cityTree(t)
	ms := yanji.Meetings(tree, 2025)
	assert.Equal(t, ms, yanji.Meetings(tree, 2025))
	require.NotEmpty(t, ms)
	c, err := orglife.NewChecker(tree, orglife.NationalRules(), dangjian.NewDate(2025, 1, 1), dangjian.NewDate(2026, 1, 1), orglife.Options{})
	require.NoError(t, err)
	for _, m := range ms {
		require.NoError(t, c.Add(m))
	}
	short, quorum := map[string]bool{}, 0
	owing := map[string]bool{}
	for pc := range c.Periods() {
		owing[pc.Org] = true
		if pc.Shortfall > 0 {
			short[pc.Org] = true
		}
	}
	for _, f := range c.Findings() {
		if f.Rule == "ORGLIFE-VOTE-QUORUM" {
			quorum++
		}
	}
	assert.NotZero(t, len(short))
	assert.Less(t, len(short)*2, len(owing), "most organizations keep up")
	assert.NotZero(t, quorum)
}

func TestDuesLedgers(t *testing.T) {
	tree := cityTree(t)
	ls := yanji.DuesLedgers(tree, 2025)
	require.NotEmpty(t, ls)
	rules := dues.Rules2017()
	lapses, late := 0, 0
	for _, l := range ls {
		fs, err := rules.Arrears(l.Member, l.Payments, dangjian.NewDate(2025, 12, 31))
		require.NoError(t, err)
		for _, f := range fs {
			switch f.Rule {
			case "DUES-LAPSE-6":
				lapses++
			case "DUES-BACK-PAY-6":
				late++
			}
		}
	}
	assert.NotZero(t, lapses)
	assert.NotZero(t, late)
	assert.Less(t, lapses*10, len(ls))
}

// The mapping compiles against the city's scheme, and every line cites
// the clause it fills and says why.
func TestBridgeMapping(t *testing.T) {
	m, err := yanji.Bridge()
	require.NoError(t, err)
	s, err := yanji.Scheme()
	require.NoError(t, err)
	b, err := bridge.Compile(m, s)
	require.NoError(t, err)
	for _, l := range b.Lines() {
		assert.NotEmpty(t, l.Clause, l.ID)
		assert.Contains(t, l.Note, "library", l.ID)
	}
}
