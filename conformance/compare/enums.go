package compare

import (
	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// Kind is what is compared: the dues of a roster, the tax withheld from a
// payroll, the totals of an assessment, or the findings on an
// organization tree. Its codes are the -kind values of examples/conform.
type Kind int

// The kinds.
const (
	KindUnknown Kind = iota
	Dues             // dues: a roster; GOT id,dues
	Tax              // tax: a payroll; GOT id,month,withheld
	Assess           // assess: subjects and a scheme; GOT id,total[,grade]
	Org              // org: a tree; GOT id[,rule]
)

var kindTable = enum.New("Kind",
	[]string{"", "dues", "tax", "assess", "org"},
	[]string{"", "党费", "个人所得税", "考核", "组织"}, nil)

// String returns the kind's English code.
func (k Kind) String() string { return kindTable.Code(int(k)) }

// Label returns the kind's Chinese label.
func (k Kind) Label() string { return kindTable.Label(int(k)) }

// IsValid reports whether k is a defined kind.
func (k Kind) IsValid() bool { return kindTable.Valid(int(k)) }

// Kinds returns the defined kinds in order.
func Kinds() []Kind { return []Kind{Dues, Tax, Assess, Org} }

// ParseKind parses a kind's English code (any case) or Chinese label.
func ParseKind(s string) (Kind, error) {
	v, err := kindTable.Parse("compare", s)
	if err != nil {
		return KindUnknown, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "kind", Value: s,
			Detail: "want dues, tax, assess or org (or 党费, 个人所得税, 考核, 组织)"}
	}
	return Kind(v), nil
}

// MarshalText returns the kind's code.
func (k Kind) MarshalText() ([]byte, error) { return kindTable.Marshal("compare", int(k)) }

// UnmarshalText parses a code or a label.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Status says how a row differs.
type Status int

// The statuses.
const (
	StatusUnknown Status = iota
	// Differs: both sides have the row, with different values.
	Differs
	// MissingFromGot: the library computed the row, GOT has no row for it.
	MissingFromGot
	// MissingFromInput: GOT has a row INPUT has no (computable) row for.
	MissingFromInput
)

var statusTable = enum.New("Status",
	[]string{"", "differs", "missing_from_got", "missing_from_input"},
	[]string{"", "不一致", "平台缺行", "输入无此行"}, nil)

// String returns the status's English code.
func (s Status) String() string { return statusTable.Code(int(s)) }

// Label returns the status's Chinese label.
func (s Status) Label() string { return statusTable.Label(int(s)) }

// IsValid reports whether s is a defined status.
func (s Status) IsValid() bool { return statusTable.Valid(int(s)) }

// ParseStatus parses a status's code or label.
func ParseStatus(s string) (Status, error) {
	v, err := statusTable.Parse("compare", s)
	if err != nil {
		return StatusUnknown, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "status", Value: s,
			Detail: "want differs, missing_from_got or missing_from_input"}
	}
	return Status(v), nil
}

// MarshalText returns the status's code.
func (s Status) MarshalText() ([]byte, error) { return statusTable.Marshal("compare", int(s)) }

// UnmarshalText parses a code or a label.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Cause is a likely cause of a difference: a pattern of another system's
// arithmetic that, simulated on the row's input, gives the platform's
// value exactly.
type Cause int

