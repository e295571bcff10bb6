package orgmodel

import "github.com/google/uuid"

// Records is the input a [Tree] is built from, and what it encodes to: the
// organizations, and beside them the people, posts, dispatch assignments,
// non-party and coordination bodies, sites and grids linked to them.
//
// IDs are unique across organizations, bodies and grids, so that a
// [Post.Body] names exactly one of them.
type Records struct {
	Orgs        []Org        `json:"orgs"`
	People      []Person     `json:"people,omitempty"`
	Posts       []Post       `json:"posts,omitempty"`
	Assignments []Assignment `json:"assignments,omitempty"`
	Bodies      []Body       `json:"bodies,omitempty"`
	Sites       []Site       `json:"sites,omitempty"`
	Grids       []Grid       `json:"grids,omitempty"`

	// ids holds the caller's own text of IDs that were not UUIDs and
	// that no Org.Key or Org.ParentKey holds (people, bodies, sites,
	// grids and their references), as DecodeJSON reads them, so that
	// problems and findings quote what the caller wrote.
	ids map[uuid.UUID]string
}

// idText returns the caller's text of id: the text it was read from, or
// the UUID ("" for the nil UUID). Organization IDs are looked up by the
// caller, who knows the Org.Key.
func (r *Records) idText(id uuid.UUID) string {
	if s, ok := r.ids[id]; ok {
		return s
	}
	if id == uuid.Nil {
		return ""
	}
	return id.String()
}

// setIDText records the caller's text of a derived id.
func (r *Records) setIDText(id uuid.UUID, text string) {
	if r.ids == nil {
		r.ids = map[uuid.UUID]string{}
	}
	r.ids[id] = text
}
