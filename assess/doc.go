// Package assess is the reference scoring engine for duty-report
// assessment (述职评议考核) and related evaluations (民主评议党员, 星级评定,
// 党员积分): schemes as data, compiled once, subjects scored exactly with a
// full trace, cohorts graded with bands and quotas and ranked. It knows
// nothing of organizations or money: a subject is an ID, a category and its
// inputs.
//
// # Schemes
//
// A [Scheme] (JSON, see SCHEME.md) has weighted components, each an
// indicator tree of any depth whose leaves name a method: direct points,
// checklists, deduction clauses (per occurrence, by severity, per
// percentage point below a threshold; 扣完为止; caps; one case counted
// once), attainment ratios, rated votes by rater groups (不了解 excluded, a
// minimum number of raters, more ballots than issued voiding a group), and
// decision tables with the DMN hit policies. A bonus pool is capped (加分 ≤
// N), and a second pool outside that cap (另行加分，不占奖励分值) has its own;
// gates veto (一票否决 → 0), cap or forbid a grade, or remove award
// eligibility, each with a reason code and a source; bands map the total to
// a grade.
//
// Every part cites a source by ID, and a number its part's source does
// not give names its own in the part's cites ({"cap": "ours"}): the trace
// cites each number a subject's score used to its own source ([Cite]:
// "work_day#cap").
//
// The schema is documented field by field, with an annotated example, in
// SCHEME.md. [Reference] returns the reference schemes ([ReferenceNames]):
// 民主评议党员, a five-star 星级评定 and a 党员积分 scheme; each says which of
// its numbers are the library's own, and cites each of them to the source
// ours (confidence library_choice). [ReferencePolicy] gives the cohort
// grading policy that goes with each. A place's own scheme lives in the
// package of that place: the reference city's 书记抓基层党建述职评议考核 on
// its article's 三实/三强/三化 structure is place/yanji (yanji.Scheme,
// yanji.Policy).
//
// [Compile] does every static check and reports every problem with its
// path: weights summing exactly to 1, points consistent up the tree, bands
// half-open with no gap or overlap over [0, max + bonus caps], UNIQUE tables
// without overlapping rows, references resolved, depth and size limited
// ([MaxDepth], [MaxIndicators], [MaxTableRules]), and every sum and product
// of maxima, weights and caps within the exact range (an overflow is an
// [ErrArithmetic] problem, a kind of [dangjian.ErrOverflow], at its path:
// components[0].max). A FIRST table's rules that can never fire are
// warnings ([Scorer.Warnings]); that check is exact but has a work budget
// for the whole scheme ([DefaultReachBudget], raised with
// [WithReachBudget]), and when it runs out the table gets a warning of kind
// [ErrReachLimit] instead of a guess. SCHEME.md §2.12 lists the limits.
//
// # Test cases
//
// A case file (JSON, SCHEME.md §7) gives a scheme by name or whole, an
// optional grading policy and cases: cohorts of subjects with the totals
// (exact decimals, never floats), grades and ranks some of them must get.
// [DecodeCases] reads it strictly; [Cases.Run] (or [RunCases], both in
// one) scores and grades each case and reports, for each expectation not
// met, want and got and the subject's trace ([CaseReport],
// [CaseReport.WriteText]). A total written with more places than the
// scheme rounds to is a problem, never a silent match. A case file is
// read whole, at most [MaxCasesBytes].
//
// # Cohorts of any size
//
// Subjects are read as streams: [Scorer.ScoreSubjectsFunc] decodes each
// subject of a JSON array straight into the scheme's positional [Input]
// and scores it (at about the speed of a plain encoding/json decode of the
// same file); [DecodeSubjectsFunc] and [DecodeSubjectsCSVFunc] hand over
// one [Subject] at a time. [NewRanking] orders and grades a cohort of
// results ([Ranking.WriteCSV] writes it); [NewCohort] gives the same rows
// keeping under 100 bytes a subject, so that a million subjects rank in
// under 200 MB.
//
// # Limits
//
// Schemes: [MaxDepth] levels of indicators, [MaxIndicators] indicators,
// [MaxTableRules] rules a decision table, and the reachability budget
// above. JSON input (schemes, subjects, grading policies): UTF-8 only,
// arrays and objects nested at most 512 levels. Subjects, read as a stream
// ([DecodeSubjectsFunc], [Scorer.ScoreSubjectsFunc], [DecodeSubjectsCSVFunc])
// within a [dangjian.Limits] (the …With variants, [StreamOptions].Limits):
// by default an input of at most 64 GiB, 200,000,000 subjects, 1 MiB for
// one subject's JSON element or CSV record, and 1,000 problems listed
// before the rest are counted. Each limit is a problem of kind
// [dangjian.ErrLimit] naming it (the budget: a warning); SCHEME.md §2.12
// lists them with their defaults.
//
// # Invariants
//
// Scores are exact: numbers are parsed from decimal text, never through a
// float, and held as exact fractions (a vote average such as 1840/21 stays
// a fraction). Rounding happens only at the points the scheme declares
// (indicator, component, total), with a named mode, and never twice. A
// [Scorer] is immutable and safe for concurrent use by multiple goroutines;
// [Scorer.Score] and [Scorer.Explain] never change the subject, and the
// Input-based methods never change the Input. One more 好 vote never lowers
// a score, a gate never raises one, and every total lies within [0, max +
// bonus caps] (property tests check these). Bad input is a [dangjian.Problems]
// listing every problem; nothing panics on input. A key of a subject's
// values or fields that the scheme does not read is a problem
// ([dangjian.ErrUnknownField]), never ignored; a total in no band is a
// problem ([ErrBands]), never the lowest grade; a direct value clamped to
// [0, max] is listed in [Result.Clamped] by every entry point.
//
// # JSON
//
// [DecodeScheme], [DecodeSubjects] and [DecodeGradePolicy] are strict and
// report every problem as a [dangjian.Problem] with its JSON path, line,
// column, value and the ID of the subject or part it is in. In output JSON
// every number is a decimal string: exact when the value is a decimal,
// otherwise rounded half-up to [JSONPlaces] places, with the exact
// fraction only in the members documented as exact ("exactFractions" of a
// [Result], [ComponentResult], [Graded] or [QuotaUse]; "exactFraction" of
// a trace [Node]). SCHEME.md §4 says more.
//
// # Two input forms
//
// A [Subject] holds a subject's inputs in maps keyed by ID: easy to build
// and to decode from JSON. The positional form is faster: the compiled
// scheme's [Layout] gives every input a [Slot]; an [Input] is filled by
// slot and scored by [Scorer.ScoreInto] without a map lookup or, reusing
// one Input and one Result per goroutine, an allocation. [Scorer.Fill]
// converts a Subject; both forms give the same result (tests compare them
// on thousands of random subjects). Score on a Subject fills a pooled
// Input itself. Rational arithmetic keeps fractions reduced with Knuth's
// shortcuts, and whole-point votes are summed in integers and reduced
// once; overflow is reported, never wrapped.
//
// # Usage
//
//	s, err := assess.DecodeScheme(f)
//	sc, err := assess.Compile(s) // once
//	res, err := sc.Score(subject)    // no trace
//	res, err = sc.Explain(subject)   // with the trace: res.Trace
//	fmt.Println(res.Total, res.Grade)
//
//	// The fast path: slots once, then one Input and one Result per goroutine.
//	good, err := sc.Layout().Level("ceping", "masses", "好")
//	in := sc.NewInput()
//	in.Reset("secretary-1", "社区")
//	err = in.SetCount(good, 8)
//	err = sc.ScoreInto(&res, in) // res's memory is reused: copy what you keep
package assess
