package golden

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	if d := Diff("a\nb\n", "a\nb\n"); d != "" {
		t.Fatalf("equal texts differ: %q", d)
	}
	d := Diff("a\nb\nc", "a\nB\nc\nd")
	for _, want := range []string{"line 2:", `want "b"`, `got  "B"`, "line 4:", "want 3 lines, got 4"} {
		if !strings.Contains(d, want) {
			t.Errorf("diff %q lacks %q", d, want)
		}
	}
}

type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper()                           {}
func (r *recorder) Errorf(format string, args ...any) { r.failed = true; r.msg = format }
func (r *recorder) Fatalf(format string, args ...any) { r.failed = true; r.msg = format }
func (r *recorder) Fatal(args ...any)                 { r.failed = true }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "x.golden")
	r := &recorder{}
	Check(r, path, []byte("x"))
	if !r.failed || !strings.Contains(r.msg, "-update to create it") {
		t.Fatal("a missing golden file fails and says how to create it")
	}
	*update = true
	Check(&recorder{}, path, []byte("x\n"))
	*update = false
	if b, _ := os.ReadFile(path); string(b) != "x\n" {
		t.Fatalf("-update wrote %q", b)
	}
	r = &recorder{}
	Check(r, path, []byte("x\n"))
	if r.failed {
		t.Fatal("an equal file passes")
	}
	Check(r, path, []byte("y\n"))
	if !r.failed {
		t.Fatal("a different file fails")
	}
}
