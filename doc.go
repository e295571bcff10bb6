// Package dangjian is the root of a pure-Go library for the rules of Chinese
// Communist Party grassroots organization work (基层党建): who forms which
// organization and when, how much money flows where, and how the annual duty
// report of every secretary is scored.
//
// This package holds only the vocabulary the others share; it imports none
// of them:
//
//   - [Source] and [Confidence]: where a rule value comes from and how well
//     its wording was checked (verified, reported, unverified, local practice,
//     or [LibraryChoice]: a value the library chose where no source gives
//     one).
//   - [AssumedDate]: a day the library assumes where its sources give none
//     (a rule's first day known only by its month or year), with the window
//     the true day may lie in; data a caller changes, and a choice it
//     decides says so ([AssumedDate.Decides], [AssumedDate.Note]).
//   - [Date] and [Period]: civil dates and the half-open windows [From, To)
//     in which rules are in force.
//   - [Rule]: the header (ID, Period, Source) that every rule value embeds,
//     and [CheckRules], which tests run over every rule table; the rule in
//     force on a date, picked the same way everywhere: [InForce],
//     [AllInForce], [EachInForce] and [OneInForce] (an [ErrNoRule] or
//     [ErrAmbiguousRule] problem naming the topic and the date).
//   - [Modality]: 应当 (must), 一般 (usually), 可以 (may, with approval).
//   - [RoundingMode]: the named rounding modes; the domain default is
//     [HalfUp] (四舍五入); [Rounding]: a declared rounding point (places
//     and mode).
//   - Diagnostics, one shape for the whole module: [Problem] (input that
//     cannot be used: its [Kind] and machine code, file, line, column,
//     field path, the caller's own code or ID, the value, the rule, a
//     message), [Problems] (the error for many), and the shared kinds
//     ([ErrInvalid], [ErrMissing], [ErrDuplicate], [ErrUnknownRef], …) that
//     every package's narrower kinds unwrap to; [Finding] (a rule applied to
//     valid input: rule, [Severity], subject by the caller's code, value,
//     message, source). All encode to JSON with stable lowerCamel keys.
//   - [Comparison] (以上 / 超过) and [Lang] (English codes or Chinese labels
//     for writers).
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
//   - place/…: one package per jurisdiction, holding that place's data on
//     top of the generic packages, which hold no city. place/yanji is the
//     reference city, 延吉市: its organization tree, the local rules it adds
//     to the national ones, the article's figures, and its duty-report
//     scheme and grading policy.
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
// [RoundingMode] are invalid and must be set on a rule. Kinds are made by
// [NewKind] in package-level variables only (it registers the code for
// JSON decoding); after initialisation the registry is only read.
//
// # Limits
//
// Every reader of the module is bounded by a [Limits]: the bytes of the
// input (64 GiB by default), its rows or streamed elements (200,000,000),
// the bytes of one row or element (1 MiB) and the problems listed
// (1,000; the rest are counted by a [ProblemCap] and reported as one
// last problem, "N more problems not listed"). The zero value of a field
// is its default and a negative value means no limit. Each package's
// reader entry point has a …With variant that takes a Limits; the plain
// one reads within the defaults. A limit that stops a reading is a
// [Problem] of kind [ErrLimit] at the position where the reading stopped,
// whose detail names the limit, its value and how to raise it: the Limits
// field, and the flag of the example programs (-max-rows,
// -max-record-bytes, -max-problems). A value a problem echoes is cut to
// [MaxValueLen] bytes.
//
// # Reporting problems
//
//	var ps dangjian.Problems
//	ps.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, File: "tree.csv",
//		Line: 3, Column: 6, Path: "full_members", ID: "1002", Value: "-2"})
//	return ps.Err() // nil when nothing was added
//
// A caller gets every problem back with [ProblemsOf] and encodes them as
// JSON as they are.
package dangjian
