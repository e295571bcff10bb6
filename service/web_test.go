package service_test

import (
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/service"
)

// getWeb answers a GET of path by a fresh service.
func getWeb(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

// webVoidElements have no end tag in HTML.
var webVoidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// webElement is a start tag of the page.
type webElement struct {
	name  string
	attrs map[string]string
	line  int
}

// parseWebHTML reads the page as HTML with encoding/xml in its lenient mode
// (HTML entities, unquoted attributes), and checks that every element
// that is not void is closed, in order. It returns the start tags.
func parseWebHTML(t *testing.T, page string) []webElement {
	t.Helper()
	// The doctype is HTML's, not XML's: the decoder reads it as a
	// directive.
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict = false
	d.AutoClose = nil // every non-void element must be closed
	d.Entity = xml.HTMLEntity
	var open []webElement
	var all []webElement
	for {
		line, _ := d.InputPos()
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, "line %d", line)
		switch tok := tok.(type) {
		case xml.StartElement:
			e := webElement{name: strings.ToLower(tok.Name.Local), attrs: map[string]string{}, line: line}
			for _, a := range tok.Attr {
				name := strings.ToLower(a.Name.Local)
				if a.Name.Space != "" {
					name = strings.ToLower(a.Name.Space) + ":" + name
				}
				e.attrs[name] = a.Value
			}
			all = append(all, e)
			if !webVoidElements[e.name] {
				open = append(open, e)
			}
		case xml.EndElement:
			name := strings.ToLower(tok.Name.Local)
			require.False(t, webVoidElements[name], "line %d: an end tag </%s> of a void element", line, name)
			require.NotEmpty(t, open, "line %d: </%s> closes nothing", line, name)
			top := open[len(open)-1]
			require.Equal(t, top.name, name, "line %d: </%s> closes <%s> of line %d", line, name, top.name, top.line)
			open = open[:len(open)-1]
		}
	}
	for _, e := range open {
		t.Errorf("<%s> of line %d is never closed", e.name, e.line)
	}
	return all
}

// webSameOrigin reports whether a URL in the page stays on the page's origin:
// a relative path, or a data: URL (the empty icon).
func webSameOrigin(u string) bool {
	u = strings.TrimSpace(strings.ToLower(u))
	if strings.HasPrefix(u, "//") || strings.Contains(u, "://") {
		return false
	}
	if i := strings.IndexByte(u, ':'); i >= 0 && !strings.ContainsAny(u[:i], "/?#") {
		return strings.HasPrefix(u, "data:") // a scheme: only data: is same-origin content
	}
	return true
}

// TestWebPage checks the embedded workbench page: its files are served,
// the page parses as HTML with every element closed, it is in Chinese,
// every control has a label, and it refers only to files of the service's
// own origin, which are all served.
func TestWebPage(t *testing.T) {
	h := service.New(service.Options{})
	files := map[string]string{"/": "text/html", "/app.js": "javascript", "/style.css": "text/css"}
	body := map[string]string{}
	for path, ct := range files {
		rec := getWeb(t, h, path)
		require.Equal(t, http.StatusOK, rec.Code, path)
		assert.Contains(t, rec.Header().Get("Content-Type"), ct, path)
		require.NotEmpty(t, rec.Body.String(), path)
		body[path] = rec.Body.String()
	}
	els := parseWebHTML(t, body["/"])
	require.NotEmpty(t, els)
	assert.Equal(t, "html", els[0].name)
	assert.Equal(t, "zh-CN", els[0].attrs["lang"])

	ids := map[string]bool{}
	labelled := map[string]bool{}
	for _, e := range els {
		if id := e.attrs["id"]; id != "" {
			assert.False(t, ids[id], "id %q twice", id)
			ids[id] = true
		}
		if e.name == "label" {
			labelled[e.attrs["for"]] = true
		}
		for _, a := range []string{"src", "href", "action", "formaction", "poster", "data"} {
			u, ok := e.attrs[a]
			if !ok {
				continue
			}
			assert.True(t, webSameOrigin(u), "line %d: <%s %s=%q> leaves the origin", e.line, e.name, a, u)
			if webSameOrigin(u) && !strings.HasPrefix(u, "data:") && (e.name == "script" || e.name == "link") {
				rec := getWeb(t, h, "/"+strings.TrimPrefix(u, "/"))
				assert.Equal(t, http.StatusOK, rec.Code, "line %d: %s is not served", e.line, u)
			}
		}
		for a := range e.attrs {
			assert.False(t, strings.HasPrefix(a, "on"), "line %d: inline handler %s (the page's script sets its handlers)", e.line, a)
		}
		assert.NotContains(t, e.attrs, "style", "line %d: inline style (style.css has them all)", e.line)
		if e.name == "script" {
			assert.NotEmpty(t, e.attrs["src"], "line %d: an inline script", e.line)
		}
	}
	for _, e := range els {
		if (e.name == "input" || e.name == "select" || e.name == "textarea") && e.attrs["type"] != "hidden" {
			assert.True(t, labelled[e.attrs["id"]] || e.attrs["aria-label"] != "", "line %d: <%s id=%q> has no label", e.line, e.name, e.attrs["id"])
		}
	}

	// No absolute URL anywhere in the three files: the page loads nothing
	// from another origin (no CDN, no web font).
	abs := regexp.MustCompile(`(?i)\b(https?:)?//[a-z0-9.-]+\.[a-z]{2,}`)
	for path, text := range body {
		assert.Empty(t, abs.FindAllString(text, -1), "%s names another origin", path)
	}
	assert.NotRegexp(t, `(?i)url\(\s*['"]?(https?:|//)`, body["/style.css"])
	assert.NotRegexp(t, `(?i)@import`, body["/style.css"])
	// The script writes server and user text as text only: none of the
	// DOM's HTML sinks, outside comments.
	code := regexp.MustCompile(`(?m)^\s*//.*$`).ReplaceAllString(body["/app.js"], "")
	for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
		assert.False(t, strings.Contains(code, sink), "app.js uses %s", sink)
	}
}
