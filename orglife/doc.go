// Package orglife checks organizational life (组织生活: 三会一课, 主题党日,
// 组织生活会, 民主评议党员, 谈心谈话) against dated, cited rules: for each
// organization of an [orgmodel.Tree] and each period a rule counts over
// (calendar month, quarter, half-year or year), how many meetings were
// required, how many were held and the shortfall, and each meeting below a
// quorum; each as a [dangjian.Finding] with the rule's ID, severity (from
// its modality), source and the period.
//
// # Rules as data
//
// A [Rule] is a frequency (Count meetings of a [Type] per [Unit]) or a
// quorum (Num/Den of those expected present, at least or more than, of the
// members or of those with a vote), with the kinds of organization it
// applies to, a structure condition (MinFull: a 支委会 is owed only by a
// branch of 7 or more full members, which has a committee; a 党小组会 by
// each party group of the tree, so only where groups exist), what a
// partial period owes ([Partial]), whether a yearly item counts by its 年度
// label, and which combined sittings discharge it (CombinedWith).
// [NationalRules] gives the 支部工作条例's rules, from 2018-10-28; local
// variants replace or add rules with [RuleSet.With] and [RuleSet.Without]
// (a 党课 frequency, a stricter quorum: [LectureQuarterly],
// [StrictVoteQuorum], …). Every rule cites its source with the confidence
// mark of the reference (ORGLIFE-RULES.md); a reading the library had to
// choose is cited to the library in [Rule.Reading].
//
// # Counting
//
// A [Checker] counts meetings one at a time, in any order, in memory that
// follows the tree and the periods, not the meetings (see [Checker]);
// [Checker.FindingsFunc] hands the findings over one at a time, so that a
// national year (5.3 million organizations, 200 million meetings) is
// checked without holding them. A
// meeting counts for the period of the date it was held; yearly rules
// that count by the 年度 label (组织生活会, 民主评议) count it in the year of
// its label when it has one. A period's surplus never covers another
// period's shortfall. Counting is in integers only: a quorum is met when
// present × Den ≥ expected × Num (or >), never through a fraction.
//
// # Structure over time
//
// An [orgmodel.Tree] is a snapshot: its member counts are one date's, and
// it has no founding or dissolution dates. Without more, an organization
// is taken to exist through the whole window with the tree's counts. A
// [History] per organization ([Options]) gives what the snapshot cannot:
// founding and dissolution dates, full members from each date on, and the
// date its committee was elected. A rule is owed on a day the
// organization exists and meets the rule's MinFull (and, if a committee
// date is known, from that date); the rule's Partial says what a period
// owes when that holds on some days only (by default: in full if it holds
// on the period's last day).
//
// # Input
//
// [ScanCSVWith] and [ScanJSONWith] stream meeting records through the
// module's shared readers within a [dangjian.Limits], reporting each bad
// row or element with its line in the shared vocabulary while good ones go
// on; [Checker.AddCSV] and [Checker.AddJSON] count what they read.
package orglife
