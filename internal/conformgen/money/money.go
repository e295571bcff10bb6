// Package money is the money families of the conformance set: the dues
// vectors (conformance/dues/), the payroll tax vectors (conformance/tax/),
// the remittance shares (conformance/remit/) and the enterprise work
// funds (conformance/enterprise/). [Files] computes every expected value
// with the library's own calculators (funding/dues, funding/tax,
// funding/remit, funding/enterprise), reading the inputs through the
// library's readers where the library has one (a dues roster, a payroll
// file), so that the files hold exactly what the library does; the
// package's tests recompute every expected value a second way, with
// math/big from the rule texts, and fail on any disagreement.
//
// Files is deterministic and holds no state: the same rule-set version
// gives the same bytes on every call; it is safe for concurrent use.
package money

import (
	"fmt"
	"maps"
)

// Files returns every file of the money families, keyed by path relative
// to conformance/ ("dues/brackets-2017.csv"), each naming ruleset as its
// rule-set version.
func Files(ruleset string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for name, f := range map[string]func(string) (map[string][]byte, error){
		"dues": duesFiles, "tax": taxFiles, "remit": remitFiles, "enterprise": enterpriseFiles,
	} {
		files, err := f(ruleset)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		maps.Copy(out, files)
	}
	return out, nil
}
