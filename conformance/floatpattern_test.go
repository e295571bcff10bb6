package conformance_test

import (
	"math"
	"math/big"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/conformance"
)

// floatDues computes the dues of a whole-yuan base as a double, base ×
// rate, and passes it to round: the two Java patterns of the issue.
func floatDues(round func(x float64) string) func(conformance.DuesCase) (string, error) {
	return func(c conformance.DuesCase) (string, error) {
		base, err := strconv.ParseFloat(c.Roster["base"], 64)
		if err != nil {
			return "", err
		}
		rate := 0.02
		switch {
		case base <= 3000:
			rate = 0.005
		case base <= 5000:
			rate = 0.01
		case base <= 10000:
			rate = 0.015
		}
		return round(base * rate), nil
	}
}

// bigDecimalOfDouble is new BigDecimal(x).setScale(2, RoundingMode.HALF_UP):
// the exact binary value of x, rounded half-up to the fen.
func bigDecimalOfDouble(x float64) string {
	r, _ := new(big.Float).SetFloat64(x).Rat(nil)
	r.Mul(r, big.NewRat(100, 1)).Add(r, big.NewRat(1, 2))
	n := new(big.Int).Quo(r.Num(), r.Denom())
	return new(big.Rat).SetFrac(n, big.NewInt(100)).FloatString(2)
}

// mathRound is Math.round(x*100)/100.0, printed as Java prints a double.
func mathRound(x float64) string {
	return strconv.FormatFloat(math.Floor(x*100+0.5)/100, 'f', -1, 64)
}

// TestFloatPatterns: on the whole-yuan bases the helper reports exactly
// the bases the issue counts (2,137 and 522 of 9,001).
func TestFloatPatterns(t *testing.T) {
	for name, tc := range map[string]struct {
		round func(float64) string
		wrong int
	}{
		"new BigDecimal(double).setScale(2, HALF_UP)": {bigDecimalOfDouble, 2137},
		"Math.round(x*100)/100.0":                     {mathRound, 522},
	} {
		t.Run(name, func(t *testing.T) {
			var rec recorder
			conformance.CheckDues(&rec, floatDues(tc.round), "dues/whole-yuan-2017.csv")
			require.Len(t, rec.errors, conformance.MaxReported+1)
			assert.Contains(t, rec.errors[conformance.MaxReported],
				strconv.Itoa(tc.wrong-conformance.MaxReported)+" more of its 9001 vectors differ")
		})
	}
	assert.Equal(t, "0.01", bigDecimalOfDouble(0.005)) // 0.005000000000000000104… rounds up
	assert.Equal(t, "0.01", mathRound(0.005))
}
