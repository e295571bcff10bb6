package csvtable

import (
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameRow checks that the view, loaded with a copy of r's current row,
// reads it as r does: cells, lines, id and every problem.
func sameRow(t *testing.T, r *Reader, v *RowView, c *RowCopy) {
	t.Helper()
	r.Copy(c)
	v.Load(c)
	require.Equal(t, r.valid, c.valid, "known UTF-8 without a check of its cells")
	require.Equal(t, r.Line(), v.Line())
	require.Equal(t, r.ID(), v.ID())
	require.Equal(t, r.WidthProblem(), v.WidthProblem())
	require.Equal(t, r.EncodingProblems(), v.EncodingProblems())
	require.Equal(t, r.RowProblem(dangjian.ErrInvalid, "x"), v.RowProblem(dangjian.ErrInvalid, "x"))
	for col := range testSpec.Columns {
		require.Equal(t, r.Cell(col), v.Cell(col))
		require.Equal(t, r.Problem(col, "v", dangjian.ErrInvalid, "d"), v.Problem(col, "v", dangjian.ErrInvalid, "d"))
	}
	for i := -1; i <= len(r.rec); i++ {
		require.Equal(t, r.At(i), v.At(i), "field %d", i)
		require.Equal(t, r.FieldLine(i), v.FieldLine(i), "field %d", i)
		require.Equal(t, r.FieldProblem(i, "p", "v", dangjian.ErrMissing, ""), v.FieldProblem(i, "p", "v", dangjian.ErrMissing, ""))
	}
}

// readCopies reads in with a Reader, checking each row against a view of
// its copy, and returns the copies, which must stay as they were read.
func readCopies(t *testing.T, in string) {
	t.Helper()
	r, err := Open(strings.NewReader(in), &testSpec)
	if r == nil || err != nil {
		return
	}
	v := r.View()
	var kept []*RowCopy
	var cells [][]string
	for r.Next() {
		c := &RowCopy{}
		sameRow(t, r, v, c)
		kept = append(kept, c)
		cells = append(cells, append([]string(nil), r.rec...))
	}
	for i, c := range kept {
		require.Equal(t, cells[i], c.cells, "row %d kept after the reader moved on", i)
	}
}

func TestRowCopy(t *testing.T) {
	readCopies(t, "id,name,kind,note,x:a\n"+
		"a,b,c,d,1\n"+
		"  '=a , \" long\nname\",k,\"two\n\nlines\",2\n"+
		"short,row\n"+
		"g,\xb1\xe0,k,,\n"+
		"too,many,fields,here,x,y\n"+
		",,,,\n")
	// A copy reuses its memory.
	r, err := Open(strings.NewReader("id,name,kind\n1,\"a\nb\",c\n2,b,c\n"), &testSpec)
	require.NoError(t, err)
	var c RowCopy
	require.True(t, r.Next())
	r.Copy(&c)
	assert.Equal(t, []int{2, 2, 3}, c.lines)
	require.True(t, r.Next())
	r.Copy(&c)
	assert.Empty(t, c.lines, "a row on one line keeps no field lines")
	assert.Equal(t, []string{"2", "b", "c"}, c.cells)
}

// FuzzRowCopy checks that a view of a copied row reads as the reader does,
// whatever the text.
func FuzzRowCopy(f *testing.F) {
	for _, s := range []string{
		"id,name,kind\na,b,c\n",
		"\uFEFF编号,名称,种类,备注,x:a\r\n1,\"a\nb\",k,,3\n,,,,\n2,b\n",
		"id,name,kind\n\xb1,\"\n\",'+x\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) { readCopies(t, in) })
}

// TestTrimCell checks trimCell against unguardTrim with every character up
// to U+FFFF, and a few beyond, at either end of a cell, alone, beside
// ASCII, Chinese, a guard or a bad byte.
func TestTrimCell(t *testing.T) {
	others := []string{"", "a", "中", "'", "'=", "\xff", " ", "\u3000", "'-1", "x\u00a0"}
	check := func(s string) {
		if got, want := trimCell(s), unguardTrim(s); got != want {
			t.Fatalf("trimCell(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		c := string(r)
		for _, o := range others {
			check(c + o)
			check(o + c)
			check(o + c + o)
		}
	}
	for _, s := range []string{"\U0001F600", "\xe3\x80", "\xe2", "\xc2", "'=\u3000", "\u3000'=a", "=a", "'+", "''=1", "\t'=x\t"} {
		check(s)
		check(s + "a")
		check("a" + s)
	}
}
