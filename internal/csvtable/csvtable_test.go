package csvtable

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	cID = iota
	cName
	cKind
	cNote
)

// testSpec has a required id, name and kind, an optional note, and any
// column named "x:…" as a column of the caller's own, keyed in any case.
var testSpec = Spec{
	Columns: []Column{
		{Name: "id", Chinese: "编号", Required: true},
		{Name: "name", Chinese: "名称", Required: true},
		{Name: "kind", Chinese: "类别", Aliases: []string{"种类"}, Required: true},
		{Name: "note", Chinese: "备注"},
	},
	ID: "id",
	Extra: func(name string) (string, bool) {
		if strings.HasPrefix(strings.ToLower(name), "x:") {
			return strings.ToLower(name), true
		}
		return "", false
	},
}

// where is a problem's position and names, as a test compares them.
type where struct {
	Line, Column int
	Path, ID     string
	Value        string
	Kind         *dangjian.Kind
	Detail       string
}

func whereOf(ps dangjian.Problems) []where {
	var out []where
	for _, p := range ps {
		out = append(out, where{p.Line, p.Column, p.Path, p.ID, p.Value, p.Kind, p.Detail})
	}
	return out
}

func TestMatch(t *testing.T) {
	hdr := dangjian.ErrHeader
	tests := []struct {
		name   string
		in     string
		fields []int // of id, name, kind, note
		extras []Extra
		want   []where
	}{
		{"English", "id,name,kind\n", []int{0, 1, 2, -1}, nil, nil},
		{"any case and any order", "KIND, Name ,Id,NOTE\n", []int{2, 1, 0, 3}, nil, nil},
		{"Chinese and aliases", "编号,名称,种类,备注\n", []int{0, 1, 2, 3}, nil, nil},
		{"byte order mark and CRLF", "\uFEFFid,name,kind\r\n", []int{0, 1, 2, -1}, nil, nil},
		{"header after blank lines", "\n\nid,name,类别\n", []int{0, 1, 2, -1}, nil, nil},
		{"extra columns", "id,x:a,name,kind,X:b\n", []int{0, 2, 3, -1},
			[]Extra{{1, "x:a", "x:a"}, {4, "X:b", "x:b"}}, nil},
		{"every problem", "id,colour,,名称,NAME,x:a,X:A,\xb1\xe0\n", nil, nil, []where{
			{1, 2, "colour", "", "colour", hdr, DetailUnknownColumn},
			{1, 3, "", "", "", hdr, DetailEmptyName},
			{1, 5, "NAME", "", "NAME", hdr, `column "NAME" repeats column "名称"`},
			{1, 7, "X:A", "", "X:A", hdr, `column "X:A" repeats column "x:a"`},
			{1, 8, "", "", "\xb1\xe0", hdr, DetailHeaderNotUTF8},
			{1, 0, "kind", "", "", hdr, DetailMissingColumn},
		}},
		{"no header row", "", nil, nil, []where{{1, 0, "", "", "", hdr, DetailNoHeader}}},
		{"byte order mark only", "\uFEFF", nil, nil, []where{{1, 0, "", "", "", hdr, DetailNoHeader}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(strings.NewReader(tt.in), &testSpec)
			if tt.want != nil {
				require.Error(t, err)
				assert.ErrorIs(t, err, dangjian.ErrHeader)
				assert.Equal(t, tt.want, whereOf(dangjian.ProblemsOf(err)))
				return
			}
			require.NoError(t, err)
			h := r.Header()
			for c, f := range tt.fields {
				assert.Equal(t, f, h.Field(c), "column %d", c)
				assert.Equal(t, f >= 0, h.Has(c))
				if f >= 0 {
					assert.Equal(t, strings.TrimSpace(strings.Split(strings.TrimSpace(strings.TrimPrefix(tt.in, "\uFEFF")), ",")[f]), h.Name(c))
				} else {
					assert.Empty(t, h.Name(c))
				}
			}
			assert.Equal(t, tt.extras, h.Extras())
			assert.False(t, r.Next(), "no rows")
			assert.NoError(t, r.Err())
		})
	}
}

