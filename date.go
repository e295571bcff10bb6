package dangjian

import (
	"fmt"
	"time"
)

// Date is a civil date (year, month, day) with no time of day and no time
// zone: the dates of rules, elections and payments. It is a comparable,
// immutable value; use it as a map key or compare it with ==, Before and
// After.
//
// The zero Date is "not set": [Date.IsZero] reports it, it is before every
// other date, and it encodes as the empty string.
type Date struct {
	ymd int32 // year*10000 + month*100 + day; 0 when not set
}

// NewDate returns the date y-m-d. Out-of-range days normalise as in
// [time.Date] (2023-02-29 is 2023-03-01). Years outside 1..9999 are clamped.
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return DateOf(t)
}

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	if y < 1 {
		y, m, d = 1, 1, 1
	}
	if y > 9999 {
		y, m, d = 9999, 12, 31
	}
	return Date{int32(y*10000 + int(m)*100 + d)}
}

// MustParseDate is like [ParseDate] but panics on error. It is meant for
// tests and static rule tables with hard-coded dates.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// ParseDate parses "2006-01-02". The empty string is an error; callers that
// allow a missing date check for it first.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("dangjian: ParseDate(%q): want YYYY-MM-DD", s)
	}
	// The fast path: a valid date, read digit by digit (a reader of 200
	// million meeting rows parses as many dates). Anything else goes
	// through time.Parse for the error.
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	if okY && okM && okD && y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, time.Month(m)) {
		return Date{int32(y*10000 + m*100 + d)}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("dangjian: ParseDate(%q): not a calendar date", s)
	}
	if t.Year() < 1 {
		return Date{}, fmt.Errorf("dangjian: ParseDate(%q): year out of range", s)
	}
	return DateOf(t), nil
}

// Year, Month and Day return the date's parts (0 for the zero Date).
func (d Date) Year() int          { return int(d.ymd / 10000) }
func (d Date) Month() time.Month  { return time.Month(d.ymd / 100 % 100) }
func (d Date) Day() int           { return int(d.ymd % 100) }
func (d Date) IsZero() bool       { return d.ymd == 0 }
func (d Date) Before(e Date) bool { return d.ymd < e.ymd }
func (d Date) After(e Date) bool  { return d.ymd > e.ymd }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.ymd < e.ymd:
		return -1
	case d.ymd > e.ymd:
		return 1
	}
	return 0
}

// Time returns midnight UTC of d. The zero Date gives the zero time.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddYears returns the same day n years later (earlier for negative n).
// A 29 February that does not exist in the target year becomes 28 February,
// so a term elected on 2020-02-29 for 5 years is due on 2025-02-28.
// The zero Date stays zero.
func (d Date) AddYears(n int) Date {
	if d.IsZero() {
		return d
	}
	y, m, day := d.Year()+n, d.Month(), d.Day()
	if m == time.February && day == 29 && !isLeap(y) {
		day = 28
	}
	return NewDate(y, m, day)
}

// AddMonths returns the same day n months later, clamped to the end of the
// target month (2024-01-31 plus one month is 2024-02-29).
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	total := d.Year()*12 + int(d.Month()) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	day := d.Day()
	if last := daysIn(y, m); day > last {
		day = last
	}
	return NewDate(y, m, day)
}

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return DateOf(d.Time().AddDate(0, 0, n))
}

// String returns "2006-01-02", or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.Year(), int(d.Month()), d.Day()
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + day/10), byte('0' + day%10)}
	return string(b[:])
}

// MarshalText encodes "2006-01-02"; the zero Date encodes as "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes "2006-01-02"; "" decodes to the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func daysIn(y int, m time.Month) int {
	if m == time.February && isLeap(y) {
		return 29
	}
	return monthDays[m]
}

// digits returns the value of s, all ASCII digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
