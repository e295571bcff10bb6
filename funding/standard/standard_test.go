package standard_test

import (
	"encoding/json"
	"errors"
	"github.com/dangjian-go/dangjian/internal/testkit"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
	"github.com/dangjian-go/dangjian/place/xiamen"
	"github.com/dangjian-go/dangjian/place/yanji"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func stdYuan(s string) funding.Money { return funding.MustParseMoney(s) }

func stdDay(s string) dangjian.Date { return dangjian.MustParseDate(s) }

func TestItemCodeParse(t *testing.T) {
	tests := []struct {
		in   string
		want standard.ItemCode
	}{
		{"village_operating_funds", standard.VillageOperatingFunds},
		{"VILLAGE_OPERATING_FUNDS", standard.VillageOperatingFunds},
		{"村级运转经费", standard.VillageOperatingFunds},
		{"村书记年薪", standard.VillageSecretaryPay},
		{"其他村干部报酬", standard.VillageCadrePay},
		{"区域化党建经费", standard.RegionalPartyBuildingFunds},
		{"社区工作经费", standard.CommunityWorkFunds},
		{"社区“两委”成员薪酬", standard.CommunityCommitteePay},
		{`社区"两委"成员薪酬`, standard.CommunityCommitteePay},
		{"非公党组织工作经费", standard.NonPublicWorkFunds},
		{"派驻党支部工作经费", standard.DispatchedBranchWorkFunds},
		{"红领津贴", standard.RedCollarAllowance},
		{" red_collar_allowance ", standard.RedCollarAllowance},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := standard.ParseItemCode(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			back, err := standard.ParseItemCode(got.Label())
			require.NoError(t, err)
			assert.Equal(t, got, back, "the label parses back")
		})
	}
	_, err := standard.ParseItemCode("党费")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown item code: want `)
	assert.Contains(t, err.Error(), `("党费")`)
	assert.Len(t, standard.ItemCodes(), 13)
	for _, c := range standard.ItemCodes() {
		assert.True(t, c.IsValid(), c.String())
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back standard.ItemCode
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	}
	assert.False(t, standard.ItemCodeUnknown.IsValid())
}

func TestPerParse(t *testing.T) {
	tests := []struct {
		in      string
		want    standard.Per
		isTotal bool
	}{
		{"per_village_year", standard.PerVillageYear, false},
		{"每社区每年", standard.PerCommunityYear, false},
		{"年薪", standard.PerPersonYear, false},
		{"月薪", standard.PerPersonMonth, false},
		{"per_branch", standard.PerBranch, false},
		{"每个派驻党支部", standard.PerDispatchedBranch, false},
		{"总额", standard.TotalOverPeriod, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := standard.ParsePer(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.isTotal, got.IsTotal())
		})
	}
	_, err := standard.ParsePer("每周")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Contains(t, err.Error(), `invalid value: unknown basis (per): want `)
	assert.Contains(t, err.Error(), `("每周")`)
}

// stdDated is a set with three dated versions of one item, like 山东's 9 →
// 10.5 → 11万, and a total beside them.
func stdDated() standard.Set {
	src := dangjian.Source{Doc: "测试文件", Confidence: dangjian.LocalPractice}
	p := func(from, to string) dangjian.Period {
		var q dangjian.Period
		if from != "" {
			q.From = dangjian.MustParseDate(from)
		}
		if to != "" {
			q.To = dangjian.MustParseDate(to)
		}
		return q
	}
	return standard.Set{Name: "测试", Jurisdiction: "测试县", Items: []standard.Standard{
		{Rule: dangjian.Rule{ID: "T-2017", Period: p("2017-01-01", "2020-01-01"), Source: src}, Code: standard.VillageOperatingFunds, Amount: stdYuan("90000"), Per: standard.PerVillageYear},
		{Rule: dangjian.Rule{ID: "T-2020", Period: p("2020-01-01", "2021-01-01"), Source: src}, Code: standard.VillageOperatingFunds, Amount: stdYuan("105000"), Per: standard.PerVillageYear},
		{Rule: dangjian.Rule{ID: "T-2021", Period: p("2021-01-01", ""), Source: src}, Code: standard.VillageOperatingFunds, Amount: stdYuan("110000"), Per: standard.PerVillageYear},
		{Rule: dangjian.Rule{ID: "T-TOTAL", Source: src}, Code: standard.VillageOperatingFunds, Amount: stdYuan("9000000"), Per: standard.TotalOverPeriod},
	}}
}

func TestStandardsItem(t *testing.T) {
	s := stdDated()
	require.NoError(t, s.Check())
	tests := []struct {
		on   string
		want string // rule ID, "" for none
	}{
		{"2016-12-31", ""},
		{"2017-01-01", "T-2017"},
		{"2019-12-31", "T-2017"},
		{"2020-01-01", "T-2020"},
		{"2020-12-31", "T-2020"},
		{"2021-01-01", "T-2021"},
		{"2099-06-30", "T-2021"},
	}
	for _, tt := range tests {
		t.Run(tt.on, func(t *testing.T) {
			it, ok := s.Item(standard.VillageOperatingFunds, dangjian.MustParseDate(tt.on))
			assert.Equal(t, tt.want != "", ok)
			assert.Equal(t, tt.want, it.ID, "the total is never the per-unit standard")
		})
	}
	_, ok := s.Item(standard.VillageSecretaryPay, dangjian.MustParseDate("2021-01-01"))
	assert.False(t, ok)
	_, ok = s.Item(standard.VillageOperatingFunds, dangjian.Date{})
	assert.False(t, ok, "the zero date matches only open-started periods")
	y := yanji.Standards()
	it, ok := y.Item(standard.NonPublicWorkFunds, dangjian.Date{})
	require.True(t, ok)
	assert.Equal(t, "YJ-NONPUBLIC-BRANCH-FUNDS", it.ID)

	assert.Len(t, s.ByCode(standard.VillageOperatingFunds), 4)
	assert.Empty(t, s.ByCode(standard.RedCollarAllowance))
	byID, ok := s.ByID("T-2020")
	require.True(t, ok)
	assert.Equal(t, stdYuan("105000"), byID.Amount)
	_, ok = s.ByID("nope")
	assert.False(t, ok)
}

func TestStandardsWithWithout(t *testing.T) {
	s := yanji.Standards()
	before := yanji.Standards()
	raised := s.Items[0]
	raised.Amount = stdYuan("230000")
	extra := standard.Standard{Rule: dangjian.Rule{ID: "X-OFFICE", Source: dangjian.Source{Doc: "x", Confidence: dangjian.LocalPractice}},
		Code: standard.VillageOfficeFunds, Amount: stdYuan("20000"), Per: standard.PerVillageYear}

	w := s.With(raised, extra)
	assert.Equal(t, before, s, "With does not change the receiver")
	require.Len(t, w.Items, len(s.Items)+1)
	assert.Equal(t, stdYuan("230000"), w.Items[0].Amount, "replaced in place")
	assert.Equal(t, "X-OFFICE", w.Items[len(w.Items)-1].ID, "appended")
	require.NoError(t, w.Check())

	wo := w.Without("YJ-VILLAGE-OPERATING-FUNDS", "X-OFFICE", "not-there")
	assert.Len(t, wo.Items, len(s.Items)-1)
	_, ok := wo.ByID("YJ-VILLAGE-OPERATING-FUNDS")
	assert.False(t, ok)
	assert.Len(t, w.Items, len(s.Items)+1, "Without does not change the receiver")

	// Changing an item of the copy leaves the original alone.
	w.Items[1].Amount = stdYuan("1")
	assert.Equal(t, stdYuan("28000"), s.Items[1].Amount)
}

func TestStandardsCheck(t *testing.T) {
	good := yanji.Standards()
	tests := []struct {
		name   string
		edit   func(*standard.Set)
		want   []string
		sentry error
	}{
		{"empty name", func(s *standard.Set) { s.Name = " " }, []string{`name: empty (" ")`}, standard.ErrBadStandard},
		{"empty jurisdiction", func(s *standard.Set) { s.Jurisdiction = "" }, []string{"jurisdiction: empty"}, standard.ErrBadStandard},
		{"unknown code", func(s *standard.Set) { s.Items[0].Code = 99 }, []string{`items[0] ("YJ-VILLAGE-OPERATING-FUNDS").code: unknown item code ("ItemCode(99)")`}, standard.ErrBadStandard},
		{"unknown basis", func(s *standard.Set) { s.Items[1].Per = 0 }, []string{`items[1] ("YJ-VILLAGE-SECRETARY-PAY").per: unknown basis`}, standard.ErrBadStandard},
		{"zero amount", func(s *standard.Set) { s.Items[2].Amount = funding.Money{} }, []string{`items[2] ("YJ-VILLAGE-CADRE-PAY").amount: must be positive ("0.00")`}, standard.ErrBadStandard},
		{"negative amount", func(s *standard.Set) { s.Items[2].Amount = stdYuan("-1") }, []string{`must be positive ("-1.00")`}, standard.ErrBadStandard},
		{"years on a per-unit standard", func(s *standard.Set) { s.Items[3].Years = 5 }, []string{`items[3] ("YJ-COMMUNITY-REGIONAL-FUNDS").years: only a total spans years ("5")`}, standard.ErrBadStandard},
		{"negative years", func(s *standard.Set) { s.Items[9].Years = -1 }, []string{`.years: must not be negative ("-1")`}, standard.ErrBadStandard},
		{"duplicate ID", func(s *standard.Set) { s.Items[4].ID = s.Items[3].ID }, []string{`rules[4] ("YJ-COMMUNITY-REGIONAL-FUNDS"): ID also used by rules[3]`}, dangjian.ErrBadRuleTable},
		{"no source", func(s *standard.Set) { s.Items[5].Source.Doc = "" }, []string{`rules[5] ("YJ-COMMUNITY-COMMITTEE-PAY"): no source document`}, dangjian.ErrBadRuleTable},
		{"no confidence", func(s *standard.Set) { s.Items[5].Source.Confidence = 0 }, []string{"no confidence mark"}, dangjian.ErrBadRuleTable},
		{"two per-unit standards in force", func(s *standard.Set) {
			x := s.Items[6]
			x.ID = "YJ-NONPUBLIC-BRANCH-FUNDS-2"
			s.Items = append(s.Items, x)
		}, []string{`overlap on topic "non_public_work_funds"`}, dangjian.ErrBadRuleTable},
		{"empty period", func(s *standard.Set) {
			s.Period = dangjian.Period{From: dangjian.MustParseDate("2020-01-01"), To: dangjian.MustParseDate("2020-01-01")}
		}, []string{`period: empty period ("[2020-01-01, 2020-01-01)")`}, standard.ErrBadStandard},
		{"every problem at once", func(s *standard.Set) {
			s.Name = ""
			s.Items[0].Amount = funding.Money{}
			s.Items[1].Code = 0
		}, []string{"name: empty", "items[0]", "items[1]"}, standard.ErrBadStandard},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := good.With()
			tt.edit(&s)
			err := s.Check()
			require.Error(t, err)
			for _, w := range tt.want {
				assert.Contains(t, errText(err), w)
			}
			assert.ErrorIs(t, err, tt.sentry)
		})
	}
	t.Run("a per-unit standard and a total of one code may coexist", func(t *testing.T) {
		assert.NoError(t, stdDated().Check())
	})
	t.Run("ParamError", func(t *testing.T) {
		s := good.With()
		s.Items[0].Amount = funding.Money{}
		s.Items[1].Amount = funding.Money{}
		err := s.Check()
		var pe *funding.ParamError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, `items[0] ("YJ-VILLAGE-OPERATING-FUNDS").amount`, pe.Path)
		assert.Equal(t, "0.00", pe.Value)
		assert.Len(t, dangjian.ProblemsOf(err), 2, "both problems are reported")
		assert.Contains(t, err.Error(), "bad standard: must be positive")
	})
}

// TestRuleTables runs dangjian.CheckRules over every rule table of this
// part of the package: the Yanji standards, the village floors and the
// ladders.
func TestRuleTables(t *testing.T) {
	y := yanji.Standards()
	assert.NoError(t, dangjian.CheckRules(y.Items, nil))
	assert.NoError(t, y.Check())
	floors := standard.VillageFloors()
	assert.NoError(t, dangjian.CheckRules(floors, func(f standard.Floor) string { return f.Topic }))
	assert.NoError(t, standard.ValidateFloors(floors))
	ladders := []standard.Ladder{xiamen.Ladder2009(), illustrativeLadder()}
	assert.NoError(t, dangjian.CheckRules(ladders, nil))
	for _, l := range ladders {
		assert.NoError(t, l.Validate(), l.ID)
	}
	// The IDs of all the tables together are unique too.
	var all []dangjian.Rule
	for _, it := range y.Items {
		all = append(all, it.Rule)
	}
	for _, f := range floors {
		all = append(all, f.Rule)
	}
	for _, l := range ladders {
		all = append(all, l.Rule)
	}
	assert.NoError(t, dangjian.CheckRules(all, nil))
}

func TestStandardsJSONKeys(t *testing.T) {
	stdAssertLowerCamel(t, yanji.Standards())
	stdAssertLowerCamel(t, standard.VillageFloors())
	stdAssertLowerCamel(t, xiamen.Ladder2009())
}

// FuzzStandardsJSON decodes arbitrary JSON into a Standards value: errors
// are fine, panics are not; what decodes and checks encodes and decodes
// back to the same value.
func FuzzStandardsJSON(f *testing.F) {
	b, _ := json.Marshal(yanji.Standards())
	f.Add(b)
	f.Add([]byte(`{"name":"x","jurisdiction":"y","items":[{"id":"a","source":{"doc":"d","confidence":"已核实"},"code":"村级运转经费","amount":"1.005","per":"总额"}]}`))
	f.Add([]byte(`{"items":[{"code":"nope"}]}`))
	f.Add([]byte(`{"items":[{"amount":1e3}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s standard.Set
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		if s.Check() != nil {
			return
		}
		out, err := json.Marshal(s)
		require.NoError(t, err)
		var back standard.Set
		require.NoError(t, json.Unmarshal(out, &back))
		assert.Equal(t, s, back)
		for _, it := range s.Items {
			_, _ = s.Item(it.Code, it.Period.From)
		}
	})
}

