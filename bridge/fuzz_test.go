package bridge_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/bridge"
)

// FuzzDecode holds the mapping decoder to its contract on any input: no
// panic or hang; an error is a list of problems, each with a kind (and a
// line, for a problem of the text); a mapping read compiles or gives
// problems with kinds, never a panic.
func FuzzDecode(f *testing.F) {
	if data, err := os.ReadFile("testdata/mapping.json"); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"lines": [{"id": "a", "target": "flags.overdue", "count": "findings", "rules": ["R"], "per": 2}]}`))
	f.Add([]byte(`{"lines": [{"id": 1, "per": 1e3, "types": [null]}], "x": {}}`))
	f.Add([]byte("\xef\xbb\xbf{\"name\": \"\xff\"}"))
	s := testScheme(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := bridge.Decode(bytes.NewReader(data))
		if err != nil {
			ps := dangjian.ProblemsOf(err)
			if len(ps) == 0 {
				t.Fatalf("error without problems: %v", err)
			}
			for _, p := range ps {
				if p.Kind == nil {
					t.Fatalf("problem without a kind: %#v", p)
				}
				if p.Kind != dangjian.ErrLimit && p.Line <= 0 {
					t.Fatalf("problem without a line: %#v", p)
				}
			}
			return
		}
		if _, err := bridge.Compile(m, s); err != nil {
			for _, p := range dangjian.ProblemsOf(err) {
				if p.Kind == nil || p.Path == "" {
					t.Fatalf("compile problem without kind or path: %#v", p)
				}
			}
		}
	})
}
