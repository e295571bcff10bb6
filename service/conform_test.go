package service_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"mime/multipart"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/dangjian-go/dangjian/service"
)

// conformBody returns a /v1/conform JSON request.
func conformBody(t testing.TB, members map[string]any) []byte {
	return assessBody(t, members)
}

// duesConform is the dues example of examples/conform as a request.
func duesConform(t testing.TB) []byte {
	return conformBody(t, map[string]any{"kind": "dues", "date": "2024-06-01",
		"input": string(sample(t, "conform/testdata/roster.csv")), "got": string(sample(t, "conform/testdata/got.csv"))})
}

// conformAnswer is the part of the answer the tests read.
type conformAnswer struct {
	Kind        string `json:"kind"`
	Differences []struct {
		ID          string   `json:"id"`
		Status      string   `json:"status"`
		Library     string   `json:"library"`
		Platform    string   `json:"platform"`
		Causes      []string `json:"causes"`
		CauseLabels []string `json:"causeLabels"`
		Rules       []struct {
			ID     string `json:"id"`
			Source string `json:"source"`
		} `json:"rules"`
	} `json:"differences"`
	Compared int    `json:"compared"`
	Differ   int    `json:"differ"`
	Summary  string `json:"summary"`
	Likely   *struct {
		Cause string `json:"cause"`
		Label string `json:"label"`
	} `json:"likely"`
	Problems []struct {
		Code string `json:"code"`
		File string `json:"file"`
		Line int    `json:"line"`
	} `json:"problems"`
}

// TestConformGolden checks whole answers of /v1/conform for each kind.
func TestConformGolden(t *testing.T) {
	h := newHandler()
	cases := []struct {
		name string
		q    request
		want int
	}{
		{"conform-dues", request{path: "/v1/conform", ctype: "application/json", body: duesConform(t)}, 200},
		{"conform-dues-report", request{path: "/v1/conform", ctype: "application/json", accept: "text/csv", body: duesConform(t)}, 200},
		{"conform-tax", request{path: "/v1/conform?kind=tax", ctype: "application/json", body: conformBody(t, map[string]any{
			"input": string(sample(t, "conform/testdata/payroll.csv")), "got": string(sample(t, "conform/testdata/tax-got.csv"))})}, 200},
		{"conform-org", request{path: "/v1/conform?kind=org&date=2025-06-30", ctype: "application/json", body: conformBody(t, map[string]any{
			"input": string(sample(t, "orgchart/testdata/tree.csv")), "got": string(sample(t, "conform/testdata/org-got.csv"))})}, 200},
		{"conform-assess", request{path: "/v1/conform", ctype: "application/json", body: conformBody(t, map[string]any{
			"kind": "考核", "date": "2025-06-30", "scheme": json.RawMessage(sample(t, "assess/testdata/flat-scheme.json")),
			"input": string(sample(t, "assess/testdata/flat.csv")), "got": string(sample(t, "conform/testdata/assess-got.csv"))})}, 200},
		{"conform-bad-cells", request{path: "/v1/conform", ctype: "application/json", body: conformBody(t, map[string]any{
			"kind": "dues", "date": "2024-06-01", "input": string(sample(t, "conform/testdata/roster.csv")),
			"got": string(sample(t, "conform/testdata/bad-cells-got.csv"))})}, 200},
		{"conform-bad-header", request{path: "/v1/conform", ctype: "application/json", body: conformBody(t, map[string]any{
			"kind": "dues", "date": "2024-06-01", "input": string(sample(t, "conform/testdata/roster.csv")),
			"got": string(sample(t, "conform/testdata/bad-header-got.csv"))})}, 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := do(t, h, c.q)
			assert.Equal(t, c.want, a.status, "%s", a.body)
			ext := ".json"
			if strings.HasPrefix(a.header.Get("Content-Type"), "text/csv") {
				ext = ".csv"
			}
			golden.Check(t, filepath.Join("testdata", c.name+ext+".golden"), a.body)
		})
	}
}

