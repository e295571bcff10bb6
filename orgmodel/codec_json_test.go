package orgmodel

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/dangjian-go/dangjian/internal/golden"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"
	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireRecordsEqual requires want and got to be equal, comparing floor
// areas with decimal.Decimal.Equal and everything else deeply.
func requireRecordsEqual(t testing.TB, want, got Records) {
	t.Helper()
	require.Len(t, got.Sites, len(want.Sites), "sites")
	for i := range want.Sites {
		require.Truef(t, want.Sites[i].Area.Equal(got.Sites[i].Area),
			"sites[%d].area: want %s, got %s", i, want.Sites[i].Area, got.Sites[i].Area)
	}
	require.Equal(t, withoutAreas(want), withoutAreas(got))
}

// withoutAreas returns r with the sites copied and their areas zeroed, and
// the organizations copied without their lines (where a record was read
// from differs between two encodings of it).
func withoutAreas(r Records) Records {
	r = withoutLines(r)
	if r.Sites != nil {
		sites := make([]Site, len(r.Sites))
		for i, s := range r.Sites {
			s.Area = decimal.Decimal{}
			sites[i] = s
		}
		r.Sites = sites
	}
	return r
}

// testID returns a fixed UUID for a name, for readable fixtures.
func testID(name string) uuid.UUID {
	return uuid.NewSHA1(uuid.NameSpaceOID, []byte("orgmodel-test/"+name))
}

// smallRecords has at least one value of every record type and sets every
// kind of field: a small street of the reference city's shape.
func smallRecords() Records {
	d := dangjian.MustParseDate
	return Records{
		Orgs: []Org{
			{ID: testID("city"), Kind: LocalCommittee, Name: "中共某市委"},
			{ID: testID("street"), Parent: testID("city"), Kind: WorkCommittee, Domain: Street, Name: "某街道党工委",
				Members: Members{Full: 3}, Selection: Appointed},
			{ID: testID("community"), Parent: testID("street"), Kind: Committee, Domain: Community, Name: "某社区党委",
				Code: "220101001", Members: Members{Full: 45, Probationary: 2}, Selection: Elected,
				Term: Term{Elected: d("2021-06-18"), Number: 3}},
			{ID: testID("grid-branch"), Parent: testID("community"), Kind: Branch, Domain: Community, Name: "第一网格党支部",
				Members: Members{Full: 2, Probationary: 1}, Grid: testID("grid"),
				Term:      Term{Elected: d("2019-06-20"), Due: d("2022-06-19"), Renewed: d("2022-07-01")},
				Approvals: []Approval{{Kind: Threshold, Rule: "ORG-BRANCH-MIN-3", By: testID("community"), On: d("2021-05-10"), Ref: "某社党〔2021〕3号"}}},
			{ID: testID("group"), Parent: testID("grid-branch"), Kind: PartyGroup, Domain: Community, Name: "1号楼党小组",
				Members: Members{Full: 2}, Grid: testID("grid")},
			{ID: testID("joint"), Parent: testID("street"), Kind: JointBranch, Domain: NonPublicEnterprise, Name: "非公企业联合党支部",
				Members: Members{Full: 6, Probationary: 1}, Units: 4,
				Approvals: []Approval{{Kind: Formation, ByName: "中共某区委组织部", On: d("2018-03-01")}}},
		},
		People: []Person{
			{ID: testID("li"), Name: "李某", Status: FullMember, FullSince: d("1998-07-01")},
			{ID: testID("wang"), Name: "王某", Status: NonMember},
		},
		Posts: []Post{
			{Person: testID("li"), Body: testID("community"), Role: Secretary, Selection: Elected, Start: d("2021-06-18")},
			{Person: testID("li"), Body: testID("rc"), Role: ResidentsDirector, Selection: Elected, Start: d("2021-07-01")},
			{Person: testID("wang"), Body: testID("street"), Role: PartTimeMember, Selection: Appointed, Start: d("2020-01-01"), End: d("2023-01-01")},
		},
		Assignments: []Assignment{
			{ID: testID("dispatch"), Person: testID("li"), Role: Instructor, FromName: "市委组织部", To: testID("joint"), Start: d("2024-03-01")},
		},
		Bodies: []Body{
			{ID: testID("conference"), Kind: JointConference, Name: "街道党建联席会", Org: testID("street"),
				Members: []uuid.UUID{testID("community"), testID("joint")}, MemberUnits: []string{"某银行支行", "某中学 <二部> & 附属"},
				Chair: &Rotation{Order: []uuid.UUID{testID("community"), testID("joint")}, Start: d("2024-01-01"), Months: 6}},
			{ID: testID("rc"), Kind: ResidentsCommittee, Name: "某社区居民委员会", Org: testID("community")},
		},
		Sites: []Site{
			{ID: testID("centre"), Kind: PartyServiceCenter, Name: "某社区党群服务中心", Org: testID("community"), Area: decimal.RequireFromString("650.50")},
			{ID: testID("station"), Kind: MemberStation, Name: "党员驿站", Org: testID("grid-branch")},
		},
		Grids: []Grid{
			{ID: testID("grid"), Name: "第一网格", Type: UrbanGrid, Org: testID("community")},
		},
	}
}

