package money_test

// The independent derivation: every expected value of the money families
// recomputed with math/big from the rule texts (FUNDING-RULES.md), never
// through the library's calculators or rule tables.

import (
	"encoding/csv"
	"math/big"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/dangjian-go/dangjian/internal/conformgen/money"
)

// files is the money families as the generator writes them.
func files(t *testing.T) map[string][]byte {
	t.Helper()
	f, err := money.Files("test-ruleset")
	require.NoError(t, err)
	return f
}

// table parses a vector file into rows keyed by column, checking the
// common conventions on the way.
func table(t *testing.T, name string, b []byte) []map[string]string {
	t.Helper()
	require.NotContains(t, string(b), "\r", name)
	require.False(t, strings.HasPrefix(string(b), "\uFEFF"), name)
	recs, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	require.NoError(t, err, name)
	require.Greater(t, len(recs), 1, name)
	head := recs[0]
	seen := map[string]bool{}
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, c := range head {
			row[c] = rec[i]
		}
		require.NotEmpty(t, row["case"], name)
		require.False(t, seen[row["case"]], "%s: case %s twice", name, row["case"])
		seen[row["case"]] = true
		require.Equal(t, "test-ruleset", row["ruleset"], name)
		require.NotEmpty(t, row["rules"], "%s: case %s names no rule", name, row["case"])
		rows = append(rows, row)
	}
	return rows
}

// r parses a decimal; "" is zero.
func r(t *testing.T, s string) *big.Rat {
	t.Helper()
	if s == "" {
		return new(big.Rat)
	}
	x, ok := new(big.Rat).SetString(s)
	require.True(t, ok, "not a decimal: %q", s)
	return x
}

// fen rounds x half-up (away from zero on a tie, for x ≥ 0) to the fen
// and writes it with two decimals.
func fen(x *big.Rat) string {
	return places(x, 2)
}

// places rounds x ≥ 0 half-up to n decimal places.
func places(x *big.Rat, n int) string {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
	y := new(big.Rat).Mul(x, new(big.Rat).SetInt(scale))
	// floor(y + 1/2) for y ≥ 0
	y.Add(y, big.NewRat(1, 2))
	q := new(big.Int).Quo(y.Num(), y.Denom())
	s := q.String()
	for len(s) <= n {
		s = "0" + s
	}
	if n == 0 {
		return s
	}
	return s[:len(s)-n] + "." + s[len(s)-n:]
}

func sum(t *testing.T, row map[string]string, cols ...string) *big.Rat {
	t.Helper()
	s := new(big.Rat)
	for _, c := range cols {
		s.Add(s, r(t, row[c]))
	}
	return s
}

func rat(s string) *big.Rat { x, _ := new(big.Rat).SetString(s); return x }
