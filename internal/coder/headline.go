package coder

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dateline-project/dateline/internal/geo/gazetteer"
)

// SentenceCase rewrites a headline in title case ("Rebels Announce
// Suspension of Attacks") into sentence case, so that the tagger and the
// actor rules read it like running text: after the first word, a
// capitalised word is lower-cased unless the actor dictionaries or the
// gazetteer know it as the start of a name ("Kenya", "Red Cross", "Paris").
// Byte offsets are kept: only ASCII capitals change.
func (c *Coder) SentenceCase(headline string) string {
	b := []byte(headline)
	first := true
	var key []byte
	for i := 0; i < len(headline); {
		r, n := utf8.DecodeRuneInString(headline[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(headline) {
			r2, n2 := utf8.DecodeRuneInString(headline[j:])
			if !unicode.IsLetter(r2) && r2 != '\'' && r2 != '-' && r2 != '.' {
				break
			}
			j += n2
		}
		word := headline[i:j]
		if !first && word[0] >= 'A' && word[0] <= 'Z' && !c.knownName(word, &key) {
			lower := strings.ToLower(word)
			if len(lower) == len(word) {
				copy(b[i:j], lower)
			}
		}
		first = false
		i = j
	}
	return string(b)
}

// knownName reports whether a capitalised word names something dateline
// knows: an acronym, a dictionary phrase or demonym, or a gazetteer place.
func (c *Coder) knownName(word string, key *[]byte) bool {
	if len(word) > 1 && strings.ToUpper(word) == word {
		return true // acronyms: UN, EU, NATO
	}
	lower := strings.ToLower(strings.TrimSuffix(word, "'s"))
	if _, ok := c.dict.Phrase(lower); ok {
		return true
	}
	*key = gazetteer.Fold((*key)[:0], word)
	return c.gaz.Has(*key)
}
