// Package compare checks another system's output against the library's
// answer for the same input, row by row: the reusable part of
// examples/conform, for a Go service (an HTTP endpoint) or a test that
// runs the same comparison.
//
// [Compare] computes the library's answer for INPUT with the library's
// own readers and calculators and reads GOT, the other system's export
// ([ReadGot]: a CSV table whose columns are named in English or Chinese,
// other columns ignored), then matches their rows by key and gives each
// row that differs to the caller as a [Difference]: the key, GOT's line
// and INPUT's, the library's value and the platform's, the rules that
// decided the library's value with their sources (from the rules
// catalogue), and the likely [Cause] where a pattern of another system's
// arithmetic reproduces the platform's value exactly. Rows that one side
// lacks are differences too ([MissingFromGot], [MissingFromInput]).
// The [Report] counts the rows compared and those that differ ("N of M
// differ", [Report.Summary]), counts each cause over the whole file
// ([Report.Causes], [Report.Likely]: a row may fit several patterns,
// the file seldom does) and lists the problems of rows. A [Writer]
// writes the differences as text, JSON or CSV.
//
// Kinds ([Kind]):
//
//   - [Dues]: INPUT is a roster as examples/dues reads it, computed for
//     the month of [Options].Date by the rules in force then (or
//     [Options].DuesRules); GOT has id
//     and dues (编号, 党费). Causes: new BigDecimal(double).setScale(2,
//     HALF_UP), Math.round(x*100)/100.0 and Math.ceil(x*10)/10 (simulated
//     in binary double), rounding up to the 角 exactly, truncation, half-even, another bracket at a
//     bound (以上/超过 read the other way) or away from it, the 2008 table
//     instead of 2017 (and back), the gross pay as the base.
//   - [Tax]: INPUT is a payroll ([tax.WithholdStream]: id, month, gross,
//     social_insurance, special_deductions and the two facts of 2020),
//     withheld by the cumulative method with the national rules; GOT has
//     id, month and withheld, matched on id and month. Causes: the month
//     taxed alone on the monthly table, the 公告2020年第13号 or 第19号 fact
//     ignored (two more withholders run without it), the cumulative tax
//     rounded to the 元 or cut to the fen. Each is checked on the agreeing
//     rows too, so that [Report.Likely] names the whole file's cause only
//     when no agreeing row contradicts it.
//   - [Assess]: INPUT is a subjects file as examples/assess reads it (CSV,
//     or JSON if its name ends in .json), scored under [Options].Scheme
//     and graded under [Options].Policy ([LoadScheme] gives both for a
//     reference scheme); GOT has id and total, and optionally grade.
//     Causes: the total rounded another way to the platform's places, the
//     components summed in binary double (printed as Java prints a
//     double, or rounded by BigDecimal(double)).
//   - [Org]: INPUT is a tree as examples/orgchart reads it, validated with
//     the national rules as of [Options].Date; an organization is flagged
//     by a finding of severity error or warning. GOT has one row per
//     organization the platform flagged, with id and optionally rule: the
//     sets of flagged ids are compared, or, with rule, the (id, rule)
//     pairs.
//
// # Invariants
//
// The library's answer is exact, as the library computes it, parsing
// included. No Go floating-point type is used anywhere in the package:
// floatpatterns.go simulates other systems' binary doubles exactly (a
// 53-bit math/big Float rounded to nearest even, the IEEE 754 binary64
// significand) for the diagnosis of a cause, and its results never become
// the library's value. GOT's amounts are
// read as exact decimals ([funding.ParseMoney]); a cell that is not one
// is a problem, never rounded.
//
// # Limits and memory
//
// INPUT and GOT are read within [Options].Limits ([dangjian.Limits]; the
// zero value is the defaults): the bytes of each file, its rows, one
// row's bytes, and the problems listed (then one counting the rest); a
// limit met ends the comparison with one problem naming it. GOT, the
// platform's export, is read first and kept keyed (each row's key, value
// and line: about 170 bytes a row with IDs of 8 bytes); INPUT streams a
// row at a time for dues (the roster reader keeps the set of IDs) and
// tax (a few words a member and year, three times: the library's
// withholder and the two without a fact), so memory is GOT's keys, not
// INPUT's size; assess keeps the cohort's results (a cohort is graded
// whole) and org the tree (a tree is validated whole). Differences are
// not kept: each goes to the caller as it is found, then GOT's unmatched
// rows in GOT's order.
//
// A key on two rows of GOT is a problem and the key is left out (neither
// row is trusted); a member on two rows of INPUT is a problem of both
// rows (the roster reader's) and every row of the member is left out, as
// examples/dues leaves them out: for dues, INPUT is read once more before
// the comparison, without computing, to find such members. The
// zero [Options] and [Input] are invalid (no kind, no date) and reported
// as a problem, never a panic. Compare keeps no state between calls and
// may run concurrently; a [Writer] is for one goroutine.
//
// # Usage
//
//	rep, err := compare.Compare(compare.Input{Kind: compare.Dues, Open: openRoster, Name: "roster.csv",
//		Got: export, GotName: "export.csv"}, compare.Options{Date: dangjian.MustParseDate("2024-06-01")},
//		func(d compare.Difference) error { fmt.Println(d.Key(), d.Library, d.Platform, d.Causes); return nil })
//	fmt.Println(rep.Summary()) // 2137 of 9001 differ
package compare
