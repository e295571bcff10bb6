package orgmodel

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/dangjian-go/dangjian/internal/golden"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readCSVFile(t *testing.T, path string) Records {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	recs, err := ReadCSV(f)
	require.NoError(t, err)
	return recs
}

func mustBuild(t *testing.T, recs Records) *Tree {
	t.Helper()
	tree, err := Build(recs)
	require.NoError(t, err)
	return tree
}

func TestCSVNamespace(t *testing.T) {
	// The namespace is part of the file format: changing it changes every
	// derived ID.
	space := uuid.MustParse("f6d08889-1085-4b13-bf88-28c3540e0dc6")
	require.Equal(t, space, csvSpace)
	for _, name := range []string{"", "1", "YJ.01.01", "党统-22010001", strings.Repeat("x", 300)} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, uuid.NewSHA1(space, []byte(name)), CSVID(name))
		})
	}
}

func TestReadCSVSmall(t *testing.T) {
	recs := readCSVFile(t, "testdata/csv/small.csv")
	require.Len(t, recs.Orgs, 8)
	tree := mustBuild(t, recs)

	derived := func(id string) uuid.UUID { return CSVID(id) }
	city := derived("YJ")
	require.Equal(t, []uuid.UUID{city}, tree.Roots())

	t.Run("derived ids keep their text as code", func(t *testing.T) {
		o, ok := tree.Org(derived("YJ.01.01"))
		require.True(t, ok)
		assert.Equal(t, "YJ.01.01", o.Code)
		assert.Equal(t, derived("YJ.01"), o.Parent)
		assert.Equal(t, Committee, o.Kind)
		assert.Equal(t, Community, o.Domain)
		assert.Equal(t, "某社区党委", o.Name)
		assert.Equal(t, Members{Full: 45, Probationary: 2}, o.Members)
		assert.Equal(t, Elected, o.Selection)
		assert.Equal(t, Term{Elected: dangjian.MustParseDate("2021-06-18"), Due: dangjian.MustParseDate("2026-06-17"), Number: 3}, o.Term)
	})
	t.Run("uuid ids are used as they are", func(t *testing.T) {
		o, ok := tree.Org(uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
		require.True(t, ok)
		assert.Equal(t, "D22010001", o.Code, "the code column gives the code")
		assert.Equal(t, city, o.Parent)
	})
	t.Run("quoted cells and optional columns", func(t *testing.T) {
		o, ok := tree.Org(derived("YJ.01.02"))
		require.True(t, ok)
		assert.Equal(t, "某街道非公企业联合党支部, 第一", o.Name)
		assert.Equal(t, 4, o.Units)
		assert.Equal(t, dangjian.MustParseDate("2022-03-15"), o.Term.Renewed)
		assert.Equal(t, 2, o.Term.Number)
	})
	t.Run("totals", func(t *testing.T) {
		all := tree.AggregateAll()
		assert.EqualValues(t, 8, all.Orgs)
		// The party group's 5 members are counted in its branch.
		assert.Equal(t, Members{Full: 195, Probationary: 10}, all.Members)
	})
}

// csvEnglish is the reference file the variants of TestReadCSVVariants
// must read as.
const csvEnglish = "id,parent_id,kind,domain,name,full_members,probationary_members,units,code,selection,elected,due,renewed,term_number\n" +
	"1,,committee,village,某村党委,30,1,,,elected,2021-08-15,,,2\n" +
	"1.1,1,branch,village,某村第一党支部,7,0,,,,,,,\n"

func TestReadCSVVariants(t *testing.T) {
	want, err := ReadCSV(strings.NewReader(csvEnglish))
	require.NoError(t, err)
	require.Len(t, want.Orgs, 2)
	assert.Equal(t, []int{2, 3}, []int{want.Orgs[0].Line, want.Orgs[1].Line})
	assert.Equal(t, []string{"1", "1.1"}, []string{want.Orgs[0].Key, want.Orgs[1].Key})

	tests := []struct {
		name string
		in   string
	}{
		{"chinese headers and labels",
			"编号,上级编号,组织类别,领域,名称,正式党员,预备党员,覆盖单位数,代码,产生方式,选举日期,届满日期,换届日期,届次\n" +
				"1,,党委,村,某村党委,30,1,,,选举,2021-08-15,,,2\n" +
				"1.1,1,党支部,村,某村第一党支部,7,0,,,,,,,\n"},
		{"alias 类别 and only the required columns plus two",
			"编号,上级编号,类别,领域,名称,正式党员,预备党员,产生方式,选举日期,届次\n" +
				"1,,基层党委,行政村,某村党委,30,1,选举产生,2021-08-15,2\n" +
				"1.1,1,支部,村,某村第一党支部,7,0,,,\n"},
		{"mixed column order, english names in any case",
			"Name,TERM_NUMBER,Parent_ID,ID,Kind,Domain,Full_Members,Probationary_Members,Elected,Selection\n" +
				"某村党委,2,,1,committee,village,30,1,2021-08-15,elected\n" +
				"某村第一党支部,,1,1.1,branch,village,7,0,,\n"},
		{"mixed languages in one header",
			"编号,parent_id,kind,领域,name,正式党员,probationary_members,selection,选举日期,届次\n" +
				"1,,党委,village,某村党委,30,1,选举,2021-08-15,2\n" +
				"1.1,1,branch,村,某村第一党支部,7,0,,,\n"},
		{"byte order mark and CRLF",
			"\uFEFF" + strings.ReplaceAll(csvEnglish, "\n", "\r\n")},
		{"spaces around cells and quoted cells",
			"  id , parent_id,kind ,domain,name,full_members,probationary_members,selection,elected,term_number\n" +
				" 1 ,  , committee , village , \"某村党委\", 30 ,1, elected , 2021-08-15 , 2 \n" +
				"\t1.1,1,branch,village,\"  某村第一党支部\t\",7,0,,,\n"},
		{"blank lines are skipped",
			"\n" + strings.Replace(csvEnglish, "\n", "\n\n", 1) + "\n"},
		{"no final newline",
			strings.TrimSuffix(csvEnglish, "\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadCSV(strings.NewReader(tt.in))
			require.NoError(t, err)
			if tt.name == "blank lines are skipped" {
				assert.Equal(t, []int{4, 5}, []int{got.Orgs[0].Line, got.Orgs[1].Line}, "the lines of the file")
				got = withoutLines(got)
				assert.Equal(t, withoutLines(want), got)
				return
			}
			assert.Equal(t, want, got)
		})
	}
}

func TestReadCSVIDs(t *testing.T) {
	id := uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
	head := "id,parent_id,kind,domain,name,full_members,probationary_members,code\n"
	tests := []struct {
		name       string
		row        string
		wantID     uuid.UUID
		wantParent uuid.UUID
		wantCode   string
	}{
		{"uuid", id.String() + ",,branch,,a,3,0,", id, uuid.Nil, ""},
		{"uuid in braces", "{" + id.String() + "},,branch,,a,3,0,", id, uuid.Nil, ""},
		{"uuid upper case", strings.ToUpper(id.String()) + ",,branch,,a,3,0,", id, uuid.Nil, ""},
		{"local code", "A-7,,branch,,a,3,0,", CSVID("A-7"), uuid.Nil, "A-7"},
		{"local code, code column wins", "A-7,,branch,,a,3,0,X9", CSVID("A-7"), uuid.Nil, "X9"},
		{"36 characters that are not a uuid", strings.Repeat("z", 36) + ",,branch,,a,3,0,",
			CSVID(strings.Repeat("z", 36)), uuid.Nil, strings.Repeat("z", 36)},
		{"parent code", "A-7,P,branch,,a,3,0,", CSVID("A-7"), CSVID("P"), "A-7"},
		{"parent uuid", "A-7," + id.String() + ",branch,,a,3,0,", CSVID("A-7"), id, "A-7"},
		{"nil parent is a root", "A-7,00000000-0000-0000-0000-000000000000,branch,,a,3,0,", CSVID("A-7"), uuid.Nil, "A-7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := ReadCSV(strings.NewReader(head + tt.row + "\n"))
			require.NoError(t, err)
			require.Len(t, recs.Orgs, 1)
			o := recs.Orgs[0]
			assert.Equal(t, tt.wantID, o.ID)
			assert.Equal(t, tt.wantParent, o.Parent)
			assert.Equal(t, tt.wantCode, o.Code)
		})
	}
}

