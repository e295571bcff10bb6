package service_test

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"

	"github.com/dangjian-go/dangjian/service"
)

// TestSecurityHeaders: every answer, page, API, error or not, carries the
// policy the workbench runs under (API-REQUESTS.md).
func TestSecurityHeaders(t *testing.T) {
	h := newHandler()
	for _, q := range []request{
		{method: "GET", path: "/"},
		{method: "GET", path: "/app.js"},
		{method: "GET", path: "/nothing.js"},
		{method: "GET", path: "/openapi.json"},
		{method: "GET", path: "/healthz"},
		{method: "GET", path: "/v1/schemes/none"},
		{method: "PUT", path: "/v1/dues"},
		{path: "/v1/dues?date=2024-06-01", ctype: "text/csv", body: sample(t, "dues/testdata/sample.csv")},
		{path: "/v1/dues?date=2024-06-01", ctype: "text/csv", accept: "text/csv", body: sample(t, "dues/testdata/sample.csv")},
		{path: "/v1/conform", ctype: "application/json", body: []byte("{}")},
	} {
		a := do(t, h, q)
		assert.Equal(t, service.ContentSecurityPolicy, a.header.Get("Content-Security-Policy"), "%s %s", q.method, q.path)
		assert.Equal(t, "nosniff", a.header.Get("X-Content-Type-Options"), "%s %s", q.method, q.path)
		assert.Equal(t, "no-referrer", a.header.Get("Referrer-Policy"), "%s %s", q.method, q.path)
	}
	assert.Equal(t, "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
		service.ContentSecurityPolicy)
}

// TestNoDirectoryListing: a directory of the page's files other than the
// root is a 404 problem, never a listing; its files are served.
func TestNoDirectoryListing(t *testing.T) {
	web := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html><title>x</title>")},
		"img/logo.svg":  {Data: []byte("<svg/>")},
		"img/sub/a.txt": {Data: []byte("a")},
	}
	h := service.NewWithFiles(service.Options{Now: now}, web)
	a := do(t, h, request{method: "GET", path: "/"})
	assert.Equal(t, 200, a.status)
	assert.Contains(t, string(a.body), "<title>x</title>")
	for _, p := range []string{"/img/", "/img", "/img/sub/", "/img/sub"} {
		a = do(t, h, request{method: "GET", path: p})
		assert.Equal(t, 404, a.status, p)
		assert.Equal(t, []string{"not_found"}, problemCodes(t, a.body), p)
		assert.NotContains(t, string(a.body), "logo.svg", p)
	}
	a = do(t, h, request{method: "GET", path: "/img/logo.svg"})
	assert.Equal(t, 200, a.status)
	assert.Equal(t, "<svg/>", string(a.body))
}

// TestOrgsNothingBuilt: a tree from which no organization could be built
// is 422 with the problems, not 200 with none.
func TestOrgsNothingBuilt(t *testing.T) {
	h := newHandler()
	cases := []struct {
		name string
		body string
	}{
		{"gbk row", "id,parent_id,kind,domain,name,full_members,probationary_members\na,,党支部,社区,\xb5\xb3\xd6\xa7\xb2\xbf,3,0\n"},
		{"header only", "id,parent_id,kind,domain,name,full_members,probationary_members\n"},
		{"bad row", "id,parent_id,kind,domain,name,full_members,probationary_members\na,,nonsense,community,A,3,0\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := do(t, h, request{path: "/v1/orgs/validate?asOf=2025-06-30", ctype: "text/csv", body: []byte(c.body)})
			assert.Equal(t, 422, a.status, "%s", a.body)
			assert.NotEmpty(t, problemCodes(t, a.body))
		})
	}
	a := do(t, h, request{path: "/v1/orgs/validate?asOf=2025-06-30", ctype: "application/json", body: []byte(`{"orgs": []}`)})
	assert.Equal(t, 422, a.status, "%s", a.body)
}
