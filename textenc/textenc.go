// Package textenc reads text that is not UTF-8 on purpose: GBK (what Excel
// on a Chinese Windows saves as "CSV", code page 936) and GB18030, the
// encodings a roster, a tree or a list of subjects most often arrives in
// besides UTF-8.
//
// The module's readers take UTF-8 only, and refuse any other byte with a
// problem of kind [dangjian.ErrEncoding] that names the file, line and
// column and advises saving the file as UTF-8: they never guess an
// encoding, because text decoded in the wrong one reads as other text (in
// GBK read as UTF-8, "社区" and "机关" both become replacement
// characters). A caller that knows its input is GBK or GB18030 says so by
// wrapping the input with [NewReader] before handing it to a reader; the
// example programs offer this as the flag -encoding (see [Encoding.Set]).
//
// Decoding is strict too: a byte sequence that is not a character of the
// declared encoding is an error of kind [dangjian.ErrEncoding] with its
// line and column, never a silent replacement character. (The transcoder
// underneath, golang.org/x/text, would write U+FFFD there; [NewReader]
// refuses every U+FFFD it writes, so a GB18030 file that encodes U+FFFD
// itself is refused as well.) Lines and columns count as the module's
// readers count them: lines by '\n', columns in characters from 1.
package textenc

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Encoding is an encoding of input text. The zero value is UTF-8.
type Encoding uint8

// The encodings.
const (
	UTF8    Encoding = iota // UTF-8: read as it is
	GBK                     // GBK, code page 936 (a superset of GB2312)
	GB18030                 // GB18030, a superset of GBK
)

var names = [...]string{UTF8: "utf-8", GBK: "gbk", GB18030: "gb18030"}

// String returns the encoding's name: "utf-8", "gbk" or "gb18030".
func (e Encoding) String() string {
	if int(e) < len(names) {
		return names[e]
	}
	return "Encoding(" + strconv.Itoa(int(e)) + ")"
}

// Parse returns the encoding that name names, in any case: "utf-8" (or
// "utf8"), "gbk" (or "cp936", "gb2312") or "gb18030". Another name is a
// problem of kind [dangjian.ErrInvalid] at path "encoding".
func Parse(name string) (Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "utf-8", "utf8":
		return UTF8, nil
	case "gbk", "cp936", "gb2312":
		return GBK, nil
	case "gb18030":
		return GB18030, nil
	}
	return UTF8, &dangjian.Problem{Kind: dangjian.ErrInvalid, Path: "encoding", Value: dangjian.Cut(name),
		Detail: "want utf-8, gbk or gb18030"}
}

// Set sets e to the encoding name names ([Parse]): with [Encoding.String]
// it makes *Encoding a flag.Value, for a program's -encoding flag.
func (e *Encoding) Set(name string) error {
	v, err := Parse(name)
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// NewReader returns a reader of r's text, which is in encoding e, as
// UTF-8: r itself for [UTF8] (the module's readers check it), a strict
// transcoder otherwise. A byte sequence of r that is not a character of e
// makes Read return, after the text before it, a *[dangjian.Problem] of
// kind [dangjian.ErrEncoding] with the line and column it is at; an error
// of r is returned as it is. NewReader panics on an Encoding that is not
// one of the constants.
func NewReader(r io.Reader, e Encoding) io.Reader {
	var dec *encoding.Decoder
	switch e {
	case UTF8:
		return r
	case GBK:
		dec = simplifiedchinese.GBK.NewDecoder()
	case GB18030:
		dec = simplifiedchinese.GB18030.NewDecoder()
	default:
		panic("textenc: unknown encoding " + e.String())
	}
	return transform.NewReader(r, transform.Chain(dec, &strict{enc: e, line: 1}))
}

// strict passes UTF-8 through and stops at the first U+FFFD, which the
// decoder before it writes for a byte sequence it cannot read, counting
// lines and columns as it goes.
type strict struct {
	enc  Encoding
	line int
	col  int // characters of the line before the next one
}

func (s *strict) Reset() { s.line, s.col = 1, 0 }

func (s *strict) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		size := 1
		if c >= utf8.RuneSelf {
			if !utf8.FullRune(src[nSrc:]) && !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			var r rune
			r, size = utf8.DecodeRune(src[nSrc:])
			if r == utf8.RuneError {
				return nDst, nSrc, &dangjian.Problem{Kind: dangjian.ErrEncoding, Line: s.line, Column: s.col + 1,
					Detail: "not " + strings.ToUpper(s.enc.String()) + " text either: check the file's encoding"}
			}
		}
		if nDst+size > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		copy(dst[nDst:], src[nSrc:nSrc+size])
		nDst += size
		nSrc += size
		if c == '\n' {
			s.line, s.col = s.line+1, 0
		} else {
			s.col++
		}
	}
	return nDst, nSrc, nil
}
