package assess_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian/assess"
)

// A direct value above its indicator's max is clamped, and the result
// says so in Clamped, from Score as from Explain.
func ExampleClamp() {
	s, _ := assess.DecodeScheme(strings.NewReader(exampleScheme))
	sc, _ := assess.Compile(s)
	sub := exampleSubject()
	sub.Values["project"] = assess.MustNum("45") // max 40
	res, err := sc.Score(sub)
	if err != nil {
		panic(err)
	}
	for _, c := range res.Clamped {
		fmt.Println(c)
	}

	// A value nothing in the scheme reads is an error, not ignored.
	sub.Values["colour"] = assess.MustNum("1")
	_, err = sc.Score(sub)
	fmt.Println(err)
	// Output:
	// project: 45 clamped to 40
	// values.colour (id "A"): unknown field: no indicator or table reads this value ("colour")
}
