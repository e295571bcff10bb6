package xiamen

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/standard"
)

// Ladder2009 returns the 厦门 community-worker basic-pay table of
// 2009 (厦民〔2009〕32号; rule XM-2009-COMMUNITY-STEPS in RULES.md, local
// practice, verified): 12 monthly steps of 900, 930, 960, 1000, 1040, 1080,
// 1130, 1180, 1240, 1300, 1370 and 1440元, one step up every 2 years. It is an older design
// than 三岗十八级: the reference gives no split by post, so every post spans
// steps 1–12. The period starts on 2009-01-01 (the day is assumed) and is
// open: whether and when the table was replaced is not in the reference.
func Ladder2009() standard.Ladder {
	steps := []int64{900, 930, 960, 1000, 1040, 1080, 1130, 1180, 1240, 1300, 1370, 1440}
	l := standard.Ladder{
		Rule: dangjian.Rule{ID: "XM-2009-COMMUNITY-STEPS", Period: dangjian.Period{From: dangjian.NewDate(2009, 1, 1)},
			Source: dangjian.Source{Doc: "厦民〔2009〕32号", URL: "lawyee.com.cn", Confidence: dangjian.LocalPractice,
				Note: "the year only is known (1 January assumed); whether the table was later replaced is not known; no split by post"}},
		Name:         "厦门市社区工作者基本工资（2009）",
		Levels:       standard.LevelRanges{Head: standard.LevelRange{Low: 1, High: 12}, Deputy: standard.LevelRange{Low: 1, High: 12}, Staff: standard.LevelRange{Low: 1, High: 12}},
		YearsPerStep: 2,
		Rounding:     funding.DefaultRounding(),
	}
	for _, s := range steps {
		l.Steps = append(l.Steps, funding.Fen(s*100))
	}
	return l
}
