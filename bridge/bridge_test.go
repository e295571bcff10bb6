package bridge_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/bridge"
	"github.com/dangjian-go/dangjian/orglife"
)

func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // Kind code, path, line:col
	}{
		{"unknown field", `{"name": "x", "lines": [{"id": "a", "taget": "x"}]}`, []string{"unknown_field lines[0].taget 1:37"}},
		{"repeated field", `{"name": "x", "name": "y"}`, []string{"invalid name 1:15"}},
		{"per not integer", "{\"lines\": [\n {\"id\": \"a\", \"per\": 1.5}]}", []string{"invalid lines[0].per 2:21"}},
		{"per a string", `{"lines": [{"id": "a", "per": "3"}]}`, []string{"invalid lines[0].per 1:31"}},
		{"rules not strings", `{"lines": [{"id": "a", "rules": ["R", 3, true]}]}`, []string{"invalid lines[0].rules[1] 1:39", "invalid lines[0].rules[2] 1:42"}},
		{"lines not array", `{"lines": {}}`, []string{"invalid lines 1:11"}},
		{"root not object", `[]`, []string{"invalid  1:1"}},
		{"syntax", `{"lines": [`, []string{"syntax lines[0] 1:12"}},
		{"trailing data", `{} {}`, []string{"syntax  1:4"}},
		{"several problems at once", `{"nme": 1, "lines": [{"id": 2, "count": "findings", "types": "x"}]}`,
			[]string{"unknown_field nme 1:2", "invalid lines[0].id 1:29", "invalid lines[0].types 1:62"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bridge.Decode(strings.NewReader(tc.in))
			require.Error(t, err)
			var got []string
			for _, p := range dangjian.ProblemsOf(err) {
				got = append(got, fmt.Sprintf("%s %s %d:%d", p.Kind.Code(), p.Path, p.Line, p.Column))
			}
			assert.Equal(t, tc.want, got, err.Error())
		})
	}
}

func itoa(n int) string { return fmt.Sprintf("%02d", n) }

