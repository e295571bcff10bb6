package browser

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/service"
)

// The library's own example files, uploaded as a user would.
var (
	sampleSubjects = repoFile("examples/assess/testdata/sample.json") // yanji-shuzhi's cohort
	xingjiSubjects = repoFile("assess/testdata/reference/xingji.subjects.json")
	flatScheme     = repoFile("examples/assess/testdata/flat-scheme.json")
	flatSubjects   = repoFile("examples/assess/testdata/flat.csv")
	flatPolicy     = repoFile("examples/assess/testdata/flat-policy.json")
	errorsTree     = repoFile("examples/orgchart/testdata/errors.csv")
	duesRoster     = repoFile("examples/dues/testdata/sample.csv")
	duesBadRows    = repoFile("examples/dues/testdata/badrows.csv")
	orglifeTree    = repoFile("examples/orglife/testdata/tree.csv")
	orglifeMeets   = repoFile("examples/orglife/testdata/meetings.csv")
)

// strictCSP is the policy the tests serve the page with.
const strictCSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// today is the service's clock: the default asOf and date of the page.
var today = time.Date(2024, 6, 15, 9, 0, 0, 0, time.UTC)

func repoFile(rel string) string {
	p, err := filepath.Abs(filepath.Join("..", "..", filepath.FromSlash(rel)))
	if err != nil {
		panic(err)
	}
	return p
}

// chromePath finds a Chromium or Chrome executable, or "".
func chromePath() string {
	if p := os.Getenv("CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// page is one browser tab on a fresh service.
type page struct {
	t    *testing.T
	ctx  context.Context // the tab's context, without a deadline
	base string          // the service's URL, without a trailing slash

	mu         sync.Mutex
	exceptions []string // uncaught exceptions of the page's JavaScript, and what the CSP refused
}

// open starts the service and a headless browser on its page. Both end with
// the test.
func open(t *testing.T) *page {
	t.Helper()
	return openAt(t, "")
}

// openAt is open with the service mounted under a path prefix, as a Go
// platform mounts it: http.StripPrefix(prefix, handler) at prefix + "/".
func openAt(t *testing.T, prefix string) *page {
	t.Helper()
	chrome := chromePath()
	if chrome == "" {
		if os.Getenv("WEBTEST_REQUIRE_BROWSER") != "" {
			t.Fatal("no Chromium, and WEBTEST_REQUIRE_BROWSER is set: install it (apt-get install -y chromium) or set $CHROME")
		}
		t.Skip("no Chromium: install it (Debian/Ubuntu: apt-get install -y chromium) or set $CHROME to a Chrome executable")
	}
	h := service.New(service.Options{Now: func() time.Time { return today }})
	// The page must work under a strict content security policy: no inline
	// script or style, nothing from another origin.
	if prefix != "" {
		mux := http.NewServeMux()
		mux.Handle(prefix+"/", http.StripPrefix(prefix, h))
		h = mux
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", strictCSP)
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome),
		chromedp.WindowSize(1280, 900))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to run as root with its sandbox
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(acancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	p := &page{t: t, ctx: ctx, base: srv.URL}
	// Start the browser with no deadline, so that a step's timeout ends only
	// that step.
	require.NoError(t, chromedp.Do(ctx), "starting %s", chrome)
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.IsException() || strings.Contains(m.Text, "Content Security Policy") {
				p.mu.Lock()
				p.exceptions = append(p.exceptions, m.String())
				p.mu.Unlock()
			}
		}
	}()
	p.do(chromedp.Navigate(srv.URL + prefix + "/"))
	p.wait(`document.querySelectorAll('#scheme-pick option[value="yanji-shuzhi"]').length === 1`)
	t.Cleanup(p.checkClean)
	return p
}

// checkClean fails the test when the page threw, or loaded anything from
// another origin.
func (p *page) checkClean() {
	p.t.Helper()
	if dir := os.Getenv("WEBTEST_SCREENSHOTS"); dir != "" {
		ctx, cancel := p.step()
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		cancel()
		if assert.NoError(p.t, err, "screenshot") {
			assert.NoError(p.t, os.WriteFile(filepath.Join(dir, p.t.Name()+".png"), png, 0o644))
		}
	}
	p.mu.Lock()
	assert.Empty(p.t, p.exceptions, "JavaScript exceptions or content refused by the CSP")
	p.mu.Unlock()
	urls := run[[]string](p, `performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource")).map(function (e) { return e.name; })`)
	assert.NotEmpty(p.t, urls)
	for _, u := range urls {
		assert.True(p.t, strings.HasPrefix(u, p.base+"/"), "a request to another origin: %s", u)
	}
}

func (p *page) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(p.ctx, 30*time.Second)
}

func (p *page) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	require.NoError(p.t, chromedp.Do(ctx, actions...))
}

// run evaluates a JavaScript expression in the page.
func run[T any](p *page, expr string) T {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	require.NoError(p.t, err, "evaluating %s", expr)
	return v
}

// wait waits until a JavaScript expression is true, and fails the test
// with the page's status lines when it does not become so.
func (p *page) wait(expr string) {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(20*time.Second)))
	if err != nil {
		status, _ := chromedp.Run(p.ctx, chromedp.Evaluate[[]string](
			`Array.from(document.querySelectorAll('.status, .problems')).map(function (e) { return e.id + ': ' + e.textContent; })`))
		require.NoError(p.t, err, "waiting for %s; the page says %q", expr, status)
	}
}

