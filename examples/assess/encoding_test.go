package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbk returns s in GBK, as Excel on a Chinese Windows saves it.
func gbk(t *testing.T, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	require.NoError(t, err)
	return b
}

// TestGBK: a GBK file is refused with its file, line and column, never
// scored as other text (issue 10: a cohort scored 98.2 as UTF-8 and 92.2
// as GBK, exit 0); -encoding gbk reads the subjects as the UTF-8 file,
// and leaves the scheme UTF-8.
func TestGBK(t *testing.T) {
	require.Equal(t, "\xc9\xe7\xc7\xf8", gbk(t, "社区"), "the encoder writes GBK")
	csvUTF8, err := os.ReadFile("testdata/flat.csv")
	require.NoError(t, err)
	schemeUTF8, err := os.ReadFile("testdata/flat-scheme.json")
	require.NoError(t, err)
	dir := t.TempDir()
	schemeGBK := filepath.Join(dir, "scheme.json")
	require.NoError(t, os.WriteFile(schemeGBK, []byte(gbk(t, string(schemeUTF8))), 0o600))
	csvGBK := filepath.Join(dir, "subjects.csv")
	require.NoError(t, os.WriteFile(csvGBK, []byte(gbk(t, string(csvUTF8))), 0o600))

	want := runWith(t, "", "-scheme", "testdata/flat-scheme.json", "-input", "testdata/flat.csv", "-format", "csv")
	require.Equal(t, exitOK, want.code, want.stderr)

	t.Run("GBK CSV is refused", func(t *testing.T) {
		r := runWith(t, gbk(t, string(csvUTF8)), "-scheme", "testdata/flat-scheme.json", "-input", "-")
		assert.Equal(t, exitInput, r.code)
		assert.Empty(t, r.stdout)
		assert.Contains(t, r.stderr, "stdin:2:2: category (id \"c01\"): not valid UTF-8: save the file as UTF-8, not GBK (\"\\xc9\\xe7\\xc7\\xf8\")\n")
		assert.Contains(t, r.stderr, "stdin:2:5: type (id \"c01\"): not valid UTF-8: save the file as UTF-8, not GBK")
	})
	t.Run("GBK scheme is refused, with -encoding too", func(t *testing.T) {
		r := runWith(t, "", "-scheme", schemeGBK, "-input", "testdata/flat.csv", "-encoding", "gbk")
		assert.Equal(t, exitInput, r.code)
		assert.Regexp(t, `^`+regexpQuote(schemeGBK)+`:2:13: name: not valid UTF-8: save the file as UTF-8, not GBK`, r.stderr)
	})
	for _, enc := range []string{"gbk", "GB18030"} {
		t.Run("-encoding "+enc, func(t *testing.T) {
			r := runWith(t, "", "-encoding", enc, "-scheme", "testdata/flat-scheme.json", "-input", csvGBK, "-format", "csv")
			require.Equal(t, exitOK, r.code, r.stderr)
			assert.Equal(t, want.stdout, r.stdout, "the GBK file scores as the UTF-8 one")
			r = runWith(t, gbk(t, string(csvUTF8)), "-encoding", enc, "-scheme", "testdata/flat-scheme.json", "-input", "-", "-format", "csv")
			require.Equal(t, exitOK, r.code, r.stderr)
			assert.Equal(t, want.stdout, r.stdout, "standard input too")
		})
	}
	t.Run("not GBK either", func(t *testing.T) {
		r := runWith(t, "id,meetings\n\x81 ,1\n", "-encoding", "gbk", "-scheme", "testdata/flat-scheme.json", "-input", "-")
		assert.Equal(t, exitInput, r.code)
		assert.Equal(t, "stdin:2:1: not valid UTF-8: not GBK text either: check the file's encoding\n", r.stderr)
	})
	t.Run("unknown encoding", func(t *testing.T) {
		r := runWith(t, "", "-encoding", "big5")
		assert.Equal(t, exitInput, r.code)
		assert.Contains(t, r.stderr, `invalid value "big5" for flag -encoding: encoding: invalid value: want utf-8, gbk or gb18030 ("big5")`)
	})
}

func regexpQuote(s string) string {
	return strings.NewReplacer(`\`, `\\`, `.`, `\.`).Replace(s)
}
