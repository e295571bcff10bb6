package standard_test

import (
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stdOne is a set with one standard in force from 2000 on.
func stdOne(code standard.ItemCode, amount string, per standard.Per) standard.Set {
	return standard.Set{Name: "测试", Jurisdiction: "测试县", Items: []standard.Standard{{
		Rule: dangjian.Rule{ID: "T-" + code.String(), Period: dangjian.Period{From: stdDay("2000-01-01")},
			Source: dangjian.Source{Doc: "测试", Confidence: dangjian.LocalPractice}},
		Code: code, Amount: stdYuan(amount), Per: per,
	}}}
}

// floorsByID returns the floors of VillageFloors with these IDs, in order.
func floorsByID(t *testing.T, ids ...string) []standard.Floor {
	t.Helper()
	var out []standard.Floor
	for _, id := range ids {
		found := false
		for _, f := range standard.VillageFloors() {
			if f.ID == id {
				out = append(out, f)
				found = true
			}
		}
		require.True(t, found, id)
	}
	return out
}

func TestVillageFloorsTable(t *testing.T) {
	floors := standard.VillageFloors()
	require.NoError(t, standard.ValidateFloors(floors))
	for _, f := range floors {
		t.Run(f.ID, func(t *testing.T) {
			assert.Equal(t, dangjian.Must, f.Modality, "every floor reads 不低于")
			if f.Jurisdiction == "national" {
				assert.Equal(t, dangjian.Unverified, f.Source.Confidence, "the national figures are unverified")
				assert.Contains(t, f.Source.Note, "unverified")
			} else {
				assert.Equal(t, dangjian.LocalPractice, f.Source.Confidence)
			}
			assert.False(t, f.Period.From.IsZero(), "every floor is dated")
			if !f.Multiplier.IsZero() {
				assert.Equal(t, dangjian.Ceiling, f.Rounding.Mode)
				assert.Equal(t, int32(2), f.Rounding.Places)
			}
		})
	}
	a := standard.VillageFloors()
	a[0].MinPerYear = stdYuan("1")
	assert.Equal(t, stdYuan("110000"), standard.VillageFloors()[0].MinPerYear, "fresh copies")
}

// TestCheckFloorsSecretaryTwice checks Yanji's 村书记年薪 2.8万 against the
// national 2× floor (NAT-2020-VILLAGE-SECRETARY-2X): 2 × 14000.00 = 28000.00
// exactly, so an income of 14000.00 is met with no gap, and one fen more
// is a shortfall of two fen.
func TestCheckFloorsSecretaryTwice(t *testing.T) {
	s := yanji.Standards()
	floors := floorsByID(t, "NAT-2020-VILLAGE-SECRETARY-2X")
	tests := []struct {
		income, floor, gap string
		met                bool
	}{
		{"13999.99", "27999.98", "0.02", true},
		{"14000.00", "28000.00", "0.00", true},
		{"14000.01", "28000.02", "-0.02", false},
		{"20000.00", "40000.00", "-12000.00", false},
	}
	for _, tt := range tests {
		t.Run(tt.income, func(t *testing.T) {
			rep, err := standard.CheckFloors(s, floors, standard.FloorInputs{AsOf: stdDay("2025-06-30"), RuralIncome: stdYuan(tt.income)})
			require.NoError(t, err)
			require.Len(t, rep.Results, 1)
			r := rep.Results[0]
			assert.Equal(t, "NAT-2020-VILLAGE-SECRETARY-2X", r.Rule)
			assert.Equal(t, "YJ-VILLAGE-SECRETARY-PAY", r.Standard)
			assert.Equal(t, stdYuan("28000"), r.Amount)
			assert.Equal(t, stdYuan(tt.floor), r.Floor)
			assert.Equal(t, stdYuan(tt.gap), r.Gap)
			assert.Equal(t, tt.met, r.Met)
			assert.Equal(t, standard.IncomePart, r.Binding)
			assert.Equal(t, stdYuan(tt.income), r.RuralIncome)
			if tt.met {
				assert.Equal(t, dangjian.SeverityUnknown, r.Severity)
				assert.Empty(t, rep.Shortfalls())
				_, ok := r.Finding()
				assert.False(t, ok)
			} else {
				assert.Equal(t, dangjian.Error, r.Severity, "应当: an error")
				assert.Len(t, rep.Shortfalls(), 1)
				f, ok := r.Finding()
				require.True(t, ok)
				assert.Equal(t, r.Rule, f.Rule)
				assert.Equal(t, dangjian.Error, f.Severity)
				assert.Equal(t, "YJ-VILLAGE-SECRETARY-PAY", f.Subject)
				assert.Equal(t, "28000.00", f.Value)
				assert.Contains(t, f.Message, "below the floor of "+tt.floor)
				assert.Equal(t, r.Source, f.Source)
			}
			assert.Equal(t, dangjian.Unverified, r.Source.Confidence)
		})
	}
}

// TestCheckFloorsRoundingDeclared checks that the income part is rounded
// once, as declared (JN-2025-VILLAGE-YJT-120: 2 × 1.2 × income, rounded up
// to the fen): 2.4 × 11666.66 = 27999.984 → 27999.99, met by 2.8万 with a
// fen to spare; 2.4 × 11666.67 = 28000.008 → 28000.01, short by a fen.
func TestCheckFloorsRoundingDeclared(t *testing.T) {
	s := yanji.Standards()
	yjt := floorsByID(t, "JN-2025-VILLAGE-YJT-120")
	tests := []struct {
		name, income, exact, floor, gap string
		met                             bool
		rounding                        funding.Rounding
	}{
		{"ceiling, below", "11666.66", "27999.984", "27999.99", "0.01", true, funding.Rounding{Places: 2, Mode: dangjian.Ceiling}},
		{"ceiling, above", "11666.67", "28000.008", "28000.01", "-0.01", false, funding.Rounding{Places: 2, Mode: dangjian.Ceiling}},
		{"half up, above", "11666.67", "28000.008", "28000.01", "-0.01", false, funding.DefaultRounding()},
		{"down, above", "11666.67", "28000.008", "28000.00", "0.00", true, funding.Rounding{Places: 2, Mode: dangjian.Down}},
		{"whole yuan up", "11666.66", "27999.984", "28000.00", "0.00", true, funding.Rounding{Places: 0, Mode: dangjian.Ceiling}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := yjt
			f[0].Rounding = tt.rounding
			rep, err := standard.CheckFloors(s, f, standard.FloorInputs{AsOf: stdDay("2025-06-30"), RuralIncome: stdYuan(tt.income)})
			require.NoError(t, err)
			require.Len(t, rep.Results, 1)
			r := rep.Results[0]
			assert.Equal(t, tt.exact, r.Exact)
			assert.Equal(t, stdYuan(tt.floor), r.IncomeFloor)
			assert.Equal(t, stdYuan(tt.floor), r.Floor)
			assert.Equal(t, stdYuan(tt.gap), r.Gap)
			assert.Equal(t, tt.met, r.Met)
			require.NotNil(t, r.Rounding)
			assert.Equal(t, tt.rounding, *r.Rounding)
			assert.Equal(t, standard.YiJianTiaoPost, r.Post)
		})
	}
}

