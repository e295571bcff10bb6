package dangjian

// FindingEncoder appends findings as indented JSON: the bytes
// [Finding.AppendJSONIndent] appends, byte for byte, sooner for a stream of
// findings that cite the same few sources (the findings of one rule share
// theirs). It remembers the encoding of the last [FindingEncoderSources]
// sources it wrote and copies it when a finding's [Source] is equal to one
// of them, instead of escaping its text again.
//
// The zero value encodes as NewFindingEncoder("", "") does. An encoder
// holds at most FindingEncoderSources encoded sources, each as long as a
// source's text escaped; it is not safe for concurrent use: give each
// goroutine its own.
type FindingEncoder struct {
	prefix, indent string
	sources        sourceCache
}

// FindingEncoderSources is how many encoded sources a [FindingEncoder]
// keeps.
const FindingEncoderSources = 8

// NewFindingEncoder returns an encoder that appends each finding as
// f.AppendJSONIndent(b, prefix, indent) does.
func NewFindingEncoder(prefix, indent string) *FindingEncoder {
	return &FindingEncoder{prefix: prefix, indent: indent}
}

// AppendJSONIndent appends f to b as f.AppendJSONIndent(b, prefix, indent)
// does with the encoder's prefix and indent, and returns the extended
// buffer; the error, for an undefined severity or confidence, is
// [Finding.MarshalJSON]'s, and b is then returned as it was.
func (e *FindingEncoder) AppendJSONIndent(b []byte, f *Finding) ([]byte, error) {
	if !f.Severity.codeOK() || !f.Source.Confidence.codeOK() {
		return f.AppendJSONIndent(b, e.prefix, e.indent)
	}
	return f.appendJSONLayout(b, jsonLayout{indented: true, prefix: e.prefix, indent: e.indent, sources: &e.sources}), nil
}

// codeOK reports whether v encodes: unset or defined.
func (v Severity) codeOK() bool { return v == SeverityUnknown || v.IsValid() }

// codeOK reports whether c encodes: unset or defined.
func (c Confidence) codeOK() bool { return c == ConfidenceUnknown || c.IsValid() }

// sourceCache holds the encodings of the last sources a layout wrote.
type sourceCache struct {
	entries [FindingEncoderSources]struct {
		src Source
		enc []byte
	}
	n, last, next int // entries used, the one last hit, the one the next miss fills
}

// appendSource appends the source member of a finding as l.appendSource
// does, copied from the cache when src is there.
func (c *sourceCache) appendSource(b []byte, l jsonLayout, src *Source) []byte {
	// Strings equal to a cached source's usually share its bytes, so the
	// comparison is quick.
	if c.n > 0 && c.entries[c.last].src == *src {
		return append(b, c.entries[c.last].enc...)
	}
	for i := range c.n {
		if c.entries[i].src == *src {
			c.last = i
			return append(b, c.entries[i].enc...)
		}
	}
	n := len(b)
	b = l.appendSource(b, src)
	e := &c.entries[c.next]
	e.src, e.enc = *src, append(e.enc[:0], b[n:]...)
	c.last, c.n = c.next, max(c.n, c.next+1)
	c.next = (c.next + 1) % FindingEncoderSources
	return b
}