// TestConformDues reads the dues answer: the differences with their
// rules, sources and causes, the summary, the CSV report's headers.
func TestConformDues(t *testing.T) {
	h := newHandler()
	a := do(t, h, request{path: "/v1/conform", ctype: "application/json", body: duesConform(t)})
	require.Equal(t, 200, a.status, "%s", a.body)
	var out conformAnswer
	require.NoError(t, json.Unmarshal(a.body, &out))
	assert.Equal(t, "8 of 17 differ", out.Summary)
	assert.Equal(t, 17, out.Compared)
	require.Len(t, out.Differences, 8)
	d := out.Differences[0]
	assert.Equal(t, []string{"01", "differs", "45.25", "103.50"}, []string{d.ID, d.Status, d.Library, d.Platform})
	assert.Equal(t, []string{"gross_base"}, d.Causes)
	assert.Equal(t, []string{"以应发工资为基数"}, d.CauseLabels)
	require.NotEmpty(t, d.Rules)
	assert.Equal(t, "DUES-BASE-2017", d.Rules[0].ID)
	assert.Contains(t, d.Rules[0].Source, "组电明字〔2017〕5号")
	assert.Nil(t, out.Likely, "no cause explains every difference of the sample")

	r := do(t, h, request{path: "/v1/conform", ctype: "application/json", accept: "text/csv", body: duesConform(t)})
	require.Equal(t, 200, r.status, "%s", r.body)
	assert.Equal(t, `attachment; filename="conform-dues.csv"`, r.header.Get("Content-Disposition"))
	assert.Equal(t, "8", r.header.Get("X-Differ"))
	assert.Equal(t, "17", r.header.Get("X-Compared"))
	assert.Equal(t, 1+8, strings.Count(string(r.body), "\n"))
}

// bigDecimalExport returns the acceptance case: a roster of the
// whole-yuan bases 1,000–10,000 元 under the 2017 brackets and an export
// made with new BigDecimal(base * rate).setScale(2, HALF_UP), derived from
// the double's exact expansion; and the number of rows that differ.
func bigDecimalExport(t testing.TB) (roster, got string, differ int) {
	var rb, gb strings.Builder
	rb.WriteString("编号,姓名,党员类别,计算基数\n")
	gb.WriteString("编号,姓名,党费\n")
	for b := 1000; b <= 10000; b++ {
		rate := "0.015"
		switch {
		case b <= 3000:
			rate = "0.005"
		case b <= 5000:
			rate = "0.01"
		}
		rf, _, err := big.ParseFloat(rate, 10, 53, big.ToNearestEven)
		require.NoError(t, err)
		r64, _ := rf.Float64()
		platform := decimal.RequireFromString(new(big.Float).SetFloat64(float64(b)*r64).Text('f', 80)).Round(2).StringFixed(2)
		if platform != decimal.NewFromInt(int64(b)).Mul(decimal.RequireFromString(rate)).Round(2).StringFixed(2) {
			differ++
		}
		fmt.Fprintf(&rb, "%05d,m%d,在职,%d\n", b, b, b)
		fmt.Fprintf(&gb, "%05d,m%d,%s\n", b, b, platform)
	}
	return rb.String(), gb.String(), differ
}

// TestConformBigDecimal is the acceptance case over HTTP, as a
// multipart upload: every differing row has the cause, and the cause is
// the likely one of the file.
func TestConformBigDecimal(t *testing.T) {
	roster, got, differ := bigDecimalExport(t)
	require.Equal(t, 2137, differ)
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	require.NoError(t, mw.WriteField("kind", "dues"))
	require.NoError(t, mw.WriteField("date", "2024-06-01"))
	fw, err := mw.CreateFormFile("input", "roster.csv")
	require.NoError(t, err)
	fw.Write([]byte(roster))
	fw, err = mw.CreateFormFile("got", "export.csv")
	require.NoError(t, err)
	fw.Write([]byte(got))
	require.NoError(t, mw.Close())
	a := do(t, newHandler(), request{path: "/v1/conform", ctype: mw.FormDataContentType(), body: b.Bytes()})
	require.Equal(t, 200, a.status, "%s", a.body)
	var out conformAnswer
	require.NoError(t, json.Unmarshal(a.body, &out))
	assert.Equal(t, "2137 of 9001 differ", out.Summary)
	require.Len(t, out.Differences, 2137)
	for _, d := range out.Differences {
		assert.Contains(t, d.Causes, "float_bigdecimal_half_up", d.ID)
	}
	require.NotNil(t, out.Likely)
	assert.Equal(t, "float_bigdecimal_half_up", out.Likely.Cause)
	assert.Equal(t, "浮点: BigDecimal(double) 四舍五入", out.Likely.Label)
}

