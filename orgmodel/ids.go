package orgmodel

import (
	"crypto/sha1"

	"github.com/google/uuid"
)

// csvNamespaceText is the namespace of the IDs ReadCSV derives. It was
// drawn at random once (a version 4 UUID) and must never change: every ID
// derived from a CSV id that is not a UUID depends on it.
const csvNamespaceText = "f6d08889-1085-4b13-bf88-28c3540e0dc6"

// csvSpace is the namespace of the name-based IDs ReadCSV derives.
var csvSpace = uuid.MustParse(csvNamespaceText)

// looksLikeUUID reports whether s has the length of a form uuid.Parse
// accepts, to spare the error of parsing ids that are plainly not UUIDs.
func looksLikeUUID(s string) bool {
	switch len(s) {
	case 32, 36, 38, 41, 45:
		return true
	}
	return false
}

// isUUIDText reports whether ReadCSV would read s as a UUID.
func isUUIDText(s string) bool {
	if !looksLikeUUID(s) {
		return false
	}
	_, err := uuid.Parse(s)
	return err == nil
}

// sha1UUID returns the version 5 UUID of namespace-and-name b, as
// uuid.NewSHA1 does, without allocating.
func sha1UUID(b []byte) uuid.UUID {
	sum := sha1.Sum(b)
	var u uuid.UUID
	copy(u[:], sum[:])
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return u
}

// CSVID returns the ID that [ReadCSV] gives an organization whose id (or
// parent_id) cell is not a UUID: the name-based (SHA-1, version 5) UUID of
// the text in a fixed namespace, f6d08889-1085-4b13-bf88-28c3540e0dc6,
// drawn at random once. The same id maps to the same UUID in every file,
// program and version, so other programs can compute the mapping.
func CSVID(text string) uuid.UUID {
	b := make([]byte, 0, len(csvSpace)+len(text))
	b = append(append(b, csvSpace[:]...), text...)
	return sha1UUID(b)
}
