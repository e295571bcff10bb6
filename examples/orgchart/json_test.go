package main

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/stretchr/testify/require"
)

// encoderJSON is what writeJSON wrote before indentJSON: json.Encoder's
// bytes for each finding.
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

func TestWriteJSONAsEncoder(t *testing.T) {
	tree, err := orgmodel.Build(orgmodel.Synthetic(3000, 7))
	require.NoError(t, err)
	report, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate(asOf))
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

// FuzzWriteJSON checks that writeJSON writes json.Encoder's bytes for a
// finding whatever its text.
func FuzzWriteJSON(f *testing.F) {
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
