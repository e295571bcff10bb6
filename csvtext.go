package dangjian

import "strconv"

// CSVText is how the module's CSV writers (orgmodel.WriteCSV,
// dues.WriteLedger) write text cells: IDs, codes, names, free text. A
// writer takes it as an optional last argument; without one, it guards.
// Numbers (amounts, counts, rates), dates and the module's own codes and
// labels are written as they are either way, so a negative amount stays
// "-12.50", a number a spreadsheet reads as a number.
type CSVText uint8

const (
	// GuardFormulas, the default, neutralises a text cell that a
	// spreadsheet would run as a formula, as OWASP advises against CSV
	// injection: a cell that starts with '=', '+', '-', '@', a tab or a
	// carriage return is written with a single quote in front, so that
	// a name like `=HYPERLINK("http://…")` opens as text, not as a live
	// formula (a text that starts with single quotes before such a
	// character gets one more). The module's CSV readers take the quote
	// off again (a cell that starts with a single quote followed by
	// quotes and one of those characters reads as the rest of the cell),
	// so a file written and read back keeps its text; another program
	// gets the text back by dropping the cell's first character in that
	// case, and a spreadsheet shows the text as written.
	GuardFormulas CSVText = iota
	// RawText writes text cells as they are: for a file that programs
	// read and no spreadsheet opens. (The module's readers still take a
	// quote off a cell that starts with a single quote before a formula's
	// character, so such a text does not read back as written.)
	RawText
)

// String returns "guard_formulas" or "raw_text".
func (t CSVText) String() string {
	switch t {
	case GuardFormulas:
		return "guard_formulas"
	case RawText:
		return "raw_text"
	}
	return "CSVText(" + strconv.Itoa(int(t)) + ")"
}
