package orgmodel

import (
	"io"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/google/uuid"
)

// WriteCSV writes the organizations of the subtree under root (uuid.Nil:
// the whole tree) to w as CSV, one row per organization in pre-order,
// under a header naming every column [ReadCSV] knows, in the language
// lang; the project columns (project_start, project_end) only when an
// organization of the subtree records a [Project], so that a tree without
// projects is written with the columns it always had. Counts are written as integers and dates as YYYY-MM-DD; a value
// not recorded (a zero units, term number or date, an unknown domain or
// selection) is an empty cell. The subtree's root is written without a
// parent, so the file stands on its own.
//
// The id and parent_id cells hold an organization's [Org.Code] when its ID
// is the one ReadCSV derives from that code (see [CSVID]), and the
// UUID otherwise, so a file read with ReadCSV and written back keeps its
// original ids. Reading the output with ReadCSV and building it gives a
// tree equal to the subtree, except that text is trimmed of surrounding
// space, a CR LF inside a quoted cell reads back as LF, and a name or code
// that is not UTF-8 does not read back at all.
//
// Text cells (id, parent_id, name, code) that a spreadsheet would run as
// a formula (starting with '=', '+', '-', '@', tab or CR: a name like
// `=HYPERLINK(…)`) are written with a single quote in front, unless text
// is [dangjian.RawText] (see [dangjian.GuardFormulas]); ReadCSV takes the
// quote off again, so the round trip above holds either way. Counts and
// dates are written as they are. More than one text, or an unknown one,
// is a *[dangjian.Problem] of kind [dangjian.ErrInvalid].
//
// An unknown root ([dangjian.ErrUnknownRef]), an unknown lang
// ([dangjian.ErrInvalid]) or a nil tree ([dangjian.ErrMissing]) is a
// *[dangjian.Problem]; a write error is returned as it is. WriteCSV
// only reads the tree, so it may run concurrently with other readers.
func WriteCSV(w io.Writer, t *Tree, root uuid.UUID, lang Lang, text ...dangjian.CSVText) error {
	if t == nil {
		return &dangjian.Problem{Kind: dangjian.ErrMissing, Detail: "no tree to write"}
	}
	if err := csvtable.CheckLang(lang); err != nil {
		return err
	}
	lo, hi := int32(0), int32(t.orgs.n)
	if root != uuid.Nil {
		p, ok := t.index.get(root)
		if !ok {
			return &dangjian.Problem{Kind: dangjian.ErrUnknownRef, Path: "root", Value: root.String()}
		}
		lo, hi = p, t.end[p]
	}
	cw, err := csvtable.NewWriter(w, text...)
	if err != nil {
		return err
	}
	// The project columns are written only for a subtree that records a
	// project, so a file without projects keeps the columns it had.
	ncol := colProjectStart
	if t.projects > 0 {
		for p := lo; p < hi; p++ {
			if t.orgs.project(t.at(p)) != nil {
				ncol = numCSVCols
				break
			}
		}
	}
	if err := cw.Write(csvSpec.HeaderIn(lang)[:ncol]); err != nil {
		return err
	}
	rec := make([]string, ncol)
	var ids []string // the id cell of the latest organization at each depth
	var base int32
	if lo < hi {
		base = t.depth[lo]
	}
	for p := lo; p < hi; p++ {
		o := t.orgs.unpack(t.at(p))
		d := t.depth[p] - base
		id := csvIDText(&o)
		ids = append(ids[:d], id)
		rec[colID] = cw.Text(id)
		rec[colParent] = ""
		if d > 0 {
			rec[colParent] = cw.Text(ids[d-1])
		}
		if lang == Chinese {
			rec[colKind], rec[colDomain], rec[colSelection] = o.Kind.Label(), o.Domain.Label(), o.Selection.Label()
		} else {
			rec[colKind], rec[colDomain], rec[colSelection] = o.Kind.String(), o.Domain.String(), o.Selection.String()
		}
		rec[colName] = cw.Text(o.Name)
		rec[colFull] = strconv.FormatInt(o.Members.Full, 10)
		rec[colProbationary] = strconv.FormatInt(o.Members.Probationary, 10)
		rec[colUnits] = optionalInt(o.Units)
		rec[colCode] = cw.Text(o.Code)
		rec[colElected] = o.Term.Elected.String()
		rec[colDue] = o.Term.Due.String()
		rec[colRenewed] = o.Term.Renewed.String()
		rec[colTermNumber] = optionalInt(o.Term.Number)
		if ncol == numCSVCols {
			rec[colProjectStart], rec[colProjectEnd] = "", ""
			if o.Project != nil {
				rec[colProjectStart], rec[colProjectEnd] = o.Project.Start.String(), o.Project.End.String()
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error() // a write error, as it is
}

// csvIDText returns the id cell of o: its code if ReadCSV would map the
// code back to o's ID, else the UUID.
func csvIDText(o *Org) string {
	if k := o.Key; k != "" && k == strings.TrimSpace(k) && CSVID(k) == o.ID && !isUUIDText(k) {
		return k
	}
	c := o.Code
	if c == "" || c != strings.TrimSpace(c) {
		return o.ID.String()
	}
	if looksLikeUUID(c) {
		if _, err := uuid.Parse(c); err == nil {
			return o.ID.String()
		}
	}
	if CSVID(c) != o.ID {
		return o.ID.String()
	}
	return c
}

func optionalInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
