package funding_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/dangjian-go/dangjian"

// libImports returns the imports of the library (non-test) files of the
// package in dir, a path relative to the module root.
func libImports(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
	require.NoError(t, err)
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		require.NoError(t, err)
		for _, im := range af.Imports {
			p, _ := strconv.Unquote(im.Path.Value)
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// importsOrgmodel reports whether the package in dir imports orgmodel,
// directly or through another package of the module, and by which chain.
func importsOrgmodel(t *testing.T, dir string, seen map[string]bool) (string, bool) {
	t.Helper()
	if seen[dir] {
		return "", false
	}
	seen[dir] = true
	for _, p := range libImports(t, dir) {
		rel, ok := strings.CutPrefix(p, module+"/")
		if !ok {
			continue
		}
		if rel == "orgmodel" || strings.HasPrefix(rel, "orgmodel/") {
			return dir + " → " + rel, true
		}
		if chain, ok := importsOrgmodel(t, rel, seen); ok {
			return dir + " → " + chain, true
		}
	}
	return "", false
}

// The funding core and its sub-domains (dues, tax, remittance, enterprise
// funds, standards, floors, ladders) do not import orgmodel, directly or
// through another package: only funding/budget, the budget over an
// organization tree, does.
func TestOnlyBudgetImportsOrgmodel(t *testing.T) {
	var dirs []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			dir := filepath.ToSlash(filepath.Join("funding", filepath.Dir(path)))
			if !slices.Contains(dirs, dir) {
				dirs = append(dirs, dir)
			}
		}
		return nil
	})
	require.NoError(t, err)
	for _, want := range []string{"funding", "funding/dues", "funding/tax", "funding/remit", "funding/enterprise", "funding/standard", "funding/budget"} {
		require.Contains(t, dirs, want)
	}
	for _, dir := range dirs {
		chain, ok := importsOrgmodel(t, dir, map[string]bool{})
		if dir == "funding/budget" {
			assert.True(t, ok, "funding/budget builds over an orgmodel tree; the check above would see its import")
			continue
		}
		assert.False(t, ok, "%s imports orgmodel: %s", dir, chain)
	}
}