func TestMatchEncoding(t *testing.T) {
	_, err := Open(strings.NewReader("\xb1\xe0,name,kind\n"), &testSpec)
	assert.ErrorIs(t, err, dangjian.ErrEncoding)
	assert.ErrorIs(t, err, dangjian.ErrHeader)
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 2, "the bad name, and id is missing")
	assert.Equal(t, "id", ps[1].Path)
}

func TestExactCase(t *testing.T) {
	s := Spec{Columns: []Column{{Name: "id", Required: true}}, ExactCase: true}
	_, err := Open(strings.NewReader("ID\n"), &s)
	assert.Equal(t, []where{
		{1, 1, "ID", "", "ID", dangjian.ErrHeader, DetailUnknownColumn},
		{1, 0, "id", "", "", dangjian.ErrHeader, DetailMissingColumn},
	}, whereOf(dangjian.ProblemsOf(err)))
}

func TestRows(t *testing.T) {
	const in = "id,name,kind,note\n" +
		"a1, Ann ,k,\n" +
		"a2,\"Bob\nBrown\",k,\" x\"\n" +
		" , , , \n" +
		"a3,Cy\n" +
		"\xb1\xe0,D,k,bad\n"
	r, err := Open(strings.NewReader(in), &testSpec)
	require.NoError(t, err)
	type row struct {
		Line       int
		ID, Name   string
		Note       string
		Blank      bool
		Width      *where
		NoteLine   int
		NoteColumn int
	}
	var got []row
	for r.Next() {
		w := row{Line: r.Line(), ID: r.ID(), Name: r.Cell(cName), Note: r.Cell(cNote), Blank: r.Blank(),
			NoteLine: r.FieldLine(r.Header().Field(cNote))}
		if p := r.WidthProblem(); p != nil {
			w.Width = &whereOf(dangjian.Problems{p})[0]
		} else {
			w.NoteColumn = r.Problem(cNote, w.Note, dangjian.ErrInvalid, "").Column
		}
		got = append(got, w)
	}
	require.NoError(t, r.Err())
	assert.Equal(t, []row{
		{Line: 2, ID: "a1", Name: "Ann", NoteLine: 2, NoteColumn: 4},
		{Line: 3, ID: "a2", Name: "Bob\nBrown", Note: "x", NoteLine: 4, NoteColumn: 4},
		{Line: 5, Blank: true, NoteLine: 5, NoteColumn: 4},
		{Line: 6, ID: "a3", Name: "Cy", NoteLine: 6,
			Width: &where{6, 0, "", "a3", "", dangjian.ErrInvalid, "2 fields, the header has 4"}},
		{Line: 7, Name: "D", Note: "bad", NoteLine: 7, NoteColumn: 4},
	}, got)
}

func TestProblems(t *testing.T) {
	r, err := Open(strings.NewReader("名称,id,kind,x:n\nAnn,\"a\n1\",k,7\n"), &testSpec)
	require.NoError(t, err)
	require.True(t, r.Next())
	x := r.Header().Extras()[0]
	assert.Equal(t, []where{
		{2, 1, "名称", "a\n1", "Ann", dangjian.ErrInvalid, "d"},
		{3, 4, "x:n", "a\n1", "7", dangjian.ErrNegative, ""}, // after the two-line id
		{2, 0, "", "a\n1", "", dangjian.ErrMissing, "row"},
		{9, 2, "id", "a\n1", "a\n1", dangjian.ErrDuplicate, "again"},
		{1, 0, "note", "", "", dangjian.ErrHeader, "missing required column: a note needs it"},
	}, whereOf(dangjian.Problems{
		r.Problem(cName, "Ann", dangjian.ErrInvalid, "d"),
		r.FieldProblem(x.Field, x.Name, r.At(x.Field), dangjian.ErrNegative, ""),
		r.RowProblem(dangjian.ErrMissing, "row"),
		r.ProblemAt(9, r.Header().Field(cID), "id", r.ID(), dangjian.ErrDuplicate, "again"),
		r.Header().MissingColumn("note", "a note needs it"),
	}))
	// The id cell of the row starts on line 2 and ends on line 3.
	assert.Equal(t, 2, r.FieldLine(1))
	assert.Equal(t, "", r.Cell(cNote), "an absent column is empty")
	assert.Equal(t, "", r.At(-1))
	assert.Equal(t, "", r.At(9))
}

