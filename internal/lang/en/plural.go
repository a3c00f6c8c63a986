package en

import "strings"

// RegularSingulars returns the singulars of which the lower-case word w
// is a regular plural: w less "s" ("attacks"), less "es" after a
// sibilant or an o ("crashes", "heroes"; both "hors" and "horse" for
// "horses", since the spelling cannot tell), or with "ies" turned back
// into "y" ("casualties"). Irregular plurals ("people", "crises") are not
// recognised. Lemma guessing that strips any "s" or "es" reads "aides" as
// "aid" and "rates" as "rat"; a rule that knows which endings English
// adds does not.
func RegularSingulars(w string) []string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return []string{w[:n-3] + "y"}
	case n > 3 && strings.HasSuffix(w, "es") && strings.ContainsAny(w[n-3:n-2], "sxzho"):
		return []string{w[:n-2], w[:n-1]}
	case n > 2 && w[n-1] == 's' && w[n-2] != 's':
		return []string{w[:n-1]}
	}
	return nil
}
