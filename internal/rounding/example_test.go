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
