package csvtable

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
)

// FuzzReader reads any text as a table of testSpec: it never panics or
// hangs, every problem has a kind, a line and a field position within its
// row, a row's id is trimmed UTF-8, and a cell that is not UTF-8 is an
// encoding problem of its column.
func FuzzReader(f *testing.F) {
	for _, s := range []string{
		"id,name,kind\na,b,c\n",
		"\uFEFF编号,名称,种类,备注,x:a\r\n1,\"a\nb\",k,,3\n,,,,\n2,b\n",
		"id,id,,colour,\xb1\xe0\n",
		"id,na\"me\n",
		"id,name,kind\na,\"b,c\n",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r, err := Open(strings.NewReader(in), &testSpec)
		check := func(err error) {
			for _, p := range dangjian.ProblemsOf(err) {
				if p.Kind == nil || p.Line < 1 || p.Column < 0 {
					t.Fatalf("problem without a kind or a position: %#v", p)
				}
				if !errors.Is(p, dangjian.ErrHeader) && !errors.Is(p, dangjian.ErrSyntax) {
					t.Fatalf("kind %v from Open or Err", p.Kind)
				}
			}
		}
		check(err)
		if r == nil {
			if err == nil {
				t.Fatal("no reader and no error")
			}
			return
		}
		if err != nil {
			if !errors.Is(err, dangjian.ErrHeader) {
				t.Fatalf("a reader with a non-header error: %v", err)
			}
			return
		}
		prev := r.Header().Line
		for r.Next() {
			if r.Line() <= prev {
				t.Fatalf("row on line %d after line %d", r.Line(), prev)
			}
			prev = r.Line()
			if id := r.ID(); id != strings.TrimSpace(id) || !utf8.ValidString(id) {
				t.Fatalf("id %q", id)
			}
			if p := r.WidthProblem(); p != nil {
				if p.Column != 0 || p.Line != r.Line() {
					t.Fatalf("width problem %#v", p)
				}
				continue
			}
			bad := r.EncodingProblems()
			for _, p := range bad {
				if !errors.Is(p, dangjian.ErrEncoding) || p.Column < 1 || p.Path == "" || utf8.ValidString(r.At(p.Column-1)) {
					t.Fatalf("encoding problem %#v", p)
				}
			}
			for i := 0; i < r.Header().Width; i++ {
				if len(bad) == 0 && !utf8.ValidString(r.At(i)) {
					t.Fatalf("cell %d %q is not UTF-8, and no problem says so", i, r.At(i))
				}
			}
			for c := range testSpec.Columns {
				p := r.Problem(c, r.Cell(c), dangjian.ErrInvalid, "")
				if r.Header().Has(c) != (p.Column > 0) || p.Column > r.Header().Width || p.Line < r.Line() {
					t.Fatalf("problem of column %d: %#v", c, p)
				}
			}
		}
		check(r.Err())
	})
}

// FuzzGuard: what Guard writes, Unguard reads back, and Guard's output
// never starts with a formula's first character.
func FuzzGuard(f *testing.F) {
	for _, s := range []string{"", "=1", "'=1", "''-", "a", "'", "\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g := Guard(s)
		if Unguard(g) != s {
			t.Fatalf("Unguard(Guard(%q)) = %q", s, Unguard(g))
		}
		if g != "" && formulaStart(g[0]) {
			t.Fatalf("Guard(%q) = %q starts a formula", s, g)
		}
	})
}