// TestCheckFloorsParts checks which part of a floor binds, one fen either
// side of each edge.
func TestCheckFloorsParts(t *testing.T) {
	tests := []struct {
		name      string
		floor     string
		std       standard.Set
		asOf      string
		income    string
		wantFloor string
		binding   standard.FloorPart
		met       bool
	}{
		// SC-2020: 2 × income and 3000 a month (36000 a year).
		{"四川: the monthly part binds", "SC-2020-VILLAGE-SECRETARY-2X", yanji.Standards(), "2025-06-30", "14000.00", "36000.00", standard.PerMonthPart, false},
		{"四川: a tie goes to the income part", "SC-2020-VILLAGE-SECRETARY-2X", yanji.Standards(), "2025-06-30", "18000.00", "36000.00", standard.IncomePart, false},
		{"四川: the income part binds a fen above", "SC-2020-VILLAGE-SECRETARY-2X", yanji.Standards(), "2025-06-30", "18000.01", "36000.02", standard.IncomePart, false},
		{"四川: met at 3000 a month", "SC-2020-VILLAGE-SECRETARY-2X", stdOne(standard.VillageSecretaryPay, "3000", standard.PerPersonMonth), "2025-06-30", "17999.99", "36000.00", standard.PerMonthPart, true},
		{"四川: short at 2999.99 a month", "SC-2020-VILLAGE-SECRETARY-2X", stdOne(standard.VillageSecretaryPay, "2999.99", standard.PerPersonMonth), "2025-06-30", "17999.99", "36000.00", standard.PerMonthPart, false},
		// HB-2021-VILLAGE-MAIN-4W: 40000 a year, in 2021 only.
		{"湖北 4万: met at 40000", "HB-2021-VILLAGE-MAIN-4W", stdOne(standard.VillageSecretaryPay, "40000", standard.PerPersonYear), "2021-12-31", "", "40000.00", standard.PerYearPart, true},
		{"湖北 4万: short at 39999.99", "HB-2021-VILLAGE-MAIN-4W", stdOne(standard.VillageSecretaryPay, "39999.99", standard.PerPersonYear), "2021-01-01", "", "40000.00", standard.PerYearPart, false},
		// NAT-2020-VILLAGE-FUNDS-11W: 11万 per village per year, an average.
		{"national 11万: Yanji's 21万 meets it", "NAT-2020-VILLAGE-FUNDS-11W", yanji.Standards(), "2025-06-30", "", "110000.00", standard.PerYearPart, true},
		{"national 11万: met at 110000.00", "NAT-2020-VILLAGE-FUNDS-11W", stdOne(standard.VillageOperatingFunds, "110000", standard.PerVillageYear), "2020-06-01", "", "110000.00", standard.PerYearPart, true},
		{"national 11万: short at 109999.99", "NAT-2020-VILLAGE-FUNDS-11W", stdOne(standard.VillageOperatingFunds, "109999.99", standard.PerVillageYear), "2020-06-01", "", "110000.00", standard.PerYearPart, false},
		{"福建 13万: met at 130000.00", "FJ-2020-VILLAGE-FUNDS-13W", stdOne(standard.VillageOperatingFunds, "130000", standard.PerVillageYear), "2020-01-01", "", "130000.00", standard.PerYearPart, true},
		{"福建 13万: short at 129999.99", "FJ-2020-VILLAGE-FUNDS-13W", stdOne(standard.VillageOperatingFunds, "129999.99", standard.PerVillageYear), "2020-01-01", "", "130000.00", standard.PerYearPart, false},
		{"辽宁 11万: short at 109999.99", "LN-2020-VILLAGE-FUNDS-11W", stdOne(standard.VillageOperatingFunds, "109999.99", standard.PerVillageYear), "2020-01-01", "", "110000.00", standard.PerYearPart, false},
		// 湖北 副职: 2 × 0.7 × income.
		{"湖北 副职 70%: Yanji's 2.2万 meets ⌈1.4 × 15714.28⌉", "HB-2021-VILLAGE-DEPUTY-70", yanji.Standards(), "2025-06-30", "15714.28", "22000.00", standard.IncomePart, true},
		{"湖北 副职 70%: short at 1.4 × 15714.29", "HB-2021-VILLAGE-DEPUTY-70", yanji.Standards(), "2025-06-30", "15714.29", "22000.01", standard.IncomePart, false},
		// 建宁 other members: 2 × 0.6 × income; 1.2 × 18333.33 = 21999.996 → 22000.00.
		{"建宁 其他 60%: met at the rounded floor", "JN-2025-VILLAGE-OTHER-60", yanji.Standards(), "2025-06-30", "18333.33", "22000.00", standard.IncomePart, true},
		{"建宁 其他 60%: short a fen above", "JN-2025-VILLAGE-OTHER-60", yanji.Standards(), "2025-06-30", "18333.34", "22000.01", standard.IncomePart, false},
		{"建宁 副职 80%: 1.6 × 13750 = 22000", "JN-2025-VILLAGE-DEPUTY-80", yanji.Standards(), "2025-06-30", "13750.00", "22000.00", standard.IncomePart, true},
		{"建宁 主干: 2 × 14000.01 short", "JN-2025-VILLAGE-MAIN-2X", yanji.Standards(), "2025-06-30", "14000.01", "28000.02", standard.IncomePart, false},
		{"湖北 2×: met at 14000.00", "HB-2021-VILLAGE-MAIN-2X", yanji.Standards(), "2025-06-30", "14000.00", "28000.00", standard.IncomePart, true},
		// A monthly standard is compared per year: 2333.33 × 12 = 27999.96.
		{"monthly standard × 12", "NAT-2020-VILLAGE-SECRETARY-2X", stdOne(standard.VillageSecretaryPay, "2333.33", standard.PerPersonMonth), "2025-06-30", "13999.98", "27999.96", standard.IncomePart, true},
		{"monthly standard × 12, a fen short", "NAT-2020-VILLAGE-SECRETARY-2X", stdOne(standard.VillageSecretaryPay, "2333.33", standard.PerPersonMonth), "2025-06-30", "13999.99", "27999.98", standard.IncomePart, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := standard.FloorInputs{AsOf: stdDay(tt.asOf)}
			if tt.income != "" {
				in.RuralIncome = stdYuan(tt.income)
			}
			rep, err := standard.CheckFloors(tt.std, floorsByID(t, tt.floor), in)
			require.NoError(t, err)
			require.Len(t, rep.Results, 1, "%+v", rep.Skipped)
			r := rep.Results[0]
			assert.Equal(t, stdYuan(tt.wantFloor), r.Floor)
			assert.Equal(t, tt.binding, r.Binding)
			assert.Equal(t, tt.met, r.Met)
			gap, err := r.Amount.Sub(r.Floor)
			require.NoError(t, err)
			assert.Equal(t, gap, r.Gap)
		})
	}
}

