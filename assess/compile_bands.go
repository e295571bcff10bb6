package assess

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/dangjian-go/dangjian/internal/rat"
)

// bands checks that the bands are half-open and cover [0, max] exactly
// once, and returns them best first with the grade order. Without maxOK
// (the maximum overflowed, a problem already reported) the upper end is not
// checked against it.
func (c *compiler) bands(bs []Band, max rat.Rat, maxOK bool) ([]cBand, []string) {
	if len(bs) == 0 {
		return nil, nil
	}
	out := make([]cBand, 0, len(bs))
	grades := map[string]bool{}
	for i, b := range bs {
		p := "bands[" + strconv.Itoa(i) + "]"
		if b.Grade == "" || grades[b.Grade] {
			c.ps.addf(p+".grade", b.Grade, ErrBands, "each band has its own grade")
		}
		grades[b.Grade] = true
		cb := cBand{grade: b.Grade, from: b.From.rat(), to: b.To.rat(), open: !b.To.IsSet()}
		if !b.From.IsSet() {
			c.ps.addf(p+".from", "", ErrBands, "a band has a lower bound")
		}
		if !cb.open && cb.to.Cmp(cb.from) <= 0 {
			c.ps.addf(p+".to", b.To.String(), ErrBands, "[%s, %s) is empty", cb.from, cb.to)
		}
		out = append(out, cb)
	}
	sorted := slices.Clone(out)
	slices.SortStableFunc(sorted, func(a, b cBand) int { return a.from.Cmp(b.from) })
	if sorted[0].from.Sign() > 0 {
		c.ps.addf("bands", sorted[0].from.String(), ErrBands, "scores from 0 to %s have no band", sorted[0].from)
	}
	for i := 1; i < len(sorted); i++ {
		prev, cur := sorted[i-1], sorted[i]
		switch {
		case prev.open:
			c.ps.addf("bands", cur.grade, ErrBands, "band %q is open above but %q starts at %s", prev.grade, cur.grade, cur.from)
		case prev.to.Cmp(cur.from) < 0:
			c.ps.addf("bands", fmt.Sprintf("[%s, %s)", prev.to, cur.from), ErrBands, "a gap between %q and %q", prev.grade, cur.grade)
		case prev.to.Cmp(cur.from) > 0:
			c.ps.addf("bands", fmt.Sprintf("[%s, %s)", cur.from, prev.to), ErrBands, "%q and %q overlap", prev.grade, cur.grade)
		}
	}
	if last := sorted[len(sorted)-1]; maxOK && !last.open && last.to.Cmp(max) <= 0 {
		c.ps.addf("bands", last.to.String(), ErrBands, "scores from %s to the maximum %s have no band", last.to, max)
	}
	slices.Reverse(sorted)
	grades2 := make([]string, len(sorted))
	for i, b := range sorted {
		grades2[i] = b.grade
	}
	return sorted, grades2
}
