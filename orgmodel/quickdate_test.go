package orgmodel

import (
	"math/rand/v2"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/require"
)

// checkQuickDate: quickDate gives ParseDate's date whenever it answers,
// and answers for every date ParseDate reads.
func checkQuickDate(t *testing.T, s string) {
	want, err := dangjian.ParseDate(s)
	got, ok := quickDate(s)
	require.Equal(t, err == nil, ok, "%q", s)
	if ok {
		require.Equal(t, want, got, "%q", s)
	}
}

func TestQuickDate(t *testing.T) {
	for _, s := range []string{"2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "0001-01-01",
		"9999-12-31", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "2024/01/01",
		"+024-01-01", "2024-01-0a", "", "２０２４-01-01"} {
		checkQuickDate(t, s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		y, m, d := r.IntN(10000), r.IntN(14), r.IntN(33)
		checkQuickDate(t, pad(y, 4)+"-"+pad(m, 2)+"-"+pad(d, 2))
	}
}

func pad(n, width int) string {
	s := ""
	for range width {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func FuzzQuickDate(f *testing.F) {
	f.Add("2024-02-29")
	f.Add("0000-12-31")
	f.Fuzz(checkQuickDate)
}
