package conformance

// ruleSet is the rule-set version of the vectors: see [RuleSet].
const ruleSet = "2025-01.f81d4423b8db"

// RuleSet returns the rule-set version every vector file of the set names
// in its ruleset column (or key): the month of the latest start of a rule's
// period in the rules catalogue, a dot, and the first 12 hexadecimal digits
// of the SHA-256 of the catalogue file rules.json, as
// `go run ./internal/catalogue/cmd/gen` writes it. Any change to any rule
// of the catalogue — a value, a period, a source, a rule added or removed —
// changes the version; the package's tests fail when the version is not
// that of the current catalogue, and the generator's tests fail when a
// vector file on disk names another version. Anyone can check the version
// against a copy of the repository:
//
//	sha256sum rules.json | cut -c1-12
func RuleSet() string { return ruleSet }
