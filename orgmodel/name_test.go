package orgmodel

import (
	"strconv"
	"testing"
)

// TestNameAsQuote checks name, which quotes most names without
// strconv.Quote, against "%s %q" (Label, then strconv.Quote) with every
// character to U+FFFF, alone and beside ASCII and Chinese, and a few
// beyond.
func TestNameAsQuote(t *testing.T) {
	check := func(s string) {
		o := &Org{Kind: Branch, Name: s}
		if got, want := name(o), o.Kind.Label()+" "+strconv.Quote(s); got != want {
			t.Fatalf("name(%q) = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r < 0x10000; r++ {
		c := string(r)
		check(c)
		check("第1" + c + "支部")
	}
	for _, s := range []string{"", "\xff", "a\"b", `a\b`, "\U0001F600", "\u4e00\u9fff", "\u3400", "\ua000", "\x7f", "~ !"} {
		check(s)
		check("支部" + s)
	}
}
