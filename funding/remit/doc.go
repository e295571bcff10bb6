// Package remit computes where a year's collected party dues go: the
// shares remitted up to higher committees, the shares returned down, and
// lump sums (一次性交纳 of 1000 元 or more) sent to the Centre in full.
//
// [Rules] lists every known share ([Share]: a rule with its rate, its base
// — the total or what remains after the shares before it — the recipient
// and the due month); [NewPolicy] builds a [Policy] from the IDs a
// collecting organization follows, and [Split] applies it to a year's
// collections with a trace of every line.
//
// # Invariants
//
// Amounts are [funding.Money] (exact fen) and shares exact decimals
// ([funding.Rate]); each line is rounded once with the policy's rounding
// (half-up to the fen by default) and the remainder, kept by the collecting
// organization, absorbs the rounding residue, so the lines and the
// remainder always add up to what was collected. Shares that would take
// more than was collected are [ErrOverdrawn]. The zero [Policy] has no
// shares: everything is kept. Policies, rules and results are values, safe
// for concurrent use by multiple goroutines.
//
// # Usage
//
//	p, err := remit.NewPolicy("省委", remit.RuleCentre)
//	r, err := remit.Split(funding.MustParseMoney("123456.78"), funding.MustParseMoney("5000"), p, 2024)
//	fmt.Println(r.Remainder) // 117283.94
package remit
