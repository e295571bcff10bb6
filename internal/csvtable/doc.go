// Package csvtable reads a CSV table whose header names a declared set of
// columns: the machinery the module's CSV readers share (orgmodel's tree,
// funding/dues' roster, the subjects of examples/assess), so that each
// keeps only what its columns mean.
//
// A [Spec] declares the columns ([Column]: an English name matched in any
// case, a Chinese name, aliases, required or not) and may accept further
// columns by name ([Spec.Extra]). [Open] reads the header and reports every
// problem with it; a [Reader] then streams the rows one at a time, reusing
// the record buffer of its csv.Reader, so that memory follows the row and
// not the file. The Reader gives each cell trimmed, with its position, and
// builds the [dangjian.Problem] of a cell: Line (where the cell starts),
// Column (the field's 1-based position), Path (the column's name as the
// header wrote it), ID (the row's id cell) and Value.
//
// The text is UTF-8: a header name that is not is a header problem, and
// a row's cells that are not are its [Reader.EncodingProblems], of kind
// [dangjian.ErrEncoding] with the advice [DetailNotUTF8], which every
// reader reports before reading the row. A file in GBK or GB18030 is read
// on purpose through package textenc, never guessed.
//
// # Limits
//
// [OpenWith] reads within a [dangjian.Limits] ([Open] within the
// defaults): the input's bytes (MaxBytes, 64 GiB by default, a byte order
// mark included), the table's rows (MaxRecords, 200,000,000; the header is
// not a row, a blank row is) and the bytes of one record, all its lines
// with their line ends (MaxRecordBytes, 1 MiB; the header too). The bytes
// are counted under the csv.Reader, and the bytes of a record are counted
// again from each record's start, so a record is refused after the limit
// and one buffer (64 KiB) of it are read, and memory stays bounded by the
// limit whatever a single cell holds. A limit met ends the reading with
// one problem of kind [dangjian.ErrLimit] at the line where the refused
// row starts, whose detail names the limit, its value and how to raise it
// (the Limits field and the programs' flag). The problems of the rows
// themselves are the caller's to cap (MaxProblems, with a
// [dangjian.ProblemCap]).
//
// # Output
//
// The module's CSV writers (orgmodel.WriteCSV, dues.WriteLedger, the CSV
// of examples/assess) write through a [Writer]: [NewWriter] takes the
// caller's [dangjian.CSVText], and [Writer.Text] guards each text cell
// (IDs, codes, names, free text) that a spreadsheet would run as a
// formula with a single quote in front ([Guard]), as OWASP advises, unless
// the caller asked for [dangjian.RawText]. Numbers, dates and the module's
// own codes are written as they are, so a negative amount stays a number.
// The Reader takes that quote off again ([Unguard], in [Reader.At]): a
// cell that starts with a single quote before '=', '+', '-', '@', tab or
// CR (after any further quotes) reads without its first quote, so what a
// writer wrote reads back as the text it was given. A writer takes its
// header in a language from [Spec.HeaderIn] after [CheckLang].
package csvtable
