package dues_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeRosterJSONGood(t *testing.T) {
	in := "\uFEFF" + `[
 {"id": "01", "name": "张伟", "category": "在职", "base": "6234.50"},
 {"id": "02", "category": "retired",
  "payslip": {"employer": "离退休", "items": [{"kind": "basic_pension", "amount": 5200}, {"kind": "pension_allowance", "amount": "800.5", "name": "津贴"}], "incomeTax": 0}},
 {"id": "03", "category": "self_employed", "months": ["4200", 3900, 4651.01]},
 {"id": "04", "category": "farmer", "flatAmount": "0.50", "voluntary": 10,
  "reduction": {"amount": "0", "approvedBy": "某党工委", "on": "2024-03-15", "ref": "〔2024〕3号"},
  "probationarySince": "2024-07-10"},
 {"id": "05", "category": "student", "base": 0},
 {"id": "06", "category": "student", "base": "0.00"},
 {"id": "07", "category": "employed", "base": 0},
 {"id": "08", "category": "employed", "base": "0.00", "months": ["1"]}
]`
	rows, err := dues.DecodeRosterJSON(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, rows, 8)
	lines := []int{2, 3, 5, 6, 9, 10, 11, 12}
	for i, r := range rows {
		assert.Equal(t, lines[i], r.Line, r.Member.ID)
	}
	assert.Equal(t, dues.Member{ID: "01", Name: "张伟", Category: dues.Employed, Base: funding.MustParseMoney("6234.50")}, rows[0].Member)
	assert.Equal(t, &dues.Payslip{Employer: dues.Pensioner, Items: []dues.PayItem{
		{Kind: dues.BasicPension, Amount: funding.MustParseMoney("5200")},
		{Kind: dues.PensionAllowance, Amount: funding.MustParseMoney("800.50"), Name: "津贴"}}}, rows[1].Member.Payslip)
	assert.Equal(t, []funding.Money{funding.MustParseMoney("4200"), funding.MustParseMoney("3900"), funding.MustParseMoney("4651.01")}, rows[2].Member.Months)
	assert.Equal(t, dues.Member{ID: "04", Category: dues.Farmer, FlatAmount: funding.MustParseMoney("0.5"), Voluntary: funding.MustParseMoney("10"),
		Reduction:         &dues.Reduction{ApprovedBy: "某党工委", On: day("2024-03-15"), Ref: "〔2024〕3号"},
		ProbationarySince: day("2024-07-10")}, rows[3].Member)
	assert.True(t, rows[4].Member.Base.IsZero(), "a flat category's 0 is no base")
	assert.Equal(t, dues.Employed, rows[6].Member.Category, "a rate category's lone 0 is a base of zero")

	// The members compute as their CSV twins do.
	rs := dues.Rules2017()
	for _, r := range rows {
		_, err := rs.Monthly(r.Member, day("2024-06-01"))
		assert.NoError(t, err, r.Member.ID)
	}

	rows, err = dues.DecodeRosterJSON(strings.NewReader(" [ ] "))
	require.NoError(t, err)
	assert.Empty(t, rows)
}

// The JSON of random members reads back as the same members.
func TestDecodeRosterJSONRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 6))
	for n := 0; n < 300; n++ {
		members := make([]dues.Member, rng.IntN(8))
		for i := range members {
			members[i] = randomMember(rng, fmt.Sprintf("J%03d", i), funding.Lang(n%2))
		}
		b, err := json.MarshalIndent(members, "", " ")
		require.NoError(t, err)
		rows, err := dues.DecodeRosterJSON(strings.NewReader(string(b)))
		require.NoError(t, err, string(b))
		require.Len(t, rows, len(members))
		for i, r := range rows {
			want := members[i]
			if want.Payslip != nil && len(want.Payslip.Items) == 0 {
				want.Payslip.Items = nil
			}
			assert.Equal(t, want, r.Member)
		}
	}
}

