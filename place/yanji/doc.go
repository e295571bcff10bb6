// Package yanji is the reference city of the module, 延吉市 (Yanji, the
// seat of 延边州), built from its organization department's article on the
// city's grassroots party building (中共延吉市委组织部, undated, written
// after October 2017). The generic packages hold no city: this package is
// one place's data on top of them, and another city writes a package of
// its own in the same shape.
//
// It gives:
//
//   - [Records]: the city's organization tree as [orgmodel.Records] (the city
//     committee, 6 streets with their "1+4" 大工委, 70 communities, 56
//     villages, 3 townships, 2 parks, organs, state enterprises and
//     non-public branches; sites, bodies, grids, people, posts and 16
//     dispatched cadres), with [ID] giving the stable ID of each record.
//   - [Rules]: [orgmodel.NationalRules] plus the article's local venue
//     standards (rules YJ-SITE-*, listed in RULES.md).
//   - [Figures]: every figure the article gives about organizations,
//     venues, centres, stations and cadres, counted in any tree and set
//     beside the article's value ([Figure]).
//   - [Scheme] and [Policy]: the city's 书记抓基层党建工作述职评议考核 as an
//     [assess.Scheme] on the article's 三实 / 三强 / 三化 structure (named
//     [SchemeName], "yanji-shuzhi"), and its grading policy.
//   - [Standards]: every money figure of the article (funding and pay
//     standards for streets, communities, villages and non-public
//     organizations) as a [standard.Set] of local practice, which
//     funding/budget prices over the tree.
//   - [RemitRules]: the national remittance shares plus the city's return
//     of dues ([RuleDuesReturn], rate 0 until the caller sets it: the
//     article gives none).
//
// # What comes from the article, and what is illustrative
//
// The structure and the counts are the article's: the sections it names
// are its own headings (三实: 压实责任, 严实机制, 建实体系; 三强: 建强阵地,
// 抓强队伍, 加强保障; 三化: 服务群众精准化, 载体活动多样化, 党建引领品牌化),
// and [Figure.Section] cites them. Everything the article does not give is
// illustrative and labelled so: names ("街道一（示例）", "第01社区（示例）"),
// member counts, terms, posts, people, dates, floor areas, the number of
// townships; [Records] lists each. The scheme's points, weights and bands
// are not in the article either: each is a local practice cited by its
// source or the library's own, and the scheme's Note says which.
//
// Every number is a parameter another city replaces: a place with other
// venue standards writes its own rule set with [orgmodel.RuleSet.With], its
// own records, and its own scheme in the format of assess/SCHEME.md.
//
// # Usage
//
//	recs := yanji.Records()
//	tree, err := orgmodel.Build(recs)
//	if err != nil {
//		return err
//	}
//	report, err := orgmodel.Validate(tree, yanji.Rules(), dangjian.MustParseDate("2025-06-30"))
//	if err != nil {
//		return err
//	}
//	for _, f := range report.Findings {
//		fmt.Println(f.Rule, f.Severity, f.Subject, f.Message)
//	}
//	s, err := yanji.Scheme()
//	if err != nil {
//		return err
//	}
//	scorer, err := assess.Compile(s)
//
// # The city's own records
//
// [Meetings] and [DuesLedgers] generate a year of meeting records and of
// dues ledgers for the tree (illustrative, deterministic: the city's
// records hold neither), for orglife and funding/dues to check; [Bridge]
// is the mapping (package bridge) of what those checks and orgmodel's
// find onto [Scheme]'s inputs, so that a secretary is scored from the
// records of the organizations under it.
//
// examples/yanji prints the whole report: the tree's aggregates, the
// figures, the findings, the budget, the organizational life of the year
// and the secretaries' assessment scored from it.
//
// # Invariants
//
// Every function returns a fresh value on each call, which the caller owns
// and may change; the same value comes back every time (IDs are name-based
// UUIDs of stable keys, illustrative numbers are drawn from a hash of the
// key; no clock and no global random source are read). The package holds
// no mutable state: every function is safe for concurrent use.
package yanji
