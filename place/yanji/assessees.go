package yanji

import "github.com/dangjian-go/dangjian/orgmodel"

// Category is a category of the city's 述职评议考核 ([Policy] ranks within
// categories): its name, as a subject's Category carries it, and the domain
// of the organizations whose secretaries it holds.
type Category struct {
	Name   string          `json:"name"`
	Domain orgmodel.Domain `json:"domain"`
}

// Categories returns the categories of the assessment under [Scheme], in
// the order a report lists them: 街道 (the street work committees), 社区
// (the communities) and 村 (the villages). The slice is new.
func Categories() []Category {
	return []Category{
		{"街道", orgmodel.Street},
		{"社区", orgmodel.Community},
		{"村", orgmodel.Village},
	}
}

// Assessee is an organization whose secretary reports under [Scheme], with
// the name of its category. The assessment's subject ID is the
// organization's Code.
type Assessee struct {
	Org      orgmodel.Org `json:"org"`
	Category string       `json:"category"`
}

// Assessees returns the organizations of t whose secretaries report under
// [Scheme], category by category in [Categories] order, in tree order
// within a category: every street work committee ([orgmodel.WorkCommittee]
// of domain Street; the street's own committees are not assessed apart),
// and the organization at the top of each community and each village
// ([orgmodel.Tree.DomainTops]; not its grid branches). On the tree of
// [Records] that is 6 streets, 70 communities and 56 villages.
func Assessees(t *orgmodel.Tree) []Assessee {
	var out []Assessee
	for _, cat := range Categories() {
		if cat.Domain == orgmodel.Street {
			for _, o := range t.OrgsOf(orgmodel.WorkCommittee, orgmodel.Street) {
				out = append(out, Assessee{Org: o, Category: cat.Name})
			}
			continue
		}
		for _, id := range t.DomainTops(cat.Domain) {
			o, _ := t.Org(id)
			out = append(out, Assessee{Org: o, Category: cat.Name})
		}
	}
	return out
}
