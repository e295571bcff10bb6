package remit_test

import "github.com/dangjian-go/dangjian/internal/testkit"

// errText renders every problem of err for a test to search (see
// testkit.ErrText).
var errText = testkit.ErrText
