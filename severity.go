package dangjian

import "github.com/dangjian-go/dangjian/internal/enum"

// Severity grades a [Finding]. It follows the modality of the rule: an
// 应当 (must) rule gives [Error], an 一般 (usually) rule or a soft cap gives
// [Warning], and a 可以 (may, with approval) rule, or a finding that an
// approval record covers, gives [Info]. The zero value is
// [SeverityUnknown].
type Severity uint8

const (
	SeverityUnknown Severity = iota // not set
	Info                            // 提示: allowed with approval, or for information
	Warning                         // 警告: departs from a normal (一般) rule
	Error                           // 错误: breaks a shall (应当) rule
)

var severityTable = enum.New("Severity",
	[]string{"", "info", "warning", "error"},
	[]string{"", "提示", "警告", "错误"},
	map[string]int{"information": 1, "warn": 2})

// SeverityOf returns the severity a finding of a rule with modality m has.
func SeverityOf(m Modality) Severity {
	switch m {
	case Must:
		return Error
	case Usually:
		return Warning
	case May:
		return Info
	}
	return SeverityUnknown
}

// String returns the stable English code.
func (v Severity) String() string { return severityTable.Code(int(v)) }

// Label returns the Chinese label.
func (v Severity) Label() string { return severityTable.Label(int(v)) }

// IsValid reports whether v is one of the defined values (not SeverityUnknown).
func (v Severity) IsValid() bool { return severityTable.Valid(int(v)) }

// ParseSeverity accepts the English code (any case), the Chinese label or a
// listed alias. An unknown input is an error that quotes it.
func ParseSeverity(s string) (Severity, error) {
	v, err := severityTable.Parse("dangjian", s)
	return Severity(v), err
}

// MarshalText encodes the English code; SeverityUnknown encodes as "".
func (v Severity) MarshalText() ([]byte, error) { return severityTable.Marshal("dangjian", int(v)) }

// UnmarshalText accepts the English code, the Chinese label or an alias;
// "" decodes to SeverityUnknown.
func (v *Severity) UnmarshalText(b []byte) error {
	x, err := severityTable.Unmarshal("dangjian", b)
	if err == nil {
		*v = Severity(x)
	}
	return err
}
