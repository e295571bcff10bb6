package dangjian_test

import (
	"encoding/json"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSeverity(t *testing.T) {
	tests := []struct {
		in   string
		want dangjian.Severity
	}{
		{"error", dangjian.Error}, {"错误", dangjian.Error}, {"WARNING", dangjian.Warning},
		{"warn", dangjian.Warning}, {"提示", dangjian.Info}, {"information", dangjian.Info},
	}
	for _, tt := range tests {
		got, err := dangjian.ParseSeverity(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	_, err := dangjian.ParseSeverity("fatal")
	assert.Error(t, err)
	assert.Equal(t, dangjian.Error, dangjian.SeverityOf(dangjian.Must))
	assert.Equal(t, dangjian.Warning, dangjian.SeverityOf(dangjian.Usually))
	assert.Equal(t, dangjian.Info, dangjian.SeverityOf(dangjian.May))
	assert.Equal(t, dangjian.SeverityUnknown, dangjian.SeverityOf(0))
	assert.Equal(t, "警告", dangjian.Warning.Label())
}

func TestComparison(t *testing.T) {
	tests := []struct {
		c     dangjian.Comparison
		v, n  int64
		holds bool
	}{
		{dangjian.AtLeast, 3, 3, true}, {dangjian.AtLeast, 2, 3, false},
		{dangjian.MoreThan, 3, 3, false}, {dangjian.MoreThan, 4, 3, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.holds, tt.c.Holds(tt.v, tt.n), "%s %d %d", tt.c, tt.v, tt.n)
		cmp := 0
		if tt.v < tt.n {
			cmp = -1
		} else if tt.v > tt.n {
			cmp = 1
		}
		assert.Equal(t, tt.holds, tt.c.HoldsCmp(cmp))
	}
	for in, want := range map[string]dangjian.Comparison{"以上": dangjian.AtLeast, ">=": dangjian.AtLeast,
		"超过": dangjian.MoreThan, "more_than": dangjian.MoreThan, "达到": dangjian.AtLeast} {
		got, err := dangjian.ParseComparison(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
}

func TestLang(t *testing.T) {
	for in, want := range map[string]dangjian.Lang{"en": dangjian.English, "English": dangjian.English,
		"zh": dangjian.Chinese, "zh-CN": dangjian.Chinese, "中文": dangjian.Chinese} {
		got, err := dangjian.ParseLang(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := dangjian.ParseLang("fr")
	assert.Error(t, err)
	b, _ := json.Marshal(struct{ L dangjian.Lang }{dangjian.Chinese})
	assert.JSONEq(t, `{"L":"zh"}`, string(b))
}

func TestRounding(t *testing.T) {
	r := dangjian.HalfUpTo(2)
	assert.NoError(t, r.Validate())
	assert.Equal(t, "half_up to 0.01", r.String())
	v, err := r.Round(decimal.RequireFromString("2.345"))
	require.NoError(t, err)
	assert.Equal(t, "2.35", v.StringFixed(2))

	err = dangjian.Rounding{}.Validate()
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	err = dangjian.Rounding{Places: 9, Mode: dangjian.Down}.Validate()
	assert.EqualError(t, err, `places: invalid value: want 0 to 6 decimal places ("9")`)

	b, err := json.Marshal(dangjian.Rounding{Places: 1, Mode: dangjian.Ceiling})
	require.NoError(t, err)
	assert.JSONEq(t, `{"places":1,"mode":"ceiling"}`, string(b))
}

func TestFindingJSON(t *testing.T) {
	f := dangjian.Finding{Rule: "ORG-BRANCH-MIN-3", Severity: dangjian.Error, Subject: "1002",
		Name: "延吉市委 / 某公司党支部", Field: "members.full", Value: "2", Line: 3,
		Message: "has 2 full members", Source: dangjian.Source{Doc: "条例", Confidence: dangjian.Verified}}
	b, err := json.Marshal(f)
	require.NoError(t, err)
	var w map[string]any
	require.NoError(t, json.Unmarshal(b, &w))
	assert.NotContains(t, w, "on", "a zero date is left out")
	assert.NotContains(t, w, "approval")
	assert.Equal(t, "error", w["severity"])
	var g dangjian.Finding
	require.NoError(t, json.Unmarshal(b, &g))
	assert.Equal(t, f, g)

	f.On = dangjian.MustParseDate("2025-03-01")
	f.Approval = &dangjian.Approval{Kind: "below_threshold", By: "1001", On: dangjian.MustParseDate("2024-01-02"), Ref: "延组字〔2024〕1号"}
	b, err = json.Marshal(f)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &g))
	assert.Equal(t, f, g)
}