func TestReadCSVDuplicateIDsAreBuildsJob(t *testing.T) {
	in := "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"1,,committee,,a,3,0\n1,,committee,,b,3,0\n"
	recs, err := ReadCSV(strings.NewReader(in))
	require.NoError(t, err, "ReadCSV does not check uniqueness")
	require.Len(t, recs.Orgs, 2)
	_, err = Build(recs)
	require.ErrorIs(t, err, ErrDuplicateID)
}

// rowWant is an expected RowError.
type rowWant struct {
	line   int
	column string
	value  string
	is     error
}

func TestReadCSVRowErrors(t *testing.T) {
	const head = "id,parent_id,kind,domain,name,full_members,probationary_members,units,selection,elected,due,term_number\n"
	const good = "9,,committee,,ok,3,0,,,,,\n"
	tests := []struct {
		name  string
		in    string
		want  []rowWant
		good  int    // organizations read
		error string // the exact message of the *CSVError
	}{
		{"missing id", head + good + " ,,branch,,a,3,0,,,,,\n",
			[]rowWant{{3, "id", "", ErrMissingID}}, 1,
			`line 3, column 1: id: missing ID`},
		{"nil uuid id", head + "00000000-0000-0000-0000-000000000000,,branch,,a,3,0,,,,,\n",
			[]rowWant{{2, "id", "00000000-0000-0000-0000-000000000000", ErrMissingID}}, 0,
			`line 2, column 1: id (id "00000000-0000-0000-0000-000000000000"): missing ID: the nil UUID ("00000000-0000-0000-0000-000000000000")`},
		{"unknown kind", head + "1,,党,,a,3,0,,,,,\n",
			[]rowWant{{2, "kind", "党", ErrInvalidValue}}, 0,
			`line 2, column 3: kind (id "1"): invalid value: unknown kind "党"`},
		{"empty kind", head + "1,,,,a,3,0,,,,,\n",
			[]rowWant{{2, "kind", "", ErrInvalidValue}}, 0,
			`line 2, column 3: kind (id "1"): missing value`},
		{"unknown domain", head + "1,,branch,farm,a,3,0,,,,,\n",
			[]rowWant{{2, "domain", "farm", ErrInvalidValue}}, 0,
			`line 2, column 4: domain (id "1"): invalid value: unknown domain "farm"`},
		{"unknown selection", head + "1,,branch,,a,3,0,,voted,,,\n",
			[]rowWant{{2, "selection", "voted", ErrInvalidValue}}, 0,
			`line 2, column 9: selection (id "1"): invalid value: unknown selection "voted"`},
		{"negative count", head + "1,,branch,,a,-3,0,,,,,\n",
			[]rowWant{{2, "full_members", "-3", ErrNegative}}, 0,
			`line 2, column 6: full_members (id "1"): must not be negative ("-3")`},
		{"negative count that overflows", head + "1,,branch,,a,3,-99999999999999999999,,,,,\n",
			[]rowWant{{2, "probationary_members", "-99999999999999999999", ErrNegative}}, 0, ""},
		{"plus sign", head + "1,,branch,,a,+3,0,,,,,\n",
			[]rowWant{{2, "full_members", "+3", ErrInvalidValue}}, 0,
			`line 2, column 6: full_members (id "1"): invalid value: not a base-10 integer ("+3")`},
		{"minus zero", head + "1,,branch,,a,-0,0,,,,,\n",
			[]rowWant{{2, "full_members", "-0", ErrInvalidValue}}, 0,
			`line 2, column 6: full_members (id "1"): invalid value: a count has no sign ("-0")`},
		{"lone minus", head + "1,,branch,,a,-,0,,,,,\n",
			[]rowWant{{2, "full_members", "-", ErrInvalidValue}}, 0, ""},
		{"space inside a count", head + "1,,branch,,a,1 2,0,,,,,\n",
			[]rowWant{{2, "full_members", "1 2", ErrInvalidValue}}, 0, ""},
		{"decimal count", head + "1,,branch,,a,3.0,0,,,,,\n",
			[]rowWant{{2, "full_members", "3.0", ErrInvalidValue}}, 0, ""},
		{"full-width digits", head + "1,,branch,,a,３,0,,,,,\n",
			[]rowWant{{2, "full_members", "３", ErrInvalidValue}}, 0, ""},
		{"overflow", head + "1,,branch,,a,9223372036854775808,0,,,,,\n",
			[]rowWant{{2, "full_members", "9223372036854775808", ErrInvalidValue}}, 0,
			`line 2, column 6: full_members (id "1"): out of range ("9223372036854775808")`},
		{"empty required count", head + "1,,branch,,a,3,,,,,,\n",
			[]rowWant{{2, "probationary_members", "", ErrInvalidValue}}, 0,
			`line 2, column 7: probationary_members (id "1"): missing value`},
		{"negative units and bad term number", head + "1,,branch,,a,3,0,-1,,,,x\n",
			[]rowWant{{2, "units", "-1", ErrNegative}, {2, "term_number", "x", ErrInvalidValue}}, 0,
			`line 2, column 8: units (id "1"): must not be negative ("-1") (and 1 more problems)`},
		{"not a calendar date", head + "1,,branch,,a,3,0,,,2023-02-29,,\n",
			[]rowWant{{2, "elected", "2023-02-29", ErrInvalidValue}}, 0,
			`line 2, column 10: elected (id "1"): invalid value: not a calendar date ("2023-02-29")`},
		{"date in another format", head + "1,,branch,,a,3,0,,,,2023/01/01,\n",
			[]rowWant{{2, "due", "2023/01/01", ErrInvalidValue}}, 0,
			`line 2, column 11: due (id "1"): invalid value: want a YYYY-MM-DD date ("2023/01/01")`},
		{"too few fields", head + good + "1,,branch\n",
			[]rowWant{{3, "", "", ErrInvalidValue}}, 1,
			`line 3 (id "1"): invalid value: 3 fields, the header has 12`},
		{"too many fields", head + "1,,branch,,a,3,0,,,,,,\n" + good,
			[]rowWant{{2, "", "", ErrInvalidValue}}, 1, ""},
		{"every bad cell of every bad row, in file order", head + good +
			"x,,nope,,a,-1,0,,,,,\n" + good + "y,,branch,,a,3,0,,,,2020-13-01,\n",
			[]rowWant{{3, "kind", "nope", ErrInvalidValue}, {3, "full_members", "-1", ErrNegative}, {5, "due", "2020-13-01", ErrInvalidValue}}, 2,
			`line 3, column 3: kind (id "x"): invalid value: unknown kind "nope" (and 2 more problems)`},
		{"a quoted cell over three lines moves the line numbers", head +
			"1,,branch,,\"first\nsecond\nthird\",3,0,,,,,\n2,,branch,,b,x,0,,,,,\n",
			[]rowWant{{5, "full_members", "x", ErrInvalidValue}}, 1, ""},
		{"the line of the cell, not of the row", head +
			"1,,branch,,\"two\nlines\",,0,,,,,\n",
			[]rowWant{{3, "full_members", "", ErrInvalidValue}}, 0, ""},
		{"GBK text in a name", head + "1,,branch,,\xb4\xe5,3,0,,,,,\n",
			[]rowWant{{2, "name", "\xb4\xe5", dangjian.ErrEncoding}}, 0,
			`line 2, column 5: name (id "1"): not valid UTF-8: save the file as UTF-8, not GBK ("\xb4\xe5")`},
		{"GBK text in a parent id", head + "1,\xb4\xe5,branch,,a,3,0,,,,,\n",
			[]rowWant{{2, "parent_id", "\xb4\xe5", dangjian.ErrEncoding}}, 0, ""},
		{"GBK text in an id", head + "\xb4\xe5,,branch,,a,3,0,,,,,\n",
			[]rowWant{{2, "id", "\xb4\xe5", dangjian.ErrEncoding}}, 0, ""},
		{"chinese header names the column as written",
			"编号,上级编号,类别,领域,名称,正式党员,预备党员\n1,,党支部,,a,-2,0\n",
			[]rowWant{{2, "正式党员", "-2", ErrNegative}}, 0,
			`line 2, column 6: 正式党员 (id "1"): must not be negative ("-2")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := ReadCSV(strings.NewReader(tt.in))
			require.Error(t, err)
			var ps dangjian.Problems
			require.ErrorAs(t, err, &ps)
			require.Len(t, ps, len(tt.want), "rows: %v", err)
			for i, w := range tt.want {
				r := ps[i]
				assert.Equal(t, w.line, r.Line, "line of problem %d", i)
				assert.Equal(t, w.column, r.Path, "column of problem %d", i)
				assert.Equal(t, w.value, r.Value, "value of problem %d", i)
				assert.ErrorIs(t, r, w.is)
				assert.ErrorIs(t, err, w.is, "Problems unwraps to the problems")
			}
			assert.Len(t, recs.Orgs, tt.good, "the good rows are kept")
			if tt.error != "" {
				assert.Equal(t, tt.error, err.Error())
			}
		})
	}
}

func TestReadCSVHeaderErrors(t *testing.T) {
	const row = "1,,branch,,a,3,0\n"
	tests := []struct {
		name  string
		in    string
		want  []rowWant
		error string
	}{
		{"unknown column",
			"id,parent_id,kind,domain,name,full_members,probationary_members,colour\n" + "1,,branch,,a,3,0,red\n",
			[]rowWant{{1, "colour", "", ErrCSVHeader}},
			`line 1, column 8: colour: invalid header: unknown column ("colour")`},
		{"missing required column",
			"id,parent_id,kind,domain,name,full_members\n" + "1,,branch,,a,3\n",
			[]rowWant{{1, "probationary_members", "", ErrCSVHeader}},
			`line 1: probationary_members: invalid header: missing required column`},
		{"several problems",
			"id,kind,domain,name,full_members,probationary_members,颜色\n" + row,
			[]rowWant{{1, "颜色", "", ErrCSVHeader}, {1, "parent_id", "", ErrCSVHeader}},
			`line 1, column 7: 颜色: invalid header: unknown column ("颜色") (and 1 more problems)`},
		{"column named twice in two languages",
			"id,parent_id,kind,domain,name,full_members,probationary_members,编号\n" + "1,,branch,,a,3,0,1\n",
			[]rowWant{{1, "编号", "", ErrCSVHeader}},
			`line 1, column 8: 编号: invalid header: column "编号" repeats column "id"`},
		{"kind and its alias",
			"id,parent_id,kind,domain,name,full_members,probationary_members,类别\n" + "1,,branch,,a,3,0,branch\n",
			[]rowWant{{1, "类别", "", ErrCSVHeader}}, ""},
		{"empty column name",
			"id,parent_id,kind,domain,name,full_members,probationary_members,\n" + "1,,branch,,a,3,0,\n",
			[]rowWant{{1, "", "", ErrCSVHeader}},
			`line 1, column 8: invalid header: empty column name`},
		{"header after blank lines",
			"\n\nid,kind\n",
			[]rowWant{{3, "parent_id", "", ErrCSVHeader}, {3, "domain", "", ErrCSVHeader}, {3, "name", "", ErrCSVHeader},
				{3, "full_members", "", ErrCSVHeader}, {3, "probationary_members", "", ErrCSVHeader}}, ""},
		{"GBK header", "\xb1\xe0\xba\xc5,parent_id,kind,domain,name,full_members,probationary_members\n" + row,
			[]rowWant{{1, "", "", dangjian.ErrEncoding}, {1, "id", "", ErrCSVHeader}},
			`line 1, column 1: invalid header: column name is not UTF-8: save the file as UTF-8, not GBK ("\xb1\xe0\xba\xc5") (and 1 more problems)`},
		{"empty file", "",
			[]rowWant{{1, "", "", ErrCSVHeader}},
			`line 1: invalid header: no header row`},
		{"byte order mark only", "\uFEFF",
			[]rowWant{{1, "", "", ErrCSVHeader}}, ""},
		{"not a table", "PK\x03\x04\x14\x00\x06\x00binary",
			[]rowWant{{1, "PK\x03\x04\x14\x00\x06\x00binary", "", ErrCSVHeader},
				{1, "id", "", ErrCSVHeader}, {1, "parent_id", "", ErrCSVHeader}, {1, "kind", "", ErrCSVHeader},
				{1, "domain", "", ErrCSVHeader}, {1, "name", "", ErrCSVHeader},
				{1, "full_members", "", ErrCSVHeader}, {1, "probationary_members", "", ErrCSVHeader}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := ReadCSV(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Empty(t, recs.Orgs, "a header problem returns no records")
			assert.ErrorIs(t, err, ErrCSVHeader)
			var ps dangjian.Problems
			require.ErrorAs(t, err, &ps)
			require.Len(t, ps, len(tt.want), "rows: %v", err)
			for i, w := range tt.want {
				assert.Equal(t, w.line, ps[i].Line, "line of problem %d", i)
				assert.Equal(t, w.column, ps[i].Path, "column of problem %d", i)
				assert.ErrorIs(t, ps[i], w.is)
			}
			if tt.error != "" {
				assert.Equal(t, tt.error, err.Error())
			}
		})
	}
}

func TestReadCSVUnreadable(t *testing.T) {
	const head = "id,parent_id,kind,domain,name,full_members,probationary_members\n"
	t.Run("bare quote", func(t *testing.T) {
		recs, err := ReadCSV(strings.NewReader(head + "1,,branch,,a,3,0\n2,,branch,,the \"b\" branch,3,0\n"))
		require.Error(t, err)
		assert.Empty(t, recs.Orgs)
		var pe *csv.ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, 3, pe.Line)
		assert.ErrorIs(t, err, csv.ErrBareQuote)
		assert.ErrorIs(t, err, dangjian.ErrSyntax)
		assert.Equal(t, `line 3: malformed input: bare " in non-quoted-field (byte 16 of the line)`, err.Error())
	})
	t.Run("unterminated quote", func(t *testing.T) {
		recs, err := ReadCSV(strings.NewReader(head + "1,,branch,,\"a,3,0\n"))
		require.Error(t, err)
		assert.Empty(t, recs.Orgs)
		assert.ErrorIs(t, err, csv.ErrQuote)
	})
	t.Run("space after a closing quote", func(t *testing.T) {
		// Space before an opening quote is skipped; space after a closing
		// quote is not CSV (RFC 4180).
		recs, err := ReadCSV(strings.NewReader(head + "1,,branch,, \"a\" ,3,0\n"))
		assert.ErrorIs(t, err, csv.ErrQuote)
		assert.Empty(t, recs.Orgs)
	})
	t.Run("quote in header", func(t *testing.T) {
		_, err := ReadCSV(strings.NewReader("id,pa\"rent\n"))
		assert.ErrorIs(t, err, csv.ErrBareQuote)
		assert.ErrorIs(t, err, dangjian.ErrSyntax)
		assert.NotErrorIs(t, err, dangjian.ErrHeader)
	})
	t.Run("read error", func(t *testing.T) {
		boom := errors.New("boom")
		recs, err := ReadCSV(io.MultiReader(strings.NewReader(head+"1,,branch,,a,3,0\n"), iotest.ErrReader(boom)))
		assert.ErrorIs(t, err, boom)
		assert.Empty(t, recs.Orgs)
		assert.Equal(t, "boom", err.Error(), "a read error is returned as it is")
	})
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		max  int64
		want int64
		kind *dangjian.Kind
		why  string
	}{
		{"0", maxInt64, 0, nil, ""},
		{"007", maxInt64, 7, nil, ""},
		{"9223372036854775807", maxInt64, maxInt64, nil, ""},
		{"9223372036854775808", maxInt64, 0, dangjian.ErrOverflow, ""},
		{"99999999999999999999999", maxInt64, 0, dangjian.ErrOverflow, ""},
		{"2147483648", 1<<31 - 1, 0, dangjian.ErrOverflow, ""},
		{"2147483647", 1<<31 - 1, 1<<31 - 1, nil, ""},
		{"-1", maxInt64, 0, dangjian.ErrNegative, ""},
		{"-00", maxInt64, 0, dangjian.ErrInvalid, detailSigned},
		{"-", maxInt64, 0, dangjian.ErrInvalid, detailNotInteger},
		{"+1", maxInt64, 0, dangjian.ErrInvalid, detailNotInteger},
		{"1e3", maxInt64, 0, dangjian.ErrInvalid, detailNotInteger},
		{"1_000", maxInt64, 0, dangjian.ErrInvalid, detailNotInteger},
		{"--1", maxInt64, 0, dangjian.ErrInvalid, detailNotInteger},
		{"-1x", maxInt64, 0, dangjian.ErrInvalid, detailNotInteger},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, kind, why := parseCount(tt.in, tt.max)
			assert.Equal(t, tt.kind, kind)
			assert.Equal(t, tt.why, why)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestWriteCSVGolden(t *testing.T) {
	// project.csv records projects (the Chinese header, with the aliases
	// 类别 and 工期开始): its output has the project columns.
	for _, src := range []string{"small", "small_zh", "project"} {
		tree := mustBuild(t, readCSVFile(t, filepath.Join("testdata/csv", src+".csv")))
		for _, lang := range []struct {
			name string
			lang Lang
		}{{"en", English}, {"zh", Chinese}} {
			t.Run(src+"/"+lang.name, func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, WriteCSV(&buf, tree, uuid.Nil, lang.lang))
				golden.Check(t, filepath.Join("testdata/csv", src+"."+lang.name+".golden"), buf.Bytes())
			})
		}
	}
}

