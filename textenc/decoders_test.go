package textenc_test

import (
	"io"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/assess"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/dangjian-go/dangjian/internal/csvtable"
	"github.com/dangjian-go/dangjian/internal/strictjson"
	"github.com/dangjian-go/dangjian/orgmodel"
	"github.com/dangjian-go/dangjian/textenc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// toGBK writes 社区 and 机关 in GBK, byte by byte from their code points
// (社 U+793E = C9E7, 区 U+533A = C7F8, 机 U+673A = BBFA, 关 U+5173 = B9D8).
var toGBK = strings.NewReplacer("社区", gbkShequ, "机关", gbkJiguan)

// TestEveryDecoderRefusesGBK: every public decoder refuses GBK text with
// the line and column of its first bad byte, kind ErrEncoding and the
// advice to save the file as UTF-8, not GBK (issue 10: the assess readers
// and every JSON decoder read it silently, "社区" and "机关" alike); read
// through NewReader, the same bytes decode as the UTF-8 text does.
func TestEveryDecoderRefusesGBK(t *testing.T) {
	decode := func(f func(io.Reader) (any, error)) func(io.Reader) (any, error) { return f }
	tests := []struct {
		name      string
		in        string // UTF-8, with 社区 or 机关
		decode    func(io.Reader) (any, error)
		line, col int
		path      string
	}{
		{"orgmodel.ReadCSV", "id,parent_id,kind,domain,name,full_members,probationary_members\n1,,committee,,社区,30,0\n",
			decode(func(r io.Reader) (any, error) { return orgmodel.ReadCSV(r) }), 2, 5, "name"},
		{"orgmodel.DecodeJSON", "{\"orgs\": [\n  {\"id\": \"1\", \"kind\": \"committee\", \"name\": \"机关\", \"members\": {\"full\": 30, \"probationary\": 0}}]}",
			decode(func(r io.Reader) (any, error) { return orgmodel.DecodeJSON(r) }), 2, 45, "orgs[0].name"},
		{"dues.ReadRoster", "id,name,category,base\nm1,社区,employed,3000\n",
			decode(func(r io.Reader) (any, error) { return dues.ReadRoster(r) }), 2, 2, "name"},
		{"dues.DecodeRosterJSON", `[{"id": "m1", "name": "社区", "category": "employed", "base": "3000"}]`,
			decode(func(r io.Reader) (any, error) { return dues.DecodeRosterJSON(r) }), 1, 24, "[0].name"},
		{"assess.DecodeScheme", `{"name": "社区", "components": []}`,
			decode(func(r io.Reader) (any, error) { return assess.DecodeScheme(r) }), 1, 11, "name"},
		{"assess.DecodeSubjects", `[{"id": "a", "category": "社区", "fields": {"type": "机关"}}]`,
			decode(func(r io.Reader) (any, error) { return assess.DecodeSubjects(r) }), 1, 27, "subjects[0].category"},
		{"assess.DecodeSubjects, a key", `{"subjects": [{"id": "a", "values": {"社区": "1", "机关": "2"}}]}`,
			decode(func(r io.Reader) (any, error) { return assess.DecodeSubjects(r) }), 1, 39, "subjects[0].values"},
		{"assess.DecodeGradePolicy", `{"name": "机关"}`,
			decode(func(r io.Reader) (any, error) { return assess.DecodeGradePolicy(r) }), 1, 11, "name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, err := tt.decode(strings.NewReader(tt.in))
			require.NoError(t, err, "the UTF-8 text decodes")

			in := toGBK.Replace(tt.in)
			require.NotEqual(t, tt.in, in)
			_, err = tt.decode(strings.NewReader(in))
			require.ErrorIs(t, err, dangjian.ErrEncoding)
			ps := dangjian.ProblemsOf(err)
			require.NotEmpty(t, ps)
			p := ps[0]
			assert.Equal(t, []int{tt.line, tt.col}, []int{p.Line, p.Column}, "line and column")
			assert.Equal(t, tt.path, p.Path)
			assert.Contains(t, []string{csvtable.DetailNotUTF8, strictjson.DetailNotUTF8}, p.Detail)
			assert.Contains(t, p.Error(), "not valid UTF-8: save the file as UTF-8, not GBK")

			got, err := tt.decode(textenc.NewReader(strings.NewReader(in), textenc.GBK))
			require.NoError(t, err, "read as GBK on purpose")
			assert.Equal(t, want, got)
		})
	}
}