// text is the text of the first element the CSS selector finds.
func (p *page) text(sel string) string {
	p.t.Helper()
	return run[string](p, fmt.Sprintf(`(document.querySelector(%q) || {textContent: ""}).textContent`, sel))
}

// rows is the text of each cell of each row the CSS selector finds.
func (p *page) rows(sel string) [][]string {
	p.t.Helper()
	return run[[][]string](p, fmt.Sprintf(
		`Array.from(document.querySelectorAll(%q)).map(function (tr) { return Array.from(tr.cells).map(function (c) { return c.textContent; }); })`, sel))
}

func (p *page) count(sel string) int {
	p.t.Helper()
	return run[int](p, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel))
}

func (p *page) tab(name string) {
	p.t.Helper()
	p.do(chromedp.Click(chromedp.ID("tab-" + name)))
	p.wait(fmt.Sprintf(`!document.getElementById("panel-%s").hidden`, name))
}

// api calls the service directly, for the values the page must show.
func (p *page) api(method, path, contentType, accept string, body []byte) (int, []byte) {
	p.t.Helper()
	req, err := http.NewRequest(method, p.base+path, bytes.NewReader(body))
	require.NoError(p.t, err)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(p.t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(p.t, err)
	return res.StatusCode, b
}

// downloads lets the browser save downloads, in a directory of the test.
func (p *page) downloads() string {
	p.t.Helper()
	dir := p.t.TempDir()
	ctx, cancel := p.step()
	defer cancel()
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
	require.NoError(p.t, err)
	return dir
}

// downloaded waits for a downloaded file to be complete: its content is
// want, or, with want nil, anything not empty.
func (p *page) downloaded(file string, want []byte) []byte {
	p.t.Helper()
	var saved []byte
	require.Eventually(p.t, func() bool {
		b, err := os.ReadFile(file)
		if err != nil || len(b) == 0 || (want != nil && !bytes.Equal(b, want)) {
			return false
		}
		saved = b
		return true
	}, 20*time.Second, 100*time.Millisecond, "no %s downloaded (or not as expected)", file)
	return saved
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return b
}

type assessAnswer struct {
	Results []struct {
		ID, Total, Grade string
		Rank             int
	}
	Trace struct {
		ID, Value string
	}
	Problems []struct{ Code, Path string }
}

// TestRanking loads a reference scheme, uploads its cohort, reads the
// ranking and opens one subject's trace down to a source.
func TestRanking(t *testing.T) {
	p := open(t)
	p.do(chromedp.SetValue(chromedp.ID("scheme-pick"), "yanji-shuzhi"), chromedp.Click(chromedp.ID("scheme-load")))
	p.wait(`document.getElementById("scheme-status").textContent.includes("已载入参考方案 yanji-shuzhi")`)
	assert.Contains(t, run[string](p, `document.getElementById("scheme-text").value`), `"components"`)

	p.tab("assess")
	p.do(chromedp.SetUploadFiles(chromedp.ID("subjects-file"), []string{sampleSubjects}))
	p.wait(`document.getElementById("subjects-text").value.length > 0`)
	p.do(chromedp.Click(chromedp.ID("assess-run")))
	p.wait(`document.querySelectorAll("table.ranking tbody tr").length > 0`)

	body := append(append([]byte(`{"scheme":"yanji-shuzhi","subjects":`), read(t, sampleSubjects)...), `,"explain":"community-1"}`...)
	status, out := p.api("POST", "/v1/assess", "application/json", "", body)
	require.Equal(t, http.StatusOK, status, "%s", out)
	var want assessAnswer
	require.NoError(t, json.Unmarshal(out, &want))
	require.NotEmpty(t, want.Results)

	header := run[[]string](p, `Array.from(document.querySelectorAll("table.ranking thead th")).map(function (th) { return th.textContent; })`)
	col := func(name string) int {
		for i, h := range header {
			if strings.HasPrefix(h, name) {
				return i
			}
		}
		t.Fatalf("no column %s in %q", name, header)
		return -1
	}
	rank, id, total, grade := col("名次"), col("编号"), col("总分"), col("等次")
	got := p.rows("table.ranking tbody tr")
	require.Len(t, got, len(want.Results))
	for i, w := range want.Results {
		assert.Equal(t, w.ID, got[i][id], "row %d", i)
		assert.Equal(t, fmt.Sprint(w.Rank), got[i][rank], "row %d", i)
		assert.Equal(t, w.Total, got[i][total], "row %d", i)
		assert.True(t, strings.HasPrefix(got[i][grade], w.Grade), "row %d: grade %q, want %q", i, got[i][grade], w.Grade)
	}
	// Quotas and grade counts of the reference policy.
	assert.Contains(t, p.text("#assess-grading"), "等次分布")

	// The trace of one subject: its total, then a part and its source.
	p.do(chromedp.Click(chromedp.CSS(`button.subject[data-subject="community-1"]`)))
	p.wait(`document.querySelector('#assess-trace details.tnode') !== null`)
	root := p.text(`#assess-trace details.tnode > summary`)
	assert.Contains(t, root, want.Trace.Value)
	assert.Contains(t, p.text(`#assess-trace details.tnode`), "依据：dangjian 参考方案")
	assert.Zero(t, p.count(`#assess-trace details.tnode[data-id="sanshi"]`), "a closed node's children are drawn on opening")
	p.do(chromedp.Click(chromedp.CSS(`#assess-trace details.tnode[data-id="daily"] > summary`)))
	p.wait(`document.querySelector('#assess-trace details.tnode[data-id="sanshi"]') !== null`)
	daily := p.text(`#assess-trace details.tnode[data-id="daily"] > .tbody`)
	assert.Contains(t, daily, "中共延吉市委组织部")
	assert.Contains(t, daily, "精确值")
}

// TestQuotas ranks under a reference policy with a quota: the quota's
// use, and the subject it moved down, are on the page.
func TestQuotas(t *testing.T) {
	p := open(t)
	p.do(chromedp.SetValue(chromedp.ID("scheme-pick"), "xingji"), chromedp.Click(chromedp.ID("scheme-load")))
	p.wait(`document.getElementById("scheme-status").textContent.includes("已载入参考方案 xingji")`)
	p.tab("assess")
	p.do(chromedp.SetUploadFiles(chromedp.ID("subjects-file"), []string{xingjiSubjects}))
	p.wait(`document.getElementById("subjects-text").value.length > 0`)
	p.do(chromedp.Click(chromedp.ID("assess-run")))
	p.wait(`document.querySelectorAll("table.quotas tbody tr").length > 0`)

	body := append(append([]byte(`{"scheme":"xingji","subjects":`), read(t, xingjiSubjects)...), '}')
	status, out := p.api("POST", "/v1/assess", "application/json", "", body)
	require.Equal(t, http.StatusOK, status, "%s", out)
	var want struct {
		Grading struct {
			Groups []struct {
				Quotas []struct {
					Grade, Max                                 string
					Base, Allowed, Recommended, Final, Demoted int
				}
			}
			Subjects []struct {
				Subject string
				Steps   []struct{ Kind, From, To string }
			}
		}
	}
	require.NoError(t, json.Unmarshal(out, &want))
	var quotas [][]string
	for _, g := range want.Grading.Groups {
		for _, q := range g.Quotas {
			quotas = append(quotas, []string{q.Grade, q.Max, fmt.Sprint(q.Base), fmt.Sprint(q.Allowed),
				fmt.Sprint(q.Recommended), fmt.Sprint(q.Final), fmt.Sprint(q.Demoted)})
		}
	}
	require.NotEmpty(t, quotas, "the xingji policy has a quota")
	got := p.rows("table.quotas tbody tr")
	require.Len(t, got, len(quotas))
	for i, q := range quotas {
		assert.Equal(t, q, got[i][:len(q)], "quota %d", i)
	}
	// The subject a quota moved down says so in its row.
	moved := 0
	for _, s := range want.Grading.Subjects {
		for _, st := range s.Steps {
			if st.Kind == "quota" {
				moved++
				row := p.text(fmt.Sprintf(`table.ranking tr[data-subject=%q]`, s.Subject))
				assert.Contains(t, row, "quota "+st.From+" → "+st.To, "subject %s", s.Subject)
			}
		}
	}
	assert.NotZero(t, moved, "no subject moved by the quota")
}

// brokenFlatScheme is the flat example scheme with one indicator's maximum
// raised, so that its component's points no longer add up: a compile
// problem at components[0].max, on line 7 of the text.
func brokenFlatScheme(t *testing.T) (string, int) {
	s := string(read(t, flatScheme))
	const from = `{"id": "dues", "name": "党费按月交纳率（%）", "max": "30"`
	require.Contains(t, s, from)
	s = strings.Replace(s, from, strings.Replace(from, `"30"`, `"35"`, 1), 1)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, `"id": "work"`) {
			return s, i + 1
		}
	}
	t.Fatal("no work component")
	return "", 0
}

