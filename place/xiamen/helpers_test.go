package xiamen_test

import "github.com/dangjian-go/dangjian/funding"

func stdYuan(s string) funding.Money { return funding.MustParseMoney(s) }
