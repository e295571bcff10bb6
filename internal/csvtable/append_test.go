package csvtable

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// csvWrite is what encoding/csv writes for one record.
func csvWrite(t testing.TB, rec []string) string {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	require.NoError(t, w.Write(rec))
	w.Flush()
	require.NoError(t, w.Error())
	return b.String()
}

// appendRecord writes a record with AppendField.
func appendRecord(rec []string) string {
	var b []byte
	for i, f := range rec {
		if i > 0 {
			b = append(b, ',')
		}
		b = AppendField(b, f)
	}
	return string(append(b, '\n'))
}

func TestAppendFieldIsEncodingCSV(t *testing.T) {
	for _, f := range []string{
		"", "a", "93.52", "-12.50", "DUES-WAGE-3", "张伟", "a,b", `say "hi"`, `"`, "a\nb", "a\r\nb", "\r",
		" lead", "\tlead", "\vx", "\fx", "trail ", `\.`, `\.x`, "\u0085x", "\u00a0x", "\u3000全角", "'=1", "\xff\xfe", "\xc2",
	} {
		t.Run(f, func(t *testing.T) {
			rec := []string{f, "x", f}
			assert.Equal(t, csvWrite(t, rec), appendRecord(rec))
		})
	}
}

func FuzzAppendField(f *testing.F) {
	for _, s := range []string{"", "a,b", `q"q`, " x", "\u00a0", `\.`, "a\r\nb", "\xff"} {
		f.Add(s, "n")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		rec := []string{a, b}
		if got, want := appendRecord(rec), csvWrite(t, rec); got != want {
			t.Fatalf("AppendField wrote %q, encoding/csv %q", got, want)
		}
	})
}
