package yanji_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/remit"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// RemitRules is the national table plus 延吉's return, which has no share
// by default, and is a fresh table on each call.
func TestRemitRules(t *testing.T) {
	national := remit.Rules()
	rules := yanji.RemitRules()
	require.Len(t, rules, len(national)+1)
	assert.Equal(t, national, rules[:len(national)], "the national and local shares first, unchanged")
	require.NoError(t, dangjian.CheckRules(rules, func(s remit.Share) string { return s.Topic }))
	y := rules[len(rules)-1]
	assert.Equal(t, yanji.RuleDuesReturn, y.ID)
	assert.Equal(t, remit.ReturnDown, y.Kind)
	assert.True(t, y.Rate.IsZero(), "Yanji publishes no share: none by default")
	assert.Contains(t, y.Source.Note, "no share")
	assert.Equal(t, dangjian.LocalPractice, y.Source.Confidence)

	rules[len(rules)-1].Rate = funding.MustParseRate("50%")
	assert.True(t, yanji.RemitRules()[len(rules)-1].Rate.IsZero(), "a fresh table on each call")

	_, err := remit.NewPolicy("延吉", yanji.RuleDuesReturn)
	assert.ErrorIs(t, err, dangjian.ErrUnknownRef, "the national table does not hold a place's share")
}

// The vectors of testdata/remit.json, in the format of funding/remit's.
func TestRemitGolden(t *testing.T) {
	var file struct {
		Cases []struct {
			Name      string   `json:"name"`
			Rules     []string `json:"rules"`
			Shares    []string `json:"shares"`
			Overrides []struct {
				Index int           `json:"index"`
				Rate  *funding.Rate `json:"rate"`
			} `json:"overrides"`
			Year      int           `json:"year"`
			Collected funding.Money `json:"collected"`
			LumpSums  funding.Money `json:"lumpSums"`
			Want      struct {
				Lines []struct {
					Rule   string `json:"rule"`
					Amount string `json:"amount"`
					Due    string `json:"due"`
				} `json:"lines"`
				Remainder string `json:"remainder"`
			} `json:"want"`
		} `json:"cases"`
	}
	b, err := os.ReadFile(filepath.Join("testdata", "remit.json"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &file))
	require.Len(t, file.Cases, 2)
	for _, tc := range file.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			p, err := remit.NewPolicyFrom(yanji.RemitRules(), tc.Name, tc.Shares...)
			require.NoError(t, err)
			for _, o := range tc.Overrides {
				if o.Rate != nil {
					p.Shares[o.Index].Rate = *o.Rate
				}
			}
			r, err := remit.Split(tc.Collected, tc.LumpSums, p, tc.Year)
			require.NoError(t, err)
			require.Len(t, r.Lines, len(tc.Want.Lines))
			for i, w := range tc.Want.Lines {
				assert.Equal(t, w.Rule, r.Lines[i].Rule)
				assert.Equal(t, w.Amount, r.Lines[i].Amount.String())
				assert.Equal(t, w.Due, r.Lines[i].Due.String())
			}
			assert.Equal(t, tc.Want.Remainder, r.Remainder.String())
			assert.Contains(t, tc.Rules, yanji.RuleDuesReturn)
		})
	}
}
