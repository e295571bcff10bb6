package service_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/dangjian-go/dangjian/service"
)

// now is the service's clock in the tests: the default asOf and date.
func now() time.Time { return time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC) }

// newHandler is the handler the tests call.
func newHandler() http.Handler { return service.New(service.Options{Now: now}) }

// request is one request of a test.
type request struct {
	method, path, ctype, accept string
	body                        []byte
}

// answer is what the handler answered.
type answer struct {
	status int
	header http.Header
	body   []byte
}

func do(t testing.TB, h http.Handler, q request) answer {
	t.Helper()
	if q.method == "" {
		q.method = http.MethodPost
	}
	req := httptest.NewRequest(q.method, q.path, bytes.NewReader(q.body))
	if q.ctype != "" {
		req.Header.Set("Content-Type", q.ctype)
	}
	if q.accept != "" {
		req.Header.Set("Accept", q.accept)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return answer{rec.Code, rec.Header(), rec.Body.Bytes()}
}

// sample reads a file of the examples' test data.
func sample(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", path))
	require.NoError(t, err)
	return data
}

// assessBody returns an /v1/assess request of the members given.
func assessBody(t testing.TB, members map[string]any) []byte {
	t.Helper()
	data, err := json.Marshal(members)
	require.NoError(t, err)
	return data
}

// yanjiSubjects is the built-in cohort of examples/assess.
func yanjiSubjects(t testing.TB) json.RawMessage {
	return json.RawMessage(sample(t, "assess/testdata/sample.json"))
}

func orglifeBody(t testing.TB) []byte {
	return assessBody(t, map[string]any{"treeCsv": string(sample(t, "orglife/testdata/tree.csv")),
		"meetingsCsv": string(sample(t, "orglife/testdata/meetings.csv"))})
}

// problemCodes returns the codes of the problems of an error answer.
func problemCodes(t testing.TB, body []byte) []string {
	t.Helper()
	var out struct {
		Problems []struct {
			Code string `json:"code"`
		} `json:"problems"`
	}
	require.NoError(t, json.Unmarshal(body, &out), "%s", body)
	var codes []string
	for _, p := range out.Problems {
		codes = append(codes, p.Code)
	}
	return codes
}

// TestGolden checks whole answers of real requests against golden files.
func TestGolden(t *testing.T) {
	h := newHandler()
	cases := []struct {
		name string
		q    request
		want int
	}{
		{"schemes", request{method: "GET", path: "/v1/schemes"}, 200},
		{"orgs-csv", request{path: "/v1/orgs/validate?asOf=2025-06-30", ctype: "text/csv", body: sample(t, "orgchart/testdata/tree.csv")}, 200},
		{"orgs-json", request{path: "/v1/orgs/validate?asOf=2025-06-30", ctype: "application/json", body: sample(t, "orgchart/testdata/tree.in.json")}, 200},
		{"orgs-badrows", request{path: "/v1/orgs/validate?asOf=2025-06-30", ctype: "text/csv", body: sample(t, "orgchart/testdata/badrows.csv")}, 422},
		{"orgs-one-bad-row", request{path: "/v1/orgs/validate?asOf=2025-06-30", ctype: "text/csv", body: append(sample(t, "orgchart/testdata/tree.csv"),
			"yj.bad,yj,党支部,社区,坏行,many,0,,\n"...)}, 200},
		{"orgs-bad-json", request{path: "/v1/orgs/validate", ctype: "application/json", body: sample(t, "orgchart/testdata/bad.json")}, 400},
		{"assess-yanji", request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": "yanji-shuzhi", "subjects": yanjiSubjects(t)})}, 200},
		{"assess-explain", request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": "yanji-shuzhi", "subjects": yanjiSubjects(t), "explain": "community-1"})}, 200},
		{"assess-csv", request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": json.RawMessage(sample(t, "assess/testdata/flat-scheme.json")),
				"subjectsCsv": string(sample(t, "assess/testdata/flat.csv")), "policy": json.RawMessage(sample(t, "assess/testdata/flat-policy.json"))})}, 200},
		{"assess-csv-explain", request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": json.RawMessage(sample(t, "assess/testdata/flat-scheme.json")),
				"subjectsCsv": string(sample(t, "assess/testdata/flat.csv")), "explain": "v02"})}, 200},
		{"assess-badscheme", request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": string(sample(t, "assess/testdata/badscheme.json")), "subjects": []any{}})}, 422},
		{"assess-badsubjects", request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": "yanji-shuzhi", "subjects": json.RawMessage(sample(t, "assess/testdata/badsubjects.json"))})}, 422},
		{"dues-csv", request{path: "/v1/dues?date=2024-06-01", ctype: "text/csv", body: sample(t, "dues/testdata/sample.csv")}, 200},
		{"dues-json", request{path: "/v1/dues?date=2024-06-01", ctype: "application/json", body: sample(t, "dues/testdata/badrows.roster.json")}, 200},
		{"dues-ledger", request{path: "/v1/dues?date=2024-06-01&lang=zh", ctype: "text/csv", accept: "text/csv", body: sample(t, "dues/testdata/sample.csv")}, 200},
		{"orglife", request{path: "/v1/orglife?from=2024-01-01&to=2025-01-01", ctype: "application/json", body: orglifeBody(t)}, 200},
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

// TestErrors checks the status and the problem codes of requests the
// service refuses.
func TestErrors(t *testing.T) {
	h := newHandler()
	flat := json.RawMessage(sample(t, "assess/testdata/flat-scheme.json"))
	cases := []struct {
		name  string
		q     request
		want  int
		codes []string
	}{
		{"no route", request{method: "GET", path: "/v1/nothing"}, 404, []string{"not_found"}},
		{"no scheme", request{method: "GET", path: "/v1/schemes/none"}, 404, []string{"not_found"}},
		{"method", request{method: "PUT", path: "/v1/assess", ctype: "application/json", body: []byte("{}")}, 405, []string{"method_not_allowed"}},
		{"GET a POST route", request{method: "GET", path: "/v1/dues"}, 404, []string{"not_found"}},
		{"no content type", request{path: "/v1/assess", body: []byte("{}")}, 415, []string{"unsupported_media_type"}},
		{"form", request{path: "/v1/dues", ctype: "application/x-www-form-urlencoded", body: []byte("a=b")}, 415, []string{"unsupported_media_type"}},
		{"gbk charset", request{path: "/v1/dues", ctype: "text/csv; charset=gbk", body: []byte("a")}, 415, []string{"unsupported_media_type"}},
		{"bad date", request{path: "/v1/orgs/validate?asOf=2025-13-01", ctype: "text/csv", body: []byte("id\n")}, 400, []string{"invalid"}},
		{"bad lang", request{path: "/v1/dues?lang=fr", ctype: "text/csv", body: []byte("id\n")}, 400, []string{"invalid"}},
		{"dues before the rules", request{path: "/v1/dues?date=1990-01-01", ctype: "text/csv", body: []byte("id\n")}, 422, nil},
		{"not json", request{path: "/v1/assess", ctype: "application/json", body: []byte("scheme")}, 400, []string{"syntax"}},
		{"not an object", request{path: "/v1/assess", ctype: "application/json", body: []byte("[]")}, 400, []string{"invalid"}},
		{"empty request", request{path: "/v1/assess", ctype: "application/json", body: []byte("{}")}, 400, []string{"missing", "missing"}},
		{"unknown member", request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":"jifen","subjects":[],"colour":1}`)}, 400, []string{"unknown_field"}},
		{"twice", request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":"jifen","scheme":"jifen","subjects":[]}`)}, 400, []string{"duplicate"}},
		{"both subjects", request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":"jifen","subjects":[],"subjectsCsv":""}`)}, 400, []string{"invalid"}},
		{"scheme a number", request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":1,"subjects":[]}`)}, 400, []string{"invalid"}},
		{"unknown scheme", request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":"nope","subjects":[]}`)}, 422, []string{"unknown_ref"}},
		{"scheme text not json", request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":"{oops","subjects":[]}`)}, 400, []string{"syntax"}},
		{"explain unknown", request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": flat, "subjectsCsv": string(sample(t, "assess/testdata/flat.csv")), "explain": "nobody"})}, 422, []string{"unknown_ref"}},
		{"csv header", request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": flat, "subjectsCsv": "colour\nred\n"})}, 400, nil},
		{"subjects syntax", request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":"jifen","subjects":[{"id":}]}`)}, 400, []string{"syntax"}},
		{"tree header", request{path: "/v1/orgs/validate", ctype: "text/csv", body: []byte("colour\nred\n")}, 400, nil},
		{"tree cannot be built", request{path: "/v1/orgs/validate", ctype: "text/csv", body: []byte("id,parent_id,kind,domain,name,full_members,probationary_members\na,b,branch,community,A,3,0\nb,a,branch,community,B,3,0\n")}, 422, nil},
		{"tree not utf-8", request{path: "/v1/orgs/validate", ctype: "text/csv", body: []byte("id,parent_id,kind,name\na,,branch,\xb5\xb3\n")}, 400, nil},
		{"orglife without window", request{path: "/v1/orglife", ctype: "application/json", body: orglifeBody(t)}, 400, []string{"missing"}},
		{"orglife window too long", request{path: "/v1/orglife?from=2000-01-01&to=2020-01-01", ctype: "application/json", body: orglifeBody(t)}, 400, []string{"invalid"}},
		{"orglife missing member", request{path: "/v1/orglife?from=2024-01-01&to=2025-01-01", ctype: "application/json", body: []byte(`{"treeCsv":""}`)}, 400, []string{"missing"}},
		{"roster header", request{path: "/v1/dues", ctype: "text/csv", body: []byte("colour\nred\n")}, 400, nil},
		{"roster json syntax", request{path: "/v1/dues", ctype: "application/json", body: []byte("[{")}, 400, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := do(t, h, c.q)
			assert.Equal(t, c.want, a.status, "%s", a.body)
			assert.True(t, strings.HasPrefix(a.header.Get("Content-Type"), "application/json"), a.header.Get("Content-Type"))
			codes := problemCodes(t, a.body)
			assert.NotEmpty(t, codes)
			if c.codes != nil {
				assert.Equal(t, c.codes, codes, "%s", a.body)
			}
		})
	}
}

// TestProblemPlaces checks that a posted scheme's problems are placed in
// the scheme's own text: its file, path, line and column.
func TestProblemPlaces(t *testing.T) {
	scheme := "{\n  \"name\": \"x\",\n  \"components\": [\n    {\"id\": \"a\", \"name\": \"A\", \"weight\": \"1\", \"max\": \"10\", \"colour\": 1}\n  ]\n}\n"
	a := do(t, newHandler(), request{path: "/v1/assess", ctype: "application/json",
		body: assessBody(t, map[string]any{"scheme": scheme, "subjects": []any{}})})
	require.Equal(t, 422, a.status, "%s", a.body)
	var out struct {
		Problems []struct {
			Code, Path, File string
			Line, Column     int
		}
	}
	require.NoError(t, json.Unmarshal(a.body, &out))
	require.NotEmpty(t, out.Problems)
	p := out.Problems[0]
	assert.Equal(t, "unknown_field", p.Code)
	assert.Equal(t, "scheme", p.File)
	assert.Equal(t, "components[0].colour", p.Path)
	assert.Equal(t, 4, p.Line)
}

// TestLimits checks the bounds of a request: its body, its rows, its time.
func TestLimits(t *testing.T) {
	tree := sample(t, "orgchart/testdata/tree.csv")
	t.Run("body", func(t *testing.T) {
		h := service.New(service.Options{MaxBodyBytes: 100})
		a := do(t, h, request{path: "/v1/orgs/validate", ctype: "text/csv", body: tree})
		assert.Equal(t, 413, a.status)
		assert.Equal(t, []string{"too_large"}, problemCodes(t, a.body))
	})
	t.Run("rows", func(t *testing.T) {
		h := service.New(service.Options{Limits: dangjianLimits(3)})
		a := do(t, h, request{path: "/v1/orgs/validate", ctype: "text/csv", body: tree})
		assert.Equal(t, 413, a.status, "%s", a.body)
		assert.Equal(t, []string{"limit"}, problemCodes(t, a.body))
		a = do(t, h, request{path: "/v1/dues?date=2024-06-01", ctype: "text/csv", body: sample(t, "dues/testdata/sample.csv")})
		assert.Equal(t, 413, a.status, "%s", a.body)
		a = do(t, h, request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": "yanji-shuzhi", "subjects": yanjiSubjects(t)})})
		assert.Equal(t, 413, a.status, "%s", a.body)
	})
	t.Run("time", func(t *testing.T) {
		h := service.New(service.Options{Timeout: time.Nanosecond})
		for _, q := range []request{
			{path: "/v1/orgs/validate", ctype: "text/csv", body: tree},
			{path: "/v1/dues?date=2024-06-01", ctype: "text/csv", body: sample(t, "dues/testdata/sample.csv")},
			{path: "/v1/assess", ctype: "application/json", body: assessBody(t, map[string]any{"scheme": "yanji-shuzhi", "subjects": yanjiSubjects(t)})},
			{path: "/v1/orglife?from=2024-01-01&to=2025-01-01", ctype: "application/json", body: orglifeBody(t)},
		} {
			a := do(t, h, q)
			assert.Equal(t, 413, a.status, "%s: %s", q.path, a.body)
			assert.Equal(t, []string{"timeout"}, problemCodes(t, a.body), q.path)
		}
	})
}

// TestOrglifeMultipart posts the two files as a form, as a browser does.
func TestOrglifeMultipart(t *testing.T) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for name, path := range map[string]string{"tree": "orglife/testdata/tree.csv", "meetings": "orglife/testdata/meetings.csv"} {
		fw, err := mw.CreateFormFile(name, filepath.Base(path))
		require.NoError(t, err)
		fw.Write(sample(t, path))
	}
	require.NoError(t, mw.Close())
	h := newHandler()
	form := do(t, h, request{path: "/v1/orglife?from=2024-01-01&to=2025-01-01", ctype: mw.FormDataContentType(), body: b.Bytes()})
	asJSON := do(t, h, request{path: "/v1/orglife?from=2024-01-01&to=2025-01-01", ctype: "application/json", body: orglifeBody(t)})
	assert.Equal(t, 200, form.status, "%s", form.body)
	assert.Equal(t, string(asJSON.body), string(form.body))
}

// TestStatic checks the page, the document, the catalogue and health.
func TestStatic(t *testing.T) {
	h := newHandler()
	a := do(t, h, request{method: "GET", path: "/"})
	assert.Equal(t, 200, a.status)
	assert.Contains(t, a.header.Get("Content-Type"), "text/html")
	a = do(t, h, request{method: "GET", path: "/openapi.json"})
	assert.Equal(t, 200, a.status)
	assert.True(t, json.Valid(a.body))
	a = do(t, h, request{method: "GET", path: "/healthz"})
	assert.Equal(t, 200, a.status)
	assert.JSONEq(t, `{"status":"ok"}`, string(a.body))
	a = do(t, h, request{method: "GET", path: "/v1/rules"})
	assert.Equal(t, 200, a.status)
	rules, err := os.ReadFile("../rules.json")
	require.NoError(t, err)
	assert.Equal(t, string(rules), string(a.body), "GET /v1/rules serves the catalogue as rules.json holds it")
	for _, name := range []string{"jifen", "minzhu-pingyi", "xingji", "yanji-shuzhi"} {
		a = do(t, h, request{method: "GET", path: "/v1/schemes/" + name})
		assert.Equal(t, 200, a.status, name)
		// The scheme served is one the service takes back.
		b := do(t, h, request{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": json.RawMessage(a.body), "subjects": []any{}})})
		assert.Equal(t, 200, b.status, "%s: %s", name, b.body)
	}
}

// TestBusy: with its one slot held by a request whose body has not ended,
// the service refuses another POST with 429 when its time is up, and
// still answers a GET.
func TestBusy(t *testing.T) {
	h := service.New(service.Options{MaxInFlight: 1, Timeout: 50 * time.Millisecond})
	release := service.HoldSlot(h)
	a := do(t, h, request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":"jifen","subjects":[]}`)})
	assert.Equal(t, 429, a.status, "%s", a.body)
	assert.Equal(t, []string{"busy"}, problemCodes(t, a.body))
	assert.Equal(t, 200, do(t, h, request{method: "GET", path: "/healthz"}).status)
	release()
	a = do(t, h, request{path: "/v1/assess", ctype: "application/json", body: []byte(`{"scheme":"jifen","subjects":[]}`)})
	assert.Equal(t, 200, a.status, "the slot is free again: %s", a.body)
}

// TestProblemsCapped: more bad rows than the problems listed is still a
// 200 with the tree built from the good rows; the last problem counts the
// rest (it is no limit of the reading, which would be a 413).
func TestProblemsCapped(t *testing.T) {
	h := service.New(service.Options{Limits: dangjian.Limits{MaxProblems: 1}})
	tree := append(sample(t, "orgchart/testdata/tree.csv"), "yj.bad1,yj,党支部,社区,坏行,many,0,,\nyj.bad2,yj,党支部,社区,坏行,x,0,,\nyj.bad3,yj,党支部,社区,坏行,y,0,,\n"...)
	a := do(t, h, request{path: "/v1/orgs/validate?asOf=2025-06-30", ctype: "text/csv", body: tree})
	require.Equal(t, 200, a.status, "%s", a.body)
	var out struct {
		Orgs     []json.RawMessage
		Problems []struct{ Code, Value string }
	}
	require.NoError(t, json.Unmarshal(a.body, &out))
	assert.Len(t, out.Orgs, 15)
	require.Len(t, out.Problems, 2)
	assert.Equal(t, "invalid", out.Problems[0].Code)
	assert.Equal(t, "limit", out.Problems[1].Code)
	assert.Equal(t, "2", out.Problems[1].Value)
}
