package text

import (
	"unicode"
	"unicode/utf8"
)

// span is a half-open range, of bytes or of token indexes.
type span struct{ start, end int }

// line is one line of the text, with its terminator excluded.
type line struct {
	start, end int
	blank      bool
	// parBreak marks a line ended by U+2029 PARAGRAPH SEPARATOR, which
	// always ends a paragraph.
	parBreak bool
}

// splitParagraphs appends the paragraphs of text to out. Paragraphs are
// separated by blank lines; a text without blank lines but with several
// lines (one paragraph a line, as many feeds deliver) gets a paragraph per
// non-blank line. Each paragraph is trimmed of surrounding white space.
func splitParagraphs(text string, lines []line, out []span) ([]span, []line) {
	lines = lines[:0]
	start, blank := 0, true
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '\n' || c == '\r':
			lines = append(lines, line{start: start, end: i, blank: blank})
			if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			i++
			start, blank = i, true
			continue
		case c <= ' ' || c == 0x7f:
			i++
			continue
		case c < utf8.RuneSelf:
			blank = false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\u2028' || r == '\u2029' {
			lines = append(lines, line{start: start, end: i, blank: blank, parBreak: r == '\u2029'})
			i += size
			start, blank = i, true
			continue
		}
		if !(unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)) {
			blank = false
		}
		i += size
	}
	lines = append(lines, line{start: start, end: len(text), blank: blank})

	// Blank-line mode when a blank line (or a paragraph separator) sits
	// between two non-blank lines.
	blankMode := false
	seenText, pendingBlank := false, false
	for _, l := range lines {
		if l.blank {
			pendingBlank = pendingBlank || seenText
			continue
		}
		if pendingBlank {
			blankMode = true
			break
		}
		seenText = true
		if l.parBreak {
			pendingBlank = true
		}
	}

	ps, pe := -1, -1
	flush := func() {
		if ps >= 0 {
			s, e := trimSpace(text, ps, pe)
			if s < e {
				out = append(out, span{s, e})
			}
		}
		ps, pe = -1, -1
	}
	for _, l := range lines {
		if l.blank {
			flush()
			continue
		}
		if ps < 0 {
			ps = l.start
		}
		pe = l.end
		if !blankMode || l.parBreak {
			flush()
		}
	}
	flush()
	return out, lines
}

// trimSpace narrows text[s:e] to exclude leading and trailing white space
// and invisible format characters.
func trimSpace(text string, s, e int) (int, int) {
	for s < e {
		c := text[s]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				break
			}
			s++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[s:e])
		if !(unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)) {
			break
		}
		s += size
	}
	for e > s {
		c := text[e-1]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				break
			}
			e--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !(unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)) {
			break
		}
		e -= size
	}
	return s, e
}