func TestDecodeRosterJSONProblems(t *testing.T) {
	type want struct {
		path   string
		id     string
		line   int
		column int
		value  string
		is     error
		msg    string
	}
	tests := []struct {
		name string
		in   string
		want []want
		good []string
	}{
		{"unknown field", `[{"id":"a","category":"student","colour":"red"}]`,
			[]want{{"[0].colour", "a", 1, 42, "", dangjian.ErrUnknownField, "unknown field: want id, name"}}, nil},
		{"repeated field", `[{"id":"a","category":"student","category":"farmer"}]`,
			[]want{{"[0].category", "a", 1, 44, "farmer", dangjian.ErrInvalid, "a field is written once"}}, nil},
		{"wrong types", "[{\"id\":1,\"category\":\"employed\",\"base\":true},\n {\"id\":\"b\",\"category\":[\"x\"],\"base\":{}}]",
			[]want{
				{"[0].id", "", 1, 8, "1", dangjian.ErrInvalid, "want a string"},
				{"[0].base", "", 1, 39, "true", dangjian.ErrInvalid, "want an amount in yuan, as a string or a number"},
				{"[1].category", "b", 2, 23, "an array", dangjian.ErrInvalid, "want a string"},
				{"[1].base", "b", 2, 36, "an object", dangjian.ErrInvalid, "want an amount"},
			}, nil},
		{"numbers are read as text", `[{"id":"a","category":"employed","base":1e3},{"id":"b","category":"employed","base":0.1234},{"id":"c","category":"employed","base":99999999999999999999}]`,
			[]want{
				{"[0].base", "a", 1, 41, "1e3", dangjian.ErrInvalid, "digits with at most two decimal places"},
				{"[1].base", "b", 1, 85, "0.1234", funding.ErrSubFen, "finer than a fen"},
				{"[2].base", "c", 1, 132, "99999999999999999999", funding.ErrOverflow, "amount out of range"},
			}, nil},
		{"missing id and category", `[{"name":"x"}]`,
			[]want{
				{"[0].id", "", 1, 2, "", dangjian.ErrMissing, "a member needs an id"},
				{"[0].category", "", 1, 2, "", dangjian.ErrMissing, "a member needs a category"},
			}, nil},
		{"unknown category and employer", `[{"id":"a","category":"cadre","base":"1"},{"id":"b","category":"employed","payslip":{"employer":"bank","items":[{"kind":"salary","amount":1}]}}]`,
			[]want{
				{"[0].category", "a", 1, 23, "cadre", dangjian.ErrInvalid, "unknown category"},
				{"[1].payslip.employer", "b", 1, 97, "bank", dangjian.ErrInvalid, "unknown employer"},
				{"[1].payslip.items[0].kind", "b", 1, 121, "salary", dangjian.ErrInvalid, "unknown pay item kind"},
			}, nil},
		{"rows go on, the good ones come back", `[{"id":"g1","category":"employed","base":"1"},{"id":"x","category":"employed","base":"-1"},{"id":"g2","category":"student"}]`,
			[]want{{"[1].base", "x", 1, 86, "-1", dangjian.ErrNegative, "must not be negative"}}, []string{"g1", "g2"}},
		{"cross checks", `[{"id":"a","category":"student","base":"5"},{"id":"b","category":"employed","base":"1","months":["1"]},{"id":"c","category":"employed"},` +
			`{"id":"d","category":"employed","base":"1","flatAmount":"0.5"},{"id":"e","category":"retired","payslip":{"employer":"enterprise"}},` +
			`{"id":"f","category":"employed","base":"1","reduction":{"amount":"1"}},{"id":"g","category":"employed","payslip":{}},` +
			`{"id":"h","category":"self_employed","months":["1","1","1","1","1","1","1","1","1","1","1","1","1"]},{"id":"i","category":"employed","base":"1","probationarySince":"2024-02-30"}]`,
			[]want{
				{"[0].base", "a", 1, 40, "5", dangjian.ErrInvalid, "takes no base"},
				{"[1].months", "b", 1, 97, "", dangjian.ErrInvalid, "not several"},
				{"[2].base", "c", 1, 125, "employed", dangjian.ErrMissing, "pays a rate of a base"},
				{"[3].flatAmount", "d", 1, 193, "0.5", dangjian.ErrInvalid, "only flat categories"},
				{"[4].payslip.employer", "e", 1, 241, "enterprise", dangjian.ErrInvalid, "pension slip"},
				{"[5].reduction.approvedBy", "f", 1, 323, "", dangjian.ErrMissing, "needs its approval"},
				{"[5].reduction.on", "f", 1, 323, "", dangjian.ErrMissing, "needs its approval"},
				{"[6].payslip.employer", "g", 1, 381, "", dangjian.ErrMissing, "need an employer"},
				{"[7].months", "h", 1, 431, "13 months", dangjian.ErrInvalid, "at most 12 months"},
				{"[8].probationarySince", "i", 1, 549, "2024-02-30", dangjian.ErrInvalid, "not a calendar date"},
			}, nil},
		{"repeated ids: every occurrence", `[{"id":"d","category":"student"},{"id":"e","category":"student"},{"id":"d","category":"student"}]`,
			[]want{
				{"[0].id", "d", 1, 8, "d", dangjian.ErrDuplicate, "repeated at [2]"},
				{"[2].id", "d", 1, 72, "d", dangjian.ErrDuplicate, "first at [0]"},
			}, []string{"e"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := dues.DecodeRosterJSON(strings.NewReader(tt.in))
			var ps dangjian.Problems
			require.True(t, errors.As(err, &ps), "%v", err)
			require.Len(t, ps, len(tt.want), "%v", errText(err))
			for i, w := range tt.want {
				p := ps[i]
				assert.Equal(t, w.path, p.Path, "%d", i)
				assert.Equal(t, w.id, p.ID, "%d", i)
				assert.Equal(t, w.line, p.Line, "%d %s", i, p)
				assert.Equal(t, w.column, p.Column, "%d %s", i, p)
				assert.Equal(t, w.value, p.Value, "%d", i)
				assert.ErrorIs(t, p, w.is, "%d", i)
				assert.Contains(t, p.Error(), w.msg, "%d", i)
				assert.NotContains(t, p.Error(), "funding")
				assert.NotContains(t, p.Error(), "Parse")
			}
			var ids []string
			for _, r := range rows {
				ids = append(ids, r.Member.ID)
			}
			assert.Equal(t, tt.good, ids)
		})
	}
}

