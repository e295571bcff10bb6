package main

import (
	"bytes"
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/internal/catalogue"
)

// root is the conformance/ directory, from this package's directory.
const root = "../../conformance"

// TestFilesAreCurrent regenerates every family in memory and compares it
// byte for byte with the files on disk; it also names vector files on
// disk that no family writes.
func TestFilesAreCurrent(t *testing.T) {
	files, err := generate(conformance.RuleSet())
	require.NoError(t, err)
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		disk, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p)))
		if err != nil || string(disk) != string(files[p]) {
			t.Errorf("conformance/%s is out of date: run go run ./internal/conformgen", p)
		}
	}
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if ext := filepath.Ext(rel); (ext == ".csv" || ext == ".json") && files[rel] == nil && !strings.HasPrefix(rel, "testdata/") {
			t.Errorf("conformance/%s is written by no family of internal/conformgen: delete it or add its family to families", rel)
		}
		return nil
	})
	require.NoError(t, err)
}

func TestGenerateIsStable(t *testing.T) {
	a, err := generate("x")
	require.NoError(t, err)
	b, err := generate("x")
	require.NoError(t, err)
	require.Equal(t, a, b)
}

// TestRulesAreCatalogued: every rule ID a vector names is an entry of the
// rules catalogue (RULES.md, rules.json).
func TestRulesAreCatalogued(t *testing.T) {
	cat, err := catalogue.Build()
	require.NoError(t, err)
	known := map[string]bool{}
	for _, e := range cat.Rules {
		known[e.ID] = true
	}
	files, err := generate(conformance.RuleSet())
	require.NoError(t, err)
	for p, b := range files {
		if filepath.Ext(p) != ".csv" {
			continue
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		require.NoError(t, err, p)
		col := slices.Index(recs[0], "rules")
		if col < 0 {
			continue // a roster or payroll file
		}
		for _, rec := range recs[1:] {
			for _, id := range strings.Split(rec[col], ";") {
				if !known[id] {
					t.Errorf("conformance/%s: case %s names rule %q, which the catalogue does not have", p, rec[0], id)
				}
			}
		}
	}
}
