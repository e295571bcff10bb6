// Package limitmsg words the details of the problems of kind
// dangjian.ErrLimit, so that every reader of the module names a limit the
// same way: what was met, the limit with its unit, and how to raise it (the
// field of dangjian.Limits, and the programs' flag).
package limitmsg

import "strconv"

// Group writes n in decimal with a comma between groups of three digits:
// 1048576 → "1,048,576".
func Group(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := ""
	if n < 0 {
		neg, s = "-", s[1:]
	}
	if len(s) <= 3 {
		return neg + s
	}
	b := make([]byte, 0, len(s)+len(s)/3)
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b = append(b, s[:head]...)
	for i := head; i < len(s); i += 3 {
		b = append(b, ',')
		b = append(b, s[i:i+3]...)
	}
	return neg + string(b)
}

// Limit returns "(limit 1,000 rows; raise it with MaxRecords or the
// program's -max-rows)": the limit with its unit (a plural noun), the
// field of dangjian.Limits that sets it, and the programs' flag ("" when no
// program has one).
func Limit(limit int64, unit, field, flag string) string {
	s := "(limit " + Group(limit) + " " + unit + "; raise it with " + field
	if flag != "" {
		s += " or the program's " + flag
	}
	return s + ")"
}

// The fields of dangjian.Limits and the programs' flags.
const (
	FieldBytes       = "MaxBytes"
	FieldRecords     = "MaxRecords"
	FieldRecordBytes = "MaxRecordBytes"
	FieldProblems    = "MaxProblems"

	FlagBytes       = ""
	FlagRecords     = "-max-rows"
	FlagRecordBytes = "-max-record-bytes"
	FlagProblems    = "-max-problems"
)

// Bytes is the detail for an input longer than limit bytes.
func Bytes(limit int64) string {
	return "the input is longer than " + Group(limit) + " bytes " + Limit(limit, "bytes", FieldBytes, FlagBytes)
}

// Records is the detail for more than limit records, each called unit
// ("rows", "elements").
func Records(limit int64, unit string) string {
	return "more than " + Group(limit) + " " + unit + " " + Limit(limit, unit, FieldRecords, FlagRecords)
}

// RecordBytes is the detail for one record, called what ("a row", "an
// element"), longer than limit bytes.
func RecordBytes(limit int64, what string) string {
	return what + " longer than " + Group(limit) + " bytes " + Limit(limit, "bytes", FieldRecordBytes, FlagRecordBytes)
}

// More is the detail of the problem that ends a capped list: "12,345 more
// problems not listed (limit 1,000 problems; …)".
func More(more, limit int64) string {
	noun := "problems"
	if more == 1 {
		noun = "problem"
	}
	return Group(more) + " more " + noun + " not listed " + Limit(limit, "problems", FieldProblems, FlagProblems)
}
