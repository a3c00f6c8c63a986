package dict

import (
	"strings"

	"github.com/dateline-project/dateline/internal/text"
)

// Key folds a phrase to the form dictionary lookups use: lower case the
// way text.LowerText lowers a document (so keys match slices of Doc.Lower),
// runs of white space collapsed to one space, ends trimmed, and
// typographic apostrophes (’ ‘ ʼ) folded to '.
func Key(s string) string {
	s = text.LowerText(s)
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u2009', '\u202f':
			space = b.Len() > 0
			continue
		case '’', '‘', 'ʼ':
			r = '\''
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isClean reports whether s needs no folding beyond lower-casing.
func isClean(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case c == '\t' || c == '\n' || c == '\r':
			return false
		case c >= 0x80 && strings.ContainsAny(s[i:], "’‘ʼ\u00a0\u2009\u202f"):
			return false
		}
		prevSpace = false
	}
	return true
}

// tokenSpan is a generous estimate of how many tokens a key spans: its
// words plus one for each punctuation mark, which a tokenizer may split
// off ("washington, d.c." is three or more tokens).
func tokenSpan(key string) int {
	n := 1
	for i := 0; i < len(key); i++ {
		switch key[i] {
		case ' ', ',', '.', '\'', '(', ')', '-', '/', '&', ';', ':':
			n++
		}
	}
	return n
}

// wordSeparators are the characters tokenSpan counts as token bounds.
const wordSeparators = " ,.'()-/&;:"

// nameStartPrefixes records in starts the prefixes of key that a
// tokenizer could make its first token: those ending on either side of
// each punctuation mark or space ("u", "u.", "u.s", "u.s." for "u.s.
// army"; "al" for "al-qaeda"), and the whole first word; none reaches
// past a space, which no token contains. A key opening with "the" adds
// the prefixes of the rest too, since the recognizer meets the name at
// the word after the article. Holding every split point keeps the
// index independent of how the tokenizer treats punctuation. Each prefix
// maps to a generous bound on the tokens from it to the key's end: one
// more than tokenSpan's estimate, for a prefix the tokenizer might split.
func nameStartPrefixes(key string, starts map[string]int) {
	for {
		n := tokenSpan(key) + 1
		note := func(p string) { starts[p] = max(starts[p], n) }
		// A token holds no space, so the prefixes end at the first
		// one: longer ones would only fill the table's cache lines.
		first := key
		if sp := strings.IndexByte(key, ' '); sp >= 0 {
			first = key[:sp]
		}
		if first != "" {
			note(first)
		}
		for i := 0; i < len(first); i++ {
			if strings.IndexByte(wordSeparators, first[i]) >= 0 {
				if i > 0 {
					note(first[:i])
				}
				note(first[:i+1])
			}
		}
		rest, ok := strings.CutPrefix(key, "the ")
		if !ok {
			return
		}
		key = rest
	}
}