func TestParamErrorUnwrap(t *testing.T) {
	e := &funding.ParamError{Kind: dangjian.ErrNegative, Path: "opts.x", Value: "-1", Err: standard.ErrBadStandard}
	assert.EqualError(t, e, `opts.x: must not be negative ("-1")`)
	assert.True(t, errors.Is(e, standard.ErrBadStandard))
	assert.True(t, errors.Is(e, dangjian.ErrNegative))
	assert.Equal(t, "bad_standard", standard.ErrBadStandard.Code())
	assert.True(t, errors.Is(standard.ErrBadStandard, dangjian.ErrInvalid))
}

// FuzzStandardEnums feeds arbitrary text to every enum parser of the
// standards, floors, ladders, adjustments and budgets: errors are fine,
// panics are not, and what parses prints back to a spelling that parses to
// the same value.
func FuzzStandardEnums(f *testing.F) {
	for _, s := range []string{"", "village_operating_funds", "总额", "一肩挑", "正职", "硕士", "逐年", "每人每月", "  PER_BRANCH ", "\xff", "社区\"两委\"成员薪酬"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, err := standard.ParseItemCode(s); err == nil {
			back, err := standard.ParseItemCode(c.String())
			require.NoError(t, err)
			require.Equal(t, c, back)
			var u standard.ItemCode
			require.NoError(t, u.UnmarshalText([]byte(c.Label())))
			require.Equal(t, c, u)
		}
		if p, err := standard.ParsePer(s); err == nil {
			back, err := standard.ParsePer(p.Label())
			require.NoError(t, err)
			require.Equal(t, p, back)
		}
		if p, err := standard.ParseCadrePost(s); err == nil {
			back, err := standard.ParseCadrePost(p.String())
			require.NoError(t, err)
			require.Equal(t, p, back)
		}
		if p, err := standard.ParseCommunityPost(s); err == nil {
			back, err := standard.ParseCommunityPost(p.Label())
			require.NoError(t, err)
			require.Equal(t, p, back)
		}
		if d, err := standard.ParseDegree(s); err == nil {
			back, err := standard.ParseDegree(d.String())
			require.NoError(t, err)
			require.Equal(t, d, back)
		}
		if p, err := standard.ParseRoundingPoint(s); err == nil {
			back, err := standard.ParseRoundingPoint(p.Label())
			require.NoError(t, err)
			require.Equal(t, p, back)
		}
		var fp standard.FloorPart
		_ = fp.UnmarshalText([]byte(s))
	})
}

