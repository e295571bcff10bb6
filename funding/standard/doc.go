// Package standard holds funding and pay standards and the checks over
// them: a place's [Set] of dated [Standard] items (村级组织运转经费, 村书记
// 报酬, 社区工作经费, …, each with an [ItemCode], an amount [Per] village,
// community, person or branch, and its source; where the wording does not
// state the basis or period, Per is a [Reading] with its alternatives,
// [Standard.ReadAs]); the national and
// provincial village pay floors ([VillageFloors], [CheckFloors]: is a
// place's pay at least the floor, as findings); community workers' pay
// ladders ([Ladder]: steps or a base times coefficients, with
// [DefaultLevelRanges] and degree credits); and indexed or pegged
// adjustments of an amount over years ([Index], [Peg], rounded once at the
// end or each year as the caller declares with [RoundingPoint]).
//
// A place's own standards and ladder are data in a package of that place
// (Yanji's standards in place/yanji, Xiamen's 2009 ladder in
// place/xiamen); this package holds no city.
//
// # Invariants
//
// Amounts are [funding.Money] (exact fen), multipliers and coefficients
// exact decimals ([funding.Rate]); a floor or a ladder's pay is rounded
// once with its declared [funding.Rounding]. The zero [Set] is empty and
// [Set.Check] reports it (a set needs a name); the zero [Ladder] is
// invalid and [Ladder.Validate] says why. Every problem of the input is
// reported with its path; nothing panics on input. Sets, floors, ladders
// and results are values (the With and Without methods return new sets),
// safe for concurrent use by multiple goroutines.
//
// # Usage
//
//	floors := standard.VillageFloors()
//	rep, err := standard.CheckFloors(set, floors, standard.FloorInputs{
//		AsOf: dangjian.MustParseDate("2025-06-30"), RuralIncome: funding.MustParseMoney("14000.01")})
//	for _, r := range rep.Results {
//		fmt.Println(r.Rule, r.Standard, r.Met)
//	}
package standard
