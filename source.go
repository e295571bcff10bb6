package dangjian

import (
	"strings"

	"github.com/dangjian-go/dangjian/internal/enum"
)

// Confidence says how well a rule's wording has been checked against its
// source. The marks are those of the reference documents the library is
// built from.
//
// The zero value is [ConfidenceUnknown], which is never valid on a rule.
type Confidence uint8

const (
	ConfidenceUnknown Confidence = iota // not set; invalid on a rule
	Verified                            // wording seen in a copy of the source
	Reported                            // from a secondary page quoting or paraphrasing the source
	Unverified                          // recalled, not confirmed in any copy
	LocalPractice                       // a local arrangement, not a central rule
	// LibraryChoice marks a value the library chose where no source gives
	// one (a weight, a cap, a day): the citation is the library's own, and
	// the value is a parameter a caller replaces.
	LibraryChoice
)

var confidenceTable = enum.New("Confidence",
	[]string{"", "verified", "reported", "unverified", "local_practice", "library_choice"},
	[]string{"", "已核实", "转述", "未核实", "地方做法", "本库取值"},
	map[string]int{"ours": 5, "本库自拟": 5})

// String returns the stable English code.
func (v Confidence) String() string { return confidenceTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Confidence) Label() string { return confidenceTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values.
func (v Confidence) IsValid() bool { return confidenceTable.Valid(int(v)) }

// ParseConfidence accepts the English code (any case) or the Chinese label.
func ParseConfidence(s string) (Confidence, error) {
	v, err := confidenceTable.Parse("dangjian", s)
	return Confidence(v), err
}

// MarshalText encodes the English code; the zero value encodes as "".
func (v Confidence) MarshalText() ([]byte, error) { return confidenceTable.Marshal("dangjian", int(v)) }

// UnmarshalText accepts the English code or the Chinese label; "" decodes to
// the zero value.
func (v *Confidence) UnmarshalText(b []byte) error {
	x, err := confidenceTable.Unmarshal("dangjian", b)
	if err == nil {
		*v = Confidence(x)
	}
	return err
}

// Source cites where a rule value comes from: the document, the article
// within it, where the wording was seen, and how well it was checked.
type Source struct {
	// Doc is the short name or number of the document, e.g.
	// "中国共产党支部工作条例（试行）" or "中组发〔2008〕3号".
	Doc string `json:"doc"`
	// Article locates the rule inside the document, e.g. "第四条".
	// Empty where the reference gives no article number.
	Article string `json:"article,omitempty"`
	// URL is where a copy of the wording was seen, if any.
	URL string `json:"url,omitempty"`
	// Confidence is how well the wording was checked.
	Confidence Confidence `json:"confidence"`
	// Note qualifies the citation (an assumed day, a reading of the text).
	Note string `json:"note,omitempty"`
}

// IsZero reports whether s carries no citation at all.
func (s Source) IsZero() bool { return s == Source{} }

// String renders the citation as "Doc Article [confidence]".
func (s Source) String() string {
	var b strings.Builder
	b.WriteString(s.Doc)
	if s.Article != "" {
		b.WriteString(" ")
		b.WriteString(s.Article)
	}
	if s.Confidence != ConfidenceUnknown {
		b.WriteString(" [")
		b.WriteString(s.Confidence.String())
		b.WriteString("]")
	}
	return b.String()
}
