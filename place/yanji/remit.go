package yanji

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/remit"
)

// RuleDuesReturn is the ID of 延吉's return of party dues to non-public
// organizations (党费返还).
const RuleDuesReturn = "DUES-RETURN-YANJI"

// RemitRules returns the national and local shares of collected dues
// ([remit.Rules]) extended with 延吉's own return to non-public
// organizations, as a fresh table on each call. The article names the
// policy (落实税前列支和党费返还政策) but gives no share and no base: the
// share's rate is 0 (none) until the caller sets it, and its base (the
// total collected) is assumed. Build a policy with [remit.NewPolicyFrom]:
//
//	p, err := remit.NewPolicyFrom(yanji.RemitRules(), "延吉", yanji.RuleDuesReturn)
//	p.Shares[0].Rate = funding.MustParseRate("50%") // the share the city sets
func RemitRules() []remit.Share {
	return append(remit.Rules(), remit.Share{
		Rule: dangjian.Rule{ID: RuleDuesReturn, Source: dangjian.Source{
			Doc: fundDoc, Article: "加强保障", Confidence: dangjian.LocalPractice,
			Note: "the article gives no share and no base: the rate is 0 (none) until the caller sets it; the base (total) is assumed"}},
		Topic: "return-yanji", Kind: remit.ReturnDown, To: "非公有制企业党组织", Rate: funding.Rate{}, Base: remit.OfTotal,
		Text: "落实税前列支和党费返还政策",
	})
}
