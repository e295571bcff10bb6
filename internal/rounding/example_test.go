package rounding_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/rounding"
)

func ExampleDivRound() {
	// 30 % of 11 subjects is 3.3: how many may take the grade.
	for _, m := range []dangjian.RoundingMode{dangjian.Floor, dangjian.Ceiling, dangjian.HalfUp} {
		n, ok := rounding.DivRound(30*11, 100, m)
		fmt.Println(m, n, ok)
	}
	_, ok := rounding.DivRound(1, 0, dangjian.HalfUp)
	fmt.Println("1/0:", ok)
	// Output:
	// floor 3 true
	// ceiling 4 true
	// half_up 3 true
	// 1/0: false
}

func ExampleMulDivRound() {
	// 1.5 % of a base of 3000.05 yuan (300005 fen) in fen: rate in parts
	// per million, half-up (四舍五入) to the fen.
	fen, ok := rounding.MulDivRound(300005, 15_000, 1_000_000, dangjian.HalfUp)
	fmt.Println(fen, ok)
	// Output: 4500 true
}

func ExampleStep() {
	// A hot loop divides itself and adds the step: 1234567 / 1000 half-up
	// and half-even (1234.567 → 1235), 1234500 / 1000 (1234.5: half-up
	// 1235, half-even 1234).
	for _, v := range []uint64{1234567, 1234500} {
		for _, m := range []dangjian.RoundingMode{dangjian.HalfUp, dangjian.HalfEven} {
			q, r := v/1000, v%1000
			fmt.Println(v, m, q+rounding.Step(q, r, 1000, false, m))
		}
	}
	// Output:
	// 1234567 half_up 1235
	// 1234567 half_even 1235
	// 1234500 half_up 1235
	// 1234500 half_even 1234
}
