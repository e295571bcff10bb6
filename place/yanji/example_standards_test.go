package yanji_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian/place/yanji"
)

func ExampleStandards() {
	s := yanji.Standards()
	fmt.Println(s.Name, s.Jurisdiction, s.Check() == nil)
	for _, it := range s.Items {
		flags := ""
		if it.Average {
			flags += " average"
		}
		if it.LowerBound {
			flags += " lower-bound"
		}
		if it.Years > 0 {
			flags += fmt.Sprintf(" over %d years", it.Years)
		}
		fmt.Println(strings.TrimRight(fmt.Sprintf("%-29s %11s %-21s%s", it.ID, it.Amount, it.Per, flags), " "))
	}
	fmt.Println(s.Items[0].Source.Confidence, s.Items[0].Period)
	// Output:
	// 延吉市 吉林省延边朝鲜族自治州延吉市 true
	// YJ-VILLAGE-OPERATING-FUNDS      210000.00 per_village_year      average
	// YJ-VILLAGE-SECRETARY-PAY         28000.00 per_person_year
	// YJ-VILLAGE-CADRE-PAY             22000.00 per_person_year
	// YJ-COMMUNITY-REGIONAL-FUNDS      50000.00 per_community_year
	// YJ-COMMUNITY-WORK-FUNDS         200000.00 per_community_year
	// YJ-COMMUNITY-COMMITTEE-PAY        3310.00 per_person_month      average
	// YJ-NONPUBLIC-BRANCH-FUNDS         2000.00 per_branch
	// YJ-NONPUBLIC-DISPATCHED-FUNDS     2000.00 per_dispatched_branch
	// YJ-NONPUBLIC-FUNDS-ISSUED      5000000.00 total                 lower-bound
	// YJ-RED-COLLAR-ALLOWANCE        3000000.00 total                 lower-bound over 5 years
	// YJ-VILLAGE-OFFICE-UPGRADE     40000000.00 total                 lower-bound
	// YJ-STREET-COMMUNITY-HARDWARE   4800000.00 total                 lower-bound
	// YJ-NONPUBLIC-VENUES           30000000.00 total                 lower-bound
	// local_practice […, …)
}