// TestCheckFloorsDated checks that the floor in force on the date is used:
// 山东's 9万 → 10.5万 → 11万 (SD-2017, SD-2020, SD-2021), against a standard
// of 104999.99, short of 10.5万 by a fen.
func TestCheckFloorsDated(t *testing.T) {
	s := stdOne(standard.VillageOperatingFunds, "104999.99", standard.PerVillageYear)
	var sd []standard.Floor
	for _, f := range standard.VillageFloors() {
		if f.Jurisdiction == "山东省" {
			sd = append(sd, f)
		}
	}
	require.Len(t, sd, 3)
	tests := []struct {
		asOf, rule, floor string
		met               bool
	}{
		{"2016-12-31", "", "", false},
		{"2017-01-01", "SD-2017-VILLAGE-FUNDS-9W", "90000", true},
		{"2019-12-31", "SD-2017-VILLAGE-FUNDS-9W", "90000", true},
		{"2020-01-01", "SD-2020-VILLAGE-FUNDS-10.5W", "105000", false},
		{"2020-12-31", "SD-2020-VILLAGE-FUNDS-10.5W", "105000", false},
		{"2021-01-01", "SD-2021-VILLAGE-FUNDS-11W", "110000", false},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			rep, err := standard.CheckFloors(s, sd, standard.FloorInputs{AsOf: stdDay(tt.asOf)})
			require.NoError(t, err)
			if tt.rule == "" {
				assert.Empty(t, rep.Results)
				return
			}
			require.Len(t, rep.Results, 1)
			assert.Equal(t, tt.rule, rep.Results[0].Rule)
			assert.Equal(t, stdYuan(tt.floor), rep.Results[0].Floor)
			assert.Equal(t, tt.met, rep.Results[0].Met)
			assert.True(t, rep.Results[0].AverageFloor)
		})
	}
	// 湖北's 4万 is for 2021 only.
	hb := floorsByID(t, "HB-2021-VILLAGE-MAIN-4W")
	rep, err := standard.CheckFloors(yanji.Standards(), hb, standard.FloorInputs{AsOf: stdDay("2022-01-01")})
	require.NoError(t, err)
	assert.Empty(t, rep.Results)
}

