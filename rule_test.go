package dangjian_test

import (
	"errors"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type testRule struct {
	dangjian.Rule
	topic string
}

func src() dangjian.Source { return dangjian.Source{Doc: "doc", Confidence: dangjian.Verified} }

func TestCheckRules(t *testing.T) {
	d := dangjian.MustParseDate
	good := []testRule{
		{dangjian.Rule{ID: "A", Period: dangjian.Period{To: d("2017-01-01")}, Source: src()}, "t"},
		{dangjian.Rule{ID: "B", Period: dangjian.Period{From: d("2017-01-01")}, Source: src()}, "t"},
	}
	topic := func(r testRule) string { return r.topic }
	require.NoError(t, dangjian.CheckRules(good, topic))

	tests := []struct {
		name  string
		rules []testRule
		want  string
	}{
		{"duplicate ID", []testRule{good[0], {dangjian.Rule{ID: "A", Source: src()}, ""}}, `rules[1] ("A"): ID also used by rules[0]`},
		{"empty ID", []testRule{{dangjian.Rule{Source: src()}, ""}}, `rules[0] (""): empty ID`},
		{"no source", []testRule{{dangjian.Rule{ID: "X", Source: dangjian.Source{Confidence: dangjian.Verified}}, ""}}, `rules[0] ("X"): no source document`},
		{"no confidence", []testRule{{dangjian.Rule{ID: "X", Source: dangjian.Source{Doc: "d"}}, ""}}, `rules[0] ("X"): no confidence mark`},
		{"overlap", []testRule{good[0], {dangjian.Rule{ID: "C", Period: dangjian.Period{From: d("2016-06-01")}, Source: src()}, "t"}}, `overlap on topic "t"`},
		{"empty period", []testRule{{dangjian.Rule{ID: "X", Period: dangjian.Period{From: d("2017-01-01"), To: d("2016-01-01")}, Source: src()}, ""}}, "is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := dangjian.CheckRules(tt.rules, topic)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, errors.Is(err, dangjian.ErrBadRuleTable))
		})
	}
}

func TestRoundingModes(t *testing.T) {
	tests := []struct {
		mode dangjian.RoundingMode
		in   string
		want string
	}{
		{dangjian.HalfUp, "2.345", "2.35"},
		{dangjian.HalfUp, "2.344999", "2.34"},
		{dangjian.HalfUp, "-2.345", "-2.35"},
		{dangjian.HalfEven, "2.345", "2.34"},
		{dangjian.HalfEven, "2.355", "2.36"},
		{dangjian.Down, "2.349", "2.34"},
		{dangjian.Down, "-2.349", "-2.34"},
		{dangjian.Up, "2.341", "2.35"},
		{dangjian.Up, "2.34", "2.34"},
		{dangjian.Floor, "-2.341", "-2.35"},
		{dangjian.Ceiling, "-2.349", "-2.34"},
		{dangjian.Ceiling, "2.341", "2.35"},
	}
	for _, tt := range tests {
		t.Run(tt.mode.String()+"/"+tt.in, func(t *testing.T) {
			got, err := tt.mode.Round(decimal.RequireFromString(tt.in), 2)
			require.NoError(t, err)
			want := decimal.RequireFromString(tt.want)
			assert.Truef(t, want.Equal(got), "want %s, got %s", want, got)
		})
	}
	_, err := dangjian.RoundingUnknown.Round(decimal.NewFromInt(1), 2)
	require.EqualError(t, err, "dangjian: Round with invalid rounding mode 0")
}

func TestVocabularyEnums(t *testing.T) {
	m, err := dangjian.ParseRoundingMode("四舍五入")
	require.NoError(t, err)
	assert.Equal(t, dangjian.HalfUp, m)
	mo, err := dangjian.ParseModality("必须")
	require.NoError(t, err)
	assert.Equal(t, dangjian.Must, mo)
	mo, err = dangjian.ParseModality("原则上")
	require.NoError(t, err)
	assert.Equal(t, dangjian.Usually, mo)
	c, err := dangjian.ParseConfidence("local_practice")
	require.NoError(t, err)
	assert.Equal(t, dangjian.LocalPractice, c)
	assert.Equal(t, "地方做法", c.Label())
	_, err = dangjian.ParseConfidence("sure")
	require.EqualError(t, err, `dangjian: ParseConfidence("sure"): unknown confidence`)
	s := dangjian.Source{Doc: "中国共产党支部工作条例（试行）", Article: "第四条", Confidence: dangjian.Verified}
	assert.Equal(t, "中国共产党支部工作条例（试行） 第四条 [verified]", s.String())
	assert.False(t, s.IsZero())
	assert.True(t, dangjian.Source{}.IsZero())
}
