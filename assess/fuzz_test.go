package assess_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/dangjian-go/dangjian/assess"
)

// Decoding any bytes never panics; a decoded scheme compiles or reports
// problems, never panics; a compiled scheme scores the worked subject or
// reports an error, never panics.
func FuzzDecodeScheme(f *testing.F) {
	b, _ := json.Marshal(workedScheme())
	f.Add(b)
	f.Add([]byte(`{"name":"x","components":[{"id":"c","weight":"1","max":"1","indicators":[{"id":"i","max":"1","method":{"kind":"direct"}}]}]}`))
	f.Add([]byte(`{"name":"x","bands":[{"grade":"好","from":"1e9"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := assess.DecodeScheme(bytes.NewReader(data))
		if err != nil {
			return
		}
		sc, err := assess.Compile(s)
		if err != nil {
			return
		}
		_, _ = sc.Explain(workedSubject())
	})
}

// Decoding any subjects never panics, and scoring them never panics.
func FuzzDecodeSubjects(f *testing.F) {
	b, _ := json.Marshal([]assess.Subject{workedSubject()})
	f.Add(b)
	f.Add([]byte(`{"subjects":[{"id":"a","values":{"project":"1e3"}}]}`))
	f.Add([]byte(`[{"id":"a","votes":{"votes":{"masses":{"counts":{"好":-1}}}}}]`))
	sc, err := assess.Compile(workedScheme())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := assess.DecodeSubjects(bytes.NewReader(data))
		if err != nil {
			return
		}
		for _, s := range subs {
			_, _ = sc.Explain(s)
		}
	})
}

func TestSchemeJSONRoundTrip(t *testing.T) {
	b, err := json.Marshal(workedScheme())
	if err != nil {
		t.Fatal(err)
	}
	s, err := assess.DecodeScheme(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	sc, err := assess.Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sc.Score(workedSubject())
	if err != nil || res.Total.String() != "94.14" {
		t.Fatalf("round trip: %v %v", res.Total, err)
	}
	if _, err := assess.DecodeScheme(bytes.NewReader([]byte(`{"name":"x","colour":"red"}`))); err == nil {
		t.Fatal("an unknown field is an error")
	}
	if _, err := assess.DecodeScheme(bytes.NewReader([]byte(`{"name":"x"} {}`))); err == nil {
		t.Fatal("trailing data is an error")
	}
}
