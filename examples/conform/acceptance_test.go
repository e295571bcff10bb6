package main

import (
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The acceptance case through the program: the whole-yuan bases
// 1,000–10,000 元 under the 2017 brackets, and an export made with new
// BigDecimal(base * rate).setScale(2, HALF_UP), derived here from the
// double's exact expansion (big.Float prints every digit) rounded half-up
// by shopspring/decimal.
func TestAcceptanceBigDecimal(t *testing.T) {
	dir := t.TempDir()
	var roster, got strings.Builder
	roster.WriteString("编号,姓名,党员类别,计算基数\n")
	got.WriteString("id,name,dues\n")
	differ := 0
	for b := 1000; b <= 10000; b++ {
		rate := "0.015"
		switch {
		case b <= 3000:
			rate = "0.005"
		case b <= 5000:
			rate = "0.01"
		}
		rf, _, err := big.ParseFloat(rate, 10, 53, big.ToNearestEven)
		require.NoError(t, err)
		r64, _ := rf.Float64()
		x := float64(b) * r64
		platform := decimal.RequireFromString(new(big.Float).SetFloat64(x).Text('f', 80)).Round(2).StringFixed(2)
		exact := decimal.NewFromInt(int64(b)).Mul(decimal.RequireFromString(rate)).Round(2).StringFixed(2)
		if platform != exact {
			differ++
		}
		fmt.Fprintf(&roster, "%05d,m%d,在职,%d\n", b, b, b)
		fmt.Fprintf(&got, "%05d,m%d,%s\n", b, b, platform)
	}
	require.Equal(t, 2137, differ)
	in, out := filepath.Join(dir, "roster.csv"), filepath.Join(dir, "got.csv")
	require.NoError(t, os.WriteFile(in, []byte(roster.String()), 0o644))
	require.NoError(t, os.WriteFile(out, []byte(got.String()), 0o644))
	status, stdout, stderr := runArgs(t, "", "-kind", "dues", "-in", in, "-got", out, "-date", "2024-06-01")
	assert.Equal(t, exitDiffer, status, stderr)
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	require.Len(t, lines, 2137+2)
	for _, l := range lines[:2137] {
		assert.Contains(t, l, "cause: float: BigDecimal(double) HALF_UP")
	}
	assert.Equal(t, []string{"likely cause of every difference: float: BigDecimal(double) HALF_UP", "2137 of 9001 differ"}, lines[2137:])
}
