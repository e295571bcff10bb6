// Package dues computes party dues (党费) exactly, one member or many, with
// a trace of every rule applied.
//
// [Rules] is a dated rule set: [Rules2008] (中组发〔2008〕3号, from
// 2008-04-01) and [Rules2017] (组电明字〔2017〕5号; its day is not verified,
// 2017-01-01 is assumed); [RulesFor] picks the one in force on a date. The
// assumed day is data ([Assumptions].From2017, [DefaultAssumptions]): a
// caller who knows the day builds the rules from its own [Assumptions], and
// the trace of a month the assumed day decides says so.
// Each holds the wage and pension scales (bracket bounds inclusive; the rate
// applies to the whole base, 全额累进), the flat amounts (农民 0.20–1.00 元,
// 学生, 下岗失业, 低保/抚恤/救济 0.20 元), the base policy (2008: included pay
// items less income tax; 2017: its exclusion list, 基础性绩效 only for 事业单位,
// the basic pension only for retired members), the monthly cap (2017: 1000 元,
// "一般", on by default; voluntary payments above it allowed), and the
// provisions on self-employed and annual-salary members, probationary
// members, hardship reductions, lump sums, back pay and lapses, each a rule
// with an ID, an effective window and its source.
//
// [Rules.Monthly] computes one member's month as a [Result] with a full
// trace (the rule, the base, the rate, the exact amount, the rounding
// applied, and every provision that changed the amount);
// [Rules.Compile] gives a [Calculator] whose Batch computes the same
// amounts for many members without allocating; [Rules.Arrears] flags back
// pay beyond 6 months and 6 consecutive unpaid months as findings.
// [ReadRoster] (CSV) and [DecodeRosterJSON] read a branch's roster with
// every problem located (line, column, member ID); [WriteLedger] and
// [Summarize] write the month's ledger. For a roster of any size,
// [ScanRoster] and [ScanRosterJSON] pass one row at a time,
// [Calculator.Monthly] computes it, [LedgerWriter] writes it and [Tally]
// sums it: the only state kept is the set of member IDs, to find an ID on
// two rows (about 14–19 bytes and the ID per member), within a memory
// budget. [ComputeMonth] puts these together for a month, leaving out the
// rows of a repeated ID as [ReadRoster] does (it reads such a roster
// twice), with the problems, the rows not computed and the summary in a
// [MonthReport]; [LedgerSummary.WriteText] prints the summary.
//
// A mobile member holding a 流动党员活动证 may pay at the inflow
// organization (DUES-MOBILE-INFLOW, reported): [Member].PayingOrg (roster
// column paying_org, 流入地党组织) names it; the dues are computed as usual,
// [Result].PayingOrg and the trace say who collected, the ledger's
// paying_org column records it ([LedgerOptions]), and a [Tally] counts the
// member there ([LedgerSummary].PaidElsewhere), not in the branch's
// totals. [Rules.CheckInflow] compares the home roster with the inflow
// organization's for members counted twice or by no one.
//
// # Limits
//
// A CSV or JSON roster streams ([ScanRoster], [ScanRosterJSON]), within
// the limits of [ScanOptions].Limits ([dangjian.Limits]; the zero value is
// the defaults, a negative field no limit): the input's bytes (MaxBytes,
// 64 GiB), its rows or members (MaxRecords, 200,000,000), one row or one
// member's JSON (MaxRecordBytes, 1 MiB), and the problems
// [ReadRosterWith] and [DecodeRosterJSONWith] list (MaxProblems, 1,000,
// then one problem counting the rest). Arrays and objects nested deeper
// than 512 levels are refused. Text must be UTF-8 (package textenc reads
// GBK or GB18030 on purpose). Each limit met is one problem of kind
// [dangjian.ErrLimit] naming it, its value and how to raise it
// (examples/dues: -max-rows, -max-record-bytes, -max-problems).
//
// The check for repeated IDs of a roster keeps the IDs read so far
// within a memory budget, [ScanOptions].MaxIDBytes ([DefaultMaxIDBytes],
// 40 MiB: a million members with IDs of 16 bytes; -1: no limit;
// examples/dues -max-id-memory). Past it, the IDs kept are still checked
// on every row, but an ID first seen after that line is not checked for
// repeats: one warning of kind [ErrIDsNotChecked] (a [dangjian.ErrLimit])
// names the line and the budget, and every row is still read and
// computed. An exact check of ten million IDs takes about 250 MB: raise
// the budget when the roster needs it.
//
// # Invariants
//
// Amounts are [funding.Money] (exact fen) and rates [funding.Rate] (exact
// decimals); no binary floating point is used, parsing included. A
// monthly amount is rounded once, with the rule set's declared
// [funding.Rounding] (default half-up to the fen; see package funding on
// why). The zero [Member] is an invalid input (no category), reported as a
// problem, never a panic; the zero [Rules] has no brackets, and Monthly
// reports that as [ErrBadRules] (take [Rules2017] or [RulesFor]). Rule sets are values returned
// fresh by their functions: changing one changes nothing else. Rule sets,
// compiled calculators and results are immutable and safe for concurrent
// use by multiple goroutines.
//
// # Usage
//
//	rs, err := dues.RulesFor(dangjian.MustParseDate("2024-06-01"))
//	d, err := rs.Monthly(dues.Member{Category: dues.Employed, Base: funding.MustParseMoney("6234.50")}, month)
//	fmt.Println(d.Amount, d.Rule) // 93.52 DUES-WAGE-3
package dues
