package bench

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOrgLifeNational: at a small scale, the in-memory and the CSV paths
// count the same meetings and give the same findings; the run is
// deterministic, reaches the average asked for, and finds both short
// periods and failed quorums.
func TestOrgLifeNational(t *testing.T) {
	cfg := DefaultLife
	cfg.Orgs = 3000
	var out bytes.Buffer
	add, err := OrgLifeNational(cfg, &out)
	require.NoError(t, err)
	assert.Contains(t, out.String(), "meetings/s")
	assert.Contains(t, out.String(), "peak RSS")
	cfg.CSV = true
	csv, err := OrgLifeNational(cfg, &bytes.Buffer{})
	require.NoError(t, err)
	for _, r := range []*LifeResult{add, csv} {
		assert.Equal(t, r.Generated, r.Counted)
		assert.Zero(t, r.BadRows)
		assert.GreaterOrEqual(t, r.Generated, int64(cfg.Orgs*cfg.MeetingsPerOrg))
		assert.Positive(t, r.Shortfalls)
		assert.Positive(t, r.Quorum)
		assert.Equal(t, r.Shortfalls+r.Quorum, r.Errors+r.Warnings)
	}
	assert.Equal(t, add.Counted, csv.Counted)
	assert.Equal(t, add.Shortfalls, csv.Shortfalls)
	assert.Equal(t, add.Quorum, csv.Quorum)
	assert.Equal(t, add.Errors, csv.Errors)
	again, err := OrgLifeNational(DefaultLife.with(3000), &bytes.Buffer{})
	require.NoError(t, err)
	assert.Equal(t, add.Shortfalls, again.Shortfalls)
	assert.Equal(t, add.Quorum, again.Quorum)

	_, err = OrgLifeNational(LifeConfig{}, &bytes.Buffer{})
	assert.Error(t, err)
}

func (cfg LifeConfig) with(orgs int) LifeConfig { cfg.Orgs = orgs; return cfg }
