// Command conformgen writes the conformance set, the vector files under
// conformance/ and conformance/MANIFEST.json, from the library:
//
//	go run ./internal/conformgen          # from the module root
//
// Each family is a package under internal/conformgen with
// func Files(ruleset string) (map[string][]byte, error), keys relative to
// conformance/; [families] lists them. The rule-set version is
// conformance.RuleSet(). -dir names the module root when conformgen runs
// elsewhere. It exits 1 when a family fails (the message says which) and 2
// on a usage error. Files it did not write are left alone; the package's
// test names any vector file on disk that no family writes.
//
// Adding a family is one line in [families]:
//
//	{"orgvec", orgvec.Files},
//
// The generated set is deterministic: the same rule-set version gives the
// same bytes, so the tests regenerate it in memory and compare it byte for
// byte with the files on disk. Nothing is read from the network or the
// clock.
package main
