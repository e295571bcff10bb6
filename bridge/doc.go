// Package bridge feeds an assessment ([assess]) from what the library
// itself finds about an organization: the findings of orgmodel's
// Validate (an overdue 换届, ORG-TERM-OVERDUE), of funding/dues' Arrears
// (the months of a lapse, DUES-LAPSE-6) and of orglife, and orglife's
// per-period meeting counts (the 三会一课 owed and not held per type). A
// secretary's 述职评议 score is then computed from the organization's own
// records rather than typed in.
//
// # The mapping is data
//
// A [Mapping] is a list of [Line]s, each one measure onto one input slot
// of a scheme: the number of findings of some rule IDs, the sum of their
// values (months of arrears), or the meetings short of some types,
// divided by Per, onto a deduction clause's event count, a checklist
// item (checked only when nothing was found) or a gate's flag. It is
// read from JSON by [Decode], strictly (through the module's one strict
// JSON reader), or written in Go; [Compile] checks it once against the
// scheme: every target is a slot of the scheme's [assess.Layout]
// (by the path [assess.Slot.Path] gives: "events.yashi.regular_meeting")
// of a kind a count can fill, every measure names what it reads, and
// every problem is reported with its path ("lines[2].target") in the
// shared vocabulary. A line's Clause and Note cite the scheme clause it
// fills and why the measure fits it; the rule it reads is named in its
// Rules (or Types).
//
// # Applying
//
// [Bridge.Apply] fills an [assess.Input] of the bridge's scorer for one
// organization from a [Record]: the findings and periods the caller
// selected for it. The inputs the records cannot give (a 现场评分, the
// democratic-review votes) are the caller's: it fills them first, then
// applies the record, then scores with the bridge's [Bridge.Scorer].
//
// # The trace's links
//
// Apply returns, per line that counted something, an [Applied]: the
// slot, the units, the events added and one [Link] per finding or
// period counted, with its rule ID, subject, ref, period, date and
// source. The links are a side table keyed by slot path: the deduction
// of clause c of indicator i in the score's trace ([assess.Node] i,
// its sources' c) is caused by the links whose Slot is
// "events.i.c"; an unchecked item by those of "checked.i.item"; a gate
// by those of "flags.f". Events carry counts only: a reference inside
// an event would have to travel through the scorer, which neither reads
// nor keeps it.
//
// # Invariants
//
//   - More findings or shortfalls never raise a score: a count fills only
//     a clause that deducts per occurrence (never one by level or per
//     percentage point), an item it can only uncheck, or a flag it can
//     only set (a gate lowers or bars, it never adds points). Values,
//     votes and bonus items are refused as targets.
//   - Each link's Units sum to its line's Units; a line's Events are
//     Units ÷ Per rounded down; integer arithmetic only.
//   - Apply reads a record and an input and writes only the slots the
//     mapping targets; a Bridge is immutable and safe for concurrent use
//     (each goroutine with its own Input).
//   - A finding whose value cannot be read is a problem, with its path
//     in the record ("findings[3].value"), and counts nothing; the rest
//     is applied.
package bridge
