package dues

import (
	"bytes"
	"encoding/csv"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ledgerCellsRef renders a ledger row's cells as strings, the plain way:
// what appendLedgerRow must write once encoding/csv has written them.
func ledgerCellsRef(r LedgerRow, lang dangjian.Lang, text func(string) string) []string {
	flag := func(b bool) string {
		if b {
			return ledgerFlags[lang][1]
		}
		return ledgerFlags[lang][0]
	}
	d := r.Dues
	cat := d.Category.String()
	if lang == dangjian.Chinese {
		cat = d.Category.Label()
	}
	base, rate := "", ""
	if !d.Category.IsFlat() && !d.NotYetDue {
		base, rate = d.Base.String(), d.Rate.String()
	}
	return []string{text(d.Member), text(r.Name), cat, base, rate, d.Amount.String(), d.Rule,
		d.Voluntary.String(), d.Total.String(), flag(d.Capped), flag(d.LumpSum), flag(d.Reduced), flag(d.NotYetDue)}
}

// A ledger row rendered in place is the bytes encoding/csv writes for its
// cells, whatever the text, the amounts (negative, extreme) and the flags.
func TestAppendLedgerRowIsEncodingCSV(t *testing.T) {
	r := rand.New(rand.NewPCG(10, 11))
	texts := []string{"", "M1", "张伟", "a,b", `"q"`, "x\ny", "\r", " lead", "\u00a0nb", "=1+1", "-7", "'@x", `\.`}
	fens := []int64{0, 1, -1, 5, 99, 100, -1250, 623450, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	rates := []string{"0.005", "0.01", "0.015", "0.020", "1"}
	pick := func(n int) int { return r.IntN(n) }
	for i := range 5000 {
		lang := dangjian.Lang(pick(2))
		cw, err := csvtable.NewWriter(io0{}, dangjian.CSVText(pick(2)))
		require.NoError(t, err)
		m := func() funding.Money { return funding.Fen(fens[pick(len(fens))]) }
		row := LedgerRow{Name: texts[pick(len(texts))], Dues: Result{
			Member: texts[pick(len(texts))], Category: Category(1 + pick(8)), Base: m(), Rate: funding.MustParseRate(rates[pick(len(rates))]),
			Amount: m(), Rule: "DUES-WAGE-" + strconv.Itoa(pick(5)), Voluntary: m(), Total: m(),
			Capped: pick(2) == 0, LumpSum: pick(2) == 0, Reduced: pick(2) == 0, NotYetDue: pick(2) == 0,
		}}
		require.True(t, row.Dues.Category.IsValid())
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		require.NoError(t, w.Write(ledgerCellsRef(row, lang, cw.Text)))
		w.Flush()
		lw := &LedgerWriter{}
		got := appendLedgerRow(nil, &row, lang, lw.rate, cw.Text)
		if !assert.Equal(t, want.String(), string(got), "row %d", i) {
			return
		}
	}
}

type io0 struct{}

func (io0) Write(b []byte) (int, error) { return len(b), nil }
