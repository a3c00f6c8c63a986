package story

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SentenceCase rewrites a headline in title case ("Rebels Announce
// Suspension of Attacks") into sentence case, so that the tagger and the
// actor rules read it like running text: after the first word, a
// capitalised word is lower-cased unless known reports it as a name
// ("Kenya", "Red Cross", "Paris"). Byte offsets are kept: only ASCII
// capitals change, so offsets into the result address the headline too.
// Acronyms (UN, EU, NATO) always keep their capitals; with a nil known
// they are the only names kept.
func SentenceCase(headline string, known NameCheck) string {
	b := []byte(headline)
	first := true
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
		if !first && word[0] >= 'A' && word[0] <= 'Z' && !isName(word, known) {
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

// isName reports a word sentence casing keeps: an acronym (UN, EU, NATO)
// or a word known names.
func isName(word string, known NameCheck) bool {
	if len(word) > 1 && strings.ToUpper(word) == word {
		return true
	}
	return known != nil && known(word)
}
