package remit

import (
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/shopspring/decimal"
)

// Policy is where an organization's collected dues go: the shares it
// sends up or returns down, in the order they are applied, and the
// rounding of each share. Build one with [NewPolicy] from
// [Rules], or by hand.
//
// A Policy is a value: [Split] never modifies it, and it is safe for
// concurrent use as long as the caller does not change its slice.
type Policy struct {
	// Name identifies the policy ("四川 基层党委").
	Name string `json:"name"`
	// Shares are applied in this order. A share of [LumpToCentre] kind
	// replaces the national lump-sum rule.
	Shares []Share `json:"shares"`
	// Rounding rounds each share once; the zero Rounding means
	// [funding.DefaultRounding] (half-up to the fen). Whatever the rounding leaves
	// or takes goes to the keeper's remainder.
	Rounding funding.Rounding `json:"rounding"`
}

// NewPolicy returns a policy named name made of the shares of
// [Rules] with these IDs, in this order. An unknown ID is an error
// quoting it. Typical policies:
//
//   - a provincial committee answering to the Centre: [RuleCentre];
//   - a 基层党委 in 四川: [RuleSichuan] (the province forwards the
//     Centre's 5 % from what it receives);
//   - a 部门机关党委 in Beijing: [RuleCentralOrgans];
//   - a 铁路 or 民航 organization: [RuleRailAviation];
//   - the dues of a 非公 organization's members in 成都: [RuleReturnChengdu].
func NewPolicy(name string, ids ...string) (Policy, error) {
	return NewPolicyFrom(Rules(), name, ids...)
}

// NewPolicyFrom is [NewPolicy] over another table of shares: [Rules]
// extended with a place's own (place/yanji's RemitRules), or a caller's.
// An ID not in table is an error quoting it.
func NewPolicyFrom(table []Share, name string, ids ...string) (Policy, error) {
	p := Policy{Name: name}
	var errs dangjian.Problems
	for i, id := range ids {
		j := slices.IndexFunc(table, func(s Share) bool { return s.ID == id })
		if j < 0 {
			errs.Add(&dangjian.Problem{Kind: dangjian.ErrUnknownRef, Path: "ids[" + strconv.Itoa(i) + "]", Value: id, Detail: "no share with this ID in the table"})
			continue
		}
		p.Shares = append(p.Shares, table[j])
	}
	if err := errs.Err(); err != nil {
		return Policy{}, err
	}
	return p, nil
}

// Line is one amount that leaves the collecting organization.
type Line struct {
	// To names the recipient; Kind says whether the amount goes up, down,
	// or is a lump sum for the Centre.
	To   string    `json:"to"`
	Kind ShareKind `json:"kind"`
	// Rule is the share's rule ID; Source its citation.
	Rule   string          `json:"rule"`
	Source dangjian.Source `json:"source"`
	// Share is the rate applied to BaseAmount, which is the total
	// collected or the remainder before this line, as Base says (the lump
	// sums for a lump-sum line).
	Share      funding.Rate  `json:"share"`
	Base       ShareBase     `json:"base"`
	BaseAmount funding.Money `json:"baseAmount"`
	// Exact is BaseAmount × Share before rounding; Amount is it rounded
	// once (and, if rounding overshot, capped at what remained).
	Exact  string        `json:"exact"`
	Amount funding.Money `json:"amount"`
	// Due is the date by which the amount is due; zero when the source
	// gives none.
	Due dangjian.Date `json:"due"`
	// Modality is the share's binding force: must for a share to send,
	// may for one the text permits up to its rate (a return).
	Modality dangjian.Modality `json:"modality"`
}

// Result is the flow of one year's dues: the lines that leave and the
// remainder kept. Ordinary dues and lump sums are kept apart: the lines
// other than the lump-sum line plus Remainder equal Collected to the fen,
// and the lump-sum line equals LumpSums.
type Result struct {
	Year   int    `json:"year"`
	Policy string `json:"policy"`
	// Collected is the year's ordinary dues actually collected (实交党费);
	// LumpSums the voluntary lump sums of 1000 元 or more.
	Collected funding.Money `json:"collected"`
	LumpSums  funding.Money `json:"lumpSums"`
	Lines     []Line        `json:"lines"`
	// Remainder is what the collecting organization keeps, including any
	// rounding residue of the lines.
	Remainder funding.Money    `json:"remainder"`
	Rounding  funding.Rounding `json:"rounding"`
	Trace     []funding.Step   `json:"trace"`
}

