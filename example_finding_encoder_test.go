package dangjian_test

import (
	"fmt"
	"os"

	"github.com/dangjian-go/dangjian"
)

func ExampleFindingEncoder() {
	src := dangjian.Source{Doc: "中国共产党支部工作条例（试行）", Article: "第五条", Confidence: dangjian.Verified}
	e := dangjian.NewFindingEncoder("", "  ")
	var b []byte
	for _, name := range []string{"一支部", "二支部"} {
		f := dangjian.Finding{Rule: "ORG-BRANCH-MIN-3", Severity: dangjian.Error, Name: name, Message: "2 full members", Source: src}
		var err error
		if b, err = e.AppendJSONIndent(b, &f); err != nil {
			fmt.Println(err)
			return
		}
		b = append(b, '\n')
	}
	os.Stdout.Write(b)
	// Output:
	// {
	//   "rule": "ORG-BRANCH-MIN-3",
	//   "severity": "error",
	//   "name": "一支部",
	//   "message": "2 full members",
	//   "source": {
	//     "doc": "中国共产党支部工作条例（试行）",
	//     "article": "第五条",
	//     "confidence": "verified"
	//   }
	// }
	// {
	//   "rule": "ORG-BRANCH-MIN-3",
	//   "severity": "error",
	//   "name": "二支部",
	//   "message": "2 full members",
	//   "source": {
	//     "doc": "中国共产党支部工作条例（试行）",
	//     "article": "第五条",
	//     "confidence": "verified"
	//   }
	// }
}
