package assess_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
	"github.com/stretchr/testify/assert"
)

func TestGradingByCategory(t *testing.T) {
	var rs []assess.Result
	for i := 0; i < 4; i++ {
		a := grRes(fmt.Sprintf("v%d", i), strconv.Itoa(95-5*i), "")
		a.Category = "村"
		b := grRes(fmt.Sprintf("c%d", i), strconv.Itoa(93-10*i), "")
		b.Category = "社区"
		rs = append(rs, b, a)
	}
	per := grFour()
	per.PerCategory = true
	byCat := grGrade(t, per, rs)
	whole := grGrade(t, grFour(), rs)
	ids := func(gs []assess.Graded) []string {
		var out []string
		for _, g := range gs {
			out = append(out, g.Subject+"#"+strconv.Itoa(g.Rank)+":"+g.Grade)
		}
		return out
	}
	tests := []struct {
		name      string
		grading   *assess.Grading
		cat       string
		want      []string
		wantGroup bool
		counts    []assess.GradeCount
	}{
		{"per category: ranks within 村", byCat, "村", []string{"v0#1:好", "v1#2:好", "v2#3:较好", "v3#4:较好"}, true,
			[]assess.GradeCount{{Grade: "好", Count: 2}, {Grade: "较好", Count: 2}, {Grade: "一般", Count: 0}, {Grade: "差", Count: 0}}},
		{"per category: 社区", byCat, "社区", []string{"c0#1:好", "c1#2:较好", "c2#3:一般", "c3#4:一般"}, true,
			[]assess.GradeCount{{Grade: "好", Count: 1}, {Grade: "较好", Count: 1}, {Grade: "一般", Count: 2}, {Grade: "差", Count: 0}}},
		{"unknown category", byCat, "街道", nil, false, nil},
		{"whole cohort: subjects keep their category, ranks over the cohort", whole, "社区",
			[]string{"c0#2:好", "c1#5:较好", "c2#7:一般", "c3#8:一般"}, false, nil},
		{"whole cohort: the one group has no category", whole, "", nil, true,
			[]assess.GradeCount{{Grade: "好", Count: 3}, {Grade: "较好", Count: 3}, {Grade: "一般", Count: 2}, {Grade: "差", Count: 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ids(tt.grading.InCategory(tt.cat)))
			grp, ok := tt.grading.Group(tt.cat)
			assert.Equal(t, tt.wantGroup, ok)
			assert.Equal(t, tt.counts, grp.Grades)
		})
	}
}
