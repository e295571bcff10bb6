// Command gen writes the rules catalogue, RULES.md and rules.json, into the
// module root:
//
//	go run ./internal/catalogue/cmd/gen          # from the module root
//	go generate ./internal/catalogue             # the same, from anywhere in the module
//
// -dir names the module root when gen runs elsewhere. gen refuses a
// directory whose go.mod is not this module's. It exits 1 when a rule
// table cannot be catalogued (the message says which) and 2 on a usage
// error.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dangjian-go/dangjian/internal/catalogue"
)

const module = "module github.com/dangjian-go/dangjian\n"

func main() {
	dir := flag.String("dir", ".", "the module root, where RULES.md and rules.json are written")
	flag.Parse()
	if flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: gen [-dir module-root]")
		os.Exit(2)
	}
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	mod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return fmt.Errorf("%s is not the module root: %w", dir, err)
	}
	if !bytes.HasPrefix(mod, []byte(module)) {
		return fmt.Errorf("%s/go.mod is not the go.mod of github.com/dangjian-go/dangjian", dir)
	}
	md, js, err := catalogue.Generate()
	if err != nil {
		return err
	}
	for name, data := range map[string][]byte{catalogue.MarkdownFile: md, catalogue.JSONFile: js} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
