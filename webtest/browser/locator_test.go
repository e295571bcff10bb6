package browser

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsonLines walks a JSON text and returns the line of every path, written
// as the library writes a problem's path (components[0].indicators[2].max):
// a member's line is its key's, an element's line is where it starts.
func jsonLines(t *testing.T, text string) map[string]int {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	lines := map[string]int{}
	lineAt := func(off int64) int { return 1 + strings.Count(text[:off], "\n") }
	// value reads one value whose first token is tok, ending at end.
	var value func(path string, tok json.Token, end int64)
	value = func(path string, tok json.Token, end int64) {
		if _, ok := lines[path]; !ok {
			lines[path] = lineAt(end) // a token does not span lines
		}
		switch tok {
		case json.Delim('{'):
			for d.More() {
				k, err := d.Token()
				require.NoError(t, err)
				key := k.(string)
				kp := key
				if path != "" {
					kp = path + "." + key
				}
				lines[kp] = lineAt(d.InputOffset())
				v, err := d.Token()
				require.NoError(t, err)
				value(kp, v, d.InputOffset())
			}
			_, err := d.Token() // }
			require.NoError(t, err)
		case json.Delim('['):
			for i := 0; d.More(); i++ {
				v, err := d.Token()
				require.NoError(t, err)
				ep := fmt.Sprintf("%s[%d]", path, i)
				lines[ep] = lineAt(d.InputOffset())
				value(ep, v, d.InputOffset())
			}
			_, err := d.Token() // ]
			require.NoError(t, err)
		}
	}
	tok, err := d.Token()
	require.NoError(t, err)
	value("", tok, d.InputOffset())
	delete(lines, "")
	return lines
}

// TestLocator checks the page's JSON path locator, which puts a compile
// problem on its line, on whole schemes: every path of the reference
// schemes as the service serves them (indented) and of the flat example
// scheme (several members a line) is found on its line.
func TestLocator(t *testing.T) {
	p := open(t)
	texts := map[string]string{"flat-scheme.json": string(read(t, flatScheme))}
	for _, name := range []string{"yanji-shuzhi", "xingji", "minzhu-pingyi", "jifen"} {
		status, out := p.api("GET", "/v1/schemes/"+name, "", "", nil)
		require.Equal(t, http.StatusOK, status, "%s", out)
		texts[name] = string(out)
	}
	for name, text := range texts {
		want := jsonLines(t, text)
		require.Greater(t, len(want), 20, name)
		paths := make([]string, 0, len(want))
		for path := range want {
			paths = append(paths, path)
		}
		args, err := json.Marshal([]any{text, paths})
		require.NoError(t, err)
		got := run[[]int](p, fmt.Sprintf(`window.dangjianWorkbench.lines.apply(null, %s)`, args))
		require.Len(t, got, len(paths), name)
		wrong := 0
		for i, path := range paths {
			if !assert.Equal(t, want[path], got[i], "%s: %s", name, path) {
				if wrong++; wrong > 10 {
					t.FailNow()
				}
			}
		}
		t.Logf("%s: %d paths on their lines", name, len(paths))
	}
}
