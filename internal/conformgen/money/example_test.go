package money_test

import (
	"fmt"
	"sort"

	"github.com/dangjian-go/dangjian/internal/conformgen/money"
)

func ExampleFiles() {
	files, err := money.Files("2025-01.abc")
	if err != nil {
		fmt.Println(err)
		return
	}
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Println(len(names), names[0], names[len(names)-1])
	// Output: 29 dues/brackets-2008.csv tax/withholding-2024.csv
}