// TestWriteCSVGuardsFormulas: names, codes and ids a spreadsheet would run
// as formulas are written with a single quote in front (hostile.en.golden),
// or as they are under RawText (hostile.raw.golden); counts stay numbers,
// and ReadCSV reads either file back as the tree.
func TestWriteCSVGuardsFormulas(t *testing.T) {
	tree := mustBuild(t, readCSVFile(t, "testdata/csv/hostile.csv"))
	for _, tt := range []struct {
		golden string
		text   []dangjian.CSVText
	}{
		{"hostile.en.golden", nil},
		{"hostile.en.golden", []dangjian.CSVText{dangjian.GuardFormulas}},
		{"hostile.raw.golden", []dangjian.CSVText{dangjian.RawText}},
	} {
		t.Run(fmt.Sprint(tt.text), func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, WriteCSV(&buf, tree, uuid.Nil, English, tt.text...))
			golden.Check(t, filepath.Join("testdata/csv", tt.golden), buf.Bytes())
			rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
			require.NoError(t, err)
			for _, r := range rows[1:] {
				if len(tt.text) == 0 || tt.text[0] == dangjian.GuardFormulas {
					for _, c := range []int{colID, colParent, colName, colCode} {
						assert.False(t, r[c] != "" && strings.ContainsRune("=+-@\t\r", rune(r[c][0])), "a guarded cell: %q", r[c])
					}
				}
				_, err := strconv.Atoi(r[colFull])
				assert.NoError(t, err, "a count is a number")
			}
			recs, err := ReadCSV(&buf)
			require.NoError(t, err)
			back := mustBuild(t, recs)
			assert.Equal(t, withoutLines(tree.Records()), withoutLines(back.Records()), "read back as written")
		})
	}
	assert.Equal(t, "=HYPERLINK(\"http://evil.example/\",\"点击查看\")", tree.Records().Orgs[0].Name)
	err := WriteCSV(&bytes.Buffer{}, tree, uuid.Nil, English, dangjian.CSVText(7))
	assert.EqualError(t, err, `text: invalid value: want GuardFormulas or RawText ("7")`)
	err = WriteCSV(&bytes.Buffer{}, tree, uuid.Nil, English, dangjian.RawText, dangjian.RawText)
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
}

