// Package vecfile writes the vector files of the conformance set
// (conformance/README.md states their conventions): CSV tables with a
// header row, RFC 4180 quoting, "\n" line ends, UTF-8 without BOM, a
// "case" column unique in the file and "rules" and "ruleset" columns; JSON
// files as an object {"ruleset", "generator", "vectors"}; and the
// MANIFEST.json of the whole set. Every family of the generator
// (go run ./internal/conformgen) writes through it, so the conventions are
// kept in one place. Its zero values are not used; a Table is not safe for
// concurrent use.
package vecfile

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// Generator is the command that writes the conformance set, as the JSON
// files and the manifest name it.
const Generator = "go run ./internal/conformgen"

// ManifestFile is the path of the manifest, relative to conformance/.
const ManifestFile = "MANIFEST.json"

// Required columns of every CSV vector file.
const (
	CaseColumn    = "case"
	RulesColumn   = "rules"
	RuleSetColumn = "ruleset"
)

// Table is one CSV vector file being built: its columns, then its rows.
type Table struct {
	cols    []string
	ruleset string
	rows    [][]string
	cases   map[string]bool
	err     error
}

// NewTable starts a file with the given columns, which must include
// "case", "rules" and "ruleset" once each; ruleset is the value of the
// ruleset column of every row.
func NewTable(ruleset string, cols ...string) *Table {
	t := &Table{cols: cols, ruleset: ruleset, cases: map[string]bool{}}
	seen := map[string]bool{}
	for _, c := range cols {
		if seen[c] {
			t.fail("column %q twice", c)
		}
		seen[c] = true
	}
	for _, c := range []string{CaseColumn, RulesColumn, RuleSetColumn} {
		if !seen[c] {
			t.fail("no column %q", c)
		}
	}
	if ruleset == "" {
		t.fail("empty ruleset")
	}
	return t
}

func (t *Table) fail(format string, args ...any) {
	if t.err == nil {
		t.err = fmt.Errorf("vecfile: "+format, args...)
	}
}

// Row adds one vector: a value for every column by name. The ruleset
// column is filled in; rules is a list of rule IDs, written sorted and
// joined with ";". A missing or unknown column, a duplicate case name, an
// empty rules list, or a cell that a spreadsheet would take for a formula
// (starting with =, +, - or @) makes [Table.Bytes] fail.
func (t *Table) Row(cells map[string]string, rules ...string) {
	if len(rules) == 0 {
		t.fail("case %q names no rule", cells[CaseColumn])
	}
	rs := append([]string(nil), rules...)
	sort.Strings(rs)
	row := make([]string, len(t.cols))
	used := 0
	for i, c := range t.cols {
		switch c {
		case RuleSetColumn:
			row[i] = t.ruleset
			continue
		case RulesColumn:
			row[i] = strings.Join(dedup(rs), ";")
			continue
		}
		v, ok := cells[c]
		if !ok {
			t.fail("case %q has no value for column %q", cells[CaseColumn], c)
		}
		used++
		row[i] = v
	}
	if used != len(cells) {
		t.fail("case %q has a value for a column the file does not have", cells[CaseColumn])
	}
	name := cells[CaseColumn]
	if name == "" {
		t.fail("a row without a case name")
	}
	if t.cases[name] {
		t.fail("case %q twice", name)
	}
	t.cases[name] = true
	t.rows = append(t.rows, row)
}

func dedup(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// Len returns the number of rows added.
func (t *Table) Len() int { return len(t.rows) }

// Bytes renders the file, or returns the first error of the table.
func (t *Table) Bytes() ([]byte, error) {
	if t.err != nil {
		return nil, t.err
	}
	var b []byte
	for _, rec := range append([][]string{t.cols}, t.rows...) {
		for i, f := range rec {
			if err := checkCell(f); err != nil {
				return nil, err
			}
			if i > 0 {
				b = append(b, ',')
			}
			b = csvtable.AppendField(b, f)
		}
		b = append(b, '\n')
	}
	return b, nil
}

func checkCell(f string) error {
	if !utf8.ValidString(f) {
		return fmt.Errorf("vecfile: cell %q is not UTF-8", f)
	}
	if strings.HasPrefix(f, "\uFEFF") {
		return fmt.Errorf("vecfile: cell %q starts with a BOM", f)
	}
	if f != "" && strings.ContainsRune("=+-@", rune(f[0])) {
		return fmt.Errorf("vecfile: cell %q would read as a spreadsheet formula", f)
	}
	if strings.ContainsRune(f, '\r') {
		return fmt.Errorf("vecfile: cell %q holds CR", f)
	}
	return nil
}

// JSON renders a JSON vector file: {"ruleset", "generator", "vectors"},
// indented by two spaces, HTML characters not escaped, ending with a new
// line. Each vector must carry its own "case" and "rules"; [JSON] does not
// look inside them.
func JSON(ruleset string, vectors any) ([]byte, error) {
	return encode(struct {
		RuleSet   string `json:"ruleset"`
		Generator string `json:"generator"`
		Vectors   any    `json:"vectors"`
	}{ruleset, Generator, vectors})
}

func encode(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ManifestEntry is one file of the manifest.
type ManifestEntry struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Bytes  int    `json:"bytes"`
}

// Manifest renders MANIFEST.json for the files (paths relative to
// conformance/, in byte order of the path): the rule-set version, the
// generating command and each file's SHA-256 and size.
func Manifest(ruleset string, files map[string][]byte) ([]byte, error) {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	es := make([]ManifestEntry, 0, len(paths))
	for _, p := range paths {
		sum := sha256.Sum256(files[p])
		es = append(es, ManifestEntry{Path: p, SHA256: hex.EncodeToString(sum[:]), Bytes: len(files[p])})
	}
	return encode(struct {
		RuleSet   string          `json:"ruleset"`
		Generator string          `json:"generator"`
		Files     []ManifestEntry `json:"files"`
	}{ruleset, Generator, es})
}
