package orgmodel

import "github.com/dangjian-go/dangjian"

// Severity grades a [Finding].
//
// Deprecated: use [dangjian.Severity]; this alias goes in a later release.
type Severity = dangjian.Severity

// The severities.
//
// Deprecated: use [dangjian.Info], [dangjian.Warning] and [dangjian.Error].
const (
	SeverityUnknown = dangjian.SeverityUnknown
	Info            = dangjian.Info
	Warning         = dangjian.Warning
	Error           = dangjian.Error
)

// SeverityOf returns the severity a finding of a rule with modality m has.
//
// Deprecated: use [dangjian.SeverityOf].
func SeverityOf(m dangjian.Modality) Severity { return dangjian.SeverityOf(m) }

// ParseSeverity accepts the English code, the Chinese label or an alias.
//
// Deprecated: use [dangjian.ParseSeverity].
func ParseSeverity(s string) (Severity, error) { return dangjian.ParseSeverity(s) }
