// Package xiamen holds the rules and figures of 厦门市 (Xiamen) that the
// library ships: the 2009 community-worker basic-pay table
// ([Ladder2009]; 厦民〔2009〕32号, local practice), as a
// [standard.Ladder] that the generic ladder code of funding/standard
// computes with.
//
// # Invariants
//
// Every function returns a fresh value on each call: changing one changes
// nothing else. The values are exact (amounts in [funding.Money]) and,
// once returned, safe for concurrent use by multiple goroutines as long as
// no one changes them. Each rule carries its ID, its effective window and
// its source with a confidence, as in the catalogue (RULES.md, rule
// XM-2009-COMMUNITY-STEPS).
//
// # Usage
//
//	l := xiamen.Ladder2009()
//	r, err := l.Pay(standard.CommunityStaff, 1, 5) // post, starting level, years of service
//	fmt.Println(r.Level, r.Monthly)
package xiamen
