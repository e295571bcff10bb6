package orgmodel_test

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// csvOf writes the tree of recs as CSV, in pre-order.
func csvOf(t *testing.T, recs orgmodel.Records) string {
	t.Helper()
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, orgmodel.WriteCSV(&b, tree, uuid.Nil, orgmodel.English))
	return b.String()
}

// readThenBuild is what ReadTreeCSV stands for: ReadCSV, then BuildWith on
// the good rows, the problems of both.
func readThenBuild(in string, opt orgmodel.BuildOptions) (*orgmodel.Tree, error) {
	recs, err := orgmodel.ReadCSV(strings.NewReader(in))
	bad := dangjian.ProblemsOf(err)
	if err != nil && (errors.Is(err, dangjian.ErrHeader) || errors.Is(err, dangjian.ErrSyntax) && !errors.Is(err, dangjian.ErrEncoding)) {
		return nil, err
	}
	tree, err := orgmodel.BuildWith(recs, opt)
	if err != nil {
		return nil, append(bad, dangjian.ProblemsOf(err)...).Err()
	}
	return tree, bad.Err()
}

// TestReadTreeCSV: ReadTreeCSV gives the tree, the problems and the
// findings that ReadCSV then BuildWith give, for rows in pre-order and
// shuffled, with bad rows, a tree that cannot be built, a bad header.
func TestReadTreeCSV(t *testing.T) {
	asOf := dangjian.MustParseDate("2025-06-30")
	syn := orgmodel.Synthetic(3000, 5)
	shuffled := csvOf(t, syn)
	lines := strings.SplitAfter(shuffled, "\n")
	rows := lines[1 : len(lines)-1]
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	shuffled = lines[0] + strings.Join(rows, "")
	const head = "id,parent_id,kind,domain,name,full_members,probationary_members\n"
	for _, c := range []struct {
		name, in string
		opt      orgmodel.BuildOptions
		tree     bool   // a tree comes back
		code     string // the first problem's code, "" for none
	}{
		{"pre-order", csvOf(t, syn), orgmodel.BuildOptions{}, true, ""},
		{"shuffled", shuffled, orgmodel.BuildOptions{}, true, ""},
		{"bad rows", head + "1,,local_committee,,市委,0,0\n2,1,branch,,支部,x,0\n3,1,branch,,支部,5,0\n", orgmodel.BuildOptions{}, true, "invalid"},
		{"unknown parent", head + "1,,local_committee,,市委,0,0\n2,9,branch,,支部,-1,0\n3,1,branch,,支部,5,0\n3,1,branch,,支部,5,0\n", orgmodel.BuildOptions{}, false, "negative"},
		{"too deep", head + "1,,committee,,a,0,0\n2,1,committee,,b,0,0\n3,2,committee,,c,0,0\n", orgmodel.BuildOptions{MaxDepth: 1}, false, "limit"},
		{"header", "id,name\n1,x\n", orgmodel.BuildOptions{}, false, "header"},
		{"not CSV", head + "1,,\"x\"y,,a,0,0\n", orgmodel.BuildOptions{}, false, "syntax"},
		{"empty", "", orgmodel.BuildOptions{}, false, "header"},
		{"no rows", head, orgmodel.BuildOptions{}, true, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, gotErr := orgmodel.ReadTreeCSV(strings.NewReader(c.in), c.opt)
			want, wantErr := readThenBuild(c.in, c.opt)
			assert.Equal(t, c.tree, got != nil)
			if c.code == "" {
				require.NoError(t, gotErr)
			} else {
				require.Error(t, gotErr)
				assert.Equal(t, c.code, dangjian.ProblemsOf(gotErr)[0].Code())
			}
			assert.Equal(t, errText(wantErr), errText(gotErr))
			if got == nil {
				assert.Nil(t, want)
				return
			}
			require.NotNil(t, want)
			assert.Equal(t, want.Records(), got.Records())
			wr, err := orgmodel.Validate(want, orgmodel.NationalRules(), asOf)
			require.NoError(t, err)
			gr, err := orgmodel.Validate(got, orgmodel.NationalRules(), asOf)
			require.NoError(t, err)
			assert.Equal(t, wr, gr)
		})
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// errReader fails after its text.
type errReader struct {
	r   io.Reader
	err error
}

func (e *errReader) Read(b []byte) (int, error) {
	n, err := e.r.Read(b)
	if err == io.EOF {
		return n, e.err
	}
	return n, err
}

func TestReadTreeCSVReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	in := "id,parent_id,kind,domain,name,full_members,probationary_members\n1,,local_committee,,市委,0,0\n"
	tree, err := orgmodel.ReadTreeCSV(&errReader{strings.NewReader(in), boom}, orgmodel.BuildOptions{})
	assert.Nil(t, tree)
	assert.ErrorIs(t, err, boom)
}

