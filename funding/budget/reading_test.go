package budget_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/budget"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// A line priced at a standard whose period the wording does not state
// carries the reading; a caller who reads the amount as a total gets no
// per-community lines for it, and the standard is listed as omitted
// (issue 11, fidelity audit D12).
func TestBudgetCarriesReadings(t *testing.T) {
	tree, err := orgmodel.Build(yanji.Records())
	require.NoError(t, err)
	set := yanji.Standards()
	res, err := budget.Budget(tree, set, 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	read := map[standard.ItemCode]bool{}
	n := 0
	for _, l := range res.Lines {
		if l.Reading != nil {
			read[l.Code] = true
			assert.NotEmpty(t, l.Reading.Alternatives)
		}
		if l.Code == standard.CommunityWorkFunds {
			n++
		}
	}
	assert.Equal(t, map[standard.ItemCode]bool{standard.VillageOperatingFunds: true, standard.RegionalPartyBuildingFunds: true, standard.CommunityWorkFunds: true}, read)
	require.Positive(t, n)

	it, ok := set.Item(standard.CommunityWorkFunds, dangjian.MustParseDate("2025-01-01"))
	require.True(t, ok)
	total, err := it.ReadAs(standard.TotalOverPeriod)
	require.NoError(t, err)
	res2, err := budget.Budget(tree, set.With(total), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	for _, l := range res2.Lines {
		assert.NotEqual(t, standard.CommunityWorkFunds, l.Code)
	}
	assert.Len(t, res2.Lines, len(res.Lines)-n)
	assert.Contains(t, res2.Omitted, budget.BudgetOmission{Code: standard.CommunityWorkFunds, Rule: it.ID, Reason: "a total over a period, not a per-unit standard"})
}
