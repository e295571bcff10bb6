package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gbkRoster is a two-member roster in GBK: 张伟 (D5C5 CEB0) and 李娜
// (C0EE C4C8), categories 在职 (D4DA D6B0) and 学生 (D1A7 C9FA).
var gbkRoster = []byte("id,name,category,base\n" +
	"01,\xd5\xc5\xce\xb0,\xd4\xda\xd6\xb0,6234.50\n" +
	"02,\xc0\xee\xc4\xc8,\xd1\xa7\xc9\xfa,0\n")

const utf8Roster = "id,name,category,base\n01,张伟,在职,6234.50\n02,李娜,学生,0\n"

// A GBK roster read as UTF-8 has every cell that is not UTF-8 as a bad row
// (exit 1, as for any bad row, with line, column and the advice),
// read on purpose with -encoding gbk or gb18030 (the same ledger as the
// UTF-8 file), and a byte that is not GBK is a problem with its position.
func TestEncodingFlag(t *testing.T) {
	dir := t.TempDir()
	gbk := filepath.Join(dir, "roster.csv")
	require.NoError(t, os.WriteFile(gbk, gbkRoster, 0o600))
	want := runWith(t, utf8Roster, "-in", "-", "-date", "2024-06-01")
	require.Equal(t, 0, want.code, want.stderr)

	r := runWith(t, "", "-in", gbk, "-date", "2024-06-01")
	assert.Equal(t, 1, r.code)
	assert.Contains(t, r.stderr, gbk+`:2:2: name (id "01"): not valid UTF-8: save the file as UTF-8, not GBK`)
	assert.Contains(t, r.stderr, "0 members computed, 2 rows not computed")

	for _, enc := range []string{"gbk", "GB18030"} {
		r = runWith(t, "", "-in", gbk, "-date", "2024-06-01", "-encoding", enc)
		assert.Equal(t, 0, r.code, r.stderr)
		assert.Equal(t, want.stdout, r.stdout, enc)
		r = runWith(t, string(gbkRoster), "-in", "-", "-date", "2024-06-01", "-encoding", enc)
		assert.Equal(t, want.stdout, r.stdout, "stdin, "+enc)
	}

	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, append([]byte("id,name,category,base\n01,"), 0xff, ',', 'x', '\n'), 0o600))
	r = runWith(t, "", "-in", bad, "-encoding", "gbk", "-format", "json")
	assert.Equal(t, 2, r.code)
	assert.Contains(t, r.stdout, `"code": "encoding"`)
	assert.Contains(t, r.stdout, `"line": 2`)

	r = runWith(t, "", "-encoding", "latin1")
	assert.Equal(t, 2, r.code)
}
