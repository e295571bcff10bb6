package dangjian

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reflective is what encoding/json writes for the finding's wire form: the
// bytes MarshalJSON must reproduce.
func reflective(t testing.TB, f Finding) []byte {
	t.Helper()
	b, err := json.Marshal(f.wire())
	require.NoError(t, err)
	return b
}

func TestFindingJSONAsEncodingJSON(t *testing.T) {
	src := Source{Doc: "中国共产党支部工作条例（试行）", Article: "第五条", URL: "https://example.org/a?b=1&c=<2>", Confidence: Verified, Note: "a \"reading\"\n"}
	tests := []Finding{
		{},
		{Rule: "R", Severity: Error, Message: "m", Source: src},
		{Rule: "ORG-BRANCH-MIN-3", Severity: Warning, Subject: "1002", Ref: "site/1", Name: "延吉市委 / 某公司党支部",
			Field: "members.full", Value: "2", On: MustParseDate("2025-03-01"), Line: 3, Message: "has 2 full members", Source: src},
		{Rule: "<script>&", Subject: "a\u2028b\u2029c", Name: "tab\there\x00\x1f\x7f", Value: "\xff\xfe bad utf-8", Line: -4, Message: "\\"},
		// Characters that begin with the byte E2 as U+2028 and U+2029 do
		// (— … ₂ ⅰ), kept; those two escaped in valid UTF-8 and after a
		// bad byte; a string ending in E2 or E2 80.
		{Rule: "R", Name: "党委—支部…₂ⅰ", Message: "ok\u2028", Value: "x\u2029", Field: "\xff\u2028", Ref: "a\xe2", Subject: "b\xe2\x80"},
		{Rule: "R", Message: "支部 \"某党委\" <a> & b\\c\n\t\r\b\f\x01\x7f — \u2028末", Name: "\u2029"},
		{Rule: "R", Approval: &Approval{}},
		{Rule: "R", Approval: &Approval{Ref: "批复"}},
		{Rule: "R", Approval: &Approval{Kind: "threshold", Rule: "X", By: "1", ByName: "某党委", On: MustParseDate("2024-01-02"), Ref: "r"}},
	}
	for i, f := range tests {
		got, err := f.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, string(reflective(t, f)), string(got), "case %d", i)
		for _, ind := range [][2]string{{"  ", "  "}, {"", "\t"}, {"", ""}} {
			var want bytes.Buffer
			require.NoError(t, json.Indent(&want, got, ind[0], ind[1]))
			indented, err := f.AppendJSONIndent([]byte("x"), ind[0], ind[1])
			require.NoError(t, err)
			assert.Equal(t, "x"+want.String(), string(indented), "case %d indented %q", i, ind)
		}
		var back Finding
		require.NoError(t, json.Unmarshal(got, &back), "case %d", i)
	}
	// An undefined severity or confidence is the encoder's own error.
	_, err := Finding{Severity: 9}.MarshalJSON()
	assert.Error(t, err)
	_, err = Finding{Source: Source{Confidence: 9}}.MarshalJSON()
	assert.Error(t, err)
}

func FuzzFindingJSON(f *testing.F) {
	f.Add("R", uint8(3), "1002", "", "延吉市委", "members.full", "2", 3, "m", "doc", "第五条", "", uint8(1), "", true, "by", "ref")
	f.Add("<&>", uint8(0), "\u2028", "\x00", "\xff", "", "", -1, "\"", "", "", "u\\", uint8(0), "n\n", false, "", "")
	f.Fuzz(func(t *testing.T, rule string, sev uint8, subject, ref, name, field, value string, line int, msg, doc, article, url string, conf uint8, note string, approved bool, by, aref string) {
		x := Finding{Rule: rule, Severity: Severity(sev % 4), Subject: subject, Ref: ref, Name: name, Field: field, Value: value,
			Line: line, Message: msg, Source: Source{Doc: doc, Article: article, URL: url, Confidence: Confidence(conf % 5), Note: note}}
		if approved {
			x.Approval = &Approval{By: by, Ref: aref}
		}
		got, err := x.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, got, "  ", "  "); err != nil {
			t.Fatal(err)
		}
		if indented, _ := x.AppendJSONIndent(nil, "  ", "  "); string(indented) != want.String() {
			t.Fatalf("AppendJSONIndent\n got %s\nwant %s", indented, want.Bytes())
		}
		// A FindingEncoder writes the same, the source encoded or copied.
		e := NewFindingEncoder("  ", "  ")
		for range 2 {
			if enc, _ := e.AppendJSONIndent(nil, &x); string(enc) != want.String() {
				t.Fatalf("FindingEncoder\n got %s\nwant %s", enc, want.Bytes())
			}
		}
		if want := reflective(t, x); string(got) != string(want) {
			t.Fatalf("MarshalJSON\n got %s\nwant %s", got, want)
		}
	})
}

func BenchmarkFindingJSON(b *testing.B) {
	f := Finding{Rule: "ORG-BRANCH-MIN-3", Severity: Error, Subject: "1002", Name: "延吉市委 / 某公司党支部",
		Field: "members.full", Value: "2", Line: 3, Message: "党支部 \"某公司党支部\" has 2 full members; the rule needs at least 3",
		Source: Source{Doc: "中国共产党支部工作条例（试行）", Article: "第四条", Confidence: Verified}}
	b.Run("MarshalJSON", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := f.MarshalJSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reflective", func(b *testing.B) {
		b.ReportAllocs()
		w := f.wire()
		for range b.N {
			if _, err := json.Marshal(w); err != nil {
				b.Fatal(err)
			}
		}
	})
}
