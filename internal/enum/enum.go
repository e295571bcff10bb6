// Package enum holds the table behind the library's bilingual enums: each
// value has a stable English code (JSON, CSV) and a Chinese label, and
// parsing accepts either, plus registered aliases.
package enum

import (
	"fmt"
	"strconv"
	"strings"
)

// Table maps the values 1..n of an enum to their codes and labels. Index 0
// is the enum's "unknown" zero value and has empty strings. A Table is
// built once at package init and read-only afterwards, so it is safe for
// concurrent use.
type Table struct {
	name    string
	codes   []string
	labels  []string
	lookup  map[string]int
	lowered map[string]int
}

// New builds a table. codes and labels are indexed by value, with index 0
// for the unknown value. aliases maps extra accepted spellings to values.
// New is called at package initialisation with static tables, and panics
// if they are inconsistent (lengths differ, or one spelling names two
// values), as regexp.MustCompile does: that is a bug in the table, never a
// matter of input.
func New(name string, codes, labels []string, aliases map[string]int) *Table {
	if len(codes) != len(labels) {
		panic("enum: codes and labels differ in length for " + name)
	}
	t := &Table{name: name, codes: codes, labels: labels, lookup: map[string]int{}, lowered: map[string]int{}}
	for i := 1; i < len(codes); i++ {
		t.add(codes[i], i)
		t.add(labels[i], i)
	}
	for k, v := range aliases {
		t.add(k, v)
	}
	return t
}

func (t *Table) add(s string, v int) {
	if s == "" {
		return
	}
	if old, ok := t.lookup[s]; ok && old != v {
		panic(fmt.Sprintf("enum: %s: %q names both %d and %d", t.name, s, old, v))
	}
	t.lookup[s] = v
	t.lowered[strings.ToLower(s)] = v
}

// Len returns the number of defined values plus one (for the zero value).
func (t *Table) Len() int { return len(t.codes) }

// Valid reports whether v is a defined, non-zero value.
func (t *Table) Valid(v int) bool { return v > 0 && v < len(t.codes) }

// Code returns the English code of v, or a Go-syntax placeholder for an
// undefined value.
func (t *Table) Code(v int) string {
	if v >= 0 && v < len(t.codes) {
		return t.codes[v]
	}
	return fmt.Sprintf("%s(%d)", t.name, v)
}

// Label returns the Chinese label of v.
func (t *Table) Label(v int) string {
	if v >= 0 && v < len(t.labels) {
		return t.labels[v]
	}
	return t.Code(v)
}

// Parse accepts a code (case-insensitive), a label or an alias, with
// surrounding space trimmed. The error quotes the input.
func (t *Table) Parse(pkg, s string) (int, error) {
	k := strings.TrimSpace(s)
	if v, ok := t.lookup[k]; ok {
		return v, nil
	}
	if v, ok := t.lowered[strings.ToLower(k)]; ok {
		return v, nil
	}
	return 0, fmt.Errorf("%s: Parse%s(%q): unknown %s", pkg, t.name, s, strings.ToLower(t.name))
}

// Marshal encodes v as its code; the zero value encodes as "".
func (t *Table) Marshal(pkg string, v int) ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if !t.Valid(v) {
		return nil, fmt.Errorf("%s: invalid %s %d", pkg, strings.ToLower(t.name), v)
	}
	return []byte(t.codes[v]), nil
}

// Unmarshal decodes a code, label or alias; "" decodes to the zero value.
func (t *Table) Unmarshal(pkg string, b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	return t.Parse(pkg, string(b))
}

// Unknown is the error of [Table.Find] and [Table.Decode]: a spelling the
// table does not know, or a value it does not define. Its text names the
// enum and quotes the input, without a package prefix or a Go function
// name: `unknown kind "x"`.
type Unknown struct {
	// Enum is the enum's name in lower case ("kind").
	Enum string
	// Input is the text as given, or the undefined value in decimal.
	Input string
	// Value is true when Input is an undefined value rather than text.
	Value bool
}

func (e *Unknown) Error() string {
	if e.Value {
		return "undefined " + e.Enum + " " + e.Input
	}
	return "unknown " + e.Enum + " " + strconv.Quote(e.Input)
}

// Find is [Table.Parse] with a plain error: an unknown input gives an
// *[Unknown] (`unknown kind "x"`). Parse keeps its older message.
func (t *Table) Find(s string) (int, error) {
	k := strings.TrimSpace(s)
	if v, ok := t.lookup[k]; ok {
		return v, nil
	}
	if v, ok := t.lowered[strings.ToLower(k)]; ok {
		return v, nil
	}
	return 0, &Unknown{Enum: strings.ToLower(t.name), Input: s}
}

// Encode is [Table.Marshal] with a plain error (an *[Unknown] with Value
// set: "undefined kind 7").
func (t *Table) Encode(v int) ([]byte, error) {
	if v == 0 {
		return []byte{}, nil
	}
	if !t.Valid(v) {
		return nil, &Unknown{Enum: strings.ToLower(t.name), Input: strconv.Itoa(v), Value: true}
	}
	return []byte(t.codes[v]), nil
}

// Decode is [Table.Unmarshal] with the plain error of [Table.Find].
func (t *Table) Decode(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	return t.Find(string(b))
}
