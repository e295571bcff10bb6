package textenc_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/textenc"
)

// Parse reads the name of an encoding as a flag or a form gives it.
func ExampleParse() {
	for _, name := range []string{"UTF-8", "gbk", "GB2312", "gb18030", "latin1"} {
		e, err := textenc.Parse(name)
		fmt.Println(name, e, err)
	}
	// Output:
	// UTF-8 utf-8 <nil>
	// gbk gbk <nil>
	// GB2312 gbk <nil>
	// gb18030 gb18030 <nil>
	// latin1 utf-8 encoding: invalid value: want utf-8, gbk or gb18030 ("latin1")
}