func TestSmallRecordsBuild(t *testing.T) {
	// The fixture is a valid tree, so the JSON tests exercise real data.
	tree, err := Build(smallRecords())
	require.NoError(t, err)
	assert.Equal(t, 6, tree.Len())
}

func TestEncodeJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, EncodeJSON(&buf, smallRecords()))
	golden.Check(t, "testdata/json/small.json", buf.Bytes())
}

func TestDecodeJSONGolden(t *testing.T) {
	f, err := os.Open("testdata/json/small.json")
	require.NoError(t, err)
	defer f.Close()
	got, err := DecodeJSON(f)
	require.NoError(t, err)
	requireRecordsEqual(t, smallRecords(), got)
}

func TestJSONRoundTrip(t *testing.T) {
	withArea := func(area string) Records {
		r := smallRecords()
		r.Sites[1].Area = decimal.RequireFromString(area)
		return r
	}
	tests := []struct {
		name string
		recs Records
	}{
		{"zero", Records{}},
		{"small", smallRecords()},
		{"area with trailing zeros", withArea("12.000")},
		{"area with many places", withArea("0.000000000000000000000000000001")},
		{"large area", withArea("123456789012345678901234567890")},
		{"negative area", withArea("-1.5")}, // Build rejects it; the codec keeps it
		{"one org, every field zero", Records{Orgs: []Org{{}}}},
		{"text that JSON escapes", Records{Orgs: []Org{{ID: testID("x"), Kind: Branch, Name: "a\"b\\c\n\t<&>\u2028", Code: "\x01"}}}},
		{"counts at the limits", Records{Orgs: []Org{{ID: testID("x"), Kind: Branch,
			Members: Members{Full: 1<<63 - 1, Probationary: -1 << 63}, Units: -1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, EncodeJSON(&buf, tt.recs))
			first := buf.String()
			got, err := DecodeJSON(&buf)
			require.NoError(t, err)
			requireRecordsEqual(t, tt.recs, got)

			buf.Reset()
			require.NoError(t, EncodeJSON(&buf, got))
			assert.Equal(t, first, buf.String(), "stable: encoding the decoded value gives the same bytes")
		})
	}
}

func TestJSONArea(t *testing.T) {
	t.Run("encodes as a string", func(t *testing.T) {
		var buf bytes.Buffer
		require.NoError(t, EncodeJSON(&buf, smallRecords()))
		assert.Contains(t, buf.String(), `"area": "650.5"`)
		assert.Contains(t, buf.String(), `"area": "0"`)
	})
	t.Run("decodes a string or a number, exactly", func(t *testing.T) {
		for _, area := range []string{`"0.1"`, `0.1`, `"1e-1"`, `1E-1`, `"0.10000"`} {
			recs, err := DecodeJSON(strings.NewReader(`{"orgs":[],"sites":[{"id":"` + testID("s").String() + `","kind":"member_station","name":"s","area":` + area + `}]}`))
			require.NoError(t, err, area)
			assert.Truef(t, decimal.RequireFromString("0.1").Equal(recs.Sites[0].Area), "%s decoded as %s", area, recs.Sites[0].Area)
		}
	})
	t.Run("exponent out of range", func(t *testing.T) {
		r := smallRecords()
		r.Sites[0].Area = decimal.New(1, 65)
		var buf bytes.Buffer
		err := EncodeJSON(&buf, r)
		require.ErrorIs(t, err, ErrInvalidValue)
		assert.Equal(t, `sites[0].area (id "78e36c81-f207-562e-8dca-23cd6940f95b"): out of range: decimal exponent out of range ±64 ("1e65")`, err.Error())
		assert.Zero(t, buf.Len(), "nothing written")

		r.Sites[0].Area = decimal.New(1, 64)
		require.NoError(t, EncodeJSON(&buf, r))
	})
}

func TestEncodeJSONErrors(t *testing.T) {
	t.Run("undefined enum", func(t *testing.T) {
		var buf bytes.Buffer
		err := EncodeJSON(&buf, Records{Orgs: []Org{{ID: testID("x"), Kind: Kind(200)}}})
		require.Error(t, err)
		assert.Equal(t, "invalid value: undefined kind 200", err.Error())
		assert.ErrorIs(t, err, dangjian.ErrInvalid)
		assert.Zero(t, buf.Len(), "nothing written")
	})
	t.Run("write error", func(t *testing.T) {
		boom := errors.New("boom")
		err := EncodeJSON(brokenWriter{boom}, smallRecords())
		require.ErrorIs(t, err, boom)
	})
}

// lowerCamel is the one casing of JSON keys.
var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

func TestJSONTagsLowerCamel(t *testing.T) {
	pkg := reflect.TypeFor[Records]().PkgPath()
	seen := map[reflect.Type]bool{}
	checked := 0
	var walk func(t reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ.PkgPath() != pkg || seen[typ] {
			return // a leaf, a type of another package (uuid, decimal, Date), or done
		}
		seen[typ] = true
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			where := path + "." + f.Name
			tag, ok := f.Tag.Lookup("json")
			name, _, _ := strings.Cut(tag, ",")
			if name == "-" {
				continue // not encoded (Org.Key, written as the id; Org.Line)
			}
			t.Run(where, func(t *testing.T) {
				require.True(t, ok, "%s has no json tag", where)
				assert.Regexp(t, lowerCamel, name, "%s: json key %q is not lowerCamel", where, name)
				assert.False(t, f.Anonymous, "%s: embedded fields hide their keys", where)
			})
			checked++
			walk(f.Type, typ.Name()+"."+f.Name)
		}
	}
	walk(reflect.TypeFor[Records](), "Records")
	// Records, Org, Members, Term, Approval, Person, Post, Assignment,
	// Body, Rotation, Site, Grid: the walk must reach them all.
	for _, typ := range []reflect.Type{reflect.TypeFor[Org](), reflect.TypeFor[Members](), reflect.TypeFor[Term](),
		reflect.TypeFor[Approval](), reflect.TypeFor[Person](), reflect.TypeFor[Post](), reflect.TypeFor[Assignment](),
		reflect.TypeFor[Body](), reflect.TypeFor[Rotation](), reflect.TypeFor[Site](), reflect.TypeFor[Grid]()} {
		assert.True(t, seen[typ], "%s not reached", typ)
	}
	assert.Greater(t, checked, 50)
}

