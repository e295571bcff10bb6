package main

import (
	"os"
	"path/filepath"
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

// TestGBK: a GBK tree, CSV or JSON, is refused with the file, line and
// column; -encoding gbk reads it as the UTF-8 file.
func TestGBK(t *testing.T) {
	require.Equal(t, "\xbb\xfa\xb9\xd8", gbk(t, "机关"), "the encoder writes GBK")
	csvUTF8, err := os.ReadFile("testdata/tree.csv")
	require.NoError(t, err)
	jsonUTF8, err := os.ReadFile("testdata/tree.in.json")
	require.NoError(t, err)
	jsonGBK := filepath.Join(t.TempDir(), "tree.json")
	require.NoError(t, os.WriteFile(jsonGBK, []byte(gbk(t, string(jsonUTF8))), 0o600))
	date := []string{"-date", "2025-06-30"}

	r := runWith(t, gbk(t, string(csvUTF8)), append(date, "-in", "-")...)
	assert.Equal(t, exitInput, r.code)
	assert.Contains(t, r.stderr, "stdin:1:1: invalid header: column name is not UTF-8: save the file as UTF-8, not GBK (\"\\xb1\\xe0\\xba\\xc5\")\n")

	r = runWith(t, "", append(date, "-in", jsonGBK)...)
	assert.Equal(t, exitInput, r.code)
	assert.Regexp(t, `^\S+tree\.json:7:16: orgs\[0\]\.name: not valid UTF-8: save the file as UTF-8, not GBK \(`, r.stderr)

	for _, enc := range []string{"gbk", "gb18030"} {
		want := runWith(t, "", date...)
		got := runWith(t, gbk(t, string(csvUTF8)), append(date, "-in", "-", "-encoding", enc)...)
		assert.Equal(t, want, got, "CSV in %s", enc)
		want = runWith(t, "", append(date, "-in", "testdata/tree.in.json", "-format", "json")...)
		got = runWith(t, "", append(date, "-in", jsonGBK, "-format", "json", "-encoding", enc)...)
		assert.Equal(t, want, got, "JSON in %s", enc)
	}

	r = runWith(t, "id,name\n\x81\x20\n", append(date, "-in", "-", "-encoding", "gbk")...)
	assert.Equal(t, result{exitInput, "", "stdin:2:1: not valid UTF-8: not GBK text either: check the file's encoding\n"}, r)
	r = runWith(t, "id,name\n\x81\x20\n", append(date, "-in", "-", "-encoding", "gbk", "-format", "json")...)
	assert.Equal(t, exitInput, r.code)
	assert.JSONEq(t, `{"problems":[{"code":"encoding","line":2,"column":1,"message":"not valid UTF-8: not GBK text either: check the file's encoding","detail":"not GBK text either: check the file's encoding"}]}`, r.stdout)

	r = runWith(t, "", "-encoding", "latin1")
	assert.Equal(t, exitInput, r.code)
	assert.Contains(t, r.stderr, `invalid value "latin1" for flag -encoding: encoding: invalid value: want utf-8, gbk or gb18030 ("latin1")`)
}