// Split splits a year's collected dues by policy. The shares in force on 31
// December of year are applied in the policy's order, each to its base (the
// total collected, or what remains after the shares before it), rounded
// once with the policy's rounding; the collecting organization keeps the
// remainder, which absorbs the rounding residue so that the lines plus the
// remainder equal collected to the fen (the trace says how much the
// residue was). A due month gives the last day of that month of year+1: the
// Centre's 5 % is due on 30 April of the next year (规定 第十五条).
//
// lumpSums, the voluntary lump sums of 1000 元 or more (规定 第十一条), are
// not shared: they go entirely to the Centre in a line of their own, and
// are not part of the base of any share.
//
// Split reports every problem of its input, naming the field: negative
// amounts; lump sums between 0 and 1000 元; a year out of range; shares
// with a bad kind, rate (outside 0..100 %), base or due month; a policy
// whose shares take more than 100 % (checked exactly, before rounding); a
// topic with no share, or several, in force in the year.
//
// Split is safe for concurrent use.
func Split(collected funding.Money, lumpSums funding.Money, policy Policy, year int) (Result, error) {
	f := &funderr.Errs{}
	f.Year("year", year)
	f.NonNegative("collected", collected)
	f.NonNegative("lumpSums", lumpSums)
	if lumpSums.Cmp(funding.Fen(0)) > 0 && lumpSums.Cmp(funding.Fen(100000)) < 0 {
		f.Add("lumpSums", lumpSums.String(), ErrLumpSumTooSmall, "")
	}
	rnd := funderr.RoundingOrDefault(policy.Rounding)
	f.Rounding("policy.rounding", rnd)
	topicOf := func(s Share) string {
		if s.Topic == "" {
			return "id:" + s.ID
		}
		return s.Topic
	}
	if err := dangjian.CheckRules(policy.Shares, topicOf); err != nil {
		f.Add("policy.shares", strconv.Itoa(len(policy.Shares))+" shares", funding.ErrBadPolicy, err.Error())
	}
	one := funding.MustParseRate("1")
	for i, s := range policy.Shares {
		p := "policy.shares[" + strconv.Itoa(i) + "]"
		if !s.Kind.IsValid() {
			f.Add(p+".kind", s.Kind.String(), funding.ErrBadPolicy, "unknown share kind")
		}
		if s.To == "" {
			f.Add(p+".to", "", funding.ErrBadPolicy, "no recipient")
		}
		if s.Rate.Decimal().Sign() < 0 || s.Rate.Cmp(one) > 0 {
			f.Add(p+".rate", s.Rate.String(), funding.ErrRateOutOfRange, "want 0 to 100%")
		}
		if !s.Base.IsValid() {
			f.Add(p+".base", s.Base.String(), funding.ErrBadPolicy, "unknown base")
		}
		if s.Modality != dangjian.ModalityUnknown && !s.Modality.IsValid() {
			f.Add(p+".modality", s.Modality.String(), funding.ErrBadPolicy, "unknown modality")
		}
		if s.DueMonth < 0 || s.DueMonth > 12 {
			f.Add(p+".dueMonth", strconv.Itoa(s.DueMonth), funding.ErrBadPolicy, "want 1..12, or 0 for none")
		}
		if s.Kind == LumpToCentre && (!s.Rate.Equal(one) || s.Base != OfTotal) {
			f.Add(p+".rate", s.Rate.String(), funding.ErrBadPolicy, "a lump-sum share takes 100% of the lump sums")
		}
	}
	if err := f.Err(); err != nil {
		return Result{}, err
	}

	// The shares in force, one per topic, in the policy's order.
	on := funderr.YearEnd(year)
	type chosen struct {
		i int
		s Share
	}
	var shares []chosen
	var lump *Share
	seen := map[string]bool{}
	for i, s := range policy.Shares {
		t := topicOf(s)
		if seen[t] {
			continue
		}
		seen[t] = true
		var in []chosen
		for j, x := range dangjian.EachInForce(policy.Shares, on, func(x Share) bool { return topicOf(x) == t }) {
			in = append(in, chosen{j, x})
		}
		if len(in) != 1 {
			f.Add("policy.shares["+strconv.Itoa(i)+"]", s.ID, dangjian.ErrNoRule,
				fmt.Sprintf("%d shares of topic %q in force on %s; want exactly 1", len(in), s.Topic, on))
			continue
		}
		if in[0].s.Kind == LumpToCentre {
			if lump != nil {
				f.Add("policy.shares["+strconv.Itoa(in[0].i)+"]", in[0].s.ID, funding.ErrBadPolicy, "a second lump-sum share")
			}
			l := in[0].s
			lump = &l
			continue
		}
		shares = append(shares, in[0])
	}
	slices.SortStableFunc(shares, func(a, b chosen) int { return a.i - b.i })
	if lump == nil && !lumpSums.IsZero() {
		if l, ok := dangjian.InForce(Rules(), on, func(s Share) bool { return s.Kind == LumpToCentre }); ok {
			lump = &l
		}
		if lump == nil {
			f.Add("lumpSums", lumpSums.String(), dangjian.ErrNoRule, "no lump-sum rule in force on "+on.String())
		}
	}

	// Exact check that the shares never take more than there is: the
	// fraction of the total left after each share stays at or above 0.
	left := decimal.NewFromInt(1)
	for _, c := range shares {
		if c.s.Base == OfTotal {
			left = left.Sub(c.s.Rate.Decimal())
		} else {
			left = left.Mul(decimal.NewFromInt(1).Sub(c.s.Rate.Decimal()))
		}
		if left.Sign() < 0 {
			f.Add("policy.shares["+strconv.Itoa(c.i)+"]", c.s.ID, ErrOverdrawn,
				fmt.Sprintf("after this share %s of the total is left", left.Shift(2).String()+"%"))
			break
		}
	}
	if err := f.Err(); err != nil {
		return Result{}, err
	}

	res := Result{Year: year, Policy: policy.Name, Collected: collected, LumpSums: lumpSums, Rounding: rnd}
	res.Trace = append(res.Trace, funding.Step{What: "on", Value: on.String(), Note: "shares in force on 31 December of the collection year"})
	remaining := collected
	exactKept := collected.Decimal()
	residue := decimal.Zero
	for _, c := range shares {
		s := c.s
		base := collected
		if s.Base == OfRemainder {
			base = remaining
		}
		exact := base.Decimal().Mul(s.Rate.Decimal())
		amt, err := rnd.Money(exact)
		if err != nil {
			return Result{}, funderr.Problem("policy.shares["+strconv.Itoa(c.i)+"]", s.ID, err, "")
		}
		step := funding.Step{What: "lines[" + strconv.Itoa(len(res.Lines)) + "]", Rule: s.ID, Formula: "base × share",
			Inputs: map[string]string{"base": base.String(), "baseKind": s.Base.String(), "share": s.Rate.String()},
			Exact:  exact.String(), Rounding: funderr.PtrRounding(rnd)}
		if s.Binding() == dangjian.May {
			step.Note = "permitted, not required: the text allows up to " + s.Rate.String() + " of the base; a place returning less sets a smaller rate"
		}
		if amt.Cmp(remaining) > 0 {
			step.Note = fmt.Sprintf("rounded %s exceeds the %s that remains; capped, the difference is rounding residue", amt, remaining)
			amt = remaining
		}
		step.Value = amt.String()
		remaining, _ = remaining.Sub(amt) // 0 ≤ amt ≤ remaining: no overflow
		exactKept = exactKept.Sub(exact)
		residue = residue.Add(exact.Sub(amt.Decimal()))
		res.Lines = append(res.Lines, Line{
			To: s.To, Kind: s.Kind, Rule: s.ID, Source: s.Source, Share: s.Rate, Base: s.Base, BaseAmount: base,
			Exact: exact.String(), Amount: amt, Due: dueDate(year, s.DueMonth), Modality: s.Binding(),
		})
		res.Trace = append(res.Trace, step)
	}
	res.Remainder = remaining
	res.Trace = append(res.Trace, funding.Step{What: "remainder", Formula: "collected − Σ lines",
		Inputs: map[string]string{"collected": collected.String()},
		Exact:  exactKept.String(), Value: remaining.String(),
		Note: "kept by the collecting organization; it absorbs the rounding residue of the lines (" + residue.String() + " 元)"})
	if lump != nil {
		res.Lines = append(res.Lines, Line{
			To: lump.To, Kind: LumpToCentre, Rule: lump.ID, Source: lump.Source, Share: lump.Rate, Base: OfTotal,
			BaseAmount: lumpSums, Exact: lumpSums.Decimal().String(), Amount: lumpSums, Due: dueDate(year, lump.DueMonth),
			Modality: lump.Binding(),
		})
		res.Trace = append(res.Trace, funding.Step{What: "lines[" + strconv.Itoa(len(res.Lines)-1) + "]", Rule: lump.ID, Formula: "lumpSums",
			Inputs: map[string]string{"lumpSums": lumpSums.String()}, Value: lumpSums.String(),
			Note: "voluntary lump sums of 1000 元 or more go entirely to the Centre, apart from the branch dues"})
	}
	return res, nil
}

// dueDate returns the last day of month m of year+1, or the zero Date for
// m == 0.
func dueDate(year, m int) dangjian.Date {
	if m == 0 {
		return dangjian.Date{}
	}
	return dangjian.NewDate(year+1, time.Month(m+1), 0)
}
