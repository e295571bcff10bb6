package strictjson

import "unicode/utf8"

// Unquote decodes a JSON string as a [Scanner] read it (quotes included,
// escapes checked) the way encoding/json does: escapes resolved, a lone
// surrogate and a byte that is not UTF-8 each becoming U+FFFD. ok is false
// if the string held a byte that is not UTF-8.
func Unquote(raw []byte) (s string, ok bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return string(raw), utf8.Valid(raw)
	}
	inner := raw[1 : len(raw)-1]
	simple := true
	for _, c := range inner {
		if c == '\\' {
			simple = false
			break
		}
	}
	if simple && utf8.Valid(inner) {
		return string(inner), true
	}
	b := make([]byte, 0, len(inner))
	ok = true
	for i := 0; i < len(inner); {
		c := inner[i]
		if c != '\\' {
			r, size := utf8.DecodeRune(inner[i:])
			if r == utf8.RuneError && size == 1 {
				ok = false
				b = utf8.AppendRune(b, utf8.RuneError)
			} else {
				b = append(b, inner[i:i+size]...)
			}
			i += size
			continue
		}
		if i+1 >= len(inner) {
			break // not from a Scanner
		}
		switch inner[i+1] {
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			if i+6 > len(inner) {
				return string(b), ok // not from a Scanner
			}
			r := hex4(inner[i+2 : i+6])
			i += 6
			if 0xD800 <= r && r < 0xDC00 && i+6 <= len(inner) && inner[i] == '\\' && inner[i+1] == 'u' {
				if r2 := hex4(inner[i+2 : i+6]); 0xDC00 <= r2 && r2 < 0xE000 {
					r = (r-0xD800)<<10 | (r2 - 0xDC00) + 0x10000
					i += 6
				}
			}
			if 0xD800 <= r && r < 0xE000 {
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
			continue
		default: // '"', '\\', '/'
			b = append(b, inner[i+1])
		}
		i += 2
	}
	return string(b), ok
}

func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		r <<= 4
		switch {
		case '0' <= c && c <= '9':
			r |= rune(c - '0')
		case 'a' <= c && c <= 'f':
			r |= rune(c - 'a' + 10)
		case 'A' <= c && c <= 'F':
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// InvalidUTF8 returns the offset of the first byte of data that is not
// UTF-8, or -1 if data is UTF-8.
func InvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for off := 0; off < len(data); {
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			return off
		}
		off += n
	}
	return -1
}

// HasBOM reports whether data starts with a UTF-8 byte order mark.
func HasBOM(data []byte) bool {
	return len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF
}
