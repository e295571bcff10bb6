package orgmodel

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
}