// TestSchemeProblems pastes broken schemes and reads their problems at
// their paths and lines, then scores a pasted scheme with CSV subjects.
func TestSchemeProblems(t *testing.T) {
	p := open(t)
	broken, line := brokenFlatScheme(t)
	p.do(chromedp.SetValue(chromedp.ID("scheme-text"), broken), chromedp.Click(chromedp.ID("scheme-check")))
	p.wait(`document.querySelectorAll("#scheme-problems li.problem").length > 0`)
	problems := run[[]string](p, `Array.from(document.querySelectorAll("#scheme-problems li.problem")).map(function (li) { return li.textContent; })`)
	found := false
	for _, pr := range problems {
		if strings.Contains(pr, "components[0].max") && strings.HasPrefix(pr, "points") {
			found = true
			assert.Contains(t, pr, fmt.Sprintf("定位到第 %d 行", line))
		}
	}
	assert.True(t, found, "no points problem at components[0].max in %q", problems)
	assert.Contains(t, run[[]string](p, `Array.from(document.querySelectorAll("#scheme-gutter mark")).map(function (m) { return m.textContent; })`), fmt.Sprint(line))
	assert.Equal(t, "true", run[string](p, `document.getElementById("scheme-text").getAttribute("aria-invalid")`))
	assert.Contains(t, p.text("#scheme-status"), "422")
	// The button puts the caret on the line.
	p.do(chromedp.Click(chromedp.CSS(`#scheme-problems button.goto`)))
	assert.Equal(t, line, run[int](p, `(function () { var ta = document.getElementById("scheme-text"); return ta.value.slice(0, ta.selectionStart).split("\n").length; })()`))

	// The edited scheme saved as a file, as it is.
	dir := p.downloads()
	p.do(chromedp.Click(chromedp.ID("scheme-save")))
	p.downloaded(filepath.Join(dir, "scheme.json"), []byte(broken))

	// Text that is not JSON: the server's problem at its line of the text.
	p.do(chromedp.SetValue(chromedp.ID("scheme-text"), "{\n  \"name\": \"x\",\n  \"components\": [\n}\n"), chromedp.Click(chromedp.ID("scheme-check")))
	p.wait(`document.getElementById("scheme-status").textContent.includes("400")`)
	assert.Contains(t, p.text("#scheme-problems"), "第 4 行")
	assert.Equal(t, []string{"4"}, run[[]string](p, `Array.from(document.querySelectorAll("#scheme-gutter mark")).map(function (m) { return m.textContent; })`))

	// The fixed scheme compiles, and scores a CSV cohort.
	p.do(chromedp.SetValue(chromedp.ID("scheme-text"), string(read(t, flatScheme))), chromedp.Click(chromedp.ID("scheme-check")))
	p.wait(`document.getElementById("scheme-status").textContent.includes("方案编译通过")`)
	assert.Zero(t, p.count("#scheme-problems li.problem"))
	assert.Zero(t, p.count("#scheme-gutter mark"))
	p.tab("assess")
	p.do(chromedp.SetValue(chromedp.ID("subjects-text"), string(read(t, flatSubjects))), chromedp.Click(chromedp.ID("assess-run")))
	p.wait(`document.querySelectorAll("table.ranking tbody tr").length > 0`)
	body, err := json.Marshal(map[string]any{"scheme": json.RawMessage(read(t, flatScheme)), "subjectsCsv": string(read(t, flatSubjects))})
	require.NoError(t, err)
	status, out := p.api("POST", "/v1/assess", "application/json", "", body)
	require.Equal(t, http.StatusOK, status, "%s", out)
	var want assessAnswer
	require.NoError(t, json.Unmarshal(out, &want))
	got := p.rows("table.ranking tbody tr")
	require.Len(t, got, len(want.Results))
	for i, w := range want.Results {
		assert.Contains(t, got[i], w.ID)
		assert.Contains(t, got[i], w.Total)
	}

	// With a grading policy uploaded: its quota is used.
	p.do(chromedp.SetUploadFiles(chromedp.ID("policy-file"), []string{flatPolicy}))
	p.wait(`document.getElementById("policy-text").value.length > 0`)
	p.do(chromedp.Click(chromedp.ID("assess-run")))
	p.wait(`document.querySelectorAll("table.quotas tbody tr").length > 0`)
	body, err = json.Marshal(map[string]any{"scheme": json.RawMessage(read(t, flatScheme)), "subjectsCsv": string(read(t, flatSubjects)),
		"policy": json.RawMessage(read(t, flatPolicy))})
	require.NoError(t, err)
	status, out = p.api("POST", "/v1/assess", "application/json", "", body)
	require.Equal(t, http.StatusOK, status, "%s", out)
	var withPolicy struct {
		Policy  string
		Results []struct{ ID, Grade string }
	}
	require.NoError(t, json.Unmarshal(out, &withPolicy))
	assert.Contains(t, p.text("#assess-grading"), withPolicy.Policy)
	assert.Contains(t, p.text("table.quotas tbody tr"), "优秀")
	for _, r := range withPolicy.Results {
		assert.True(t, strings.HasPrefix(p.text(fmt.Sprintf(`table.ranking tr[data-subject=%q] td:nth-child(%d)`, r.ID, len(p.rows("table.ranking thead tr")[0])-2)), r.Grade), "subject %s", r.ID)
	}
	require.True(t, run[bool](p, `(document.getElementById("policy-text").value = "") === ""`)) // SetValue refuses ""

	// A subject that cannot be scored: its problem at its line of the
	// pasted CSV, and the button puts the caret there.
	badCSV := strings.Replace(string(read(t, flatSubjects)), "c02,社区,80,", "c02,社区,8x0,", 1)
	require.NotEqual(t, string(read(t, flatSubjects)), badCSV)
	p.do(chromedp.SetValue(chromedp.ID("subjects-text"), badCSV), chromedp.Click(chromedp.ID("assess-run")))
	p.wait(`document.getElementById("assess-status").textContent.includes("422")`)
	assert.Zero(t, p.count("table.ranking"), "no ranking of part of a cohort")
	problem := p.text("#assess-problems li.problem")
	assert.Contains(t, problem, "8x0")
	assert.Contains(t, problem, "定位到考核对象第 3 行")
	p.do(chromedp.Click(chromedp.CSS(`#assess-problems button.goto`)))
	assert.Equal(t, 3, run[int](p, `(function () { var ta = document.getElementById("subjects-text"); return ta.value.slice(0, ta.selectionStart).split("\n").length; })()`))
	assert.Equal(t, "c02,社区,8x0,97.5,社区,480,85.5,,,1", run[string](p, `(function () { var ta = document.getElementById("subjects-text"); return ta.value.slice(ta.selectionStart, ta.selectionEnd); })()`))
}

