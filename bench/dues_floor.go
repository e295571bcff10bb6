package bench

// The floor of the dues pipeline: the plainest Go program that does the
// same file-to-file work as examples/dues on a roster of the shape
// GenerateDuesRoster writes.
//
// How this was written: fresh, from the 2017 rules as the library's
// documentation states them (wage scale 0.5 % up to 3000 元, 1 % up to
// 5000, 1.5 % up to 10000, 2 % above; pension scale 0.5 % up to 5000, 1 %
// above; the whole base times the bracket's rate, rounded half up to the
// fen; a cap of 1000 元; 0.20 元 for the flat categories; a voluntary
// payment of 1000 元 or more is a lump sum), with only the standard
// library: encoding/csv reads a row at a time, the base is parsed into
// int64 fen by hand, the rate is an integer per mille, and the ledger is written through encoding/csv in the
// columns of dues.WriteLedger. It handles no other column, no error beyond
// stopping, no payslip, no average, no probationary member, no reduction:
// it is the cost of reading, computing and writing, nothing else.
// TestDuesFloorEqualsLibrary checks it writes the library's bytes.

import (
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
)

// DuesFloor reads a roster (id,name,category,base,voluntary; amounts in
// yuan with two decimals) from in and writes the June 2024 ledger to out.
func DuesFloor(in io.Reader, out io.Writer) error {
	r := csv.NewReader(in)
	r.ReuseRecord = true
	w := csv.NewWriter(out)
	if _, err := r.Read(); err != nil { // the header
		return err
	}
	if err := w.Write([]string{"id", "name", "category", "base", "rate", "dues", "rule", "voluntary", "total", "capped", "lump_sum", "reduced", "not_yet_due"}); err != nil {
		return err
	}
	rec := make([]string, 13)
	for {
		row, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if len(row) != 5 {
			return errors.New("want 5 columns")
		}
		base, err := floorFen(row[3])
		if err != nil {
			return err
		}
		vol, err := floorFen(row[4])
		if err != nil {
			return err
		}
		var dues, permille int64
		var rate, rule, baseText string
		capped := false
		switch row[2] {
		case "employed", "self_employed", "annual_salary":
			switch {
			case base <= 300000:
				permille, rate, rule = 5, "0.005", "DUES-WAGE-1"
			case base <= 500000:
				permille, rate, rule = 10, "0.01", "DUES-WAGE-2"
			case base <= 1000000:
				permille, rate, rule = 15, "0.015", "DUES-WAGE-3"
			default:
				permille, rate, rule = 20, "0.02", "DUES-WAGE-4"
			}
		case "retired":
			if base <= 500000 {
				permille, rate, rule = 5, "0.005", "DUES-PENSION-1"
			} else {
				permille, rate, rule = 10, "0.01", "DUES-PENSION-2"
			}
		case "farmer":
			dues, rule = 20, "DUES-FLAT-FARMER"
		case "student", "unemployed", "low_income":
			dues, rule = 20, "DUES-FLAT-020"
		default:
			return errors.New("unknown category " + row[2])
		}
		if permille > 0 {
			dues = (base*permille + 500) / 1000 // half up: the product is never negative
			baseText = floorYuan(base)
			if dues > 100000 {
				dues, rule, capped = 100000, "DUES-CAP-1000", true
			}
		}
		rec = append(rec[:0], row[0], row[1], row[2], baseText, rate, floorYuan(dues), rule,
			floorYuan(vol), floorYuan(dues+vol), strconv.FormatBool(capped), strconv.FormatBool(vol >= 100000), "false", "false")
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// floorFen parses "123.45" (or "") into fen.
func floorFen(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	yuan, fen, ok := strings.Cut(s, ".")
	if !ok || len(fen) != 2 {
		return 0, errors.New("want two decimals: " + s)
	}
	y, err := strconv.ParseInt(yuan, 10, 64)
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseInt(fen, 10, 64)
	if err != nil {
		return 0, err
	}
	return y*100 + f, nil
}

// floorYuan writes fen as "123.45".
func floorYuan(fen int64) string {
	f := fen % 100
	if f < 10 {
		return strconv.FormatInt(fen/100, 10) + ".0" + strconv.FormatInt(f, 10)
	}
	return strconv.FormatInt(fen/100, 10) + "." + strconv.FormatInt(f, 10)
}
