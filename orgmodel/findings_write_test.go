package orgmodel_test

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeJSON writes fs with a JSONFindings FindingWriter.
func writeJSON(w io.Writer, fs []dangjian.Finding) error {
	fw := orgmodel.NewFindingWriter(w, orgmodel.JSONFindings, dangjian.Date{})
	for i := range fs {
		if err := fw.Write(&fs[i]); err != nil {
			return err
		}
	}
	return fw.Close()
}

// encoderJSON is json.Encoder's bytes for each finding, what
// examples/orgchart wrote before FindingWriter.
func encoderJSON(t *testing.T, fs []dangjian.Finding) string {
	t.Helper()
	if len(fs) == 0 {
		return "[]\n"
	}
	var out, one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	out.WriteString("[\n")
	for i := range fs {
		one.Reset()
		require.NoError(t, enc.Encode(fs[i]))
		out.WriteString("  ")
		out.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
		if i < len(fs)-1 {
			out.WriteByte(',')
		}
		out.WriteByte('\n')
	}
	out.WriteString("]\n")
	return out.String()
}

// trickyFinding puts s in every text field, and an approval.
func trickyFinding(s string, line int) dangjian.Finding {
	return dangjian.Finding{Rule: s, Severity: dangjian.Warning, Subject: s, Ref: s, Name: s, Field: s,
		Value: s, On: dangjian.MustParseDate("2025-06-30"), Line: line, Message: s, Source: dangjian.Source{Doc: s, Article: s},
		Approval: &dangjian.Approval{Kind: s, By: s, On: dangjian.MustParseDate("2024-01-02")}}
}

func TestFindingWriterJSONAsEncoder(t *testing.T) {
	tree, err := orgmodel.Build(orgmodel.Synthetic(3000, 7))
	require.NoError(t, err)
	report, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
	require.NoError(t, err)
	require.NotEmpty(t, report.Findings)
	tricky := []dangjian.Finding{{}, trickyFinding("", 0)}
	for i, s := range []string{`"`, `\`, `\"`, `a\\"b`, "<a&b>", "{[,:]}", "tab\there\nline", "\u2028\u2029",
		"社区党委 — 支部", "\x00\x1f", `{"x":[]}`, "[]{}"} {
		tricky = append(tricky, trickyFinding(s, i+1))
	}
	for _, c := range []struct {
		name string
		fs   []dangjian.Finding
	}{
		{"none", nil},
		{"synthetic", report.Findings},
		{"tricky", tricky},
	} {
		t.Run(c.name, func(t *testing.T) {
			var got bytes.Buffer
			require.NoError(t, writeJSON(&got, c.fs))
			require.Equal(t, encoderJSON(t, c.fs), got.String())
		})
	}
}

// FuzzFindingWriterJSON checks that a JSONFindings FindingWriter writes json.Encoder's bytes for a
// finding whatever its text.
func FuzzFindingWriterJSON(f *testing.F) {
	for _, s := range []string{"", `"\`, "<&>", "{[:,]}", "社区\n", "\xff"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, line int) {
		fs := []dangjian.Finding{trickyFinding(s, line), {Message: s}}
		var got bytes.Buffer
		require.NoError(t, writeJSON(&got, fs))
		require.Equal(t, encoderJSON(t, fs), got.String())
	})
}

// A JSONFindings FindingWriter writes, one finding at a time, the bytes an
// indenting json.Encoder writes for the whole slice.
func TestFindingWriterJSONStreams(t *testing.T) {
	all := []dangjian.Finding{
		{Rule: "R-1", Severity: dangjian.Error, Subject: "a<b>&c", Name: "x / y", Message: "多行\n\"quoted\"", Line: 3},
		{Rule: "R-2", Severity: dangjian.Info, Subject: "b", Approval: &dangjian.Approval{Ref: "批复"}},
		{Rule: "R-3", Severity: dangjian.Warning},
	}
	for n := 0; n <= len(all); n++ {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		require.NoError(t, enc.Encode(all[:n:n]))
		require.NoError(t, writeJSON(&got, all[:n:n]))
		assert.Equal(t, want.String(), got.String(), "%d findings", n)
	}
}
