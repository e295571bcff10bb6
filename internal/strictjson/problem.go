package strictjson

import "github.com/dangjian-go/dangjian"

// DetailRepeated is the detail of the problem (of kind
// [dangjian.ErrInvalid]) for a field written twice in one object.
const DetailRepeated = "a field is written once"

// Problem returns a problem at byte offset off of the source: its kind,
// path, line and column, the offending value cut to
// [dangjian.MaxValueLen] bytes, and the detail.
func (s *Source) Problem(k *dangjian.Kind, off int, path, value, detail string) *dangjian.Problem {
	line, col := s.Position(off)
	return &dangjian.Problem{Kind: k, Path: path, Line: line, Column: col, Value: dangjian.Cut(value), Detail: detail}
}

// FillID sets the ID of every problem in ps that has none to id: called
// on the problems found inside a record, from the innermost record out,
// it gives each problem the ID of the innermost record with one.
func FillID(ps dangjian.Problems, id string) {
	if id == "" {
		return
	}
	for _, p := range ps {
		if p.ID == "" {
			p.ID = id
		}
	}
}