// Input that is not a JSON array of objects is one problem and no rows.
func TestDecodeRosterJSONNotARoster(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
		is        error
	}{
		{"empty", "", 1, 1, dangjian.ErrSyntax},
		{"an object", `{"id":"a"}`, 1, 1, dangjian.ErrSyntax},
		{"truncated", `[{"id":"a",`, 1, 12, dangjian.ErrSyntax},
		{"bad token", "[\n  {\"id\": 'a'}]", 2, 10, dangjian.ErrSyntax},
		{"trailing data", `[] []`, 1, 4, dangjian.ErrSyntax},
		{"not UTF-8", "[{\"id\":\"\xff\"}]", 1, 9, dangjian.ErrEncoding},
		{"csv", "id,name\n", 1, 1, dangjian.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := dues.DecodeRosterJSON(strings.NewReader(tt.in))
			assert.Nil(t, rows)
			ps := dangjian.ProblemsOf(err)
			require.Len(t, ps, 1, "%v", err)
			assert.ErrorIs(t, err, tt.is)
			assert.Equal(t, tt.line, ps[0].Line, "%v", err)
			assert.Equal(t, tt.col, ps[0].Column, "%v", err)
			assert.NotContains(t, err.Error(), "funding")
		})
	}
	boom := errors.New("boom")
	_, err := dues.DecodeRosterJSON(iotest.ErrReader(boom))
	assert.Same(t, boom, err, "the reader's own error")
}

// A member's problems encode to JSON with the JSON path, line, column and id.
func TestDecodeRosterJSONProblemJSON(t *testing.T) {
	_, err := dues.DecodeRosterJSON(strings.NewReader("[\n {\"id\": \"B02\", \"category\": \"在职\", \"base\": \"3,000.00\"}\n]"))
	b, jerr := json.Marshal(map[string]any{"problems": dangjian.ProblemsOf(err)})
	require.NoError(t, jerr)
	assert.JSONEq(t, `{"problems":[{"code":"invalid","path":"[0].base","id":"B02","line":2,"column":42,"value":"3,000.00",
		"message":"invalid value: grouping commas are not accepted: write 3000.00, not 3,000.00","detail":"grouping commas are not accepted: write 3000.00, not 3,000.00"}]}`, string(b))
}
