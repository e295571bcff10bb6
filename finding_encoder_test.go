package dangjian

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindingEncoder: a stream of findings whose sources repeat, come back
// after more than FindingEncoderSources others, differ in one field only,
// share their text or not, is encoded byte for byte as AppendJSONIndent
// encodes each finding alone; an undefined severity or confidence is its
// error, b as it was, and the encoder goes on.
func TestFindingEncoder(t *testing.T) {
	base := Source{Doc: "中国共产党支部工作条例（试行）", Article: "第五条", Confidence: Verified, Note: "a \"reading\" <&>\u2028"}
	var srcs []Source
	for i := range 12 {
		s := base
		s.Article = "第" + strconv.Itoa(i) + "条"
		srcs = append(srcs, s)
	}
	varied := []Source{
		base,
		{},
		{Doc: base.Doc, Article: base.Article, Confidence: Verified, Note: base.Note + "x"},
		{Doc: base.Doc, Article: base.Article, Confidence: Unverified, Note: base.Note},
		{Doc: strings.Clone(base.Doc), Article: strings.Clone(base.Article), Confidence: Verified, Note: strings.Clone(base.Note)}, // equal, other bytes
		{Doc: base.Doc, URL: "https://example.org/?a=1&b=<2>", Confidence: Verified},
	}
	var stream []Finding
	for round := range 3 {
		for i, s := range append(append([]Source{}, varied...), srcs...) {
			f := Finding{Rule: "R" + strconv.Itoa(i), Severity: Severity(1 + (i+round)%3), Subject: "s", Name: "延吉市委",
				Line: i, Message: "m\n", Source: s}
			if i%5 == 0 {
				f.Approval = &Approval{Kind: "threshold", Ref: "批复"}
			}
			stream = append(stream, f, f)
		}
	}
	for k, ind := range [][2]string{{"  ", "  "}, {"", "\t"}, {"", ""}} {
		e := NewFindingEncoder(ind[0], ind[1])
		if k == 2 {
			e = &FindingEncoder{} // the zero value: no prefix, no indent
		}
		b := []byte("x")
		want := "x"
		for i := range stream {
			var err error
			b, err = e.AppendJSONIndent(b, &stream[i])
			require.NoError(t, err)
			one, err := stream[i].AppendJSONIndent(nil, ind[0], ind[1])
			require.NoError(t, err)
			want += string(one)
			require.Equal(t, want, string(b), "finding %d, layout %q", i, ind)
		}
		for _, bad := range []Finding{{Severity: 9, Source: base}, {Source: Source{Confidence: 9}}} {
			got, err := e.AppendJSONIndent([]byte("y"), &bad)
			assert.Error(t, err)
			assert.Equal(t, "y", string(got))
		}
		got, err := e.AppendJSONIndent(nil, &stream[0])
		require.NoError(t, err)
		one, _ := stream[0].AppendJSONIndent(nil, ind[0], ind[1])
		assert.Equal(t, string(one), string(got), "after an error")
	}
}
