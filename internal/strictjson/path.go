package strictjson

import "strconv"

// Field returns the path of field key of the object at path:
// Field("orgs[3]", "parent") is "orgs[3].parent", Field("", "name") is
// "name".
func Field(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Elem returns the path of element i of the array at path: Elem("", 2)
// is "[2]", Elem("orgs", 3) is "orgs[3]".
func Elem(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// frame is one open array or object of a [Scanner], for its path.
type frame struct {
	object bool
	open   bool   // an object's key was read, or an array's element begun
	index  int    // an array: the index of the current element
	key    []byte // an object: the current key as written, quotes included
}

// pathOf renders the path of the value being read in the frames.
func pathOf(root string, frames []frame) string {
	p := root
	for _, f := range frames {
		if !f.open {
			break
		}
		if f.object {
			k, _ := Unquote(f.key)
			p = Field(p, k)
		} else {
			p = Elem(p, f.index)
		}
	}
	return p
}
