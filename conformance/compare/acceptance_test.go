package compare_test

import (
	"fmt"
	"io"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/conformance/compare"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rate2017 is the 2017 wage bracket's rate of a whole-yuan base, as the
// test derives it from the notice (不超过 3000: 0.5%, 3000–5000: 1%,
// 5000–10000: 1.5%, above: 2%), not from the library.
func rate2017(base int) string {
	switch {
	case base <= 3000:
		return "0.005"
	case base <= 5000:
		return "0.01"
	case base <= 10000:
		return "0.015"
	}
	return "0.02"
}

// platform patterns, derived here independently of the package's own
// simulation: the double product's exact decimal expansion (big.Float
// prints every digit of a double with enough places) rounded half-up by
// shopspring/decimal; Math.round by Go's math.Round (the same on
// positive values); the exact amount rounded up to the 角.
func bigDecimalOfDouble(base int) string {
	r, _ := new(big.Float).SetString(rate2017(base))
	rf, _ := r.Float64()
	x := float64(base) * rf
	exact := new(big.Float).SetFloat64(x).Text('f', 80)
	return decimal.RequireFromString(exact).Round(2).StringFixed(2)
}

func mathRound(base int) string {
	r, _ := new(big.Float).SetString(rate2017(base))
	rf, _ := r.Float64()
	return decimal.New(int64(math.Round(float64(base)*rf*100)), -2).StringFixed(2)
}

// mathRoundLong is Math.round(x*100)/100 with an integer divisor: a
// long divided by a long, towards zero, so whole yuan.
func mathRoundLong(base int) string {
	r, _ := new(big.Float).SetString(rate2017(base))
	rf, _ := r.Float64()
	fen := int64(math.Round(float64(base) * rf * 100))
	return decimal.NewFromInt(fen / 100).StringFixed(2)
}

func roundUpJiao(base int) string {
	return decimal.NewFromInt(int64(base)).Mul(decimal.RequireFromString(rate2017(base))).RoundCeil(1).StringFixed(2)
}

func mathCeilJiao(base int) string {
	r, _ := new(big.Float).SetString(rate2017(base))
	rf, _ := r.Float64()
	return decimal.New(int64(math.Ceil(float64(base)*rf*10)), -1).StringFixed(2)
}

func exact(base int) string {
	return decimal.NewFromInt(int64(base)).Mul(decimal.RequireFromString(rate2017(base))).Round(2).StringFixed(2)
}

// wholeYuan returns the roster of whole-yuan bases 1,000–10,000 and a
// GOT made by pattern, and the IDs on which pattern and the exact amount
// differ.
func wholeYuan(pattern func(int) string) (roster, got string, differ map[string]bool) {
	var rb, gb strings.Builder
	rb.WriteString("id,name,category,base\n")
	gb.WriteString("id,name,dues\n")
	differ = map[string]bool{}
	for b := 1000; b <= 10000; b++ {
		id := fmt.Sprintf("M%05d", b)
		fmt.Fprintf(&rb, "%s,n%d,employed,%d\n", id, b, b)
		v := pattern(b)
		fmt.Fprintf(&gb, "%s,n%d,%s\n", id, b, v)
		if v != exact(b) {
			differ[id] = true
		}
	}
	return rb.String(), gb.String(), differ
}

func compareDues(t *testing.T, roster, got string) ([]compare.Difference, compare.Report) {
	t.Helper()
	var diffs []compare.Difference
	rep, err := compare.Compare(compare.Input{Kind: compare.Dues, Name: "roster.csv", GotName: "got.csv",
		Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(roster)), nil },
		Got:  strings.NewReader(got)},
		compare.Options{Date: dangjian.MustParseDate("2024-06-01")},
		func(d compare.Difference) error { diffs = append(diffs, d); return nil })
	require.NoError(t, err)
	return diffs, rep
}

// The acceptance case: an export made with new
// BigDecimal(double).setScale(2, HALF_UP) on the whole-yuan bases
// 1,000–10,000 under the 2017 brackets is reported with exactly the rows
// that differ, each with that cause.
func TestAcceptanceBigDecimal(t *testing.T) {
	tests := []struct {
		name    string
		pattern func(int) string
		want    int // the count, verified by the independent derivation
		cause   compare.Cause
	}{
		{"BigDecimal(double) HALF_UP", bigDecimalOfDouble, 2137, compare.FloatBigDecimal},
		{"exact", exact, 0, compare.CauseUnknown},
		{"Math.round", mathRound, 522, compare.FloatMathRound},
		// Measured with Java 17 by examples/conform/java/run.sh: 8,928.
		{"Math.round(x*100)/100, long division", mathRoundLong, 8928, compare.FloatMathRoundLong},
		{"round up to the 角", roundUpJiao, -1, compare.RoundUpJiao},
		{"Math.ceil(x*10)/10", mathCeilJiao, -1, compare.FloatCeilJiao},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			roster, got, differ := wholeYuan(tt.pattern)
			if tt.want >= 0 {
				require.Len(t, differ, tt.want)
			}
			diffs, rep := compareDues(t, roster, got)
			assert.Empty(t, rep.Problems)
			assert.Equal(t, 9001, rep.Compared)
			assert.Equal(t, len(differ), rep.Differ)
			require.Len(t, diffs, len(differ))
			if len(differ) == 0 {
				assert.Empty(t, rep.Causes)
				return
			}
			for _, d := range diffs {
				assert.True(t, differ[d.ID], d.ID)
				assert.Equal(t, compare.Differs, d.Status, d.ID)
				// A row may be reproduced by several patterns (5.015 is
				// 5.01499… in double: both float patterns and truncation
				// give 5.01); the pattern of the export is always among
				// them, and the report's counts single it out.
				assert.Contains(t, d.Causes, tt.cause, d.ID)
				assert.NotEmpty(t, d.Rules, d.ID)
			}
			require.NotEmpty(t, rep.Causes)
			assert.Equal(t, compare.CauseCount{Cause: tt.cause, Rows: len(differ)}, rep.Causes[0])
			t.Logf("%+v", rep.Causes)
		})
	}
}