// TestNotUTF8 uploads files saved in GBK: the page refuses to read one
// into an editor, and shows the service's problem for one it sends as it
// is.
func TestNotUTF8(t *testing.T) {
	p := open(t)
	gbk := "id,parent_id,kind,domain,name,full_members,probationary_members\nr,,committee,community,\xc9\xe7\xc7\xf8,5,0\n" // 社区 in GBK
	f := filepath.Join(t.TempDir(), "gbk.csv")
	require.NoError(t, os.WriteFile(f, []byte(gbk), 0o644))
	p.tab("assess")
	p.do(chromedp.SetUploadFiles(chromedp.ID("subjects-file"), []string{f}))
	p.wait(`document.getElementById("assess-status").textContent.includes("不是 UTF-8")`)
	assert.Empty(t, run[string](p, `document.getElementById("subjects-text").value`))

	p.tab("orgs")
	p.do(chromedp.SetUploadFiles(chromedp.ID("tree-file"), []string{f}), chromedp.Click(chromedp.ID("tree-run")))
	p.wait(`document.querySelectorAll("#tree-problems li.problem").length > 0`)
	_, out := p.api("POST", "/v1/orgs/validate", "text/csv", "", []byte(gbk))
	var want struct {
		Problems []struct{ Code, Message string }
	}
	require.NoError(t, json.Unmarshal(out, &want))
	require.NotEmpty(t, want.Problems)
	problem := p.text("#tree-problems li.problem")
	assert.True(t, strings.HasPrefix(problem, want.Problems[0].Code), "%q", problem)
	assert.Contains(t, problem, want.Problems[0].Message)
}

