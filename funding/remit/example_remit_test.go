package remit_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/remit"
)

// A provincial committee collected 123,456.78 元 of ordinary dues in 2024
// and 5,000 元 of voluntary lump sums. 5 % of the dues, 6,172.839, rounds
// half-up to 6,172.84 and is due on 30 April 2025; the lump sums go to the
// Centre in full; the province keeps the rest, rounding residue included.
func ExampleSplit() {
	p, err := remit.NewPolicy("省委", remit.RuleCentre)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := remit.Split(funding.MustParseMoney("123456.78"), funding.MustParseMoney("5000"), p, 2024)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range r.Lines {
		due := "no due date in the source"
		if !l.Due.IsZero() {
			due = "due " + l.Due.String()
		}
		fmt.Println(l.Rule, l.Kind, l.To, l.Share.Percent(), "of", l.BaseAmount, "=", l.Amount, due)
	}
	fmt.Println("kept", r.Remainder)
	last := r.Trace[len(r.Trace)-2]
	fmt.Println(last.What, last.Exact, "→", last.Value)
	// Output:
	// DUES-REMIT-CENTRE-5PCT remit 中共中央组织部 5% of 123456.78 = 6172.84 due 2025-04-30
	// DUES-LUMP-CENTRE lump_sum 中共中央组织部 100% of 5000.00 = 5000.00 no due date in the source
	// kept 117283.94
	// remainder 117283.941 → 117283.94
}

// The base of a share is data: 60 % of the total is not 60 % of what is
// left after the Centre's 5 %.
func ExampleSplit_bases() {
	centre, _ := remit.NewPolicy("", remit.RuleCentre, remit.RuleEnterpriseGroup)
	ofRemainder := centre
	ofRemainder.Shares = append([]remit.Share(nil), centre.Shares...)
	ofRemainder.Shares[1].Base = remit.OfRemainder
	for _, p := range []remit.Policy{centre, ofRemainder} {
		r, err := remit.Split(funding.MustParseMoney("1000"), funding.Money{}, p, 2024)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Lines[1].Base, r.Lines[0].Amount, r.Lines[1].Amount, "kept", r.Remainder)
	}
	// Output:
	// total 50.00 600.00 kept 350.00
	// remainder 50.00 570.00 kept 380.00
}

// 中央和国家机关: 20 % of the year's total goes to the 工委 in the first
// quarter of the next year.
func ExampleSplit_centralOrgans() {
	p, _ := remit.NewPolicy("部门机关党委", remit.RuleCentralOrgans)
	r, _ := remit.Split(funding.MustParseMoney("88888.88"), funding.Money{}, p, 2024)
	fmt.Println(r.Lines[0].To, r.Lines[0].Amount, r.Lines[0].Due, "kept", r.Remainder)
	// Output:
	// 中央和国家机关工委 17777.78 2025-03-31 kept 71111.10
}

// 成都 returns the dues of a 非公 organization's members in full.
func ExampleSplit_returns() {
	cd, _ := remit.NewPolicy("成都 非公党员党费", remit.RuleReturnChengdu)
	r, _ := remit.Split(funding.MustParseMoney("3600"), funding.Money{}, cd, 2024)
	fmt.Println(r.Lines[0].Kind.Label(), r.Lines[0].Amount, "kept", r.Remainder)
	// Output:
	// 返还 3600.00 kept 0.00
}

// Shares that take more than there is are refused before any rounding.
func ExampleSplit_overdrawn() {
	p, _ := remit.NewPolicy("", remit.RuleCentre, remit.RuleEnterpriseGroup, remit.RuleReturnPucheng)
	_, err := remit.Split(funding.MustParseMoney("1000"), funding.Money{}, p, 2024)
	fmt.Println(err)
	// Output:
	// policy.shares[2]: shares take more than the dues collected: after this share -65% of the total is left ("DUES-RETURN-PUCHENG-FULL")
}

func ExampleRules() {
	for _, s := range remit.Rules() {
		fmt.Println(s.ID, s.Kind, s.Rate.Percent(), s.Base, s.Source.Confidence)
	}
	// Output:
	// DUES-REMIT-CENTRE-5PCT remit 5% total verified
	// DUES-LUMP-CENTRE lump_sum 100% total verified
	// DUES-REMIT-RAIL-AVIATION-10PCT remit 10% total verified
	// DUES-REMIT-FINANCE-5PCT remit 5% total verified
	// DUES-RETURN-ENTERPRISE-2012 return 100% total reported
	// DUES-REMIT-CENTRAL-ORGANS-20PCT remit 20% total verified
	// DUES-REMIT-SICHUAN-20PCT remit 20% total local_practice
	// DUES-REMIT-ENTERPRISE-GROUP-60PCT remit 60% total local_practice
	// DUES-RETURN-CHENGDU-FULL return 100% total local_practice
	// DUES-RETURN-PUCHENG-FULL return 100% total local_practice
}

func ExampleNewPolicy() {
	p, err := remit.NewPolicy("四川 基层党委", remit.RuleSichuan)
	fmt.Println(p.Name, p.Shares[0].To, p.Shares[0].Rate.Percent(), err)
	_, err = remit.NewPolicy("", "DUES-REMIT-MARS")
	fmt.Println(err)
	// Output:
	// 四川 基层党委 四川省委组织部 20% <nil>
	// ids[0]: refers to an unknown ID: no share with this ID in the table ("DUES-REMIT-MARS")
}

func ExampleParseShareKind() {
	k, err := remit.ParseShareKind("返还")
	fmt.Println(k, k.Label(), err)
	// Output:
	// return 返还 <nil>
}

func ExampleParseShareBase() {
	b, err := remit.ParseShareBase("remainder")
	fmt.Println(b, b.Label(), err)
	// Output:
	// remainder 余额 <nil>
}

// A place or a caller extends the table with a share of its own and builds
// a policy from the extended table.
func ExampleNewPolicyFrom() {
	own := remit.Share{
		Rule:  dangjian.Rule{ID: "DUES-RETURN-EXAMPLE-30PCT", Source: dangjian.Source{Doc: "a county notice", Confidence: dangjian.LocalPractice}},
		Topic: "return-example", Kind: remit.ReturnDown, To: "非公有制企业党组织",
		Rate: funding.MustParseRate("30%"), Base: remit.OfRemainder,
	}
	table := append(remit.Rules(), own)
	p, err := remit.NewPolicyFrom(table, "县委", remit.RuleCentre, own.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	r, _ := remit.Split(funding.MustParseMoney("10000"), funding.Money{}, p, 2024)
	for _, l := range r.Lines {
		fmt.Println(l.Rule, l.Amount)
	}
	fmt.Println("kept", r.Remainder)
	_, err = remit.NewPolicyFrom(remit.Rules(), "县委", own.ID)
	fmt.Println(err)
	// Output:
	// DUES-REMIT-CENTRE-5PCT 500.00
	// DUES-RETURN-EXAMPLE-30PCT 2850.00
	// kept 6650.00
	// ids[0]: refers to an unknown ID: no share with this ID in the table ("DUES-RETURN-EXAMPLE-30PCT")
}

// A share the text permits (可…返还) is a "may" share: its rate is the most
// the text allows; a share to send is a "must" share.
func ExampleShare_Binding() {
	for _, s := range remit.Rules() {
		if s.ID == remit.RuleCentre || s.ID == remit.RuleReturnEnterprise {
			fmt.Println(s.ID, s.Binding(), s.Rate.Percent())
		}
	}
	// Output:
	// DUES-REMIT-CENTRE-5PCT must 5%
	// DUES-RETURN-ENTERPRISE-2012 may 100%
}