// TestConformJSONInput reads a JSON roster: by its text, or by the
// upload's name.
func TestConformJSONInput(t *testing.T) {
	h := newHandler()
	roster := string(sample(t, "dues/testdata/badrows.roster.json"))
	a := do(t, h, request{path: "/v1/conform?kind=dues&date=2024-06-01", ctype: "application/json",
		body: conformBody(t, map[string]any{"input": roster, "got": "id,dues\n"})})
	require.Equal(t, 200, a.status, "%s", a.body)
	var out conformAnswer
	require.NoError(t, json.Unmarshal(a.body, &out))
	assert.Positive(t, out.Compared)
	for _, p := range out.Problems {
		assert.Equal(t, "input", p.File, "a problem of INPUT names the member")
	}
}

// TestConformErrors checks the requests /v1/conform refuses.
func TestConformErrors(t *testing.T) {
	h := newHandler()
	roster, got := string(sample(t, "conform/testdata/roster.csv")), string(sample(t, "conform/testdata/got.csv"))
	cases := []struct {
		name  string
		path  string
		body  map[string]any
		want  int
		codes []string
	}{
		{"empty", "/v1/conform", map[string]any{}, 400, []string{"missing", "missing", "missing"}},
		{"bad kind", "/v1/conform", map[string]any{"kind": "salary", "input": roster, "got": got}, 400, []string{"invalid"}},
		{"no date", "/v1/conform", map[string]any{"kind": "dues", "input": roster, "got": got}, 400, []string{"missing"}},
		{"bad date", "/v1/conform", map[string]any{"kind": "dues", "date": "2024-13-01", "input": roster, "got": got}, 400, []string{"invalid"}},
		{"two dates", "/v1/conform?date=2024-05-01", map[string]any{"kind": "dues", "date": "2024-06-01", "input": roster, "got": got}, 400, []string{"duplicate"}},
		{"unknown member", "/v1/conform", map[string]any{"kind": "dues", "input": roster, "got": got, "colour": "red"}, 400, []string{"unknown_field"}},
		{"input a number", "/v1/conform", map[string]any{"kind": "dues", "input": 1, "got": got}, 400, []string{"invalid"}},
		{"assess without scheme", "/v1/conform", map[string]any{"kind": "assess", "date": "2024-06-01", "input": "", "got": ""}, 400, []string{"missing"}},
		{"scheme for dues", "/v1/conform", map[string]any{"kind": "dues", "scheme": "jifen", "date": "2024-06-01", "input": roster, "got": got}, 400, []string{"invalid"}},
		{"unknown scheme", "/v1/conform", map[string]any{"kind": "assess", "scheme": "nope", "date": "2024-06-01", "input": "", "got": ""}, 422, []string{"unknown_ref"}},
		{"scheme text not json", "/v1/conform", map[string]any{"kind": "assess", "scheme": "{oops", "date": "2024-06-01", "input": "", "got": ""}, 400, []string{"syntax"}},
		{"got header", "/v1/conform", map[string]any{"kind": "dues", "date": "2024-06-01", "input": roster, "got": "colour\nred\n"}, 400, nil},
		{"input header", "/v1/conform", map[string]any{"kind": "dues", "date": "2024-06-01", "input": "colour\nred\n", "got": got}, 400, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := do(t, h, request{path: c.path, ctype: "application/json", body: conformBody(t, c.body)})
			assert.Equal(t, c.want, a.status, "%s", a.body)
			codes := problemCodes(t, a.body)
			assert.NotEmpty(t, codes)
			if c.codes != nil {
				assert.Equal(t, c.codes, codes, "%s", a.body)
			}
		})
	}
	// The rows of GOT over the server's limit: 413.
	small := service.New(service.Options{Limits: dangjianLimits(3)})
	a := do(t, small, request{path: "/v1/conform", ctype: "application/json", body: duesConform(t)})
	assert.Equal(t, 413, a.status, "%s", a.body)
	assert.Equal(t, []string{"limit"}, problemCodes(t, a.body))
	// Work over the time bound: 413 timeout.
	slow := service.New(service.Options{Timeout: time.Nanosecond})
	a = do(t, slow, request{path: "/v1/conform", ctype: "application/json", body: duesConform(t)})
	assert.Equal(t, 413, a.status, "%s", a.body)
	assert.Equal(t, []string{"timeout"}, problemCodes(t, a.body))
}