func TestJSONTagsCheckerFails(t *testing.T) {
	// The pattern must reject the spellings the house style rules out.
	for _, bad := range []string{"ID", "Name", "by_name", "by-name", "", "fullSince ", "1st"} {
		assert.NotRegexp(t, lowerCamel, bad)
	}
	for _, good := range []string{"id", "byName", "fullSince", "memberUnits"} {
		assert.Regexp(t, lowerCamel, good)
	}
}

// jsonWant is an expected *JSONError. at is where the error points: the
// offset of the first occurrence of at in the input ("$" for the end of
// the input).
type jsonWant struct {
	path   string
	at     string
	line   int
	column int
	value  string
	is     error
	msg    string
}

func TestDecodeJSONErrors(t *testing.T) {
	id := `"` + testID("x").String() + `"`
	tests := []struct {
		name string
		in   string
		want jsonWant
	}{
		{"empty", "",
			jsonWant{"", "$", 1, 1, "", dangjian.ErrSyntax, `line 1, column 1: malformed input: empty input, want a JSON object`}},
		{"white space only", " \n\t",
			jsonWant{"", "$", 2, 2, "", dangjian.ErrSyntax, ""}},
		{"null", "null",
			jsonWant{"", "null", 1, 1, "null", ErrInvalidValue, `line 1, column 1: invalid value: want a JSON object ("null")`}},
		{"array", ` [{"orgs":[]}]`,
			jsonWant{"", "[", 1, 2, "[", ErrInvalidValue, ""}},
		{"byte order mark", "\uFEFF{}",
			jsonWant{"", "\uFEFF", 1, 1, "", dangjian.ErrSyntax, `line 1, column 1: malformed input: a byte order mark is not allowed`}},
		{"trailing data", "{\"orgs\":[]}\n{}",
			jsonWant{"", "{}", 2, 1, "", nil, `line 2, column 1: malformed input: unexpected data after the JSON value`}},
		{"unclosed object", "{\"orgs\":[\n  {\"id\":" + id,
			jsonWant{"orgs[0]", "$", 2, 47, "", nil, `line 2, column 47: orgs[0]: malformed input: unexpected end of input, want "," or "}"`}},
		{"unclosed string", "{\"orgs\":[\n  {\"id\":\"6ba7b810",
			jsonWant{"orgs[0].id", `"6ba7b810`, 2, 9, "", nil, `line 2, column 9: orgs[0].id: malformed input: unterminated string`}},
		{"missing comma", "{\"orgs\":[\n  {\"id\":" + id + "\n   \"kind\":\"branch\"}]}",
			jsonWant{"orgs[0]", `"kind"`, 3, 4, "", nil, `line 3, column 4: orgs[0]: malformed input: unexpected '"', want "," or "}"`}},
		{"bad literal", `{"orgs":[{"id":` + id + `,"kind":"branch","units":tru}]}`,
			jsonWant{"orgs[0].units", "tru}]}", 1, 0, "", nil, `line 1, column 79: orgs[0].units: malformed input: unexpected 't', want a value`}},
		{"unknown field", `{"orgs":[],"extra":1}`,
			jsonWant{"extra", `"extra"`, 1, 12, "extra", ErrInvalidValue, `line 1, column 12: extra: unknown field: want orgs, people, posts, assignments, bodies, sites or grids ("extra")`}},
		{"unknown nested field", `{"orgs":[{"id":` + id + `,"kind":"branch","members":{"full":1,"reserve":2}}]}`,
			jsonWant{"orgs[0].members.reserve", `"reserve"`, 1, 0, "reserve", ErrInvalidValue, ""}},
		{"unknown field in a valid document", `{"orgs":[{"id":` + id + `,"kind":"branch","colour":"red"}]}`,
			jsonWant{"orgs[0].colour", `"colour"`, 1, 0, "colour", ErrInvalidValue, ""}},
		{"key in another case", `{"orgs":[{"ID":` + id + `,"kind":"branch"}]}`,
			jsonWant{"orgs[0].ID", `"ID"`, 1, 11, "ID", ErrInvalidValue,
				`line 1, column 11: orgs[0].ID: unknown field: keys are case-sensitive: the field is "id" ("ID")`}},
		{"escaped key is the same key", `{"orgs":[{"\u0069d":` + id + `,"kind":"branch","kind":"branch"}]}`,
			jsonWant{"orgs[0].kind", `"kind":"branch"}`, 1, 0, "kind", ErrInvalidValue, ""}},
		{"unknown kind", "{\"orgs\": [\n {\"id\": " + id + ",\n  \"kind\": \"党\"}]}",
			jsonWant{"orgs[0].kind", `"党"`, 3, 11, "党", ErrInvalidValue,
				`line 3, column 11: orgs[0].kind (id "d56fd36f-953f-51bf-8b6f-74003c8cc858"): invalid value: unknown kind "党"`}},
		{"count as a string", `{"orgs":[{"id":` + id + `,"kind":"branch","members":{"full":"3"}}]}`,
			jsonWant{"orgs[0].members.full", `"3"`, 1, 0, "3", ErrInvalidValue,
				`line 1, column 89: orgs[0].members.full (id "d56fd36f-953f-51bf-8b6f-74003c8cc858"): invalid value: want a whole number, got a string ("3")`}},
		{"fractional count", `{"orgs":[{"id":` + id + `,"kind":"branch","members":{"full":2.5}}]}`,
			jsonWant{"orgs[0].members.full", "2.5", 1, 0, "2.5", ErrInvalidValue, ""}},
		{"count overflow", `{"orgs":[{"id":` + id + `,"kind":"branch","members":{"probationary":9223372036854775808}}]}`,
			jsonWant{"orgs[0].members.probationary", "9223372036854775808", 1, 0, "9223372036854775808", ErrInvalidValue, ""}},
		{"fractional id in the second org", `{"orgs":[{"id":` + id + `,"kind":"branch"},{"id":1.5,"kind":"branch"}]}`,
			jsonWant{"orgs[1].id", `1.5`, 1, 0, "1.5", ErrInvalidValue,
				`line 1, column 78: orgs[1].id: invalid value: want a string, got a number ("1.5")`}},
		{"problem after a mapped id is placed in the input as written", "{\"orgs\":[{\"id\":\"1001\",\"kind\":\"branch\"},\n {\"id\":1002,\"kind\":\"nope\"}]}",
			jsonWant{"orgs[1].kind", `"nope"`, 2, 20, "nope", ErrInvalidValue,
				`line 2, column 20: orgs[1].kind (id "1002"): invalid value: unknown kind "nope"`}},
		{"bad date", `{"people":[{"id":` + id + `,"name":"a","fullSince":"2023-02-29"}]}`,
			jsonWant{"people[0].fullSince", `"2023-02-29"`, 1, 0, "2023-02-29", ErrInvalidValue,
				`line 1, column 80: people[0].fullSince (id "d56fd36f-953f-51bf-8b6f-74003c8cc858"): invalid value: not a calendar date ("2023-02-29")`}},
		{"object for a list", `{"orgs":{}}`,
			jsonWant{"orgs", "{}", 1, 9, "{}", ErrInvalidValue,
				`line 1, column 9: orgs: invalid value: want an array, got an object ("{}")`}},
		{"string for an object", `{"orgs":[{"id":` + id + `,"kind":"branch","term":"2021"}]}`,
			jsonWant{"orgs[0].term", `"2021"`, 1, 0, "2021", ErrInvalidValue,
				`line 1, column 78: orgs[0].term (id "d56fd36f-953f-51bf-8b6f-74003c8cc858"): invalid value: want an object, got a string ("2021")`}},
		{"bad id in a nested list", `{"bodies":[{"id":"b1","kind":"joint_conference","name":"c","chair":{"order":["o1",true],"start":"","months":6}}]}`,
			jsonWant{"bodies[0].chair.order[1]", `true`, 1, 0, "true", ErrInvalidValue, ""}},
		{"area not a number", `{"sites":[{"id":` + id + `,"kind":"member_station","name":"s","area":"12,5"}]}`,
			jsonWant{"sites[0].area", `"12,5"`, 1, 0, "12,5", ErrInvalidValue, ""}},
		{"area exponent out of range", `{"sites":[{"id":` + id + `,"kind":"member_station","name":"s","area":"1e999999999"}]}`,
			jsonWant{"sites[0].area", `"1e999999999"`, 1, 0, "1e999999999", ErrInvalidValue,
				`line 1, column 98: sites[0].area (id "d56fd36f-953f-51bf-8b6f-74003c8cc858"): out of range: decimal exponent out of range ±64 ("1e999999999")`}},
		{"long value is cut", `{"orgs":[{"id":` + id + `,"kind":"` + strings.Repeat("党", 30) + `"}]}`,
			jsonWant{"orgs[0].kind", `"党`, 1, 0, strings.Repeat("党", 21) + "…", ErrInvalidValue, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, err := DecodeJSON(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.Zero(t, recs, "no records on error")
			ps := dangjian.ProblemsOf(err)
			require.Len(t, ps, 1)
			je := ps[0]
			w := tt.want
			offset := len(tt.in)
			if w.at != "$" {
				offset = strings.Index(tt.in, w.at)
				require.GreaterOrEqual(t, offset, 0, "bad test: %q not in the input", w.at)
			}
			assert.Equal(t, w.path, je.Path, "path")
			assert.Equal(t, w.line, je.Line, "line")
			if w.column == 0 && w.line == 1 {
				w.column = utf8.RuneCountInString(tt.in[:offset]) + 1 // on line 1: the characters before it, plus one
			}
			assert.Equal(t, w.column, je.Column, "column")
			assert.Equal(t, w.value, je.Value, "value")
			if w.is != nil {
				assert.ErrorIs(t, err, w.is)
			} else {
				assert.ErrorIs(t, err, dangjian.ErrSyntax, "not JSON: a syntax error")
			}
			if w.msg != "" {
				assert.Equal(t, w.msg, err.Error())
			}
			assert.NotContains(t, err.Error(), "orgmodel")
			assert.NotContains(t, err.Error(), "Parse", "no Go names")
		})
	}
}

func TestDecodeJSONReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := DecodeJSON(iotest.ErrReader(boom))
	require.ErrorIs(t, err, boom)
	assert.Equal(t, "boom", err.Error(), "a read error is returned as it is")
}