// TestOrgs uploads a tree, reads its findings and its chart, opens a
// closed branch of the chart, and keyboard-switches the tabs.
func TestOrgs(t *testing.T) {
	p := open(t)
	// Tabs follow the arrow keys.
	p.do(chromedp.Focus(chromedp.ID("tab-scheme")), chromedp.SendKeys(chromedp.ID("tab-scheme"), kb.ArrowRight+kb.ArrowRight))
	p.wait(`document.getElementById("tab-orgs").getAttribute("aria-selected") === "true" && !document.getElementById("panel-orgs").hidden`)
	assert.Equal(t, "tab-orgs", run[string](p, `document.activeElement.id`))

	p.do(chromedp.SetUploadFiles(chromedp.ID("tree-file"), []string{errorsTree}),
		chromedp.SetValue(chromedp.ID("tree-asof"), "2025-06-30"), chromedp.Click(chromedp.ID("tree-run")))
	p.wait(`document.querySelector("#tree-chart ul.chart") !== null`)

	status, out := p.api("POST", "/v1/orgs/validate?asOf=2025-06-30", "text/csv", "", read(t, errorsTree))
	require.Equal(t, http.StatusOK, status, "%s", out)
	var want struct {
		Orgs     []struct{ ID, Name string }
		Findings []struct{ Rule, Severity, Subject, Message string }
	}
	require.NoError(t, json.Unmarshal(out, &want))
	require.NotEmpty(t, want.Findings)
	got := p.rows("table.findings tbody tr")
	require.Len(t, got, len(want.Findings))
	for i, f := range want.Findings {
		assert.Equal(t, f.Rule, got[i][0], "finding %d", i)
		assert.Contains(t, got[i][1], f.Severity, "finding %d", i)
		assert.Contains(t, got[i][2], f.Subject, "finding %d", i)
		assert.Equal(t, f.Message, got[i][4], "finding %d", i)
	}

	// The chart: every organization down to the depth drawn open; the
	// general branch at depth 2 is closed and its branch drawn on opening.
	assert.Contains(t, p.text(`#tree-chart li[data-org="yj"]`), "中共延吉市委员会")
	assert.Equal(t, 1, p.count(`#tree-chart li[data-org="yl.sx"]`))
	assert.Zero(t, p.count(`#tree-chart li[data-org="yl.sx.1"]`))
	p.do(chromedp.Click(chromedp.CSS(`#tree-chart li[data-org="yl.sx"] > details > summary`)))
	p.wait(`document.querySelector('#tree-chart li[data-org="yl.sx.1"]') !== null`)
	assert.Contains(t, p.text(`#tree-chart li[data-org="yl.sx.1"]`), "新兴社区第一党支部")
	// A finding's organization shown in the chart: its closed ancestors
	// open, it is drawn, marked and focused. Its name, with markup in it,
	// is text.
	assert.Zero(t, p.count(`#tree-chart li[data-org="sx.2.1"]`))
	p.do(chromedp.Click(chromedp.CSS(`#tree-findings button.reveal[data-org="sx.2.1"]`)))
	p.wait(`document.querySelector('#tree-chart li.target[data-org="sx.2.1"]') !== null`)
	assert.Equal(t, 1, p.count(`#tree-chart li.target`))
	assert.True(t, run[bool](p, `document.querySelector('#tree-chart li[data-org="sx.2.1"]').contains(document.activeElement)`))
	assert.Contains(t, p.text(`#tree-chart li[data-org="sx.2.1"]`), "运维党小组 <一班>")
}

