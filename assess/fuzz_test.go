package assess_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/dangjian-go/dangjian"

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
	f.Add([]byte(`{"name":"x","sources":[{"id":"o","doc":"d"}],"components":[{"id":"c","weight":"1","max":"1","cites":{"weight":"o","max":"?"},"indicators":[{"id":"i","max":"1","cites":{"target":"o"},"method":{"kind":"direct"}}]}]}`))
	f.Add([]byte("{\"name\":\"x\",\"name\":\"y\",\"colour\":1,\"year\":\"2025\",\"components\":[{\"id\":\"c\",\"max\":true}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// What the strict decoder accepts, encoding/json accepts alike;
		// every problem it reports has a kind and a message.
		if !assertSameAsStdlib(t, data, func() (any, error) { return assess.DecodeScheme(bytes.NewReader(data)) }, new(assess.Scheme)) {
			return
		}
		s, _ := assess.DecodeScheme(bytes.NewReader(data))
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
	f.Add([]byte(`[{"id":"a","id":"b","colour":1,"values":{"x":true,"x":"1"},"bonus":{"b":1.5}}]`))
	sc, err := assess.Compile(workedScheme())
	if err != nil {
		f.Fatal(err)
	}
	in := sc.NewInput()
	var into assess.Result
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := assess.DecodeSubjects(bytes.NewReader(data))
		if err != nil {
			for _, p := range dangjian.ProblemsOf(err) {
				if p.Kind == nil || p.Message() == "" || !utf8.ValidString(p.Error()) {
					t.Fatalf("a problem without a kind or message, or not UTF-8: %#v", p)
				}
			}
			return
		}
		if t := bytes.TrimLeft(data, " \t\r\n"); len(t) > 0 && t[0] == '[' {
			var std []assess.Subject
			dec := json.NewDecoder(bytes.NewReader(data))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&std); err != nil {
				panic("the strict decoder accepts what encoding/json rejects: " + err.Error())
			}
		}
		for _, s := range subs {
			want, wantErr := sc.Score(s)
			_, _ = sc.Explain(s)
			// The positional form agrees with the Subject form.
			if err := sc.Fill(in, s); err != nil {
				if wantErr == nil {
					t.Fatalf("Fill reports %v, Score nothing", err)
				}
				continue
			}
			got, gotErr := sc.ScoreInput(in)
			if (gotErr == nil) != (wantErr == nil) || (gotErr == nil && got.Total.Cmp(want.Total) != 0) {
				t.Fatalf("ScoreInput %v %v, Score %v %v", got.Total, gotErr, want.Total, wantErr)
			}
			_ = sc.ExplainInto(&into, in)
		}
	})
}

// Decoding any bytes as a Result (its trace's Pairs and Cites, its Tally)
// never panics; what decodes encodes again and decodes to the same.
func FuzzResultJSON(f *testing.F) {
	sc, err := assess.Compile(workedScheme())
	if err != nil {
		f.Fatal(err)
	}
	res, err := sc.Explain(workedSubject())
	if err != nil {
		f.Fatal(err)
	}
	b, _ := json.Marshal(res)
	f.Add(b)
	f.Add([]byte(`{"ballots":{"好":1,"差":-2},"trace":{"id":"t","inputs":{"a":"1"},"sources":{"x":{"doc":"d"}}}}`))
	f.Add([]byte(`{"ballots":[]}`))
	f.Add([]byte(`{"trace":{"id":"t","sources":{"a#cap":{"doc":"d"},"a":{"doc":"e"},"#":{"doc":"f"}}},"gates":[{"gate":"g","gradeSource":{"doc":"o"}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r assess.Result
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		b1, err := json.Marshal(r)
		if err != nil {
			return // e.g. a number that does not re-encode; decoding is what is fuzzed
		}
		var r2 assess.Result
		if err := json.Unmarshal(b1, &r2); err != nil {
			t.Fatalf("re-decoding %s: %v", b1, err)
		}
		b2, err := json.Marshal(r2)
		if err != nil || !bytes.Equal(b1, b2) {
			t.Fatalf("not stable: %s / %s (%v)", b1, b2, err)
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

// Pairs, Cites and Tally encode as the maps they replace did: objects with
// sorted keys, escaped alike; a repeated key cannot be encoded.
func TestOrderedListsJSON(t *testing.T) {
	pairs := assess.Pairs{{Key: "b<", Value: "2&"}, {Key: "a", Value: "1"}, {Key: "好", Value: "−0.5"}}
	got, err := json.Marshal(pairs)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := json.Marshal(pairs.Map())
	if string(got) != string(want) {
		t.Fatalf("Pairs %s, map %s", got, want)
	}
	tally := assess.Tally{{Level: "差", Count: 1}, {Level: "好", Count: 25}}
	got, _ = json.Marshal(tally)
	want, _ = json.Marshal(tally.Map())
	if string(got) != string(want) {
		t.Fatalf("Tally %s, map %s", got, want)
	}
	var back assess.Tally
	if err := json.Unmarshal(got, &back); err != nil || back.Get("好") != 25 || back.Get("差") != 1 || back.Get("一般") != 0 {
		t.Fatalf("Tally back: %v %v", back, err)
	}
	if _, err := json.Marshal(assess.Pairs{{Key: "a"}, {Key: "a"}}); err == nil {
		t.Fatal("a repeated key is an error")
	}
	var cites assess.Cites
	if err := json.Unmarshal([]byte(`{"b":{"doc":"B"},"a":{"doc":"A"}}`), &cites); err != nil {
		t.Fatal(err)
	}
	if src, ok := cites.Get("a"); !ok || src.Doc != "A" || cites[0].ID != "a" {
		t.Fatalf("Cites: %+v", cites)
	}
	if _, ok := cites.Get("z"); ok {
		t.Fatal("no such cite")
	}
}
