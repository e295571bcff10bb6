package strictjson

// SkipSpace returns the offset of the first byte at or after i that is
// not JSON white space (space, tab, line feed, carriage return), or
// len(data).
func SkipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// Word returns the bytes of data from off up to the next white space or
// JSON punctuation (at least one byte, if off is in data): the bare word
// a problem quotes where a JSON value was wanted.
func Word(data []byte, off int) []byte {
	if off >= len(data) {
		return nil
	}
	end := off + 1
	for end < len(data) && !isPunct(data[end]) {
		end++
	}
	return data[off:end]
}

func isPunct(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', ',', ':', '[', ']', '{', '}', '"':
		return true
	}
	return false
}
