// Command orgchartfloor is the floor of the orgchart pipeline: the
// plainest Go program that does the same file-to-file work without any
// rules. It reads a CSV file with encoding/csv and writes every row out
// again as one JSON object per line, {"<header cell>":"<cell>",...}, the
// keys in the header's order.
//
//	orgchartfloor -in tree.csv -out rows.jsonl
//
// How it was written: fresh, for bench/orgchartpipe, the way a Go
// programmer would stream a CSV file to JSON with the standard library and
// nothing else: csv.Reader with ReuseRecord, a bufio.Writer, the keys
// quoted once with encoding/json and each cell quoted by a small appender
// (", \ and control characters escaped; the input is taken to be UTF-8 and
// not checked). It keeps nothing but the current row: its memory does not
// grow with the file. It validates nothing, so it is a lower bound on any
// pipeline that reads the same rows and writes a JSON line per row.
package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	in := flag.String("in", "", "CSV `file` to read")
	out := flag.String("out", "-", "JSON lines `file` to write (- for standard output)")
	flag.Parse()
	if *in == "" {
		fmt.Fprintln(os.Stderr, "usage: orgchartfloor -in tree.csv [-out rows.jsonl]")
		os.Exit(2)
	}
	n, err := run(*in, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "orgchartfloor:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "%d rows\n", n)
}

// run copies the rows of the CSV file in to out as JSON lines and returns
// how many rows it wrote.
func run(in, out string) (int, error) {
	f, err := os.Open(in)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	var w io.Writer = os.Stdout
	if out != "-" {
		g, err := os.Create(out)
		if err != nil {
			return 0, err
		}
		defer g.Close()
		w = g
	}
	r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		return 0, err
	}
	keys := make([][]byte, len(header))
	for i, h := range header {
		k, _ := json.Marshal(h)
		keys[i] = append(k, ':')
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	var line []byte
	n := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, err
		}
		line = append(line[:0], '{')
		for i, cell := range rec {
			if i > 0 {
				line = append(line, ',')
			}
			line = append(line, keys[i]...)
			line = appendString(line, cell)
		}
		line = append(line, '}', '\n')
		if _, err := bw.Write(line); err != nil {
			return n, err
		}
		n++
	}
	return n, bw.Flush()
}

// appendString appends s to b as a JSON string.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
