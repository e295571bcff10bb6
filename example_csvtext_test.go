package dangjian_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/google/uuid"
)

// A name that a spreadsheet would run as a formula is written with a
// single quote in front by default, and as it is with RawText; counts stay
// numbers, and ReadCSV reads the guarded file back as the name.
func ExampleCSVText() {
	const in = "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"1,,committee,community,\"=HYPERLINK(\"\"http://evil.example/\"\")\",30,0\n"
	recs, err := orgmodel.ReadCSV(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	tree, err := orgmodel.Build(recs)
	if err != nil {
		fmt.Println(err)
		return
	}
	var guarded strings.Builder
	for _, text := range []dangjian.CSVText{dangjian.GuardFormulas, dangjian.RawText} {
		fmt.Println(text)
		if err := orgmodel.WriteCSV(os.Stdout, tree, uuid.Nil, orgmodel.English, text); err != nil {
			fmt.Println(err)
			return
		}
	}
	_ = orgmodel.WriteCSV(&guarded, tree, uuid.Nil, orgmodel.English)
	back, err := orgmodel.ReadCSV(strings.NewReader(guarded.String()))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("read back:", back.Orgs[0].Name)
	// Output:
	// guard_formulas
	// id,parent_id,kind,domain,name,full_members,probationary_members,units,code,selection,elected,due,renewed,term_number
	// 1,,committee,community,"'=HYPERLINK(""http://evil.example/"")",30,0,,1,,,,,
	// raw_text
	// id,parent_id,kind,domain,name,full_members,probationary_members,units,code,selection,elected,due,renewed,term_number
	// 1,,committee,community,"=HYPERLINK(""http://evil.example/"")",30,0,,1,,,,,
	// read back: =HYPERLINK("http://evil.example/")
}
