package funding_test

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseMoney(t *testing.T) {
	tests := []struct {
		in      string
		fen     int64
		wantErr error
	}{
		{"0", 0, nil},
		{"1234", 123400, nil},
		{"1234.5", 123450, nil},
		{"1234.50", 123450, nil},
		{"1234.500", 123450, nil},
		{"0.01", 1, nil},
		{"-0.05", -5, nil},
		{"+3000.00", 300000, nil},
		{"92233720368547758.07", math.MaxInt64, nil},
		{"-92233720368547758.07", -math.MaxInt64, nil},
		{"92233720368547758.08", 0, funding.ErrOverflow},
		{"99999999999999999999", 0, funding.ErrOverflow},
		{"0.001", 0, funding.ErrSubFen},
		{"1234.567", 0, funding.ErrSubFen},
		{"", 0, nil},
		{"1,234.50", 0, nil},
		{"1e3", 0, nil},
		{"¥12", 0, nil},
		{"12.", 0, nil},
		{".5", 0, nil},
		{" 12", 0, nil},
		{"--1", 0, nil},
		{"NaN", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, err := funding.ParseMoney(tt.in)
			valid := tt.wantErr == nil && (tt.fen != 0 || tt.in == "0")
			switch {
			case tt.wantErr != nil:
				require.Error(t, err)
				assert.True(t, errors.Is(err, tt.wantErr), "%v", err)
				assert.Contains(t, err.Error(), strconv.Quote(tt.in))
				assert.NotContains(t, err.Error(), "ParseMoney")
			case valid:
				require.NoError(t, err)
				assert.Equal(t, tt.fen, m.Fen())
			default:
				require.Error(t, err)
				assert.Contains(t, err.Error(), "invalid value: want an amount in yuan: digits with at most two decimal places")
				assert.ErrorIs(t, err, dangjian.ErrInvalid)
			}
		})
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		fen  int64
		want string
	}{
		{0, "0.00"}, {1, "0.01"}, {10, "0.10"}, {-5, "-0.05"}, {123450, "1234.50"},
		{math.MaxInt64, "92233720368547758.07"}, {math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			assert.Equal(t, tt.want, funding.Fen(tt.fen).String())
			if tt.fen != math.MinInt64 {
				back, err := funding.ParseMoney(tt.want)
				require.NoError(t, err)
				assert.Equal(t, tt.fen, back.Fen())
			}
		})
	}
}

func TestMoneyArithmetic(t *testing.T) {
	a, b := funding.MustParseMoney("1000.05"), funding.MustParseMoney("0.95")
	s, err := a.Add(b)
	require.NoError(t, err)
	assert.Equal(t, "1001.00", s.String())
	d, err := b.Sub(a)
	require.NoError(t, err)
	assert.Equal(t, "-999.10", d.String())
	p, err := b.MulInt(3)
	require.NoError(t, err)
	assert.Equal(t, "2.85", p.String())
	_, err = funding.Fen(math.MaxInt64).Add(funding.Fen(1))
	assert.ErrorIs(t, err, funding.ErrOverflow)
	_, err = funding.Fen(math.MinInt64).Sub(funding.Fen(1))
	assert.ErrorIs(t, err, funding.ErrOverflow)
	_, err = funding.Fen(math.MaxInt64 / 2).MulInt(3)
	assert.ErrorIs(t, err, funding.ErrOverflow)
	_, err = funding.Fen(-1).MulInt(math.MinInt64)
	assert.ErrorIs(t, err, funding.ErrOverflow)
	_, err = funding.Yuan(math.MaxInt64 / 10)
	assert.ErrorIs(t, err, funding.ErrOverflow)
	y, err := funding.Yuan(3000)
	require.NoError(t, err)
	assert.Equal(t, "3000.00", y.String())
	total, err := funding.Sum(a, b, y)
	require.NoError(t, err)
	assert.Equal(t, "4001.00", total.String())
	assert.Equal(t, b, a.Min(b))
	assert.Equal(t, a, a.Max(b))
	assert.Equal(t, 1, a.Cmp(b))
	assert.True(t, funding.Money{}.IsZero(), "the zero Money is 0.00")
	assert.True(t, d.IsNegative())
}

