// Package vecfile writes the vector files of the conformance set
// (conformance/README.md states their conventions): CSV tables with a
// header row, RFC 4180 quoting, "\n" line ends, UTF-8 without BOM, a
// "case" column unique in the file and "rules" and "ruleset" columns; JSON
// files as an object {"ruleset", "generator", "vectors"}; and the
// MANIFEST.json of the whole set. Every family of the generator
// (go run ./internal/conformgen) writes through it, so the conventions are
// kept in one place. Its zero values are not used; a Table is not safe for
// concurrent use.
//
// # Usage
//
//	t := vecfile.NewTable(ruleset, "case", "base", "expected_dues", "rules", "ruleset")
//	t.Row(map[string]string{"case": "edge-3000", "base": "3000.00", "expected_dues": "15.00"}, "DUES-WAGE-1")
//	b, err := t.Bytes() // the first mistake of any Row, or the file
package vecfile