func TestDecodeJSONUnwrapsCause(t *testing.T) {
	_, err := DecodeJSON(strings.NewReader(`{"orgs":[{"id":{}}]}`))
	var te *json.UnmarshalTypeError
	require.ErrorAs(t, err, &te, "the decoder's own error stays reachable")
	assert.ErrorIs(t, err, ErrInvalidValue)
}

// TestDecodeJSONEmptyListsAreNil checks every list of every record type,
// found by reflection so that a list added later is checked too: an empty
// list decodes as nil, as omitempty encodes nil and empty alike.
func TestDecodeJSONEmptyListsAreNil(t *testing.T) {
	// One document where the lists that hold records with lists inside
	// have one element and every other list is empty, and one where every
	// top-level list is empty.
	nested := jsonWithEmptyLists(reflect.TypeFor[Records](), true)
	flat := jsonWithEmptyLists(reflect.TypeFor[Records](), false)
	for name, doc := range map[string]any{"nested": nested, "flat": flat} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(doc)
			require.NoError(t, err)
			recs, err := DecodeJSON(bytes.NewReader(b))
			require.NoError(t, err, "%s", b)
			empties := emptyNonNilLists(reflect.ValueOf(recs), "records")
			assert.Empty(t, empties, "empty lists that decoded as non-nil, from %s", b)
		})
	}
	assert.Contains(t, mustMarshal(t, nested), `"approvals":[]`, "the nested document reaches the lists inside records")
	assert.Contains(t, mustMarshal(t, nested), `"order":[]`)
}

