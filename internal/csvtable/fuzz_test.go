package csvtable

import (
	"errors"
	"fmt"
	"strconv"
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

// rowsOf reads a table with lim: each row's line and cells, the header's
// error and the error that ended the rows.
func rowsOf(in string, lim dangjian.Limits) (rows []string, openErr, err error) {
	r, openErr := OpenWith(strings.NewReader(in), &testSpec, lim)
	if r == nil {
		return nil, openErr, nil
	}
	for r.Next() {
		rows = append(rows, strings.Join(append([]string{strconv.Itoa(r.Line())}, r.rec...), "|"))
	}
	return rows, openErr, r.Err()
}

// FuzzOpenWith reads any text within small limits: what it reads is what
// an unbounded reading reads, up to where a limit stops it with a problem
// of kind ErrLimit, and limits the text stays within never stop it.
func FuzzOpenWith(f *testing.F) {
	f.Add("id,name,kind\na,b,c\nd,e,f\n", int64(20), int64(1), 8)
	f.Add("id,name,kind\n1,\"a\nb\",k\n2,b,c\n", int64(-1), int64(-1), 9)
	f.Add("\uFEFFid,name,kind\n1,2,3\n", int64(3), int64(0), 0)
	f.Fuzz(func(t *testing.T, in string, maxBytes, maxRows int64, maxRec int) {
		lim := dangjian.Limits{MaxBytes: maxBytes % 4096, MaxRecords: maxRows % 64, MaxRecordBytes: maxRec % 4096}
		all, allOpen, allErr := rowsOf(in, dangjian.Limits{MaxBytes: -1, MaxRecords: -1, MaxRecordBytes: -1})
		got, gotOpen, gotErr := rowsOf(in, lim)
		if len(got) > len(all) || strings.Join(got, "\n") != strings.Join(all[:len(got)], "\n") {
			t.Fatalf("rows %q, unbounded %q", got, all)
		}
		if n := lim.Records(); n >= 0 && int64(len(got)) > n {
			t.Fatalf("%d rows over the limit %d", len(got), n)
		}
		limited := errors.Is(gotOpen, dangjian.ErrLimit) || errors.Is(gotErr, dangjian.ErrLimit)
		for _, err := range []error{gotOpen, gotErr} {
			for _, p := range dangjian.ProblemsOf(err) {
				if errors.Is(p, dangjian.ErrLimit) && (p.Line < 1 || !strings.Contains(p.Detail, "raise it with Max")) {
					t.Fatalf("limit problem %#v", p)
				}
			}
		}
		if !limited {
			if len(got) != len(all) || fmt.Sprint(gotOpen) != fmt.Sprint(allOpen) || fmt.Sprint(gotErr) != fmt.Sprint(allErr) {
				t.Fatalf("no limit met, yet %q %v %v, unbounded %q %v %v", got, gotOpen, gotErr, all, allOpen, allErr)
			}
			return
		}
		if (lim.Bytes() < 0 || lim.Bytes() >= int64(len(in))) && (lim.RecordBytes() < 0 || lim.RecordBytes() >= len(in)) &&
			(lim.Records() < 0 || lim.Records() >= int64(len(all))) {
			t.Fatalf("a limit met by a text within every limit: %v %v", gotOpen, gotErr)
		}
	})
}
