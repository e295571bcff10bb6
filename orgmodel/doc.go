// Package orgmodel models the organization hierarchy of CPC grassroots party
// work and validates it against the formation rules, with citations.
//
// # What is modelled
//
//   - [Kind], the level of an organization (地方党委, 党工委, 党委, 党总支, 党支部,
//     联合党支部, 党小组, temporary variants), kept apart from [Domain], the
//     sector (企业, 农村, 机关, 学校, 医院…, refined where the rules differ).
//   - [Org]: ID, parent, kind, domain, name, member counts (full and
//     probationary), units covered, term, approvals, and, for a project
//     (工程、工作项目), its [Project]: first and last day, both included, so
//     that 2025-01-01 to 2025-06-30 is 6 months (ORG-PROJECT-BRANCH-6M: a
//     project of 6 months or more with 3 full members needs a branch).
//   - [Person], [Post] and [Assignment]: posts are links between a person and
//     a body, so one person may hold several (一肩挑, 兼职委员); 第一书记 and
//     党建指导员 are dispatch assignments, not committee seats.
//   - [Body] (联席会 with a rotating chair, 村委会, 领导小组), [Site] (centres,
//     venues, 党员驿站, with floor area) and [Grid]: beside the tree, linked
//     to it.
//   - [Tree]: built by [Build] from [Records] with every problem reported as
//     a [dangjian.Problem] in a [dangjian.Problems], naming the record by the
//     caller's own ID; traversal, paths and [Stats] for any subtree;
//     [Tree.Lookup] finds an organization by the caller's ID.
//   - [Rule] and [RuleSet]: the formation and governance rules as dated data
//     ([NationalRules]); [Validate] returns a [Report] of [dangjian.Finding]
//     values, each with its rule ID, [dangjian.Severity], the organization by
//     the caller's ID (Subject) and its line in the input, the path of names,
//     value and source.
//   - Encodings: [ReadCSV] and [WriteCSV] (a flat table, English or Chinese
//     headers and values, bad rows reported with their line, column and id),
//     [DecodeJSON] and [EncodeJSON] (strict, lowerCamel, exact round trip,
//     any string or integer as an ID, mapped as ReadCSV maps ids),
//     [WriteMermaid] and [WriteDOT] (charts of any subtree).
//
// The package holds no place's data: a city's tree, its local rules and
// its figures live in a package of that place, built on this one. The
// reference city, 延吉市, is place/yanji (yanji.Records, yanji.Rules,
// yanji.Figures).
//
// # Invariants
//
// Member counts are int64 and exact, and checked: [Build] refuses, with a
// problem of kind [dangjian.ErrOverflow] at orgs[i].members naming the
// organization and its line, any tree where an organization's full and
// probationary members together, a subtree's totals or the whole forest's
// totals would exceed 2^63−1 (9223372036854775807); the overflow is
// reported once, at the deepest organization whose total overflows. So
// [Members.Total], [Tree.Totals], [Tree.Aggregate] and [Tree.AggregateAll]
// never wrap on a built tree. [Members.Add] and [Stats.Add] on the
// caller's own figures are not checked. A party group's members are counted in
// its branch and never added again. The zero [Kind] is invalid in a tree;
// the zero [Domain] means "not recorded" and matches no domain-scoped rule.
// A [Tree] is immutable once built and safe for concurrent use by multiple
// goroutines; so is a [Validator]. [RuleSet] is a value: With and Without
// return new sets. Validation never mutates the tree and reports every
// finding, not just the first.
//
// Severity follows the rule's modality: 应当 → [dangjian.Error], 一般 →
// [dangjian.Warning], 可以 → [dangjian.Info]; a finding covered by an
// approval record becomes Info and carries the approval.
//
// # Limits
//
// [Build] refuses a tree deeper than [DefaultMaxDepth] (1,000) levels below
// its root with one problem of kind [dangjian.ErrLimit] naming the limit;
// [BuildOptions].MaxDepth raises it (real trees have about ten levels; the
// limit catches a runaway chain, such as a parent column naming the
// previous row). It refuses more than 2³¹−2 organizations the same way,
// and a name, code or caller's ID (of the organization or of its parent)
// longer than 2³²−1 bytes, the most its compact record holds.
// Nothing else depends on depth: traversal, paths and aggregates use no
// recursion, and [Validate] takes memory linear in the tree and its
// findings at any depth, because a finding's Name lists at most
// [NameLevels] (16) names, the middle of a deeper path left out
// ([Tree.PathString] gives the full path on demand).
//
// The readers are bounded by a [dangjian.Limits] ([ReadCSVWith],
// [ReadTreeCSVWith], [DecodeJSONWith]; the plain entry points use the
// defaults; 0 in a field means its default, a negative value no limit):
//   - MaxBytes, the input (default 64 GiB);
//   - MaxRecords, the rows of a CSV table, or the elements of each table
//     of a JSON object (default 200,000,000);
//   - MaxRecordBytes, one CSV row, all its lines (default 1 MiB): the CSV
//     reader holds no more of a row, whatever one cell holds; JSON is read
//     whole, so it does not apply there;
//   - MaxProblems, the problems of bad rows (and of the build, for
//     ReadTreeCSVWith) listed before the rest are only counted, in one last
//     problem of kind [dangjian.ErrLimit] (default 1,000).
//
// A limit met stops the reading with one problem of kind
// [dangjian.ErrLimit] at the line where it stopped, naming the limit, its
// value and how to raise it. Besides, [ReadTreeCSV] holds the records
// once, in the tree (a compact record of 120 bytes per organization, which
// holds no pointer, so that the collector never scans it, beside the
// organization's text; [Org] values are made when the API hands them
// out), and [Validator.ValidateFunc] and
// [Validator.WriteFindings] hand the findings over as they come, so that
// a program's memory is the tree's records, not its input or its
// findings.
//
// # Usage
//
//	tree, err := orgmodel.Build(records)
//	for _, p := range dangjian.ProblemsOf(err) {
//		fmt.Println(p.ID, p.Line, p.Path, p) // every problem, with the caller's ID
//	}
//	report, err := orgmodel.Validate(tree, orgmodel.NationalRules(), dangjian.MustParseDate("2025-06-30"))
//	for _, f := range report.Findings {
//		fmt.Println(f.Rule, f.Severity, f.Subject, f.Name, f.Message)
//	}
package orgmodel
