package yanji_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/internal/golden"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStandards pins every money figure of the article's 加强保障
// section (and the investments of its 建强阵地 section) as the article gives
// it: its amount, basis and flags.
func TestStandards(t *testing.T) {
	s := yanji.Standards()
	require.NoError(t, s.Check())
	assert.Equal(t, "延吉市", s.Name)
	assert.Equal(t, dangjian.Period{}, s.Period, "no effective date is known")
	article, err := os.ReadFile(filepath.Join("testdata", "standards", "yanji-article-money.txt"))
	require.NoError(t, err)

	tests := []struct {
		id         string
		code       standard.ItemCode
		amount     string
		per        standard.Per
		years      int
		average    bool
		lowerBound bool
		section    string
	}{
		{"YJ-VILLAGE-OPERATING-FUNDS", standard.VillageOperatingFunds, "210000", standard.PerVillageYear, 0, true, false, "加强保障"},
		{"YJ-VILLAGE-SECRETARY-PAY", standard.VillageSecretaryPay, "28000", standard.PerPersonYear, 0, false, false, "加强保障"},
		{"YJ-VILLAGE-CADRE-PAY", standard.VillageCadrePay, "22000", standard.PerPersonYear, 0, false, false, "加强保障"},
		{"YJ-COMMUNITY-REGIONAL-FUNDS", standard.RegionalPartyBuildingFunds, "50000", standard.PerCommunityYear, 0, false, false, "加强保障"},
		{"YJ-COMMUNITY-WORK-FUNDS", standard.CommunityWorkFunds, "200000", standard.PerCommunityYear, 0, false, false, "加强保障"},
		{"YJ-COMMUNITY-COMMITTEE-PAY", standard.CommunityCommitteePay, "3310", standard.PerPersonMonth, 0, true, false, "加强保障"},
		{"YJ-NONPUBLIC-BRANCH-FUNDS", standard.NonPublicWorkFunds, "2000", standard.PerBranch, 0, false, false, "加强保障"},
		{"YJ-NONPUBLIC-DISPATCHED-FUNDS", standard.DispatchedBranchWorkFunds, "2000", standard.PerDispatchedBranch, 0, false, false, "加强保障"},
		{"YJ-NONPUBLIC-FUNDS-ISSUED", standard.NonPublicWorkFunds, "5000000", standard.TotalOverPeriod, 0, false, true, "加强保障"},
		{"YJ-RED-COLLAR-ALLOWANCE", standard.RedCollarAllowance, "3000000", standard.TotalOverPeriod, 5, false, true, "加强保障"},
		{"YJ-VILLAGE-OFFICE-UPGRADE", standard.VillageOfficeUpgrade, "40000000", standard.TotalOverPeriod, 0, false, true, "建强阵地"},
		{"YJ-STREET-COMMUNITY-HARDWARE", standard.StreetCommunityHardware, "4800000", standard.TotalOverPeriod, 0, false, true, "建强阵地"},
		{"YJ-NONPUBLIC-VENUES", standard.NonPublicVenues, "30000000", standard.TotalOverPeriod, 0, false, true, "建强阵地"},
	}
	require.Len(t, s.Items, len(tests), "every money figure of the article, no more")
	for i, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			it := s.Items[i]
			assert.Equal(t, tt.id, it.ID)
			assert.Equal(t, tt.code, it.Code)
			assert.Equal(t, stdYuan(tt.amount), it.Amount)
			assert.Equal(t, tt.per, it.Per)
			assert.Equal(t, tt.years, it.Years)
			assert.Equal(t, tt.average, it.Average)
			assert.Equal(t, tt.lowerBound, it.LowerBound)
			assert.Equal(t, tt.section, it.Source.Article)
			assert.Equal(t, dangjian.LocalPractice, it.Source.Confidence)
			assert.Equal(t, dangjian.Period{}, it.Period, "open period: no effective date")
			assert.Contains(t, it.Source.Note, "not audited")
			assert.Contains(t, it.Source.Note, "no effective date is known")
			assert.Contains(t, string(article), it.Text, "the wording is the article's")
			// The amount is in the wording: 21万 → 210000, 20萬 → 200000, 3310.
			assert.True(t, amountInText(it.Amount, it.Text), "%s not in %q", it.Amount, it.Text)
			// "X余" is a lower bound, and only those are.
			assert.Equal(t, strings.Contains(it.Text, "余万元"), it.LowerBound)
		})
	}
	t.Run("fresh copies", func(t *testing.T) {
		a := yanji.Standards()
		a.Items[0].Amount = stdYuan("1")
		assert.Equal(t, stdYuan("210000"), yanji.Standards().Items[0].Amount)
	})
}

