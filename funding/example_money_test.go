package funding_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/shopspring/decimal"
)

func ExampleParseMoney() {
	m, err := funding.ParseMoney("1234.5")
	fmt.Println(m, m.Fen(), err)
	_, err = funding.ParseMoney("12.345")
	fmt.Println(err)
	// Output:
	// 1234.50 123450 <nil>
	// finer than a fen ("12.345")
}

func ExampleMoney_Add() {
	a, b := funding.MustParseMoney("0.10"), funding.MustParseMoney("0.20")
	s, _ := a.Add(b)
	fmt.Println(s, s == funding.MustParseMoney("0.30"))
	// Output: 0.30 true
}

func ExampleSum() {
	total, _ := funding.Sum(funding.MustParseMoney("15.00"), funding.MustParseMoney("93.52"), funding.MustParseMoney("0.20"))
	fmt.Println(total)
	// Output: 108.72
}

func ExampleYuan() {
	m, _ := funding.Yuan(28000)
	fmt.Println(m)
	// Output: 28000.00
}

func ExampleFen() {
	fmt.Println(funding.Fen(5), funding.Fen(-123456))
	// Output: 0.05 -1234.56
}

func ExampleMoneyFromDecimal() {
	_, err := funding.MoneyFromDecimal(decimal.RequireFromString("93.5175"))
	fmt.Println(err)
	m, _ := funding.DefaultRounding().Money(decimal.RequireFromString("93.5175"))
	fmt.Println(m)
	// Output:
	// finer than a fen ("93.5175")
	// 93.52
}

func ExampleMulRate() {
	m, _ := funding.MulRate(funding.MustParseMoney("5000.01"), funding.MustParseRate("1.5%"), funding.DefaultRounding())
	fmt.Println(m)
	// Output: 75.00
}

func ExampleParseRate() {
	r, _ := funding.ParseRate("1.5%")
	fmt.Println(r, r.Percent())
	// Output: 0.015 1.5%
}

func ExampleRounding_Quo() {
	// Dues on an average of three months are rate × sum / 3, rounded once.
	m, _ := funding.DefaultRounding().Quo(decimal.RequireFromString("50"), 3)
	fmt.Println(m)
	// Output: 16.67
}

func ExampleRounding_Money() {
	for _, r := range []funding.Rounding{funding.DefaultRounding(), {Places: 1, Mode: dangjian.Ceiling}, {Places: 0, Mode: dangjian.HalfUp}} {
		m, _ := r.Money(decimal.RequireFromString("12.345"))
		fmt.Println(r, m)
	}
	// Output:
	// half_up to 0.01 12.35
	// ceiling to 0.1 12.40
	// half_up to 1 12.00
}

func ExampleMoney_Sub() {
	d, _ := funding.MustParseMoney("1010.00").Sub(funding.MustParseMoney("1000.00"))
	fmt.Println(d, d.IsNegative(), d.Cmp(funding.Fen(1000)))
	// Output: 10.00 false 0
}

func ExampleMoney_MulInt() {
	year, _ := funding.MustParseMoney("3310").MulInt(12)
	fmt.Println(year, year.Fen(), year.Decimal())
	// Output: 39720.00 3972000 39720
}

func ExampleMoney_Min() {
	capped := funding.MustParseMoney("1200.00").Min(funding.MustParseMoney("1000.00"))
	fmt.Println(capped, funding.Money{}.Max(funding.Fen(-5)), funding.Money{}.IsZero())
	// Output: 1000.00 0.00 true
}

func ExampleDefaultRounding() {
	r := funding.DefaultRounding()
	fmt.Println(r, r.Validate())
	// Output: half_up to 0.01 <nil>
}

func ExampleRate_Cmp() {
	a, b := funding.MustParseRate("0.015"), funding.MustParseRate("1.5%")
	fmt.Println(a.Cmp(b), a.Equal(b), funding.RateOf(a.Decimal()).Percent(), funding.Rate{}.IsZero())
	// Output: 0 true 1.5% true
}
