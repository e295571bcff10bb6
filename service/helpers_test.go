package service_test

import "github.com/dangjian-go/dangjian"

// dangjianLimits returns limits of n rows a table.
func dangjianLimits(n int64) dangjian.Limits { return dangjian.Limits{MaxRecords: n} }
