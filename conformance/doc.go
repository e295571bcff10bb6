// Package conformance is the library's conformance kit for Go tests: it
// embeds the language-neutral vector files of the top-level conformance/
// directory (conformance/README.md states their conventions and columns),
// parses them into typed vectors, and checks a caller's own
// implementation against every vector.
//
// [CheckDues] runs a caller's dues function on every dues vector and
// reports each difference with t.Errorf: the file and line, the case, the
// inputs, the library's value and the caller's, and the rule IDs that
// decided the library's value; [CheckTax] does the same for a member's
// year of cumulative withholding, [CheckRemit] for a year's remittance
// split, [CheckNonPublic] and [CheckSOE] for enterprise party-work funds.
// [DuesCases], [TaxCases], [RemitCases], [NonPublicCases] and [SOELedgers]
// load the vectors for a caller's own loop; [DuesFiles] and [TaxFiles]
// name the files. A caller's function returns [ErrSkip] for a vector it does not
// cover; at most [MaxReported] failures of one file are reported one by
// one, then one more error counts the rest.
//
// # Versions
//
// Every vector file names the rule-set version it was generated for
// ([RuleSet]); the version changes whenever any rule of the catalogue
// changes. The loaders refuse a vector of another version (the embedded
// set is then stale), the package's tests fail when [RuleSet] is not the
// current catalogue's, and the generator's tests fail with
// "conformance/… is out of date: run go run ./internal/conformgen" when a
// file on disk differs from what
//
//	go run ./internal/conformgen
//
// writes.
//
// # Invariants
//
// Amounts in vectors are decimal text in 元 with the places the library
// rounds to, never a float; a caller's answer is compared exactly
// ("93.5" equals "93.50"; "93.505" is not an amount). The files are read
// with the module's shared CSV reader; each load reads the embedded files
// anew and returns fresh values, so the functions hold no state and are
// safe for concurrent use. The whole dues set is about 9,200 vectors
// (1.2 MB embedded, of which 1.1 MB is the whole-yuan file).
//
// # Usage
//
//	func TestOurDues(t *testing.T) {
//		conformance.CheckDues(t, func(c conformance.DuesCase) (string, error) {
//			if c.Roster["employer"] != "" {
//				return "", conformance.ErrSkip // payslips: not ours
//			}
//			return ourDues(c.Member.Category.String(), c.Roster["base"], c.Month)
//		})
//	}
package conformance
