package yanji_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/remit"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// 延吉's return has no published share, so it is none until configured.
func ExampleRemitRules() {
	yj, err := remit.NewPolicyFrom(yanji.RemitRules(), "延吉", yanji.RuleDuesReturn)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := remit.Split(funding.MustParseMoney("3600"), funding.Money{}, yj, 2024)
	fmt.Println("default", r.Lines[0].Amount)
	yj.Shares[0].Rate = funding.MustParseRate("50%") // a configured share
	r, _ = remit.Split(funding.MustParseMoney("3600"), funding.Money{}, yj, 2024)
	fmt.Println("configured", r.Lines[0].Amount, "kept", r.Remainder)
	// Output:
	// default 0.00
	// configured 1800.00 kept 1800.00
}
