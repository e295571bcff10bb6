package textenc_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/textenc"
)

// A tree that Excel on a Chinese Windows saved as "CSV", in GBK: read as
// it is, it is refused; read through textenc.NewReader, it is read.
func ExampleNewReader() {
	const gbkFile = "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"1,,committee,,\xc9\xe7\xc7\xf8,30,0\n" // 社区
	_, err := orgmodel.ReadCSV(strings.NewReader(gbkFile))
	fmt.Println(err)

	enc, err := textenc.Parse("gbk") // as from a flag: -encoding gbk
	if err != nil {
		fmt.Println(err)
		return
	}
	recs, err := orgmodel.ReadCSV(textenc.NewReader(strings.NewReader(gbkFile), enc))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(recs.Orgs[0].Name)
	// Output:
	// line 2, column 5: name (id "1"): not valid UTF-8: save the file as UTF-8, not GBK ("\xc9\xe7\xc7\xf8")
	// 社区
}
