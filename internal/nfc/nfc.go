// Package nfc normalises text to Unicode NFC for matching and maps byte
// offsets in the normalised text back to the text it came from.
//
// dateline's offsets index the text as the user gave it, but its lexicons,
// gazetteer, tagger and parser were built from NFC text: "Bogota" with a
// combining acute accent (as macOS and some content systems write it) must
// find the same place as the precomposed "Bogotá". Normalising each lookup
// key would mean finding every lookup in every stage, and missing one
// degrades coding silently. Instead the pipeline codes the NFC form and
// maps every offset back (see pipeline.Apply), which is exact by
// construction and costs one scan for text that is already NFC, as nearly
// all text is.
package nfc

import (
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Map takes byte offsets in the NFC text back to the original. It records
// only the chunks that normalisation changed; between them the two texts
// are byte for byte the same, so offsets there differ by a constant.
type Map struct {
	chunks []chunk
}

// chunk is a run of the original, in[0]:in[1], whose normal form is
// out[0]:out[1] of the normalised text. Each run is a whole number of
// normalisation segments (a starter and the combining marks after it), so
// its ends are boundaries in both texts.
type chunk struct {
	in, out [2]int
}

// Normalize returns the NFC form of s and the map from its offsets back to
// s. When s is already NFC it returns s and a nil Map, and so it does for
// invalid UTF-8, whose normal form depends on how the invalid bytes fall
// (dateline's readers replace them with U+FFFD before anything is coded).
func Normalize(s string) (string, *Map) {
	n := norm.NFC.QuickSpanString(s)
	if n == len(s) || !utf8.ValidString(s) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	m := &Map{}
	i := 0
	for i < len(s) {
		if n > 0 {
			b.WriteString(s[i : i+n])
			i += n
		}
		if i >= len(s) {
			break
		}
		// s[i:] opens with a segment that may need composing or
		// reordering; normalising it on its own is exact because i is a
		// boundary, where normalisation of the text before and after is
		// independent.
		seg := nextBoundary(s[i:])
		in := s[i : i+seg]
		out := norm.NFC.String(in)
		if out != in {
			// The chunk is what changed, less the characters at either
			// end that normalisation left as they were, so that a span
			// ending at one of them maps back exactly.
			p, q := commonEnds(in, out)
			o := b.Len()
			m.chunks = append(m.chunks, chunk{in: [2]int{i + p, i + len(in) - q}, out: [2]int{o + p, o + len(out) - q}})
		}
		b.WriteString(out)
		i += seg
		n = norm.NFC.QuickSpanString(s[i:])
	}
	if len(m.chunks) == 0 {
		return s, nil
	}
	return b.String(), m
}

// nextBoundary returns the end of the segment that opens s: the next rune
// that composes with nothing before it. norm.NextBoundary is not used
// because it runs some segments together (before U+FFC7, for one), which
// would widen the spans mapped across them.
func nextBoundary(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	for n < len(s) {
		p := norm.NFC.PropertiesString(s[n:])
		if p.BoundaryBefore() {
			return n
		}
		_, size := utf8.DecodeRuneInString(s[n:])
		n += size
	}
	return n
}

// commonEnds returns the lengths of the longest common prefix and suffix
// of a and b that end on rune boundaries and do not overlap in either.
func commonEnds(a, b string) (p, q int) {
	for p < len(a) && p < len(b) {
		_, n := utf8.DecodeRuneInString(a[p:])
		if a[p:p+n] != b[p:min(p+n, len(b))] {
			break
		}
		p += n
	}
	for q < len(a)-p && q < len(b)-p {
		_, n := utf8.DecodeLastRuneInString(a[:len(a)-q])
		if n > len(a)-p-q || n > len(b)-p-q || a[len(a)-q-n:len(a)-q] != b[len(b)-q-n:len(b)-q] {
			break
		}
		q += n
	}
	return p, q
}

// Start maps an offset in the normalised text to the original, for the
// start of a span: an offset inside a changed chunk (which a span on rune
// boundaries meets only where two characters were composed into one and
// split again) moves to the chunk's start, so that the span keeps the
// whole of it.
func (m *Map) Start(off int) int { return m.at(off, false) }

// End maps an offset in the normalised text to the original, for the end
// of a span: an offset inside a changed chunk moves to the chunk's end.
func (m *Map) End(off int) int { return m.at(off, true) }

func (m *Map) at(off int, end bool) int {
	if m == nil {
		return off
	}
	// The last chunk that starts at or before off.
	k := sort.Search(len(m.chunks), func(k int) bool { return m.chunks[k].out[0] > off }) - 1
	if k < 0 {
		return off
	}
	c := &m.chunks[k]
	switch {
	case off >= c.out[1]:
		return c.in[1] + off - c.out[1]
	case off == c.out[0]:
		return c.in[0]
	case end:
		return c.in[1]
	}
	return c.in[0]
}
