package textenc_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/textenc"
)

// FuzzNewReader: any bytes, read as GBK or GB18030 in any chunks, give
// UTF-8 without U+FFFD, or stop with an encoding problem at a line and
// column after UTF-8 text; the chunking never changes the result.
func FuzzNewReader(f *testing.F) {
	for _, s := range []string{"", "a,b\n" + gbkShequ, gbkJiguan + "\x81", "\x95\x32\x82\x36", "\xff\n", "\x84\x31\xa4\x37"} {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Fuzz(func(t *testing.T, in []byte, gb18030 bool) {
		enc := textenc.GBK
		if gb18030 {
			enc = textenc.GB18030
		}
		whole, err := io.ReadAll(textenc.NewReader(strings.NewReader(string(in)), enc))
		byByte, err2 := io.ReadAll(textenc.NewReader(iotest.OneByteReader(strings.NewReader(string(in))), enc))
		if string(whole) != string(byByte) || (err == nil) != (err2 == nil) {
			t.Fatalf("%q: %q, %v read whole; %q, %v byte by byte", in, whole, err, byByte, err2)
		}
		if !utf8.Valid(whole) || strings.ContainsRune(string(whole), utf8.RuneError) {
			t.Fatalf("%q gave %q", in, whole)
		}
		if err != nil {
			var p *dangjian.Problem
			if !errors.As(err, &p) || !errors.Is(err, dangjian.ErrEncoding) || p.Line < 1 || p.Column < 1 {
				t.Fatalf("%q: error %#v", in, err)
			}
			if err.Error() != err2.Error() {
				t.Fatalf("%q: %v whole, %v byte by byte", in, err, err2)
			}
		}
	})
}