func TestCheckFloorsErrors(t *testing.T) {
	good := standard.VillageFloors()
	tests := []struct {
		name   string
		s      standard.Set
		floors func() []standard.Floor
		in     standard.FloorInputs
		want   []string
	}{
		{"no date", yanji.Standards(), func() []standard.Floor { return good }, standard.FloorInputs{RuralIncome: stdYuan("1")},
			[]string{"inputs.asOf: not set"}},
		{"negative income", yanji.Standards(), func() []standard.Floor { return good }, standard.FloorInputs{AsOf: stdDay("2025-01-01"), RuralIncome: stdYuan("-1")},
			[]string{`inputs.ruralIncome: must not be negative ("-1.00")`}},
		{"income needed", yanji.Standards(), func() []standard.Floor { return good }, standard.FloorInputs{AsOf: stdDay("2025-01-01")},
			[]string{`inputs.ruralIncome: needed by floors[1] ("NAT-2020-VILLAGE-SECRETARY-2X") ("0.00")`, `floors[15] ("JN-2025-VILLAGE-OTHER-60")`}},
		{"bad standards", standard.Set{}, func() []standard.Floor { return good }, standard.FloorInputs{AsOf: stdDay("2025-01-01")},
			[]string{"name: empty"}},
		{"bad floors", yanji.Standards(), func() []standard.Floor {
			f := standard.VillageFloors()
			f[0].Code = 0
			f[1].Multiplier = funding.MustParseRate("-2")
			f[2].MinPerYear = funding.Money{}
			f[3].Modality = 0
			f[4].Jurisdiction = ""
			f[5].ID = f[6].ID
			f[7].Rounding = funding.Rounding{}
			f[8].Post = 9
			f[10].Ratio = funding.MustParseRate("0.5")
			f[11].MinPerMonth = stdYuan("-1")
			return f
		}, standard.FloorInputs{AsOf: stdDay("2025-01-01"), RuralIncome: stdYuan("1")},
			[]string{
				`floors[0] ("NAT-2020-VILLAGE-FUNDS-11W").code: unknown item code`,
				`floors[1] ("NAT-2020-VILLAGE-SECRETARY-2X").multiplier: must not be negative ("-2")`,
				`floors[2] ("LN-2020-VILLAGE-FUNDS-11W").multiplier: no part set`,
				`floors[3] ("FJ-2020-VILLAGE-FUNDS-13W").modality: not set`,
				`floors[4] ("SD-2017-VILLAGE-FUNDS-9W").jurisdiction: empty`,
				`ID also used by rules[5]`,
				`floors[7] ("HB-2021-VILLAGE-MAIN-2X").rounding: invalid rounding`,
				`floors[8] ("HB-2021-VILLAGE-MAIN-4W").post: unknown post`,
				`floors[10] ("HB-2021-VILLAGE-OFFICE-2W").ratio: a ratio needs a multiplier`,
				`floors[11] ("SC-2020-VILLAGE-SECRETARY-2X").minPerMonth: must not be negative`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := standard.CheckFloors(tt.s, tt.floors(), tt.in)
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
		})
	}
	_, err := standard.CheckFloors(yanji.Standards(), good, standard.FloorInputs{})
	assert.ErrorIs(t, err, standard.ErrBadFloor)
}

