package dues_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/dangjian-go/dangjian/funding/dues"
	"github.com/stretchr/testify/require"
)

// FuzzDecodeRosterJSON: any input gives members or problems, never a
// panic; every problem has a kind, a line and column, and no Go names; the
// members have distinct ids and read back the same from their own JSON.
func FuzzDecodeRosterJSON(f *testing.F) {
	for _, s := range []string{
		`[]`, `[{"id":"a","category":"student"}]`,
		`[{"id":"01","name":"张伟","category":"在职","base":"6234.50"},{"id":"02","category":"retired","payslip":{"employer":"pensioner","items":[{"kind":"basic_pension","amount":5200}]}}]`,
		`[{"id":"03","category":"self_employed","months":["4200",3900,4651.01]},{"id":"04","category":"farmer","flatAmount":"0.5","reduction":{"amount":0,"approvedBy":"x","on":"2024-03-15"}}]`,
		`[{"id":"a","category":"employed","base":1e3,"x":[{"y":[]}],"id":"b"}]`, `[{"id":"a"},{"id":"a"}]`, `{"id":1}`, `[`, `[{]`, "[\"\xff\"]",
		`[{"id":"m","category":"employed","base":"3000","payingOrg":"某流动党员党支部"},{"id":"n","category":"student","payingOrg":""},{"id":"o","category":"student","payingOrg":null}]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		rows, err := dues.DecodeRosterJSON(bytes.NewReader(in))
		if err != nil {
			var ps dangjian.Problems
			require.True(t, errors.As(err, &ps), "%v", err)
			require.NotEmpty(t, ps)
			for _, p := range ps {
				require.NotNil(t, p.Kind)
				require.GreaterOrEqual(t, p.Line, 1, "%v", p)
				require.GreaterOrEqual(t, p.Column, 1, "%v", p)
				require.NotContains(t, p.Error(), "funding:")
			}
			if errors.Is(err, dangjian.ErrSyntax) || errors.Is(err, dangjian.ErrLimit) {
				require.Nil(t, rows)
			}
		}
		ids := map[string]bool{}
		members := make([]dues.Member, len(rows))
		for i, r := range rows {
			require.NotEmpty(t, r.Member.ID)
			require.False(t, ids[r.Member.ID], "id %q twice", r.Member.ID)
			ids[r.Member.ID] = true
			members[i] = r.Member
		}
		b, err := json.Marshal(members)
		require.NoError(t, err)
		again, err := dues.DecodeRosterJSON(bytes.NewReader(b))
		require.NoError(t, err, "%s", b)
		require.Len(t, again, len(rows))
		for i := range again {
			require.Equal(t, rows[i].Member, again[i].Member)
		}
	})
}