func mustMarshal(t *testing.T, v any) string {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// jsonWithEmptyLists returns a JSON value of type typ: a struct's fields
// all present, lists empty except (when nest is set) lists of structs that
// hold lists, which get one element. Leaves are the zero value's JSON.
func jsonWithEmptyLists(typ reflect.Type, nest bool) any {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch {
	case reflect.PointerTo(typ).Implements(reflect.TypeFor[json.Unmarshaler]()) || implementsText(typ):
		b, _ := json.Marshal(reflect.Zero(typ).Interface())
		return json.RawMessage(b)
	case typ.Kind() == reflect.Struct:
		m := map[string]any{}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if f.IsExported() && name != "-" {
				m[name] = jsonWithEmptyLists(f.Type, nest)
			}
		}
		return m
	case typ.Kind() == reflect.Slice:
		if nest && holdsList(typ.Elem()) {
			return []any{jsonWithEmptyLists(typ.Elem(), nest)}
		}
		return []any{}
	}
	b, _ := json.Marshal(reflect.Zero(typ).Interface())
	return json.RawMessage(b)
}

func holdsList(typ reflect.Type) bool {
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct || implementsText(typ) {
		return false
	}
	for i := 0; i < typ.NumField(); i++ {
		ft := typ.Field(i).Type
		if ft.Kind() == reflect.Slice || holdsList(ft) {
			return true
		}
	}
	return false
}