// TestHostileNames uploads a tree whose names are markup: the page shows
// them as text and runs none of it.
func TestHostileNames(t *testing.T) {
	p := open(t)
	csv := "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"r,,committee,community,\"<img src=x onerror=\"\"window.__pwned=1\"\">\",5,0\n" +
		"r.1,r,branch,community,<script>window.__pwned=2</script>,2,0\n" +
		"r.2,r,branch,community,\"<a href=\"\"javascript:window.__pwned=3\"\">链接</a>\",4,0\n"
	f := filepath.Join(t.TempDir(), "hostile.csv")
	require.NoError(t, os.WriteFile(f, []byte(csv), 0o644))
	p.tab("orgs")
	p.do(chromedp.SetUploadFiles(chromedp.ID("tree-file"), []string{f}), chromedp.Click(chromedp.ID("tree-run")))
	p.wait(`document.querySelector("#tree-chart ul.chart") !== null`)
	// Open everything and click every summary, then look for any effect.
	p.do(chromedp.Click(chromedp.CSS(`#tree-chart li[data-org="r"] > details > summary`)),
		chromedp.Click(chromedp.CSS(`#tree-chart li[data-org="r"] > details > summary`)))
	chart := p.text("#tree-chart")
	assert.Contains(t, chart, `<img src=x onerror="window.__pwned=1">`)
	assert.Contains(t, chart, `<script>window.__pwned=2</script>`)
	assert.Zero(t, p.count("#tree-chart img, #tree-chart script, #tree-chart a, #tree-findings img, #tree-findings script"))
	assert.Equal(t, "undefined", run[string](p, `typeof window.__pwned`))
}

// TestLargeChart draws a tree of 3,221 organizations: only the open levels
// are drawn, and a closed node draws its children when opened.
func TestLargeChart(t *testing.T) {
	p := open(t)
	var b strings.Builder
	b.WriteString("id,parent_id,kind,domain,name,full_members,probationary_members\n")
	b.WriteString("root,,local_committee,,某市委,0,0\n")
	for i := range 20 {
		fmt.Fprintf(&b, "c%d,root,committee,street,第%d街道党工委,5,0\n", i, i)
		for j := range 10 {
			fmt.Fprintf(&b, "c%d.g%d,c%d,general_branch,community,第%d社区党总支,5,0\n", i, j, i, j)
			for k := range 15 {
				full := 7
				if i == 15 && j == 2 && k == 9 {
					full = 2 // too few for a branch: a finding deep in a closed branch
				}
				fmt.Fprintf(&b, "c%d.g%d.b%d,c%d.g%d,branch,community,第%d党支部,%d,1\n", i, j, k, i, j, k, full)
			}
		}
	}
	f := filepath.Join(t.TempDir(), "large.csv")
	require.NoError(t, os.WriteFile(f, []byte(b.String()), 0o644))
	p.tab("orgs")
	start := time.Now()
	p.do(chromedp.SetUploadFiles(chromedp.ID("tree-file"), []string{f}), chromedp.Click(chromedp.ID("tree-run")))
	p.wait(`document.querySelector("#tree-chart ul.chart") !== null`)
	t.Logf("3,221 organizations validated and drawn in %v", time.Since(start))
	assert.Contains(t, p.text("#tree-status"), "3221 个组织")
	assert.Equal(t, 1+20+200, p.count("#tree-chart li[data-org]"))
	p.do(chromedp.Click(chromedp.CSS(`#tree-chart li[data-org="c7.g3"] > details > summary`)))
	p.wait(`document.querySelectorAll("#tree-chart li[data-org]").length === 236`)
	assert.Contains(t, p.text(`#tree-chart li[data-org="c7.g3.b14"]`), "第14党支部")
	// A finding deep in a closed branch, shown in the chart.
	const target = "c15.g2.b9"
	assert.Contains(t, p.text("#tree-findings"), "ORG-BRANCH-MIN-3")
	assert.Zero(t, p.count(fmt.Sprintf(`#tree-chart li[data-org=%q]`, target)))
	p.do(chromedp.Click(chromedp.CSS(fmt.Sprintf(`#tree-findings button.reveal[data-org=%q]`, target))))
	p.wait(fmt.Sprintf(`document.querySelector('#tree-chart li.target[data-org=%q]') !== null`, target))
}