// The shared test helpers (package testkit).
var (
	stdJSONKeys         = testkit.JSONKeys
	stdAssertLowerCamel = testkit.AssertLowerCamel
)

// A basis the wording does not state is a reading with its alternatives,
// and a caller can take another (issue 11, fidelity audit D12).
func TestReadAs(t *testing.T) {
	s := standard.Standard{Rule: dangjian.Rule{ID: "X-WORK-FUNDS"}, Code: standard.CommunityWorkFunds,
		Amount: funding.MustParseMoney("200000"), Per: standard.PerCommunityYear,
		Reading: &standard.Reading{Unstated: "basis and period", Alternatives: []standard.Per{standard.TotalOverPeriod}, Why: "w"}}
	tests := []struct {
		name    string
		per     standard.Per
		wantErr bool
	}{
		{"its own reading", standard.PerCommunityYear, false},
		{"an alternative", standard.TotalOverPeriod, false},
		{"not a reading of the wording", standard.PerPersonMonth, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.ReadAs(tt.per)
			if tt.wantErr {
				require.Error(t, err)
				assert.ErrorIs(t, err, standard.ErrBadStandard)
				assert.Contains(t, err.Error(), "not a reading of this standard's wording")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.per, got.Per)
			require.NotNil(t, got.Reading)
			assert.NotContains(t, got.Reading.Alternatives, tt.per)
		})
	}
	total, err := s.ReadAs(standard.TotalOverPeriod)
	require.NoError(t, err)
	assert.Equal(t, []standard.Per{standard.PerCommunityYear}, total.Reading.Alternatives, "the library's reading becomes the alternative")
	assert.Contains(t, total.Reading.Why, "the library's reading was per_community_year")
	assert.Equal(t, []standard.Per{standard.TotalOverPeriod}, s.Reading.Alternatives, "s is unchanged")

	own := s
	own.Reading = nil
	_, err = own.ReadAs(standard.TotalOverPeriod)
	assert.ErrorContains(t, err, "alternatives none: the wording states it")
}
