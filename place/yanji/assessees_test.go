package yanji_test

import (
	"testing"

	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCategories(t *testing.T) {
	cats := yanji.Categories()
	assert.Equal(t, []yanji.Category{{"街道", orgmodel.Street}, {"社区", orgmodel.Community}, {"村", orgmodel.Village}}, cats)
	cats[0].Name = "changed"
	assert.Equal(t, "街道", yanji.Categories()[0].Name, "a fresh slice each call")
}

// TestAssessees checks the assessed organizations against the article's
// figures (6 streets, 70 communities, 56 villages, as Figures counts them)
// and their order, kinds and codes.
func TestAssessees(t *testing.T) {
	c := newYanjiCity(t)
	as := yanji.Assessees(c.tree)
	figures := map[string]int64{}
	for _, f := range yanji.Figures(c.tree) {
		figures[f.Key] = f.Model
	}
	count := map[string]int{}
	seen := map[string]bool{}
	var order []string
	for i, a := range as {
		count[a.Category]++
		if len(order) == 0 || order[len(order)-1] != a.Category {
			order = append(order, a.Category)
		}
		require.NotEmpty(t, a.Org.Code, "assessee %d", i)
		require.False(t, seen[a.Org.Code], "code %s twice", a.Org.Code)
		seen[a.Org.Code] = true
		switch a.Category {
		case "街道":
			assert.Equal(t, orgmodel.WorkCommittee, a.Org.Kind)
			assert.Equal(t, orgmodel.Street, a.Org.Domain)
		case "社区":
			assert.Equal(t, orgmodel.Community, a.Org.Domain)
			assert.True(t, c.tree.IsDomainTop(a.Org.ID))
		case "村":
			assert.Equal(t, orgmodel.Village, a.Org.Domain)
			assert.True(t, c.tree.IsDomainTop(a.Org.ID))
		default:
			t.Fatalf("unexpected category %q", a.Category)
		}
	}
	assert.Equal(t, []string{"街道", "社区", "村"}, order, "category by category")
	assert.Equal(t, map[string]int{"街道": int(figures["streets"]), "社区": int(figures["communities"]), "村": int(figures["villages"])}, count)
	assert.Equal(t, map[string]int{"街道": 6, "社区": 70, "村": 56}, count)
	// Within a category, tree order: the communities in DomainTops order.
	var comms []string
	for _, a := range as {
		if a.Category == "社区" {
			comms = append(comms, a.Org.Code)
		}
	}
	var want []string
	for _, o := range c.tops(orgmodel.Community) {
		want = append(want, o.Code)
	}
	assert.Equal(t, want, comms)
	assert.Empty(t, yanji.Assessees(mustBuild(t, orgmodel.Records{})), "an empty tree has no one to assess")
}

func mustBuild(t *testing.T, recs orgmodel.Records) *orgmodel.Tree {
	t.Helper()
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	return tree
}