// csvTree is a tree built in code: UUID ids, codes that are not derived,
// text that needs quoting, and every optional field.
func csvTree(t *testing.T) *Tree {
	id := func(s string) uuid.UUID { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(s)) }
	recs := Records{Orgs: []Org{
		{ID: id("root"), Kind: LocalCommittee, Name: "中共某市委", Code: "220000"},
		{ID: id("street"), Parent: id("root"), Kind: WorkCommittee, Domain: Street, Name: "某街道党工委", Selection: Appointed},
		{ID: id("c1"), Parent: id("street"), Kind: Committee, Domain: Community, Name: "某社区党委, \"红旗\"",
			Members: Members{Full: 51, Probationary: 3}, Selection: Elected,
			Term: Term{Elected: dangjian.MustParseDate("2021-06-18"), Due: dangjian.MustParseDate("2026-06-17"), Number: 4}},
		{ID: id("b1"), Parent: id("c1"), Kind: Branch, Domain: Community, Name: "第一\n网格党支部",
			Members: Members{Full: 11}, Term: Term{Elected: dangjian.MustParseDate("2019-01-02"), Renewed: dangjian.MustParseDate("2024-01-05")}},
		{ID: CSVID("J-1"), Parent: id("street"), Kind: TempJointBranch, Domain: NonPublicEnterprise, Name: "临时联合党支部",
			Code: "J-1", Key: "J-1", Units: 5, Members: Members{Full: 4, Probationary: 2}},
		{ID: id("x"), Parent: id("root"), Kind: Branch, Domain: Hospital, Name: "某医院党支部", Code: "J-2",
			Members: Members{Full: 8}},
	}}
	return mustBuild(t, recs)
}