// TestStandardsGolden pins the JSON of the Yanji standards and checks that
// it decodes back to the same value.
func TestStandardsGolden(t *testing.T) {
	b, err := json.MarshalIndent(yanji.Standards(), "", "  ")
	require.NoError(t, err)
	b = append(b, '\n')
	path := filepath.Join("testdata", "standards", "yanji.json")
	golden.Check(t, path, b)
	want, err := os.ReadFile(path)
	require.NoError(t, err)

	var back standard.Set
	require.NoError(t, json.Unmarshal(want, &back))
	assert.Equal(t, yanji.Standards(), back)
	assert.Contains(t, string(want), `"amount": "210000.00"`, "money as strings")
	assert.Contains(t, string(want), `"per": "per_village_year"`)
	assert.Contains(t, string(want), `"lowerBound": true`)
}

func TestCheckFloorsAllOnYanji(t *testing.T) {
	rep, err := standard.CheckFloors(yanji.Standards(), standard.VillageFloors(),
		standard.FloorInputs{AsOf: stdDay("2025-06-30"), RuralIncome: stdYuan("14000")})
	require.NoError(t, err)
	var ids []string
	for _, r := range rep.Results {
		ids = append(ids, r.Rule)
		assert.Equal(t, r.Met, r.Severity == dangjian.SeverityUnknown)
	}
	assert.Equal(t, []string{
		"NAT-2020-VILLAGE-FUNDS-11W", "NAT-2020-VILLAGE-SECRETARY-2X",
		"LN-2020-VILLAGE-FUNDS-11W", "FJ-2020-VILLAGE-FUNDS-13W", "SD-2021-VILLAGE-FUNDS-11W",
		"HB-2021-VILLAGE-MAIN-2X", "HB-2021-VILLAGE-DEPUTY-70",
		"SC-2020-VILLAGE-SECRETARY-2X",
		"JN-2025-VILLAGE-MAIN-2X", "JN-2025-VILLAGE-YJT-120", "JN-2025-VILLAGE-DEPUTY-80", "JN-2025-VILLAGE-OTHER-60",
	}, ids)
	require.Len(t, rep.Skipped, 1)
	assert.Equal(t, "HB-2021-VILLAGE-OFFICE-2W", rep.Skipped[0].Rule, "Yanji has no office-funds standard")
	short := map[string]string{}
	for _, r := range rep.Shortfalls() {
		short[r.Rule] = r.Gap.String()
	}
	// 四川 3000 a month; 建宁 一肩挑 2.4 × 14000 = 33600, 副职 1.6 × 14000 = 22400.
	assert.Equal(t, map[string]string{"SC-2020-VILLAGE-SECRETARY-2X": "-8000.00", "JN-2025-VILLAGE-YJT-120": "-5600.00",
		"JN-2025-VILLAGE-DEPUTY-80": "-400.00"}, short)

	b, err := json.MarshalIndent(rep, "", "  ")
	require.NoError(t, err)
	b = append(b, '\n')
	golden.Check(t, filepath.Join("testdata", "standards", "yanji-floors-2025.json"), b)
	stdAssertLowerCamel(t, rep)
}
