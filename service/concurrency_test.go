package service_test

import (
	"encoding/json"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/service"
)

// TestParallel sends the same requests from many goroutines at once to
// one handler, which shares the compiled reference schemes, graders and
// rule sets: every answer is the one a request alone gets. Run with -race.
func TestParallel(t *testing.T) {
	h := newHandler()
	qs := []request{
		{method: "GET", path: "/v1/schemes"},
		{method: "GET", path: "/v1/schemes/xingji"},
		{method: "GET", path: "/v1/rules"},
		{path: "/v1/orgs/validate?asOf=2025-06-30", ctype: "text/csv", body: sample(t, "orgchart/testdata/tree.csv")},
		{path: "/v1/dues?date=2024-06-01", ctype: "text/csv", body: sample(t, "dues/testdata/sample.csv")},
		{path: "/v1/dues?date=2024-06-01", ctype: "text/csv", accept: "text/csv", body: sample(t, "dues/testdata/sample.csv")},
		{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": "yanji-shuzhi", "subjects": yanjiSubjects(t), "explain": "community-1"})},
		{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": "yanji-shuzhi", "subjects": yanjiSubjects(t)})},
		{path: "/v1/assess", ctype: "application/json",
			body: assessBody(t, map[string]any{"scheme": json.RawMessage(sample(t, "assess/testdata/flat-scheme.json")),
				"subjectsCsv": string(sample(t, "assess/testdata/flat.csv"))})},
		{path: "/v1/orglife?from=2024-01-01&to=2025-01-01", ctype: "application/json", body: orglifeBody(t)},
		{path: "/v1/conform", ctype: "application/json", body: duesConform(t)},
		{path: "/v1/conform", ctype: "application/json", accept: "text/csv", body: duesConform(t)},
		{path: "/v1/due?asOf=2025-06-30&until=2025-09-30", ctype: "application/json",
			body: assessBody(t, map[string]any{"treeCsv": dueTree, "meetingsCsv": dueMeetings})},
		{path: "/v1/due?asOf=2025-06-30", ctype: "text/csv", body: sample(t, "orgchart/testdata/tree.csv")},
	}
	// What each request gets alone, from a handler of its own.
	want := make([]answer, len(qs))
	for i, q := range qs {
		want[i] = do(t, newHandler(), q)
		require.Equal(t, 200, want[i].status, "%s: %s", q.path, want[i].body)
	}
	const workers, rounds = 8, 4
	var wg sync.WaitGroup
	errs := make(chan string, workers*rounds*len(qs))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				for k := range qs {
					i := (k + w + r) % len(qs) // each goroutine in another order
					a := do(t, h, qs[i])
					if a.status != want[i].status || string(a.body) != string(want[i].body) {
						errs <- qs[i].path
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for path := range errs {
		t.Errorf("%s: a parallel answer differs from the answer alone", path)
	}
	assert.Zero(t, service.Recovered())
}