func TestWriteCSVRoundTrip(t *testing.T) {
	trees := map[string]*Tree{
		"small":    mustBuild(t, readCSVFile(t, "testdata/csv/small.csv")),
		"small_zh": mustBuild(t, readCSVFile(t, "testdata/csv/small_zh.csv")),
		"in code":  csvTree(t),
	}
	for name, tree := range trees {
		for _, lang := range []Lang{English, Chinese} {
			t.Run(fmt.Sprintf("%s/%d", name, lang), func(t *testing.T) {
				var buf bytes.Buffer
				require.NoError(t, WriteCSV(&buf, tree, uuid.Nil, lang))
				recs, err := ReadCSV(&buf)
				require.NoError(t, err)
				back := mustBuild(t, recs)
				// The lines are those of the file written.
				assert.Equal(t, withoutLines(tree.Records()), withoutLines(back.Records()))
				assert.Equal(t, tree.AggregateAll(), back.AggregateAll())
			})
		}
	}
}

func TestWriteCSVIDs(t *testing.T) {
	tree := csvTree(t)
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, tree, uuid.Nil, English))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err)
	id := func(s string) string { return uuid.NewSHA1(uuid.NameSpaceOID, []byte(s)).String() }
	ids := make([][3]string, 0, len(rows)) // id, parent_id, code
	for _, r := range rows[1:] {
		ids = append(ids, [3]string{r[colID], r[colParent], r[colCode]})
	}
	assert.Equal(t, [][3]string{
		{id("root"), "", "220000"}, // a code that is not the source of the ID: the UUID
		{id("street"), id("root"), ""},
		{id("c1"), id("street"), ""},
		{id("b1"), id("c1"), ""},
		{"J-1", id("street"), "J-1"}, // the ID derives from the code: the code
		{id("x"), id("root"), "J-2"},
	}, ids)
}

