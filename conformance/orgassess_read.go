package conformance

import (
	"bytes"
	"fmt"
	"math/big"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/csvtable"
)

// orgAssessRows reads a vector CSV file of the org and assess families
// with the shared reader: one map per row, by column name; every column
// of cols is required.
func orgAssessRows(data []byte, file string, cols ...string) ([]map[string]string, error) {
	spec := csvtable.Spec{ID: "case", ExactCase: true}
	for _, c := range cols {
		spec.Columns = append(spec.Columns, csvtable.Column{Name: c, Required: true})
	}
	t, err := csvtable.Open(bytes.NewReader(data), &spec)
	if err != nil {
		return nil, fmt.Errorf("conformance/%s: %w", file, err)
	}
	var rows []map[string]string
	var bad dangjian.Problems
	for t.Next() {
		if p := t.WidthProblem(); p != nil {
			bad = append(bad, p)
			continue
		}
		m := make(map[string]string, len(cols))
		for i, c := range cols {
			m[c] = t.Cell(i)
		}
		rows = append(rows, m)
	}
	if err := t.Err(); err != nil {
		return nil, fmt.Errorf("conformance/%s: %w", file, err)
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("conformance/%s: %w", file, bad)
	}
	return rows, nil
}

// orgAssessRules splits a rules cell.
func orgAssessRules(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// assessDecimal parses a plain decimal ("87.63", "0", "-1.5") exactly; no
// exponent, fraction or space.
func assessDecimal(s string) (*big.Rat, bool) {
	t := strings.TrimPrefix(s, "-")
	if t == "" || t[0] == '.' || t[len(t)-1] == '.' || strings.Count(t, ".") > 1 || strings.Trim(t, "0123456789.") != "" {
		return nil, false
	}
	return new(big.Rat).SetString(s)
}
