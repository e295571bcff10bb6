package csvtable

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
)

// Problem returns a problem of kind k with column c of the current row:
// Line is where the cell starts, Column its 1-based field position (0 if
// the header does not have the column), Path the column's name as the
// header wrote it, ID the row's id and Value the offending value. The
// strings are copies, so that a problem does not keep its row's text
// alive.
func (t *Reader) Problem(c int, value string, k *dangjian.Kind, detail string) *dangjian.Problem {
	return t.FieldProblem(t.h.fields[c], t.h.names[c], value, k, detail)
}

// FieldProblem returns a problem of kind k with field i (-1: none) of the
// current row, whose column the header names path: a column of the
// caller's own ([Header.Extras]) or one it names itself.
func (t *Reader) FieldProblem(i int, path, value string, k *dangjian.Kind, detail string) *dangjian.Problem {
	return t.ProblemAt(t.FieldLine(i), i, path, value, k, detail)
}

// ProblemAt returns a problem of kind k with field i (-1: none), named
// path, of a row on line that the current row's id names: for a problem
// found on a later row (a repeated id).
func (t *Reader) ProblemAt(line, i int, path, value string, k *dangjian.Kind, detail string) *dangjian.Problem {
	p := &dangjian.Problem{Kind: k, Path: path, ID: strings.Clone(t.id), Line: line,
		Value: strings.Clone(value), Detail: detail}
	if i >= 0 {
		p.Column = i + 1
	}
	return p
}

// RowProblem returns a problem of kind k with the current row as a whole.
func (t *Reader) RowProblem(k *dangjian.Kind, detail string) *dangjian.Problem {
	return t.ProblemAt(t.line, -1, "", "", k, detail)
}

// WidthProblem returns a problem of kind [dangjian.ErrInvalid] if the
// current row has not as many fields as the header, else nil.
func (t *Reader) WidthProblem() *dangjian.Problem {
	if len(t.rec) == t.h.Width {
		return nil
	}
	return t.RowProblem(dangjian.ErrInvalid, fmt.Sprintf("%d fields, the header has %d", len(t.rec), t.h.Width))
}

// MissingColumn returns a header problem of kind [dangjian.ErrHeader]:
// the column named name is missing from the header, because of why (""
// for a required column).
func (h *Header) MissingColumn(name, why string) *dangjian.Problem {
	detail := DetailMissingColumn
	if why != "" {
		detail += ": " + why
	}
	return &dangjian.Problem{Kind: dangjian.ErrHeader, Path: name, Line: h.Line, Detail: detail}
}

// SyntaxProblem turns an error of a csv.Reader into the error a reader
// returns: a *csv.ParseError (text that is not CSV) is a [dangjian.Problems]
// of one problem of kind [dangjian.ErrSyntax] with the line, wrapping the
// ParseError; its column counts bytes, not fields, so it goes in the
// detail. Any other error (of the underlying reader) is returned as it is.
func SyntaxProblem(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return dangjian.Problems{{Kind: dangjian.ErrSyntax, Line: pe.Line,
			Detail: pe.Err.Error() + " (byte " + strconv.Itoa(pe.Column) + " of the line)", Err: err}}
	}
	return err
}