func TestWriteCSVSubtree(t *testing.T) {
	tree := mustBuild(t, readCSVFile(t, "testdata/csv/small.csv"))
	street := CSVID("YJ.01")
	var buf bytes.Buffer
	require.NoError(t, WriteCSV(&buf, tree, street, English))
	want := "id,parent_id,kind,domain,name,full_members,probationary_members,units,code,selection,elected,due,renewed,term_number\n" +
		"YJ.01,,work_committee,street,某街道党工委,3,0,,YJ.01,appointed,,,,\n" +
		"YJ.01.01,YJ.01,committee,community,某社区党委,45,2,,YJ.01.01,elected,2021-06-18,2026-06-17,,3\n" +
		"YJ.01.01.1,YJ.01.01,branch,community,某社区第一网格党支部,12,1,,YJ.01.01.1,elected,2021-06-20,,,\n" +
		"YJ.01.01.1.a,YJ.01.01.1,party_group,community,1号楼党小组,5,0,,YJ.01.01.1.a,recommended,,,,\n" +
		"YJ.01.02,YJ.01,joint_branch,non_public_enterprise,\"某街道非公企业联合党支部, 第一\",6,1,4,YJ.01.02,elected,2019-03-01,2022-02-28,2022-03-15,2\n"
	assert.Equal(t, want, buf.String())

	recs, err := ReadCSV(&buf)
	require.NoError(t, err)
	sub := mustBuild(t, recs)
	total, _ := tree.Totals(street)
	assert.Equal(t, total, sub.AggregateAll().Members, "the subtree stands on its own")
}

