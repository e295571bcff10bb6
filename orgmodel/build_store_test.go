package orgmodel

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOrgRecRoundTrip: an Org packed into a compact record and unpacked is
// the Org it was, field by field, whatever its strings (empty, shared key
// and code, longer than a text block) and rare fields; records spread over
// several blocks of records and of text.
func TestOrgRecRoundTrip(t *testing.T) {
	long := strings.Repeat("长", arenaBlock) // 3 text blocks by itself
	base := []Org{
		{},
		{ID: uuid.New(), Kind: Branch, Name: "一支部", Line: 7},
		{ID: CSVID("1001"), Parent: uuid.New(), Kind: GeneralBranch, Domain: Community, Name: "总支",
			Code: "1001", Key: "1001", ParentKey: "10", Members: Members{Full: 40, Probationary: 2},
			Units: 3, Selection: Elected, Line: 1 << 40,
			Term: Term{Elected: dangjian.NewDate(2021, 3, 1), Due: dangjian.NewDate(2026, 3, 1), Renewed: dangjian.NewDate(2026, 2, 1), Number: 4}},
		{ID: uuid.New(), Kind: Branch, Name: "", Code: "c", Key: "k"},
		{ID: uuid.New(), Kind: PartyGroup, Grid: uuid.New(), Name: long, Key: long[:9], ParentKey: "p"},
		{ID: uuid.New(), Kind: Branch, Approvals: []Approval{{Kind: ApprovalKind(1), Rule: "R", ByName: "县委", Ref: "〔2024〕1号"}}},
		{ID: uuid.New(), Kind: Branch, Approvals: []Approval{}},
		{ID: uuid.New(), Kind: Branch, Key: "same", Code: "same"},
	}
	var orgs []Org
	for len(orgs) < 1<<blockShift+100 {
		orgs = append(orgs, base...)
	}
	var c orgBlocks
	for i := range orgs {
		require.Equal(t, -1, c.add(&orgs[i]))
	}
	s := c.store()
	require.Equal(t, len(orgs), s.n)
	require.Greater(t, len(s.blocks), 1)
	require.Greater(t, len(s.text), 2)
	for i := range orgs {
		got := s.unpack(s.org(i))
		require.Equal(t, orgs[i], got, "org %d", i)
		require.Equal(t, orgs[i].Approvals == nil, got.Approvals == nil, "org %d: nil approvals", i)
		require.Equal(t, orgs[i].keyText(), s.keyText(s.org(i)), "org %d", i)
		require.Equal(t, orgs[i].Name, s.name(s.org(i)), "org %d", i)
	}
	// 120 bytes, with room for two more dates before a 136-byte record.
	assert.LessOrEqual(t, unsafe.Sizeof(orgRec{}), uintptr(128))
	// The record holds no pointer: the collector does not scan its blocks.
	assert.False(t, hasPointers(reflect.TypeFor[orgRec]()))
}

// hasPointers reports whether a value of type t holds a pointer.
func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	}
	return true
}

// TestPackOrgsJoin: join gives back the Orgs that were added, and an empty
// collection gives nil.
func TestPackOrgsJoin(t *testing.T) {
	var c orgBlocks
	assert.Nil(t, c.join())
	orgs := []Org{{ID: uuid.New(), Name: "a"}, {ID: uuid.New(), Name: "b", Code: "x", Key: "x"}}
	for i := range orgs {
		c.add(&orgs[i])
	}
	assert.Equal(t, orgs, c.join())
}

// TestTextLimit: a name, code or ID longer than a record holds is a
// problem of kind ErrLimit naming its field: Build refuses the records,
// ReadCSV the row, and the good rows go on.
func TestTextLimit(t *testing.T) {
	defer func(n int) { maxText = n }(maxText)
	maxText = 8
	_, err := Build(Records{Orgs: []Org{
		{ID: uuid.New(), Kind: LocalCommittee, Name: "short"},
		{ID: uuid.New(), Kind: LocalCommittee, Name: "a name too long"},
		{ID: uuid.New(), Kind: LocalCommittee, Name: "ok", Code: "code too long"},
	}})
	ps := dangjian.ProblemsOf(err)
	require.Len(t, ps, 2)
	assert.ErrorIs(t, ps[0], dangjian.ErrLimit)
	assert.Equal(t, "orgs[1].name", ps[0].Path)
	assert.Equal(t, "orgs[2].code", ps[1].Path)

	csv := "id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"1,,local_committee,,short,0,0\n" +
		"2,1,work_committee,street,a name too long,0,0\n" +
		"3,1,work_committee,street,ok,0,0\n"
	recs, err := ReadCSV(strings.NewReader(csv))
	ps = dangjian.ProblemsOf(err)
	require.Len(t, ps, 1)
	assert.ErrorIs(t, ps[0], dangjian.ErrLimit)
	assert.Equal(t, 3, ps[0].Line)
	assert.Equal(t, "name", ps[0].Path)
	require.Len(t, recs.Orgs, 2)
	assert.Equal(t, "1", recs.Orgs[0].Key)
	assert.Equal(t, "3", recs.Orgs[1].Key)
}

// TestOrgRecEveryField: every field of Org, set alone to a value that is
// not zero, comes back from a compact record: a field added to Org and
// not to orgRec (pack and unpack) fails here.
func TestOrgRecEveryField(t *testing.T) {
	typ := reflect.TypeFor[Org]()
	for i := range typ.NumField() {
		var o Org
		require.True(t, fill(reflect.ValueOf(&o).Elem().Field(i)), "field %s: a kind the test cannot fill", typ.Field(i).Name)
		require.NotEqual(t, Org{}, o, "field %s", typ.Field(i).Name)
		var c orgBlocks
		require.Equal(t, -1, c.add(&o))
		s := c.store()
		assert.Equal(t, o, s.unpack(s.org(0)), "field %s", typ.Field(i).Name)
	}
}

// fill sets v to a value that is not zero; false for a kind it cannot.
func fill(v reflect.Value) bool {
	if v.Type() == reflect.TypeFor[dangjian.Date]() {
		v.Set(reflect.ValueOf(dangjian.NewDate(2024, 2, 29)))
		return true
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString("文本")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(7)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(3)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Array:
		return v.Len() > 0 && fill(v.Index(0))
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		return fill(v.Index(0))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		return fill(v.Elem())
	case reflect.Struct:
		ok := false
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				if !fill(v.Field(i)) {
					return false
				}
				ok = true
			}
		}
		return ok
	default:
		return false
	}
	return true
}
