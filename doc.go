// Package dangjian is the root of a pure-Go library for the rules of Chinese
// Communist Party grassroots organization work (基层党建): who forms which
// organization and when, how much money flows where, and how the annual duty
// report of every secretary is scored.
//
// This package holds only the vocabulary the others share; it imports none
// of them:
//
//   - [Source] and [Confidence]: where a rule value comes from and how well
//     its wording was checked (verified, reported, unverified, local practice).
//   - [Date] and [Period]: civil dates and the half-open windows [From, To)
//     in which rules are in force.
//   - [Rule]: the header (ID, Period, Source) that every rule value embeds,
//     and [CheckRules], which tests run over every rule table.
//   - [Modality]: 应当 (must), 一般 (usually), 可以 (may, with approval).
//   - [RoundingMode]: the named rounding modes; the domain default is
//     [HalfUp] (四舍五入).
//
// # Packages
//
//   - orgmodel: the organization hierarchy (kinds, domains, people and posts,
//     terms, sites, coordination bodies) and the validation of its formation
//     rules, with citations.
//   - funding: exact money; party dues by the dated 2008 and 2017 rules;
//     income tax by cumulative withholding; where dues go; enterprise
//     party-work funds; funding and salary standards and budgets over an
//     organization tree.
//   - assess: the reference scoring engine for duty-report assessment:
//     schemes as data, compiled once, scored exactly with a trace, cohorts
//     graded and ranked.
//   - examples/yanji: the reference city, 延吉市, built from its
//     organization department's article; examples/orgchart, examples/dues
//     and examples/assess: command-line programs over the packages.
//
// # How rules are cited
//
// Every rule value carries a stable ID, its effective [Period] and a [Source]
// naming the document and article, with the confidence mark of the
// reference it was taken from. A computation for a date uses the rules in
// force on that date. Where a reference marks a rule as unverified or as
// local practice, the library keeps it as data the caller can replace, not
// as a constant.
//
// # Invariants
//
// Values of this package are immutable and safe for concurrent use. Zero
// values are documented on each type: the zero [Date] is "not set", the
// zero [Period] covers all dates, the zero [Confidence], [Modality] and
// [RoundingMode] are invalid and must be set on a rule.
package dangjian
