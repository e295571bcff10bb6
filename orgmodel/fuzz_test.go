package orgmodel

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
)

// addSeeds adds every file under testdata matching pattern to f's corpus.
func addSeeds(f *testing.F, pattern string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", pattern))
	require.NoError(f, err)
	require.NotEmpty(f, files, "no seed files match %s", pattern)
	for _, name := range files {
		b, err := os.ReadFile(name)
		require.NoError(f, err)
		f.Add(b)
	}
}

// FuzzReadCSV checks that ReadCSV never panics, and that whatever it reads
// without error survives Build and a trip through WriteCSV: errors are
// fine, panics are not.
func FuzzReadCSV(f *testing.F) {
	addSeeds(f, "csv/*.csv")
	addSeeds(f, "csv/*.golden")
	const head = "id,parent_id,kind,domain,name,full_members,probationary_members\n"
	for _, s := range []string{
		"",
		"\uFEFF",
		head,
		head + "1,,branch,,a,3,0\n1.1,1,party_group,,b,2,0\n",
		head + "1,,branch,,a,3,0\n1,,branch,,b,3,0\n",                    // duplicate id
		head + "1,2,branch,,a,3,0\n2,1,branch,,b,3,0\n",                  // cycle
		head + "1,,party_group,,a,3,0\n",                                 // a root that may not be one
		head + "1,,branch,,a,9223372036854775807,9223372036854775807\n",  // totals overflow
		head + "1,,branch,,\"a\r\nb\",3,0\n",                             // CR LF inside a cell
		head + "1,,branch,,\"a\rb\",3,0\n",                               // lone CR
		head + " \"x\" ,,branch,,\" \u3000a\u3000 \",3,0\n",              // quoted ids, wide spaces
		head + "{6ba7b810-9dad-11d1-80b4-00c04fd430c8},,branch,,a,3,0\n", // a UUID spelled another way
		head + "6ba7b8109dad11d180b400c04fd430c8,,branch,,a,3,0\n",
		head + "1,,branch,,a,-1,+1\n2,,nope,,b,3,0\n",
		"编号,上级编号,类别,领域,名称,正式党员,预备党员,届次\n1,,党支部,村,某村党支部,3,0,2\n",
		"id,id\n",
		"a,\"b\nc",
		"\"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			checkCSVError(t, err, recs)
		}
		tree, berr := Build(recs) // partial records too: never a panic
		if err != nil || berr != nil {
			return
		}
		for _, lang := range []Lang{English, Chinese} {
			var buf bytes.Buffer
			require.NoError(t, WriteCSV(&buf, tree, uuid.Nil, lang))
			back, err := ReadCSV(&buf)
			require.NoError(t, err, "reading what WriteCSV wrote")
			tree2, err := Build(back)
			require.NoError(t, err, "building what WriteCSV wrote")
			require.Equal(t, tree.Len(), tree2.Len())
			require.Equal(t, tree.AggregateAll(), tree2.AggregateAll())
			require.Equal(t, withoutLines(tree.Records()), withoutLines(tree2.Records()))
		}
	})
}

// checkCSVError checks the shape of an error of ReadCSV.
func checkCSVError(t *testing.T, err error, recs Records) {
	require.NotContains(t, err.Error(), "orgmodel")
	var ps dangjian.Problems
	if !errors.As(err, &ps) || errors.Is(err, dangjian.ErrHeader) {
		require.Empty(t, recs.Orgs, "no records after %v", err)
	}
	if ps == nil {
		require.ErrorIs(t, err, dangjian.ErrSyntax, "not CSV")
		return
	}
	require.NotEmpty(t, ps)
	last := 0
	for _, r := range ps {
		require.GreaterOrEqual(t, r.Line, last, "rows in file order")
		require.Positive(t, r.Line)
		last = r.Line
		require.NotNil(t, r.Kind)
		require.True(t, errors.Is(r, dangjian.ErrInvalid) || errors.Is(r, dangjian.ErrSyntax) ||
			errors.Is(r, dangjian.ErrHeader), "unexpected kind of problem: %v", r)
		if r.Path != "" && !errors.Is(r, dangjian.ErrHeader) {
			require.Positive(t, r.Column, "a cell's problem gives its column: %v", r)
		}
	}
}

