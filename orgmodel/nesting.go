package orgmodel

import "github.com/dangjian-go/dangjian"

// Nesting says which kinds may sit under which: the shape of the tree. It is
// checked when a [Tree] is built. The zero Nesting allows nothing; start
// from [DefaultNesting].
type Nesting struct {
	dangjian.Rule
	allowed [16]uint16 // allowed[child] has bit parent set
	roots   uint16     // kinds allowed at the root
}

// DefaultNesting returns the nesting of 党章 第三十条 and common practice:
// local committees at the top; work committees under a local or another
// work committee; grassroots committees under a local committee, a work
// committee or another committee; general branches and branches under any
// committee (直属); party groups only inside branches; temporary
// organizations under permanent committees or other temporary ones. Any
// level may be the root of a tree (a subtree export); a party group may not.
func DefaultNesting() Nesting {
	n := Nesting{Rule: dangjian.Rule{
		ID: "ORG-NEST",
		Source: dangjian.Source{Doc: "中国共产党章程", Article: "第三十条", Confidence: dangjian.Reported,
			Note: "levels and approval from Art. 30; the parent table itself is common practice, replaceable"},
	}}
	committees := []Kind{LocalCommittee, WorkCommittee, Committee}
	n.Allow(LocalCommittee, LocalCommittee)
	n.Allow(WorkCommittee, LocalCommittee, WorkCommittee)
	n.Allow(Committee, committees...)
	n.Allow(GeneralBranch, committees...)
	n.Allow(Branch, append(committees, GeneralBranch)...)
	n.Allow(JointBranch, append(committees, GeneralBranch)...)
	n.Allow(PartyGroup, Branch, JointBranch, TempBranch, TempJointBranch)
	n.Allow(TempCommittee, committees...)
	n.Allow(TempGeneralBranch, append(committees, TempCommittee)...)
	n.Allow(TempBranch, append(committees, GeneralBranch, TempCommittee, TempGeneralBranch)...)
	n.Allow(TempJointBranch, append(committees, GeneralBranch, TempCommittee, TempGeneralBranch)...)
	for _, k := range Kinds() {
		if k != PartyGroup {
			n.AllowRoot(k)
		}
	}
	return n
}

// Allow lets kind child sit under each of parents. Nesting is a value:
// Allow changes only the receiver's copy.
func (n *Nesting) Allow(child Kind, parents ...Kind) {
	for _, p := range parents {
		n.allowed[child&15] |= 1 << (p & 15)
	}
}

// AllowRoot lets kind k be the root of a tree.
func (n *Nesting) AllowRoot(k Kind) { n.roots |= 1 << (k & 15) }

// Allows reports whether child may sit under parent.
func (n Nesting) Allows(parent, child Kind) bool {
	return child.IsValid() && parent.IsValid() && n.allowed[child&15]&(1<<(parent&15)) != 0
}

// AllowsRoot reports whether k may be a root.
func (n Nesting) AllowsRoot(k Kind) bool { return k.IsValid() && n.roots&(1<<(k&15)) != 0 }
