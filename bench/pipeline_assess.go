package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// WriteSubjectsJSON writes n Yanji subjects drawn from seed (the draws of
// [CohortGen]) as the JSON array that `examples/assess -input` reads: one
// subject per line, in the shape of assess.Subject (place/yanji's scheme
// reads it). It never holds more than one subject.
func WriteSubjectsJSON(w io.Writer, n int, seed uint64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	g := NewCohortGen(seed)
	var rec Record
	bw.WriteString("[\n")
	for i := 0; i < n; i++ {
		g.Next(&rec)
		sub, err := rec.Subject()
		if err != nil {
			return fmt.Errorf("subject %d: %w", i, err)
		}
		b, err := json.Marshal(sub)
		if err != nil {
			return err
		}
		bw.Write(b)
		if i < n-1 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

// WriteSubjectsFile writes [WriteSubjectsJSON] into the file at path.
func WriteSubjectsFile(path string, n int, seed uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := WriteSubjectsJSON(f, n, seed); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// The floor's plain structs: what a subject holds, with Go's plainest
// types (numbers as json.Number text, so nothing is lost and no float is
// made).
type floorEvent struct {
	Clause string      `json:"clause"`
	Count  int         `json:"count"`
	Level  string      `json:"level"`
	Value  json.Number `json:"value"`
	Case   string      `json:"case"`
}

type floorBallots struct {
	Counts   map[string]int `json:"counts"`
	Issued   int            `json:"issued"`
	Returned int            `json:"returned"`
}

type floorSubject struct {
	ID       string                             `json:"id"`
	Category string                             `json:"category"`
	Values   map[string]json.Number             `json:"values"`
	Fields   map[string]string                  `json:"fields"`
	Checked  map[string][]string                `json:"checked"`
	Events   map[string][]floorEvent            `json:"events"`
	Votes    map[string]map[string]floorBallots `json:"votes"`
	Bonus    map[string]int                     `json:"bonus"`
	Flags    map[string]bool                    `json:"flags"`
}

// FloorDecode is the floor of the assess pipeline: the plainest streaming
// decode of the same file in Go. It reads the array with encoding/json's
// Decoder, Token for the opening '[', then More and Decode for one subject
// at a time into a plain struct (reused), and Token for the closing ']';
// it keeps nothing but a count and the IDs' total length (so the work
// cannot be optimised away). It returns the number of subjects.
func FloorDecode(r io.Reader) (int, error) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	dec.UseNumber()
	t, err := dec.Token()
	if err != nil {
		return 0, err
	}
	if d, ok := t.(json.Delim); !ok || d != '[' {
		return 0, fmt.Errorf("want an array, got %v", t)
	}
	n, idBytes := 0, 0
	for dec.More() {
		var s floorSubject
		if err := dec.Decode(&s); err != nil {
			return n, fmt.Errorf("subject %d: %w", n, err)
		}
		n++
		idBytes += len(s.ID)
	}
	if _, err := dec.Token(); err != nil {
		return n, err
	}
	if idBytes == 0 && n > 0 {
		return n, fmt.Errorf("no subject IDs")
	}
	return n, nil
}
