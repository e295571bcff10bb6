package assess_test

import (
	"errors"
	"fmt"

	"github.com/dangjian-go/dangjian/assess"
)

// The rules of a FIRST table that can never fire are warnings, found within
// a work budget for the whole scheme. With the default budget the check of
// this small table completes; with none it stops at once, and the table
// gets a warning that its check was not completed instead of a guess.
func ExampleWithReachBudget() {
	table := &assess.Table{
		HitPolicy: assess.HitFirst,
		Inputs:    []assess.TableInput{{Name: "attendance", Kind: assess.NumberInput}},
		Rules: []assess.TableRule{
			{ID: "high", When: []string{">= 80"}, Points: assess.MustNum("5")},
			{ID: "full", When: []string{"100"}, Points: assess.MustNum("6")},
			{ID: "rest", When: []string{"-"}, Points: assess.MustNum("0")},
		},
	}
	for _, opts := range [][]assess.CompileOption{nil, {assess.WithReachBudget(0)}} {
		scorer, err := assess.Compile(tableScheme("6", table), opts...)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, w := range scorer.Warnings() {
			fmt.Println(errors.Is(w, assess.ErrReachLimit), w)
		}
	}
	// Output:
	// false components[0].indicators[0].method.table.rules[1]: rule can never fire: FIRST: the rules before "full" match everything it matches (the last needed is "high")
	// true components[0].indicators[0].method.table: reachability check not completed: FIRST: which rules can never fire was judged for 1 of the table's 3 rules: the scheme's work budget of 0 cell operations ran out at rule "full" (raise it with assess.WithReachBudget)
}
