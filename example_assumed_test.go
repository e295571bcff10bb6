package dangjian_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
)

// A rule known only by its year is assumed to apply from 1 January; a
// choice made for a day of that year rests on the assumption.
func ExampleAssumedDate() {
	a := dangjian.AssumedDate{
		ID:     "ASSUME-NOTICE-FROM",
		Date:   dangjian.MustParseDate("2017-01-01"),
		Window: dangjian.Period{From: dangjian.MustParseDate("2017-01-01"), To: dangjian.MustParseDate("2018-01-01")},
		Why:    "the notice is dated 2017; its day is not known",
	}
	fmt.Println(a.Decides(dangjian.MustParseDate("2017-03-01")), a.Decides(dangjian.MustParseDate("2018-03-01")))
	fmt.Println(a.Note())

	// A caller who knows the day says so.
	a.Date, a.Window = dangjian.MustParseDate("2017-04-12"), dangjian.Period{}
	fmt.Println(a.Decides(dangjian.MustParseDate("2017-05-01")))
	// Output:
	// true false
	// decided by an assumed date: 2017-01-01 (ASSUME-NOTICE-FROM); the true day lies in [2017-01-01, 2018-01-01); the notice is dated 2017; its day is not known
	// false
}

// The zero AssumedDate, and one whose Window is the zero Period, are known
// days: they decide nothing.
func ExampleAssumedDate_Known() {
	fmt.Println(dangjian.AssumedDate{}.Known(), dangjian.AssumedDate{Date: dangjian.MustParseDate("2021-05-20")}.Known())
	// Output: true true
}
