package standard

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// ValidateFloors reports every problem of a floor table, joined: the header
// checks of [dangjian.CheckRules] (unique IDs, sources, confidence marks,
// non-empty periods, no overlap within a topic), and for each floor a
// missing jurisdiction, an unknown item code, post or modality, no part
// set, a negative part, a ratio without a multiplier, and an invalid
// rounding for an income part. The field problems are [*dangjian.Problem]
// values wrapping [ErrBadFloor].
func ValidateFloors(floors []Floor) error {
	p := paramErrs{sentinel: ErrBadFloor}
	p.addErr(dangjian.CheckRules(floors, func(f Floor) string { return f.Topic }))
	for i, f := range floors {
		at := func(field string) string { return fmt.Sprintf("floors[%d] (%q).%s", i, f.ID, field) }
		if strings.TrimSpace(f.Jurisdiction) == "" {
			p.add(at("jurisdiction"), f.Jurisdiction, "empty")
		}
		if !f.Code.IsValid() {
			p.add(at("code"), f.Code.String(), "unknown item code")
		}
		if !f.Post.IsValid() {
			p.add(at("post"), f.Post.String(), "unknown post")
		}
		if !f.Modality.IsValid() {
			p.add(at("modality"), f.Modality.String(), "not set")
		}
		if f.Multiplier.Decimal().Sign() < 0 {
			p.add(at("multiplier"), f.Multiplier.String(), "must not be negative")
		}
		if f.Ratio.Decimal().Sign() < 0 {
			p.add(at("ratio"), f.Ratio.String(), "must not be negative")
		}
		if f.MinPerYear.IsNegative() {
			p.add(at("minPerYear"), f.MinPerYear.String(), "must not be negative")
		}
		if f.MinPerMonth.IsNegative() {
			p.add(at("minPerMonth"), f.MinPerMonth.String(), "must not be negative")
		}
		if f.Multiplier.IsZero() && f.MinPerYear.IsZero() && f.MinPerMonth.IsZero() {
			p.add(at("multiplier"), "", "no part set: need a multiplier, minPerYear or minPerMonth")
		}
		if f.Multiplier.IsZero() && !f.Ratio.IsZero() {
			p.add(at("ratio"), f.Ratio.String(), "a ratio needs a multiplier")
		}
		if !f.Multiplier.IsZero() {
			if err := f.Rounding.Validate(); err != nil {
				p.add(at("rounding"), f.Rounding.Mode.String(), "invalid rounding for the income part")
			}
		}
	}
	return p.err()
}
