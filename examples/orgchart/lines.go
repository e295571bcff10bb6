package main

import (
	"bytes"
	"encoding/csv"
	"io"

	"github.com/dangjian-go/dangjian/orgmodel"
)

// recordLines returns the line on which each record that ReadCSV returned
// starts, in order, so that a build problem about orgs[i] can name its
// line. It reads data again with encoding/csv, set up as ReadCSV sets up
// its reader, and skips the rows that ReadCSV rejected (those with a cell
// on a line of bad). It returns nil when the two reads disagree on the
// number of records, so that no wrong line is ever printed.
func recordLines(data []byte, bad []*orgmodel.RowError, n int) []int {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	if _, err := r.Read(); err != nil { // the header
		return nil
	}
	badLine := make(map[int]bool, len(bad))
	for _, e := range bad {
		badLine[e.Line] = true
	}
	lines := make([]int, 0, n)
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil || len(rec) == 0 {
			return nil
		}
		first, _ := r.FieldPos(0)
		last, _ := r.FieldPos(len(rec) - 1)
		rejected := false
		for l := first; l <= last; l++ {
			rejected = rejected || badLine[l]
		}
		if !rejected {
			lines = append(lines, first)
		}
	}
	if len(lines) != n {
		return nil
	}
	return lines
}
