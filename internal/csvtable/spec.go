package csvtable

import "strings"

// Column declares one column of a table.
type Column struct {
	// Name is the column's English name, matched in any case unless the
	// Spec says ExactCase. It names the column in a missing-column problem.
	Name string
	// Chinese is the column's Chinese name ("" if none), matched as written.
	Chinese string
	// Aliases are further names, matched as written.
	Aliases []string
	// Required columns must be in the header.
	Required bool
}

// Spec declares the columns of a table. Columns are identified by their
// index in Columns. A Spec is read-only once in use, and may be shared by
// concurrent readers.
type Spec struct {
	Columns []Column
	// ID is the English name of the column whose cell identifies a row in
	// its problems ("" for none).
	ID string
	// ExactCase makes English names match only as written.
	ExactCase bool
	// Extra, if not nil, is asked about a header name that names no
	// column: it returns a key and true when the name is a column of the
	// caller's own (a pay item, an indicator). Two names of the same key
	// repeat each other.
	Extra func(name string) (key string, ok bool)
}

// lookup returns the index of the column that name names, or -1.
func (s *Spec) lookup(name string) int {
	for c := range s.Columns {
		col := &s.Columns[c]
		if name == col.Name || (!s.ExactCase && strings.EqualFold(name, col.Name)) ||
			(col.Chinese != "" && name == col.Chinese) {
			return c
		}
		for _, a := range col.Aliases {
			if name == a {
				return c
			}
		}
	}
	return -1
}

// index returns the index of the column whose English name is name, or -1.
func (s *Spec) index(name string) int {
	for c := range s.Columns {
		if s.Columns[c].Name == name {
			return c
		}
	}
	return -1
}
