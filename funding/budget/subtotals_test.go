package budget_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/budget"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestByChild checks ByChild against Children and Total: the subtotals of
// the children with lines, in tree order, for every organization of the
// Yanji tree and for the roots.
func TestByChild(t *testing.T) {
	tree := yanjiTree(t)
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	want := func(kids []uuid.UUID) []budget.Subtotal {
		var out []budget.Subtotal
		for _, id := range kids {
			st, ok := res.Total(id)
			require.True(t, ok)
			if st.Lines > 0 {
				out = append(out, st)
			}
		}
		return out
	}
	got, ok := res.ByChild(uuid.Nil)
	require.True(t, ok)
	assert.Equal(t, want(tree.Roots()), got, "the roots")
	withEmpty := 0
	for _, o := range tree.All() {
		got, ok := res.ByChild(o.ID)
		require.True(t, ok)
		require.Equal(t, want(tree.Children(o.ID)), got, "under %s", o.Name)
		if len(got) < len(tree.Children(o.ID)) {
			withEmpty++
		}
	}
	assert.Positive(t, withEmpty, "some children have no line and are left out")
	tests := []struct {
		name string
		res  budget.BudgetResult
		org  uuid.UUID
	}{
		{"unknown organization", res, uuid.New()},
		{"decoded result without a tree", budget.BudgetResult{Lines: res.Lines}, uuid.Nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := tt.res.ByChild(tt.org)
			assert.False(t, ok)
			assert.Nil(t, got)
		})
	}
}

func TestSubtotalItem(t *testing.T) {
	st := budget.Subtotal{Lines: 3, ByItem: []budget.ItemAmount{
		{Code: standard.VillageOperatingFunds, Lines: 2, Amount: stdYuan("420000")},
		{Code: standard.CommunityWorkFunds, Lines: 1, Amount: stdYuan("50000")},
	}}
	tests := []struct {
		name string
		code standard.ItemCode
		want budget.ItemAmount
	}{
		{"present", standard.VillageOperatingFunds, budget.ItemAmount{Code: standard.VillageOperatingFunds, Lines: 2, Amount: stdYuan("420000")}},
		{"second", standard.CommunityWorkFunds, budget.ItemAmount{Code: standard.CommunityWorkFunds, Lines: 1, Amount: stdYuan("50000")}},
		{"absent: zero with its code", standard.NonPublicWorkFunds, budget.ItemAmount{Code: standard.NonPublicWorkFunds}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, st.Item(tt.code))
		})
	}
}

func TestSources(t *testing.T) {
	a := dangjian.Source{Doc: "doc A", Confidence: dangjian.Verified}
	b := dangjian.Source{Doc: "doc B", Confidence: dangjian.Verified}
	std := func(src dangjian.Source) standard.Standard {
		var s standard.Standard
		s.Source = src
		return s
	}
	tests := []struct {
		name string
		used []standard.Standard
		want []dangjian.Source
	}{
		{"none", nil, nil},
		{"each once, in order of first use", []standard.Standard{std(b), std(a), std(b), std(a)}, []dangjian.Source{b, a}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, budget.BudgetResult{Used: tt.used}.Sources())
		})
	}
	tree := yanjiTree(t)
	res, err := budget.Budget(tree, yanji.Standards(), 2025, budget.BudgetOptions{})
	require.NoError(t, err)
	srcs := res.Sources()
	require.NotEmpty(t, srcs)
	for _, s := range res.Used {
		assert.Contains(t, srcs, s.Source)
	}
}