func TestWriteCSVErrors(t *testing.T) {
	tree := csvTree(t)
	tests := []struct {
		name string
		w    *bytes.Buffer
		tree *Tree
		root uuid.UUID
		lang Lang
		want string
	}{
		{"nil tree", &bytes.Buffer{}, nil, uuid.Nil, English, "missing value: no tree to write"},
		{"unknown root", &bytes.Buffer{}, tree, uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), English,
			`root: refers to an unknown ID ("6ba7b810-9dad-11d1-80b4-00c04fd430c8")`},
		{"unknown language", &bytes.Buffer{}, tree, uuid.Nil, Lang(2), `lang: invalid value: unknown language ("2")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := WriteCSV(tt.w, tt.tree, tt.root, tt.lang)
			require.EqualError(t, err, tt.want)
			assert.Zero(t, tt.w.Len(), "nothing written")
		})
	}
	t.Run("write error", func(t *testing.T) {
		boom := errors.New("boom")
		err := WriteCSV(brokenWriter{boom}, tree, uuid.Nil, English)
		require.ErrorIs(t, err, boom)
		assert.Equal(t, "boom", err.Error(), "a write error as it is")
	})
}

type brokenWriter struct{ err error }

func (w brokenWriter) Write([]byte) (int, error) { return 0, w.err }

// BenchmarkReadCSV reads a generated table of 100,000 organizations with
// local-code ids (the costlier case: every id is hashed).
func BenchmarkReadCSV(b *testing.B) {
	data := benchCSV(100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		recs, err := ReadCSV(bytes.NewReader(data))
		if err != nil || len(recs.Orgs) != 100_000 {
			b.Fatal(err, len(recs.Orgs))
		}
		sinkRecords = recs
	}
}

func BenchmarkWriteCSV(b *testing.B) {
	recs, err := ReadCSV(bytes.NewReader(benchCSV(100_000)))
	if err != nil {
		b.Fatal(err)
	}
	tree, err := Build(recs)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf.Reset()
		if err := WriteCSV(&buf, tree, uuid.Nil, Chinese); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

var sinkRecords Records

// benchCSV returns a table of n organizations: a city committee, 100
// street committees, and under them branches with party groups.
func benchCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("编号,上级编号,组织类别,领域,名称,正式党员,预备党员,覆盖单位数,代码,产生方式,选举日期,届满日期,换届日期,届次\n")
	b.WriteString("C,,地方党委,,中共某市委,0,0,,,,,,,\n")
	for i := 1; i < n; i++ {
		switch {
		case i <= 100:
			fmt.Fprintf(&b, "C.%d,C,党工委,街道,第%d街道党工委,3,0,,,任命,,,,\n", i, i)
		case i%5 == 0:
			fmt.Fprintf(&b, "C.%d.%d,C.%d.%d,党小组,社区,第%d党小组,4,0,,,推荐,,,,\n", i%100+1, i, (i-1)%100+1, i-1, i)
		default:
			fmt.Fprintf(&b, "C.%d.%d,C.%d,党支部,社区,第%d党支部,%d,%d,,,选举,2021-06-18,2026-06-17,,3\n", i%100+1, i, i%100+1, i, 3+i%40, i%3)
		}
	}
	return b.Bytes()
}

// TestReadCSVProblemsJSON checks the JSON of the problems of a CSV file:
// the module's one problem shape, with the row's id, line and column.
func TestReadCSVProblemsJSON(t *testing.T) {
	const in = "编号,上级编号,组织类别,领域,名称,正式党员,预备党员\n" +
		"1001,,党委,社区,某社区党委,30,0\n" +
		"1002,1001,党部,社区,第一支部,-3,0\n" +
		"1003,1001,党支部,社区,第二支部,7\n"
	recs, err := ReadCSV(strings.NewReader(in))
	require.Len(t, recs.Orgs, 1, "the good row is kept")
	b, jerr := json.Marshal(dangjian.ProblemsOf(err))
	require.NoError(t, jerr)
	assert.JSONEq(t, `[
		{"code":"invalid","path":"组织类别","id":"1002","line":3,"column":3,"value":"党部",
		 "message":"invalid value: unknown kind \"党部\"","detail":"unknown kind \"党部\""},
		{"code":"negative","path":"正式党员","id":"1002","line":3,"column":6,"value":"-3",
		 "message":"must not be negative"},
		{"code":"invalid","id":"1003","line":4,
		 "message":"invalid value: 6 fields, the header has 7","detail":"6 fields, the header has 7"}
	]`, string(b))
	assert.Equal(t, `line 3, column 3: 组织类别 (id "1002"): invalid value: unknown kind "党部" (and 2 more problems)`, err.Error())
}
