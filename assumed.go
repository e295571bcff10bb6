package dangjian

// AssumedDate is a day the library assumes where its sources do not give
// one — most often the day a rule took effect, when only its month or year
// is known. It is data a caller can change: Date is the day assumed (the
// best supported, by default), Window the days the true date may lie in as
// far as the sources tell, and Why what the assumption rests on.
//
// A choice made for a day inside Window (which rule set applies to a month,
// which term rule to an election) could have gone the other way had the
// true date been another day of the window: [AssumedDate.Decides] says
// so, and the packages note it in their traces and findings with
// [AssumedDate.Note]. A caller who knows the day sets Date to it and
// Window to the zero Period, which means the day is known.
//
// The zero AssumedDate assumes nothing and decides nothing.
type AssumedDate struct {
	// ID names the assumption, e.g. "ASSUME-DUES-2017-FROM".
	ID string `json:"id"`
	// Date is the day assumed.
	Date Date `json:"date"`
	// Window is where the true day may lie: [From, To). The zero Period
	// means the day is known.
	Window Period `json:"window"`
	// Why says what the assumption rests on.
	Why string `json:"why"`
}

// Known reports whether the day is known: the Window is the zero Period.
func (a AssumedDate) Known() bool { return a.Window == Period{} }

// Decides reports whether a choice made for day d rests on the assumption:
// the day is not known and d lies in the Window.
func (a AssumedDate) Decides(d Date) bool {
	return !a.Known() && !a.Date.IsZero() && a.Window.Contains(d)
}

// Note renders the assumption for a trace or a finding: which day was
// assumed, under which ID, the window and what it rests on.
func (a AssumedDate) Note() string {
	s := "decided by an assumed date: " + a.Date.String() + " (" + a.ID + ")"
	if !a.Known() {
		s += "; the true day lies in " + a.Window.String()
	}
	if a.Why != "" {
		s += "; " + a.Why
	}
	return s
}