func TestNotCSV(t *testing.T) {
	for _, in := range []string{"id,na\"me,kind\n", "id,name,kind\na,\"b\"c,k\n", "id,name,kind\na,\"b,k\n"} {
		r, err := Open(strings.NewReader(in), &testSpec)
		if err == nil {
			for r.Next() {
			}
			err = r.Err()
			assert.False(t, r.Next(), "Next stays false after an error")
		}
		require.Error(t, err, in)
		var pe *csv.ParseError
		require.ErrorAs(t, err, &pe)
		assert.ErrorIs(t, err, dangjian.ErrSyntax)
		assert.NotErrorIs(t, err, dangjian.ErrHeader)
		ps := dangjian.ProblemsOf(err)
		require.Len(t, ps, 1)
		assert.Equal(t, pe.Line, ps[0].Line)
		assert.Zero(t, ps[0].Column, "a byte offset is no field position")
		assert.Contains(t, ps[0].Detail, "of the line)")
	}
}

func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Open(iotest.ErrReader(boom), &testSpec)
	assert.Same(t, boom, err, "an error of the reader is returned as it is")

	r, err := Open(iotest.TimeoutReader(strings.NewReader("id,name,kind\na,b,c\n")), &testSpec)
	require.NoError(t, err)
	for r.Next() {
	}
	assert.ErrorIs(t, r.Err(), iotest.ErrTimeout)
	assert.Equal(t, iotest.ErrTimeout, SyntaxProblem(iotest.ErrTimeout))
}

// TestStreams checks that a row's cells come from the reused record: the
// reader allocates per row, not per file.
func TestStreams(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,name,kind\n")
	for i := 0; i < 1000; i++ {
		b.WriteString("a,b,c\n")
	}
	in := b.String()
	allocs := testing.AllocsPerRun(5, func() {
		r, err := Open(strings.NewReader(in), &testSpec)
		if err != nil {
			t.Fatal(err)
		}
		for r.Next() {
			_ = r.Cell(cName)
		}
	})
	// The csv.Reader allocates one string per row; the rest is the setup.
	assert.Less(t, allocs, 1000.0+30)
}

// TestEncodingProblems: every cell that is not UTF-8, of a declared column
// or an extra one, is a problem of kind ErrEncoding naming its column; a
// row of UTF-8 has none.
func TestEncodingProblems(t *testing.T) {
	const in = "id,name,kind,x:a\n" +
		"a1,社区,k,机关\n" +
		"a2,\xc9\xe7\xc7\xf8,k,\" \xbb\xfa\xb9\xd8\"\n" + // 社区 and 机关 in GBK
		"\xff,b,k,c\n"
	r, err := Open(strings.NewReader(in), &testSpec)
	require.NoError(t, err)
	var got [][]where
	for r.Next() {
		got = append(got, whereOf(r.EncodingProblems()))
	}
	require.NoError(t, r.Err())
	enc := dangjian.ErrEncoding
	assert.Equal(t, [][]where{
		nil,
		{{3, 2, "name", "a2", "\xc9\xe7\xc7\xf8", enc, DetailNotUTF8}, {3, 4, "x:a", "a2", "\xbb\xfa\xb9\xd8", enc, DetailNotUTF8}},
		{{4, 1, "id", "", "\xff", enc, DetailNotUTF8}},
	}, got)
}
