package funding

// Step is one step of a computation's trace: what was computed, by which
// rule, from which inputs, its exact value, the rounding applied and the
// result. Every computed amount of this package carries its steps, so a
// caller can say how it was obtained. Money in Inputs, Exact and Value is
// yuan text ("1234.50"), never a float.
type Step struct {
	// Rule is the ID of the rule that produced the value, if any.
	Rule string `json:"rule,omitempty"`
	// What names the computed value or decision ("base", "rate",
	// "deductible", "capped").
	What string `json:"what"`
	// Formula is the computation in words ("min(spending, cap)").
	Formula string `json:"formula,omitempty"`
	// Inputs are the operands of Formula.
	Inputs map[string]string `json:"inputs,omitempty"`
	// Exact is the exact value before rounding, where it differs in form
	// from Value (a product finer than a fen, or a fraction num/den when
	// the value does not terminate). It is the only field of a Step that
	// may hold a fraction; Value is always a decimal at its declared
	// places.
	Exact string `json:"exact,omitempty"`
	// Rounding is the rounding applied to Exact to obtain Value; nil when
	// nothing was rounded.
	Rounding *Rounding `json:"rounding,omitempty"`
	// Value is the result: an amount (decimal, "93.52"), a rate (plain
	// decimal, "0.015"), a date, or "true"/"false".
	Value string `json:"value"`
	// Note qualifies the step (a reading of the rule, a residue).
	Note string `json:"note,omitempty"`
}