// FuzzDecodeJSON checks that DecodeJSON never panics, that its errors say
// where the problem is, and that what it decodes encodes and decodes back
// to the same value.
func FuzzDecodeJSON(f *testing.F) {
	addSeeds(f, "json/*.json")
	id := `"6ba7b810-9dad-11d1-80b4-00c04fd430c8"`
	for _, s := range []string{
		"", "{}", "null", "[]", `{"orgs":null}`, `{"orgs":[]} {}`, "\uFEFF{}",
		`{"orgs":[{"id":` + id + `,"kind":"党支部","members":{"full":3,"probationary":1}}]}`,
		`{"orgs":[{"id":` + id + `,"Kind":"branch"}]}`,
		`{"orgs":[{"id":` + id + `,"kind":"branch","kind":"branch"}]}`,
		`{"orgs":[{"\u0069d":` + id + `,"approvals":[],"term":{"number":2}}]}`,
		`{"orgs":[{"id":` + id + `,"members":{"full":"3"}}]}`,
		`{"sites":[{"id":` + id + `,"area":1e64},{"area":"1e-65"},{"area":-0.0}]}`,
		`{"sites":[{"area":"1e999999999"}]}`,
		`{"bodies":[{"chair":{"order":[]},"members":[],"memberUnits":[]}]}`,
		`{"bodies":[{"chair":null}],"people":[{"fullSince":"2024-02-29"}]}`,
		`{"orgs":[{"name":"\ud800 \xff"}]}`,
		`{"orgs":[{"id":` + id + `,`,
		`{"orgs":[[[[[[[[[[[[[[[[[[[{`,
		`{"orgs":[{"id":` + id + `"kind":"branch"}]}`,
		`{"orgs" "x", ]}`,
		`{"":{"":[}}`,
		// IDs that are not UUIDs: strings and integers, as Java platforms key them.
		`{"orgs":[{"id":"1001","kind":"committee"},{"id":1002,"parent":1001,"kind":"branch","approvals":[{"kind":"formation","by":"1001"}]}]}`,
		`{"orgs":[{"id":"","kind":"branch"},{"id":-7,"kind":"branch"},{"id":1e3,"kind":"branch"}]}`,
		// Projects: a whole one, an empty one, a null one, bad dates.
		`{"orgs":[{"id":"1","kind":"temporary_branch","project":{"start":"2025-01-01","end":"2025-06-30"}},{"id":"2","project":{}},{"id":"3","project":null},{"id":"4","project":{"start":"2025-02-30","end":7}}]}`,
		`{"people":[{"id":"p1","org":"1001"}],"bodies":[{"id":"b\u0031","members":["1001",1002],"chair":{"order":[1002],"months":1}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := DecodeJSON(bytes.NewReader(data))
		if err != nil {
			var ps dangjian.Problems
			require.ErrorAs(t, err, &ps)
			require.Len(t, ps, 1)
			require.NotContains(t, err.Error(), "orgmodel")
			require.Zero(t, recs)
			if p := ps[0]; p.Line > 0 {
				require.LessOrEqual(t, p.Line, bytes.Count(data, []byte{'\n'})+1)
				require.Positive(t, p.Column)
			}
			return
		}
		_, _ = Build(recs) // never a panic
		var buf bytes.Buffer
		require.NoError(t, EncodeJSON(&buf, recs))
		first := buf.String()
		back, err := DecodeJSON(&buf)
		require.NoError(t, err, "decoding what EncodeJSON wrote:\n%s", first)
		requireRecordsEqual(t, recs, back)
		buf.Reset()
		require.NoError(t, EncodeJSON(&buf, back))
		require.Equal(t, first, buf.String(), "encoding is stable")
	})
}
