package event

import (
	"strings"

	"github.com/dateline-project/dateline/internal/lang/en"
)

// lemmaCandidates returns the forms a lower-case word may be an inflection
// of, the word itself first: "accused" gives accused, accuse, accus;
// "talks" gives talks, talk; "shelling" gives shelling, shell, shelle;
// "aides" gives aides, aide, but not aid.
// Trigger patterns are written as lemmas, and looking each candidate up in
// the trigger index is cheaper and more robust for news verbs than a full
// lemmatizer: a wrong candidate simply finds nothing. Irregular forms
// (held, fled, sought) come from the lexicon's own inflection table.
func lemmaCandidates(w string, out []string) []string {
	out = append(out[:0], w)
	n := len(w)
	add := func(s string) {
		if len(s) >= 2 {
			out = append(out, s)
		}
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		add(w[:n-3] + "y")
	case strings.HasSuffix(w, "ied") && n > 4:
		add(w[:n-3] + "y")
	case strings.HasSuffix(w, "ing") && n > 5:
		stem := w[:n-3]
		add(stem)
		add(stem + "e")
		if doubled(stem) {
			add(stem[:len(stem)-1])
		}
	case strings.HasSuffix(w, "ed") && n > 3:
		// Four letters are enough: "used", "sued", "owed".
		stem := w[:n-2]
		add(stem)
		add(w[:n-1]) // "accused" -> "accuse"
		if doubled(stem) {
			add(stem[:len(stem)-1])
		}
	case strings.HasSuffix(w, "s") && n > 3:
		// A plural and a verb's third person take "es" on the same
		// condition (a sibilant or an o), so "aides" is no "aid".
		for _, sg := range en.RegularSingulars(w) {
			add(sg)
		}
	}
	return out
}

// doubled reports a final doubled consonant, as in "stopp" or "shell".
func doubled(s string) bool {
	n := len(s)
	if n < 3 || s[n-1] != s[n-2] {
		return false
	}
	switch s[n-1] {
	case 'a', 'e', 'i', 'o', 'u', 'l', 's':
		// "shell", "press": keep; the undoubled form is added only
		// for stops like "stopp", "plann".
		return false
	}
	return true
}
