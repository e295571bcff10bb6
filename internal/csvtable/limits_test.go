package csvtable

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/dangjian-go/dangjian"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll reads the table in with lim and returns the ids of its rows and
// the error that ended the reading (the header's or Next's).
func readAll(in io.Reader, lim dangjian.Limits) ([]string, error) {
	t, err := OpenWith(in, &testSpec, lim)
	if err != nil {
		return nil, err
	}
	var ids []string
	for t.Next() {
		ids = append(ids, t.Cell(cID))
	}
	return ids, t.Err()
}

func TestOpenWithLimits(t *testing.T) {
	const hdr = "id,name,kind\n"    // 13 bytes
	rows := "1,a,x\n2,b,x\n3,c,x\n" // 6 bytes a row
	in := hdr + rows                // 31 bytes
	lim := dangjian.ErrLimit
	tests := []struct {
		name string
		in   string
		lim  dangjian.Limits
		ids  []string
		bad  []where
	}{
		{name: "defaults", in: in, ids: []string{"1", "2", "3"}},
		{name: "rows at the limit", in: in, lim: dangjian.Limits{MaxRecords: 3}, ids: []string{"1", "2", "3"}},
		{name: "rows over the limit", in: in, lim: dangjian.Limits{MaxRecords: 2}, ids: []string{"1", "2"},
			bad: []where{{Line: 4, Kind: lim, Detail: "more than 2 rows (limit 2 rows; raise it with MaxRecords or the program's -max-rows)"}}},
		{name: "blank rows count", in: hdr + "1,a,x\n , , \n2,b,x\n", lim: dangjian.Limits{MaxRecords: 2}, ids: []string{"1", ""},
			bad: []where{{Line: 4, Kind: lim, Detail: "more than 2 rows (limit 2 rows; raise it with MaxRecords or the program's -max-rows)"}}},
		{name: "no row limit", in: hdr + strings.Repeat("1,a,x\n", 1000), lim: dangjian.Limits{MaxRecords: -1},
			ids: strings.Split(strings.TrimSuffix(strings.Repeat("1,", 1000), ","), ",")},
		{name: "bytes at the limit", in: in, lim: dangjian.Limits{MaxBytes: 31}, ids: []string{"1", "2", "3"}},
		{name: "bytes over the limit", in: in, lim: dangjian.Limits{MaxBytes: 30}, ids: []string{"1", "2"},
			bad: []where{{Line: 4, Kind: lim, Detail: "the input is longer than 30 bytes (limit 30 bytes; raise it with MaxBytes)"}}},
		{name: "bytes over the limit in the header", in: in, lim: dangjian.Limits{MaxBytes: 5},
			bad: []where{{Line: 1, Kind: lim, Detail: "the input is longer than 5 bytes (limit 5 bytes; raise it with MaxBytes)"}}},
		{name: "a byte order mark counts", in: "\ufeff" + in, lim: dangjian.Limits{MaxBytes: 33}, ids: []string{"1", "2"},
			bad: []where{{Line: 4, Kind: lim, Detail: "the input is longer than 33 bytes (limit 33 bytes; raise it with MaxBytes)"}}},
		{name: "no byte limit", in: in, lim: dangjian.Limits{MaxBytes: -1}, ids: []string{"1", "2", "3"}},
		{name: "records at the limit", in: in, lim: dangjian.Limits{MaxRecordBytes: 13}, ids: []string{"1", "2", "3"}},
		{name: "header over the limit", in: in, lim: dangjian.Limits{MaxRecordBytes: 12},
			bad: []where{{Line: 1, Kind: lim, Detail: "a record longer than 12 bytes (limit 12 bytes; raise it with MaxRecordBytes or the program's -max-record-bytes)"}}},
		{name: "row over the limit", in: hdr + "1,a,x\n2,bbbbbbbbbb,x\n3,c,x\n", lim: dangjian.Limits{MaxRecordBytes: 13}, ids: []string{"1"},
			bad: []where{{Line: 3, Kind: lim, Detail: "a record longer than 13 bytes (limit 13 bytes; raise it with MaxRecordBytes or the program's -max-record-bytes)"}}},
		{name: "a record counts all its lines", in: hdr + "1,\"a\nb\nc\",x\n2,\"a\nbbbbbbbbbbbbbb\",x\n", lim: dangjian.Limits{MaxRecordBytes: 16}, ids: []string{"1"},
			bad: []where{{Line: 5, Kind: lim, Detail: "a record longer than 16 bytes (limit 16 bytes; raise it with MaxRecordBytes or the program's -max-record-bytes)"}}},
		{name: "no record limit", in: hdr + "1," + strings.Repeat("a", 3<<20) + ",x\n", lim: dangjian.Limits{MaxRecordBytes: -1}, ids: []string{"1"}},
		{name: "default record limit", in: hdr + "1,a,x\n2," + strings.Repeat("a", 1<<20) + ",x\n", ids: []string{"1"},
			bad: []where{{Line: 3, Kind: lim, Detail: "a record longer than 1,048,576 bytes (limit 1,048,576 bytes; raise it with MaxRecordBytes or the program's -max-record-bytes)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, err := readAll(strings.NewReader(tt.in), tt.lim)
			assert.Equal(t, tt.ids, ids)
			if tt.bad == nil {
				require.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, dangjian.ErrLimit)
			assert.Equal(t, tt.bad, whereOf(dangjian.ProblemsOf(err)))
		})
	}
}

// TestOpenEqualsOpenWithDefaults: Open reads within the default limits.
func TestOpenEqualsOpenWithDefaults(t *testing.T) {
	in := "id,name,kind\n1," + strings.Repeat("a", dangjian.DefaultMaxRecordBytes) + ",x\n"
	tab, err := Open(strings.NewReader(in), &testSpec)
	require.NoError(t, err)
	assert.False(t, tab.Next())
	assert.ErrorIs(t, tab.Err(), dangjian.ErrLimit)
}

// cellReader generates a table whose second row has one cell of n bytes,
// counting the bytes read from it.
type cellReader struct {
	head, tail string
	n, read    int64
	pos        int64
}

func (c *cellReader) Read(p []byte) (int, error) {
	total := int64(len(c.head)) + c.n + int64(len(c.tail))
	if c.pos >= total {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && c.pos < total {
		switch {
		case c.pos < int64(len(c.head)):
			p[k] = c.head[c.pos]
		case c.pos < int64(len(c.head))+c.n:
			p[k] = 'x'
		default:
			p[k] = c.tail[c.pos-int64(len(c.head))-c.n]
		}
		k++
		c.pos++
	}
	c.read += int64(k)
	return k, nil
}

// TestHugeCell: a 200 MB cell is refused after about 1 MiB of input and of
// memory, with a problem naming the limit, whether the cell is quoted (one
// record over many buffers) or not (one line over many buffers).
func TestHugeCell(t *testing.T) {
	for _, quoted := range []bool{false, true} {
		head, tail := "id,name,kind\n1,a,x\n2,", ",x\n3,c,x\n"
		if quoted {
			head, tail = head+`"`, `"`+tail
		}
		src := &cellReader{head: head, tail: tail, n: 200 << 20}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		ids, err := readAll(src, dangjian.Limits{})
		runtime.ReadMemStats(&after)
		assert.Equal(t, []string{"1"}, ids)
		ps := dangjian.ProblemsOf(err)
		require.Len(t, ps, 1)
		assert.Equal(t, dangjian.ErrLimit, ps[0].Kind)
		assert.Equal(t, 3, ps[0].Line)
		assert.Contains(t, ps[0].Detail, "MaxRecordBytes")
		assert.LessOrEqual(t, src.read, int64(dangjian.DefaultMaxRecordBytes+3*bufSize), "bytes read")
		// Everything allocated while reading: the record's raw and parsed
		// buffers as they grow to the limit, and the partial record.
		assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(12<<20), "bytes allocated")
	}
}
