// Package conformance is the library's conformance kit for Go tests: it
// embeds the language-neutral vector files of the top-level conformance/
// directory (see conformance/README.md), parses them into typed vectors,
// and checks a caller's own implementation against every vector.
//
// Every vector file names the rule-set version it was generated for
// ([RuleSet]); the version changes whenever any rule of the catalogue
// changes, so a stale set fails the module's tests. The files are written
// by
//
//	go run ./internal/conformgen
//
// and the tests fail with "conformance/… is out of date" when a file on
// disk differs from what the generator gives.
package conformance
