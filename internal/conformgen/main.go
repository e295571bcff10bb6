package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/dangjian-go/dangjian/conformance"
	"github.com/dangjian-go/dangjian/internal/conformgen/assessvec"
	"github.com/dangjian-go/dangjian/internal/conformgen/money"
	"github.com/dangjian-go/dangjian/internal/conformgen/orgvec"
	"github.com/dangjian-go/dangjian/internal/conformgen/vecfile"
)

// family is one family package of the set.
type family struct {
	name  string
	files func(ruleset string) (map[string][]byte, error)
}

// families are the families the command writes, in order. A family is
// added with one line.
var families = []family{
	{"money", money.Files},
	{"orgvec", orgvec.Files},
	{"assessvec", assessvec.Files},
}

const module = "module github.com/dangjian-go/dangjian\n"

func main() {
	dir := flag.String("dir", ".", "the module root; files are written under its conformance/")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: conformgen [-dir module-root]")
		os.Exit(2)
	}
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "conformgen:", err)
		os.Exit(1)
	}
}

// generate returns every file of the set, the manifest included, keyed by
// path relative to conformance/.
func generate(ruleset string) (map[string][]byte, error) {
	all := map[string][]byte{}
	for _, f := range families {
		files, err := f.files(ruleset)
		if err != nil {
			return nil, fmt.Errorf("family %s: %w", f.name, err)
		}
		for p, b := range files {
			if p == vecfile.ManifestFile || filepath.IsAbs(p) || p != filepath.ToSlash(filepath.Clean(p)) || len(p) > 2 && p[:3] == "../" {
				return nil, fmt.Errorf("family %s: bad path %q", f.name, p)
			}
			if _, dup := all[p]; dup {
				return nil, fmt.Errorf("family %s: %s is written by another family too", f.name, p)
			}
			all[p] = b
		}
	}
	m, err := vecfile.Manifest(ruleset, all)
	if err != nil {
		return nil, err
	}
	all[vecfile.ManifestFile] = m
	return all, nil
}

func run(dir string) error {
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return fmt.Errorf("%s is not the module root: %w", dir, err)
	}
	if !bytes.HasPrefix(mod, []byte(module)) {
		return fmt.Errorf("%s/go.mod is not the go.mod of github.com/dangjian-go/dangjian", dir)
	}
	files, err := generate(conformance.RuleSet())
	if err != nil {
		return err
	}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		full := filepath.Join(dir, "conformance", filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return err
		}
	}
	return nil
}
