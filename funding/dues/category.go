package dues

import (
	"github.com/dangjian-go/dangjian/funding/internal/funderr"
	"github.com/dangjian-go/dangjian/internal/enum"
)

// Category is a member's dues category: it decides whether dues are a rate
// of a monthly base (and which scale) or a flat monthly amount.
//
// The zero value is [CategoryUnknown], never valid. Parsing accepts the
// English code ("employed"), the Chinese label ("在职") or an alias ("退休").
type Category uint8

const (
	CategoryUnknown Category = iota // not set
	// Employed members pay a rate of their monthly wage base (规定 第二条).
	Employed
	// Retired members (离退休) pay a rate of their pension base (规定 第五条).
	Retired
	// Farmer members (农民党员) pay a flat 0.20 to 1.00 元 a month (规定 第六条).
	Farmer
	// Student members pay a flat 0.20 元 a month (规定 第六条).
	Student
	// Unemployed members (下岗失业) pay a flat 0.20 元 a month (规定 第六条).
	Unemployed
	// LowIncome members, living on 最低生活保障金, 抚恤 or 救济, pay a flat
	// 0.20 元 a month (规定 第六条).
	LowIncome
	// SelfEmployed members (个体经营者 and others without monthly pay) pay on
	// the previous quarter's average monthly net income (规定 第四条).
	SelfEmployed
	// AnnualSalary members (年薪制) pay on the pay actually received in the
	// month, the performance payout included in its month (规定 第三条).
	AnnualSalary
)

var categoryTable = enum.New("Category",
	[]string{"", "employed", "retired", "farmer", "student", "unemployed", "low_income", "self_employed", "annual_salary"},
	[]string{"", "在职", "离退休", "农民", "学生", "下岗失业", "低保抚恤救济", "个体经营", "年薪制"},
	map[string]int{
		"在职党员": 1, "在职职工": 1,
		"离休": 2, "退休": 2, "离退休干部": 2, "离退休人员": 2,
		"农民党员": 3, "学生党员": 4,
		"下岗": 5, "失业": 5, "下岗失业人员": 5,
		"低保": 6, "抚恤": 6, "救济": 6, "最低生活保障": 6,
		"个体": 7, "个体经营者": 7, "个体户": 7,
		"年薪": 8, "年薪制人员": 8,
	})

// Categories lists every defined category.
func Categories() []Category {
	out := make([]Category, 0, categoryTable.Len()-1)
	for i := 1; i < categoryTable.Len(); i++ {
		out = append(out, Category(i))
	}
	return out
}

// IsFlat reports whether members of category c pay a flat amount.
func (c Category) IsFlat() bool { return c >= Farmer && c <= LowIncome }

// Scale returns the bracket scale the category's base is applied to:
// [WageScale] for employed, self-employed and annual-salary members,
// [PensionScale] for retired ones, and [ScaleUnknown] for flat categories.
func (c Category) Scale() Scale {
	switch c {
	case Employed, SelfEmployed, AnnualSalary:
		return WageScale
	case Retired:
		return PensionScale
	}
	return ScaleUnknown
}

// Scale names a bracket scale.
type Scale uint8

const (
	ScaleUnknown Scale = iota // not set
	WageScale                 // 规定 第二条: 0.5 / 1 / 1.5 / 2 %
	PensionScale              // 规定 第五条: 0.5 / 1 %
)

var scaleTable = enum.New("Scale",
	[]string{"", "wage", "pension"}, []string{"", "工资收入", "离退休费"}, nil)

// String returns the stable English code.
func (v Category) String() string { return categoryTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Category) Label() string { return categoryTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not CategoryUnknown).
func (v Category) IsValid() bool { return categoryTable.Valid(int(v)) }

// ParseCategory accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseCategory(s string) (Category, error) {
	v, err := categoryTable.Parse("funding", s)
	return Category(v), funderr.EnumProblem(err, categoryTable, s, "category")
}

// MarshalText encodes the English code; CategoryUnknown encodes as "".
func (v Category) MarshalText() ([]byte, error) {
	return funderr.EnumText(categoryTable, int(v), "category")
}

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to CategoryUnknown.
func (v *Category) UnmarshalText(b []byte) error {
	x, err := categoryTable.Unmarshal("funding", b)
	if err == nil {
		*v = Category(x)
	}
	return funderr.EnumProblem(err, categoryTable, string(b), "category")
}

// String returns the stable English code.
func (v Scale) String() string { return scaleTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Scale) Label() string { return scaleTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not ScaleUnknown).
func (v Scale) IsValid() bool { return scaleTable.Valid(int(v)) }

// ParseScale accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseScale(s string) (Scale, error) {
	v, err := scaleTable.Parse("funding", s)
	return Scale(v), funderr.EnumProblem(err, scaleTable, s, "scale")
}

// MarshalText encodes the English code; ScaleUnknown encodes as "".
func (v Scale) MarshalText() ([]byte, error) { return funderr.EnumText(scaleTable, int(v), "scale") }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to ScaleUnknown.
func (v *Scale) UnmarshalText(b []byte) error {
	x, err := scaleTable.Unmarshal("funding", b)
	if err == nil {
		*v = Scale(x)
	}
	return funderr.EnumProblem(err, scaleTable, string(b), "scale")
}