// TestValidateFunc: the findings ValidateFunc gives one at a time are the
// report's; an error of the callback stops it and is returned; a bad date
// is refused before any call.
func TestValidateFunc(t *testing.T) {
	tree, err := orgmodel.Build(orgmodel.Synthetic(5000, 9))
	require.NoError(t, err)
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	require.NoError(t, err)
	asOf := dangjian.MustParseDate("2025-06-30")
	rep, err := v.Validate(tree, asOf)
	require.NoError(t, err)
	require.Greater(t, len(rep.Findings), 100)

	var got []dangjian.Finding
	require.NoError(t, v.ValidateFunc(tree, asOf, func(f *dangjian.Finding) error {
		got = append(got, *f)
		return nil
	}))
	assert.Equal(t, rep.Findings, got)

	stop := errors.New("enough")
	n := 0
	err = v.ValidateFunc(tree, asOf, func(*dangjian.Finding) error {
		if n++; n == 10 {
			return stop
		}
		return nil
	})
	assert.ErrorIs(t, err, stop)
	assert.Equal(t, 10, n, "no call after the error")

	calls := 0
	rs := orgmodel.NationalRules()
	rs.Period = dangjian.Period{From: dangjian.MustParseDate("2012-01-01")}
	v2012, err := orgmodel.NewValidator(rs)
	require.NoError(t, err)
	err = v2012.ValidateFunc(tree, dangjian.MustParseDate("2011-12-31"), func(*dangjian.Finding) error { calls++; return nil })
	assert.ErrorIs(t, err, dangjian.ErrOutOfPeriod)
	assert.ErrorIs(t, v.ValidateFunc(nil, asOf, func(*dangjian.Finding) error { calls++; return nil }), dangjian.ErrMissing)
	assert.Zero(t, calls)
}

// TestFindingWriterText: the text format, one tab-separated line per
// finding with control characters as spaces, then the summary line.
func TestFindingWriterText(t *testing.T) {
	var b bytes.Buffer
	fw := orgmodel.NewFindingWriter(&b, orgmodel.TextFindings, dangjian.MustParseDate("2025-06-30"))
	for _, f := range []dangjian.Finding{
		{Rule: "R-1", Severity: dangjian.Error, Name: "市委 / 支部\t甲", Message: "two\nlines\u0085 and \x7f"},
		{Rule: "R-2", Severity: dangjian.Warning, Name: "bad \xff byte", Message: "ok"},
		{Rule: "R-3", Severity: dangjian.Warning},
	} {
		require.NoError(t, fw.Write(&f))
	}
	require.NoError(t, fw.Close())
	assert.Equal(t, "error\tR-1\t市委 / 支部 甲\ttwo lines  and  \n"+
		"warning\tR-2\tbad \uFFFD byte\tok\n"+
		"warning\tR-3\t\t\n"+
		"3 findings as of 2025-06-30: error 1, warning 2, info 0\n", b.String())
	s := fw.Summary()
	assert.Equal(t, 3, s.Len())
	assert.Equal(t, 2, s.Count(dangjian.Warning))
	assert.Equal(t, 0, s.Count(dangjian.Severity(9)))

	b.Reset()
	fw = orgmodel.NewFindingWriter(&b, orgmodel.TextFindings, dangjian.MustParseDate("2025-06-30"))
	require.NoError(t, fw.Close())
	assert.Equal(t, "0 findings as of 2025-06-30: error 0, warning 0, info 0\n", b.String())
}

