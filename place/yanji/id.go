package yanji

import "github.com/google/uuid"

// yanjiSpace is the namespace of every ID in [Records] (see [ID]). Its
// name is the one it had in orgmodel, where the city was first, so that
// the IDs stay the same.
var yanjiSpace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://github.com/dangjian-go/dangjian/orgmodel#Yanji"))

// ID returns the ID of the record of [Records] with this key: the
// name-based (SHA-1) UUID of the key in a fixed namespace. Keys are stable
// paths such as "org/street/1", "org/community/07/grid/2/branch",
// "grid/community/07/2", "body/street/1/conference", "site/village/03/office",
// "person/…" or "assignment/05". An organization's key without the "org/"
// prefix is kept in its [orgmodel.Org.Code].
func ID(key string) uuid.UUID { return uuid.NewSHA1(yanjiSpace, []byte(key)) }