// The causes. Their codes are stable; [Cause.Text] is the English
// description the programs print.
const (
	CauseUnknown Cause = iota
	// FloatBigDecimal: Java's new BigDecimal(base*rate).setScale(2,
	// HALF_UP), the product computed in binary double.
	FloatBigDecimal
	// FloatMathRound: Math.round(base*rate*100)/100.0 in double.
	FloatMathRound
	// RoundUpJiao: the amount rounded up to the 角 (0.10 元).
	RoundUpJiao
	// FloatCeilJiao: Math.ceil(base*rate*10)/10 in double: up to the 角
	// from the double product, which lies a little above or below the
	// exact amount.
	FloatCeilJiao
	// Truncated: the amount cut to the fen, not rounded.
	Truncated
	// HalfEven: the amount rounded half to even (banker's rounding).
	HalfEven
	// BracketEdge: a base at a bracket's bound given the other bracket's
	// rate (以上 and 超过 read the other way).
	BracketEdge
	// WrongBracket: another bracket's rate, away from any bound.
	WrongBracket
	// Rules2008: the 2008 rules (base policy, no cap) where 2017's are in
	// force.
	Rules2008
	// Rules2017: the 2017 rules where 2008's are in force.
	Rules2017
	// GrossBase: the gross pay as the base, not the net base of the rules.
	GrossBase
	// TaxMonthly: tax withheld month by month, not by the cumulative
	// method.
	TaxMonthly
	// TaxFact13Ignored: the 公告2020年第13号 fact (no wage income earlier
	// in the year) not applied.
	TaxFact13Ignored
	// TaxFact19Ignored: the 公告2020年第19号 fact (last year's wages at most
	// 60,000 元 from this employer) not applied.
	TaxFact19Ignored
	// TaxRounding: the tax rounded differently (to the 元, or cut).
	TaxRounding
	// TotalRounding: an assessment total rounded differently (another
	// mode or number of places).
	TotalRounding
	// FloatSum: an assessment total summed in binary double.
	FloatSum
	// FloatMathRoundLong: Math.round(base*rate*100)/100 with an integer
	// divisor: Math.round gives a long, so the division is a long's and
	// keeps whole yuan (5.01 becomes 5).
	FloatMathRoundLong
)

var causeTable = enum.New("Cause",
	[]string{"", "float_bigdecimal_half_up", "float_math_round", "round_up_jiao", "float_ceil_jiao", "truncated", "half_even",
		"bracket_edge", "wrong_bracket", "rules_2008", "rules_2017", "gross_base",
		"tax_monthly", "tax_fact13_ignored", "tax_fact19_ignored", "tax_rounding",
		"total_rounding", "float_sum", "float_math_round_long"},
	[]string{"", "浮点: BigDecimal(double) 四舍五入", "浮点: Math.round", "进位到角", "浮点: Math.ceil 进位到角", "截尾到分", "银行家舍入",
		"档次边界错读(以上/超过)", "档次错误", "误用2008年标准", "误用2017年标准", "以应发工资为基数",
		"按月计税而非累计预扣", "未适用2020年第13号公告", "未适用2020年第19号公告", "税额舍入不同",
		"总分舍入不同", "浮点求和", "浮点: Math.round 整除取整到元"}, nil)

var causeText = [...]string{"",
	"float: BigDecimal(double) HALF_UP",
	"float: Math.round(x*100)/100.0",
	"rounded up to the 角",
	"float: Math.ceil(x*10)/10",
	"truncated to the fen",
	"half-even rounding",
	"bracket bound read the other way (以上/超过)",
	"another bracket's rate",
	"the 2008 table instead of 2017",
	"the 2017 table instead of 2008",
	"gross pay as the base instead of the net base",
	"monthly withholding instead of the cumulative method",
	"the 2020年第13号 fact ignored",
	"the 2020年第19号 fact ignored",
	"tax rounded differently",
	"total rounded differently",
	"float summation",
	"float: Math.round(x*100)/100 (long division: whole yuan)",
}

// String returns the cause's English code.
func (c Cause) String() string { return causeTable.Code(int(c)) }

// Label returns the cause's Chinese label.
func (c Cause) Label() string { return causeTable.Label(int(c)) }

// Text returns the cause's English description ("float: BigDecimal(double)
// HALF_UP"); "" for an unknown cause.
func (c Cause) Text() string {
	if !c.IsValid() {
		return ""
	}
	return causeText[c]
}

// IsValid reports whether c is a defined cause.
func (c Cause) IsValid() bool { return causeTable.Valid(int(c)) }

// ParseCause parses a cause's code or label.
func ParseCause(s string) (Cause, error) {
	v, err := causeTable.Parse("compare", s)
	if err != nil {
		return CauseUnknown, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "cause", Value: s, Detail: "unknown cause"}
	}
	return Cause(v), nil
}

// MarshalText returns the cause's code.
func (c Cause) MarshalText() ([]byte, error) { return causeTable.Marshal("compare", int(c)) }

// UnmarshalText parses a code or a label.
func (c *Cause) UnmarshalText(b []byte) error {
	v, err := ParseCause(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
