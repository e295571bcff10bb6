package dues

import (
	"fmt"
	"strconv"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
)

// Payment is one month of a member's dues ledger: what was due for the
// month, what was paid, and when.
type Payment struct {
	Month dangjian.Date `json:"month"` // any day of the month the dues are for
	Due   funding.Money `json:"due"`
	Paid  funding.Money `json:"paid"`
	On    dangjian.Date `json:"on,omitempty"` // when it was paid; zero: unpaid
}

// ArrearsFinding is the former finding type of [Rules.Arrears].
//
// Deprecated: Arrears returns [dangjian.Finding]: Month is now On, Months
// is Value (decimal text) and Modality is Severity.
type ArrearsFinding = dangjian.Finding

// Arrears checks a member's ledger as of asOf:
//
//   - back pay: dues paid more than Provisions.BackPay.N months (6) after
//     the month they are for (规定 第十二条: "补交党费的时间一般不得超过6个月";
//     modality 一般);
//   - lapse: Provisions.Lapse.N (6) or more consecutive months with dues due
//     and nothing paid by asOf (规定 第十三条). The rule applies to members
//     who do not pay "without a proper reason": the finding flags the run for
//     the branch, which judges the reason.
//
// The ledger must list months in order, each once; a month with nothing
// due (a probationary member not yet due, an exemption) breaks no run.
//
// Each finding is a [dangjian.Finding]: Rule (DUES-BACK-PAY-6 or
// DUES-LAPSE-6), Severity (a warning for back pay, a "一般" rule; an error
// for a lapse), Subject (member, the caller's ID of the member; "" when not
// given), Field (the ledger entry, "ledger[3]"), On (the month the finding
// is about: the month paid late, or the last month of the unpaid run),
// Value (how many months late, or how many months unpaid, as decimal text),
// Message and Source. Problems of the ledger carry member as their ID.
func (rs Rules) Arrears(member string, ledger []Payment, asOf dangjian.Date) ([]dangjian.Finding, error) {
	var errs dangjian.Problems
	for i, p := range ledger {
		at := "ledger[" + strconv.Itoa(i) + "]"
		if p.Month.IsZero() {
			errs.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: at + ".month", Err: ErrBadLedger})
			continue
		}
		if i > 0 && !ledger[i-1].Month.IsZero() && monthIndex(p.Month) <= monthIndex(ledger[i-1].Month) {
			errs.Add(&dangjian.Problem{Kind: ErrBadLedger, Path: at + ".month", Value: p.Month.String(),
				Detail: "not after the month before it (" + ledger[i-1].Month.String() + ")"})
		}
		if p.Due.IsNegative() {
			errs.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, Path: at + ".due", Value: p.Due.String(), Err: ErrBadLedger})
		}
		if p.Paid.IsNegative() {
			errs.Add(&dangjian.Problem{Kind: dangjian.ErrNegative, Path: at + ".paid", Value: p.Paid.String(), Err: ErrBadLedger})
		}
		if !p.Paid.IsZero() && p.On.IsZero() {
			errs.Add(&dangjian.Problem{Kind: dangjian.ErrMissing, Path: at + ".on", Value: p.Paid.String(),
				Detail: "a payment has no date", Err: ErrBadLedger})
		}
	}
	for _, p := range errs {
		p.ID = member
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	var out []dangjian.Finding
	back, lapse := rs.Provisions.BackPay, rs.Provisions.Lapse
	run, runEnd, runAt := 0, dangjian.Date{}, 0
	flush := func() {
		if run >= int(lapse.N) {
			out = append(out, dangjian.Finding{Rule: lapse.ID, Severity: dangjian.SeverityOf(dangjian.Must), Subject: member,
				Field: "ledger[" + strconv.Itoa(runAt) + "]", On: runEnd, Value: strconv.Itoa(run), Source: lapse.Source,
				Message: fmt.Sprintf("%d consecutive months unpaid up to %s: 按自行脱党处理 unless the branch finds a proper reason", run, monthString(runEnd))})
		}
		run = 0
	}
	for i, p := range ledger {
		if monthIndex(p.Month) > monthIndex(asOf) {
			break // not yet due
		}
		paid := !p.Paid.IsZero() && !p.On.After(asOf)
		if paid {
			if late := monthIndex(p.On) - monthIndex(p.Month); late > int(back.N) {
				out = append(out, dangjian.Finding{Rule: back.ID, Severity: dangjian.SeverityOf(dangjian.Usually), Subject: member,
					Field: "ledger[" + strconv.Itoa(i) + "]", On: p.Month, Value: strconv.Itoa(late), Source: back.Source,
					Message: fmt.Sprintf("the dues for %s were paid on %s, %d months later; back pay is normally at most %d months", monthString(p.Month), p.On, late, back.N)})
			}
		}
		switch {
		case p.Due.IsZero():
			flush()
		case paid:
			flush()
		default:
			run++
			runEnd, runAt = ledger[i].Month, i
		}
	}
	flush()
	return out, nil
}

func monthIndex(d dangjian.Date) int { return d.Year()*12 + int(d.Month()) - 1 }

func monthString(d dangjian.Date) string { return d.String()[:7] }
