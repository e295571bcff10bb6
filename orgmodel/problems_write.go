package orgmodel

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/dangjian-go/dangjian"
)

// WriteProblems writes the problems of an input to w, each naming file
// (its File; "" leaves each problem's own), in format:
//   - [TextFindings]: one problem per line, as [dangjian.Problem.Error]
//     writes it ("tree.csv:3:6: full_members (id \"a.1\"): …");
//   - [JSONFindings]: one JSON object, {"problems":[...]}, indented by two
//     spaces, each problem with the keys of [dangjian.Problem]'s JSON
//     (code, path, id, file, line, column, value, rule, message, detail).
//
// The problems are not changed. A list capped by a [dangjian.ProblemCap]
// ends with its "N more problems" problem, written as any other.
func WriteProblems(w io.Writer, file string, ps dangjian.Problems, format FindingFormat) error {
	named := ps
	if file != "" {
		named = make(dangjian.Problems, len(ps))
		for i, p := range ps {
			q := *p
			q.File = file
			named[i] = &q
		}
	}
	if format == JSONFindings {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Problems dangjian.Problems `json:"problems"`
		}{named})
	}
	bw := bufio.NewWriter(w)
	for _, p := range named {
		bw.WriteString(p.Error())
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
