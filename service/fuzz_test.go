package service_test

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/dangjian-go/dangjian/service"
)

// fuzzRoutes are the routes the fuzz target sends bodies to.
var fuzzRoutes = []string{
	"/v1/orgs/validate?asOf=2025-06-30",
	"/v1/dues?date=2024-06-01",
	"/v1/assess",
	"/v1/orglife?from=2024-01-01&to=2025-01-01",
	"/v1/conform?date=2024-06-01",
	"/v1/due?asOf=2025-06-30",
	"/v1/schemes/",
	"/v1/",
	"/",
}

var fuzzTypes = []string{"text/csv", "application/json", "multipart/form-data; boundary=x", "", "text/csv; charset=gbk"}

// FuzzService sends any body, with any of the media types, to any route,
// with any query: the answer is never 5xx, an error is the problems JSON,
// and the last-resort recovery never fires.
func FuzzService(f *testing.F) {
	read := func(path string) []byte {
		data, err := os.ReadFile(filepath.Join("..", "examples", path))
		if err != nil {
			f.Fatal(err)
		}
		return data
	}
	subjects := read("assess/testdata/sample.json")
	assess, _ := json.Marshal(map[string]any{"scheme": "yanji-shuzhi", "subjects": json.RawMessage(subjects), "explain": "community-1"})
	flat, _ := json.Marshal(map[string]any{"scheme": json.RawMessage(read("assess/testdata/flat-scheme.json")),
		"subjectsCsv": string(read("assess/testdata/flat.csv")), "policy": json.RawMessage(read("assess/testdata/flat-policy.json"))})
	orglife, _ := json.Marshal(map[string]any{"treeCsv": string(read("orglife/testdata/tree.csv")), "meetingsCsv": string(read("orglife/testdata/meetings.csv"))})
	f.Add(uint8(0), uint8(0), "", read("orgchart/testdata/tree.csv"))
	f.Add(uint8(0), uint8(0), "", read("orgchart/testdata/badrows.csv"))
	f.Add(uint8(0), uint8(1), "", read("orgchart/testdata/tree.in.json"))
	f.Add(uint8(1), uint8(0), "", read("dues/testdata/sample.csv"))
	f.Add(uint8(1), uint8(1), "&lang=zh", read("dues/testdata/badrows.roster.json"))
	f.Add(uint8(2), uint8(1), "", assess)
	f.Add(uint8(2), uint8(1), "", flat)
	f.Add(uint8(2), uint8(1), "", []byte(`{"scheme":"{\"name\":1}","subjects":[]}`))
	f.Add(uint8(3), uint8(1), "", orglife)
	f.Add(uint8(3), uint8(2), "", []byte("--x\r\nContent-Disposition: form-data; name=\"tree\"\r\n\r\nid\r\n--x--\r\n"))
	conform, _ := json.Marshal(map[string]any{"kind": "dues", "input": string(read("conform/testdata/roster.csv")), "got": string(read("conform/testdata/got.csv"))})
	f.Add(uint8(4), uint8(1), "", conform)
	f.Add(uint8(4), uint8(1), "&kind=org", []byte(`{"input":"id\n","got":"id,rule\n"}`))
	f.Add(uint8(4), uint8(2), "kind=tax", []byte("--x\r\nContent-Disposition: form-data; name=\"input\"; filename=\"a.json\"\r\n\r\n[]\r\n--x--\r\n"))
	f.Add(uint8(5), uint8(0), "", read("orgchart/testdata/tree.csv"))
	f.Add(uint8(5), uint8(1), "&until=2026-06-30", orglife)
	f.Add(uint8(5), uint8(2), "&from=2024-01-01", []byte("--x\r\nContent-Disposition: form-data; name=\"tree\"\r\n\r\nid\r\n--x--\r\n"))
	f.Add(uint8(6), uint8(3), "jifen", []byte{})
	f.Add(uint8(7), uint8(4), "x", []byte("\xff"))
	f.Add(uint8(8), uint8(3), "index.html", []byte{})
	h := service.New(service.Options{MaxBodyBytes: 1 << 20})
	f.Fuzz(func(t *testing.T, route, ctype uint8, query string, body []byte) {
		path := fuzzRoutes[int(route)%len(fuzzRoutes)]
		method := http.MethodPost
		if int(route)%len(fuzzRoutes) >= 6 {
			method = http.MethodGet
		}
		target := path + escapeQuery(query)
		a := do(t, h, request{method: method, path: target, ctype: fuzzTypes[int(ctype)%len(fuzzTypes)], body: body})
		if a.status >= 500 || a.status < 200 {
			t.Fatalf("%s %s: status %d: %s", method, target, a.status, a.body)
		}
		if a.status >= 400 {
			var out struct {
				Problems []json.RawMessage `json:"problems"`
			}
			if err := json.Unmarshal(a.body, &out); err != nil || len(out.Problems) == 0 {
				t.Fatalf("%s %s: status %d without problems: %s", method, target, a.status, a.body)
			}
		}
		if n := service.Recovered(); n != 0 {
			t.Fatalf("%s %s: the recovery caught %d panics", method, target, n)
		}
	})
}

// escapeQuery makes the fuzzed query text safe for a request target: it
// stays a query, any bytes percent-encoded but & and =.
func escapeQuery(q string) string {
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(q)*3)
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '&', c == '=', c == '-', c == '.', c == '_':
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return string(b)
}