func typeOf(s string) orglife.Type {
	t, err := orglife.ParseType(s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDecodeRoundTrip(t *testing.T) {
	m := testMapping(t)
	assert.Equal(t, "示例书记述职评议（bridge 测试）", m.Scheme)
	require.Len(t, m.Lines, 5)
	assert.Equal(t, bridge.Line{ID: "arrears", Target: "events.life.arrears", Count: bridge.Values, Rules: []string{"DUES-LAPSE-6"}, Per: 3}, m.Lines[3])
	assert.Equal(t, []string{"member_meeting", "committee_meeting", "group_meeting", "party_lecture"}, m.Lines[0].Types)
}

func TestCompileProblems(t *testing.T) {
	s := testScheme(t)
	line := func(mod func(l *bridge.Line)) bridge.Mapping {
		l := bridge.Line{ID: "x", Target: "events.life.term", Count: bridge.Findings, Rules: []string{"ORG-TERM-OVERDUE"}}
		mod(&l)
		return bridge.Mapping{Lines: []bridge.Line{l}}
	}
	tests := []struct {
		name string
		m    bridge.Mapping
		want []string // kind path
	}{
		{"ok", line(func(*bridge.Line) {}), nil},
		{"unknown slot", line(func(l *bridge.Line) { l.Target = "events.life.nope" }), []string{"unknown_ref lines[0].target"}},
		{"no target", line(func(l *bridge.Line) { l.Target = "" }), []string{"missing lines[0].target"}},
		{"level clause", line(func(l *bridge.Line) { l.Target = "events.life.discipline" }), []string{"invalid lines[0].target"}},
		{"per-point clause", line(func(l *bridge.Line) { l.Target = "events.life.platform" }), []string{"invalid lines[0].target"}},
		{"value slot would raise a score", line(func(l *bridge.Line) { l.Target = "values.project" }), []string{"invalid lines[0].target"}},
		{"no id", line(func(l *bridge.Line) { l.ID = "" }), []string{"missing lines[0].id"}},
		{"negative per", line(func(l *bridge.Line) { l.Per = -1 }), []string{"negative lines[0].per"}},
		{"no rules", line(func(l *bridge.Line) { l.Rules = nil }), []string{"missing lines[0].rules"}},
		{"empty rule", line(func(l *bridge.Line) { l.Rules = []string{""} }), []string{"missing lines[0].rules[0]"}},
		{"types on findings", line(func(l *bridge.Line) { l.Types = []string{"党课"} }), []string{"invalid lines[0].types"}},
		{"rules on shortfall", line(func(l *bridge.Line) { l.Count = bridge.Shortfall }), []string{"invalid lines[0].rules"}},
		{"bad type", line(func(l *bridge.Line) {
			l.Count, l.Rules, l.Types = bridge.Shortfall, nil, []string{"党课", "茶话会"}
		}),
			[]string{"invalid lines[0].types[1]"}},
		{"unknown measure", line(func(l *bridge.Line) { l.Count = "months" }), []string{"invalid lines[0].count"}},
		{"no measure", line(func(l *bridge.Line) { l.Count = "" }), []string{"missing lines[0].count"}},
		{"other scheme", bridge.Mapping{Scheme: "另一方案"}, []string{"inconsistent scheme"}},
		{"duplicate id", bridge.Mapping{Lines: []bridge.Line{
			{ID: "a", Target: "flags.overdue", Count: bridge.Findings, Rules: []string{"R"}},
			{ID: "a", Target: "flags.overdue", Count: bridge.Findings, Rules: []string{"R"}}}}, []string{"duplicate lines[1].id"}},
		{"every problem at once", line(func(l *bridge.Line) { l.ID, l.Target, l.Count = "", "bonus.x", "" }),
			[]string{"missing lines[0].id", "unknown_ref lines[0].target", "missing lines[0].count"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := bridge.Compile(tc.m, s)
			if tc.want == nil {
				require.NoError(t, err)
				require.NotNil(t, b)
				return
			}
			require.Error(t, err)
			var got []string
			for _, p := range dangjian.ProblemsOf(err) {
				got = append(got, p.Kind.Code()+" "+p.Path)
				assert.NotContains(t, p.Error(), "bridge.")
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestCompileBadScheme(t *testing.T) {
	s := testScheme(t)
	s.Components[0].Weight = assess.MustNum("0.5")
	_, err := bridge.Compile(testMapping(t), s)
	require.Error(t, err)
}

// sample is a record of one organization: three meetings short of the
// mapped types (and one of an unmapped type), one overdue term, two
// lapses of 7 and 6 months, and a finding no line reads.
func sample() bridge.Record {
	src := dangjian.Source{Doc: "党费规定", Article: "第十三条"}
	return bridge.Record{
		Periods: []orglife.PeriodCount{
			{Org: "B1", Rule: "LIFE-MEMBER-Q", Type: typeOf("member_meeting"), Period: "2024-Q1",
				From: dangjian.MustParseDate("2024-01-01"), To: dangjian.MustParseDate("2024-04-01"), Required: 1, Held: 0, Shortfall: 1},
			{Org: "B1", Rule: "LIFE-LECTURE-Q", Type: typeOf("party_lecture"), Period: "2024-Q2",
				From: dangjian.MustParseDate("2024-04-01"), To: dangjian.MustParseDate("2024-07-01"), Required: 2, Held: 0, Shortfall: 2},
			{Org: "B1", Rule: "LIFE-DAY-M", Type: typeOf("party_day"), Period: "2024-03", Required: 1, Shortfall: 1},
			{Org: "B1", Rule: "LIFE-MEMBER-Q", Type: typeOf("member_meeting"), Period: "2024-Q2", Required: 1, Held: 2},
		},
		Findings: []dangjian.Finding{
			{Rule: "ORG-TERM-OVERDUE", Subject: "B1", On: dangjian.MustParseDate("2024-05-01"), Source: dangjian.Source{Doc: "支部工作条例", Article: "第二十条"}},
			{Rule: "DUES-LAPSE-6", Subject: "M7", Value: "7", On: dangjian.MustParseDate("2024-08-01"), Source: src},
			{Rule: "DUES-LAPSE-6", Subject: "M9", Value: "6", On: dangjian.MustParseDate("2024-12-01"), Source: src},
			{Rule: "ORG-BRANCH-MIN-3", Subject: "B1"},
		},
	}
}

func TestApply(t *testing.T) {
	b := testBridge(t)
	sc := b.Scorer()
	in := sc.NewInput()
	in.Reset("B1", "")
	lay := sc.Layout()
	project, _ := lay.Value("project")
	plan, _ := lay.Item("duty", "plan")
	require.NoError(t, in.SetNum(project, assess.MustNum("30")))
	require.NoError(t, in.SetBool(plan, true))
	applied, err := b.Apply(in, sample())
	require.NoError(t, err)
	res, err := sc.ExplainInput(in)
	require.NoError(t, err)
	// life 40 − 3 × 0.5 − 1 × 2 − ⌊13/3⌋ × 1 = 32.5; duty: dues_clean
	// unchecked (two lapses), plan 20; project 30.
	assert.Equal(t, "82.5", res.Total.String())
	assert.Equal(t, "一般", res.Grade)
	require.Len(t, res.Gates, 1)
	assert.Equal(t, "capped", res.Gates[0].Gate)

	var lines []string
	for _, a := range applied {
		lines = append(lines, a.Line+" "+a.Slot+" "+itoa(a.Units)+" "+itoa(a.Events)+" "+itoa(len(a.Links)))
	}
	assert.Equal(t, []string{
		"life events.life.missed 03 03 02",
		"term events.life.term 01 01 01",
		"term_gate flags.overdue 01 00 01",
		"arrears events.life.arrears 13 04 02",
		"dues_clean checked.duty.dues_clean 02 00 02",
	}, lines)
	lk := applied[0].Links[1]
	assert.Equal(t, bridge.Link{Slot: "events.life.missed", Line: "life", Units: 2, Rule: "LIFE-LECTURE-Q", Subject: "B1",
		Ref: "party_lecture", Period: "2024-Q2", On: dangjian.MustParseDate("2024-04-01")}, lk)
	assert.Equal(t, "M7", applied[3].Links[0].Subject)
	assert.Equal(t, "第十三条", applied[3].Links[0].Source.Article)
}

func TestApplyClean(t *testing.T) {
	b := testBridge(t)
	in := b.Scorer().NewInput()
	in.Reset("B2", "")
	project, _ := b.Scorer().Layout().Value("project")
	require.NoError(t, in.SetNum(project, assess.MustNum("0")))
	applied, err := b.Apply(in, bridge.Record{Periods: []orglife.PeriodCount{{Org: "B2", Type: typeOf("member_meeting"), Required: 1, Held: 1}}})
	require.NoError(t, err)
	assert.Empty(t, applied)
	res, err := b.Scorer().ScoreInput(in)
	require.NoError(t, err)
	assert.Equal(t, "50", res.Total.String(), "life 40 and dues_clean 10 checked, nothing else given")
	assert.Empty(t, res.Gates)
}

func TestApplyBadValue(t *testing.T) {
	b := testBridge(t)
	in := b.Scorer().NewInput()
	in.Reset("B3", "")
	rec := bridge.Record{Findings: []dangjian.Finding{
		{Rule: "DUES-LAPSE-6", Subject: "M1", Value: "six"},
		{Rule: "DUES-LAPSE-6", Subject: "M2", Value: "-6"},
		{Rule: "DUES-LAPSE-6", Subject: "M3", Value: "9"},
	}}
	applied, err := b.Apply(in, rec)
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 2)
	assert.Equal(t, "findings[0].value", ps[0].Path)
	assert.Equal(t, "M2", ps[1].ID)
	assert.Equal(t, dangjian.ErrInvalid, ps[1].Kind)
	require.Len(t, applied, 2, "the good finding still counts: arrears and dues_clean")
	assert.Equal(t, 3, applied[0].Events)
}

func TestApplyLifeRuleSources(t *testing.T) {
	b := testBridge(t)
	rs := orglife.NationalRules()
	var rule orglife.Rule
	for _, r := range rs.Rules {
		if r.Check == orglife.Frequency {
			rule = r
			break
		}
	}
	in := b.Scorer().NewInput()
	in.Reset("B4", "")
	applied, err := b.Apply(in, bridge.Record{LifeRules: &rs, Periods: []orglife.PeriodCount{
		{Org: "B4", Rule: rule.ID, Type: typeOf("member_meeting"), Period: "2024-Q1", Required: 1, Shortfall: 1}}})
	require.NoError(t, err)
	require.Len(t, applied, 1)
	assert.Equal(t, rule.Source, applied[0].Links[0].Source)
	assert.False(t, applied[0].Links[0].Source.IsZero())
}

func TestApplyOtherInput(t *testing.T) {
	b := testBridge(t)
	other, err := assess.Compile(testScheme(t))
	require.NoError(t, err)
	in := other.NewInput()
	in.Reset("B5", "")
	_, err = b.Apply(in, sample())
	require.Error(t, err, "an input of another compiled scheme is refused")
}

// Several lines onto one slot: a clause's events add up, an item is
// checked only when every line onto it counts zero, and a flag one line
// sets is not cleared by another that counts zero.
func TestApplySharedTargets(t *testing.T) {
	s := testScheme(t)
	m := bridge.Mapping{Lines: []bridge.Line{
		{ID: "a", Target: "events.life.term", Count: bridge.Findings, Rules: []string{"R1"}},
		{ID: "b", Target: "events.life.term", Count: bridge.Values, Rules: []string{"R2"}, Per: 2},
		{ID: "c", Target: "checked.duty.plan", Count: bridge.Findings, Rules: []string{"R3"}},
		{ID: "d", Target: "checked.duty.plan", Count: bridge.Findings, Rules: []string{"R1"}},
		{ID: "e", Target: "flags.overdue", Count: bridge.Findings, Rules: []string{"R1"}},
		{ID: "f", Target: "flags.overdue", Count: bridge.Findings, Rules: []string{"R3"}},
	}}
	b, err := bridge.Compile(m, s)
	require.NoError(t, err)
	tests := []struct {
		name     string
		findings []dangjian.Finding
		total    string
		gates    int
	}{
		{"nothing found", nil, "70", 0},
		{"R1 once: one term event, plan unchecked, flag set", []dangjian.Finding{{Rule: "R1"}}, "48", 1},
		{"R2 of 5: two events (per 2); R3 unchecks plan and sets the flag", []dangjian.Finding{{Rule: "R2", Value: "5"}, {Rule: "R3"}}, "46", 1},
		{"both", []dangjian.Finding{{Rule: "R1"}, {Rule: "R2", Value: "4"}}, "44", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := b.Scorer().NewInput()
			in.Reset("X", "")
			project, _ := b.Scorer().Layout().Value("project")
			require.NoError(t, in.SetNum(project, assess.MustNum("0")))
			dues, _ := b.Scorer().Layout().Item("duty", "dues_clean")
			require.NoError(t, in.SetBool(dues, true))
			_, err := b.Apply(in, bridge.Record{Findings: tc.findings})
			require.NoError(t, err)
			res, err := b.Scorer().ScoreInput(in)
			require.NoError(t, err)
			assert.Equal(t, tc.total, res.Total.String())
			assert.Len(t, res.Gates, tc.gates)
		})
	}
}
