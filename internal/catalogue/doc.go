// Package catalogue generates the rules catalogue of the module: RULES.md
// and rules.json at the module root, the one reference of every rule the
// module ships.
//
// [Build] walks every rule table through the packages' exported API —
// orgmodel's national rules, the rules the reference city's set adds
// (place/yanji) and the default nesting; funding's dues rule sets of 2008 and 2017, tax rules,
// remittance shares, enterprise funds rules, village floors, Yanji's
// standards and Xiamen's ladder; assess's reference schemes and the
// reference city's scheme (place/yanji), and their grading policies — and
// returns a [Catalogue] of one [Entry] per rule,
// with the note and the sources of each assess scheme and policy. An entry
// holds the area, family, table and rule ID; the value as exact text
// (amounts, rates, thresholds and bounds as the tables hold them, never
// through a float); the period; the source (document, article, URL,
// note) and its confidence mark; and the modality where the rule has one.
// A rule two tables share is listed once; an ID whose content differs
// between tables is an error.
//
// Reference schemes carry no rule IDs: an assess entry's ID is the scheme
// name and the path of the part ("yanji-shuzhi/daily/sanshi/yashi/work_day"),
// and its source is the one the part cites; each number of the part is an
// entry of its own, the part's ID and "#" and the field
// ("yanji-shuzhi/daily/sanshi/yashi/work_day#cap"), cited to the source
// the part's cites name for it, else to the part's; a scheme's bands and
// rounding points, to the sources its own cites name. What cites no source
// (a ranking, a scheme without such cites) is marked [Uncited].
//
// [Markdown] and [JSON] render the catalogue; [Generate] does both. The
// files are rewritten with
//
//	go run ./internal/catalogue/cmd/gen   # from the module root
//	go generate ./internal/catalogue
//
// and the package's tests fail with "RULES.md is out of date: run …" when
// the committed files differ from what the tables give.
//
// # Evidence
//
// [EvidenceFile] (evidence.csv, at the module root) holds the evidence
// behind the confidence marks: one row per entry ID, sorted by ID, with the
// confidence the library's reference note supports, where the note is and
// what it says. [ReadEvidence] reads it and [CheckEvidence] holds the
// catalogue to it: an entry without a row, a row without an entry, an
// entry whose mark ranks above its row's ([Rank]), and a number the note
// says the library chose but that is cited to another source are each a
// problem, and the package's tests fail on any of them.
package catalogue

//go:generate go run ./cmd/gen -dir ../..