// diskFull fails every write.
type diskFull struct{}

func (diskFull) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestFindingWriterError(t *testing.T) {
	fw := orgmodel.NewFindingWriter(diskFull{}, orgmodel.JSONFindings, dangjian.Date{})
	big := dangjian.Finding{Message: strings.Repeat("x", 1<<17)}
	err := fw.Write(&big)
	require.EqualError(t, err, "disk full")
	assert.EqualError(t, fw.Write(&big), "disk full", "every later call")
	assert.EqualError(t, fw.Close(), "disk full")
	fw = orgmodel.NewFindingWriter(io.Discard, orgmodel.JSONFindings, dangjian.Date{})
	bad := dangjian.Finding{Severity: dangjian.Severity(77)}
	assert.Error(t, fw.Write(&bad))
	assert.Error(t, fw.Close())
}

// TestWriteFindings: the bytes and counts of WriteFindings are those of a
// FindingWriter given the report's findings one by one, in both formats,
// with and without a filter; a failing writer stops it with its error.
func TestWriteFindings(t *testing.T) {
	tree, err := orgmodel.Build(orgmodel.Synthetic(20000, 3))
	require.NoError(t, err)
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	require.NoError(t, err)
	asOf := dangjian.MustParseDate("2025-06-30")
	rep, err := v.Validate(tree, asOf)
	require.NoError(t, err)
	require.Greater(t, len(rep.Findings), 2000, "more than a few batches")
	odd := func(f *dangjian.Finding) bool { return f.Line%2 == 1 || strings.HasSuffix(f.Subject, "1") }
	for _, format := range []orgmodel.FindingFormat{orgmodel.TextFindings, orgmodel.JSONFindings} {
		for _, keep := range []func(*dangjian.Finding) bool{nil, odd, func(*dangjian.Finding) bool { return false }} {
			var want bytes.Buffer
			fw := orgmodel.NewFindingWriter(&want, format, asOf)
			for i := range rep.Findings {
				if keep == nil || keep(&rep.Findings[i]) {
					require.NoError(t, fw.Write(&rep.Findings[i]))
				}
			}
			require.NoError(t, fw.Close())
			var got bytes.Buffer
			sum, err := v.WriteFindings(&got, tree, asOf, format, keep)
			require.NoError(t, err)
			assert.Equal(t, fw.Summary(), sum)
			assert.Equal(t, want.String(), got.String())
		}
	}
	empty, err := orgmodel.Build(orgmodel.Records{})
	require.NoError(t, err)
	var none bytes.Buffer
	sum, err := v.WriteFindings(&none, empty, asOf, orgmodel.JSONFindings, nil)
	require.NoError(t, err)
	assert.Equal(t, "[]\n", none.String())
	assert.Zero(t, sum.Len())
	none.Reset()
	_, err = v.WriteFindings(&none, empty, asOf, orgmodel.TextFindings, nil)
	require.NoError(t, err)
	assert.Equal(t, "0 findings as of 2025-06-30: error 0, warning 0, info 0\n", none.String())

	_, err = v.WriteFindings(diskFull{}, tree, asOf, orgmodel.JSONFindings, nil)
	assert.EqualError(t, err, "disk full")
	_, err = v.WriteFindings(io.Discard, nil, asOf, orgmodel.JSONFindings, nil)
	assert.ErrorIs(t, err, dangjian.ErrMissing)
}