// TestDues uploads a roster, reads the ledger and its summary, and
// downloads the ledger CSV.
func TestDues(t *testing.T) {
	p := open(t)
	p.tab("dues")
	p.do(chromedp.SetUploadFiles(chromedp.ID("roster-file"), []string{duesRoster}),
		chromedp.SetValue(chromedp.ID("dues-date"), "2024-06-15"), chromedp.Click(chromedp.ID("dues-run")))
	p.wait(`document.querySelectorAll("table.ledger tbody tr").length > 0`)

	status, out := p.api("POST", "/v1/dues?date=2024-06-15", "text/csv", "application/json", read(t, duesRoster))
	require.Equal(t, http.StatusOK, status, "%s", out)
	var want struct {
		Ledger []struct {
			Name string
			Dues struct{ Member, Category, Amount, Total, Rule string }
		}
		Summary struct{ Dues, Total string }
	}
	require.NoError(t, json.Unmarshal(out, &want))
	require.NotEmpty(t, want.Ledger)
	header := run[[]string](p, `Array.from(document.querySelectorAll("table.ledger thead th")).map(function (th) { return th.textContent; })`)
	col := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %s in %q", name, header)
		return -1
	}
	member, name, category, amount, total, rule := col("编号"), col("姓名"), col("类别"), col("党费"), col("合计"), col("规则")
	got := p.rows("table.ledger tbody tr")
	require.Len(t, got, len(want.Ledger))
	for i, w := range want.Ledger {
		assert.Equal(t, w.Dues.Member, got[i][member], "row %d", i)
		assert.Equal(t, w.Name, got[i][name], "row %d", i)
		assert.Contains(t, got[i][category], "("+w.Dues.Category+")", "row %d", i)
		assert.Equal(t, w.Dues.Amount, got[i][amount], "row %d", i)
		assert.Equal(t, w.Dues.Total, got[i][total], "row %d", i)
		assert.Equal(t, w.Dues.Rule, got[i][rule], "row %d", i)
	}
	summary := p.text("#dues-summary")
	assert.Contains(t, summary, want.Summary.Dues)
	assert.Contains(t, summary, want.Summary.Total)
	assert.Contains(t, p.text("#dues-status"), fmt.Sprintf("已计算 %d 名党员", len(want.Ledger)))

	// The download: the file the browser saves is the service's CSV.
	dir := p.downloads()
	p.do(chromedp.Click(chromedp.ID("dues-download")))
	p.wait(`document.getElementById("dues-status").textContent.includes("台账 CSV 已生成")`)
	saved := p.downloaded(filepath.Join(dir, "ledger-2024-06.csv"), nil)
	status, csv := p.api("POST", "/v1/dues?date=2024-06-15", "text/csv", "text/csv", read(t, duesRoster))
	require.Equal(t, http.StatusOK, status, "%s", csv)
	assert.Equal(t, string(csv), string(saved))
	assert.True(t, strings.HasPrefix(string(saved), "id,name,category,"), "%.80s", saved)

	// A roster with bad rows: every problem listed with its line, the good
	// rows computed.
	p.do(chromedp.SetUploadFiles(chromedp.ID("roster-file"), []string{duesBadRows}), chromedp.Click(chromedp.ID("dues-run")))
	p.wait(`document.getElementById("dues-status").textContent.includes("个问题")`)
	status, out = p.api("POST", "/v1/dues?date=2024-06-15", "text/csv", "application/json", read(t, duesBadRows))
	require.Equal(t, http.StatusOK, status, "%s", out)
	var bad struct {
		Ledger             []json.RawMessage
		Problems, Warnings []struct {
			Code string
			Line int
		}
	}
	require.NoError(t, json.Unmarshal(out, &bad))
	require.NotEmpty(t, bad.Problems)
	listed := run[[]string](p, `Array.from(document.querySelectorAll("#dues-problems li.problem")).map(function (li) { return li.textContent; })`)
	require.Len(t, listed, len(bad.Problems)+len(bad.Warnings))
	for i, pr := range bad.Problems {
		assert.True(t, strings.HasPrefix(listed[i], pr.Code), "problem %d: %q", i, listed[i])
		if pr.Line > 0 {
			assert.Contains(t, listed[i], fmt.Sprintf("第 %d 行", pr.Line), "problem %d", i)
		}
	}
	assert.Len(t, p.rows("table.ledger tbody tr"), len(bad.Ledger))
}

// TestOrglife uploads a tree and a year of meetings and reads the findings
// and the summary the service gives for them.
func TestOrglife(t *testing.T) {
	p := open(t)
	p.tab("orglife")
	p.do(chromedp.SetUploadFiles(chromedp.ID("orglife-tree"), []string{orglifeTree}),
		chromedp.SetUploadFiles(chromedp.ID("orglife-meetings"), []string{orglifeMeets}),
		chromedp.SetValue(chromedp.ID("orglife-from"), "2024-01-01"), chromedp.SetValue(chromedp.ID("orglife-to"), "2025-01-01"),
		chromedp.Click(chromedp.ID("orglife-run")))
	p.wait(`document.querySelectorAll("table.tallies tbody tr").length > 0`)

	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for name, file := range map[string]string{"tree": orglifeTree, "meetings": orglifeMeets} {
		w, err := mw.CreateFormFile(name, filepath.Base(file))
		require.NoError(t, err)
		_, err = w.Write(read(t, file))
		require.NoError(t, err)
	}
	require.NoError(t, mw.Close())
	status, out := p.api("POST", "/v1/orglife?from=2024-01-01&to=2025-01-01", mw.FormDataContentType(), "", body.Bytes())
	require.Equal(t, http.StatusOK, status, "%s", out)
	var want struct {
		Findings []struct{ Rule, Subject, Message string }
		Summary  []struct {
			Org, Type                                 string
			Required, Held, Shortfall, QuorumFailures int
		}
	}
	require.NoError(t, json.Unmarshal(out, &want))
	require.NotEmpty(t, want.Findings)
	got := p.rows("#orglife-findings table.findings tbody tr")
	require.Len(t, got, len(want.Findings))
	for i, f := range want.Findings {
		assert.Equal(t, f.Rule, got[i][0], "finding %d", i)
		assert.Contains(t, got[i][2], f.Subject, "finding %d", i)
		assert.Equal(t, f.Message, got[i][4], "finding %d", i)
	}
	tallies := p.rows("table.tallies tbody tr")
	require.Len(t, tallies, len(want.Summary))
	for i, s := range want.Summary {
		assert.Contains(t, tallies[i][0], s.Org, "row %d", i)
		assert.Contains(t, tallies[i][1], "("+s.Type+")", "row %d", i)
		assert.Equal(t, []string{fmt.Sprint(s.Required), fmt.Sprint(s.Held), fmt.Sprint(s.Shortfall), fmt.Sprint(s.QuorumFailures)}, tallies[i][2:6], "row %d", i)
	}
}

