package vecfile_test

import (
	"fmt"

	"github.com/dangjian-go/dangjian/internal/conformgen/vecfile"
)

func ExampleNewTable() {
	t := vecfile.NewTable("2025-01.abc", "case", "base", "expected_dues", "rules", "ruleset")
	t.Row(map[string]string{"case": "edge-3000", "base": "3000.00", "expected_dues": "15.00"}, "DUES-WAGE-1", "DUES-ROUND")
	b, err := t.Bytes()
	fmt.Print(string(b), err, "\n")

	bad := vecfile.NewTable("2025-01.abc", "case", "base", "rules", "ruleset")
	bad.Row(map[string]string{"case": "negative", "base": "-1"}, "DUES-WAGE-1")
	_, err = bad.Bytes()
	fmt.Println(err)
	// Output:
	// case,base,expected_dues,rules,ruleset
	// edge-3000,3000.00,15.00,DUES-ROUND;DUES-WAGE-1,2025-01.abc
	// <nil>
	// vecfile: cell "-1" would read as a spreadsheet formula
}

func ExampleJSON() {
	b, _ := vecfile.JSON("2025-01.abc", []map[string]any{{"case": "a", "rules": []string{"R"}}})
	fmt.Print(string(b))
	// Output:
	// {
	//   "ruleset": "2025-01.abc",
	//   "generator": "go run ./internal/conformgen",
	//   "vectors": [
	//     {
	//       "case": "a",
	//       "rules": [
	//         "R"
	//       ]
	//     }
	//   ]
	// }
}

func ExampleManifest() {
	b, _ := vecfile.Manifest("2025-01.abc", map[string][]byte{"dues/x.csv": []byte("case\n")})
	fmt.Print(string(b))
	// Output:
	// {
	//   "ruleset": "2025-01.abc",
	//   "generator": "go run ./internal/conformgen",
	//   "files": [
	//     {
	//       "path": "dues/x.csv",
	//       "sha256": "1df17bc6eaaa4356e148445c7f4c4e6ab06ffcbda92b2e29046e997040b61bd6",
	//       "bytes": 5
	//     }
	//   ]
	// }
}
