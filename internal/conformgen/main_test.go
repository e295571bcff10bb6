package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
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
