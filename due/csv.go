package due

import (
	"io"
	"iter"
	"strconv"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// CSVHeader is the header row [WriteCSV] writes.
var CSVHeader = []string{"what", "what_label", "status", "status_label", "days", "due", "org", "name", "line",
	"member", "ref", "period", "rule", "basis", "confidence", "source", "lead_rule", "leads", "detail"}

// WriteCSV writes the items, one row each after [CSVHeader]: codes and
// Chinese labels of what and status, days, due date, the caller's ids,
// name, line, ref and period, the rule, its basis, the source's
// confidence code and document (with article), the lead rule and its
// leads ("P6M 2025-01-01; P3M 2025-04-01"), and the detail. Text cells
// (ids, names, refs, periods, sources, details) go through the module's
// safe writer: a cell a spreadsheet would run as a formula is written
// with a quote in front unless text is [dangjian.RawText]. It stops at
// the first write error.
func WriteCSV(w io.Writer, items iter.Seq[Item], text ...dangjian.CSVText) error {
	cw, err := csvtable.NewWriter(w, text...)
	if err != nil {
		return err
	}
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	rec := make([]string, len(CSVHeader))
	var leads strings.Builder
	for it := range items {
		leads.Reset()
		for i, f := range it.Leads {
			if i > 0 {
				leads.WriteString("; ")
			}
			leads.WriteString(f.Before.String() + " " + f.On.String())
		}
		line := ""
		if it.Line > 0 {
			line = strconv.Itoa(it.Line)
		}
		src := it.Source.Doc
		if it.Source.Article != "" {
			src += " " + it.Source.Article
		}
		statusLabel := ""
		if it.Status != StatusUnknown {
			statusLabel = it.Status.Label()
		}
		rec = append(rec[:0], it.What.String(), it.What.Label(), it.Status.String(), statusLabel, strconv.Itoa(it.Days),
			it.Due.String(), cw.Text(it.Org), cw.Text(it.Name), line, cw.Text(it.Member), cw.Text(it.Ref), cw.Text(it.Period),
			cw.Text(it.Rule), cw.Text(it.Basis), it.Source.Confidence.String(), cw.Text(src), cw.Text(it.LeadRule),
			leads.String(), cw.Text(it.Detail))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
