// Command yanji builds the reference city, 延吉市 (placeholder until the
// reference city lands).
package main

import (
	"fmt"

	"github.com/dangjian-go/dangjian/orgmodel"
)

func main() {
	fmt.Println("rules:", len(orgmodel.NationalRules().Rules))
}