// TestUnderPrefix serves the service under /dangjian/: the page's relative
// URLs reach the API there.
func TestUnderPrefix(t *testing.T) {
	p := openAt(t, "/dangjian")
	p.do(chromedp.SetValue(chromedp.ID("scheme-pick"), "yanji-shuzhi"), chromedp.Click(chromedp.ID("scheme-load")))
	p.wait(`document.getElementById("scheme-status").textContent.includes("已载入参考方案 yanji-shuzhi")`)
	p.tab("assess")
	p.do(chromedp.SetUploadFiles(chromedp.ID("subjects-file"), []string{sampleSubjects}))
	p.wait(`document.getElementById("subjects-text").value.length > 0`)
	p.do(chromedp.Click(chromedp.ID("assess-run")))
	p.wait(`document.querySelectorAll("table.ranking tbody tr").length > 0`)
	urls := run[[]string](p, `performance.getEntriesByType("resource").map(function (e) { return e.name; })`)
	require.NotEmpty(t, urls)
	for _, u := range urls {
		assert.True(t, strings.HasPrefix(u, p.base+"/dangjian/"), "%s", u)
	}
}

// TestChartPages draws a level of 450 organizations 200 at a time: the
// button draws the next 200, and showing a finding's organization draws
// the pages up to it.
func TestChartPages(t *testing.T) {
	p := open(t)
	var b strings.Builder
	b.WriteString("id,parent_id,kind,domain,name,full_members,probationary_members\n")
	b.WriteString("root,,local_committee,,某市委,0,0\n")
	for i := range 450 {
		full := 5
		if i == 420 {
			full = 1 // a finding on the third page
		}
		fmt.Fprintf(&b, "b%d,root,branch,community,第%d党支部,%d,0\n", i, i, full)
	}
	f := filepath.Join(t.TempDir(), "wide.csv")
	require.NoError(t, os.WriteFile(f, []byte(b.String()), 0o644))
	p.tab("orgs")
	p.do(chromedp.SetUploadFiles(chromedp.ID("tree-file"), []string{f}), chromedp.Click(chromedp.ID("tree-run")))
	p.wait(`document.querySelector("#tree-chart ul.chart") !== null`)
	assert.Equal(t, 1+200, p.count("#tree-chart li[data-org]"))
	assert.Contains(t, p.text("#tree-chart li.more"), "共 450 个")
	p.do(chromedp.Click(chromedp.CSS("#tree-chart li.more button")))
	p.wait(`document.querySelectorAll("#tree-chart li[data-org]").length === 401`)
	assert.Equal(t, 1, p.count("#tree-chart li.more"))
	p.do(chromedp.Click(chromedp.CSS(`#tree-findings button.reveal[data-org="b420"]`)))
	p.wait(`document.querySelector('#tree-chart li.target[data-org="b420"]') !== null`)
	assert.Equal(t, 1+450, p.count("#tree-chart li[data-org]"))
	assert.Zero(t, p.count("#tree-chart li.more"))
}

// TestLargeCohort ranks 2,500 subjects of a pasted scheme: the ranking is
// drawn 1,000 rows at a time, every row as the service ranks it.
func TestLargeCohort(t *testing.T) {
	p := open(t)
	var b strings.Builder
	b.WriteString("id,category,meetings,dues,type,area,score\n")
	for i := range 2500 {
		fmt.Fprintf(&b, "s%04d,社区,%d,%d.5,社区,%d,%d.25\n", i, 50+i%51, 60+i%40, 100+i%700, 40+i%60)
	}
	csv := b.String()
	p.do(chromedp.SetValue(chromedp.ID("scheme-text"), string(read(t, flatScheme))))
	p.tab("assess")
	start := time.Now()
	p.do(chromedp.SetValue(chromedp.ID("subjects-text"), csv), chromedp.Click(chromedp.ID("assess-run")))
	p.wait(`document.querySelectorAll("table.ranking tbody tr").length === 1000`)
	t.Logf("2,500 subjects scored, ranked and 1,000 drawn in %v", time.Since(start))
	p.do(chromedp.Click(chromedp.CSS("#assess-ranking button.more-rows")))
	p.wait(`document.querySelectorAll("table.ranking tbody tr").length === 2000`)
	p.do(chromedp.Click(chromedp.CSS("#assess-ranking button.more-rows")))
	p.wait(`document.querySelectorAll("table.ranking tbody tr").length === 2500`)
	assert.Zero(t, p.count("#assess-ranking button.more-rows"))

	body, err := json.Marshal(map[string]any{"scheme": json.RawMessage(read(t, flatScheme)), "subjectsCsv": csv})
	require.NoError(t, err)
	status, out := p.api("POST", "/v1/assess", "application/json", "", body)
	require.Equal(t, http.StatusOK, status, "%.300s", out)
	var want assessAnswer
	require.NoError(t, json.Unmarshal(out, &want))
	got := p.rows("table.ranking tbody tr")
	require.Len(t, got, len(want.Results))
	for i, w := range want.Results {
		require.Equal(t, []string{fmt.Sprint(i + 1), fmt.Sprint(w.Rank), w.ID}, got[i][:3], "row %d", i)
	}
}
