package catalogue

import (
	"strings"

	"github.com/dangjian-go/dangjian/due"
)

// due catalogues the due calendar's default reminder lead times.
func (c *collector) due() {
	leads := due.DefaultLeads()
	if err := leads.Check(); err != nil {
		c.fail("due.DefaultLeads: %w", err)
	}
	for _, r := range leads {
		var before []string
		for _, l := range r.Before {
			before = append(before, l.String())
		}
		value := r.What.String() + ": " + strings.Join(before, ", ") + " before the due date"
		e := header(Entry{Area: "due", Family: "Reminder lead times", Table: "due.DefaultLeads", Value: value}, r.Rule)
		if r.Unit != 0 {
			e.Scope = "unit: " + r.Unit.String()
		}
		if len(r.For) > 0 {
			e.Scope = "rules: " + strings.Join(r.For, ", ")
		}
		c.add(e)
	}
}
