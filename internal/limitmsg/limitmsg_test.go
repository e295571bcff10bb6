package limitmsg

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGroup(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 12345: "12,345",
		1048576: "1,048,576", 200_000_000: "200,000,000", -1234: "-1,234", -123: "-123", 68719476736: "68,719,476,736"} {
		assert.Equal(t, want, Group(n), strconv.FormatInt(n, 10))
	}
}

func TestDetails(t *testing.T) {
	tests := []struct{ got, want string }{
		{Bytes(1 << 30), "the input is longer than 1,073,741,824 bytes (limit 1,073,741,824 bytes; raise it with MaxBytes)"},
		{Records(5000, "rows"), "more than 5,000 rows (limit 5,000 rows; raise it with MaxRecords or the program's -max-rows)"},
		{RecordBytes(1<<20, "a record"), "a record longer than 1,048,576 bytes (limit 1,048,576 bytes; raise it with MaxRecordBytes or the program's -max-record-bytes)"},
		{More(12345, 1000), "12,345 more problems not listed (limit 1,000 problems; raise it with MaxProblems or the program's -max-problems)"},
		{More(1, 1000), "1 more problem not listed (limit 1,000 problems; raise it with MaxProblems or the program's -max-problems)"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.got)
	}
}