// emptyNonNilLists returns the paths of the empty, non-nil slices in v.
func emptyNonNilLists(v reflect.Value, path string) []string {
	var out []string
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out = append(out, emptyNonNilLists(v.Elem(), path)...)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				out = append(out, emptyNonNilLists(v.Field(i), path+"."+v.Type().Field(i).Name)...)
			}
		}
	case reflect.Slice:
		if !v.IsNil() && v.Len() == 0 {
			out = append(out, path)
		}
		for i := 0; i < v.Len(); i++ {
			out = append(out, emptyNonNilLists(v.Index(i), path+"[]")...)
		}
	}
	return out
}

// TestDecodeJSONSyntaxPathAnywhere cuts a valid document at every offset:
// each prefix is one syntax problem with a line, a column and the path of
// the value being read.
func TestDecodeJSONSyntaxPathAnywhere(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, EncodeJSON(&buf, smallRecords()))
	data := buf.Bytes()
	paths := map[string]bool{}
	for off := 1; off < len(data)-1; off++ {
		_, err := DecodeJSON(bytes.NewReader(data[:off]))
		ps := dangjian.ProblemsOf(err)
		require.Len(t, ps, 1, "%d", off)
		require.ErrorIs(t, ps[0], dangjian.ErrSyntax, "%d", off)
		require.GreaterOrEqual(t, ps[0].Line, 1)
		paths[ps[0].Path] = true
	}
	for _, p := range []string{"", "orgs", "orgs[3].approvals[0].rule", "bodies[0].chair.order[1]", "sites[0].area", "grids[0].org"} {
		assert.True(t, paths[p], "path %q never found", p)
	}
}

