package browser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	conformRoster = repoFile("examples/conform/testdata/roster.csv")
	conformGot    = repoFile("examples/conform/testdata/got.csv")
	orgchartTree  = repoFile("examples/orgchart/testdata/tree.csv")
)

// cents returns r rounded half-up to the fen, as "12.34" (r ≥ 0).
func cents(r *big.Rat) string {
	c := new(big.Rat).Mul(r, big.NewRat(100, 1))
	c.Add(c, big.NewRat(1, 2))
	n := new(big.Int).Quo(c.Num(), c.Denom()) // floor, c > 0
	return fmt.Sprintf("%d.%02d", new(big.Int).Quo(n, big.NewInt(100)), new(big.Int).Rem(n, big.NewInt(100)))
}

// bigDecimalFiles writes the acceptance case: a roster of the
// whole-yuan bases 1,000–10,000 元 under the 2017 brackets, and a
// platform's export made with new BigDecimal(base * rate).setScale(2,
// HALF_UP) (the double product's exact value rounded half-up); it returns
// the files and the number of rows that differ from the exact dues.
func bigDecimalFiles(t *testing.T) (roster, got string, differ int) {
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
		exactRate, ok := new(big.Rat).SetString(rate)
		require.True(t, ok)
		r64, _ := exactRate.Float64() // the double nearest the rate, as Java's literal
		platform := cents(new(big.Rat).SetFloat64(float64(b) * r64))
		if platform != cents(new(big.Rat).Mul(big.NewRat(int64(b), 1), exactRate)) {
			differ++
		}
		fmt.Fprintf(&rb, "%05d,m%d,在职,%d\n", b, b, b)
		fmt.Fprintf(&gb, "%05d,m%d,%s\n", b, b, platform)
	}
	dir := t.TempDir()
	roster, got = filepath.Join(dir, "roster.csv"), filepath.Join(dir, "export.csv")
	require.NoError(t, os.WriteFile(roster, []byte(rb.String()), 0o644))
	require.NoError(t, os.WriteFile(got, []byte(gb.String()), 0o644))
	return roster, got, differ
}

// form is a multipart body of fields and files.
func form(t *testing.T, fields map[string]string, files map[string]string) (string, []byte) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		require.NoError(t, mw.WriteField(k, v))
	}
	for name, file := range files {
		w, err := mw.CreateFormFile(name, filepath.Base(file))
		require.NoError(t, err)
		_, err = w.Write(read(t, file))
		require.NoError(t, err)
	}
	require.NoError(t, mw.Close())
	return mw.FormDataContentType(), b.Bytes()
}

type conformWant struct {
	Differences []struct {
		ID, Status, Library, Platform string
		Line                          int
		Causes                        []string
		CauseLabels                   []string
		Rules                         []struct{ ID, Source string }
	}
	Compared, Differ int
	Summary          string
	Likely           *struct{ Cause, Label string }
}

