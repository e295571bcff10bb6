package yanji_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// The secretaries assessed under the city's scheme, by category: the
// article's 6 streets, 70 communities and 56 villages.
func ExampleCategories() {
	tree, err := orgmodel.Build(yanji.Records())
	if err != nil {
		fmt.Println(err)
		return
	}
	count := map[string]int{}
	for _, a := range yanji.Assessees(tree) {
		count[a.Category]++
	}
	for _, c := range yanji.Categories() {
		fmt.Println(c.Name, c.Domain, count[c.Name])
	}
	// Output:
	// 街道 street 6
	// 社区 community 70
	// 村 village 56
}
