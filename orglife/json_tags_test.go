package orglife

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var lowerCamel = regexp.MustCompile(`^[a-z][a-zA-Z0-9]*$`)

// Every JSON key of the package's types is lowerCamel.
func TestJSONTagsLowerCamel(t *testing.T) {
	for _, typ := range []reflect.Type{reflect.TypeFor[meetingJSON](), reflect.TypeFor[Tally](), reflect.TypeFor[History](),
		reflect.TypeFor[Step](), reflect.TypeFor[RuleSet](), reflect.TypeFor[Rule]()} {
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if f.Anonymous && f.Type.Name() == "Rule" {
				continue // dangjian.Rule: id, period, source
			}
			tag, ok := f.Tag.Lookup("json")
			require.True(t, ok, "%s.%s has no json tag", typ.Name(), f.Name)
			name, _, _ := strings.Cut(tag, ",")
			assert.Regexp(t, lowerCamel, name, "%s.%s", typ.Name(), f.Name)
		}
	}
}

// A rule set is data: its JSON reads back to the same set.
func TestRuleSetJSONRoundTrip(t *testing.T) {
	rs := NationalRules().With(LectureQuarterly(), PartyDayAttendance(), Rule{Rule: LectureMonthly().Rule, Check: Frequency,
		Modality: LectureMonthly().Modality, Type: Lecture, Unit: HalfYear, Count: 2, Partial: Prorate, MinFull: 3})
	rs.Rules[len(rs.Rules)-1].ID = "T-ROUND-TRIP"
	b, err := json.Marshal(rs)
	require.NoError(t, err)
	var back RuleSet
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rs, back)
	assert.Contains(t, string(b), `"check":"frequency"`)
	assert.Contains(t, string(b), `"partial":"prorate"`)
}
