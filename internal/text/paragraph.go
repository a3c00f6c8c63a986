package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/lang/en"
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
// non-blank line, except where a line plainly breaks a sentence in two
// (hard-wrapped text, see wrapsOnto). Each paragraph is trimmed of
// surrounding white space.
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
	for i, l := range lines {
		if l.blank {
			flush()
			continue
		}
		if ps < 0 {
			ps = l.start
		}
		pe = l.end
		if l.parBreak || !blankMode && (i+1 == len(lines) || !wrapsOnto(text, l, lines[i+1])) ||
			blankMode && i+1 < len(lines) && capitalHeading(text, l) {
			flush()
		}
	}
	flush()
	return out, lines
}

// wrapsOnto reports whether line l is a hard-wrapped piece of a sentence
// that goes on in the next line: l does not end a sentence or a heading
// (no closing punctuation), and either it ends in a comma or in a word
// that no sentence ends with ("the", "of", "and"), or the next line opens
// in lower case. A title or a heading without a full stop is followed by
// a capital and stays a paragraph of its own.
func wrapsOnto(text string, l, next line) bool {
	if next.blank {
		return false
	}
	s, e := trimSpace(text, l.start, l.end)
	ns, ne := trimSpace(text, next.start, next.end)
	if s >= e || ns >= ne {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text[s:e])
	switch {
	case last == ',':
		return true
	case unicode.IsPunct(last) || unicode.IsSymbol(last):
		return false
	}
	if first, _ := utf8.DecodeRuneInString(text[ns:ne]); unicode.IsLower(first) {
		return true
	}
	w := e
	for w > s && text[w-1] != ' ' && text[w-1] != '\t' {
		w--
	}
	return en.NeverEndsSentence(strings.ToLower(text[w:e]))
}

// capitalHeading reports a line in capitals with no closing punctuation,
// a heading or a kicker ("SHIFTING GEARS"), which ends its paragraph even
// where blank lines mark paragraphs: a sentence's words are not all in
// capitals, and a heading is not followed by its own sentence.
func capitalHeading(text string, l line) bool {
	s, e := trimSpace(text, l.start, l.end)
	if s >= e {
		return false
	}
	letters := 0
	for _, r := range text[s:e] {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			letters++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(text[s:e])
	return letters >= 4 && !unicode.IsPunct(last)
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
