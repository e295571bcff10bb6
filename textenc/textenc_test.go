package textenc_test

import (
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/textenc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// GBK bytes of known characters: 社区 and 机关, 编号 and 名称.
const (
	gbkShequ  = "\xc9\xe7\xc7\xf8"
	gbkJiguan = "\xbb\xfa\xb9\xd8"
)

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want textenc.Encoding
	}{
		{"utf-8", textenc.UTF8}, {"UTF8", textenc.UTF8}, {" gbk ", textenc.GBK}, {"CP936", textenc.GBK},
		{"gb2312", textenc.GBK}, {"GB18030", textenc.GB18030},
	} {
		got, err := textenc.Parse(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	_, err := textenc.Parse("big5")
	assert.ErrorIs(t, err, dangjian.ErrInvalid)
	assert.Equal(t, `encoding: invalid value: want utf-8, gbk or gb18030 ("big5")`, err.Error())
	assert.Equal(t, "gb18030", textenc.GB18030.String())
	assert.Equal(t, "Encoding(9)", textenc.Encoding(9).String())
}

func TestFlag(t *testing.T) {
	var e textenc.Encoding
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(&e, "encoding", "")
	require.NoError(t, fs.Parse([]string{"-encoding", "gbk"}))
	assert.Equal(t, textenc.GBK, e)
	assert.Error(t, fs.Parse([]string{"-encoding", "latin1"}))
	assert.Equal(t, textenc.GBK, e, "a bad value leaves the flag as it was")
}

func TestNewReader(t *testing.T) {
	in := "id,category\n1," + gbkShequ + "\n2," + gbkJiguan + "\n"
	for _, e := range []textenc.Encoding{textenc.GBK, textenc.GB18030} {
		for name, wrap := range map[string]func(io.Reader) io.Reader{
			"whole": func(r io.Reader) io.Reader { return r }, "byte by byte": iotest.OneByteReader,
		} {
			b, err := io.ReadAll(textenc.NewReader(wrap(strings.NewReader(in)), e))
			require.NoError(t, err, "%v %s", e, name)
			assert.Equal(t, "id,category\n1,社区\n2,机关\n", string(b), "%v %s", e, name)
		}
	}
	// GB18030 writes characters outside GBK in four bytes: 𠀀 (U+20000) is
	// 95 32 82 36; € (U+20AC) is A2 E3.
	b, err := io.ReadAll(textenc.NewReader(iotest.OneByteReader(strings.NewReader("\x95\x32\x82\x36\n\xa2\xe3")), textenc.GB18030))
	require.NoError(t, err)
	assert.Equal(t, "𠀀\n€", string(b))
	_, err = io.ReadAll(textenc.NewReader(strings.NewReader("\x95\x32\x82\x36"), textenc.GBK))
	assert.ErrorIs(t, err, dangjian.ErrEncoding, "GBK has no four-byte characters")

	r := strings.NewReader("社区")
	assert.Same(t, r, textenc.NewReader(r, textenc.UTF8), "UTF-8 is read as it is")
	assert.Panics(t, func() { textenc.NewReader(r, textenc.Encoding(9)) })
}

func TestNewReaderRefuses(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		enc       textenc.Encoding
		read      string
		line, col int
	}{
		// 0x81 leads a two-byte character; 0x20 cannot follow it.
		{"a bad trail byte", "a\n" + gbkShequ + "\x81 b", textenc.GBK, "a\n社区", 2, 3},
		{"a lead byte at the end", "ab" + gbkJiguan + "\x81", textenc.GBK, "ab机关", 1, 5},
		{"0xFF", "\xff", textenc.GB18030, "", 1, 1},
		{"U+FFFD written in GB18030", "x\x84\x31\xa4\x37", textenc.GB18030, "x", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := io.ReadAll(textenc.NewReader(iotest.HalfReader(strings.NewReader(tt.in)), tt.enc))
			assert.Equal(t, tt.read, string(b), "the text before the bad bytes is read")
			require.ErrorIs(t, err, dangjian.ErrEncoding)
			var p *dangjian.Problem
			require.ErrorAs(t, err, &p)
			assert.Equal(t, []int{tt.line, tt.col}, []int{p.Line, p.Column})
			assert.Contains(t, p.Detail, "not "+strings.ToUpper(tt.enc.String())+" text")
		})
	}
	boom := errors.New("boom")
	_, err := io.ReadAll(textenc.NewReader(iotest.ErrReader(boom), textenc.GBK))
	assert.ErrorIs(t, err, boom, "an error of the reader is returned")
}
