package dues_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding"
	"github.com/dangjian-go/dangjian/funding/dues"
)

func ExampleReadRoster() {
	// A branch's month in Chinese: a base, a payslip, a quarter's incomes
	// and a farmer's amount. The last row has a grouping comma.
	const roster = "编号,姓名,党员类别,计算基数,单位类型,岗位工资,薪级工资,基础性绩效工资,个人所得税,养老保险,上季度月收入,定额\n" +
		"01,张伟,在职,4800,,,,,,,,\n" +
		"02,李娜,在职,,事业单位,2800,1500,2000,120.50,560,,\n" +
		"03,刘洋,个体经营,,,,,,,,4200|3900|4651,\n" +
		"04,王芳,农民,,,,,,,,,0.50\n" +
		"05,陈静,离退休,\"3,000.00\",,,,,,,,\n"
	rows, err := dues.ReadRoster(strings.NewReader(roster))
	for _, e := range dangjian.ProblemsOf(err) {
		fmt.Println(e.Line, e.Column, e.Path, e.ID, e.Value, errors.Is(e, dangjian.ErrInvalid))
		fmt.Println(e)
	}
	rules := dues.Rules2017()
	for _, r := range rows {
		d, err := rules.Monthly(r.Member, dangjian.MustParseDate("2024-06-01"))
		if err != nil {
			fmt.Println(r.Line, err)
			continue
		}
		fmt.Println(r.Line, r.Member.Name, d.Category.Label(), d.Base, d.Amount, d.Rule)
	}
	// Output:
	// 6 4 计算基数 05 3,000.00 true
	// line 6, column 4: 计算基数 (id "05"): invalid value: grouping commas are not accepted: write 3000.00, not 3,000.00 ("3,000.00")
	// 2 张伟 在职 4800.00 48.00 DUES-WAGE-2
	// 3 李娜 在职 5619.50 84.29 DUES-WAGE-3
	// 4 刘洋 个体经营 4250.33 42.50 DUES-WAGE-2
	// 5 王芳 农民 0.00 0.50 DUES-FLAT-FARMER
}

func ExampleWriteLedger() {
	rules := dues.Rules2017()
	month := dangjian.MustParseDate("2024-06-01")
	members := []dues.Member{
		{ID: "01", Name: "张伟", Category: dues.Employed, Base: funding.MustParseMoney("6234.50")},
		{ID: "02", Name: "赵强", Category: dues.AnnualSalary, Base: funding.MustParseMoney("86000"), Voluntary: funding.MustParseMoney("1000")},
		{ID: "03", Name: "王芳", Category: dues.Farmer},
	}
	var rows []dues.LedgerRow
	for _, m := range members {
		d, err := rules.Monthly(m, month)
		if err != nil {
			fmt.Println(err)
			return
		}
		rows = append(rows, dues.LedgerRow{Name: m.Name, Dues: d})
	}
	for _, lang := range []funding.Lang{funding.English, funding.Chinese} {
		if err := dues.WriteLedger(os.Stdout, rows, lang); err != nil {
			fmt.Println(err)
		}
	}
	// Output:
	// id,name,category,base,rate,dues,rule,voluntary,total,capped,lump_sum,reduced,not_yet_due
	// 01,张伟,employed,6234.50,0.015,93.52,DUES-WAGE-3,0.00,93.52,false,false,false,false
	// 02,赵强,annual_salary,86000.00,0.02,1000.00,DUES-CAP-1000,1000.00,2000.00,true,true,false,false
	// 03,王芳,farmer,,,0.20,DUES-FLAT-FARMER,0.00,0.20,false,false,false,false
	// 编号,姓名,党员类别,计算基数,比例,党费,规则,自愿多交,合计,封顶,大额党费,少交免交,尚未起交
	// 01,张伟,在职,6234.50,0.015,93.52,DUES-WAGE-3,0.00,93.52,否,否,否,否
	// 02,赵强,年薪制,86000.00,0.02,1000.00,DUES-CAP-1000,1000.00,2000.00,是,是,否,否
	// 03,王芳,农民,,,0.20,DUES-FLAT-FARMER,0.00,0.20,否,否,否,否
}

func ExampleSummarize() {
	rules := dues.Rules2017()
	month := dangjian.MustParseDate("2024-06-01")
	var results []dues.Result
	for _, m := range []dues.Member{
		{ID: "01", Category: dues.Employed, Base: funding.MustParseMoney("6234.50"), Voluntary: funding.MustParseMoney("50")},
		{ID: "02", Category: dues.AnnualSalary, Base: funding.MustParseMoney("86000"), Voluntary: funding.MustParseMoney("1000")},
		{ID: "03", Category: dues.Farmer, FlatAmount: funding.MustParseMoney("0.50")},
		{ID: "04", Category: dues.Employed, Base: funding.MustParseMoney("3000"), ProbationarySince: dangjian.MustParseDate("2024-07-05")},
	} {
		d, err := rules.Monthly(m, month)
		if err != nil {
			fmt.Println(err)
			return
		}
		results = append(results, d)
	}
	s, err := dues.Summarize(results)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range s.Categories {
		fmt.Println(c.Category, c.Members, c.Dues, c.Voluntary)
	}
	fmt.Println("dues", s.Dues, "voluntary", s.Voluntary, "total", s.Total)
	fmt.Println("to the Centre", s.LumpSum, s.LumpSumMembers, "ordinary", s.Ordinary)
	fmt.Println("capped", s.Capped, "not yet due", s.NotYetDue)
	// Output:
	// employed 2 93.52 50.00
	// farmer 1 0.50 0.00
	// annual_salary 1 1000.00 1000.00
	// dues 1094.02 voluntary 1050.00 total 2144.02
	// to the Centre 1000.00 [02] ordinary 1144.02
	// capped [02] not yet due [04]
}

func ExampleDecodeRosterJSON() {
	// An array of members: amounts as strings or numbers, categories by
	// code or label. The second member has a bad base and an unknown field;
	// the others are read all the same.
	const roster = `[
  {"id": "01", "name": "张伟", "category": "在职", "base": 4800},
  {"id": "02", "name": "李娜", "category": "employed", "base": "3,000.00", "colour": "red"},
  {"id": "03", "name": "王芳", "category": "farmer", "flatAmount": "0.50"}
]`
	rows, err := dues.DecodeRosterJSON(strings.NewReader(roster))
	for _, p := range dangjian.ProblemsOf(err) {
		fmt.Println(p.Code(), p)
	}
	for _, r := range rows {
		d, err := dues.Rules2017().Monthly(r.Member, dangjian.MustParseDate("2024-06-01"))
		fmt.Println(r.Line, r.Member.ID, d.Amount, d.Rule, err)
	}
	// Output:
	// invalid line 3, column 62: [1].base (id "02"): invalid value: grouping commas are not accepted: write 3000.00, not 3,000.00 ("3,000.00")
	// unknown_field line 3, column 84: [1].colour (id "02"): unknown field: want id, name, category, base, months, payslip, flatAmount, probationarySince, reduction, voluntary or payingOrg
	// 2 01 48.00 DUES-WAGE-2 <nil>
	// 4 03 0.50 DUES-FLAT-FARMER <nil>
}