func BenchmarkDecodeJSON(b *testing.B) {
	recs, err := ReadCSV(bytes.NewReader(benchCSV(100_000)))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, recs); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		recs, err := DecodeJSON(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		sinkRecords = recs
	}
}

// withoutLines returns r with the organizations copied and their lines
// zeroed.
func withoutLines(r Records) Records {
	if r.Orgs != nil {
		orgs := make([]Org, len(r.Orgs))
		for i, o := range r.Orgs {
			o.Line = 0
			orgs[i] = o
		}
		r.Orgs = orgs
	}
	return r
}

// TestDecodeJSONCallerIDs checks that a JSON tree keyed by the caller's own
// ids (strings or integers) reads as a CSV one does: the same UUIDs, the
// keys and lines kept, and problems and findings that name the ids.
func TestDecodeJSONCallerIDs(t *testing.T) {
	const doc = "{\"orgs\": [\n" +
		"  {\"id\": \"1001\", \"kind\": \"committee\", \"domain\": \"community\", \"name\": \"社区党委\", \"members\": {\"full\": 30, \"probationary\": 0}},\n" +
		"  {\"id\": 1002, \"parent\": \"1001\", \"kind\": \"branch\", \"domain\": \"community\", \"name\": \"第一支部\",\n" +
		"   \"members\": {\"full\": 2, \"probationary\": 0}},\n" +
		"  {\"id\": \"" + "6ba7b810-9dad-11d1-80b4-00c04fd430c8" + "\", \"parent\": 1001, \"kind\": \"branch\", \"name\": \"第二支部\", \"members\": {\"full\": 5, \"probationary\": 0}}\n" +
		"], \"sites\": [{\"id\": \"S-1\", \"kind\": \"member_station\", \"org\": 1002, \"name\": \"站\", \"area\": \"10\"}]}\n"
	recs, err := DecodeJSON(strings.NewReader(doc))
	require.NoError(t, err)
	require.Len(t, recs.Orgs, 3)
	assert.Equal(t, CSVID("1001"), recs.Orgs[0].ID)
	assert.Equal(t, CSVID("1002"), recs.Orgs[1].ID)
	assert.Equal(t, CSVID("1001"), recs.Orgs[1].Parent)
	assert.Equal(t, uuid.MustParse("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), recs.Orgs[2].ID)
	assert.Equal(t, []string{"1001", "1002", ""}, []string{recs.Orgs[0].Key, recs.Orgs[1].Key, recs.Orgs[2].Key})
	assert.Equal(t, []int{2, 3, 5}, []int{recs.Orgs[0].Line, recs.Orgs[1].Line, recs.Orgs[2].Line})
	assert.Empty(t, recs.Orgs[0].Code, "DecodeJSON does not copy the id into the code")
	assert.Equal(t, CSVID("S-1"), recs.Sites[0].ID)

	// The same tree as CSV maps to the same UUIDs.
	csvRecs, err := ReadCSV(strings.NewReader("id,parent_id,kind,domain,name,full_members,probationary_members\n" +
		"1001,,committee,community,社区党委,30,0\n1002,1001,branch,community,第一支部,2,0\n"))
	require.NoError(t, err)
	assert.Equal(t, csvRecs.Orgs[1].ID, recs.Orgs[1].ID)
	assert.Equal(t, csvRecs.Orgs[1].Parent, recs.Orgs[1].Parent)

	// Encoding writes the caller's ids back; decoding that gives the same records.
	var buf bytes.Buffer
	require.NoError(t, EncodeJSON(&buf, recs))
	assert.Contains(t, buf.String(), `"id": "1002",`)
	assert.Contains(t, buf.String(), `"parent": "1001",`)
	assert.Contains(t, buf.String(), `"id": "S-1",`)
	assert.Contains(t, buf.String(), `"org": "1002",`)
	back, err := DecodeJSON(&buf)
	require.NoError(t, err)
	requireRecordsEqual(t, recs, back)

	// Findings name the caller's ids and the lines.
	tree, err := Build(recs)
	require.NoError(t, err)
	rep, err := Validate(tree, NationalRules(), dangjian.MustParseDate("2025-06-30"))
	require.NoError(t, err)
	var subjects []string
	for _, f := range rep.Findings {
		if f.Rule == "ORG-BRANCH-MIN-3" {
			subjects = append(subjects, fmt.Sprintf("%s@%d", f.Subject, f.Line))
		}
	}
	assert.Equal(t, []string{"1002@3"}, subjects)

	// Build's problems too.
	bad, err := DecodeJSON(strings.NewReader(strings.Replace(doc, `"parent": 1001`, `"parent": 1009`, 1)))
	require.NoError(t, err)
	_, berr := Build(bad)
	ps := dangjian.ProblemsOf(berr)
	require.Len(t, ps, 1)
	assert.Equal(t, `line 5: orgs[2].parent (id "6ba7b810-9dad-11d1-80b4-00c04fd430c8"): unknown parent ("1009")`, ps[0].Error())
	b, err := json.Marshal(ps[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"unknown_parent","path":"orgs[2].parent","id":"6ba7b810-9dad-11d1-80b4-00c04fd430c8",`+
		`"line":5,"value":"1009","message":"unknown parent"}`, string(b))
	assert.ErrorIs(t, berr, dangjian.ErrUnknownRef)
}