// TestConform uploads a BigDecimal(double) export: the page lists the
// differing rows with that cause, the summary and the likely cause, and
// downloads the service's CSV report.
func TestConform(t *testing.T) {
	roster, got, differ := bigDecimalFiles(t)
	require.Equal(t, 2137, differ)
	p := open(t)
	p.tab("conform")
	p.do(chromedp.SetValue(chromedp.ID("conform-kind"), "dues"),
		chromedp.SetUploadFiles(chromedp.ID("conform-input"), []string{roster}),
		chromedp.SetUploadFiles(chromedp.ID("conform-got"), []string{got}),
		chromedp.SetValue(chromedp.ID("conform-date"), "2024-06-01"), chromedp.Click(chromedp.ID("conform-run")))
	p.wait(`document.querySelectorAll("#conform-diffs table.diffs tbody tr").length > 0`)

	ct, body := form(t, map[string]string{"kind": "dues", "date": "2024-06-01"}, map[string]string{"input": roster, "got": got})
	status, out := p.api("POST", "/v1/conform", ct, "", body)
	require.Equal(t, http.StatusOK, status, "%s", out)
	var want conformWant
	require.NoError(t, json.Unmarshal(out, &want))
	require.Len(t, want.Differences, 2137)
	assert.Equal(t, "2137 of 9001 differ", want.Summary)

	rows := p.rows("#conform-diffs table.diffs tbody tr")
	require.Len(t, rows, 500, "the page shows the first 500 rows")
	for i, r := range rows {
		w := want.Differences[i]
		assert.Equal(t, fmt.Sprint(w.Line), r[0], "row %d", i)
		assert.Equal(t, w.ID, r[2], "row %d", i)
		assert.Contains(t, r[3], "不一致", "row %d", i)
		assert.Equal(t, []string{w.Library, w.Platform}, r[4:6], "row %d", i)
		assert.Contains(t, r[6], "浮点: BigDecimal(double) 四舍五入 (float_bigdecimal_half_up)", "row %d", i)
		assert.Contains(t, r[7], w.Rules[0].ID, "row %d", i)
		assert.Contains(t, r[7], w.Rules[0].Source, "row %d", i)
	}
	summary := p.text("#conform-summary")
	assert.Contains(t, summary, "9001 行中 2137 行不一致")
	assert.Contains(t, summary, "2137 of 9001 differ")
	assert.Contains(t, p.text("#conform-summary .likely"), "float_bigdecimal_half_up")
	assert.Contains(t, p.text("#conform-status"), "2137 行不一致")
	assert.Contains(t, p.text("#conform-diffs"), "只显示前 500 行")

	// The CSV report the browser saves is the service's.
	dir := p.downloads()
	p.do(chromedp.Click(chromedp.ID("conform-download")))
	p.wait(`document.getElementById("conform-status").textContent.includes("差异报告 CSV 已生成")`)
	saved := p.downloaded(filepath.Join(dir, "conform-dues.csv"), nil)
	status, csv := p.api("POST", "/v1/conform", ct, "text/csv", body)
	require.Equal(t, http.StatusOK, status, "%s", csv)
	assert.Equal(t, string(csv), string(saved))
	assert.Equal(t, 2137+1, strings.Count(string(saved), "\n"))

	// The sample export: several causes, rows the platform lacks, and no
	// likely cause of them all.
	p.do(chromedp.SetUploadFiles(chromedp.ID("conform-input"), []string{conformRoster}),
		chromedp.SetUploadFiles(chromedp.ID("conform-got"), []string{conformGot}), chromedp.Click(chromedp.ID("conform-run")))
	p.wait(`document.getElementById("conform-status").textContent.includes("8 行不一致")`)
	rows = p.rows("#conform-diffs table.diffs tbody tr")
	require.Len(t, rows, 8)
	assert.Contains(t, rows[0][6], "以应发工资为基数 (gross_base)")
	assert.Contains(t, rows[5][3], "平台缺行")
	assert.Equal(t, "（无）", rows[5][5])
	assert.Zero(t, p.count("#conform-summary .likely"))

	// A bad request: the problem, not a table.
	p.do(chromedp.SetValue(chromedp.ID("conform-kind"), "assess"), chromedp.SetValue(chromedp.ID("conform-scheme"), ""),
		chromedp.Click(chromedp.ID("conform-run")))
	p.wait(`document.getElementById("conform-status").textContent.includes("需要选择考核方案")`)
}

