package dangjian_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{in: "2017-01-01", want: "2017-01-01"},
		{in: "2024-02-29", want: "2024-02-29"},
		{in: "2023-02-29", wantErr: `dangjian: ParseDate("2023-02-29"): not a calendar date`},
		{in: "2017-1-1", wantErr: `dangjian: ParseDate("2017-1-1"): want YYYY-MM-DD`},
		{in: "", wantErr: `dangjian: ParseDate(""): want YYYY-MM-DD`},
		{in: "0000-01-01", wantErr: `dangjian: ParseDate("0000-01-01"): year out of range`},
		{in: "2017/01/01", wantErr: `dangjian: ParseDate("2017/01/01"): want YYYY-MM-DD`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := dangjian.ParseDate(tt.in)
			if tt.wantErr != "" {
				require.EqualError(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, d.String())
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	d := dangjian.MustParseDate
	tests := []struct {
		name string
		got  dangjian.Date
		want string
	}{
		{"leap day plus 5 years is 28 February", d("2020-02-29").AddYears(5), "2025-02-28"},
		{"leap day plus 4 years stays", d("2020-02-29").AddYears(4), "2024-02-29"},
		{"plain years", d("2021-06-30").AddYears(3), "2024-06-30"},
		{"negative years", d("2021-06-30").AddYears(-1), "2020-06-30"},
		{"month end clamps", d("2024-01-31").AddMonths(1), "2024-02-29"},
		{"months across a year", d("2024-11-15").AddMonths(3), "2025-02-15"},
		{"negative months", d("2024-03-31").AddMonths(-1), "2024-02-29"},
		{"days", d("2024-12-31").AddDays(1), "2025-01-01"},
		{"zero stays zero", dangjian.Date{}.AddYears(3), ""},
		{"NewDate normalises", dangjian.NewDate(2023, time.February, 29), "2023-03-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.got.String())
		})
	}
}

func TestDateCompareAndJSON(t *testing.T) {
	a, b := dangjian.MustParseDate("2017-12-31"), dangjian.MustParseDate("2018-01-01")
	assert.True(t, a.Before(b))
	assert.True(t, b.After(a))
	assert.Equal(t, -1, a.Compare(b))
	assert.Equal(t, 0, a.Compare(a))
	assert.True(t, dangjian.Date{}.Before(a), "the zero date is before every date")

	type rec struct {
		D dangjian.Date `json:"d"`
		Z dangjian.Date `json:"z"`
	}
	out, err := json.Marshal(rec{D: a})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2017-12-31","z":""}`, string(out))
	var back rec
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, a, back.D)
	assert.True(t, back.Z.IsZero())
	require.Error(t, json.Unmarshal([]byte(`{"d":"2017-13-01"}`), &back))
	assert.Equal(t, time.Date(2017, 12, 31, 0, 0, 0, 0, time.UTC), a.Time())
}

func TestPeriod(t *testing.T) {
	d := dangjian.MustParseDate
	p := dangjian.Period{From: d("2017-01-01"), To: d("2018-07-01")}
	tests := []struct {
		name string
		date string
		want bool
	}{
		{"before", "2016-12-31", false},
		{"first day", "2017-01-01", true},
		{"inside", "2018-01-01", true},
		{"last day", "2018-06-30", true},
		{"end is exclusive", "2018-07-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, p.Contains(d(tt.date)))
		})
	}
	assert.True(t, dangjian.Period{}.Contains(d("1921-07-01")), "the zero period covers every date")
	assert.False(t, p.Overlaps(dangjian.Period{From: d("2018-07-01")}), "adjacent windows do not overlap")
	assert.True(t, p.Overlaps(dangjian.Period{From: d("2018-06-30")}))
	assert.True(t, p.Overlaps(dangjian.Period{}))
	assert.False(t, dangjian.Period{To: d("2017-01-01")}.Overlaps(p))
	require.Error(t, dangjian.Period{From: d("2018-01-01"), To: d("2018-01-01")}.Validate())
	assert.Equal(t, "[2017-01-01, 2018-07-01)", p.String())
	assert.Equal(t, "[…, …)", dangjian.Period{}.String())
}

// TestParseDateFastPath: the digit-by-digit path agrees with time.Parse on
// every day of 1899–2101 and on near misses; String round-trips.
func TestParseDateFastPath(t *testing.T) {
	for d := time.Date(1899, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2102; d = d.AddDate(0, 0, 1) {
		s := d.Format(time.DateOnly)
		got, err := dangjian.ParseDate(s)
		require.NoError(t, err, s)
		require.Equal(t, dangjian.DateOf(d), got, s)
		require.Equal(t, s, got.String())
	}
	for _, s := range []string{"2023-02-29", "2024-02-30", "2024-13-01", "2024-00-10", "2024-01-00", "0000-01-01",
		"2024-1a-01", "+024-01-01", "2024-04-31", "1900-02-29"} {
		_, err := dangjian.ParseDate(s)
		_, terr := time.Parse(time.DateOnly, s)
		require.Error(t, err, s)
		_ = terr
	}
	for _, s := range []string{"0001-01-01", "9999-12-31", "2000-02-29"} {
		d, err := dangjian.ParseDate(s)
		require.NoError(t, err, s)
		require.Equal(t, s, d.String())
	}
}
