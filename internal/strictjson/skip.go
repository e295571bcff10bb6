package strictjson

import "unicode/utf8"

// skipRest is the fast path of [Stream.Value]: data[i:] follows the '{'
// (object) or '[' of a container whose frame is the depth-th open one; it
// returns the offset just after the container's matching end, having
// checked every byte as [Scanner] does, and true. It returns false (and
// the caller reads the container token by token, as before) for anything
// the scanner would report, for nesting deeper than 63 levels or than
// limit, and for a container that does not end within data: it accepts
// only what the scanner accepts, and never reports a problem itself.
func skipRest(data []byte, i int, object bool, depth, limit int) (int, bool) {
	const (
		value = iota
		valueOrEnd
		key
		keyOrEnd
		commaOrEnd
	)
	var stack uint64 // bit k: level k is an object
	n := 1
	state := valueOrEnd
	if object {
		stack, state = 1, keyOrEnd
	}
	for {
		for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
			i++
		}
		if i >= len(data) {
			return 0, false
		}
		c := data[i]
		switch state {
		case valueOrEnd, keyOrEnd:
			if (state == valueOrEnd && c == ']') || (state == keyOrEnd && c == '}') {
				i++
				n--
				stack >>= 1
				if n == 0 {
					return i, true
				}
				state = commaOrEnd
				continue
			}
			if state == keyOrEnd {
				state = key
			} else {
				state = value
			}
			continue
		case key:
			if c != '"' {
				return 0, false
			}
			var ok bool
			if i, ok = skipString(data, i); !ok {
				return 0, false
			}
			for i < len(data) && (data[i] == ' ' || data[i] == '\n' || data[i] == '\t' || data[i] == '\r') {
				i++
			}
			if i >= len(data) || data[i] != ':' {
				return 0, false
			}
			i++
			state = value
		case commaOrEnd:
			obj := stack&1 == 1
			switch {
			case c == ',':
				i++
				state = value
				if obj {
					state = key
				}
			case (obj && c == '}') || (!obj && c == ']'):
				i++
				n--
				stack >>= 1
				if n == 0 {
					return i, true
				}
			default:
				return 0, false
			}
		case value:
			var ok bool
			switch {
			case c == '{' || c == '[':
				if n >= 63 || depth+n >= limit {
					return 0, false
				}
				n++
				stack <<= 1
				i++
				state = valueOrEnd
				if c == '{' {
					stack |= 1
					state = keyOrEnd
				}
				continue
			case c == '"':
				i, ok = skipString(data, i)
			case c == '-' || ('0' <= c && c <= '9'):
				i, ok = skipNumber(data, i)
			case c == 't':
				i, ok = skipWord(data, i, "true")
			case c == 'f':
				i, ok = skipWord(data, i, "false")
			case c == 'n':
				i, ok = skipWord(data, i, "null")
			}
			if !ok {
				return 0, false
			}
			state = commaOrEnd
		}
	}
}

// skipString returns the offset after the string that starts at data[i]
// (a '"'), or false where [Scanner] reports a problem or data ends.
func skipString(data []byte, i int) (int, bool) {
	i++
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			return i + 1, true
		case c == '\\':
			if i+1 >= len(data) {
				return 0, false
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(data) {
					return 0, false
				}
				for _, h := range data[i+2 : i+6] {
					if !isHex(h) {
						return 0, false
					}
				}
				i += 6
			default:
				return 0, false
			}
		case c < 0x20:
			return 0, false
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				return 0, false
			}
			i += size
		default:
			i++
		}
	}
	return 0, false
}

// skipNumber returns the offset after the number that starts at data[i],
// or false where [Scanner] reports a problem or the number may go on
// after data.
func skipNumber(data []byte, i int) (int, bool) {
	digits := func() bool {
		d := i
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		return i > d
	}
	if data[i] == '-' {
		i++
	}
	start := i
	if !digits() || (data[start] == '0' && i-start > 1) {
		return 0, false
	}
	if i < len(data) && data[i] == '.' {
		i++
		if !digits() {
			return 0, false
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if !digits() {
			return 0, false
		}
	}
	return i, i < len(data)
}

func skipWord(data []byte, i int, w string) (int, bool) {
	if len(data)-i < len(w) || string(data[i:i+len(w)]) != w {
		return 0, false
	}
	return i + len(w), true
}