// TestDue uploads a tree and meetings and reads what is due, with status
// and reminders, as the service answers it.
func TestDue(t *testing.T) {
	p := open(t)
	p.tab("due")
	p.do(chromedp.SetUploadFiles(chromedp.ID("due-tree"), []string{orglifeTree}),
		chromedp.SetUploadFiles(chromedp.ID("due-meetings"), []string{orglifeMeets}),
		chromedp.SetValue(chromedp.ID("due-asof"), "2024-11-15"), chromedp.SetValue(chromedp.ID("due-until"), "2025-01-31"),
		chromedp.Click(chromedp.ID("due-run")))
	p.wait(`document.querySelectorAll("#due-items table.due-items tbody tr").length > 0`)

	ct, body := form(t, nil, map[string]string{"tree": orglifeTree, "meetings": orglifeMeets})
	status, out := p.api("POST", "/v1/due?asOf=2024-11-15&until=2025-01-31", ct, "", body)
	require.Equal(t, http.StatusOK, status, "%s", out)
	var want struct {
		Items []struct {
			What, WhatLabel, Org, Due, Status, StatusLabel, Rule, Period string
			Days                                                         int
		}
		Reminders []struct{ On string }
	}
	require.NoError(t, json.Unmarshal(out, &want))
	require.NotEmpty(t, want.Items)
	rows := p.rows("#due-items table.due-items tbody tr")
	require.Len(t, rows, len(want.Items))
	overdue := 0
	for i, w := range want.Items {
		r := rows[i]
		assert.Equal(t, w.Due, r[0], "row %d", i)
		assert.Contains(t, r[1], w.StatusLabel, "row %d", i)
		if w.Status == "overdue" {
			overdue++
			assert.Contains(t, r[1], fmt.Sprintf("逾期 %d 天", w.Days), "row %d", i)
		}
		assert.Contains(t, r[2], w.WhatLabel+" ("+w.What+")", "row %d", i)
		assert.Contains(t, r[3], w.Org, "row %d", i)
		assert.Equal(t, w.Period, r[4], "row %d", i)
		assert.Contains(t, r[5], w.Rule, "row %d", i)
	}
	assert.Positive(t, overdue)
	assert.Len(t, p.rows("#due-reminders table.reminders tbody tr"), len(want.Reminders))
	assert.Contains(t, p.text("#due-status"), fmt.Sprintf("已逾期 %d 项", overdue))

	// A tree alone, with election dates: the terms.
	run[bool](p, `(function () { document.getElementById("due-meetings").value = ""; return true; })()`)
	p.do(chromedp.SetUploadFiles(chromedp.ID("due-tree"), []string{orgchartTree}),
		chromedp.SetValue(chromedp.ID("due-asof"), "2025-06-30"), chromedp.SetValue(chromedp.ID("due-until"), "2026-06-30"),
		chromedp.Click(chromedp.ID("due-run")))
	p.wait(`document.getElementById("due-status").textContent.includes("2025-06-30 至 2026-06-30")`)
	status, out = p.api("POST", "/v1/due?asOf=2025-06-30&until=2026-06-30", "text/csv", "", read(t, orgchartTree))
	require.Equal(t, http.StatusOK, status, "%s", out)
	want.Items = nil
	require.NoError(t, json.Unmarshal(out, &want))
	assert.Equal(t, len(want.Items), p.count("#due-items table.due-items tbody tr"))
	for _, it := range want.Items {
		assert.NotEqual(t, "meeting", it.What)
	}
}

// TestHostileConformDue: ids and names that look like HTML, in a
// platform's export and in a tree, stay text in the two new tabs.
func TestHostileConformDue(t *testing.T) {
	dir := t.TempDir()
	got := filepath.Join(dir, "got.csv")
	require.NoError(t, os.WriteFile(got, append(read(t, conformGot),
		"\"<img src=x onerror=\"\"window.__pwned=1\"\">\",坏,1.00,\n"...), 0o644))
	tree := filepath.Join(dir, "tree.csv")
	require.NoError(t, os.WriteFile(tree, []byte("编号,上级编号,组织类别,领域,名称,正式党员,预备党员,选举日期\n"+
		"r,,党委,社区,<script>window.__pwned=2</script>,0,0,2020-01-01\n"+
		"\"<img src=x onerror=\"\"window.__pwned=3\"\">\",r,党支部,社区,支部,5,0,2020-01-01\n"), 0o644))
	p := open(t)
	p.tab("conform")
	p.do(chromedp.SetUploadFiles(chromedp.ID("conform-input"), []string{conformRoster}),
		chromedp.SetUploadFiles(chromedp.ID("conform-got"), []string{got}),
		chromedp.SetValue(chromedp.ID("conform-date"), "2024-06-01"), chromedp.Click(chromedp.ID("conform-run")))
	p.wait(`document.querySelectorAll("#conform-diffs table.diffs tbody tr").length > 0`)
	assert.Contains(t, p.text("#conform-diffs"), `<img src=x onerror="window.__pwned=1">`)
	p.tab("due")
	p.do(chromedp.SetUploadFiles(chromedp.ID("due-tree"), []string{tree}),
		chromedp.SetValue(chromedp.ID("due-asof"), "2025-06-30"), chromedp.Click(chromedp.ID("due-run")))
	p.wait(`document.querySelectorAll("#due-items table.due-items tbody tr").length > 0`)
	items := p.text("#due-items")
	assert.Contains(t, items, `<script>window.__pwned=2</script>`)
	assert.Contains(t, items, `<img src=x onerror="window.__pwned=3">`)
	assert.Zero(t, p.count("#panel-conform img, #panel-conform script, #panel-due img, #panel-due script"))
	assert.Equal(t, "undefined", run[string](p, `typeof window.__pwned`))
}
