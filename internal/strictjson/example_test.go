package strictjson_test

import (
	"fmt"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/strictjson"
)

// A decoder reads an array of objects with known fields, reporting every
// problem with its path, line, column and the record's ID.
func Example() {
	src := strictjson.NewSource([]byte(`[
  {"id": "M1", "name": "张伟", "Base": "100"},
  {"id": "M2", "name": "李娜", "name": "王芳"}
]`))
	fields := strictjson.NewFields("id", "name", "base")
	sc := strictjson.NewScanner(src)
	var ps dangjian.Problems
	sc.Next() // [
	for i := 0; sc.More(); i++ {
		sc.Next() // {
		first, id := len(ps), ""
		var seen strictjson.Seen
		for sc.More() {
			key, _ := sc.Next()
			val, _ := sc.Next()
			path := strictjson.Field(strictjson.Elem("", i), key.Text())
			f, ok := fields.Lookup(key.Text())
			switch {
			case !ok:
				ps.Add(src.Problem(dangjian.ErrUnknownField, key.Off, path, key.Text(), fields.Unknown(key.Text())))
			case seen.Add(f):
				ps.Add(src.Problem(dangjian.ErrInvalid, key.Off, path, key.Text(), strictjson.DetailRepeated))
			case fields.Name(f) == "id":
				id = val.Text()
			}
			sc.Skip(val)
		}
		sc.Next() // }
		strictjson.FillID(ps[first:], id)
	}
	for _, p := range ps {
		fmt.Println(p)
	}
	// Output:
	// line 2, column 30: [0].Base (id "M1"): unknown field: keys are case-sensitive: the field is "base" ("Base")
	// line 3, column 30: [1].name (id "M2"): invalid value: a field is written once ("name")
}

// A Stream reads a large array one element at a time: Value captures each
// element, placed at its line and column in the whole input, for a Scanner
// (or a decoder built on one) to read; only one element is held at once.
func ExampleStream() {
	in := strings.NewReader("[\n {\"id\": \"a\"},\n {\"id\": \"b\", \"x\": [1, 2]}\n]")
	st := strictjson.NewStream(in)
	st.Root = "subjects"
	st.Next() // [
	for st.More() {
		t, _ := st.Next()
		src, _ := st.Value(t)
		line, col := src.Position(0)
		fmt.Printf("%d:%d %s\n", line, col, src.Bytes())
	}
	// Output:
	// 2:2 {"id": "a"}
	// 3:2 {"id": "b", "x": [1, 2]}
}

// A Stream bounded by a dangjian.Limits reads each element of the array
// with Record, which counts it: the element after the second ends the
// input with a problem naming the limit and how to raise it.
func ExampleNewStreamWith() {
	in := strings.NewReader(`[{"id": "a"}, {"id": "b"}, {"id": "c"}]`)
	st := strictjson.NewStreamWith(in, dangjian.Limits{MaxRecords: 2})
	st.Root = "subjects"
	st.Next() // [
	for st.More() {
		t, p := st.Next()
		if p != nil {
			fmt.Println(p)
			return
		}
		src, p := st.Record(t)
		if p != nil {
			fmt.Println(p)
			return
		}
		fmt.Printf("%s\n", src.Bytes())
	}
	// Output:
	// {"id": "a"}
	// {"id": "b"}
	// line 1, column 28: subjects[2]: exceeds a limit: more than 2 elements (limit 2 elements; raise it with MaxRecords or the program's -max-rows)
}
