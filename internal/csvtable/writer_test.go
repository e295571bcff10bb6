package csvtable

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeaderIn(t *testing.T) {
	s := Spec{Columns: []Column{{Name: "id", Chinese: "编号"}, {Name: "x"}, {Name: "kind", Chinese: "类别", Aliases: []string{"种类"}}}}
	assert.Equal(t, []string{"id", "x", "kind"}, s.HeaderIn(dangjian.English))
	assert.Equal(t, []string{"编号", "x", "类别"}, s.HeaderIn(dangjian.Chinese))
	for _, lang := range []dangjian.Lang{dangjian.English, dangjian.Chinese} {
		r, err := Open(strings.NewReader(strings.Join(s.HeaderIn(lang), ",")+"\n"), &s)
		require.NoError(t, err, "the header reads back")
		for c := range s.Columns {
			assert.Equal(t, c, r.Header().Field(c))
		}
	}
}

func TestCheckLang(t *testing.T) {
	assert.NoError(t, CheckLang(dangjian.English))
	assert.NoError(t, CheckLang(dangjian.Chinese))
	err := CheckLang(dangjian.Chinese + 1)
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Equal(t, `lang: invalid value: unknown language ("2")`, err.Error())
}

func TestGuard(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""}, {"社区", "社区"}, {"a=1", "a=1"}, {"'quoted'", "'quoted'"}, {"12.50", "12.50"},
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"}, {"+1", "'+1"}, {"-12.50", "'-12.50"},
		{"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"}, {"\rx", "'\rx"}, {"'=x", "''=x"}, {"''-", "'''-"}, {"'", "'"},
	} {
		assert.Equal(t, tt.want, Guard(tt.in), "Guard(%q)", tt.in)
		assert.Equal(t, tt.in, Unguard(Guard(tt.in)), "Unguard(Guard(%q))", tt.in)
	}
	assert.Equal(t, "=x", Unguard("'=x"), "a quote before a formula is taken off")
	assert.Equal(t, "'x", Unguard("'x"))
}

func TestWriter(t *testing.T) {
	var b strings.Builder
	w, err := NewWriter(&b)
	require.NoError(t, err)
	require.NoError(t, w.Write([]string{w.Text("=1+1"), "-12.50", w.Text("社区")}))
	raw, err := NewWriter(&b, dangjian.RawText)
	require.NoError(t, err)
	require.NoError(t, raw.Write([]string{raw.Text("=1+1"), "-12.50", raw.Text("社区")}))
	w.Flush()
	raw.Flush()
	assert.Equal(t, "'=1+1,-12.50,社区\n=1+1,-12.50,社区\n", b.String())
	_, err = NewWriter(&b, dangjian.CSVText(2))
	assert.EqualError(t, err, `text: invalid value: want GuardFormulas or RawText ("2")`)
	_, err = NewWriter(&b, dangjian.RawText, dangjian.GuardFormulas)
	assert.EqualError(t, err, `text: invalid value: give at most one CSVText ("2")`)

	// What the writer guards, the reader reads back as written.
	spec := Spec{Columns: []Column{{Name: "id", Required: true}, {Name: "name"}}, ID: "id"}
	for _, text := range []dangjian.CSVText{dangjian.GuardFormulas, dangjian.RawText} {
		var out strings.Builder
		w, err := NewWriter(&out, text)
		require.NoError(t, err)
		names := []string{"=HYPERLINK(\"http://x\",\"y\")", "-1", "@a", "'=b", "plain", "'quoted'"}
		require.NoError(t, w.Write([]string{"id", "name"}))
		for i, n := range names {
			require.NoError(t, w.Write([]string{w.Text(strconv.Itoa(-i)), w.Text(n)}))
		}
		w.Flush()
		r, err := Open(strings.NewReader(out.String()), &spec)
		require.NoError(t, err)
		var got []string
		var ids []string
		for r.Next() {
			got = append(got, r.Cell(1))
			ids = append(ids, r.ID())
		}
		want := names
		if text == dangjian.RawText {
			want = slices.Clone(names)
			want[3] = "=b" // a quote before a formula is taken off
		}
		assert.Equal(t, want, got, "%v", text)
		assert.Equal(t, []string{"0", "-1", "-2", "-3", "-4", "-5"}, ids)
	}
}
