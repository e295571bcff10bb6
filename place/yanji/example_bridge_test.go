package yanji_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/bridge"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/orglife"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/place/yanji"
)

// A year of the city's generated meeting records, checked under the
// national rules.
func ExampleMeetings() {
	tree, _ := orgmodel.Build(yanji.Records())
	c, _ := orglife.NewChecker(tree, orglife.NationalRules(), dangjian.NewDate(2025, 1, 1), dangjian.NewDate(2026, 1, 1), orglife.Options{})
	for _, m := range yanji.Meetings(tree, 2025) {
		if err := c.Add(m); err != nil {
			fmt.Println(err)
			return
		}
	}
	short := 0
	for pc := range c.Periods() {
		short += pc.Shortfall
	}
	fmt.Println(c.Meetings(), "meetings counted;", short, "owed and not held")
	// Output: 31041 meetings counted; 639 owed and not held
}

// The generated dues ledgers, checked for arrears at the year's end.
func ExampleDuesLedgers() {
	tree, _ := orgmodel.Build(yanji.Records())
	rules := dues.Rules2017()
	lapses := 0
	ledgers := yanji.DuesLedgers(tree, 2025)
	for _, l := range ledgers {
		fs, _ := rules.Arrears(l.Member, l.Payments, dangjian.NewDate(2025, 12, 31))
		for _, f := range fs {
			if f.Rule == "DUES-LAPSE-6" {
				lapses++
			}
		}
	}
	fmt.Println(len(ledgers), "members;", lapses, "lapses")
	// Output: 18614 members; 36 lapses
}

// The mapping of the city's records onto yanji-shuzhi, compiled against
// the scheme.
func ExampleBridge() {
	m, _ := yanji.Bridge()
	s, _ := yanji.Scheme()
	b, err := bridge.Compile(m, s)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range b.Lines() {
		fmt.Println(l.ID, "→", l.Target)
	}
	// Output:
	// three_one_short → events.yashi.regular_meeting
	// yearly_short → checked.fuwu.creation_targets
	// quorum_failed → events.yashi.leading_group
	// term_overdue → events.yashi.leading_group
	// dues_lapse → checked.yanshi.documents
}