func TestCheckFloorsSkips(t *testing.T) {
	// A per-branch standard is not a yearly or monthly amount.
	s := stdOne(standard.VillageOperatingFunds, "1000", standard.PerBranch)
	rep, err := standard.CheckFloors(s, floorsByID(t, "NAT-2020-VILLAGE-FUNDS-11W"), standard.FloorInputs{AsOf: stdDay("2025-01-01")})
	require.NoError(t, err)
	assert.Empty(t, rep.Results)
	require.Len(t, rep.Skipped, 1)
	assert.Equal(t, "standard T-village_operating_funds is not a yearly or monthly amount (per_branch)", rep.Skipped[0].Reason)
}

func TestCadrePostParse(t *testing.T) {
	for in, want := range map[string]standard.CadrePost{
		"": standard.AnyPost, "main": standard.MainCadre, "村主干": standard.MainCadre, "一肩挑": standard.YiJianTiaoPost,
		"副职": standard.DeputyCadre, "其他“两委”成员": standard.OtherMember, "other_member": standard.OtherMember,
	} {
		got, err := standard.ParseCadrePost(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
		assert.True(t, got.IsValid())
	}
	_, err := standard.ParseCadrePost("会计")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown cadre post: want `)
	assert.Contains(t, err.Error(), `("会计")`)
	var fp standard.FloorPart
	require.NoError(t, fp.UnmarshalText([]byte("月度下限")))
	assert.Equal(t, standard.PerMonthPart, fp)
	assert.Equal(t, "per_month", fp.String())
}