// TestWriteFindingsOtherRules: the findings of the rules that are not an
// organization's (here a 第一书记's dispatch rules) are written too, on a
// tree whose size is not a multiple of the validation chunk (they were once
// lost there), and on one that is empty of organizations but the root.
func TestWriteFindingsOtherRules(t *testing.T) {
	const in = `{"orgs": [
  {"id": "r", "kind": "local_committee", "name": "某县委", "members": {"full": 0, "probationary": 0}},
  {"id": "v", "parent": "r", "kind": "branch", "name": "某村党支部", "members": {"full": 20, "probationary": 0}}],
 "people": [{"id": "p", "name": "派一", "status": "probationary"}],
 "assignments": [{"id": "a", "person": "p", "role": "first_secretary", "to": "v", "start": "2024-03-01"}]}`
	recs, err := orgmodel.DecodeJSON(strings.NewReader(in))
	require.NoError(t, err)
	tree, err := orgmodel.Build(recs)
	require.NoError(t, err)
	v, err := orgmodel.NewValidator(orgmodel.NationalRules())
	require.NoError(t, err)
	asOf := dangjian.MustParseDate("2025-06-30")
	rep, err := v.Validate(tree, asOf)
	require.NoError(t, err)
	require.Len(t, rep.Findings, 1)
	require.Equal(t, "ORG-FIRSTSEC-ELIGIBLE", rep.Findings[0].Rule)
	for _, keep := range []func(*dangjian.Finding) bool{nil, func(*dangjian.Finding) bool { return true }} {
		var want bytes.Buffer
		fw := orgmodel.NewFindingWriter(&want, orgmodel.TextFindings, asOf)
		require.NoError(t, fw.Write(&rep.Findings[0]))
		require.NoError(t, fw.Close())
		var got bytes.Buffer
		sum, err := v.WriteFindings(&got, tree, asOf, orgmodel.TextFindings, keep)
		require.NoError(t, err)
		assert.Equal(t, 1, sum.Len())
		assert.Equal(t, want.String(), got.String())
	}
}

// TestReadCSVBadRowLeavesNothing: a bad row parsed part way leaves nothing
// in the record of the next row, which is read into the same slot.
func TestReadCSVBadRowLeavesNothing(t *testing.T) {
	const in = "id,parent_id,kind,domain,name,full_members,probationary_members,units,code,elected,term_number\n" +
		"1,,local_committee,village,市委,3,1,4,C-1,2021-01-02,7\n" +
		"2,1,branch,village,坏支部,3,1,4,C-2,2021-01-02,x\n" +
		"3,1,branch,,好支部,5,0,,,,\n"
	recs, err := orgmodel.ReadCSV(strings.NewReader(in))
	require.Error(t, err)
	require.Len(t, recs.Orgs, 2)
	want := orgmodel.Org{ID: orgmodel.CSVID("3"), Parent: orgmodel.CSVID("1"), Kind: orgmodel.Branch, Name: "好支部",
		Code: "3", Key: "3", ParentKey: "1", Members: orgmodel.Members{Full: 5}, Line: 4}
	assert.Equal(t, want, recs.Orgs[1])
}

// FuzzReadTreeCSV checks that ReadTreeCSV, which reads into blocks the
// tree keeps and lays them out in place, gives what ReadCSV then BuildWith
// give, whatever the text: the same tree, or none, and the same problems.
func FuzzReadTreeCSV(f *testing.F) {
	const head = "id,parent_id,kind,domain,name,full_members,probationary_members\n"
	for _, s := range []string{
		"",
		head,
		head + "1.1,1,branch,,b,3,0\n1,,committee,,a,3,0\n1.2,1,branch,,c,x,0\n",
		head + "1,,branch,,a,3,0\n1,,branch,,b,3,0\n",
		head + "1,2,branch,,a,3,0\n2,1,branch,,b,3,0\n",
		head + "c,b,committee,,c,0,0\nb,a,committee,,b,0,0\na,,committee,,a,0,0\n",
		head + "1,,branch,,\"a\nb\",3,0\n2,1,party_group,,\xb1,1,0\n",
	} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, in string, depth int) {
		opt := orgmodel.BuildOptions{MaxDepth: depth % 8}
		got, gotErr := orgmodel.ReadTreeCSV(strings.NewReader(in), opt)
		want, wantErr := readThenBuild(in, opt)
		require.Equal(t, want != nil, got != nil)
		require.Equal(t, errText(wantErr), errText(gotErr))
		if got != nil {
			require.Equal(t, want.Records(), got.Records())
		}
	})
}
