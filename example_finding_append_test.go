package dangjian_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian"
)

// A writer of many findings appends each to one reused buffer.
func ExampleFinding_AppendJSON() {
	findings := []dangjian.Finding{
		{Rule: "R-1", Severity: dangjian.Error, Subject: "1001", Message: "too few members"},
		{Rule: "R-2", Severity: dangjian.Warning, Subject: "1002", Message: "term due soon"},
	}
	var buf []byte
	for i := range findings {
		var err error
		if buf, err = findings[i].AppendJSON(buf[:0]); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(string(buf))
	}
	// Output:
	// {"rule":"R-1","severity":"error","subject":"1001","message":"too few members","source":{"doc":"","confidence":""}}
	// {"rule":"R-2","severity":"warning","subject":"1002","message":"term due soon","source":{"doc":"","confidence":""}}
}

// An element of an indented JSON array, laid out as json.Indent lays out
// the finding's MarshalJSON bytes, in one pass.
func ExampleFinding_AppendJSONIndent() {
	f := dangjian.Finding{Rule: "R-1", Severity: dangjian.Error, Subject: "1001", Message: "too few members",
		Source: dangjian.Source{Doc: "条例", Article: "第五条"}}
	buf, err := f.AppendJSONIndent([]byte("[\n  "), "  ", "  ")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(buf) + "\n]")
	// Output:
	// [
	//   {
	//     "rule": "R-1",
	//     "severity": "error",
	//     "subject": "1001",
	//     "message": "too few members",
	//     "source": {
	//       "doc": "条例",
	//       "article": "第五条",
	//       "confidence": ""
	//     }
	//   }
	// ]
}