func TestMoneyFromDecimal(t *testing.T) {
	m, err := funding.MoneyFromDecimal(decimal.RequireFromString("12.30"))
	require.NoError(t, err)
	assert.Equal(t, int64(1230), m.Fen())
	_, err = funding.MoneyFromDecimal(decimal.RequireFromString("12.305"))
	assert.ErrorIs(t, err, funding.ErrSubFen)
	_, err = funding.MoneyFromDecimal(decimal.RequireFromString("1e30"))
	assert.ErrorIs(t, err, funding.ErrOverflow)
	assert.True(t, decimal.RequireFromString("12.3").Equal(m.Decimal()))
}

func TestMoneyJSON(t *testing.T) {
	type line struct {
		Amount funding.Money `json:"amount"`
	}
	b, err := json.Marshal(line{funding.MustParseMoney("1234.5")})
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"1234.50"}`, string(b))
	var l line
	require.NoError(t, json.Unmarshal([]byte(`{"amount":"0.07"}`), &l))
	assert.Equal(t, int64(7), l.Amount.Fen())
	// A bare number is parsed from its text, never through a float:
	// 0.07 and 9007199254740993 are not exact in binary floating point.
	require.NoError(t, json.Unmarshal([]byte(`{"amount":90071992547409.93}`), &l))
	assert.Equal(t, int64(9007199254740993), l.Amount.Fen())
	assert.Error(t, json.Unmarshal([]byte(`{"amount":"0.075"}`), &l))
	assert.Error(t, json.Unmarshal([]byte(`{"amount":1e2}`), &l))
}

func TestRate(t *testing.T) {
	tests := []struct {
		in, want, pct string
	}{
		{"0.015", "0.015", "1.5%"}, {"1.5%", "0.015", "1.5%"}, {"0.5%", "0.005", "0.5%"}, {"1.2", "1.2", "120%"}, {"-0.02", "-0.02", "-2%"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, err := funding.ParseRate(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.String())
			assert.Equal(t, tt.pct, r.Percent())
		})
	}
	for _, bad := range []string{"", "%", "1e-2", "abc", "1,5%", "0.0 1"} {
		_, err := funding.ParseRate(bad)
		assert.Error(t, err, bad)
	}
	assert.True(t, funding.MustParseRate("0.010").Equal(funding.MustParseRate("1%")))
	b, _ := json.Marshal(funding.MustParseRate("1.5%"))
	assert.Equal(t, `"0.015"`, string(b))
	var r funding.Rate
	require.NoError(t, json.Unmarshal([]byte(`0.005`), &r))
	assert.Equal(t, "0.005", r.String())
}

func TestRounding(t *testing.T) {
	jiaoUp := funding.Rounding{Places: 1, Mode: dangjian.Ceiling}
	yuan := funding.Rounding{Places: 0, Mode: dangjian.HalfUp}
	tests := []struct {
		name string
		r    funding.Rounding
		in   string
		want string
	}{
		{"half-up at the half fen", funding.DefaultRounding(), "12.345", "12.35"},
		{"half-up below the half fen", funding.DefaultRounding(), "12.3449999", "12.34"},
		{"half-even", funding.Rounding{Places: 2, Mode: dangjian.HalfEven}, "12.345", "12.34"},
		{"truncate", funding.Rounding{Places: 2, Mode: dangjian.Down}, "12.349", "12.34"},
		{"ceiling to the jiao", jiaoUp, "12.301", "12.40"},
		{"ceiling to the jiao, exact", jiaoUp, "12.30", "12.30"},
		{"whole yuan", yuan, "12.50", "13.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := tt.r.Money(decimal.RequireFromString(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.want, m.String())
		})
	}
	_, err := funding.Rounding{}.Money(decimal.Zero)
	assert.ErrorIs(t, err, funding.ErrBadRounding)
	_, err = funding.Rounding{Places: 3, Mode: dangjian.HalfUp}.Money(decimal.Zero)
	assert.ErrorIs(t, err, funding.ErrBadRounding)
	assert.Equal(t, "half_up to 0.01", funding.DefaultRounding().String())
	assert.Equal(t, "ceiling to 0.1", jiaoUp.String())

	// MulRate rounds the exact product once: 3333.33 × 1% = 33.3333 → 33.33.
	m, err := funding.MulRate(funding.MustParseMoney("3333.33"), funding.MustParseRate("1%"), funding.DefaultRounding())
	require.NoError(t, err)
	assert.Equal(t, "33.33", m.String())
	m, err = funding.MulRate(funding.MustParseMoney("3000.50"), funding.MustParseRate("0.5%"), funding.DefaultRounding())
	require.NoError(t, err)
	assert.Equal(t, "15.00", m.String(), "15.0025 rounds half-up to 15.00")
}
