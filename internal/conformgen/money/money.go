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
